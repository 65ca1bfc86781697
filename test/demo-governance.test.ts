import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { issueDemoCredentials, seedDemo } from '../src/demo/seed.ts';
import { connectDemoErp, demoRoutes, startDemoSimulator } from '../src/demo/erp.ts';
import { startDemoBudgetSystem, type DemoBudgetSystem } from '../src/demo/budget-system.ts';
import { seedExpenseDemo } from '../src/demo/expenses.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import type { RunningSimulator } from '../src/connectors/contract.ts';

/**
 * Issue #19's "Done when", on the demo as `npm start` sets it up (two ERP simulators connected, the
 * expense demo seeded), on both engines: the suppliers of FinBridge, Kingdee, YonBIP and an Excel file
 * merge into golden records with their sources shown; the quality scores are there; an import dry run →
 * commit → rollback leaves the data as before; a mapping change waits for a second person; the analytics
 * endpoints answer spend, budget execution and anomalies for the demo company.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;
type Method = 'GET' | 'POST' | 'PUT';

const ERPS = ['kingdee-k3cloud', 'yonbip'] as const;

async function workbook(rows: readonly (readonly unknown[])[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('供应商');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

for (const engine of ENGINES) {
  describe(`governance and analytics on the demo (${engine.engine})`, () => {
    let t: TestApp;
    let budgetSystem: DemoBudgetSystem;
    const sims: RunningSimulator[] = [];
    const users = new Map<string, { cookie: string; csrf: string }>();
    const connections: Record<string, string> = {};

    const as = async (who: string, method: Method, url: string, payload?: unknown) => {
      const user = users.get(who);
      if (user === undefined) throw new Error(`no user ${who}`);
      const res = await t.request({
        method,
        url,
        headers: { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>() };
    };
    const ok = async (who: string, method: Method, url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const suppliers = async () =>
      ((await ok('li', 'GET', '/api/v1/suppliers?limit=500&sort=code'))['items'] as Body[]).map((s) => ({
        code: s['code'],
        name: s['name'],
        taxId: s['taxId'],
        phone: s['phone'] ?? null,
        bankAccounts: s['bankAccounts'],
        status: s['status'],
      }));
    const golden = async () =>
      (await ok('li', 'GET', '/api/v1/governance/golden-records?entity=supplier&limit=500'))[
        'items'
      ] as Body[];
    /** What a golden record shows: each field's value and winning source, and its sources. */
    const shown = (records: readonly Body[]) =>
      records
        .map((g) => ({
          fields: Object.fromEntries(
            Object.entries(g['fields'] as Record<string, Body>).map(([k, f]) => [
              k,
              [f['value'], f['source']],
            ]),
          ),
          conflicts: g['conflicts'],
          sources: (g['sources'] as Body[]).map((s) => `${String(s['source'])}:${String(s['key'])}`).sort(),
        }))
        .sort((a, b) => (a.sources.join() < b.sources.join() ? -1 : 1));
    const goldenOf = async (code: string) =>
      (await golden()).find((g) =>
        (g['sources'] as Body[]).some((s) => s['source'] === 'finbridge' && s['key'] === code),
      ) as Body;

    before(async () => {
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' }, { worker: { pollMs: 20 } });
      const { database, security, clock } = t.running.context;
      const seeded = await seedDemo(database, security.audit);
      await issueDemoCredentials(database, security.audit, seeded.company);
      const platform = { database, security, clock, wake: () => t.running.worker?.wake() };
      // as `serve --demo` connects them: Kingdee books most offices, YonBIP the marketing department
      for (const route of demoRoutes([...ERPS])) {
        const simulator = await startDemoSimulator(clock, route.type);
        sims.push(simulator);
        await connectDemoErp(platform, seeded.company, simulator, route);
      }
      budgetSystem = await startDemoBudgetSystem(clock);
      assert.equal((await seedExpenseDemo(platform, seeded.company, budgetSystem)).seeded, true);
      budgetSystem.finbridgeUrl = await t.running.app.listen({ host: '127.0.0.1', port: 0 });
      for (const [name, roles] of [
        ['li', ['finance']],
        ['wang', ['finance']],
        ['ops', ['admin']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles));
      for (const c of (await ok('ops', 'GET', '/api/v1/connections'))['items'] as Body[])
        connections[String(c['type'])] = String(c['id']);
      assert.deepEqual(Object.keys(connections).sort(), [...ERPS]);
    });
    after(async () => {
      await budgetSystem.close();
      await t.close();
      for (const sim of sims) await sim.close();
    });

    it('merges the suppliers of FinBridge and both ERPs into golden records, every source shown', async () => {
      const refreshed = await ok('li', 'POST', '/api/v1/governance/golden-records:refresh', {
        entity: 'supplier',
      });
      const supplierCount = (await suppliers()).length;
      assert.equal(refreshed['items'][0]['goldenRecords'], supplierCount);
      assert.equal(refreshed['items'][0]['sources'], supplierCount * 3);
      for (const g of await golden())
        assert.deepEqual(
          (g['sources'] as Body[]).map((s) => s['sourceType']).sort(),
          ['finbridge', ...ERPS],
          JSON.stringify(g['sources']),
        );
      const xref = (await ok('li', 'GET', '/api/v1/governance/cross-reference/supplier'))['items'] as Body[];
      assert.deepEqual(
        Object.keys(xref.find((x) => x['code'] === 'S0001')?.['erpCodes'] ?? {}).sort(),
        [connections['kingdee-k3cloud'], connections['yonbip']].sort(),
      );
    });

    it('has quality scores per entity and source after a sweep', async () => {
      const swept = await ok('li', 'POST', '/api/v1/data-quality/sweep', {});
      assert.ok(swept['records'] > 0, JSON.stringify(swept));
      const scores = (await ok('li', 'GET', '/api/v1/data-quality/scores?entity=supplier'))[
        'items'
      ] as Body[];
      const sources = scores.map((s) => s['source']);
      for (const source of ['*', 'finbridge', ...ERPS.map((e) => connections[e])])
        assert.ok(sources.includes(source), `a supplier score for ${String(source)}: ${sources.join()}`);
      for (const s of scores) {
        assert.ok(s['score'] >= 0 && s['score'] <= 100, JSON.stringify(s));
        assert.ok((s['trend'] as Body[]).length >= 1);
      }
      const records = (
        await ok('li', 'GET', '/api/v1/data-quality/scores/records?entity=supplier&source=finbridge')
      )['items'] as Body[];
      assert.equal(records.length, (await suppliers()).length);
    });

    it('dry-runs an Excel file, commits it into the golden records, and rolls it back to the data as before', async () => {
      const before = await suppliers();
      const goldenBefore = shown(await golden());
      const s4 = before.find((s) => s.code === 'S0004');
      assert.ok(s4 !== undefined);
      const file = {
        resource: 'suppliers',
        fileName: '供应商补充.xlsx',
        content: await workbook([
          ['code', 'name', 'taxId', 'phone'],
          ['S0009', '宁波甬江新材料有限公司', syntheticUscc('330203', 'MA1GY009'), '0574-88880009'],
          ['S0004', `${String(s4.name)}（总部）`, s4.taxId, '0571-12345678'],
        ]),
      };
      const dry = await ok('li', 'POST', '/api/v1/governance/imports:dry-run', file);
      assert.deepEqual(
        [dry['created'], dry['updated'], dry['refused']],
        [1, 1, 0],
        JSON.stringify(dry).slice(0, 500),
      );
      assert.deepEqual(await suppliers(), before, 'a dry run writes nothing');

      const committed = await ok('li', 'POST', '/api/v1/governance/imports', file);
      const batch = committed['batch'] as Body;
      assert.deepEqual([batch['created'], batch['updated'], batch['status']], [1, 1, 'committed']);
      // the file's change joins the supplier's golden record beside both ERPs' copies, FinBridge winning
      const g4 = await goldenOf('S0004');
      assert.deepEqual((g4['sources'] as Body[]).map((s) => s['sourceType']).sort(), ['finbridge', ...ERPS]);
      assert.deepEqual(
        [g4['fields']['name']['value'], g4['fields']['name']['source']],
        // cleansed on the way in: full-width brackets folded
        [`${String(s4.name)}(总部)`, 'finbridge'],
      );
      assert.deepEqual(g4['conflicts'], ['name'], 'the ERPs still know it by its old name');
      assert.deepEqual(
        ((await goldenOf('S0009'))['sources'] as Body[]).map((s) => s['source']),
        ['finbridge'],
      );

      const rolled = await ok('li', 'POST', `/api/v1/governance/imports/${String(batch['id'])}/rollback`);
      assert.equal(rolled['status'], 'rolled_back');
      assert.deepEqual(await suppliers(), before, 'the suppliers as before');
      assert.deepEqual(shown(await golden()), goldenBefore, 'the golden records as before');
    });

    it('holds a mapping change until a second person approves it', async () => {
      const kingdee = connections['kingdee-k3cloud'] ?? '';
      const profile = async () =>
        ((await ok('ops', 'GET', `/api/v1/connections/${kingdee}/mapping-profiles`))['items'] as Body[])[0] ??
        {};
      await ok('wang', 'PUT', '/api/v1/governance/change-policies/mapping-profile', {
        requiresApproval: true,
      });
      const inForce = await profile();
      const direct = await as('ops', 'POST', `/api/v1/connections/${kingdee}/mapping-profiles`, {
        valueMaps: { suppliers: { S0001: 'S0001' } },
      });
      assert.equal(direct.status, 409);
      assert.equal(direct.body['code'], 'change_requires_approval');

      const filed = await ok('li', 'POST', '/api/v1/governance/change-requests', {
        target: 'mapping-profile',
        subject: kingdee,
        payload: { valueMaps: { suppliers: { S0001: 'S0001' } }, note: 'from the cross-reference' },
      });
      assert.equal(filed['status'], 'pending');
      assert.deepEqual(filed['diff'], [{ path: '/valueMaps/suppliers/S0001', before: null, after: 'S0001' }]);
      assert.deepEqual(await profile(), inForce, 'nothing in force before a second person approves');
      const own = await as(
        'li',
        'POST',
        `/api/v1/governance/change-requests/${String(filed['id'])}/approve`,
        {},
      );
      assert.equal(own.status, 403);
      assert.equal(own.body['code'], 'change_same_person');
      assert.deepEqual(await profile(), inForce);

      const approved = await ok(
        'wang',
        'POST',
        `/api/v1/governance/change-requests/${String(filed['id'])}/approve`,
        { note: '核对无误' },
      );
      assert.equal(approved['status'], 'applied');
      const latest = await profile();
      assert.equal(latest['version'], Number(inForce['version']) + 1);
      assert.deepEqual(latest['valueMaps']['suppliers'], { S0001: 'S0001' });
    });

    it('answers spend, budget execution and anomalies for the demo company', async () => {
      // the demo's approved claims post through the worker into the ERPs, and become spend facts
      const spend = await until('the demo claims posted into the spend cube', async () => {
        const res = await ok('li', 'POST', '/api/v1/analytics/spend:query', {
          rows: ['department'],
          columns: ['period'],
          measures: ['amount', 'count'],
        });
        return (res['cells'] as Body[]).length > 0 ? res : undefined;
      });
      for (const cell of spend['cells'] as Body[]) {
        assert.match(String(cell['amount']), /^\d+\.\d{2}$/);
        assert.ok(cell['count'] > 0);
      }

      const year = t.running.context.clock.now().toISOString().slice(0, 4);
      const execution = await ok(
        'li',
        'GET',
        `/api/v1/analytics/budget-execution?by=department&year=${year}`,
      );
      const items = execution['items'] as Body[];
      assert.ok(items.length > 0, JSON.stringify(execution));
      assert.ok(
        items.some((i) => Number(i['budget']) > 0 && typeof i['burnRate'] === 'number'),
        JSON.stringify(items),
      );

      // a claim the budget system approves by callback (half a second after its callout) posts after the
      // rest, so the first facts are not yet all of them: scan until the demo's findings are there
      const scan = await until(
        'the demo’s anomalies, once the budget system’s claim has posted',
        async () => {
          const res = await ok('li', 'POST', '/api/v1/analytics/anomalies:scan');
          return res['anomalies'] > 0 ? res : undefined;
        },
      );
      assert.ok(scan['lines'] > 0, JSON.stringify(scan));
      const anomalies = (await ok('li', 'GET', '/api/v1/analytics/anomalies?limit=500'))['items'] as Body[];
      assert.ok(anomalies.length > 0, JSON.stringify(scan));
      for (const a of anomalies) {
        assert.ok(a['score'] > 0 && a['score'] <= 100);
        assert.ok(a['explanation']['zh'] !== '' && a['explanation']['en'] !== '');
        assert.equal(a['link'], `/claims/${String(a['claimId'])}`);
      }
    });
  });
}
