import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { issueDemoCredentials, seedDemo } from '../src/demo/seed.ts';
import { connectDemoErp } from '../src/demo/erp.ts';
import { startDemoBudgetSystem, type DemoBudgetSystem } from '../src/demo/budget-system.ts';
import { seedExpenseDemo } from '../src/demo/expenses.ts';
import { runApprovalHousekeeping } from '../src/finance/approvals/approval-loop.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import type { KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { startDemoKingdee } from './support/kingdee-simulator.ts';

for (const engine of ENGINES) {
  describe(`expense demo on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let budgetSystem: DemoBudgetSystem;
    let companyId = '';

    before(async () => {
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' }, { worker: { pollMs: 20 } });
      const { database, security, clock } = t.running.context;
      const seeded = await seedDemo(database, security.audit);
      companyId = seeded.company.id;
      await issueDemoCredentials(database, security.audit, seeded.company);
      const platform = { database, security, clock, wake: () => t.running.worker?.wake() };
      sim = await startDemoKingdee({ latencyMs: 5 });
      await connectDemoErp(platform, seeded.company, sim);
      budgetSystem = await startDemoBudgetSystem(clock);
      const summary = await seedExpenseDemo(platform, seeded.company, budgetSystem);
      assert.equal(summary.seeded, true);
      budgetSystem.finbridgeUrl = await t.running.app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await budgetSystem.close();
      await t.close();
      await sim.close();
    });

    const documents = () =>
      tenantDb(t.database.db, companyId)
        .selectFrom('expense_documents')
        .selectAll()
        .orderBy('created_at')
        .execute();

    it('exercises every path: posted, in approval, over budget, rejected, withdrawn, refused', async () => {
      const byStatus = (await documents()).reduce<Record<string, number>>(
        (m, d) => ({ ...m, [d.status]: (m[d.status] ?? 0) + 1 }),
        {},
      );
      assert.ok((byStatus['approving'] ?? 0) >= 3, JSON.stringify(byStatus));
      assert.equal(byStatus['rejected'], 1);
      assert.equal(byStatus['withdrawn'], 1);
      assert.equal(byStatus['draft'], 1, 'the claim over a blocking budget stays a draft');
      const tags = (await documents()).flatMap((d) =>
        (JSON.parse(d.risk_tags_json) as { rule: string }[]).map((r) => r.rule),
      );
      assert.ok(tags.includes('duplicate_invoice') && tags.includes('over_budget'), tags.join());
    });

    it('an approved demo claim is a balanced voucher in the simulator, its number written back', async () => {
      const trip = await until('the trip claim posted', async () => {
        const d = (await documents()).find((x) => x.title === '北京客户拜访差旅');
        return d?.status === 'posted' ? d : undefined;
      });
      const voucher = [...sim.ledger.vouchers.values()].find(
        (v) => v.billNo === trip.erp_voucher_number || String(v.id) === trip.erp_voucher_number,
      );
      assert.ok(voucher, `voucher ${trip.erp_voucher_number ?? ''} in the simulator`);
      const debit = voucher.entries.reduce((s, e) => s + e.debit, 0n);
      assert.equal(
        debit,
        voucher.entries.reduce((s, e) => s + e.credit, 0n),
      );
      assert.equal(debit, 222850n);
      assert.ok(
        voucher.entries.some((e) => e.account === '22210101' && e.debit === 13566n),
        'hotel 90.00 + rail 45.66 input VAT',
      );
    });

    it('the budget system accepts the small advertising claim and refuses the large one', async () => {
      const { security, clock } = t.running.context;
      // housekeeping runs again while waiting, as the approval loop does: on a loaded machine the first
      // call to the budget system may time out and be due again later
      const settled = await until(
        'both advertising claims decided',
        async () => {
          await runApprovalHousekeeping(t.database, { keyring: security.keyring, clock });
          const ads = (await documents()).filter((d) => d.department_code === 'MKT');
          return ads.every((d) => !['approving', 'submitted'].includes(d.status)) ? ads : undefined;
        },
        90_000,
      );
      const outcome = Object.fromEntries(
        settled.map((d) => [d.title, d.status === 'posted' ? 'approved' : d.status]),
      );
      assert.deepEqual(outcome, { 展会物料制作: 'approved', 线上广告投放: 'rejected' });
    });
  });
}
