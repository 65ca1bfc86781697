import { formatMinor } from '../model/money.ts';
import { exponentOf, isCurrencyCode } from '../model/currencies.ts';
import { budgetTotals, type BudgetDimension } from '../finance/budgets/execution-totals.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';

/**
 * Budget execution per dimension (docs/analytics.md): budget, occupied (submitted, not yet posted),
 * actual (posted) and available, the burn rate (actual ÷ budget), how much of the budget periods has
 * elapsed, and a forecast to each period's end — the actual spent so far carried on at the same daily
 * pace (a period not started yet forecasts what it has occupied; an ended one its actual).
 */
export const BUDGET_DIMENSIONS: readonly BudgetDimension[] = ['department', 'category', 'project', 'period'];

const DAY = 86_400_000;

/** First and last day of a budget period: 2026-11, 2026-Q4 or 2026. */
export function periodSpan(period: string): { from: number; to: number } {
  const year = Number(period.slice(0, 4));
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  const month = /^\d{4}-(\d{2})$/.exec(period);
  const [first, last] =
    quarter !== null
      ? [(Number(quarter[1]) - 1) * 3, Number(quarter[1]) * 3]
      : month !== null
        ? [Number(month[1]) - 1, Number(month[1])]
        : [0, 12];
  return { from: Date.UTC(year, first, 1), to: Date.UTC(year, last, 1) - DAY };
}

/** Whole days of the period elapsed by `today` (inclusive) and in all. */
function elapsed(period: string, today: string): { done: bigint; all: bigint } {
  const { from, to } = periodSpan(period);
  const t = Date.parse(`${today}T00:00:00Z`);
  const all = BigInt(Math.round((to - from) / DAY) + 1);
  const done = t < from ? 0n : t > to ? all : BigInt(Math.round((t - from) / DAY) + 1);
  return { done, all };
}

export interface ExecutionRow {
  readonly key: string;
  readonly currency: string;
  readonly budget: string;
  readonly occupied: string;
  readonly actual: string;
  readonly available: string;
  /** actual ÷ budget, 0–… (1 = all spent); null without a budget. */
  readonly burnRate: number | null;
  /** Days of the budget periods elapsed ÷ their days, weighted by budget. */
  readonly elapsedShare: number;
  readonly forecast: string;
  /** forecast − budget: positive means the forecast overruns. */
  readonly forecastVariance: string;
  readonly budgets: number;
}

export async function budgetExecutionBy(
  db: TenantDb,
  query: { by: BudgetDimension; year: string; today: string; departmentCode?: string; categoryCode?: string },
): Promise<{
  by: BudgetDimension;
  year: string;
  asOf: string;
  items: ExecutionRow[];
  totals: ExecutionRow[];
}> {
  const rows = await budgetTotals(db, query);
  const acc = new Map<
    string,
    {
      key: string;
      currency: string;
      budget: bigint;
      occupied: bigint;
      actual: bigint;
      forecast: bigint;
      weighted: bigint;
      budgets: number;
    }
  >();
  const totals = new Map<string, typeof acc extends Map<string, infer V> ? V : never>();
  for (const r of rows) {
    const { done, all } = elapsed(r.period, query.today);
    const forecast =
      done === 0n ? r.occupiedMinor : done >= all ? r.actualMinor : (r.actualMinor * all) / done;
    for (const [map, key] of [
      [acc, `${r.key}|${r.currency}`],
      [totals, r.currency],
    ] as const) {
      const a = map.get(key) ?? {
        key: map === acc ? r.key : '',
        currency: r.currency,
        budget: 0n,
        occupied: 0n,
        actual: 0n,
        forecast: 0n,
        weighted: 0n,
        budgets: 0,
      };
      a.budget += r.budgetMinor;
      a.occupied += r.occupiedMinor;
      a.actual += r.actualMinor;
      a.forecast += forecast;
      a.weighted += (r.budgetMinor * done * 10_000n) / all;
      a.budgets += r.budgets;
      map.set(key, a);
    }
  }
  const view = (a: {
    key: string;
    currency: string;
    budget: bigint;
    occupied: bigint;
    actual: bigint;
    forecast: bigint;
    weighted: bigint;
    budgets: number;
  }): ExecutionRow => {
    const digits = isCurrencyCode(a.currency) ? exponentOf(a.currency) : 2;
    const f = (m: bigint) => formatMinor(m, digits);
    return {
      key: a.key,
      currency: a.currency,
      budget: f(a.budget),
      occupied: f(a.occupied),
      actual: f(a.actual),
      available: f(a.budget - a.occupied - a.actual),
      burnRate: a.budget === 0n ? null : Number((a.actual * 10_000n) / a.budget) / 10_000,
      elapsedShare: a.budget === 0n ? 0 : Number(a.weighted / a.budget) / 10_000,
      forecast: f(a.forecast),
      forecastVariance: f(a.forecast - a.budget),
      budgets: a.budgets,
    };
  };
  return {
    by: query.by,
    year: query.year,
    asOf: query.today,
    items: [...acc.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(view),
    totals: [...totals.values()].map(view),
  };
}
