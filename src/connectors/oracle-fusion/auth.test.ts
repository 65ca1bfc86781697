import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { basicAuth, jwtBearer, x5tOf } from './auth.ts';
import { TenantAuth } from './simulator/auth.ts';
import { selfSignedCertificate } from './simulator/certificate.ts';

const AT = Date.parse('2026-11-28T02:00:00Z');
const pair = selfSignedCertificate('test', new Date(AT));

describe('Oracle JWT bearer and Basic sign-in', () => {
  it('builds a certificate Node reads, for the key it was made with', () => {
    const cert = new X509Certificate(pair.certificate);
    assert.match(cert.subject, /CN=test/);
    assert.equal(cert.checkPrivateKey(createPrivateKey(pair.privateKey)), true);
    assert.match(x5tOf(pair.certificate), /^[A-Za-z0-9_-]{27}$/, 'base64url SHA-1');
  });

  it('signs a JWT with x5t, iss, sub and prn, and reuses it while it is fresh', async () => {
    let clock = AT;
    const auth = jwtBearer({
      username: 'FIN_INTEGRATION',
      ...pair,
      issuer: 'fb',
      lifetimeS: 300,
      now: () => new Date(clock),
    });
    const header = await auth.header();
    const token = header.replace(/^Bearer /, '');
    assert.deepEqual(decodeProtectedHeader(token), {
      alg: 'RS256',
      typ: 'JWT',
      x5t: x5tOf(pair.certificate),
    });
    const claims = decodeJwt(token);
    assert.deepEqual(
      [claims.iss, claims.sub, claims['prn'], claims.exp! - claims.iat!],
      ['fb', 'FIN_INTEGRATION', 'FIN_INTEGRATION', 300],
    );
    clock += 60_000;
    assert.equal(await auth.header(), header, 'reused within its life');
    clock += 200_000;
    assert.notEqual(await auth.header(), header, 'renewed once most of its life is used');
    const renewed = await auth.header();
    auth.refresh();
    clock += 1000;
    assert.notEqual(await auth.header(), renewed, 'signed again after a refusal');
  });

  it('is accepted by the tenant while young enough, refused once older than the tenant allows', async () => {
    let clock = AT;
    const now = () => new Date(clock);
    const tenant = new TenantAuth(
      [{ username: 'FIN_INTEGRATION', password: 'pw' }],
      { issuer: 'fb', certificate: pair.certificate },
      5,
      now,
    );
    const auth = jwtBearer({ username: 'FIN_INTEGRATION', ...pair, issuer: 'fb', lifetimeS: 300, now });
    const header = await auth.header();
    assert.deepEqual(await tenant.check(header), { ok: true, user: 'FIN_INTEGRATION' });
    clock += 6000;
    const verdict = await tenant.check(header);
    assert.equal(verdict.ok, false);
    const stranger = jwtBearer({
      username: 'FIN_INTEGRATION',
      ...pair,
      issuer: 'someone',
      lifetimeS: 300,
      now,
    });
    assert.equal((await tenant.check(await stranger.header())).ok, false, 'another issuer');
    const other = selfSignedCertificate('other', new Date(AT));
    const forged = jwtBearer({ username: 'FIN_INTEGRATION', ...other, issuer: 'fb', lifetimeS: 300, now });
    assert.equal((await tenant.check(await forged.header())).ok, false, 'a key the tenant does not trust');
  });

  it('sends Basic credentials the tenant checks', async () => {
    const tenant = new TenantAuth(
      [{ username: 'U', password: 'p:w' }],
      { issuer: 'fb', certificate: pair.certificate },
      5,
      () => new Date(AT),
    );
    assert.deepEqual(await tenant.check(await basicAuth('U', 'p:w').header()), { ok: true, user: 'U' });
    assert.equal((await tenant.check(await basicAuth('U', 'wrong').header())).ok, false);
    assert.equal((await tenant.check(undefined)).ok, false);
  });
});
