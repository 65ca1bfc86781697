import { Type, type Static } from 'typebox';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { notify } from '../approvals/notifications.ts';
import type { FindingSeverity, FindingStatus } from './tables.ts';
import { AUDITABLE_STATUSES } from './runs.ts';

/**
 * Findings of post-hoc audit (审计发现) on a posted claim, and their rectification (整改): the auditor
 * asks the claimant to rectify (they are notified), the claimant responds, the auditor closes the
 * finding or waives it — or asks again. Every step is a finding event and an audit-log entry.
 *
 *   open ──request──▶ rectification_requested ──respond──▶ responded ──request──▶ (again)
 *     └──────────────────────┴───────────────────────────────┴──close / waive──▶ closed | waived
 */

export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const satisfies readonly FindingSeverity[];
export const FINDING_STATUSES = [
  'open',
  'rectification_requested',
  'responded',
  'closed',
  'waived',
] as const satisfies readonly FindingStatus[];

export const Evidence = Type.Object(
  {
    fields: Type.Optional(
      Type.Array(
        Type.Object(
          {
            pointer: Type.String({
              maxLength: 200,
              description: 'JSON pointer into the claim, e.g. /lines/0/amount.',
            }),
            note: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    invoiceIds: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true }),
    ),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type Evidence = Static<typeof Evidence>;

type Action = 'request_rectification' | 'respond' | 'close' | 'waive';
const ALLOWED: Readonly<Record<Action, readonly FindingStatus[]>> = {
  request_rectification: ['open', 'responded'],
  respond: ['rectification_requested'],
  close: ['open', 'rectification_requested', 'responded'],
  waive: ['open', 'rectification_requested', 'responded'],
};
const TARGET: Readonly<Record<Action, FindingStatus>> = {
  request_rectification: 'rectification_requested',
  respond: 'responded',
  close: 'closed',
  waive: 'waived',
};
const ACTION_LABELS: Readonly<Record<Action, { zh: string; en: string }>> = {
  request_rectification: { zh: '要求整改', en: 'sent a rectification request' },
  respond: { zh: '答复', en: 'responded to' },
  close: { zh: '关闭', en: 'closed' },
  waive: { zh: '豁免', en: 'waived' },
};

export interface FindingEventView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly fromStatus: FindingStatus | null;
  readonly toStatus: FindingStatus;
  readonly text: string | null;
}

export interface FindingView {
  readonly id: string;
  readonly documentId: string;
  readonly documentNumber: string;
  readonly runId: string | null;
  readonly severity: FindingSeverity;
  readonly title: string;
  readonly evidence: Evidence;
  readonly status: FindingStatus;
  readonly claimantCode: string;
  readonly dueOn: string | null;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly events: readonly FindingEventView[];
}

const findingRows = (db: TenantDb) =>
  db
    .selectFrom('post_audit_findings')
    .innerJoin('expense_documents as d', (j) =>
      j
        .onRef('d.id', '=', 'post_audit_findings.document_id')
        .onRef('d.tenant_id', '=', 'post_audit_findings.tenant_id'),
    )
    .selectAll('post_audit_findings')
    .select(['d.number as document_number']);

type FindingRow = Awaited<ReturnType<ReturnType<typeof findingRows>['executeTakeFirstOrThrow']>>;

async function toViews(db: TenantDb, rows: readonly FindingRow[]): Promise<FindingView[]> {
  const events =
    rows.length === 0
      ? []
      : await db
          .selectFrom('post_audit_finding_events')
          .selectAll()
          .where(
            'finding_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('finding_id')
          .orderBy('seq')
          .execute();
  const byFinding = Map.groupBy(events, (e) => e.finding_id);
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    documentNumber: r.document_number,
    runId: r.run_id,
    severity: r.severity,
    title: r.title,
    evidence: JSON.parse(r.evidence_json) as Evidence,
    status: r.status,
    claimantCode: r.claimant_code,
    dueOn: r.due_on,
    version: r.version,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    events: (byFinding.get(r.id) ?? []).map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      text: e.text,
    })),
  }));
}

export async function getFinding(db: TenantDb, id: string): Promise<FindingView> {
  const row = await findingRows(db).where('post_audit_findings.id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'PostAuditFinding', id });
  const [view] = await toViews(db, [row]);
  return view as FindingView;
}

export interface FindingQuery {
  readonly documentId?: string;
  readonly runId?: string;
  readonly status?: FindingStatus;
  readonly claimantCode?: string;
  readonly limit: number;
}

export async function listFindings(db: TenantDb, q: FindingQuery): Promise<FindingView[]> {
  let select = findingRows(db);
  if (q.documentId !== undefined) select = select.where('post_audit_findings.document_id', '=', q.documentId);
  if (q.runId !== undefined) select = select.where('post_audit_findings.run_id', '=', q.runId);
  if (q.status !== undefined) select = select.where('post_audit_findings.status', '=', q.status);
  if (q.claimantCode !== undefined)
    select = select.where('post_audit_findings.claimant_code', '=', q.claimantCode);
  const rows = await select
    .orderBy('post_audit_findings.created_at', 'desc')
    .orderBy('post_audit_findings.id', 'desc')
    .limit(q.limit)
    .execute();
  return toViews(db, rows);
}

export interface NewFinding {
  readonly documentId: string;
  readonly runId?: string;
  readonly severity: FindingSeverity;
  readonly title: string;
  readonly evidence: Evidence;
}

export async function recordFinding(db: TenantDb, writer: Writer, input: NewFinding): Promise<FindingView> {
  const id = await db.transaction(async (tx) => {
    const doc = await tx
      .selectFrom('expense_documents')
      .select(['id', 'kind', 'number', 'status', 'employee_code'])
      .where('id', '=', input.documentId)
      .executeTakeFirst();
    if (doc?.kind !== 'claim')
      throw refusal([
        {
          code: 'reference_not_found',
          pointer: '/documentId',
          params: { resource: 'ExpenseClaim', id: input.documentId },
        },
      ]);
    if (!(AUDITABLE_STATUSES as readonly string[]).includes(doc.status))
      throw new DomainError('post_audit_claim_not_posted', { number: doc.number, status: doc.status });
    const failures: Failure[] = [];
    if (input.runId !== undefined) {
      const sampled = await tx
        .selectFrom('post_audit_samples')
        .select(['run_id'])
        .where('run_id', '=', input.runId)
        .where('document_id', '=', doc.id)
        .executeTakeFirst();
      if (sampled === undefined)
        failures.push({
          code: 'reference_not_found',
          pointer: '/runId',
          params: { resource: 'PostAuditSample', id: `${input.runId}/${doc.number}` },
        });
    }
    const invoiceIds = input.evidence.invoiceIds ?? [];
    if (invoiceIds.length > 0) {
      const found = await tx
        .selectFrom('invoices')
        .select(['id'])
        .where('id', 'in', [...invoiceIds])
        .execute();
      invoiceIds.forEach((invoiceId, i) => {
        if (!found.some((f) => f.id === invoiceId))
          failures.push({
            code: 'reference_not_found',
            pointer: `/evidence/invoiceIds/${i}`,
            params: { resource: 'Invoice', id: invoiceId },
          });
      });
    }
    if (failures.length > 0) throw refusal(failures);
    const at = writer.audit.clock.now().toISOString();
    const findingId = newId();
    await tx
      .insertInto('post_audit_findings', [
        {
          id: findingId,
          document_id: doc.id,
          run_id: input.runId ?? null,
          severity: input.severity,
          title: input.title,
          evidence_json: JSON.stringify(input.evidence),
          status: 'open',
          claimant_code: doc.employee_code,
          due_on: null,
          version: 1,
          created_by: writer.actor,
          created_at: at,
          updated_at: at,
        },
      ])
      .execute();
    await tx
      .insertInto('post_audit_finding_events', [
        {
          finding_id: findingId,
          seq: 1,
          at,
          actor: writer.actor,
          action: 'record',
          from_status: null,
          to_status: 'open',
          text: input.title,
        },
      ])
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'PostAuditFinding',
        entityId: findingId,
        after: { ...input },
        requestId: writer.requestId,
      },
    ]);
    return findingId;
  });
  return getFinding(db, id);
}

export interface FindingChange {
  readonly action: Action;
  readonly text: string;
  readonly dueOn?: string;
  /** The caller's employee code (a claimant responding must be the claim's employee). */
  readonly actorCode: string | null;
  readonly expectedVersion?: number;
}

/** One step of a finding's life; the claimant is notified of a rectification request. */
export async function changeFinding(
  db: TenantDb,
  writer: Writer,
  id: string,
  change: FindingChange,
): Promise<FindingView> {
  await db.transaction(async (tx) => {
    const row = await findingRows(tx).where('post_audit_findings.id', '=', id).executeTakeFirst();
    if (row === undefined) throw new DomainError('not_found', { resource: 'PostAuditFinding', id });
    if (change.expectedVersion !== undefined && change.expectedVersion !== row.version)
      throw new DomainError('version_conflict', { version: row.version });
    if (!ALLOWED[change.action].includes(row.status))
      throw new DomainError('post_audit_state_invalid', {
        finding: row.title,
        status: row.status,
        actionZh: ACTION_LABELS[change.action].zh,
        actionEn: ACTION_LABELS[change.action].en,
      });
    if (change.action === 'respond' && change.actorCode !== row.claimant_code)
      throw new DomainError('post_audit_not_claimant', { employee: row.claimant_code });
    const at = writer.audit.clock.now().toISOString();
    const to = TARGET[change.action];
    const dueOn = change.action === 'request_rectification' ? (change.dueOn ?? null) : row.due_on;
    const updated = await tx
      .updateTable('post_audit_findings')
      .set({ status: to, due_on: dueOn, version: row.version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new DomainError('version_conflict', { version: row.version });
    const last = await tx
      .selectFrom('post_audit_finding_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('finding_id', '=', id)
      .executeTakeFirst();
    await tx
      .insertInto('post_audit_finding_events', [
        {
          finding_id: id,
          seq: (last?.seq ?? 0) + 1,
          at,
          actor: writer.actor,
          action: change.action,
          from_status: row.status,
          to_status: to,
          text: change.text,
        },
      ])
      .execute();
    if (change.action === 'request_rectification')
      await notify(tx, at, [
        {
          recipient: row.claimant_code,
          kind: 'rectification_requested',
          documentId: row.document_id,
          zh: `报销单 ${row.document_number} 事后审计发现「${row.title}」，请整改并答复${dueOn === null ? '' : `（${dueOn} 前）`}：${change.text}`,
          en: `Post-hoc audit of claim ${row.document_number} found "${row.title}"; please rectify and respond${dueOn === null ? '' : ` by ${dueOn}`}: ${change.text}`,
        },
      ]);
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: change.action,
        entityType: 'PostAuditFinding',
        entityId: id,
        before: { status: row.status },
        after: { status: to, text: change.text, ...(dueOn === null ? {} : { dueOn }) },
        requestId: writer.requestId,
      },
    ]);
  });
  return getFinding(db, id);
}

/** One claim's findings, for the analytics of anomalies (the analytics module reads them through this). */
export interface ClaimFindings {
  readonly documentId: string;
  readonly documentNumber: string;
  readonly findings: readonly {
    readonly id: string;
    readonly severity: FindingSeverity;
    readonly status: FindingStatus;
    readonly title: string;
    readonly runId: string | null;
    readonly createdAt: string;
  }[];
}

/**
 * Findings per claim: every claim with at least one finding (optionally only those given, or those
 * whose findings were recorded within [from, to] — calendar dates of `createdAt`), by claim number.
 */
export async function findingsByClaim(
  db: TenantDb,
  filter: { readonly documentIds?: readonly string[]; readonly from?: string; readonly to?: string } = {},
): Promise<ClaimFindings[]> {
  let select = findingRows(db);
  if (filter.documentIds !== undefined) {
    if (filter.documentIds.length === 0) return [];
    select = select.where('post_audit_findings.document_id', 'in', [...filter.documentIds]);
  }
  if (filter.from !== undefined) select = select.where('post_audit_findings.created_at', '>=', filter.from);
  if (filter.to !== undefined)
    select = select.where('post_audit_findings.created_at', '<', `${filter.to}T24`);
  const rows = await select
    .orderBy('d.number')
    .orderBy('post_audit_findings.created_at')
    .orderBy('post_audit_findings.id')
    .execute();
  return [...Map.groupBy(rows, (r) => r.document_id).values()].map((mine) => ({
    documentId: (mine[0] as FindingRow).document_id,
    documentNumber: (mine[0] as FindingRow).document_number,
    findings: mine.map((r) => ({
      id: r.id,
      severity: r.severity,
      status: r.status,
      title: r.title,
      runId: r.run_id,
      createdAt: r.created_at,
    })),
  }));
}
