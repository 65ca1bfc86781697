import type { SpendLine } from '../finance/expenses/spend-lines.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { detectForNewLines } from './anomalies.ts';
import { applyToRollup, HISTORY_ERP, toFact } from './facts.ts';

/**
 * Imported history in the spend cube (docs/analytics.md): the lines of claims imported from an old
 * system become facts (ERP `history`), rollup and anomaly findings in the import batch's transaction,
 * and leave all three in the transaction that rolls the batch back.
 */
export async function recordImportedSpend(
  tx: TenantDb,
  lines: readonly SpendLine[],
  companyCode: string,
  now: string,
): Promise<void> {
  if (lines.length === 0) return;
  const facts = lines.map((l) => toFact(l, companyCode, HISTORY_ERP));
  for (let i = 0; i < facts.length; i += 200)
    await tx.insertInto('analytics_spend_facts', facts.slice(i, i + 200)).execute();
  await applyToRollup(tx, facts, 1n);
  await detectForNewLines(tx, facts, now);
}

/** The imported claims' facts out of the cube and the rollup, their findings withdrawn. */
export async function withdrawImportedSpend(tx: TenantDb, claimIds: readonly string[]): Promise<void> {
  for (let i = 0; i < claimIds.length; i += 500) {
    const ids = claimIds.slice(i, i + 500);
    const live = await tx
      .selectFrom('analytics_spend_facts')
      .selectAll()
      .where('posting_id', 'in', ids)
      .where('erp', '=', HISTORY_ERP)
      .where('reversed', '=', 0)
      .execute();
    await tx
      .deleteFrom('analytics_spend_facts')
      .where('posting_id', 'in', ids)
      .where('erp', '=', HISTORY_ERP)
      .execute();
    await applyToRollup(tx, live, -1n);
    await tx.deleteFrom('analytics_anomalies').where('posting_id', 'in', ids).execute();
  }
}
