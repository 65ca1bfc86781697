import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { acceptWebhook, signWebhook, TOLERANCE_SECONDS } from '../src/platform/security/webhook-signature.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { DomainError } from '../src/model/result.ts';

for (const engine of ENGINES) {
  describe(`idempotency keys and webhooks on ${engine.engine}`, () => {
    let t: TestApp;
    let auth: Record<string, string>;
    let client: { clientId: string; clientSecret: string; token: string };
    before(async () => {
      t = await startTestApp(engine);
      await t.provision();
      client = await t.client('ACME', ['master-data:write', 'master-data:read']);
      auth = { authorization: `Bearer ${client.token}` };
    });
    after(async () => t.close());

    it('replays the stored response for the same key and body, refuses a different body, and expires after 24 h', async () => {
      const payload = { code: 'D-IDEM', name: '幂等部门', kind: 'management' };
      const send = (key: string, body: object) =>
        t.request({
          method: 'POST',
          url: '/api/v1/departments',
          headers: { ...auth, 'idempotency-key': key, 'accept-language': 'en' },
          payload: body,
        });
      const first = await send('key-1', payload);
      assert.equal(first.statusCode, 201);
      const again = await send('key-1', payload);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), first.json());
      assert.equal(again.headers['location'], first.headers['location']);
      const list = (await t.request({ url: '/api/v1/departments?q=D-IDEM', headers: auth })).json();
      assert.equal(list.items.length, 1, 'created once');
      const changed = await send('key-1', { ...payload, name: '别的名字' });
      assert.equal(changed.statusCode, 422);
      assert.equal(changed.json().code, 'idempotency_key_reused');
      const badKey = await send('has space', payload);
      assert.equal(badKey.json().code, 'invalid_idempotency_key');
      const failed = await send('key-2', { code: 'D-IDEM', name: 'dup', kind: 'management' });
      assert.equal(failed.statusCode, 409);
      assert.equal(
        (await send('key-2', { code: 'D-IDEM', name: 'dup', kind: 'management' })).headers[
          'idempotent-replayed'
        ],
        'true',
        '4xx answers replay too',
      );
      t.clock.advance(24 * 3600_000 + 1000);
      const renewed = await t.request({
        method: 'POST',
        url: '/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }).toString(),
      });
      auth = { authorization: `Bearer ${renewed.json().access_token}` };
      const afterExpiry = await send('key-1', { ...payload, code: 'D-IDEM-2' });
      assert.equal(afterExpiry.statusCode, 201, 'an expired key can be used again');
    });

    it('keeps keys apart per client', async () => {
      const other = await t.bearer('ACME', ['master-data:write']);
      const a = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { ...auth, 'idempotency-key': 'shared' },
        payload: { code: 'DA', name: 'a', kind: 'management' },
      });
      const b = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { ...other, 'idempotency-key': 'shared' },
        payload: { code: 'DB', name: 'b', kind: 'management' },
      });
      assert.deepEqual([a.statusCode, b.statusCode], [201, 201]);
      assert.equal(b.headers['idempotent-replayed'], undefined);
    });

    it('verifies signed webhooks and refuses replays, stale timestamps and bad signatures', async () => {
      const company = await findCompany(t.database, 'ACME');
      const db = tenantDb(t.database.db, company!.id);
      const body = JSON.stringify({ event: 'voucher.posted', id: 'V1' });
      const header = signWebhook('whsec_current', body, t.clock);
      await acceptWebhook(db, t.clock, {
        secrets: ['whsec_old', 'whsec_current'],
        header,
        body,
        source: 'kingdee',
      });
      const code = async (p: Promise<void>) => {
        try {
          await p;
          return 'accepted';
        } catch (error) {
          return error instanceof DomainError ? error.code : String(error);
        }
      };
      assert.equal(
        await code(
          acceptWebhook(db, t.clock, { secrets: ['whsec_current'], header, body, source: 'kingdee' }),
        ),
        'webhook_replayed',
      );
      assert.equal(
        await code(
          acceptWebhook(db, t.clock, {
            secrets: ['whsec_current'],
            header,
            body: body + ' ',
            source: 'kingdee',
          }),
        ),
        'webhook_signature_invalid',
      );
      assert.equal(
        await code(
          acceptWebhook(db, t.clock, {
            secrets: ['whsec_current'],
            header: undefined,
            body,
            source: 'kingdee',
          }),
        ),
        'webhook_signature_invalid',
      );
      const stale = signWebhook('whsec_current', body, t.clock);
      t.clock.advance((TOLERANCE_SECONDS + 1) * 1000);
      assert.equal(
        await code(
          acceptWebhook(db, t.clock, { secrets: ['whsec_current'], header: stale, body, source: 'kingdee' }),
        ),
        'webhook_signature_invalid',
      );
    });
  });
}

describe('HTTP hardening', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(ENGINES[0]!, {
      FINBRIDGE_RATE_LIMIT_IP: '40',
      FINBRIDGE_RATE_LIMIT_CLIENT: '5',
      FINBRIDGE_CORS_ORIGINS: 'https://console.example.com',
    });
    await t.provision();
  });
  after(async () => t.close());

  it('limits requests per client, then per IP, with Retry-After', async () => {
    const a = await t.bearer('ACME', ['master-data:read']);
    const b = await t.bearer('ACME', ['master-data:read']);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await t.request({ url: '/api/v1/departments', headers: a })).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    const limited = await t.request({
      url: '/api/v1/departments',
      headers: { ...a, 'accept-language': 'en' },
    });
    assert.equal(limited.json().code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(
      (await t.request({ url: '/api/v1/departments', headers: b })).statusCode,
      200,
      'another client has its own budget',
    );
    let ipLimited = 0;
    for (let i = 0; i < 40; i++) if ((await t.request({ url: '/healthz' })).statusCode === 429) ipLimited++;
    assert.ok(ipLimited > 0, 'the per-IP limit applies to anonymous callers too');
  });

  it('sends security headers and answers CORS only for configured origins', async () => {
    const other = await startTestApp(ENGINES[0]!, { FINBRIDGE_CORS_ORIGINS: 'https://console.example.com' });
    try {
      const res = await other.request({
        url: '/schemas',
        headers: { origin: 'https://console.example.com' },
      });
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
      assert.match(String(res.headers['strict-transport-security']), /max-age=/);
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
      assert.equal(res.headers['access-control-allow-origin'], 'https://console.example.com');
      const foreign = await other.request({
        url: '/schemas',
        headers: { origin: 'https://evil.example.net' },
      });
      assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    } finally {
      await other.close();
    }
  });
});
