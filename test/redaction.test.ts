import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { storeSecret } from '../src/platform/security/secrets.ts';
import { ROLES } from '../src/platform/security/roles.ts';

/**
 * Drives real requests that carry every kind of secret — client secrets (Basic, form, even a URL),
 * access tokens, passwords, session cookies, CSRF tokens, an encrypted ERP credential — with logging at
 * trace level, then scans every log line and every API response for them.
 */
describe('secrets never appear in logs or responses', () => {
  let t: TestApp;
  const secrets: string[] = [];
  const bodies: string[] = [];
  before(async () => {
    t = await startTestApp(ENGINES[0]!, { LOG_LEVEL: 'trace' });
    await t.provision();
  });
  after(async () => t.close());

  it('keeps client secrets, tokens, passwords, cookies and ERP credentials out of every log line', async () => {
    // it hands on only what it holds: the new client's scope and the new user's finance role
    const client = await t.client('ACME', [
      ...new Set(['clients:admin', 'users:admin', 'audit:read', ...ROLES.finance.scopes] as const),
    ]);
    secrets.push(client.clientSecret, client.token);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const record = async (p: ReturnType<TestApp['request']>) => {
      const res = await p;
      bodies.push(res.body);
      return res;
    };
    await record(
      t.request({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          ...form,
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        },
        payload: 'grant_type=client_credentials',
      }),
    );
    await record(
      t.request({
        method: 'POST',
        url: '/oauth/token',
        headers: form,
        payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`,
      }),
    );
    await record(
      t.request({
        method: 'POST',
        url: `/oauth/token?client_id=${client.clientId}&client_secret=${client.clientSecret}`,
        headers: form,
        payload: 'grant_type=client_credentials',
      }),
    );
    await record(
      t.request({
        method: 'POST',
        url: '/oauth/token',
        headers: form,
        payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}x`,
      }),
    );
    const auth = { authorization: `Bearer ${client.token}` };
    const created = await record(
      t.request({
        method: 'POST',
        url: '/api/v1/clients',
        headers: auth,
        payload: { name: 'logged?', scopes: ['master-data:read'] },
      }),
    );
    const newSecret = created.json().clientSecret as string;
    secrets.push(newSecret);
    await record(
      t.request({
        method: 'POST',
        url: '/api/v1/users',
        headers: auth,
        payload: { username: 'logme', displayName: 'x', roles: ['finance'], password: 'Sup3r-s3cret-pw' },
      }),
    );
    secrets.push('Sup3r-s3cret-pw');
    const login = await record(
      t.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'logme', password: 'Sup3r-s3cret-pw' },
      }),
    );
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    secrets.push(cookie.split('=')[1]!, login.json().csrfToken);
    await record(
      t.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'logme', password: 'Wr0ng-s3cret-pw' },
      }),
    );
    secrets.push('Wr0ng-s3cret-pw');
    await record(
      t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { cookie, 'x-csrf-token': login.json().csrfToken },
        payload: { code: 'D1', name: 'x', kind: 'management' },
      }),
    );
    await record(
      t.request({ url: '/api/v1/departments', headers: { authorization: 'Bearer garbage.token.value' } }),
    );
    const company = await findCompany(t.database, 'ACME');
    await storeSecret(
      tenantDb(t.database.db, company!.id),
      t.running.context.security.keyring,
      t.clock,
      'erp-password',
      'K3-ERP-PASSWORD',
    );
    secrets.push('K3-ERP-PASSWORD');
    await record(t.request({ url: '/api/v1/audit-log?limit=500', headers: auth }));
    await record(t.request({ url: '/api/v1/clients', headers: auth }));

    assert.ok(t.logLines.length > 20, `logged ${t.logLines.length} lines`);
    for (const line of t.logLines)
      for (const secret of secrets) assert.ok(!line.includes(secret), `log line leaks a secret: ${line}`);
    // The one response allowed to carry a client secret is the creation response, once.
    for (const body of bodies.filter((b) => !b.includes('"clientSecret"'))) {
      for (const secret of [client.clientSecret, newSecret, 'Sup3r-s3cret-pw', 'K3-ERP-PASSWORD'])
        assert.ok(!body.includes(secret), `response leaks a secret: ${body.slice(0, 200)}`);
    }
    assert.ok(
      t.logLines.some((l) => l.includes('client_secret=[redacted]')),
      'the URL was logged, masked',
    );
  });
});
