import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';

/**
 * Analytics end to end, on both engines: claims posted through the hub into the Kingdee simulator
 * become spend facts and rollup in the posting's transaction; the cube's totals equal the claims'
 * sums from both the rollup and the facts, after a new posting and after a red-letter reversal; an
 * unknown dimension is a 422 naming it; anomalies are found on planted data and none on clean data;
 * budget execution and the Excel export answer for the demo company.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
const yuan = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

for (const engine of ENGINES) {
  describe(`analytics on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let admin: Record<string, string>;
    const users = new Map<string, { cookie: string; csrf: string }>();

    const as = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const user = users.get(who);
      const auth =
        user === undefined
          ? admin
          : { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) };
      const res = await t.request({
        method,
        url,
        headers: auth,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const json = (res.headers['content-type'] ?? '').includes('json');
      return { status: res.statusCode, body: json ? res.json<Body>() : {}, raw: res };
    };
    const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const spend = (payload: Body) => ok('zhao', 'POST', '/api/v1/analytics/spend:query', payload);

    /** A claim by 张三 (E011) for SALES-E, submitted, approved by 陈 and posted by the worker. */
    const postClaim = async (lines: { categoryCode: string; occurredOn: string; amount: string }[]) => {
      const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '客户拜访',
        currency: 'CNY',
        claimedOn: '2026-11-26',
        lines: lines.map((l) => ({ ...l, description: '出租车' })),
      });
      await ok('zhang', 'POST', `/api/v1/expense-claims/${draft['id']}/submit`);
      const task = await until('the manager has the task', async () =>
        ((await ok('chen', 'GET', '/api/v1/approval-tasks'))['items'] as Body[]).find(
          (x) => x['documentId'] === draft['id'],
        ),
      );
      await ok('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, {});
      return until('claim posted', async () => {
        const d = await ok('admin', 'GET', `/api/v1/expense-claims/${draft['id']}`);
        return d['status'] === 'posted' ? d : undefined;
      });
    };

    /** What the cube must say: the posted claims' lines summed by department and period. */
    const expected = (claims: readonly Body[]) => {
      const sums = new Map<string, bigint>();
      for (const c of claims)
        for (const l of c['lines'] as Body[]) {
          const key = `${l['departmentCode']}|${c['posting']['erpPeriod']}`;
          sums.set(key, (sums.get(key) ?? 0n) + fen(l['amount']));
        }
      return [...sums].map(([k, v]) => `${k}|${yuan(v)}`).sort();
    };
    const cubeSays = async (source: 'rollup' | 'facts') => {
      // department × period reads the rollup; adding employee as a filter forces the facts
      const res = await spend({
        rows: ['department'],
        columns: ['period'],
        measures: ['amount', 'count'],
        ...(source === 'facts' ? { filters: { employee: ['E011'] } } : {}),
      });
      assert.equal(res['source'], source);
      return (res['cells'] as Body[]).map((c) => `${c['row'][0]}|${c['column'][0]}|${c['amount']}`).sort();
    };

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 19 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', ['connections:admin', 'claims:read', 'analytics:read']);
      const connection = await as('admin', 'POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      assert.equal(connection.status, 201, JSON.stringify(connection.body));
      for (const [name, code, roles] of [
        ['zhang', 'E011', ['employee']],
        ['chen', 'E010', ['approver']],
        ['zhao', 'E003', ['finance']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles, code));
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('keeps the cube equal to the posted claims’ sums through a new posting and a red-letter reversal', async () => {
      const first = await postClaim([
        { categoryCode: 'TAXI', occurredOn: '2026-11-18', amount: '123.45' },
        { categoryCode: 'TAXI', occurredOn: '2026-11-19', amount: '87.61' },
      ]);
      assert.deepEqual(await cubeSays('rollup'), expected([first]));
      assert.deepEqual(await cubeSays('facts'), expected([first]));

      const second = await postClaim([
        { categoryCode: 'OFFICE', occurredOn: '2026-11-24', amount: '356.27' },
      ]);
      assert.deepEqual(await cubeSays('rollup'), expected([first, second]));
      assert.deepEqual(await cubeSays('facts'), expected([first, second]));
      const byCategory = await spend({ rows: ['category', 'erp'], measures: ['amount', 'count'] });
      assert.deepEqual(
        (byCategory['cells'] as Body[]).map((c) => [...c['row'], c['amount'], c['count']]),
        [
          ['OFFICE', 'kingdee-k3cloud', '356.27', 1],
          ['TAXI', 'kingdee-k3cloud', '211.06', 2],
        ],
      );

      const reversed = await ok('zhao', 'POST', `/api/v1/expense-claims/${first['id']}/reverse`, {
        reason: '重复报销',
      });
      assert.equal(reversed['status'], 'reversed');
      await until('reversal posted in the ERP', async () => {
        const d = await ok('admin', 'GET', `/api/v1/expense-claims/${first['id']}`);
        return d['posting']?.['erpReversalNumber'] ? d : undefined;
      });
      assert.deepEqual(await cubeSays('rollup'), expected([second]));
      assert.deepEqual(await cubeSays('facts'), expected([second]));

      // drill into the one cell left: the claim line behind it, linking to the claim
      const drilled = await spend({
        rows: ['department'],
        columns: ['period'],
        drill: { department: 'SALES-E', period: second['posting']['erpPeriod'] },
      });
      assert.deepEqual(
        (drilled['lines'] as Body[]).map((l) => [l['claimNumber'], l['lineNo'], l['amount'], l['link']]),
        [[second['number'], 1, '356.27', `/claims/${second['id']}`]],
      );

      // a rebuild from finance's posted claims gives the same cube
      const db = tenantDb(t.database.db, (await findCompany(t.database, 'DEMO'))!.id);
      const { rebuildAnalytics } = await import('../src/analytics/facts.ts');
      const rebuilt = await rebuildAnalytics(db, 'DEMO', t.clock.now());
      assert.equal(rebuilt.lines, 1);
      assert.deepEqual(await cubeSays('rollup'), expected([second]));
      assert.deepEqual(await cubeSays('facts'), expected([second]));

      const workbook = await as('zhao', 'POST', '/api/v1/analytics/spend:export', {
        rows: ['department'],
        columns: ['period'],
      });
      assert.equal(workbook.status, 200);
      assert.match(String(workbook.raw.headers['content-type']), /spreadsheetml/);
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(workbook.raw.rawPayload).buffer);
      const cells = book.getWorksheet('Cells');
      assert.deepEqual((cells?.getRow(2).values as unknown[]).slice(1), [
        'SALES-E',
        second['posting']['erpPeriod'],
        'CNY',
        356.27,
        0,
        1,
      ]);
    });

    it('refuses an analytics query over an unknown dimension with a 422 naming it', async () => {
      const res = await as('zhao', 'POST', '/api/v1/analytics/spend:query', {
        rows: ['department', 'colour'],
        filters: { weather: ['sunny'] },
      });
      assert.equal(res.status, 422);
      assert.equal(res.body['code'], 'analytics_unknown_dimension');
      assert.match(res.body['detail'], /colour/);
      assert.deepEqual(
        (res.body['errors'] as Body[]).map((e) => [e['pointer'], e['code']]),
        [
          ['/rows/1', 'analytics_unknown_dimension'],
          ['/filters/weather', 'analytics_unknown_dimension'],
        ],
      );
      assert.match((res.body['errors'] as Body[])[1]?.['message'], /weather/);
      const measure = await as('zhao', 'POST', '/api/v1/analytics/spend:query', {
        rows: [],
        measures: ['profit'],
      });
      assert.equal(measure.status, 422);
      assert.equal(measure.body['code'], 'analytics_unknown_measure');
      assert.match(measure.body['detail'], /profit/);
      const employee = await as('zhang', 'POST', '/api/v1/analytics/spend:query', { rows: ['department'] });
      assert.equal(employee.status, 403, 'an employee has no analytics:read');
    });

    it('shows the demo company’s budget execution by department with burn rate and forecast', async () => {
      const res = await ok('chen', 'GET', '/api/v1/analytics/budget-execution?by=department&year=2026');
      assert.equal(res['asOf'], '2026-11-28');
      const sales = (res['items'] as Body[]).find((i) => i['key'] === 'SALES-E');
      assert.ok(sales, JSON.stringify(res['items']));
      // the posted OFFICE claim is not budgeted for SALES-E; the budgets' numbers come from finance
      const budgets = (await ok('zhao', 'GET', '/api/v1/budgets?departmentCode=SALES-E&period=2026'))[
        'items'
      ] as Body[];
      const sum = (pick: (b: Body) => string) => yuan(budgets.reduce((s, b) => s + fen(pick(b)), 0n));
      assert.ok(budgets.length > 0);
      assert.equal(
        sales['budget'],
        sum((b) => b['amount']['amount']),
      );
      assert.equal(
        sales['occupied'],
        sum((b) => b['occupied']),
      );
      assert.equal(
        sales['actual'],
        sum((b) => b['actual']),
      );
      assert.equal(typeof sales['burnRate'], 'number');
      assert.ok(sales['elapsedShare'] > 0 && sales['elapsedShare'] <= 1);
    });

    it('finds no anomalies in clean data, and each planted one with a score, an explanation and the claim', async () => {
      const companyDb = async (code: string) => {
        await t.provision({ code, name: `${code} 有限公司` });
        return tenantDb(t.database.db, (await findCompany(t.database, code))!.id);
      };
      let n = 0;
      const fact = (over: Record<string, unknown>) => {
        n += 1;
        return {
          posting_id: `p-${String(n).padStart(4, '0')}`,
          line_no: 1,
          document_id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
          document_number: `BX-${n}`,
          period: '2026-11',
          occurred_on: '2026-11-10',
          company_code: 'X',
          department_code: 'D1',
          cost_center_code: '',
          project_code: '',
          category_code: 'TRAVEL',
          employee_code: `E${n}`,
          supplier: '',
          currency: 'CNY',
          erp: 'kingdee-k3cloud',
          city: '上海',
          invoice_keys: '',
          amount_minor: 50_000n,
          tax_minor: 0n,
          reversed: 0,
          posted_at: '2026-11-28T08:00:00.000Z',
          ...over,
        };
      };
      // 30 travel lines around 500 yuan on working days, each by its own employee
      const weekdays = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
      const peers = () =>
        Array.from({ length: 30 }, (_, i) =>
          fact({ occurred_on: weekdays[i % 5], amount_minor: 48_017n + BigInt(i) * 331n }),
        );
      const scanOf = async (code: string) => {
        const bearer = await t.bearer(code, ['analytics:read']);
        const scan = await t.request({
          method: 'POST',
          url: '/api/v1/analytics/anomalies:scan',
          headers: bearer,
        });
        assert.equal(scan.statusCode, 200, scan.body);
        const list = await t.request({
          method: 'GET',
          url: '/api/v1/analytics/anomalies?limit=500',
          headers: bearer,
        });
        return list.json<Body>()['items'] as Body[];
      };

      const clean = await companyDb('CLEAN');
      await clean.insertInto('analytics_spend_facts', peers()).execute();
      assert.deepEqual(await scanOf('CLEAN'), []);

      const planted = await companyDb('PLANT');
      // one claim of 120 lines whose amounts all lead with a 9
      const benfordLines = Array.from({ length: 120 }, (_, i) =>
        fact({
          posting_id: 'p-benford',
          line_no: i + 1,
          document_id: '00000000-0000-7000-8000-0000000000bf',
          document_number: 'BENFORD',
          employee_code: 'EB',
          category_code: 'OFFICE',
          department_code: 'D2',
          occurred_on: weekdays[i % 5],
          amount_minor: 91_234n + BigInt(i) * 7n,
        }),
      );
      await planted
        .insertInto('analytics_spend_facts', [
          ...peers(),
          fact({ document_number: 'OUTLIER', amount_minor: 987_654n, occurred_on: '2026-11-12' }),
          fact({
            document_number: 'SATURDAY',
            occurred_on: '2026-11-21',
            amount_minor: 49_999n,
            category_code: 'MEAL',
          }),
          fact({
            document_number: 'NATIONAL-DAY',
            occurred_on: '2026-10-02',
            period: '2026-10',
            amount_minor: 51_234n,
            category_code: 'MEAL',
          }),
          fact({ document_number: 'ROUND', amount_minor: 300_000n, category_code: 'HOTEL' }),
          fact({
            document_number: 'DUP-A',
            employee_code: 'ED',
            invoice_keys: '24312000000000000001',
            category_code: 'TAXI',
            amount_minor: 12_345n,
          }),
          fact({
            document_number: 'DUP-B',
            employee_code: 'ED',
            invoice_keys: '24312000000000000001',
            category_code: 'TAXI',
            occurred_on: '2026-11-12',
            amount_minor: 23_456n,
          }),
          ...['2026-11-09', '2026-11-10', '2026-11-11'].map((d, i) =>
            fact({
              document_number: `SPLIT-${i + 1}`,
              employee_code: 'ES',
              category_code: 'ENTERTAIN',
              occurred_on: d,
              amount_minor: 200_001n + BigInt(i),
            }),
          ),
          ...benfordLines,
        ])
        .execute();
      const found = await scanOf('PLANT');
      const of = (kind: string) => found.filter((a) => a['kind'] === kind);
      const numbers = (kind: string) =>
        of(kind)
          .map((a) => a['claimNumber'])
          .sort();
      assert.deepEqual(numbers('peer_outlier'), ['OUTLIER']);
      assert.deepEqual(numbers('weekend_holiday'), ['NATIONAL-DAY', 'SATURDAY']);
      assert.match(
        of('weekend_holiday').find((a) => a['claimNumber'] === 'NATIONAL-DAY')!['explanation']['zh'],
        /法定节假日/,
      );
      assert.deepEqual(numbers('round_amount'), ['ROUND']);
      assert.deepEqual(numbers('duplicate'), ['DUP-A', 'DUP-B']);
      assert.deepEqual(numbers('split_claim'), ['SPLIT-1', 'SPLIT-2', 'SPLIT-3']);
      assert.deepEqual(
        of('benford')
          .map((a) => [a['employeeCode'], a['departmentCode']])
          .sort(),
        [
          [null, 'D2'],
          ['EB', null],
        ],
      );
      for (const a of found) {
        assert.ok(a['score'] >= 1 && a['score'] <= 100, JSON.stringify(a));
        assert.ok(a['explanation']['zh'] !== '' && a['explanation']['en'] !== '');
        if (a['kind'] !== 'benford') assert.equal(a['link'], `/claims/${a['claimId']}`);
      }
      const outlier = of('peer_outlier')[0]!;
      assert.match(outlier['explanation']['en'], /median .* MAD .* robust z/);
      assert.ok(
        found.every((a, i) => i === 0 || found[i - 1]!['score'] >= a['score']),
        'highest score first',
      );
    });
  });
}
