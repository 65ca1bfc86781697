import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { connectDemoErp, startDemoSimulator } from '../src/demo/erp.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import type { RunningSimulator } from '../src/connectors/contract.ts';

/**
 * Data quality end to end, on both engines, on the demo company (its default rule set seeded when it
 * was registered) with the Kingdee simulator as a second source: rules fire when master data is
 * written and resolve when it is fixed, the sweep finds what no write touched (stale records, source
 * conflicts), scores per record, entity and source with a daily trend, the data owner is told (event
 * log) and named as checker of change requests, and the posting and sync gates refuse while a
 * supplier has an open error and let the same request through once it is fixed.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const DAY = 86_400_000;

for (const engine of ENGINES) {
  describe(`data quality on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: RunningSimulator;
    let connectionId = '';
    const users = new Map<string, { cookie: string; csrf: string }>();

    const as = async (who: string, method: Method, url: string, payload?: unknown) => {
      const user = users.get(who);
      if (user === undefined) throw new Error(`no user ${who}`);
      const res = await t.request({
        method,
        url,
        headers: { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.body === '' ? {} : res.json<Body>() };
    };
    const ok = async (who: string, method: Method, url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const bearer = async (method: Method, url: string, scopes: string[], payload?: unknown) => {
      const res = await t.request({
        method,
        url,
        headers: await t.bearer('DEMO', scopes as never),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>() };
    };
    const issues = async (query: string) =>
      (await ok('li', 'GET', `/api/v1/data-quality/issues?limit=500&${query}`)).items as Body[];
    const supplier = async (code: string) =>
      ((await ok('li', 'GET', `/api/v1/suppliers?q=${code}`)).items as Body[]).find(
        (s) => s['code'] === code,
      ) as Body;
    const newSupplier = (code: string, over: Body = {}) => ({
      code,
      name: `质量测试供应商${code}`,
      taxId: syntheticUscc('310115', `MA1Q${code.replace(/\D/g, '').padStart(4, '0')}`),
      bankAccounts: [{ bankName: '招商银行上海分行', accountNumber: '6225880000001234', primary: true }],
      ...over,
    });

    /** Moves the test clock (sessions last hours: the users sign in again). */
    const advance = async (ms: number) => {
      t.clock.advance(ms);
      for (const [name, roles] of [
        ['li', ['finance']],
        ['wang', ['finance']],
      ] as const)
        users.set(name, await t.user('DEMO', `${name}${users.size}${Math.round(ms / DAY)}`, roles));
    };

    before(async () => {
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' });
      const { database, security, clock } = t.running.context;
      const seeded = await seedDemo(database, security.audit);
      sim = await startDemoSimulator(clock, 'kingdee-k3cloud');
      await connectDemoErp({ database, security, clock, wake: () => {} }, seeded.company, sim, {
        type: 'kingdee-k3cloud',
        departments: () => false,
      });
      for (const [name, roles] of [
        ['li', ['finance']],
        ['wang', ['finance']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles));
      const listed = await bearer('GET', '/api/v1/connections', ['connections:admin']);
      connectionId = String((listed.body['items'] as Body[])[0]?.['id']);
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('seeds the default rule set for the demo company and sweeps its data', async () => {
      const rules = (await ok('li', 'GET', '/api/v1/data-quality/rules?entity=supplier')).items as Body[];
      assert.ok(
        rules.some((r) => r['kind'] === 'uscc_valid' && r['field'] === 'taxId' && r['severity'] === 'error'),
      );
      assert.ok(rules.some((r) => r['kind'] === 'source_conflict'));
      const swept = await ok('li', 'POST', '/api/v1/data-quality/sweep', {});
      assert.ok(swept['records'] > 0);
      const open = await issues('entity=supplier&status=open&severity=error');
      assert.deepEqual(open, [], 'the demo suppliers have no errors');
      const again = await ok('li', 'POST', '/api/v1/data-quality/sweep', {});
      assert.equal(again['opened'], 0, 'a second sweep finds nothing new');
    });

    it('refuses an unknown rule kind, a bad regular expression and an unknown entity, field by field', async () => {
      const kind = await as('li', 'POST', '/api/v1/data-quality/rules', {
        entity: 'supplier',
        kind: 'nonsense',
        field: 'name',
        severity: 'error',
      });
      assert.equal(kind.status, 422);
      assert.deepEqual(
        (kind.body['errors'] as Body[]).map((e) => [e['pointer'], e['code']]),
        [['/kind', 'quality_rule_kind_unknown']],
      );
      const regex = await as('li', 'POST', '/api/v1/data-quality/rules', {
        entity: 'nowhere',
        kind: 'format',
        field: 'code',
        params: { pattern: '([A-Z' },
        severity: 'error',
      });
      assert.equal(regex.status, 422);
      assert.deepEqual((regex.body['errors'] as Body[]).map((e) => [e['pointer'], e['code']]).sort(), [
        ['/entity', 'quality_entity_unknown'],
        ['/params/pattern', 'quality_rule_bad_pattern'],
      ]);
      const rules = (await ok('li', 'GET', '/api/v1/data-quality/rules?entity=supplier')).items as Body[];
      assert.ok(
        !rules.some((r) => r['kind'] === 'nonsense' || r['params']['pattern'] === '([A-Z'),
        'nothing stored',
      );
    });

    it('fires each rule kind when master data is written and resolves it when the record is fixed', async () => {
      await ok('li', 'POST', '/api/v1/data-quality/rules', {
        entity: 'supplier',
        kind: 'required',
        field: 'phone',
        severity: 'warning',
      });
      await ok('li', 'POST', '/api/v1/data-quality/rules', {
        entity: 'supplier',
        kind: 'format',
        field: 'code',
        params: { pattern: 'S\\d{4}' },
        severity: 'warning',
      });
      await ok('li', 'POST', '/api/v1/data-quality/rules', {
        entity: 'supplier',
        kind: 'reference_exists',
        field: 'contact',
        params: { entity: 'employee' },
        severity: 'warning',
      });
      const created = await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-01', {
          contact: 'E9999',
          bankAccounts: [{ bankName: '招商银行', accountNumber: 'ABCD-1234', primary: true }],
        }),
      );
      const open = await issues('record=SQ-01&status=open');
      assert.deepEqual(open.map((i) => [i['kind'], i['field']]).sort(), [
        ['bank_account_format', 'bankAccounts.*.accountNumber'],
        ['format', 'code'],
        ['reference_exists', 'contact'],
        ['required', 'phone'],
      ]);
      const bank = open.find((i) => i['kind'] === 'bank_account_format') as Body;
      assert.equal(bank['value'], 'ABCD-1234');
      assert.equal(bank['severity'], 'error');
      assert.equal(bank['source'], 'finbridge');
      assert.match(bank['suggestion'], /digits only/);

      // a second supplier with the same name: both are duplicates
      await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-02', { name: created['name'], phone: '021-1', contact: 'E001' }),
      );
      assert.deepEqual(
        (await issues('kind=duplicate&status=open&entity=supplier')).map((i) => i['record']).sort(),
        ['SQ-01', 'SQ-02'],
      );

      // fixing the first resolves its issues, and the duplicate on the other record too
      await ok('li', 'PATCH', `/api/v1/suppliers/${created['id']}`, {
        name: '质量测试供应商改名',
        phone: '021-2',
        contact: 'E001',
        bankAccounts: [{ bankName: '招商银行', accountNumber: '6225 8800 0000 5678', primary: true }],
      });
      assert.deepEqual(
        (await issues('record=SQ-01&status=open')).map((i) => i['kind']),
        ['format'],
        'only the code format is left',
      );
      assert.deepEqual(await issues('kind=duplicate&status=open&entity=supplier'), []);
      const resolved = await issues('record=SQ-01&status=resolved');
      assert.ok(resolved.every((i) => typeof i['resolvedAt'] === 'string') && resolved.length >= 4);
      assert.deepEqual(
        (await issues('record=SQ-02&status=open')).map((i) => i['kind']),
        ['format'],
      );
    });

    it('finds stale records in the sweep, by the injected clock, and resolves them when they change', async () => {
      const rule = await ok('li', 'POST', '/api/v1/data-quality/rules', {
        entity: 'supplier',
        kind: 'stale',
        params: { days: 30 },
        severity: 'info',
      });
      await ok('li', 'POST', '/api/v1/data-quality/sweep', { entity: 'supplier' });
      assert.deepEqual(await issues(`ruleId=${rule['id']}&status=open`), []);
      await advance(31 * DAY);
      await ok('li', 'POST', '/api/v1/data-quality/sweep', { entity: 'supplier' });
      const stale = await issues(`ruleId=${rule['id']}&status=open`);
      assert.ok(stale.some((i) => i['record'] === 'SQ-02' && i['source'] === 'finbridge'));
      const sq2 = await supplier('SQ-02');
      await ok('li', 'PATCH', `/api/v1/suppliers/${sq2['id']}`, { phone: '021-3' });
      assert.ok(!(await issues(`ruleId=${rule['id']}&status=open`)).some((i) => i['record'] === 'SQ-02'));
      await ok('li', 'DELETE', `/api/v1/data-quality/rules/${rule['id']}`);
      assert.deepEqual(
        await issues(`ruleId=${rule['id']}&status=open`),
        [],
        'a removed rule’s issues are resolved',
      );
    });

    it('flags a field the sources of a golden record disagree on, and resolves it once they agree', async () => {
      const s1 = await supplier('S0001');
      await ok('li', 'POST', '/api/v1/governance/golden-records:refresh', { entity: 'supplier' });
      await ok('li', 'PATCH', `/api/v1/suppliers/${s1['id']}`, { name: '上海云杉办公用品（集团）有限公司' });
      await ok('li', 'POST', '/api/v1/governance/golden-records:refresh', { entity: 'supplier' });
      await ok('li', 'POST', '/api/v1/data-quality/sweep', { entity: 'supplier' });
      const conflicts = await issues('kind=source_conflict&status=open');
      assert.equal(conflicts.length, 1, JSON.stringify(conflicts));
      assert.equal(conflicts[0]?.['field'], 'name');
      assert.equal(conflicts[0]['source'], 'golden');
      assert.match(conflicts[0]['value'], /finbridge: 上海云杉办公用品\(集团\)有限公司/);
      await ok('li', 'PATCH', `/api/v1/suppliers/${s1['id']}`, { name: s1['name'] });
      await ok('li', 'POST', '/api/v1/governance/golden-records:refresh', { entity: 'supplier' });
      await ok('li', 'POST', '/api/v1/data-quality/sweep', { entity: 'supplier' });
      assert.deepEqual(await issues('kind=source_conflict&status=open'), []);
    });

    it('scores records, entities and sources, with one trend point a day', async () => {
      await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-03', {
          phone: '021-9',
          bankAccounts: [{ bankName: '招商银行', accountNumber: 'X123', primary: true }],
        }),
      );
      const records = (
        await ok('li', 'GET', '/api/v1/data-quality/scores/records?entity=supplier&source=finbridge')
      ).items as Body[];
      const sq3 = records.find((r) => r['record'] === 'SQ-03') as Body;
      // bank account (error −25) and code format (warning −10)
      assert.deepEqual([sq3['score'], sq3['openIssues']], [65, 2]);
      const penalty: Record<string, number> = { info: 2, warning: 10, error: 25, critical: 50 };
      const open = await issues('entity=supplier&source=finbridge&status=open');
      for (const r of records) {
        const mine = open.filter((i) => i['record'] === r['record']);
        const expected = Math.max(0, 100 - mine.reduce((sum, i) => sum + (penalty[i['severity']] ?? 0), 0));
        assert.deepEqual([r['record'], r['score'], r['openIssues']], [r['record'], expected, mine.length]);
      }
      await advance(DAY);
      await ok('li', 'POST', '/api/v1/data-quality/sweep', { entity: 'supplier' });
      const scores = (await ok('li', 'GET', '/api/v1/data-quality/scores?entity=supplier')).items as Body[];
      const all = scores.find((s) => s['source'] === '*') as Body;
      const own = scores.find((s) => s['source'] === 'finbridge') as Body;
      const kingdee = scores.find((s) => s['source'] === connectionId) as Body;
      assert.ok(all['score'] < 100 && all['score'] > 0);
      assert.ok(own['score'] < 100);
      assert.equal(kingdee['score'], 100, 'the pulled copies are clean');
      assert.ok(all['trend'].length >= 2, 'a point for each day evaluated');
      const days = (all['trend'] as Body[]).map((p) => p['on']);
      assert.deepEqual(days, [...days].sort());
      assert.equal(new Set(days).size, days.length, 'one point a day');
    });

    it('tells the data owner of new issues and names them default checker of change requests', async () => {
      const bad = await as('li', 'PUT', '/api/v1/data-quality/owners/entity/supplier', {
        owner: 'role:wizard',
      });
      assert.equal(bad.status, 422);
      assert.equal((bad.body['errors'] as Body[])[0]?.['pointer'], '/owner');
      await ok('li', 'PUT', '/api/v1/data-quality/owners/entity/supplier', { owner: 'role:finance' });
      await ok('li', 'PUT', `/api/v1/data-quality/owners/source/${connectionId}`, { owner: 'role:admin' });
      assert.equal(((await ok('li', 'GET', '/api/v1/data-quality/owners')).items as Body[]).length, 2);
      await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-04', {
          phone: '1',
          bankAccounts: [{ bankName: 'x', accountNumber: 'NOPE', primary: true }],
        }),
      );
      const events = await bearer('GET', '/api/v1/events?types=data_quality.issues_opened&limit=1000', [
        'events:read',
      ]);
      assert.equal(events.status, 200, JSON.stringify(events.body));
      const told = (events.body['items'] as Body[]).filter((e) =>
        (e['data']['issues'] as Body[]).some((i) => i['record'] === 'SQ-04'),
      );
      assert.equal(told.length, 1);
      assert.deepEqual(told[0]?.['data']['owners'], ['role:finance']);
      assert.equal(told[0]['data']['entity'], 'supplier');

      const sq4 = await supplier('SQ-04');
      const request = await ok('wang', 'POST', '/api/v1/governance/change-requests', {
        target: 'master-data:suppliers',
        subject: sq4['id'],
        payload: { op: 'update', id: sq4['id'], patch: { phone: '2' } },
      });
      assert.equal(request['checker'], 'role:finance');
    });

    it('blocks a posting naming a supplier with an open error, and lets it through once fixed', async () => {
      await ok('li', 'PUT', '/api/v1/data-quality/gates/posting', { enabled: true, minSeverity: 'error' });
      const pay = (n: string) =>
        bearer('POST', '/api/v1/payments', ['vouchers:write'], {
          connectionId,
          documentId: n,
          payment: {
            number: n,
            payeeKind: 'supplier',
            payeeCode: 'SQ-04',
            amount: { amount: '100.00', currency: 'CNY' },
            paidOn: '2026-11-19',
            method: 'bank_transfer',
          },
        });
      const refused = await pay('FK-Q-1');
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body['code'], 'quality_gate_blocked');
      assert.deepEqual(
        (refused.body['errors'] as Body[]).map((e) => [e['pointer'], e['code']]),
        [['/payeeCode', 'quality_issue_open']],
      );
      assert.match((refused.body['errors'] as Body[])[0]?.['message'], /SQ-04/);
      // a warning is below the gate: a supplier with only the code-format warning passes
      const sq4 = await supplier('SQ-04');
      await ok('li', 'PATCH', `/api/v1/suppliers/${sq4['id']}`, {
        bankAccounts: [{ bankName: 'x', accountNumber: '6225880000009999', primary: true }],
      });
      const through = await pay('FK-Q-1');
      assert.equal(through.status, 202, JSON.stringify(through.body));
      await ok('li', 'PUT', '/api/v1/data-quality/gates/posting', { enabled: false, minSeverity: 'error' });
    });

    it('blocks a supplier pull while suppliers have open errors, and lets it run once fixed', async () => {
      await ok('li', 'PUT', '/api/v1/data-quality/gates/sync', { enabled: true, minSeverity: 'error' });
      const pull = () =>
        bearer('POST', `/api/v1/connections/${connectionId}/sync/suppliers`, ['connections:admin']);
      const refused = await pull();
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body['code'], 'quality_gate_blocked');
      assert.ok((refused.body['errors'] as Body[]).some((e) => /SQ-03/.test(e['message'])));
      const accounts = await bearer('POST', `/api/v1/connections/${connectionId}/sync/accounts`, [
        'connections:admin',
      ]);
      assert.equal(accounts.status, 200, 'accounts have no open errors');
      const sq3 = await supplier('SQ-03');
      await ok('li', 'PATCH', `/api/v1/suppliers/${sq3['id']}`, {
        bankAccounts: [{ bankName: 'x', accountNumber: '6225880000007777', primary: true }],
      });
      assert.deepEqual(await issues('entity=supplier&status=open&severity=error'), []);
      const through = await pull();
      assert.equal(through.status, 200, JSON.stringify(through.body));
    });

    it('finds duplicates through the index: on each value of a many-valued field, with records written before the rule, and none once disabled', async () => {
      const indexed = (ruleId: string) =>
        t.database.db
          .selectFrom('quality_duplicate_values')
          .select(['record_key', 'normalised', 'value'])
          .where('rule_id', '=', ruleId)
          .where('record_key', 'like', 'SQ-1%')
          .orderBy('record_key')
          .orderBy('normalised')
          .execute();
      const account = (accountNumber: string) => ({ bankName: '招商银行', accountNumber, primary: false });
      // written before the rule exists: the rule's index is built from the entity when it is created
      await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-13', { phone: '021-13', bankAccounts: [account('6225880000001313')] }),
      );
      const rule = await ok('li', 'POST', '/api/v1/data-quality/rules', {
        entity: 'supplier',
        kind: 'duplicate',
        field: 'bankAccounts.*.accountNumber',
        severity: 'warning',
      });
      const open = async () =>
        (await issues(`ruleId=${rule['id']}&status=open`)).map((i) => [i['record'], i['value']]).sort();
      assert.deepEqual(await indexed(rule['id']), [
        { record_key: 'SQ-13', normalised: '6225880000001313', value: '6225880000001313' },
      ]);
      await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-14', { phone: '021-14', bankAccounts: [account('6225-8800-0000-1313')] }),
      );
      assert.deepEqual(await open(), [
        ['SQ-13', '6225880000001313'],
        ['SQ-14', '6225-8800-0000-1313'],
      ]);
      // SQ-10 has two accounts: the second one is on SQ-11 too (written with spaces)
      const sq10 = await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-10', {
          phone: '021-10',
          bankAccounts: [account('6225880000001010'), account('6225880000001011')],
        }),
      );
      await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-11', { phone: '021-11', bankAccounts: [account('6225 8800 0000 1011')] }),
      );
      const onSq11 = await issues(`ruleId=${rule['id']}&status=open&record=SQ-11`);
      assert.equal(onSq11.length, 1);
      assert.match(onSq11[0]?.['message'], /is also on SQ-10$/);
      // a third record on SQ-10's first account: SQ-10 is a duplicate in two groups, one issue
      await ok(
        'li',
        'POST',
        '/api/v1/suppliers',
        newSupplier('SQ-12', { phone: '021-12', bankAccounts: [account('6225880000001010')] }),
      );
      assert.deepEqual(
        (await open()).map(([record]) => record),
        ['SQ-10', 'SQ-11', 'SQ-12', 'SQ-13', 'SQ-14'],
      );
      // SQ-10 moves to an account of its own: SQ-11's and SQ-12's duplicates resolve with it
      await ok('li', 'PATCH', `/api/v1/suppliers/${sq10['id']}`, {
        bankAccounts: [account('6225880000001099')],
      });
      assert.deepEqual(
        (await open()).map(([record]) => record),
        ['SQ-13', 'SQ-14'],
      );
      assert.deepEqual(
        (await indexed(rule['id'])).filter((r) => r.record_key === 'SQ-10'),
        [{ record_key: 'SQ-10', normalised: '6225880000001099', value: '6225880000001099' }],
        'the index holds the record’s values as they are now',
      );
      // the sweep finds what the writes found
      await ok('li', 'POST', '/api/v1/data-quality/sweep', { entity: 'supplier' });
      assert.deepEqual(
        (await open()).map(([record]) => record),
        ['SQ-13', 'SQ-14'],
      );
      // a disabled rule keeps no values and finds nothing
      await ok('li', 'PATCH', `/api/v1/data-quality/rules/${rule['id']}`, { enabled: false });
      assert.deepEqual(await indexed(rule['id']), []);
      assert.deepEqual(await open(), []);
      await ok('li', 'PATCH', `/api/v1/data-quality/rules/${rule['id']}`, { enabled: true });
      assert.deepEqual(
        (await open()).map(([record]) => record),
        [],
        're-enabling rebuilds the index; the next write or sweep finds',
      );
      assert.equal((await indexed(rule['id'])).length, 5);
      await ok('li', 'POST', '/api/v1/data-quality/sweep', { entity: 'supplier' });
      assert.deepEqual(
        (await open()).map(([record]) => record),
        ['SQ-13', 'SQ-14'],
      );
      await ok('li', 'DELETE', `/api/v1/data-quality/rules/${rule['id']}`);
      assert.deepEqual(await indexed(rule['id']), []);
    });

    it('evaluates the records of a rolled-back import batch again: what it caused resolves, what it fixed reopens', async () => {
      // SQ-21 has no phone: the `required` rule of an earlier test has it open
      await ok('li', 'POST', '/api/v1/suppliers', newSupplier('SQ-21', { bankAccounts: [] }));
      const required = async () =>
        (await issues('record=SQ-21&status=open&kind=required')).map((i) => i['field']);
      assert.deepEqual(await required(), ['phone']);
      const sq03 = await supplier('SQ-03');
      const sq21 = await supplier('SQ-21');
      // the batch gives SQ-21 a phone and creates SQ-20 with SQ-03's tax id
      const csv = [
        'code,name,taxId,phone',
        `SQ-20,质量测试供应商导入,${sq03['taxId']},021-20`,
        `SQ-21,${sq21['name']},${sq21['taxId']},021-21`,
      ].join('\r\n');
      const committed = await ok('li', 'POST', '/api/v1/governance/imports', {
        resource: 'suppliers',
        fileName: 'suppliers.csv',
        content: Buffer.from(csv).toString('base64'),
      });
      const duplicates = async () =>
        (await issues('kind=duplicate&status=open&entity=supplier'))
          .filter((i) => i['field'] === 'taxId')
          .map((i) => i['record'])
          .sort();
      assert.deepEqual(await duplicates(), ['SQ-03', 'SQ-20']);
      assert.deepEqual(await required(), []);
      const scored = async () =>
        (
          (
            await ok(
              'li',
              'GET',
              '/api/v1/data-quality/scores/records?entity=supplier&source=finbridge&limit=500',
            )
          ).items as Body[]
        ).map((r) => r['record']);
      assert.ok((await scored()).includes('SQ-20'));

      await ok('li', 'POST', `/api/v1/governance/imports/${committed['batch']['id']}/rollback`, {});
      assert.deepEqual(await duplicates(), [], 'SQ-20 is gone: SQ-03 is no duplicate any more');
      assert.deepEqual(await issues('record=SQ-20&status=open'), [], 'a deleted record keeps no open issue');
      assert.ok(!(await scored()).includes('SQ-20'), 'nor a score');
      assert.deepEqual(await required(), ['phone'], 'SQ-21 has no phone again');
    });
  });
}
