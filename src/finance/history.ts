import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { budgetFor, releaseBudget, type BudgetLine } from './budgets/budgets.ts';

/**
 * What finance tells governance's historical import (docs/governance.md#historical-claims-and-vouchers),
 * so governance never reads finance's tables: which claim numbers and ERP voucher numbers FinBridge
 * already has, the budget actuals of imported claims (kept in the same budget ledger as a posted
 * claim's, so budget execution shows past months), and which periods were closed or archived.
 */

const chunks = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** The claim numbers among `numbers` that FinBridge's own claims carry. */
export async function claimNumbersInUse(db: TenantDb, numbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(numbers)]))
    for (const r of await db
      .selectFrom('expense_documents')
      .select(['number'])
      .where('kind', '=', 'claim')
      .where('number', 'in', part)
      .execute())
      found.add(r.number);
  return found;
}

/** The ERP voucher numbers among `numbers` that FinBridge's own posted documents got from an ERP. */
export async function voucherNumbersPosted(db: TenantDb, numbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(numbers)]))
    for (const r of await db
      .selectFrom('expense_documents')
      .select(['erp_voucher_number'])
      .where('erp_voucher_number', 'in', part)
      .execute())
      if (r.erp_voucher_number !== null) found.add(r.erp_voucher_number);
  return found;
}

/**
 * An imported claim's lines as actual spending of the budgets they fall in (the most specific slice, as
 * for a posted claim), recorded in the budget ledger under the claim's id so `releaseHistoricalActuals`
 * gives exactly that back. Claims in another currency than the budget's leave it alone.
 */
export async function recordHistoricalActuals(
  tx: TenantDb,
  documentId: string,
  currency: string,
  lines: readonly BudgetLine[],
  at: string,
): Promise<void> {
  for (const line of lines) {
    const budget = await budgetFor(tx, line);
    // a budget is kept in one currency: a claim in another one is not its spending
    if (budget === undefined || budget.currency !== currency) continue;
    await tx
      .updateTable('budgets')
      .set((eb) => ({ actual_minor: eb('actual_minor', '+', line.amountMinor) }))
      .where('id', '=', budget.id)
      .execute();
    await tx
      .insertInto('budget_uses', [
        {
          document_id: documentId,
          line_no: line.lineNo,
          budget_id: budget.id,
          amount_minor: line.amountMinor,
          state: 'actual',
          updated_at: at,
        },
      ])
      .execute();
  }
}

/** Takes an imported claim's actuals out of its budgets again. */
export async function releaseHistoricalActuals(tx: TenantDb, documentId: string): Promise<void> {
  await releaseBudget(tx, documentId);
}

export interface FrozenPeriod {
  readonly period: string;
  readonly reason: 'period_closed' | 'period_archived';
  readonly at: string;
}

/**
 * The periods among `periods` (YYYY-MM) whose books were closed or archived after `since` (an import
 * into a period already closed or archived changed nothing finance had settled, so it may go again).
 */
export async function periodsFrozenSince(
  db: TenantDb,
  periods: readonly string[],
  since: string,
): Promise<FrozenPeriod[]> {
  const out: FrozenPeriod[] = [];
  for (const part of chunks([...new Set(periods)])) {
    for (const r of await db
      .selectFrom('archive_packages')
      .select(['period', 'built_at'])
      .where('period', 'in', part)
      .where('built_at', '>', since)
      .execute())
      out.push({ period: r.period, reason: 'period_archived', at: r.built_at });
    for (const r of await db
      .selectFrom('closed_periods')
      .select(['period', 'closed_at'])
      .where('period', 'in', part)
      .where('closed_at', '>', since)
      .execute())
      if (!out.some((o) => o.period === r.period))
        out.push({ period: r.period, reason: 'period_closed', at: r.closed_at });
  }
  return out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}
