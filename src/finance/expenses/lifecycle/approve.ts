import { appendAudit, type Writer } from '../../../platform/audit/audit-log.ts';
import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import { DomainError } from '../../../model/result.ts';
import { voucherOrThrow } from '../../../model/voucher.ts';
import { routeFor, submitDocument } from '../../../hub/postings.ts';
import { notify } from '../../approvals/notifications.ts';
import {
  cancelOpenTasks,
  decideTask,
  delegateTask,
  getTask,
  toTaskView,
  type Outcome,
  type TaskView,
} from '../../approvals/workflow.ts';
import { getRuleSet } from '../../rules/rule-sets.ts';
import {
  ensureOwn,
  entityName,
  getExpenseDocument,
  getRow,
  stateError,
  type DocumentRow,
  type DocumentView,
  type ExpenseContext,
} from '../expense-documents.ts';
import type { RiskTag } from '../risk.ts';
import { ensureOpenPeriod } from '../periods.ts';
import { canDo } from '../states.ts';
import { releaseAll, setStatus } from './status.ts';
import { voucherFor } from './voucher.ts';

/**
 * Approval decisions and delegation, withdrawal; the final approval submits the voucher to the hub in the
 * approving transaction.
 */
/** Final approval: the voucher and its posting are written in the approving transaction. */
export async function approve(
  tx: TenantDb,
  writer: Writer,
  companyCode: string,
  row: DocumentRow,
  now: Date,
  comment: string | null,
): Promise<void> {
  const at = now.toISOString();
  const current = await setStatus(tx, row, 'approved', writer.actor, at, { approved_at: at }, comment);
  await notify(tx, at, [
    {
      recipient: row.employee_code,
      kind: 'document_approved',
      documentId: row.id,
      zh: `${row.number} 已审批通过`,
      en: `${row.number} was approved`,
    },
  ]);
  if (current.kind === 'request') return;
  const date = at.slice(0, 10);
  await ensureOpenPeriod(tx, date, '/date');
  const connectionId = await routeFor(tx, 'voucher');
  const { voucher } = await voucherFor(tx, companyCode, current, date);
  voucherOrThrow(voucher);
  if (connectionId === null) {
    const tags = JSON.parse(current.risk_tags_json) as RiskTag[];
    tags.push({
      rule: 'no_erp_connection',
      severity: 'warn',
      zh: '未配置 ERP 连接，凭证未过账',
      en: 'No ERP connection: the voucher was not posted',
    });
    await tx
      .updateTable('expense_documents')
      .set({ risk_tags_json: JSON.stringify(tags) })
      .where('id', '=', row.id)
      .execute();
    return;
  }
  const { posting } = await submitDocument(tx, writer, companyCode, {
    connectionId,
    kind: 'voucher',
    document: voucher,
    documentId: current.id,
    revision: current.revision,
  });
  await tx
    .updateTable('expense_documents')
    .set({ posting_id: posting.id })
    .where('id', '=', current.id)
    .execute();
}

export interface TaskDecision {
  readonly taskId: string;
  readonly decision: 'approve' | 'reject';
  readonly comment?: string;
}

/** An approver's decision on a task (or an external system's, by signed callback: actorCode null). */
export async function decideExpenseTask(
  db: TenantDb,
  writer: Writer,
  companyCode: string,
  actorCode: string | null,
  input: TaskDecision,
): Promise<{ task: TaskView; document: DocumentView }> {
  return db.transaction(async (tx) => {
    const task = await getTask(tx, input.taskId);
    const row = await getRow(tx, task.document_id);
    if (!canDo('decide', row.status)) {
      if (task.status !== 'pending') throw new DomainError('task_already_decided', { status: task.status });
      throw stateError(row, 'decide');
    }
    const now = writer.audit.clock.now();
    const policy = await getRuleSet(tx, 'approval', row.approval_version ?? undefined);
    const { task: decided, outcome } = await decideTask(tx, row, {
      task,
      decision: input.decision,
      actorCode,
      actor: writer.actor,
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      now,
      slaHours: policy.body.slaHours,
    });
    await settleOutcome(tx, writer, companyCode, row, outcome, now, input.comment ?? null);
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: input.decision,
        entityType: 'ApprovalTask',
        entityId: input.taskId,
        after: { document: row.number, step: decided.step_id, comment: input.comment ?? null },
        requestId: writer.requestId,
      },
    ]);
    return {
      task: toTaskView(await getTask(tx, input.taskId)),
      document: await getExpenseDocument(tx, row.id),
    };
  });
}

async function settleOutcome(
  tx: TenantDb,
  writer: Writer,
  companyCode: string,
  row: DocumentRow,
  outcome: Outcome,
  now: Date,
  comment: string | null,
) {
  const at = now.toISOString();
  if (outcome === 'rejected') {
    await releaseAll(tx, row.id, at);
    await setStatus(tx, row, 'rejected', writer.actor, at, {}, comment);
    await notify(tx, at, [
      {
        recipient: row.employee_code,
        kind: 'document_rejected',
        documentId: row.id,
        zh: `${row.number} 被驳回：${comment ?? ''}`,
        en: `${row.number} was rejected: ${comment ?? ''}`,
      },
    ]);
  } else if (outcome === 'approved') {
    await approve(tx, writer, companyCode, row, now, comment);
  }
}

export async function delegateExpenseTask(
  db: TenantDb,
  writer: Writer,
  actorCode: string,
  input: { taskId: string; to: string; comment?: string },
): Promise<TaskView> {
  return db.transaction(async (tx) => {
    const task = await delegateTask(tx, { ...input, actorCode, now: writer.audit.clock.now() });
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'delegate',
        entityType: 'ApprovalTask',
        entityId: task.id,
        after: { to: input.to, comment: input.comment ?? null },
        requestId: writer.requestId,
      },
    ]);
    return toTaskView(task);
  });
}

export async function withdrawExpense(
  ctx: ExpenseContext,
  id: string,
  comment?: string,
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    ensureOwn(ctx, row.employee_code);
    if (!canDo('withdraw', row.status)) throw stateError(row, 'withdraw');
    const at = ctx.writer.audit.clock.now().toISOString();
    await cancelOpenTasks(tx, id, at);
    await releaseAll(tx, id, at);
    await setStatus(tx, row, 'withdrawn', ctx.writer.actor, at, {}, comment ?? null);
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'withdraw',
        entityType: entityName(row.kind),
        entityId: id,
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}
