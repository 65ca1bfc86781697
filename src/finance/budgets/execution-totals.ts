import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * Budget totals for analytics (ADR 0021): budget, occupied and actual summed per slice key and budget
 * period, in SQL, so a company's whole year is one grouped read however many budgets it has.
 */
export type BudgetDimension = 'department' | 'category' | 'project' | 'period';

const COLUMN = {
  department: 'department_code',
  category: 'category_code',
  project: 'project_code',
  period: 'period',
} as const;

export interface BudgetTotalsRow {
  /** The dimension's value ('' = budgets not for one project). */
  readonly key: string;
  readonly period: string;
  readonly currency: string;
  readonly budgetMinor: bigint;
  readonly occupiedMinor: bigint;
  readonly actualMinor: bigint;
  readonly budgets: number;
}

export async function budgetTotals(
  db: TenantDb,
  query: { by: BudgetDimension; year?: string; departmentCode?: string; categoryCode?: string },
): Promise<BudgetTotalsRow[]> {
  const column = COLUMN[query.by];
  let select = db
    .selectFrom('budgets')
    .select((eb) => [
      eb.ref(column).as('key'),
      'period',
      'currency',
      eb.fn.sum('amount_minor').as('budget_minor'),
      eb.fn.sum('occupied_minor').as('occupied_minor'),
      eb.fn.sum('actual_minor').as('actual_minor'),
      eb.fn.countAll<string | number>().as('n'),
    ]);
  if (query.year !== undefined) select = select.where('period', 'like', `${query.year}%`);
  if (query.departmentCode !== undefined) select = select.where('department_code', '=', query.departmentCode);
  if (query.categoryCode !== undefined) select = select.where('category_code', '=', query.categoryCode);
  const rows = await select.groupBy([column, 'period', 'currency']).execute();
  return rows.map((r) => ({
    key: r.key,
    period: r.period,
    currency: r.currency,
    budgetMinor: BigInt(r.budget_minor),
    occupiedMinor: BigInt(r.occupied_minor),
    actualMinor: BigInt(r.actual_minor),
    budgets: Number(r.n),
  }));
}
