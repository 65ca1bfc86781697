import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT, generateKeyPair, type CryptoKey } from 'jose';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { loadSigningKeys, rotateSigningKey } from '../src/platform/security/signing-keys.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});

for (const engine of ENGINES) {
  describe(`OAuth 2.0 and access tokens on ${engine.engine}`, () => {
    let t: TestApp;
    let client: { clientId: string; clientSecret: string; token: string };
    let otherSupplierId: string;
    const token = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      t.request({
        method: 'POST',
        url: '/oauth/token',
        headers: { ...FORM, ...headers },
        payload: form(fields),
      });

    before(async () => {
      t = await startTestApp(engine);
      await t.provision();
      await t.provision({ code: 'OTHER', taxId: '9144030071526726XG' });
      client = await t.client('ACME', ['master-data:read', 'companies:read']);
      const other = await t.bearer('OTHER', ['master-data:write']);
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/suppliers',
        headers: other,
        payload: { code: 'S-OTHER', name: '别家供应商', taxId: '91310115MA1K3BTP2B' },
      });
      otherSupplierId = created.json().id;
    });
    after(async () => t.close());

    it('issues a token with client_secret_basic and with client_secret_post', async () => {
      const viaBasic = await token(
        { grant_type: 'client_credentials' },
        basic(client.clientId, client.clientSecret),
      );
      assert.equal(viaBasic.statusCode, 200, viaBasic.body);
      assert.equal(viaBasic.json().token_type, 'Bearer');
      assert.equal(viaBasic.json().expires_in, 3600);
      assert.equal(viaBasic.headers['cache-control'], 'no-store');
      const viaPost = await token({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        scope: 'master-data:read',
      });
      assert.equal(viaPost.statusCode, 200);
      assert.equal(viaPost.json().scope, 'master-data:read');
    });

    it('answers OAuth errors in the RFC 6749 shape', async () => {
      const wrong = await token({ grant_type: 'client_credentials' }, basic(client.clientId, 'fbs_wrong'));
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error, 'invalid_client');
      assert.match(String(wrong.headers['www-authenticate']), /^Basic/);
      const none = await token({ grant_type: 'client_credentials' });
      assert.equal(none.json().error, 'invalid_client');
      const both = await token(
        { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret },
        basic(client.clientId, client.clientSecret),
      );
      assert.equal(both.json().error, 'invalid_request');
      const grant = await token({ grant_type: 'password' }, basic(client.clientId, client.clientSecret));
      assert.equal(grant.json().error, 'unsupported_grant_type');
      const scope = await token(
        { grant_type: 'client_credentials', scope: 'master-data:write' },
        basic(client.clientId, client.clientSecret),
      );
      assert.equal(scope.statusCode, 400);
      assert.equal(scope.json().error, 'invalid_scope');
    });

    it('lets a scoped token call its routes: 200 with the scope, 403 without, 401 without a token, 404 for another tenant', async () => {
      const auth = { authorization: `Bearer ${client.token}` };
      assert.equal((await t.request({ url: '/api/v1/suppliers', headers: auth })).statusCode, 200);
      const write = await t.request({
        method: 'POST',
        url: '/api/v1/suppliers',
        headers: auth,
        payload: { code: 'S9', name: 'x', taxId: '91310115MA1K3BTP2B' },
      });
      assert.equal(write.statusCode, 403);
      assert.equal(write.json().code, 'insufficient_scope');
      assert.match(String(write.headers['www-authenticate']), /insufficient_scope.*master-data:write/);
      const anonymous = await t.request({ url: '/api/v1/suppliers' });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.headers['www-authenticate'], 'Bearer realm="finbridge"');
      const theirs = await t.request({ url: `/api/v1/suppliers/${otherSupplierId}`, headers: auth });
      assert.equal(theirs.statusCode, 404);
    });

    it('refuses expired, forged, alg:none, wrong-audience and garbage tokens with 401 invalid_token', async () => {
      const keys = await loadSigningKeys(t.database, t.running.context.security.keyring);
      const issuer = t.running.context.config.publicBaseUrl;
      const now = Math.floor(t.clock.now().getTime() / 1000);
      const claims = {
        scope: 'master-data:read',
        client_id: client.clientId,
        tenant: (
          await t.request({ url: '/auth/me', headers: { authorization: `Bearer ${client.token}` } })
        ).json().tenantId,
      };
      const sign = (key: CryptoKey, kid: string, audience: string) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
          .setIssuer(issuer)
          .setAudience(audience)
          .setSubject(client.clientId)
          .setJti(crypto.randomUUID())
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .sign(key);
      const forgedKey = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const cases: [string, string, string][] = [
        ['forged', await sign(forgedKey, keys.signing.kid, 'finbridge-api'), 'bad_signature'],
        ['wrong audience', await sign(keys.signing.key, keys.signing.kid, 'someone-else'), 'wrong_audience'],
        ['unknown key', await sign(forgedKey, 'k-nobody', 'finbridge-api'), 'unknown_key'],
        [
          'alg none',
          `${b64({ alg: 'none', typ: 'at+jwt', kid: keys.signing.kid })}.${b64({ ...claims, aud: 'finbridge-api', iss: issuer, exp: now + 600, iat: now, sub: client.clientId, jti: 'x' })}.`,
          'malformed',
        ],
        ['garbage', 'not.a.jwt', 'malformed'],
      ];
      for (const [label, jwt, reason] of cases) {
        const res = await t.request({
          url: '/api/v1/suppliers',
          headers: { authorization: `Bearer ${jwt}`, 'accept-language': 'en' },
        });
        assert.equal(res.statusCode, 401, label);
        assert.equal(res.json().code, 'invalid_token', label);
        assert.match(res.json().detail, new RegExp(reason), label);
      }
      const valid = await sign(keys.signing.key, keys.signing.kid, 'finbridge-api');
      assert.equal(
        (await t.request({ url: '/api/v1/suppliers', headers: { authorization: `Bearer ${valid}` } }))
          .statusCode,
        200,
        'a correctly signed token passes',
      );
      t.clock.advance(3601_000);
      const expired = await t.request({
        url: '/api/v1/suppliers',
        headers: { authorization: `Bearer ${client.token}`, 'accept-language': 'en' },
      });
      assert.equal(expired.statusCode, 401);
      assert.match(expired.json().detail, /expired/);
    });

    it('revokes a token (RFC 7009) and introspects tokens (RFC 7662)', async () => {
      const fresh = await t.client('ACME', ['master-data:read']);
      const creds = basic(fresh.clientId, fresh.clientSecret);
      const active = await t.request({
        method: 'POST',
        url: '/oauth/introspect',
        headers: { ...FORM, ...creds },
        payload: form({ token: fresh.token }),
      });
      assert.equal(active.json().active, true);
      assert.equal(active.json().scope, 'master-data:read');
      const foreign = await t.client('OTHER', ['master-data:read']);
      const cross = await t.request({
        method: 'POST',
        url: '/oauth/introspect',
        headers: { ...FORM, ...basic(foreign.clientId, foreign.clientSecret) },
        payload: form({ token: fresh.token }),
      });
      assert.deepEqual(cross.json(), { active: false }, 'another company cannot introspect our tokens');
      const revoked = await t.request({
        method: 'POST',
        url: '/oauth/revoke',
        headers: { ...FORM, ...creds },
        payload: form({ token: fresh.token }),
      });
      assert.equal(revoked.statusCode, 200);
      const after = await t.request({
        url: '/api/v1/suppliers',
        headers: { authorization: `Bearer ${fresh.token}`, 'accept-language': 'en' },
      });
      assert.equal(after.statusCode, 401);
      assert.match(after.json().detail, /revoked/);
      const inactive = await t.request({
        method: 'POST',
        url: '/oauth/introspect',
        headers: { ...FORM, ...creds },
        payload: form({ token: fresh.token }),
      });
      assert.deepEqual(inactive.json(), { active: false });
      const junk = await t.request({
        method: 'POST',
        url: '/oauth/revoke',
        headers: { ...FORM, ...creds },
        payload: form({ token: 'junk' }),
      });
      assert.equal(junk.statusCode, 200, 'RFC 7009: invalid tokens are not an error');
    });

    it('rotates signing keys without invalidating live tokens', async () => {
      const before = await t.client('ACME', ['master-data:read']);
      const jwksBefore = (await t.request({ url: '/.well-known/jwks.json' })).json();
      const { security, config } = t.running.context;
      const newKid = await rotateSigningKey(
        t.database,
        security.keyring,
        t.clock,
        config.security.tokenTtlSeconds,
      );
      await security.tokens.reload();
      const jwks = (await t.request({ url: '/.well-known/jwks.json' })).json();
      assert.equal(jwks.keys.length, Number(jwksBefore.keys.length) + 1);
      assert.ok(jwks.keys.some((k: { kid: string }) => k.kid === newKid));
      assert.ok(
        jwks.keys.every((k: { d?: string }) => k.d === undefined),
        'no private parts',
      );
      assert.equal(
        (await t.request({ url: '/api/v1/suppliers', headers: { authorization: `Bearer ${before.token}` } }))
          .statusCode,
        200,
        'old token still valid',
      );
      const after = await t.client('ACME', ['master-data:read']);
      const header = JSON.parse(Buffer.from(after.token.split('.')[0]!, 'base64url').toString());
      assert.equal(header.kid, newKid);
      assert.equal(
        (await t.request({ url: '/api/v1/suppliers', headers: { authorization: `Bearer ${after.token}` } }))
          .statusCode,
        200,
      );
    });

    it('stops a revoked client’s tokens at once', async () => {
      const admin = await t.bearer('ACME', ['clients:admin']);
      const victim = await t.client('ACME', ['master-data:read']);
      const list = (await t.request({ url: '/api/v1/clients', headers: admin })).json();
      const row = list.items.find((c: { clientId: string }) => c.clientId === victim.clientId);
      assert.ok(
        row &&
          list.items.every((c: Record<string, unknown>) => !('secretHash' in c) && !('clientSecret' in c)),
      );
      const revoke = await t.request({
        method: 'POST',
        url: `/api/v1/clients/${row.id}/revoke`,
        headers: admin,
      });
      assert.equal(revoke.statusCode, 200);
      assert.equal(
        (await t.request({ url: '/api/v1/suppliers', headers: { authorization: `Bearer ${victim.token}` } }))
          .statusCode,
        401,
      );
      const again = await token(
        { grant_type: 'client_credentials' },
        basic(victim.clientId, victim.clientSecret),
      );
      assert.equal(again.json().error, 'invalid_client');
    });

    it('creates a client through the API and shows the secret once', async () => {
      const admin = await t.bearer('ACME', ['clients:admin', 'vouchers:write']);
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/clients',
        headers: admin,
        payload: { name: 'ERP sync', scopes: ['vouchers:write'] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { client: c, clientSecret } = created.json();
      assert.match(clientSecret, /^fbs_/);
      const issued = await token({ grant_type: 'client_credentials' }, basic(c.clientId, clientSecret));
      assert.equal(issued.json().scope, 'vouchers:write');
      const bad = await t.request({
        method: 'POST',
        url: '/api/v1/clients',
        headers: admin,
        payload: { name: 'x', scopes: ['root:everything'] },
      });
      assert.equal(bad.statusCode, 422);
    });

    it('refuses to give a new client a scope its maker does not hold, naming the scope', async () => {
      const admin = await t.bearer('ACME', ['clients:admin', 'master-data:read']);
      const before = (await t.request({ url: '/api/v1/clients', headers: admin })).json().items.length;
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/clients',
        headers: admin,
        payload: { name: 'escalate', scopes: ['master-data:read', 'clients:admin', 'vouchers:write'] },
      });
      assert.equal(res.statusCode, 403, res.body);
      const problem = res.json();
      assert.equal(problem.code, 'scope_not_held');
      assert.deepEqual(
        problem.errors.map((e: { pointer: string }) => e.pointer),
        ['/scopes/2'],
      );
      assert.match(problem.detail, /vouchers:write/);
      const after = (await t.request({ url: '/api/v1/clients', headers: admin })).json().items.length;
      assert.equal(after, before, 'no client was made');
    });

    it('publishes authorization-server metadata', async () => {
      const meta = (await t.request({ url: '/.well-known/oauth-authorization-server' })).json();
      assert.deepEqual(meta.grant_types_supported, ['client_credentials']);
      assert.ok(meta.scopes_supported.includes('vouchers:write'));
    });
  });
}
