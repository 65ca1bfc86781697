import { DomainError } from '../model/result.ts';
import { formatMinor } from '../model/money.ts';
import { exponentOf, isCurrencyCode } from '../model/currencies.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';

/**
 * The spend cube (docs/analytics.md): posted claim lines by any of ten dimensions, three measures.
 * A query whose dimensions and filters all live in the rollup (period, company, department, category,
 * currency) reads the rollup; any other reads the facts. Amounts are summed per currency — a cell never
 * adds yuan to dollars — and go out as decimal strings in the currency's digits.
 */
export const DIMENSIONS = {
  period: 'period',
  company: 'company_code',
  department: 'department_code',
  costCenter: 'cost_center_code',
  project: 'project_code',
  category: 'category_code',
  employee: 'employee_code',
  supplier: 'supplier',
  currency: 'currency',
  erp: 'erp',
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];
const ROLLUP_DIMENSIONS: readonly Dimension[] = ['period', 'company', 'department', 'category', 'currency'];

export const MEASURES = ['amount', 'tax', 'count'] as const;
export type Measure = (typeof MEASURES)[number];

/** At most this many cells are returned; `truncated` says when more matched. */
export const MAX_CELLS = 10_000;
export const MAX_DRILL_LINES = 200;

export interface SpendQuery {
  readonly rows: readonly string[];
  readonly columns?: readonly string[];
  readonly measures?: readonly string[];
  /** Per dimension, the values kept. */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  /** Periods from/to (YYYY-MM, inclusive). */
  readonly periodFrom?: string;
  readonly periodTo?: string;
  /** A cell's coordinates: the claim lines behind it are returned too. */
  readonly drill?: Readonly<Record<string, string>>;
}

export interface SpendCell {
  readonly row: string[];
  readonly column: string[];
  readonly currency: string;
  readonly amount?: string;
  readonly tax?: string;
  readonly count?: number;
}

export interface DrillLine {
  readonly claimId: string;
  readonly claimNumber: string;
  readonly lineNo: number;
  readonly occurredOn: string;
  readonly period: string;
  readonly employeeCode: string;
  readonly departmentCode: string;
  readonly categoryCode: string;
  readonly amount: string;
  readonly tax: string;
  readonly currency: string;
  readonly link: string;
}

export interface SpendResult {
  readonly rows: Dimension[];
  readonly columns: Dimension[];
  readonly measures: Measure[];
  readonly source: 'rollup' | 'facts';
  readonly cells: SpendCell[];
  readonly totals: { currency: string; amount: string; tax: string; count: number }[];
  readonly truncated: boolean;
  readonly lines?: DrillLine[];
}

const isDimension = (name: string): name is Dimension => Object.hasOwn(DIMENSIONS, name);

/** Refuses an unknown dimension or measure, naming it and where it was (422). */
export function checkQuery(query: SpendQuery): {
  rows: Dimension[];
  columns: Dimension[];
  measures: Measure[];
} {
  const failures: {
    code: 'analytics_unknown_dimension' | 'analytics_unknown_measure';
    pointer: string;
    params: Record<string, string>;
  }[] = [];
  const dims = (list: readonly string[], field: string) =>
    list.filter((name, i) => {
      if (isDimension(name)) return true;
      failures.push({
        code: 'analytics_unknown_dimension',
        pointer: `/${field}/${i}`,
        params: { dimension: name, known: DIMENSION_NAMES.join(', ') },
      });
      return false;
    }) as Dimension[];
  const rows = dims(query.rows, 'rows');
  const columns = dims(query.columns ?? [], 'columns');
  for (const [field, keys] of [
    ['filters', Object.keys(query.filters ?? {})],
    ['drill', Object.keys(query.drill ?? {})],
  ] as const)
    for (const key of keys)
      if (!isDimension(key))
        failures.push({
          code: 'analytics_unknown_dimension',
          pointer: `/${field}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          params: { dimension: key, known: DIMENSION_NAMES.join(', ') },
        });
  const measures = (query.measures ?? MEASURES).filter((m, i) => {
    if ((MEASURES as readonly string[]).includes(m)) return true;
    failures.push({
      code: 'analytics_unknown_measure',
      pointer: `/measures/${i}`,
      params: { measure: m, known: MEASURES.join(', ') },
    });
    return false;
  }) as Measure[];
  const repeated = [...rows, ...columns].find((d, i, all) => all.indexOf(d) !== i);
  if (repeated !== undefined)
    failures.push({
      code: 'analytics_unknown_dimension',
      pointer: '/columns',
      params: { dimension: `${repeated} (twice)`, known: DIMENSION_NAMES.join(', ') },
    });
  const first = failures[0];
  if (first !== undefined) throw new DomainError(first.code, first.params, failures);
  return { rows, columns, measures: measures.length === 0 ? [...MEASURES] : measures };
}

const digitsOf = (currency: string) => (isCurrencyCode(currency) ? exponentOf(currency) : 2);
const format = (minor: bigint, currency: string) => formatMinor(minor, digitsOf(currency));

/** The column of a dimension in the table read (the rollup has the same names as the facts). */
const col = (d: Dimension) => DIMENSIONS[d] as 'period';

export async function querySpend(db: TenantDb, query: SpendQuery): Promise<SpendResult> {
  const { rows, columns, measures } = checkQuery(query);
  const filters = Object.entries(query.filters ?? {}) as [Dimension, readonly string[]][];
  const used = new Set<Dimension>([...rows, ...columns, ...filters.map(([d]) => d), 'currency']);
  const rollup = [...used].every((d) => ROLLUP_DIMENSIONS.includes(d));
  const table = rollup ? 'analytics_spend_rollup' : 'analytics_spend_facts';
  const groupDims: Dimension[] = [
    ...rows,
    ...columns,
    ...(rows.includes('currency') || columns.includes('currency') ? [] : ['currency' as const]),
  ];
  let select = db
    .selectFrom(table as 'analytics_spend_facts')
    .select((eb) => [
      ...groupDims.map((d) => eb.ref(col(d)).as(d)),
      eb.fn.sum('amount_minor').as('amount_sum'),
      eb.fn.sum('tax_minor').as('tax_sum'),
      (rollup ? eb.fn.sum<string | number>('line_count' as 'line_no') : eb.fn.countAll<string | number>()).as(
        'line_sum',
      ),
    ]);
  if (!rollup) select = select.where('reversed', '=', 0);
  for (const [d, values] of filters)
    select = select.where(col(d), 'in', values.length === 0 ? [''] : [...values]);
  if (query.periodFrom !== undefined) select = select.where('period', '>=', query.periodFrom);
  if (query.periodTo !== undefined) select = select.where('period', '<=', query.periodTo);
  const grouped = groupDims.length === 0 ? select : select.groupBy(groupDims.map(col));
  const ordered = groupDims.reduce((q, d) => q.orderBy(col(d)), grouped);
  const found = await ordered.limit(MAX_CELLS + 1).execute();
  const truncated = found.length > MAX_CELLS;
  const totals = new Map<string, { amount: bigint; tax: bigint; count: number }>();
  const cells: SpendCell[] = [];
  for (const r of found.slice(0, MAX_CELLS)) {
    const record = r as unknown as Record<string, unknown>;
    const currency = String(record['currency']);
    const amount = BigInt((record['amount_sum'] as string | number | bigint | null) ?? 0);
    const tax = BigInt((record['tax_sum'] as string | number | bigint | null) ?? 0);
    const count = Number(record['line_sum'] ?? 0);
    if (count === 0 && amount === 0n) continue; // a rollup cell everything in was reversed
    const total = totals.get(currency) ?? { amount: 0n, tax: 0n, count: 0 };
    total.amount += amount;
    total.tax += tax;
    total.count += count;
    totals.set(currency, total);
    cells.push({
      row: rows.map((d) => String(record[d])),
      column: columns.map((d) => String(record[d])),
      currency,
      ...(measures.includes('amount') ? { amount: format(amount, currency) } : {}),
      ...(measures.includes('tax') ? { tax: format(tax, currency) } : {}),
      ...(measures.includes('count') ? { count } : {}),
    });
  }
  const result: SpendResult = {
    rows,
    columns,
    measures,
    source: rollup ? 'rollup' : 'facts',
    cells,
    totals: [...totals].map(([currency, t]) => ({
      currency,
      amount: format(t.amount, currency),
      tax: format(t.tax, currency),
      count: t.count,
    })),
    truncated,
  };
  return query.drill === undefined ? result : { ...result, lines: await drillLines(db, query, filters) };
}

/** The claim lines behind one cell: the query's filters and the cell's coordinates. */
async function drillLines(
  db: TenantDb,
  query: SpendQuery,
  filters: readonly [Dimension, readonly string[]][],
): Promise<DrillLine[]> {
  let select = db.selectFrom('analytics_spend_facts').selectAll().where('reversed', '=', 0);
  for (const [d, values] of filters)
    select = select.where(col(d), 'in', values.length === 0 ? [''] : [...values]);
  for (const [d, value] of Object.entries(query.drill ?? {}) as [Dimension, string][])
    select = select.where(col(d), '=', value);
  if (query.periodFrom !== undefined) select = select.where('period', '>=', query.periodFrom);
  if (query.periodTo !== undefined) select = select.where('period', '<=', query.periodTo);
  const rows = await select
    .orderBy('amount_minor', 'desc')
    .orderBy('posting_id')
    .orderBy('line_no')
    .limit(MAX_DRILL_LINES)
    .execute();
  return rows.map((r) => ({
    claimId: r.document_id,
    claimNumber: r.document_number,
    lineNo: r.line_no,
    occurredOn: r.occurred_on,
    period: r.period,
    employeeCode: r.employee_code,
    departmentCode: r.department_code,
    categoryCode: r.category_code,
    amount: format(r.amount_minor, r.currency),
    tax: format(r.tax_minor, r.currency),
    currency: r.currency,
    link: claimLink(r.document_id),
  }));
}

/** Where the console shows a claim. */
export const claimLink = (id: string): string => `/claims/${id}`;
