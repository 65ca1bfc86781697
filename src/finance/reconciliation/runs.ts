import type { Selectable } from 'kysely';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Keyring } from '../../platform/security/keyring.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import {
  connectionLabel,
  erpVouchersForPeriod,
  postedForPeriod,
  repostPosting,
  type ErpSideFailure,
} from '../../hub/reconciliation.ts';
import { PeriodComparison, type Comparison, type DifferenceDetail, type SummaryRow } from './compare.ts';
import type {
  DifferenceKind,
  ErpReconciliationDifferencesTable,
  ErpReconciliationsTable,
  ReconciliationStatus,
  Resolution,
} from './tables.ts';

/**
 * Reconciliation runs: read both sides of a period (hub/reconciliation.ts), compare them (compare.ts)
 * and store the report — the run, its per word/account summary and its differences — in one
 * transaction, audited. An ERP that cannot be read leaves the run `not_checked`, never `matched`.
 * Repairs resolve one difference each: re-post what the ERP lost (through the hub's queue), or record
 * why it is right as it is (deliberately deleted in the ERP, acknowledged) — audited with the reason.
 */
export interface ReconciliationDeps {
  readonly keyring: Keyring;
  readonly clock: Clock;
  /** Per ERP call (default 30 s). */
  readonly timeoutMs?: number;
}

export type Trigger = 'manual' | 'schedule';

export interface SummaryView {
  readonly word: string;
  readonly account: string;
  readonly ourVouchers: number;
  readonly erpVouchers: number;
  readonly ourDebit: string;
  readonly erpDebit: string;
  readonly ourCredit: string;
  readonly erpCredit: string;
}

export interface ReconciliationView {
  readonly id: string;
  readonly connectionId: string;
  readonly period: string;
  readonly status: ReconciliationStatus;
  readonly trigger: string;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly ourCount: number;
  readonly erpCount: number;
  readonly matchedCount: number;
  readonly differenceCount: number;
  /** Open differences (not yet resolved). */
  readonly openCount: number;
  /** Totals of debits, minor units as decimal text. */
  readonly ourDebitMinor: string;
  readonly erpDebitMinor: string;
  readonly failure: { readonly reason: string; readonly code: string; readonly message: string } | null;
}

export interface DifferenceView {
  readonly seq: number;
  readonly kind: DifferenceKind;
  readonly reference: string | null;
  readonly postingId: string | null;
  readonly documentId: string | null;
  readonly erpId: string | null;
  readonly erpNumber: string | null;
  readonly word: string | null;
  readonly ourAmountMinor: string | null;
  readonly erpAmountMinor: string | null;
  readonly detail: DifferenceDetail;
  readonly resolution: Resolution | null;
  readonly resolutionReason: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  /** The repairs this difference allows now. */
  readonly actions: RepairAction[];
}

export type RepairAction = 'repost' | 'mark_deleted' | 'acknowledge';

/** Which repairs are safe for a kind: only what FinBridge posted can be posted again. */
export const REPAIRS: Readonly<Record<DifferenceKind, readonly RepairAction[]>> = {
  missing_in_erp: ['repost', 'mark_deleted'],
  reversed_only_in_finbridge: ['repost', 'mark_deleted'],
  extra_in_erp: ['acknowledge'],
  amount_differs: ['acknowledge'],
  account_differs: ['acknowledge'],
  reversed_only_in_erp: ['acknowledge'],
};

const PERIOD = /^\d{4}-(0[1-9]|1[0-6])$/;

export function checkPeriod(period: string): void {
  if (!PERIOD.test(period))
    throw new DomainError('validation_failed', {}, [
      { code: 'reconciliation_period_invalid', pointer: '/period', params: { period } },
    ]);
}

type RunRow = Selectable<ErpReconciliationsTable>;
type DifferenceRow = Selectable<ErpReconciliationDifferencesTable>;

function toView(row: RunRow, openCount: number): ReconciliationView {
  return {
    id: row.id,
    connectionId: row.connection_id,
    period: row.period,
    status: row.status,
    trigger: row.trigger,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    ourCount: row.our_count,
    erpCount: row.erp_count,
    matchedCount: row.matched_count,
    differenceCount: row.difference_count,
    openCount,
    ourDebitMinor: row.our_debit_minor,
    erpDebitMinor: row.erp_debit_minor,
    failure:
      row.failure_reason === null
        ? null
        : {
            reason: row.failure_reason,
            code: row.failure_code ?? '',
            message: row.failure_message ?? '',
          },
  };
}

const summaryView = (row: SummaryRow): SummaryView => ({
  word: row.word,
  account: row.account,
  ourVouchers: row.ourVouchers,
  erpVouchers: row.erpVouchers,
  ourDebit: row.ourDebitMinor.toString(),
  erpDebit: row.erpDebitMinor.toString(),
  ourCredit: row.ourCreditMinor.toString(),
  erpCredit: row.erpCreditMinor.toString(),
});

/** A minor-units column as text (a driver may hand back a number for text that looks like one). */
const textOrNull = (value: string | number | bigint | null): string | null =>
  value === null ? null : String(value);

function differenceView(row: DifferenceRow): DifferenceView {
  return {
    seq: row.seq,
    kind: row.kind,
    reference: row.reference,
    postingId: row.posting_id,
    documentId: row.document_id,
    erpId: row.erp_id,
    erpNumber: row.erp_number,
    word: row.word,
    ourAmountMinor: textOrNull(row.our_amount_minor),
    erpAmountMinor: textOrNull(row.erp_amount_minor),
    detail: JSON.parse(row.detail_json) as DifferenceDetail,
    resolution: row.resolution,
    resolutionReason: row.resolution_reason,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    actions: row.resolution === null ? [...REPAIRS[row.kind]] : [],
  };
}

/** Reads both sides and compares them; the ERP's failure, when it could not be read to the end. */
export async function compareSides(
  db: TenantDb,
  deps: ReconciliationDeps,
  connectionId: string,
  period: string,
): Promise<{ comparison: Comparison; failure: ErpSideFailure | null }> {
  const comparison = new PeriodComparison();
  for await (const voucher of postedForPeriod(db, connectionId, period)) comparison.addOurs(voucher);
  const erp = await erpVouchersForPeriod(db, deps.keyring, deps.clock, connectionId, period, deps.timeoutMs);
  let failure: ErpSideFailure | null = null;
  try {
    const pages = erp.pages();
    for (;;) {
      const next = await pages.next();
      if (next.done === true) {
        failure = next.value;
        break;
      }
      for (const voucher of next.value) comparison.addErp(voucher);
    }
  } finally {
    await erp.close();
  }
  return { comparison: comparison.finish(), failure };
}

const CHUNK = 500;

/** Runs a reconciliation of a connection's period now and stores its report. */
export async function runReconciliation(
  db: TenantDb,
  deps: ReconciliationDeps,
  writer: Writer,
  input: { readonly connectionId: string; readonly period: string; readonly trigger?: Trigger },
): Promise<ReconciliationView> {
  checkPeriod(input.period);
  await connectionLabel(db, input.connectionId);
  const startedAt = deps.clock.now().toISOString();
  const { comparison, failure } = await compareSides(db, deps, input.connectionId, input.period);
  const finishedAt = deps.clock.now().toISOString();
  const checked = failure === null;
  const differences = checked ? comparison.differences : [];
  const status: ReconciliationStatus = !checked
    ? 'not_checked'
    : differences.length === 0
      ? 'matched'
      : 'differences';
  const id = newId();
  const row: RunRow = {
    tenant_id: db.tenantId,
    id,
    connection_id: input.connectionId,
    period: input.period,
    status,
    trigger: input.trigger ?? 'manual',
    started_by: writer.actor,
    started_at: startedAt,
    finished_at: finishedAt,
    our_count: comparison.ourCount,
    erp_count: comparison.erpCount,
    matched_count: checked ? comparison.matchedCount : 0,
    difference_count: differences.length,
    our_debit_minor: comparison.ourDebitMinor.toString(),
    erp_debit_minor: comparison.erpDebitMinor.toString(),
    summary_json: JSON.stringify(checked ? comparison.summary.map(summaryView) : []),
    failure_reason: failure?.reason ?? null,
    failure_code: failure?.failure.code ?? null,
    failure_message: failure === null ? null : failure.failure.message.slice(0, 1000),
  };
  await db.transaction(async (tx) => {
    const { tenant_id: _tenant, ...values } = row;
    await tx.insertInto('erp_reconciliations', [values]).execute();
    for (let i = 0; i < differences.length; i += CHUNK)
      await tx
        .insertInto(
          'erp_reconciliation_differences',
          differences.slice(i, i + CHUNK).map((d, j) => ({
            reconciliation_id: id,
            seq: i + j + 1,
            kind: d.kind,
            reference: d.reference,
            posting_id: d.postingId,
            document_id: d.documentId,
            erp_id: d.erpId,
            erp_number: d.erpNumber,
            word: d.word,
            our_amount_minor: d.ourAmountMinor?.toString() ?? null,
            erp_amount_minor: d.erpAmountMinor?.toString() ?? null,
            detail_json: JSON.stringify(d.detail),
            resolution: null,
            resolution_reason: null,
            resolved_by: null,
            resolved_at: null,
          })),
        )
        .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'reconcile',
        entityType: 'ErpReconciliation',
        entityId: id,
        after: {
          connectionId: input.connectionId,
          period: input.period,
          status,
          differences: differences.length,
          ...(failure === null ? {} : { failure: failure.failure.code }),
        },
        requestId: writer.requestId,
      },
    ]);
  });
  return toView(row, differences.length);
}

async function runRow(db: TenantDb, id: string): Promise<RunRow> {
  const row = await db.selectFrom('erp_reconciliations').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'ErpReconciliation', id });
  return row;
}

async function openCounts(db: TenantDb, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('erp_reconciliation_differences')
    .select(['reconciliation_id'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('reconciliation_id', 'in', ids)
    .where('resolution', 'is', null)
    .groupBy('reconciliation_id')
    .execute();
  return new Map(rows.map((r) => [r.reconciliation_id, Number(r.n)]));
}

/** Runs, newest first, optionally of one connection or period; paged by `before` (a run id). */
export async function listReconciliations(
  db: TenantDb,
  filter: {
    readonly connectionId?: string;
    readonly period?: string;
    readonly limit: number;
    readonly before?: string;
  },
): Promise<{ items: ReconciliationView[]; nextCursor: string | null }> {
  let query = db.selectFrom('erp_reconciliations').selectAll();
  if (filter.connectionId !== undefined) query = query.where('connection_id', '=', filter.connectionId);
  if (filter.period !== undefined) query = query.where('period', '=', filter.period);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const open = await openCounts(
    db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => toView(r, open.get(r.id) ?? 0)),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** A run with its summary and a page of its differences (after `afterSeq`, optionally of one kind). */
export async function getReconciliation(
  db: TenantDb,
  id: string,
  page: {
    readonly limit: number;
    readonly afterSeq?: number;
    readonly kind?: DifferenceKind;
    readonly open?: boolean;
  },
): Promise<{
  reconciliation: ReconciliationView;
  summary: SummaryView[];
  differences: DifferenceView[];
  nextSeq: number | null;
}> {
  const row = await runRow(db, id);
  let query = db
    .selectFrom('erp_reconciliation_differences')
    .selectAll()
    .where('reconciliation_id', '=', id)
    .where('seq', '>', page.afterSeq ?? 0);
  if (page.kind !== undefined) query = query.where('kind', '=', page.kind);
  if (page.open === true) query = query.where('resolution', 'is', null);
  const rows = await query
    .orderBy('seq')
    .limit(page.limit + 1)
    .execute();
  const shown = rows.slice(0, page.limit);
  const open = await openCounts(db, [id]);
  return {
    reconciliation: toView(row, open.get(id) ?? 0),
    summary: JSON.parse(row.summary_json) as SummaryView[],
    differences: shown.map(differenceView),
    nextSeq: rows.length > page.limit ? (shown.at(-1)?.seq ?? null) : null,
  };
}

/** Every difference of a run, in order (for the workbook), a page at a time. */
export async function* allDifferences(db: TenantDb, id: string): AsyncGenerator<DifferenceView> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('erp_reconciliation_differences')
      .selectAll()
      .where('reconciliation_id', '=', id)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(2000)
      .execute();
    for (const r of rows) yield differenceView(r);
    const last = rows.at(-1);
    if (last === undefined || rows.length < 2000) return;
    after = last.seq;
  }
}

/**
 * Resolves one difference: `repost` sends the posting again through the hub's queue (only for what
 * FinBridge posted and the ERP lost); `mark_deleted` records that the ERP's user deleted it on purpose;
 * `acknowledge` records that the difference is understood. Each needs a reason and is audited.
 */
export async function resolveDifference(
  db: TenantDb,
  writer: Writer,
  input: {
    readonly reconciliationId: string;
    readonly seq: number;
    readonly action: RepairAction;
    readonly reason: string;
  },
): Promise<DifferenceView> {
  return db.transaction(async (tx) => {
    await runRow(tx, input.reconciliationId);
    const row = await tx
      .selectFrom('erp_reconciliation_differences')
      .selectAll()
      .where('reconciliation_id', '=', input.reconciliationId)
      .where('seq', '=', input.seq)
      .executeTakeFirst();
    if (row === undefined)
      throw new DomainError('not_found', {
        resource: 'ReconciliationDifference',
        id: `${input.reconciliationId}/${String(input.seq)}`,
      });
    if (row.resolution !== null)
      throw new DomainError('reconciliation_difference_resolved', { resolution: row.resolution });
    if (!REPAIRS[row.kind].includes(input.action))
      throw new DomainError('reconciliation_repair_unsafe', { kind: row.kind, action: input.action });
    if (input.action === 'repost') {
      if (row.posting_id === null)
        throw new DomainError('reconciliation_repair_unsafe', { kind: row.kind, action: input.action });
      await repostPosting(
        tx,
        writer,
        row.posting_id,
        `reconciliation ${input.reconciliationId}: ${input.reason}`,
      );
    }
    const resolution: Resolution =
      input.action === 'repost'
        ? 'reposted'
        : input.action === 'mark_deleted'
          ? 'deliberately_deleted'
          : 'acknowledged';
    const now = writer.audit.clock.now().toISOString();
    await tx
      .updateTable('erp_reconciliation_differences')
      .set({ resolution, resolution_reason: input.reason, resolved_by: writer.actor, resolved_at: now })
      .where('reconciliation_id', '=', input.reconciliationId)
      .where('seq', '=', input.seq)
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: input.action,
        entityType: 'ReconciliationDifference',
        entityId: `${input.reconciliationId}/${String(input.seq)}`,
        before: { kind: row.kind, reference: row.reference, resolution: null },
        after: { resolution, reason: input.reason },
        requestId: writer.requestId,
      },
    ]);
    return differenceView({
      ...row,
      resolution,
      resolution_reason: input.reason,
      resolved_by: writer.actor,
      resolved_at: now,
    });
  });
}
