import type { Selectable } from 'kysely';
import { DomainError } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { ChangeRequestsTable, ChangeRequestStatus } from '../tables.ts';
import {
  changeApplier,
  changeTargets,
  type ChangeApplier,
  type ChangeServices,
  type DiffEntry,
} from './appliers.ts';

/**
 * Maker-checker: per company and target, changes can require a second person. The maker files a change
 * request (the proposal, a summary and the diff against what is in force); someone else approves it —
 * then it is applied, in the same transaction as the decision — or rejects it. Every step is in the
 * audit log. While a target requires approval, its ordinary write routes refuse direct changes
 * (`change_requires_approval`).
 */
export interface ChangeRequestView {
  readonly id: string;
  readonly target: string;
  readonly subject: string;
  readonly summary: string;
  readonly payload: unknown;
  readonly diff: DiffEntry[];
  readonly status: ChangeRequestStatus;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly result: unknown;
  /** The default checker: the data owner of the entity changed (`user:<id>` or `role:<role>`), or null. */
  readonly checker: string | null;
}

const toView = (row: Selectable<ChangeRequestsTable>): ChangeRequestView => ({
  id: row.id,
  target: row.target,
  subject: row.subject,
  summary: row.summary,
  payload: JSON.parse(row.payload_json) as unknown,
  diff: JSON.parse(row.diff_json) as DiffEntry[],
  status: row.status,
  requestedBy: row.requested_by,
  requestedAt: row.requested_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  decisionNote: row.decision_note,
  result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
  checker: row.checker,
});

function applierOf(target: string): ChangeApplier {
  const applier = changeApplier(target);
  if (applier === undefined)
    throw new DomainError('change_target_unknown', {
      target,
      known: changeTargets()
        .map((a) => a.target)
        .join(', '),
    });
  return applier;
}

// ---- policies ------------------------------------------------------------------------------------

export interface ChangePolicyView {
  readonly target: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly requiresApproval: boolean;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export async function listPolicies(db: TenantDb): Promise<ChangePolicyView[]> {
  const rows = await db.selectFrom('change_policies').selectAll().execute();
  const byTarget = new Map(rows.map((r) => [r.target, r]));
  return changeTargets().map((a) => {
    const row = byTarget.get(a.target);
    return {
      target: a.target,
      label: a.label,
      requiresApproval: row?.requires_approval === 1,
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  });
}

export async function setPolicy(
  db: TenantDb,
  writer: Writer,
  target: string,
  requiresApproval: boolean,
): Promise<ChangePolicyView> {
  const applier = applierOf(target);
  return db.transaction(async (tx) => {
    const before = await tx
      .selectFrom('change_policies')
      .selectAll()
      .where('target', '=', target)
      .executeTakeFirst();
    const now = writer.audit.clock.now().toISOString();
    await tx.deleteFrom('change_policies').where('target', '=', target).execute();
    await tx
      .insertInto('change_policies', [
        { target, requires_approval: requiresApproval ? 1 : 0, updated_by: writer.actor, updated_at: now },
      ])
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'update',
        entityType: 'ChangePolicy',
        entityId: target,
        before: { requiresApproval: before?.requires_approval === 1 },
        after: { requiresApproval },
        requestId: writer.requestId,
      },
    ]);
    return { target, label: applier.label, requiresApproval, updatedBy: writer.actor, updatedAt: now };
  });
}

export async function requiresApproval(db: TenantDb, target: string): Promise<boolean> {
  const row = await db
    .selectFrom('change_policies')
    .select('requires_approval')
    .where('target', '=', target)
    .executeTakeFirst();
  return row?.requires_approval === 1;
}

/** Refuses a direct change to a target that requires a second person in this company. */
export async function assertDirectChange(db: TenantDb, target: string): Promise<void> {
  if (!(await requiresApproval(db, target))) return;
  const label = changeApplier(target)?.label ?? { zh: target, en: target };
  throw new DomainError('change_requires_approval', { target, targetZh: label.zh, targetEn: label.en });
}

// ---- requests ------------------------------------------------------------------------------------

/** Names a request's default checker from its target (data quality: the entity's data owner). */
export type CheckerResolver = (tx: TenantDb, target: string) => Promise<string | null>;
let checkerResolver: CheckerResolver | undefined;
export function setDefaultCheckerResolver(resolver: CheckerResolver): void {
  checkerResolver = resolver;
}

export async function fileChangeRequest(
  db: TenantDb,
  writer: Writer,
  input: { readonly target: string; readonly subject: string; readonly payload: unknown },
  services?: ChangeServices,
): Promise<ChangeRequestView> {
  const applier = applierOf(input.target);
  const { subject, summary, diff } = await applier.describe(db, writer, input.subject, input.payload);
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const kept =
      applier.keep === undefined
        ? input.payload
        : await applier.keep(tx, writer, subject, input.payload, services);
    const row = {
      id: newId(),
      target: input.target,
      subject,
      summary,
      payload_json: JSON.stringify(kept),
      diff_json: JSON.stringify(diff),
      status: 'pending' as const,
      requested_by: writer.actor,
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      result_json: null,
      checker: (await checkerResolver?.(tx, input.target)) ?? null,
    };
    await tx.insertInto('change_requests', [row]).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'request',
        entityType: 'ChangeRequest',
        entityId: row.id,
        after: { target: row.target, subject: row.subject, summary, diff },
        requestId: writer.requestId,
      },
    ]);
    return toView({ tenant_id: tx.tenantId, ...row });
  });
}

export async function getChangeRequest(db: TenantDb, id: string): Promise<ChangeRequestView> {
  const row = await db.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'ChangeRequest', id });
  return toView(row);
}

export async function listChangeRequests(
  db: TenantDb,
  query: { readonly status?: ChangeRequestStatus; readonly target?: string; readonly limit: number },
): Promise<ChangeRequestView[]> {
  let select = db.selectFrom('change_requests').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.target !== undefined) select = select.where('target', '=', query.target);
  const rows = await select
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map(toView);
}

/** The request, locked for the decision: pending, and not decided by the one who filed it. */
async function pendingForDecision(tx: TenantDb, writer: Writer, id: string) {
  const row = await tx.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'ChangeRequest', id });
  if (row.status !== 'pending') throw new DomainError('change_not_pending', { id, status: row.status });
  if (row.requested_by === writer.actor) throw new DomainError('change_same_person');
  return row;
}

/** Approves and applies the change in one transaction; if applying fails, nothing changes and it stays pending. */
export async function approveChangeRequest(
  db: TenantDb,
  writer: Writer,
  id: string,
  note?: string,
  services?: ChangeServices,
): Promise<ChangeRequestView> {
  return db.transaction(async (tx) => {
    const row = await pendingForDecision(tx, writer, id);
    const now = writer.audit.clock.now().toISOString();
    // claim it first: of two approvals at once, only one applies
    const claimed = await tx
      .updateTable('change_requests')
      .set({ status: 'applied', decided_by: writer.actor, decided_at: now, decision_note: note ?? null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new DomainError('change_not_pending', { id, status: 'decided' });
    const result = await applierOf(row.target).apply(
      tx,
      writer,
      row.subject,
      JSON.parse(row.payload_json),
      services,
    );
    await tx
      .updateTable('change_requests')
      .set({ result_json: JSON.stringify(result ?? null) })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'approve',
        entityType: 'ChangeRequest',
        entityId: id,
        before: { status: 'pending', requestedBy: row.requested_by },
        after: { status: 'applied', note: note ?? null },
        requestId: writer.requestId,
      },
    ]);
    return getChangeRequest(tx, id);
  });
}

export async function rejectChangeRequest(
  db: TenantDb,
  writer: Writer,
  id: string,
  note?: string,
): Promise<ChangeRequestView> {
  return db.transaction(async (tx) => {
    const row = await pendingForDecision(tx, writer, id);
    const now = writer.audit.clock.now().toISOString();
    await tx
      .updateTable('change_requests')
      .set({ status: 'rejected', decided_by: writer.actor, decided_at: now, decision_note: note ?? null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await changeApplier(row.target)?.discard?.(tx, JSON.parse(row.payload_json));
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'reject',
        entityType: 'ChangeRequest',
        entityId: id,
        before: { status: 'pending', requestedBy: row.requested_by },
        after: { status: 'rejected', note: note ?? null },
        requestId: writer.requestId,
      },
    ]);
    return getChangeRequest(tx, id);
  });
}
