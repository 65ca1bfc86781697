import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';

for (const engine of ENGINES) {
  describe(`master-data API on ${engine.engine}`, () => {
    let t: TestApp;
    let acmeId: string;
    let tenant: Record<string, string>;
    let otherTenant: Record<string, string>;
    let en: Record<string, string>;
    const scopes = ['companies:read', 'master-data:read', 'master-data:write', 'vouchers:read'] as const;
    const post = (url: string, payload: unknown, headers: Record<string, string> = en) =>
      t.request({ method: 'POST', url, payload: payload as object, headers });
    const rowCount = async (table: 'suppliers' | 'departments' | 'employees') =>
      (await tenantDb(t.database.db, acmeId).selectFrom(table).select('id').execute()).length;

    before(async () => {
      t = await startTestApp(engine);
      acmeId = await t.provision();
      await t.provision({ code: 'OTHER', taxId: '9144030071526726XG' });
      tenant = await t.bearer('ACME', scopes);
      otherTenant = await t.bearer('OTHER', scopes);
      en = { ...tenant, 'accept-language': 'en-US' };
    });
    after(async () => t.close());

    it('shows each caller only its own company', async () => {
      const list = (await t.request({ url: '/api/v1/companies', headers: tenant })).json();
      assert.deepEqual(
        list.items.map((c: { code: string }) => c.code),
        ['ACME'],
      );
      const other = (await t.request({ url: '/api/v1/companies', headers: otherTenant })).json();
      assert.deepEqual(
        other.items.map((c: { code: string }) => c.code),
        ['OTHER'],
      );
      const byId = await t.request({ url: `/api/v1/companies/${acmeId}`, headers: otherTenant });
      assert.equal(byId.statusCode, 404);
    });

    it('creates, reads and updates a supplier with optimistic locking', async () => {
      const created = await post('/api/v1/suppliers', {
        code: 'S1',
        name: '供应商一',
        taxId: '91310115MA1K3BTP2B',
      });
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json();
      assert.equal(body.version, 1);
      assert.equal(body.status, 'active');
      assert.equal(created.headers['location'], `/api/v1/suppliers/${body.id}`);
      const read = await t.request({ url: `/api/v1/suppliers/${body.id}`, headers: tenant });
      assert.deepEqual(read.json(), body);
      assert.equal(read.headers['etag'], '"1"');

      const patched = await t.request({
        method: 'PATCH',
        url: `/api/v1/suppliers/${body.id}`,
        headers: { ...en, 'if-match': '"1"' },
        payload: { name: '供应商一（更名）', contact: '王五' },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().version, 2);
      assert.equal(patched.json().contact, '王五');

      const stale = await t.request({
        method: 'PATCH',
        url: `/api/v1/suppliers/${body.id}`,
        headers: { ...en, 'if-match': '1' },
        payload: { name: 'x' },
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'version_conflict');

      const removed = await t.request({
        method: 'PATCH',
        url: `/api/v1/suppliers/${body.id}`,
        headers: en,
        payload: { contact: null },
      });
      assert.equal(removed.json().contact, undefined);
      const required = await t.request({
        method: 'PATCH',
        url: `/api/v1/suppliers/${body.id}`,
        headers: en,
        payload: { name: null },
      });
      assert.equal(required.statusCode, 422);
      assert.deepEqual(
        required.json().errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]),
        [['/name', 'missing_field']],
      );
    });

    it('refuses a duplicate code with 409 and keeps codes unique per tenant only', async () => {
      const dup = await post('/api/v1/suppliers', { code: 'S1', name: 'again', taxId: '91310115MA1K3BTP2B' });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().code, 'duplicate_code');
      const elsewhere = await post(
        '/api/v1/suppliers',
        { code: 'S1', name: 'other tenant', taxId: '91310115MA1K3BTP2B' },
        otherTenant,
      );
      assert.equal(elsewhere.statusCode, 201);
    });

    it('names the wrong character of an invalid USCC, in both languages', async () => {
      const bad = await post('/api/v1/suppliers', { code: 'S2', name: 'x', taxId: '91110000600037341N' });
      assert.equal(bad.statusCode, 422);
      const [error] = bad.json().errors;
      assert.equal(error.pointer, '/taxId');
      assert.equal(error.code, 'invalid_uscc');
      assert.match(error.message, /check character 18 is 'N' but the first 17 characters give 'L'/);
      const zh = await post(
        '/api/v1/suppliers',
        { code: 'S2', name: 'x', taxId: '91110000600O37341L' },
        tenant,
      );
      assert.match(zh.json().errors[0].message, /第 12 位“O”/);
      assert.equal(await rowCount('suppliers'), 1);
    });

    it('rejects bad input with field-level problems and never a 500', async () => {
      const cases: [string, unknown, number, string, string?][] = [
        [
          'unknown field',
          { code: 'D9', name: 'x', kind: 'management', colour: 'red' },
          422,
          'unknown_field',
          '/colour',
        ],
        ['wrong type', { code: 'D9', name: 42, kind: 'management' }, 422, 'wrong_type', '/name'],
        ['missing field', { code: 'D9', kind: 'management' }, 422, 'missing_field', '/name'],
        ['bad enum', { code: 'D9', name: 'x', kind: 'finance' }, 422, 'invalid_field', '/kind'],
        ['bad code', { code: '  ', name: 'x', kind: 'management' }, 422, 'invalid_field', '/code'],
        [
          'missing reference',
          { code: 'D9', name: 'x', kind: 'management', parentCode: 'NOPE' },
          422,
          'reference_not_found',
          '/parentCode',
        ],
      ];
      for (const [label, payload, status, code, pointer] of cases) {
        const res = await post('/api/v1/departments', payload);
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.match(res.headers['content-type'] as string, /problem\+json/);
        const codes = res
          .json()
          .errors.map((e: { code: string; pointer: string }) => `${e.code}@${e.pointer}`);
        assert.ok(codes.includes(`${code}@${pointer}`), `${label}: ${codes.join(', ')}`);
      }
      const invalidJson = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { ...en, 'content-type': 'application/json' },
        payload: '{"code": ',
      });
      assert.equal(invalidJson.statusCode, 400);
      assert.equal(invalidJson.json().code, 'invalid_json');
      const xml = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { ...en, 'content-type': 'application/xml' },
        payload: '<a/>',
      });
      assert.equal(xml.statusCode, 415);
      const huge = await post('/api/v1/departments', {
        code: 'D9',
        name: 'x'.repeat(2_000_000),
        kind: 'management',
      });
      assert.equal(huge.statusCode, 413);
      assert.equal(huge.json().code, 'payload_too_large');
      const anonymous = await post('/api/v1/departments', { code: 'D9', name: 'x', kind: 'management' }, {});
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().code, 'authentication_required');
      const unknownTenant = await post(
        '/api/v1/departments',
        { code: 'D9', name: 'x', kind: 'management' },
        { ...en, 'x-tenant': 'NOBODY' },
      );
      assert.equal(unknownTenant.statusCode, 404);
      assert.equal(unknownTenant.json().code, 'tenant_not_found');
      const badId = await t.request({ url: '/api/v1/departments/not-a-uuid', headers: en });
      assert.equal(badId.statusCode, 400);
      assert.equal(badId.json().errors[0].pointer, '/path/id');
      assert.equal(await rowCount('departments'), 0, 'nothing was written');
    });

    it('rejects a JSON number for money and an unbalanced voucher', async () => {
      const voucher = {
        companyCode: 'ACME',
        date: '2026-11-28',
        period: '2026-11',
        word: '记',
        currency: 'CNY',
        summary: '报销差旅费',
        lines: [
          {
            summary: '差旅费',
            accountCode: '660202',
            debit: '1713.30',
            aux: { department: 'SALES', employee: 'E011' },
          },
          { summary: '进项税', accountCode: '22210101', debit: '116.70' },
          { summary: '银行存款', accountCode: '1002', credit: '1830.00' },
        ],
      };
      const okRes = await post('/api/v1/vouchers:validate', voucher);
      assert.equal(okRes.statusCode, 200, okRes.body);
      assert.deepEqual(okRes.json(), {
        valid: true,
        lineCount: 3,
        totalDebit: '1830.00',
        totalCredit: '1830.00',
        currency: 'CNY',
      });

      const number = await post('/api/v1/vouchers:validate', {
        ...voucher,
        lines: [{ ...voucher.lines[0], debit: 1713.3 }, ...voucher.lines.slice(1)],
      });
      assert.equal(number.statusCode, 422);
      assert.deepEqual(number.json().errors[0], {
        pointer: '/lines/0/debit',
        code: 'money_not_string',
        message: 'Money must be a decimal string such as "1234.50", not the JSON number 1713.3',
      });

      const unbalanced = await post('/api/v1/vouchers:validate', {
        ...voucher,
        lines: [...voucher.lines.slice(0, 2), { ...voucher.lines[2], credit: '1829.99' }],
      });
      assert.equal(unbalanced.statusCode, 422);
      assert.equal(unbalanced.json().errors[0].code, 'unbalanced_voucher');
      assert.match(unbalanced.json().errors[0].message, /debits 1830.00, credits 1829.99/);

      const precise = await post('/api/v1/vouchers:validate', {
        ...voucher,
        lines: [{ ...voucher.lines[0], debit: '1713.301' }, ...voucher.lines.slice(1)],
      });
      assert.equal(precise.statusCode, 422);
      const period = await post('/api/v1/vouchers:validate', { ...voucher, period: '2026-10' });
      assert.equal(period.json().errors[0].code, 'period_mismatch');
    });

    it('pages through a list with a stable cursor, filters and sorts', async () => {
      const depts = Array.from({ length: 25 }, (_, i) => ({
        code: `D${String(i).padStart(2, '0')}`,
        name: `部门${i}`,
        kind: i % 2 ? 'sales' : 'management',
      }));
      const bulk = await post('/api/v1/departments:bulk-upsert', { items: depts });
      assert.equal(bulk.statusCode, 200, bulk.body);
      assert.equal(bulk.json().created, 25);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/departments?limit=10&sort=-code${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await t.request({ url, headers: tenant })).json();
        seen.push(...page.items.map((d: { code: string }) => d.code));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, depts.map((d) => d.code).reverse());
      const sales = (
        await t.request({ url: '/api/v1/departments?kind=sales&limit=100', headers: tenant })
      ).json();
      assert.equal(sales.items.length, 12);
      const search = (
        await t.request({ url: `/api/v1/departments?q=${encodeURIComponent('部门1')}`, headers: tenant })
      ).json();
      assert.equal(search.items.length, 11);
      const literal = (
        await t.request({ url: `/api/v1/departments?q=${encodeURIComponent('%')}`, headers: tenant })
      ).json();
      assert.equal(literal.items.length, 0, '% is matched literally');
      const badCursor = await t.request({ url: '/api/v1/departments?cursor=garbage', headers: en });
      assert.equal(badCursor.json().code, 'invalid_cursor');
      const badFilter = await t.request({ url: '/api/v1/departments?colour=red', headers: en });
      assert.equal(badFilter.statusCode, 400);
    });

    it('bulk-upserts with a result per item, and all-or-nothing when atomic', async () => {
      const items = [
        { code: 'E1', name: '员工一', departmentCode: 'D00' },
        { code: 'E2', name: '员工二', departmentCode: 'D01', managerCode: 'E1' },
        { code: 'E3', name: '员工三', departmentCode: 'NOPE' },
        { code: 'E1', name: 'dup', departmentCode: 'D00' },
        { code: 'E4', name: 42 },
      ];
      const atomic = await post('/api/v1/employees:bulk-upsert', { items, atomic: true });
      assert.equal(atomic.statusCode, 422);
      assert.equal(atomic.json().code, 'bulk_failed');
      assert.deepEqual(
        atomic.json().result.items.map((i: { status: string }) => i.status),
        ['created', 'created', 'failed', 'failed', 'failed'],
      );
      assert.equal(await rowCount('employees'), 0, 'atomic failure writes nothing');

      const partial = (await post('/api/v1/employees:bulk-upsert', { items })).json();
      assert.deepEqual([partial.created, partial.failed], [2, 3]);
      assert.deepEqual(
        partial.items[2].errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]),
        [['/items/2/departmentCode', 'reference_not_found']],
      );
      assert.equal(partial.items[3].errors[0].code, 'duplicate_in_batch');
      assert.ok(partial.items[4].errors.some((e: { pointer: string }) => e.pointer === '/items/4/name'));

      const again = (
        await post('/api/v1/employees:bulk-upsert', {
          items: [items[0], { ...items[1], name: '员工二（新）' }],
        })
      ).json();
      assert.deepEqual(
        again.items.map((i: { status: string }) => i.status),
        ['unchanged', 'updated'],
      );
      assert.equal(again.items[1].version, 2);
      const tooMany = await post('/api/v1/employees:bulk-upsert', {
        items: Array.from({ length: 10_001 }, () => ({})),
      });
      assert.equal(tooMany.statusCode, 413);
      assert.equal(tooMany.json().code, 'bulk_too_large');
    });

    it('keeps each tenant’s records invisible to the others', async () => {
      const mine = (await t.request({ url: '/api/v1/suppliers', headers: tenant })).json().items[0];
      const theirs = await t.request({ url: `/api/v1/suppliers/${mine.id}`, headers: otherTenant });
      assert.equal(theirs.statusCode, 404);
      const patch = await t.request({
        method: 'PATCH',
        url: `/api/v1/suppliers/${mine.id}`,
        headers: otherTenant,
        payload: { name: 'x' },
      });
      assert.equal(patch.statusCode, 404);
      const spoof = await t.request({
        url: `/api/v1/suppliers/${mine.id}`,
        headers: { ...otherTenant, 'x-tenant': 'ACME' },
      });
      assert.equal(spoof.statusCode, 404, 'naming another company in X-Tenant does not switch tenants');
      const otherList = (await t.request({ url: '/api/v1/suppliers', headers: otherTenant })).json();
      assert.ok(otherList.items.every((s: { id: string }) => s.id !== mine.id));
    });

    it('answers arbitrary JSON on every create route with a 4xx, never a 500', async () => {
      const routes = [
        'departments',
        'cost-centers',
        'employees',
        'suppliers',
        'customers',
        'projects',
        'accounts',
        'expense-categories',
        'currencies',
        'exchange-rates',
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue(), async (route, payload) => {
          const res = await post(`/api/v1/${route}`, payload);
          assert.ok(
            res.statusCode < 500,
            `${route} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`,
          );
        }),
        { numRuns: 150 },
      );
      const items = fc.sample(
        fc.record({
          code: fc.string(),
          name: fc.string(),
          taxId: fc.constant(syntheticUscc('310115', 'MA1AB001')),
        }),
        20,
      );
      const res = await post('/api/v1/suppliers:bulk-upsert', { items });
      assert.ok(res.statusCode < 500, res.body);
    });
  });
}
