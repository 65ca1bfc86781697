import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { ERROR_CODES } from '../src/model/error-codes.ts';
import { ALL_SCOPES } from '../src/platform/security/scopes.ts';
import { constraintFields, describeConstraint } from '../src/platform/store/errors.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { newId } from '../src/platform/store/ids.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';

/**
 * The defects an independent fuzz of the running server found (issue #20), one behaviour each: bad
 * input is refused as problem+json with a registered code and the field named, never a 500, and a
 * refused request writes nothing.
 */
function assertProblem(res: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json<Record<string, unknown>>();
  assert.equal(body['code'], code, res.body);
  assert.equal(body['status'], status);
  assert.ok(Object.hasOwn(ERROR_CODES, code), `${code} is registered`);
  return body;
}

const pointers = (body: Record<string, unknown>) =>
  (body['errors'] as { pointer: string }[] | undefined)?.map((e) => e.pointer) ?? [];

for (const engine of ENGINES) {
  describe(`bad input on ${engine.engine}`, () => {
    let t: TestApp;
    let auth: Record<string, string>;
    const errorLines = () => t.logLines.filter((l) => l.includes('"level":50'));

    before(async () => {
      t = await startTestApp(engine);
      await t.provision();
      await t.provision({ code: 'OTHER', taxId: '9144030071526726XG' });
      auth = await t.bearer('ACME', ALL_SCOPES);
    });
    after(async () => t.close());

    it('refuses a user whose employee does not exist with 422 naming employeeCode', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/users',
        headers: auth,
        payload: { username: 'no.employee', displayName: 'x', roles: ['employee'], employeeCode: 'E404' },
      });
      assert.deepEqual(pointers(assertProblem(res, 422, 'validation_failed')), ['/employeeCode']);
      const users = (await t.request({ url: '/api/v1/users', headers: auth })).json<{ items: object[] }>();
      assert.equal(users.items.length, 0, 'nothing stored');
    });

    it('refuses a user whose employee code breaks the code pattern (leading dash, NUL, lone surrogate)', async () => {
      for (const employeeCode of ['-E1', 'E\u00001', 'E\uD800']) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/users',
          headers: auth,
          payload: { username: 'bad.code', displayName: 'x', roles: ['employee'], employeeCode },
        });
        assert.deepEqual(pointers(assertProblem(res, 422, 'validation_failed')), ['/employeeCode']);
      }
    });

    it('refuses a negative budget amount on update with 422 and keeps the stored amount', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: auth,
        payload: { code: 'D1', name: 'd', kind: 'management' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const category = await t.request({
        method: 'POST',
        url: '/api/v1/expense-categories',
        headers: auth,
        payload: { code: 'TRAVEL', name: '差旅', standardCategory: 'travel' },
      });
      assert.equal(category.statusCode, 201, category.body);
      const budget = await t.request({
        method: 'POST',
        url: '/api/v1/budgets',
        headers: auth,
        payload: {
          departmentCode: 'D1',
          categoryCode: 'TRAVEL',
          period: '2026-11',
          amount: { amount: '1000.00', currency: 'CNY' },
          control: 'block',
        },
      });
      assert.equal(budget.statusCode, 201, budget.body);
      const id = budget.json<{ id: string }>().id;
      for (const amount of ['-1', '-0.01']) {
        const res = await t.request({
          method: 'PATCH',
          url: `/api/v1/budgets/${id}`,
          headers: { ...auth, 'if-match': '"1"' },
          payload: { amount },
        });
        const body = assertProblem(res, 422, 'validation_failed');
        assert.deepEqual(pointers(body), ['/amount']);
        assert.equal((body['errors'] as { code: string }[])[0]?.code, 'amount_negative');
      }
      const list = await t.request({ url: '/api/v1/budgets?departmentCode=D1', headers: auth });
      const stored = list.json<{ items: { amount: { amount: string }; version: number }[] }>().items[0];
      assert.equal(stored?.amount.amount, '1000.00');
      assert.equal(stored.version, 1);
    });

    it('answers 404 for a standard named like an object member, without logging an error', async () => {
      for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
        assertProblem(await t.request({ url: `/standards/${name}` }), 404, 'not_found');
      }
      assert.deepEqual(errorLines(), []);
    });

    it('renders router refusals as problem+json: bad percent-encoding 400, an over-long path value 414', async () => {
      assertProblem(await t.request({ url: '/api/v1/departments/%zz', headers: auth }), 400, 'malformed_url');
      assertProblem(
        await t.request({ url: `/api/v1/departments/${'a'.repeat(101)}`, headers: auth }),
        414,
        'path_segment_too_long',
      );
    });

    it('answers a malformed OAuth form with an OAuth error and logs no error', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const cases = [
        { headers: form, payload: '%zz=%' },
        { headers: form, payload: '' },
        { headers: form, payload: 'client_id=a&client_id=b&client_secret=c' },
        {
          headers: { ...form, authorization: `Basic ${Buffer.from('%zz:%').toString('base64')}` },
          payload: 'grant_type=client_credentials&token=x',
        },
      ];
      for (const url of ['/oauth/token', '/oauth/revoke', '/oauth/introspect']) {
        for (const c of cases) {
          const res = await t.request({ method: 'POST', url, ...c });
          assert.ok([400, 401].includes(res.statusCode), `${url} ${c.payload} → ${res.statusCode}`);
          assert.match(res.json<{ error: string }>().error, /^invalid_(request|client)$/);
        }
      }
      assert.deepEqual(errorLines(), []);
    });

    it('refuses X-Tenant naming another company on every route, validate included', async () => {
      const voucher = { companyCode: 'ACME' };
      for (const tenant of ['OTHER', 'NOPE']) {
        assertProblem(
          await t.request({
            method: 'POST',
            url: '/api/v1/vouchers:validate',
            headers: { ...auth, 'x-tenant': tenant },
            payload: voucher,
          }),
          404,
          'tenant_not_found',
        );
        assertProblem(
          await t.request({ url: '/api/v1/departments', headers: { ...auth, 'x-tenant': tenant } }),
          404,
          'tenant_not_found',
        );
      }
      const company = await findCompany(t.database, 'ACME');
      for (const own of ['ACME', company?.id ?? '']) {
        const res = await t.request({ url: '/api/v1/departments', headers: { ...auth, 'x-tenant': own } });
        assert.equal(res.statusCode, 200, `X-Tenant ${own}`);
      }
    });

    it('refuses NUL and unpaired surrogates in body, query and path before any write, naming where', async () => {
      for (const name of ['nul\u0000byte', 'half\uD800', 'low\uDC00half']) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/departments',
          headers: { ...auth, 'content-type': 'application/json' },
          payload: JSON.stringify({ code: 'D-NUL', name, kind: 'management' }),
        });
        const body = assertProblem(res, 422, 'validation_failed');
        assert.deepEqual(pointers(body), ['/name']);
        assert.equal((body['errors'] as { code: string }[])[0]?.code, 'unstorable_text');
      }
      const key = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: '{"code":"D-NUL","name":"n","kind":"management","x\\u0000":1}',
      });
      assertProblem(key, 422, 'validation_failed');
      const query = await t.request({ url: '/api/v1/audit-log?entityType=nul%00byte', headers: auth });
      assert.deepEqual(pointers(assertProblem(query, 400, 'invalid_query')), ['/query/entityType']);
      const path = await t.request({ url: '/api/v1/departments/a%00b', headers: auth });
      assert.deepEqual(pointers(assertProblem(path, 400, 'invalid_query')), ['/path/id']);
      const list = await t.request({ url: '/api/v1/departments?q=D-NUL', headers: auth });
      assert.equal(list.json<{ items: object[] }>().items.length, 0, 'nothing stored');
      const good = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: auth,
        payload: { code: 'D-EMOJI', name: '研发𠮷😀', kind: 'management' },
      });
      assert.equal(good.statusCode, 201, 'paired surrogates (astral characters) are text like any other');
    });

    it('refuses a document nested deeper than 128 levels with 422, never a stack overflow', async () => {
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      for (const url of ['/api/v1/suppliers:bulk-upsert', '/auth/logout', '/api/v1/vouchers:validate']) {
        const res = await t.request({
          method: 'POST',
          url,
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'deep-1' },
          payload: `{"items":[{"code":"S1","bankAccounts":[{"cnaps":${deep}}]}]}`,
        });
        assertProblem(res, 422, 'validation_failed');
      }
      assert.deepEqual(errorLines(), []);
    });

    it('refuses X-Tenant naming another company at the OAuth endpoints too', async () => {
      const { clientId, clientSecret, token } = await t.client('ACME', ['vouchers:read']);
      const form = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, token });
      const res = await t.request({
        method: 'POST',
        url: '/oauth/introspect',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-tenant': 'OTHER' },
        payload: form.toString(),
      });
      assertProblem(res, 404, 'tenant_not_found');
      const own = await t.request({
        method: 'POST',
        url: '/oauth/introspect',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-tenant': 'ACME' },
        payload: form.toString(),
      });
      assert.equal(own.json<{ active: boolean }>().active, true);
    });

    it('reads every constraint violation the engine reports, with the field it concerns', async () => {
      const company = await findCompany(t.database, 'ACME');
      const db = tenantDb(t.database.db, company?.id ?? '');
      const violation = async (write: () => Promise<unknown>) => {
        try {
          await write();
        } catch (error) {
          const detail = describeConstraint(error);
          assert.ok(detail !== undefined, String(error));
          return { kind: detail.kind, fields: constraintFields(detail) };
        }
        assert.fail('the write went through');
      };
      const now = '2026-11-28T08:00:00.000Z';
      const budget = (over: Record<string, unknown>) => ({
        id: newId(),
        department_code: 'D1',
        category_code: 'TRAVEL',
        period: '2026-12',
        project_code: '',
        amount_minor: 100n,
        currency: 'CNY',
        control: 'warn',
        version: 1,
        created_at: now,
        updated_at: now,
        ...over,
      });
      assert.deepEqual(
        await violation(() => db.insertInto('budgets', [budget({ amount_minor: -1n })]).execute()),
        { kind: 'check', fields: ['amount'] },
      );
      assert.deepEqual(
        await violation(() => db.insertInto('budgets', [budget({ period: '2026-11' })]).execute()),
        { kind: 'unique', fields: ['departmentCode', 'categoryCode', 'period', 'projectCode'] },
      );
      const fk = await violation(() =>
        db.insertInto('budgets', [budget({ department_code: 'NOPE' })]).execute(),
      );
      assert.equal(fk.kind, 'foreign_key');
      if (engine.engine === 'postgres') assert.deepEqual(fk.fields, ['departmentCode']);
      const nulls = await violation(() =>
        sql`insert into budgets (tenant_id, id) values (${company?.id}, ${newId()})`.execute(t.database.db),
      );
      assert.equal(nulls.kind, 'not_null');
      assert.equal(nulls.fields.length, 1);
    });
  });
}

describe('requests the HTTP parser refuses', () => {
  let t: TestApp;
  let port = 0;
  before(async () => {
    t = await startTestApp(ENGINES[0]!);
    await t.running.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.running.app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  after(async () => t.close());

  it('answers a URL over 16 KiB with 431 problem+json', async () => {
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: `/api/v1/departments?q=${'a'.repeat(17 * 1024)}` },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type: String(response.headers['content-type']),
              body,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.equal(res.status, 431);
    assert.match(res.type, /^application\/problem\+json/);
    assert.equal(JSON.parse(res.body).code, 'headers_too_large');
  });

  it('answers bytes that are not HTTP with 400 problem+json', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    assert.match(text, /^HTTP\/1\.1 400 /);
    assert.match(text, /content-type: application\/problem\+json/i);
    assert.equal(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).code, 'bad_request');
  });
});
