import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { startDemoSimulator } from '../src/demo/erp.ts';
import type { RunningSimulator } from '../src/connectors/contract.ts';
import { readSecret } from '../src/platform/security/secrets.ts';
import { tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';

/**
 * Maker-checker for ERP connection settings (target `connection-settings`), on both engines: once the
 * company requires it, creating or changing a connection (address, settings, credentials, rate limit)
 * through the connections API is refused and filed as a change request instead — its credentials sealed
 * aside and `[redacted]` in the payload, the diff and the audit log — approved by a second person with
 * connections:admin and applied in the approving transaction, or rejected (the sealed copy dropped).
 * Pausing alone is never held back; an approval that cannot be applied changes nothing.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

for (const engine of ENGINES) {
  describe(`connection settings maker-checker on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: RunningSimulator;
    let db: TenantDb;
    let connectionId = '';
    const users = new Map<string, { cookie: string; csrf: string }>();
    // a password that cannot turn up by chance in a JSON document
    const secret = `S3cret-${randomBytes(12).toString('hex')}`;

    const as = async (who: string, method: Method, url: string, payload?: unknown) => {
      const user = users.get(who);
      if (user === undefined) throw new Error(`no user ${who}`);
      const res = await t.request({
        method,
        url,
        headers: { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>(), raw: res.body };
    };
    const ok = async (who: string, method: Method, url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const connection = async (id = connectionId) => ok('ann', 'GET', `/api/v1/connections/${id}`);
    const secretCount = async () => (await db.selectFrom('secrets').select('id').execute()).length;
    const credentialsInForce = async (id = connectionId) => {
      const row = await db
        .selectFrom('connections')
        .select('credentials_secret_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return JSON.parse(
        await readSecret(db, t.running.context.security.keyring, row.credentials_secret_id ?? ''),
      ) as Record<string, string>;
    };
    /** Every place a secret must never be: change requests, the audit log (sealed and pending). */
    const storedText = async () =>
      JSON.stringify([
        await db.selectFrom('change_requests').selectAll().execute(),
        await db.selectFrom('audit_log').select(['before_json', 'after_json']).execute(),
        await db.selectFrom('audit_pending').select(['before_json', 'after_json']).execute(),
      ]);

    before(async () => {
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' });
      const companyId = await t.provision();
      db = tenantDb(t.database.db, companyId);
      sim = await startDemoSimulator(t.running.context.clock, 'kingdee-k3cloud');
      for (const [name, roles] of [
        ['ann', ['admin']],
        ['bob', ['admin']],
        ['fin', ['finance']],
      ] as const)
        users.set(name, await t.user('ACME', name, roles));
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('changes a connection directly until the company requires a second person, then refuses with 409', async () => {
      const created = await ok('ann', 'POST', '/api/v1/connections', {
        name: 'kingdee',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        ...sim.connection,
        rateLimitRps: 5,
      });
      connectionId = String(created['id']);
      assert.equal(
        (await ok('ann', 'PATCH', `/api/v1/connections/${connectionId}`, { rateLimitRps: 6 }))[
          'rateLimitRps'
        ],
        6,
      );
      const policies = (await ok('ann', 'GET', '/api/v1/governance/change-policies'))['items'] as Body[];
      assert.deepEqual(
        policies.find((p) => p['target'] === 'connection-settings'),
        {
          target: 'connection-settings',
          label: { zh: 'ERP 连接设置', en: 'ERP connection settings' },
          requiresApproval: false,
          updatedBy: null,
          updatedAt: null,
        },
      );
      await ok('ann', 'PUT', '/api/v1/governance/change-policies/connection-settings', {
        requiresApproval: true,
      });

      const patch = await as('ann', 'PATCH', `/api/v1/connections/${connectionId}`, { rateLimitRps: 9 });
      assert.equal(patch.status, 409);
      assert.equal(patch.body['code'], 'change_requires_approval');
      const withSecret = await as('ann', 'PATCH', `/api/v1/connections/${connectionId}`, {
        credentials: { password: secret },
      });
      assert.equal(withSecret.status, 409);
      const create = await as('ann', 'POST', '/api/v1/connections', {
        name: 'kingdee 2',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        ...sim.connection,
      });
      assert.equal(create.status, 409);
      assert.equal(create.body['code'], 'change_requires_approval');
      const current = await connection();
      assert.equal(current['rateLimitRps'], 6);
      assert.equal(current['version'], 2);
      assert.deepEqual(await credentialsInForce(), sim.connection.credentials);

      // pausing and resuming alone is an operator's move in an incident: never held back
      assert.equal(
        (await ok('ann', 'PATCH', `/api/v1/connections/${connectionId}`, { status: 'paused' }))['status'],
        'paused',
      );
      assert.equal(
        (await ok('ann', 'PATCH', `/api/v1/connections/${connectionId}`, { status: 'active' }))['status'],
        'active',
      );
    });

    it('files a change with its credentials sealed aside and redacted in the payload, the diff and the audit log', async () => {
      const secretsBefore = await secretCount();
      const filed = await as('ann', 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: connectionId,
        payload: { op: 'update', patch: { rateLimitRps: 7, credentials: { password: secret } } },
      });
      assert.equal(filed.status, 201, filed.raw);
      assert.ok(!filed.raw.includes(secret), 'the filing answer never holds the secret');
      assert.equal(filed.body['status'], 'pending');
      assert.equal(filed.body['subject'], connectionId);
      assert.match(String(filed.body['summary']), /kingdee .*rateLimitRps, credentials/);
      assert.deepEqual(filed.body['diff'], [
        { path: '/rateLimitRps', before: 6, after: 7 },
        { path: '/credentials/password', before: '[redacted]', after: '[redacted]' },
      ]);
      assert.deepEqual(filed.body['payload']['patch'], {
        rateLimitRps: 7,
        credentials: { password: '[redacted]' },
      });
      assert.equal(await secretCount(), secretsBefore + 1, 'the proposed credentials sealed in a secret');
      const shown = await as('fin', 'GET', `/api/v1/governance/change-requests/${String(filed.body['id'])}`);
      assert.equal(shown.status, 200);
      assert.ok(!shown.raw.includes(secret));
      assert.ok(!(await as('fin', 'GET', '/api/v1/governance/change-requests')).raw.includes(secret));
      assert.ok(!(await storedText()).includes(secret), 'no secret in change requests or the audit log');

      // nothing in force yet
      const current = await connection();
      assert.equal(current['rateLimitRps'], 6);
      assert.deepEqual(await credentialsInForce(), sim.connection.credentials);
      assert.equal((await ok('ann', 'POST', `/api/v1/connections/${connectionId}/test`, {}))['ok'], true);

      const own = await as(
        'ann',
        'POST',
        `/api/v1/governance/change-requests/${String(filed.body['id'])}/approve`,
        {},
      );
      assert.equal(own.status, 403);
      assert.equal(own.body['code'], 'change_same_person');
      // finance holds governance:approve but not connections:admin
      const finance = await as(
        'fin',
        'POST',
        `/api/v1/governance/change-requests/${String(filed.body['id'])}/approve`,
        {},
      );
      assert.equal(finance.status, 403);
      assert.equal(finance.body['code'], 'insufficient_scope');
      assert.equal((await connection())['rateLimitRps'], 6);

      const approved = await as(
        'bob',
        'POST',
        `/api/v1/governance/change-requests/${String(filed.body['id'])}/approve`,
        {
          note: 'new ERP password from IT',
        },
      );
      assert.equal(approved.status, 200, approved.raw);
      assert.ok(!approved.raw.includes(secret));
      assert.equal(approved.body['status'], 'applied');
      assert.match(String(approved.body['decidedBy']), /bob/);
      assert.match(String(approved.body['requestedBy']), /ann/);
      assert.equal(approved.body['result']['rateLimitRps'], 7);
      const applied = await connection();
      assert.equal(applied['rateLimitRps'], 7);
      assert.equal(applied['version'], 5);
      assert.deepEqual(await credentialsInForce(), { password: secret });
      assert.equal(await secretCount(), secretsBefore, 'the sealed proposal is gone once applied');
      // the ERP itself now sees the new (wrong) password
      const test = await ok('ann', 'POST', `/api/v1/connections/${connectionId}/test`, {});
      assert.equal(test['ok'], false, JSON.stringify(test));
      assert.ok(!(await storedText()).includes(secret), 'approval and the change itself: no secret logged');

      const audit = await db
        .selectFrom('audit_pending')
        .select(['action', 'entity_type', 'actor'])
        .where('entity_type', 'in', ['ChangeRequest', 'Connection'])
        .execute();
      const sealed = await db
        .selectFrom('audit_log')
        .select(['action', 'entity_type', 'actor'])
        .where('entity_type', 'in', ['ChangeRequest', 'Connection'])
        .execute();
      const actions = [...sealed, ...audit].map((a) => `${a.entity_type}.${a.action}`);
      assert.ok(
        ['ChangeRequest.request', 'ChangeRequest.approve', 'Connection.update_with_credentials'].every((a) =>
          actions.includes(a),
        ),
        actions.join(),
      );
    });

    it('a rejected change leaves the connection as it was and drops the sealed credentials', async () => {
      const secretsBefore = await secretCount();
      const versionBefore = (await connection())['version'];
      const filed = await ok('bob', 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: connectionId,
        payload: {
          op: 'update',
          patch: { baseUrl: 'http://127.0.0.1:9/k3cloud/', credentials: sim.connection.credentials },
        },
      });
      assert.deepEqual(
        (filed['diff'] as Body[]).map((d) => d['path']),
        ['/baseUrl', '/credentials/password'],
      );
      assert.equal(await secretCount(), secretsBefore + 1);
      const rejected = await ok(
        'ann',
        'POST',
        `/api/v1/governance/change-requests/${String(filed['id'])}/reject`,
        {
          note: 'wrong address',
        },
      );
      assert.equal(rejected['status'], 'rejected');
      assert.equal(await secretCount(), secretsBefore);
      const current = await connection();
      assert.equal(current['baseUrl'], sim.url);
      assert.equal(current['version'], versionBefore);
      assert.deepEqual(await credentialsInForce(), { password: secret });
      // decided once: neither the checker nor the maker can approve it afterwards
      for (const who of ['ann', 'bob']) {
        const late = await as(
          who,
          'POST',
          `/api/v1/governance/change-requests/${String(filed['id'])}/approve`,
          {},
        );
        assert.equal(late.status, 409, late.raw);
        assert.equal(late.body['code'], 'change_not_pending');
      }
      assert.equal((await connection())['version'], versionBefore);
    });

    it('checks a proposal when it is filed: field pointers inside the payload, the connection, the scope', async () => {
      const bad = await as('ann', 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: connectionId,
        payload: { op: 'update', patch: { settings: { ...sim.connection.settings, acctId: 42 } } },
      });
      assert.equal(bad.status, 422, bad.raw);
      assert.ok(
        (bad.body['errors'] as Body[]).some((e) =>
          String(e['pointer']).startsWith('/payload/patch/settings'),
        ),
        bad.raw,
      );
      const nothing = await as('ann', 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: connectionId,
        payload: { op: 'update', patch: { rateLimitRps: 7 } },
      });
      assert.equal(nothing.status, 422);
      assert.equal(nothing.body['errors'][0]['pointer'], '/payload/patch');
      const unknown = await as('ann', 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: '00000000000000000000000000',
        payload: { op: 'update', patch: { rateLimitRps: 8 } },
      });
      assert.equal(unknown.status, 404);
      const extra = await as('ann', 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: connectionId,
        payload: { op: 'update', patch: { rateLimitRps: 8, name: 'renamed' } },
      });
      assert.equal(extra.status, 422);
      const finance = await as('fin', 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: connectionId,
        payload: { op: 'update', patch: { rateLimitRps: 8 } },
      });
      assert.equal(finance.status, 403);
      assert.equal(finance.body['code'], 'insufficient_scope');
      const pending = (
        await ok('ann', 'GET', '/api/v1/governance/change-requests?status=pending&target=connection-settings')
      )['items'] as Body[];
      assert.equal(pending.length, 0, 'refused proposals are not filed');
    });

    it('a new connection is created on approval; an approval that cannot be applied changes nothing', async () => {
      const proposal = {
        target: 'connection-settings',
        payload: {
          op: 'create',
          input: {
            name: 'kingdee branch',
            type: 'kingdee-k3cloud',
            baseUrl: sim.url,
            settings: sim.connection.settings,
            credentials: { password: secret },
            rateLimitRps: 3,
          },
        },
      };
      const clash = await as('ann', 'POST', '/api/v1/governance/change-requests', {
        ...proposal,
        payload: { ...proposal.payload, input: { ...proposal.payload.input, name: 'kingdee' } },
      });
      assert.equal(clash.status, 409);
      assert.equal(clash.body['code'], 'duplicate_code');

      const first = await as('ann', 'POST', '/api/v1/governance/change-requests', proposal);
      assert.equal(first.status, 201, first.raw);
      assert.ok(!first.raw.includes(secret));
      assert.equal(first.body['subject'], 'kingdee branch');
      const paths = (first.body['diff'] as Body[]).map((d) => d['path']);
      assert.deepEqual(paths, [
        '/baseUrl',
        '/name',
        '/rateLimitRps',
        '/settings',
        '/type',
        '/credentials/password',
      ]);
      assert.equal((first.body['diff'] as Body[]).at(-1)?.['after'], '[redacted]');
      const second = await ok('ann', 'POST', '/api/v1/governance/change-requests', proposal);

      const created = await ok(
        'bob',
        'POST',
        `/api/v1/governance/change-requests/${String(first.body['id'])}/approve`,
        {},
      );
      assert.equal(created['status'], 'applied');
      const branchId = String(created['result']['id']);
      const branch = await connection(branchId);
      assert.equal(branch['name'], 'kingdee branch');
      assert.equal(branch['rateLimitRps'], 3);
      assert.equal(branch['hasCredentials'], true);
      assert.deepEqual(await credentialsInForce(branchId), { password: secret });

      // the same name again: applying fails, so nothing changes and the request stays pending
      const secrets = await secretCount();
      const connections = ((await ok('ann', 'GET', '/api/v1/connections'))['items'] as Body[]).length;
      const failed = await as(
        'bob',
        'POST',
        `/api/v1/governance/change-requests/${String(second['id'])}/approve`,
        {},
      );
      assert.equal(failed.status, 409, failed.raw);
      assert.equal(failed.body['code'], 'duplicate_code');
      assert.equal(
        (await ok('ann', 'GET', `/api/v1/governance/change-requests/${String(second['id'])}`))['status'],
        'pending',
      );
      assert.equal(((await ok('ann', 'GET', '/api/v1/connections'))['items'] as Body[]).length, connections);
      assert.equal(
        await secretCount(),
        secrets,
        'its sealed credentials are still there for a later decision',
      );
      await ok('bob', 'POST', `/api/v1/governance/change-requests/${String(second['id'])}/reject`, {});
      assert.equal(await secretCount(), secrets - 1);
      assert.ok(!(await storedText()).includes(secret));

      // once the company stops requiring a second person, the routes change connections directly again
      await ok('bob', 'PUT', '/api/v1/governance/change-policies/connection-settings', {
        requiresApproval: false,
      });
      assert.equal(
        (await ok('ann', 'PATCH', `/api/v1/connections/${branchId}`, { rateLimitRps: 4 }))['rateLimitRps'],
        4,
      );
    });
  });
}
