import type { Insertable, Selectable } from 'kysely';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import type { PostedDocument, ReversedDocument } from '../hub/outcomes.ts';
import { postingState } from '../hub/postings.ts';
import { getConnectionRow } from '../hub/connections.ts';
import { postedClaimLines, postedClaimLinesPage, type SpendLine } from '../finance/expenses/spend-lines.ts';
import { detectForNewLines, scanAnomalies } from './anomalies.ts';
import { historicalSpendLines } from '../governance/imports/history-lines.ts';
import type { AnalyticsSpendFactsTable, AnalyticsSpendRollupTable } from './tables.ts';

/**
 * The spend facts and their rollup, kept in step with the ERP (ADR 0021): a claim's lines become facts
 * in the transaction that records its voucher posted, and leave the rollup in the one that records its
 * red-letter voucher posted. Both are idempotent: an outcome told twice changes nothing the second time.
 */
export type FactRow = Selectable<AnalyticsSpendFactsTable>;
type NewFact = Omit<Insertable<AnalyticsSpendFactsTable>, 'tenant_id'>;
type RollupKey = Pick<
  AnalyticsSpendRollupTable,
  'period' | 'company_code' | 'department_code' | 'category_code' | 'currency'
>;

const PERIOD = /^(\d{4})-?(\d{2})/;

/** The `erp` of spend facts from claims imported as history (never posted by FinBridge). */
export const HISTORY_ERP = 'history';

/** The voucher's accounting period as YYYY-MM, else the line's month. */
export const periodOf = (erpPeriod: string | null | undefined, occurredOn: string): string => {
  const m = PERIOD.exec(erpPeriod ?? '');
  return m === null ? occurredOn.slice(0, 7) : `${m[1]}-${m[2]}`;
};

export function toFact(line: SpendLine, companyCode: string, erp: string, postedAt?: string): NewFact {
  return {
    posting_id: line.postingId,
    line_no: line.lineNo,
    document_id: line.documentId,
    document_number: line.documentNumber,
    period: periodOf(line.erpPeriod, line.occurredOn),
    occurred_on: line.occurredOn,
    company_code: companyCode,
    department_code: line.departmentCode,
    cost_center_code: line.costCenterCode ?? '',
    project_code: line.projectCode ?? '',
    category_code: line.categoryCode,
    employee_code: line.employeeCode,
    supplier: line.supplier ?? '',
    currency: line.currency,
    erp,
    city: line.city ?? '',
    invoice_keys: line.invoiceKeys.join(','),
    amount_minor: line.amountMinor,
    tax_minor: line.taxMinor,
    reversed: 0,
    posted_at: postedAt ?? line.postedAt,
  };
}

/** The ERP (connection type) behind postings, one read per connection. */
async function erpOf(tx: TenantDb, postingIds: readonly string[]): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  const out = new Map<string, string>();
  for (const id of postingIds) {
    const state = await postingState(tx, id);
    if (state === undefined) continue;
    let type = types.get(state.connectionId);
    if (type === undefined) {
      type = (await getConnectionRow(tx, state.connectionId)).type;
      types.set(state.connectionId, type);
    }
    out.set(id, type);
  }
  return out;
}

/** Adds (sign 1) or takes out (sign -1) facts from the rollup, one upsert per rollup cell. */
export async function applyToRollup(
  tx: TenantDb,
  facts: readonly Pick<
    NewFact,
    | 'period'
    | 'company_code'
    | 'department_code'
    | 'category_code'
    | 'currency'
    | 'amount_minor'
    | 'tax_minor'
  >[],
  sign: 1n | -1n,
): Promise<void> {
  const cells = new Map<string, RollupKey & { amount: bigint; tax: bigint; count: bigint }>();
  for (const f of facts) {
    const key = JSON.stringify([f.period, f.company_code, f.department_code, f.category_code, f.currency]);
    const cell = cells.get(key) ?? {
      period: f.period,
      company_code: f.company_code,
      department_code: f.department_code,
      category_code: f.category_code,
      currency: f.currency,
      amount: 0n,
      tax: 0n,
      count: 0n,
    };
    cell.amount += sign * f.amount_minor;
    cell.tax += sign * f.tax_minor;
    cell.count += sign;
    cells.set(key, cell);
  }
  for (const { amount, tax, count, ...key } of cells.values())
    await tx
      .insertInto('analytics_spend_rollup', [
        { ...key, amount_minor: amount, tax_minor: tax, line_count: Number(count) },
      ])
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'period', 'company_code', 'department_code', 'category_code', 'currency'])
          .doUpdateSet((eb) => ({
            amount_minor: eb('analytics_spend_rollup.amount_minor', '+', eb.ref('excluded.amount_minor')),
            tax_minor: eb('analytics_spend_rollup.tax_minor', '+', eb.ref('excluded.tax_minor')),
            line_count: eb('analytics_spend_rollup.line_count', '+', eb.ref('excluded.line_count')),
          })),
      )
      .execute();
}

const companyOf = (document: Record<string, unknown>): string =>
  typeof document['companyCode'] === 'string' ? document['companyCode'] : '';

/**
 * Outcome subscriber (src/modules.ts), after finance's write-back: the posted claims' lines become
 * facts and rollup, and are checked for anomalies, in the transaction that records them posted.
 */
export async function recordPostedSpend(tx: TenantDb, posted: readonly PostedDocument[]): Promise<void> {
  if (posted.length === 0) return;
  const ids = posted.map((p) => p.postingId);
  const lines = await postedClaimLines(tx, ids);
  if (lines.length === 0) return;
  const already = new Set(
    (
      await tx
        .selectFrom('analytics_spend_facts')
        .select(['posting_id', 'line_no'])
        .where('posting_id', 'in', ids)
        .execute()
    ).map((r) => `${r.posting_id}#${r.line_no}`),
  );
  const fresh = lines.filter((l) => !already.has(`${l.postingId}#${l.lineNo}`));
  if (fresh.length === 0) return;
  const erps = await erpOf(tx, [...new Set(fresh.map((l) => l.postingId))]);
  const byPosting = new Map(posted.map((p) => [p.postingId, p]));
  const facts = fresh.map((l) => {
    const p = byPosting.get(l.postingId);
    return toFact(l, p === undefined ? '' : companyOf(p.document), erps.get(l.postingId) ?? '', p?.postedAt);
  });
  for (let i = 0; i < facts.length; i += 200)
    await tx.insertInto('analytics_spend_facts', facts.slice(i, i + 200)).execute();
  await applyToRollup(tx, facts, 1n);
  await detectForNewLines(tx, facts, posted[0]?.postedAt ?? '');
}

/**
 * Outcome subscriber: a claim's red-letter voucher posted, so its lines are no longer spend — marked
 * reversed, taken out of the rollup, and their findings withdrawn.
 */
export async function recordReversedSpend(
  tx: TenantDb,
  reversed: readonly ReversedDocument[],
): Promise<void> {
  if (reversed.length === 0) return;
  const ids = reversed.map((r) => r.postingId);
  const live = await tx
    .selectFrom('analytics_spend_facts')
    .selectAll()
    .where('posting_id', 'in', ids)
    .where('reversed', '=', 0)
    .execute();
  if (live.length === 0) return;
  await tx
    .updateTable('analytics_spend_facts')
    .set({ reversed: 1 })
    .where('posting_id', 'in', ids)
    .where('reversed', '=', 0)
    .execute();
  await applyToRollup(tx, live, -1n);
  await tx.deleteFrom('analytics_anomalies').where('posting_id', 'in', ids).execute();
}

/** Recomputes the rollup from the facts (grouped in the database; the rollup is small). */
export async function rebuildRollup(db: TenantDb): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.deleteFrom('analytics_spend_rollup').execute();
    const rows = await tx
      .selectFrom('analytics_spend_facts')
      .select((eb) => [
        'period',
        'company_code',
        'department_code',
        'category_code',
        'currency',
        eb.fn.sum('amount_minor').as('amount'),
        eb.fn.sum('tax_minor').as('tax'),
        eb.fn.countAll<string | number>().as('n'),
      ])
      .where('reversed', '=', 0)
      .groupBy(['period', 'company_code', 'department_code', 'category_code', 'currency'])
      .execute();
    const cells = rows.map((r) => ({
      period: r.period,
      company_code: r.company_code,
      department_code: r.department_code,
      category_code: r.category_code,
      currency: r.currency,
      amount_minor: BigInt(r.amount),
      tax_minor: BigInt(r.tax),
      line_count: Number(r.n),
    }));
    for (let i = 0; i < cells.length; i += 500)
      await tx.insertInto('analytics_spend_rollup', cells.slice(i, i + 500)).execute();
    return cells.length;
  });
}

export interface RebuildSummary {
  readonly claims: number;
  readonly lines: number;
  readonly rollupCells: number;
  readonly anomalies: number;
}

/**
 * `finbridge analytics rebuild`: the facts anew from finance's posted claims, then the rollup, the
 * peer statistics and the anomalies. For data posted before analytics was installed, or after a fix.
 */
export async function rebuildAnalytics(
  db: TenantDb,
  companyCode: string,
  now: Date,
): Promise<RebuildSummary> {
  let claims = 0;
  let lines = 0;
  await db.transaction(async (tx) => {
    await tx.deleteFrom('analytics_spend_facts').execute();
    await tx.deleteFrom('analytics_anomalies').execute();
    let after: string | null = null;
    const erps = new Map<string, string>();
    do {
      const page = await postedClaimLinesPage(tx, after, 500);
      const postings = [...new Set(page.lines.map((l) => l.postingId))].filter((id) => !erps.has(id));
      for (const [id, erp] of await erpOf(tx, postings)) erps.set(id, erp);
      const facts = page.lines.map((l) => toFact(l, companyCode, erps.get(l.postingId) ?? ''));
      for (let i = 0; i < facts.length; i += 200)
        await tx.insertInto('analytics_spend_facts', facts.slice(i, i + 200)).execute();
      claims += new Set(page.lines.map((l) => l.documentId)).size;
      lines += facts.length;
      after = page.next;
    } while (after !== null);
    // claims imported as history (docs/governance.md) are spend too, under the ERP `history`
    let afterClaim: string | null = null;
    do {
      const page = await historicalSpendLines(tx, null, afterClaim, 500);
      const facts = page.lines.map((l) => toFact(l, companyCode, HISTORY_ERP));
      for (let i = 0; i < facts.length; i += 200)
        await tx.insertInto('analytics_spend_facts', facts.slice(i, i + 200)).execute();
      claims += new Set(page.lines.map((l) => l.documentId)).size;
      lines += facts.length;
      afterClaim = page.next;
    } while (afterClaim !== null);
  });
  const rollupCells = await rebuildRollup(db);
  const scan = await scanAnomalies(db, now);
  return { claims, lines, rollupCells, anomalies: scan.anomalies };
}
