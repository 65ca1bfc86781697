import type { Selectable } from 'kysely';
import { newId } from '../../platform/store/ids.ts';
import type { ApprovalTasksTable, ExpenseKind, TaskStatus } from '../../finance/tables.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { formatMinor } from '../../model/money.ts';
import { DomainError } from '../../model/result.ts';
import type { ApprovalPolicy, ApprovalStep } from '../rules/rule-sets.ts';
import { delegateOf, resolveApprovers } from './approvers.ts';
import { notify, type Notice } from './notifications.ts';
import { routeDocument, whyNotApplies, type RoutingFacts } from './policy.ts';
import { recordSkips, skipLabel, type Skip, type SkipReason } from './skips.ts';
import type { RiskTag } from '../expenses/risk.ts';

/**
 * The approval workflow of one document: each submission opens a round of tasks, one per approver per
 * step. Stages run one after another; the steps of a stage run in parallel; within a step `any` needs
 * one approval (或签) and `all` needs every one (会签). A rejection ends the round. Deciding is a
 * conditional update of a pending task, so a task is decided once even when two requests race.
 */
export type TaskRow = Selectable<ApprovalTasksTable>;

export interface WorkflowDocument {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly employeeCode: string;
  readonly facts: RoutingFacts;
}

export type Outcome = 'approving' | 'approved' | 'rejected';

const addHours = (at: Date, hours: number) => new Date(at.getTime() + hours * 3_600_000).toISOString();

/** One step of the policy as it would go for a document: its approvers, or why it is skipped. */
export interface PlannedStep {
  readonly step: ApprovalStep;
  /** The step's position in the policy (1 = first). */
  readonly position: number;
  /** The stage it runs in (1 = first; parallel steps share one); null when it is skipped. */
  readonly stage: number | null;
  /** The employees who decide (or-sign / countersign by the step's mode); [] for an external or skipped step. */
  readonly approvers: readonly string[];
  readonly externalApprover: string | null;
  readonly skip: Skip | null;
}

/**
 * The approval chain a document would take under a policy, read-only: every step of the policy in
 * order, with whom it asks, or why it is skipped (its conditions do not hold, it would ask only the
 * submitter, the same single approver as the step before, or a manager chain ends first). A step that
 * applies but finds no approver at all refuses the document (`no_approver`).
 */
export async function planApproval(
  db: TenantDb,
  doc: Pick<WorkflowDocument, 'employeeCode' | 'facts'>,
  policy: ApprovalPolicy,
): Promise<PlannedStep[]> {
  const routed = routeDocument(policy, doc.facts);
  const planned: PlannedStep[] = [];
  let stageNo = 0;
  let previousStage = 0;
  for (const [i, step] of policy.steps.entries()) {
    const position = i + 1;
    const skipped = (skip: Skip): void => {
      planned.push({ step, position, stage: null, approvers: [], externalApprover: null, skip });
    };
    const notApplicable = whyNotApplies(step, doc.facts);
    const route = routed.find((r) => r.position === position);
    if (notApplicable !== null || route === undefined) {
      if (notApplicable !== null) skipped(notApplicable);
      continue;
    }
    const resolution = await resolveApprovers(db, step, doc.employeeCode, doc.facts.departmentCode);
    if (resolution.kind === 'none')
      throw new DomainError('no_approver', { step: step.nameZh, reason: resolution.reason });
    if (resolution.kind === 'skip') {
      skipped({ reason: resolution.reason, params: {} });
      continue;
    }
    const previous = planned.findLast((p) => p.skip === null);
    if (
      previous !== undefined &&
      resolution.kind === 'people' &&
      resolution.codes.length === 1 &&
      previous.approvers.length === 1 &&
      previous.approvers[0] === resolution.codes[0]
    ) {
      // the same single approver twice in a row approves once
      skipped({
        reason: 'same_approver_as_previous',
        params: { previousZh: previous.step.nameZh, previousEn: previous.step.nameEn },
      });
      continue;
    }
    if (route.stage !== previousStage) {
      stageNo += 1;
      previousStage = route.stage;
    }
    planned.push({
      step,
      position,
      stage: stageNo,
      approvers: resolution.kind === 'people' ? resolution.codes : [],
      externalApprover: resolution.kind === 'external' ? resolution.approver : null,
      skip: null,
    });
  }
  return planned;
}

/**
 * Opens a new round of tasks for a submitted document and records the steps it skipped. Returns where
 * the document stands (approved at once when no step asks anyone) and, for its timeline, the steps
 * skipped because of who would approve them (a step whose conditions do not hold is recorded, not told).
 */
export async function startApproval(
  tx: TenantDb,
  doc: WorkflowDocument,
  policy: ApprovalPolicy,
  now: Date,
): Promise<{ outcome: Outcome; skipped: string[] }> {
  const planned = await planApproval(tx, doc, policy);
  const last = await tx
    .selectFrom('approval_tasks')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('document_id', '=', doc.id)
    .executeTakeFirst();
  const lastSkip = await tx
    .selectFrom('approval_skips')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('document_id', '=', doc.id)
    .executeTakeFirst();
  const round = Math.max(last?.round ?? 0, lastSkip?.round ?? 0) + 1;
  const at = now.toISOString();
  const skips = planned.flatMap((p) =>
    p.skip === null
      ? []
      : [
          {
            ...p.skip,
            position: p.position,
            stepId: p.step.id,
            nameZh: p.step.nameZh,
            nameEn: p.step.nameEn,
          },
        ],
  );
  await recordSkips(tx, doc.id, round, skips, at);
  const skipped = skips
    .filter((s) => WHO_SKIPS.includes(s.reason))
    .map((s) => {
      const label = skipLabel(s);
      return `${s.nameZh}：${label.zh} / ${s.nameEn}: ${label.en}`;
    });
  const rows: Omit<TaskRow, 'tenant_id'>[] = [];
  for (const p of planned) {
    if (p.skip !== null || p.stage === null) continue;
    const base = {
      document_id: doc.id,
      round,
      step_no: p.stage,
      step_id: p.step.id,
      mode: p.step.mode ?? 'any',
      status: 'waiting' as TaskStatus,
      delegated_from: null,
      decided_by: null,
      decided_at: null,
      comment: null,
      due_at: null,
      reminded_at: null,
      reminders: 0,
      external_id: null,
      callout_status: null,
      callout_attempts: 0,
      callout_next_at: null,
      callout_error: null,
      created_at: at,
      updated_at: at,
    };
    if (p.externalApprover !== null)
      rows.push({
        ...base,
        id: newId(),
        kind: 'external',
        mode: 'any',
        assignee_code: null,
        external_id: p.externalApprover,
      });
    else
      for (const code of p.approvers)
        rows.push({ ...base, id: newId(), kind: 'person', assignee_code: code });
  }
  if (rows.length === 0) return { outcome: 'approved', skipped };
  await tx.insertInto('approval_tasks', rows).execute();
  await activateStage(tx, doc, round, 1, policy.slaHours, now);
  return { outcome: 'approving', skipped };
}

/** Skips that are about who approves (told on the timeline), not about the step's conditions. */
const WHO_SKIPS: readonly SkipReason[] = [
  'approver_is_submitter',
  'same_approver_as_previous',
  'no_manager_above',
  'submitter_heads_department',
];

/** Opens the tasks of a stage: due dates, standing delegations, callouts to external approvers. */
async function activateStage(
  tx: TenantDb,
  doc: Pick<WorkflowDocument, 'id' | 'number' | 'title'>,
  round: number,
  stage: number,
  slaHours: number,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const tasks = await tx
    .selectFrom('approval_tasks')
    .selectAll()
    .where('document_id', '=', doc.id)
    .where('round', '=', round)
    .where('step_no', '=', stage)
    .where('status', '=', 'waiting')
    .execute();
  const notices: Notice[] = [];
  for (const task of tasks) {
    const delegate = task.assignee_code === null ? null : await delegateOf(tx, task.assignee_code, today);
    const assignee = delegate ?? task.assignee_code;
    await tx
      .updateTable('approval_tasks')
      .set({
        status: 'pending',
        due_at: addHours(now, slaHours),
        updated_at: at,
        ...(delegate === null ? {} : { assignee_code: delegate, delegated_from: task.assignee_code }),
        ...(task.kind === 'external' ? { callout_status: 'pending', callout_next_at: at } : {}),
      })
      .where('id', '=', task.id)
      .execute();
    if (assignee !== null)
      notices.push({
        recipient: assignee,
        kind: 'task_assigned',
        documentId: doc.id,
        taskId: task.id,
        zh: `待审批：${doc.number} ${doc.title}`,
        en: `To approve: ${doc.number} ${doc.title}`,
      });
  }
  await notify(tx, at, notices);
}

export async function getTask(db: TenantDb, id: string): Promise<TaskRow> {
  const row = await db.selectFrom('approval_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'ApprovalTask', id });
  return row;
}

export interface Decision {
  /** The task as read by the caller (who found the document through it). */
  readonly task: TaskRow;
  readonly decision: 'approve' | 'reject';
  /** The deciding employee; null for an external approver's signed callback. */
  readonly actorCode: string | null;
  readonly actor: string;
  readonly comment?: string;
  readonly now: Date;
  readonly slaHours: number;
}

/** Records one decision and moves the round on; returns where the document now stands. */
export async function decideTask(
  tx: TenantDb,
  doc: Pick<WorkflowDocument, 'id' | 'number' | 'title'>,
  input: Decision,
): Promise<{ task: TaskRow; outcome: Outcome }> {
  const { task } = input;
  if (task.document_id !== doc.id)
    throw new DomainError('not_found', { resource: 'ApprovalTask', id: task.id });
  if (input.actorCode !== null && (task.kind !== 'person' || task.assignee_code !== input.actorCode))
    throw new DomainError('task_not_yours', { assignee: task.assignee_code ?? task.external_id ?? '?' });
  if (input.actorCode === null && task.kind !== 'external')
    throw new DomainError('task_not_yours', { assignee: task.assignee_code ?? '?' });
  if (task.status !== 'pending') throw new DomainError('task_already_decided', { status: task.status });
  if (input.decision === 'reject' && (input.comment ?? '').trim() === '')
    throw new DomainError('validation_failed', {}, [
      { code: 'missing_field', pointer: '/comment', params: { field: 'comment' } },
    ]);
  const at = input.now.toISOString();
  const status: TaskStatus = input.decision === 'approve' ? 'approved' : 'rejected';
  const updated = await tx
    .updateTable('approval_tasks')
    .set({
      status,
      decided_by: input.actor,
      decided_at: at,
      comment: input.comment ?? null,
      updated_at: at,
      ...(task.kind === 'external' ? { callout_status: 'sent' as const } : {}),
    })
    .where('id', '=', task.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new DomainError('task_already_decided', { status: 'decided' });
  const decided = {
    ...task,
    status,
    decided_by: input.actor,
    decided_at: at,
    comment: input.comment ?? null,
  };
  if (status === 'rejected') {
    await cancelOpenTasks(tx, doc.id, at);
    return { task: decided, outcome: 'rejected' };
  }
  const round = await tx
    .selectFrom('approval_tasks')
    .selectAll()
    .where('document_id', '=', doc.id)
    .where('round', '=', task.round)
    .execute();
  const stageTasks = round.filter((t) => t.step_no === task.step_no);
  const stepDone = (stepId: string) => {
    const tasks = stageTasks.filter((t) => t.step_id === stepId);
    return tasks[0]?.mode === 'all'
      ? tasks.every((t) => t.status === 'approved')
      : tasks.some((t) => t.status === 'approved');
  };
  if (task.mode === 'any' && stepDone(task.step_id)) {
    // one approval settles an "any" step: the other approvers' tasks close
    await tx
      .updateTable('approval_tasks')
      .set({
        status: 'cancelled',
        updated_at: at,
        comment: '同步骤已由他人审批 / decided by another approver',
      })
      .where('document_id', '=', doc.id)
      .where('round', '=', task.round)
      .where('step_id', '=', task.step_id)
      .where('status', '=', 'pending')
      .execute();
  }
  const stageDone = [...new Set(stageTasks.map((t) => t.step_id))].every(stepDone);
  if (!stageDone) return { task: decided, outcome: 'approving' };
  const next = round.filter((t) => t.step_no > task.step_no).map((t) => t.step_no);
  if (next.length === 0) return { task: decided, outcome: 'approved' };
  await activateStage(tx, doc, task.round, Math.min(...next), input.slaHours, input.now);
  return { task: decided, outcome: 'approving' };
}

/** Closes every open task of a document (withdrawn or rejected). */
export async function cancelOpenTasks(tx: TenantDb, documentId: string, at: string): Promise<void> {
  await tx
    .updateTable('approval_tasks')
    .set({ status: 'cancelled', updated_at: at })
    .where('document_id', '=', documentId)
    .where('status', 'in', ['pending', 'waiting'])
    .execute();
}

/** Hands a pending task to someone else (转交), keeping who it came from. */
export async function delegateTask(
  tx: TenantDb,
  input: { taskId: string; actorCode: string; to: string; comment?: string; now: Date },
): Promise<TaskRow> {
  const task = await getTask(tx, input.taskId);
  if (task.kind !== 'person' || task.assignee_code !== input.actorCode)
    throw new DomainError('task_not_yours', { assignee: task.assignee_code ?? '?' });
  if (task.status !== 'pending') throw new DomainError('task_already_decided', { status: task.status });
  const target = await tx
    .selectFrom('employees')
    .select(['code', 'status'])
    .where('code', '=', input.to)
    .executeTakeFirst();
  if (target === undefined || target.status !== 'active' || input.to === input.actorCode)
    throw new DomainError('validation_failed', {}, [
      { code: 'reference_not_found', pointer: '/to', params: { resource: 'employees', code: input.to } },
    ]);
  const at = input.now.toISOString();
  const updated = await tx
    .updateTable('approval_tasks')
    .set({
      assignee_code: input.to,
      delegated_from: input.actorCode,
      updated_at: at,
      comment: input.comment ?? null,
    })
    .where('id', '=', task.id)
    .where('status', '=', 'pending')
    .where('assignee_code', '=', input.actorCode)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new DomainError('task_already_decided', { status: 'decided' });
  await notify(tx, at, [
    {
      recipient: input.to,
      kind: 'task_assigned',
      documentId: task.document_id,
      taskId: task.id,
      zh: `${input.actorCode} 转交给你一项审批`,
      en: `${input.actorCode} handed you an approval task`,
    },
  ]);
  return getTask(tx, task.id);
}

/** Tasks joined with the document each belongs to (callouts, reminders, approvers' lists). */
export const tasksWithDocuments = (db: TenantDb) =>
  db
    .selectFrom('approval_tasks')
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'approval_tasks.document_id')
        .onRef('expense_documents.tenant_id', '=', 'approval_tasks.tenant_id'),
    );

/** Every task of a document, round by round and stage by stage. */
export async function tasksOfDocument(db: TenantDb, documentId: string): Promise<TaskView[]> {
  const rows = await db
    .selectFrom('approval_tasks')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('round')
    .orderBy('step_no')
    .orderBy('created_at')
    .execute();
  return rows.map(toTaskView);
}

/** What an approver's inbox lists: tasks in one status, optionally of one kind, overdue or risky only. */
export interface InboxQuery {
  readonly assignee: string;
  readonly status: TaskStatus;
  readonly limit: number;
  /** A `nextCursor` of the previous page: the page starts after that task. */
  readonly after?: string;
  readonly kind?: ExpenseKind;
  /** Only pending tasks past their due time at `now`. */
  readonly overdue?: boolean;
  /** Only tasks whose document carries risk tags. */
  readonly risky?: boolean;
  readonly now: Date;
}

/** Keyset cursor: the (created_at, id) of the last task of a page, opaque to clients. */
const encodeCursor = (t: Pick<TaskRow, 'created_at' | 'id'>) =>
  Buffer.from(JSON.stringify([t.created_at, t.id]), 'utf8').toString('base64url');
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    )
      return { createdAt: value[0], id: value[1] };
  } catch {
    // not base64url JSON: refused below
  }
  throw new DomainError('invalid_cursor');
}

const inboxSelect = (db: TenantDb) =>
  tasksWithDocuments(db)
    .selectAll('approval_tasks')
    .select([
      'expense_documents.number',
      'expense_documents.title',
      'expense_documents.total_minor',
      'expense_documents.employee_code',
      'expense_documents.risk_tags_json',
      'expense_documents.kind as document_kind',
    ]);
type InboxRow = Awaited<ReturnType<ReturnType<typeof inboxSelect>['executeTakeFirstOrThrow']>>;

const toInboxTask = (r: InboxRow) => ({
  ...toTaskView(r),
  document: {
    id: r.document_id,
    kind: r.document_kind,
    number: r.number,
    title: r.title,
    total: formatMinor(r.total_minor, 2),
    employeeCode: r.employee_code,
    riskTags: JSON.parse(r.risk_tags_json) as RiskTag[],
  },
});
export type InboxTask = ReturnType<typeof toInboxTask>;

/**
 * An approver's tasks, oldest first, each with its document and risk tags, in keyset pages: a page
 * starts after the (created_at, id) of the previous page's last task, so paging through thousands never
 * repeats nor misses a task that stays, and a task decided meanwhile simply drops out.
 */
export async function tasksOf(
  db: TenantDb,
  q: InboxQuery,
): Promise<{ items: InboxTask[]; nextCursor: string | null }> {
  let select = inboxSelect(db)
    .where('approval_tasks.assignee_code', '=', q.assignee)
    .where('approval_tasks.status', '=', q.status);
  if (q.kind !== undefined) select = select.where('expense_documents.kind', '=', q.kind);
  if (q.overdue === true) select = select.where('approval_tasks.due_at', '<', q.now.toISOString());
  if (q.risky === true) select = select.where('expense_documents.risk_tags_json', '<>', '[]');
  if (q.after !== undefined) {
    const after = decodeCursor(q.after);
    select = select
      .where('approval_tasks.created_at', '>=', after.createdAt)
      .where((eb) =>
        eb.or([
          eb('approval_tasks.created_at', '>', after.createdAt),
          eb('approval_tasks.id', '>', after.id),
        ]),
      );
  }
  const rows = await select
    .orderBy('approval_tasks.created_at')
    .orderBy('approval_tasks.id')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toInboxTask),
    nextCursor: rows.length > q.limit && last !== undefined ? encodeCursor(last) : null,
  };
}

/** One task with its document, as the assignee's inbox shows it. */
export async function inboxTask(db: TenantDb, id: string): Promise<InboxTask> {
  const row = await inboxSelect(db).where('approval_tasks.id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'ApprovalTask', id });
  return toInboxTask(row);
}

export interface TaskCounts {
  readonly pending: number;
  readonly dueSoon: number;
  readonly overdue: number;
  readonly risky: number;
}

/**
 * How many tasks wait for an approver, by document kind and in total: pending, due within `soonHours`
 * (not yet overdue), overdue (past their due time) and on documents with risk tags. One grouped query.
 */
export async function taskCounts(
  db: TenantDb,
  assignee: string,
  now: Date,
  soonHours: number,
): Promise<{ total: TaskCounts; byKind: Record<ExpenseKind, TaskCounts> }> {
  const at = now.toISOString();
  const soon = new Date(now.getTime() + soonHours * 3_600_000).toISOString();
  const rows = await tasksWithDocuments(db)
    .select((eb) => [
      'expense_documents.kind as kind',
      eb.fn.countAll().as('pending'),
      eb.fn
        .sum(
          eb
            .case()
            .when(eb.and([eb('approval_tasks.due_at', '>=', at), eb('approval_tasks.due_at', '<', soon)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due_soon'),
      eb.fn.sum(eb.case().when('approval_tasks.due_at', '<', at).then(1).else(0).end()).as('overdue'),
      eb.fn
        .sum(eb.case().when('expense_documents.risk_tags_json', '<>', '[]').then(1).else(0).end())
        .as('risky'),
    ])
    .where('approval_tasks.assignee_code', '=', assignee)
    .where('approval_tasks.status', '=', 'pending')
    .groupBy('expense_documents.kind')
    .execute();
  const zero: TaskCounts = { pending: 0, dueSoon: 0, overdue: 0, risky: 0 };
  const byKind: Record<ExpenseKind, TaskCounts> = { claim: zero, request: zero, advance: zero };
  for (const r of rows)
    byKind[r.kind] = {
      pending: Number(r.pending),
      dueSoon: Number(r.due_soon),
      overdue: Number(r.overdue),
      risky: Number(r.risky),
    };
  const kinds = Object.values(byKind);
  const sum = (key: keyof TaskCounts) => kinds.reduce((n, c) => n + c[key], 0);
  return {
    total: { pending: sum('pending'), dueSoon: sum('dueSoon'), overdue: sum('overdue'), risky: sum('risky') },
    byKind,
  };
}

export const toTaskView = (t: TaskRow) => ({
  id: t.id,
  documentId: t.document_id,
  round: t.round,
  stage: t.step_no,
  stepId: t.step_id,
  kind: t.kind,
  mode: t.mode,
  assignee: t.assignee_code,
  delegatedFrom: t.delegated_from,
  externalApprover: t.external_id,
  status: t.status,
  decidedBy: t.decided_by,
  decidedAt: t.decided_at,
  comment: t.comment,
  dueAt: t.due_at,
  reminders: t.reminders,
  callout:
    t.kind === 'external'
      ? { status: t.callout_status, attempts: t.callout_attempts, error: t.callout_error }
      : null,
  createdAt: t.created_at,
});
export type TaskView = ReturnType<typeof toTaskView>;
