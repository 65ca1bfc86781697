import type { Updateable } from 'kysely';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { ExpenseDocumentsTable, ExpenseStatus } from '../../finance/tables.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { parseMoney, yuanOf } from '../../model/money.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { voucherOrThrow } from '../../model/voucher.ts';
import { postingState, routeFor, submitDocument } from '../../hub/postings.ts';
import type { PostedDocument } from '../../hub/outcomes.ts';
import { notify } from '../approvals/notifications.ts';
import {
  cancelOpenTasks,
  decideTask,
  delegateTask,
  getTask,
  startApproval,
  toTaskView,
  type Outcome,
  type TaskView,
} from '../approvals/workflow.ts';
import { budgetToActual, occupyBudget, releaseBudget } from '../budgets/budgets.ts';
import {
  buildExpenseVoucher,
  reversalOf,
  type DepartmentKind,
  type WireVoucher,
} from '../posting-rules/expense-voucher.ts';
import { getRuleSet } from '../rules/rule-sets.ts';
import { runAuditRules } from './audit-rules.ts';
import {
  ensureOwn,
  entityName,
  getExpenseDocument,
  getLines,
  getRow,
  checkReferences,
  normalise,
  recordTransition,
  stateError,
  storeLines,
  unlinkInvoices,
  type DocumentRow,
  type DocumentView,
  type ExpenseContext,
  type NormalLine,
} from './expense-documents.ts';
import type { RiskTag } from './risk.ts';
import { ensureOpenPeriod } from './periods.ts';
import { canDo } from './states.ts';

/**
 * What happens to an expense document after it is drafted: submit (period, audit rules, budget,
 * advance offsets, approval routing), approval decisions, the voucher and its posting through the hub
 * (in the approving transaction), the ERP's voucher number written back, payment, advance repayment
 * and red-letter reversal. Each step is one transaction: it happens completely or not at all.
 */
const LIVE: readonly ExpenseStatus[] = ['submitted', 'approving', 'approved', 'posted', 'paid'];

async function setStatus(
  tx: TenantDb,
  row: DocumentRow,
  to: ExpenseStatus,
  actor: string,
  at: string,
  extra: Updateable<ExpenseDocumentsTable> = {},
  comment?: string | null,
): Promise<DocumentRow> {
  const updated = await tx
    .updateTable('expense_documents')
    .set({ ...extra, status: to, version: row.version + 1, updated_at: at })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new DomainError('version_conflict', { version: row.version });
  await recordTransition(tx, row.id, { at, actor, from: row.status, to, comment: comment ?? null });
  return getRow(tx, row.id);
}

const toNormalLines = (lines: Awaited<ReturnType<typeof getLines>>): NormalLine[] =>
  lines.map((l) => {
    const { invoiceIds, ...extra } = JSON.parse(l.data_json) as { invoiceIds?: string[] } & Record<
      string,
      unknown
    >;
    return {
      lineNo: l.line_no,
      categoryCode: l.category_code,
      description: l.description,
      occurredOn: l.occurred_on,
      amountMinor: l.amount_minor,
      departmentCode: l.department_code,
      projectCode: l.project_code,
      invoiceIds: invoiceIds ?? [],
      extra,
    };
  });

export async function submitExpense(ctx: ExpenseContext, id: string): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    let row = await getRow(tx, id);
    ensureOwn(ctx, row.employee_code);
    if (!canDo('submit', row.status)) throw stateError(row, 'submit');
    await ensureOpenPeriod(tx, row.document_on, row.kind === 'claim' ? '/claimedOn' : '/requestedOn');
    const now = ctx.writer.audit.clock.now();
    const at = now.toISOString();
    const lines = toNormalLines(await getLines(tx, id));
    const tags: RiskTag[] = [];
    let requestRemainingMinor: bigint | undefined;
    let deductibleMinor = row.deductible_tax_minor;
    if (row.kind === 'claim') {
      // a rejected or withdrawn claim gave its invoices back: they are linked again (or refused) here
      deductibleMinor = await storeLines(tx, id, lines, at);
      if (row.request_id !== null) requestRemainingMinor = await requestRemaining(tx, row);
    }
    const audit = await getRuleSet(tx, 'audit');
    if (row.kind === 'claim') {
      tags.push(
        ...runAuditRules(
          await auditFacts(tx, row, lines, audit.body.splitWindowDays, requestRemainingMinor),
          audit.body,
        ),
      );
      const blockers = tags.filter((t) => t.severity === 'block');
      const first = blockers[0];
      if (first !== undefined)
        throw new DomainError(
          'audit_rule_blocked',
          { ruleZh: first.rule, ruleEn: first.rule, detailZh: first.zh, detailEn: first.en },
          blockers.map((b) => ({
            code: 'audit_rule_blocked' as const,
            pointer: b.pointer ?? '',
            params: { ruleZh: b.rule, ruleEn: b.rule, detailZh: b.zh, detailEn: b.en },
          })),
          { riskTags: tags },
        );
      tags.push(
        ...(await occupyBudget(
          tx,
          id,
          lines.map((l) => ({ ...l })),
          at,
        )),
      );
      await offsetAdvances(tx, row);
    }
    const policy = await getRuleSet(tx, 'approval');
    row = await setStatus(tx, row, 'submitted', ctx.writer.actor, at, {
      submitted_at: at,
      deductible_tax_minor: deductibleMinor,
      risk_tags_json: JSON.stringify(tags),
      approval_version: policy.version,
    });
    const categories = [...new Set(lines.map((l) => l.categoryCode))];
    const started = await startApproval(
      tx,
      {
        id,
        number: row.number,
        title: row.title,
        employeeCode: row.employee_code,
        facts: {
          kind: row.kind,
          totalMinor: row.total_minor,
          departmentCode: row.department_code,
          categories,
          projects: [...new Set(lines.flatMap((l) => (l.projectCode === null ? [] : [l.projectCode])))],
        },
      },
      policy.body,
      now,
    );
    const skipped = started.skipped.length > 0 ? `跳过 / skipped: ${started.skipped.join('; ')}` : null;
    if (started.outcome === 'approved')
      await approve(tx, ctx.writer, ctx.company.code, row, now, skipped ?? 'no approval step applies');
    else await setStatus(tx, row, 'approving', ctx.writer.actor, at, {}, skipped);
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'submit',
        entityType: entityName(row.kind),
        entityId: id,
        after: { riskTags: tags.length },
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

async function requestRemaining(tx: TenantDb, claim: DocumentRow): Promise<bigint> {
  const request = await tx
    .selectFrom('expense_documents')
    .selectAll()
    .where('id', '=', claim.request_id ?? '')
    .executeTakeFirst();
  if (request?.kind !== 'request' || !['approved', 'posted', 'paid'].includes(request.status))
    throw new DomainError(
      'request_not_usable',
      { number: request?.number ?? claim.request_id ?? '', status: request?.status ?? 'missing' },
      [
        {
          code: 'request_not_usable',
          pointer: '/requestId',
          params: { number: request?.number ?? '', status: request?.status ?? 'missing' },
        },
      ],
    );
  const drawn = await tx
    .selectFrom('expense_documents')
    .select((eb) => eb.fn.sum<string>('total_minor').as('drawn_minor'))
    .where('request_id', '=', request.id)
    .where('id', '<>', claim.id)
    .where('status', 'in', LIVE)
    .executeTakeFirst();
  return request.total_minor - BigInt(drawn?.drawn_minor ?? 0);
}

async function auditFacts(
  tx: TenantDb,
  row: DocumentRow,
  lines: readonly NormalLine[],
  windowDays: number,
  requestRemainingMinor?: bigint,
) {
  const invoiceIds = lines.flatMap((l) => l.invoiceIds);
  const invoices =
    invoiceIds.length === 0
      ? []
      : await tx.selectFrom('invoices').selectAll().where('id', 'in', invoiceIds).execute();
  const nearDuplicates: { number: string; other: string }[] = [];
  for (const invoice of invoices) {
    if (invoice.seller_tax_id === null) continue;
    const others = await tx
      .selectFrom('invoices')
      .select(['number'])
      .where('seller_tax_id', '=', invoice.seller_tax_id)
      .where('total_minor', '=', invoice.total_minor)
      .where('issued_on', '=', invoice.issued_on)
      .where('id', '<>', invoice.id)
      .limit(3)
      .execute();
    for (const other of others) nearDuplicates.push({ number: invoice.number, other: other.number });
  }
  const employee = await tx
    .selectFrom('employees')
    .select(['attributes_json'])
    .where('code', '=', row.employee_code)
    .executeTakeFirst();
  const grade =
    employee === undefined
      ? null
      : ((JSON.parse(employee.attributes_json) as { grade?: string }).grade ?? null);
  const since = new Date(Date.parse(`${row.document_on}T00:00:00Z`) - windowDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const recent = await tx
    .selectFrom('expense_documents')
    .select(['id', 'number', 'total_minor'])
    .where('kind', '=', 'claim')
    .where('employee_code', '=', row.employee_code)
    .where('status', 'in', LIVE)
    .where('id', '<>', row.id)
    .where('document_on', '>=', since)
    .where('document_on', '<=', row.document_on)
    .execute();
  const recentLines =
    recent.length === 0
      ? []
      : await tx
          .selectFrom('expense_lines')
          .select(['document_id', 'category_code'])
          .where(
            'document_id',
            'in',
            recent.map((r) => r.id),
          )
          .execute();
  const byId = new Map(invoices.map((i) => [i.id, i]));
  return {
    employeeGrade: grade,
    totalMinor: row.total_minor,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      categoryCode: l.categoryCode,
      occurredOn: l.occurredOn,
      amountMinor: l.amountMinor,
      ...(l.extra as { city?: string; nights?: number; days?: number; tripEndOn?: string }),
      invoices: l.invoiceIds.flatMap((i) => {
        const inv = byId.get(i);
        return inv === undefined ? [] : [{ number: inv.number, issuedOn: inv.issued_on }];
      }),
    })),
    nearDuplicates,
    recentClaims: recent.map((r) => ({
      number: r.number,
      totalMinor: r.total_minor,
      categories: recentLines.filter((l) => l.document_id === r.id).map((l) => l.category_code),
    })),
    ...(requestRemainingMinor === undefined ? {} : { requestRemainingMinor }),
  };
}

/** A claim naming advances offsets what they still have outstanding, oldest first, up to its total. */
async function offsetAdvances(tx: TenantDb, claim: DocumentRow): Promise<void> {
  const advanceIds = (JSON.parse(claim.data_json) as { advanceIds?: string[] }).advanceIds ?? [];
  let left = claim.total_minor;
  for (const [i, advanceId] of advanceIds.entries()) {
    const advance = await tx
      .selectFrom('expense_documents')
      .selectAll()
      .where('id', '=', advanceId)
      .executeTakeFirst();
    const refuse = (reason: string) =>
      new DomainError('advance_not_usable', { number: advance?.number ?? advanceId, reason }, [
        {
          code: 'advance_not_usable',
          pointer: `/advanceIds/${i}`,
          params: { number: advance?.number ?? advanceId, reason },
        },
      ]);
    if (advance?.kind !== 'advance') throw refuse('not found');
    if (advance.employee_code !== claim.employee_code)
      throw refuse(`it was lent to ${advance.employee_code}`);
    if (advance.status !== 'posted' && advance.status !== 'paid')
      throw refuse(`it is ${advance.status}, not yet paid out`);
    const outstanding = advance.total_minor - advance.offset_minor - advance.repaid_minor;
    const amount = outstanding < left ? outstanding : left;
    if (amount <= 0n) continue;
    const updated = await tx
      .updateTable('expense_documents')
      .set((eb) => ({ offset_minor: eb('offset_minor', '+', amount) }))
      .where('id', '=', advanceId)
      .where((eb) =>
        eb(eb(eb('total_minor', '-', eb.ref('offset_minor')), '-', eb.ref('repaid_minor')), '>=', amount),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw refuse('its outstanding amount changed; try again');
    await tx
      .insertInto('advance_offsets', [
        { claim_id: claim.id, advance_id: advanceId, amount_minor: amount, state: 'live' },
      ])
      .execute();
    left -= amount;
  }
}

async function releaseAdvanceOffsets(tx: TenantDb, claimId: string): Promise<void> {
  const offsets = await tx
    .selectFrom('advance_offsets')
    .selectAll()
    .where('claim_id', '=', claimId)
    .execute();
  for (const o of offsets)
    await tx
      .updateTable('expense_documents')
      .set((eb) => ({ offset_minor: eb('offset_minor', '-', o.amount_minor) }))
      .where('id', '=', o.advance_id)
      .execute();
  await tx.deleteFrom('advance_offsets').where('claim_id', '=', claimId).execute();
}

/** Everything a document holds is given back: budget, invoices, advance offsets. */
async function releaseAll(tx: TenantDb, id: string, at: string): Promise<void> {
  await releaseBudget(tx, id);
  await unlinkInvoices(tx, id, at);
  await releaseAdvanceOffsets(tx, id);
}

const supplierOf = (row: DocumentRow): { supplierCode?: string } => {
  const code = (JSON.parse(row.data_json) as { supplierCode?: string }).supplierCode;
  return code === undefined ? {} : { supplierCode: code };
};

/** The voucher a claim or advance posts (preview before approval, or at approval). */
export async function voucherFor(
  tx: TenantDb,
  companyCode: string,
  row: DocumentRow,
  date: string,
): Promise<{ voucher: WireVoucher; postingVersion: number }> {
  const lines = await getLines(tx, row.id);
  const policy = await getRuleSet(tx, 'posting');
  const categories = await tx
    .selectFrom('expense_categories')
    .select(['code', 'name', 'management_account_code', 'sales_account_code'])
    .where('code', 'in', [...new Set(lines.map((l) => l.category_code)), ''])
    .execute();
  const departments = await tx
    .selectFrom('departments')
    .select(['code', 'kind'])
    .where('code', 'in', [...new Set(lines.map((l) => l.department_code)), row.department_code])
    .execute();
  const accounts = await tx.selectFrom('accounts').select(['code', 'attributes_json']).execute();
  const offsets = await tx
    .selectFrom('advance_offsets')
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'advance_offsets.advance_id')
        .onRef('expense_documents.tenant_id', '=', 'advance_offsets.tenant_id'),
    )
    .select(['expense_documents.number', 'advance_offsets.amount_minor'])
    .where('advance_offsets.claim_id', '=', row.id)
    .execute();
  const categoryOf = new Map(categories.map((c) => [c.code, c]));
  const kindOf = new Map(departments.map((d) => [d.code, (d.kind ?? 'management') as DepartmentKind]));
  const voucher = buildExpenseVoucher(
    {
      companyCode,
      date,
      kind: row.kind === 'advance' ? 'advance' : 'claim',
      number: row.number,
      title: row.title,
      employeeCode: row.employee_code,
      departmentCode: row.department_code,
      currency: row.currency,
      totalMinor: row.total_minor,
      lines: lines.map((l) => {
        const category = categoryOf.get(l.category_code);
        return {
          description: l.description,
          amountMinor: l.amount_minor,
          deductibleTaxMinor: l.deductible_tax_minor,
          departmentCode: l.department_code,
          departmentKind: kindOf.get(l.department_code) ?? 'management',
          projectCode: l.project_code,
          category: {
            code: l.category_code,
            name: category?.name ?? l.category_code,
            managementAccountCode: category?.management_account_code ?? null,
            salesAccountCode: category?.sales_account_code ?? null,
          },
        };
      }),
      offsets: offsets.map((o) => ({ advanceNumber: o.number, amountMinor: o.amount_minor })),
      ...supplierOf(row),
      accountDimensions: new Map(
        accounts.map((a) => [
          a.code,
          (JSON.parse(a.attributes_json) as { auxDimensions?: string[] }).auxDimensions ?? [],
        ]),
      ),
    },
    policy.body,
  );
  return { voucher, postingVersion: policy.version };
}

export async function previewVoucher(db: TenantDb, companyCode: string, id: string, date: string) {
  const row = await getRow(db, id);
  if (row.kind === 'request') throw stateError(row, 'post');
  const { voucher, postingVersion } = await voucherFor(db, companyCode, row, date);
  const parsed = voucherOrThrow(voucher);
  return { voucher, balanced: true, total: yuanOf(parsed.totalMinor), postingPolicyVersion: postingVersion };
}

/** Final approval: the voucher and its posting are written in the approving transaction. */
async function approve(
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

/**
 * Called by the worker in the transaction that marks postings posted: the document becomes posted
 * with the ERP's voucher number and period, its invoices posted, its budget actual spending.
 */
export async function writeBackPostings(tx: TenantDb, posted: readonly PostedDocument[]): Promise<void> {
  if (posted.length === 0) return;
  const rows = await tx
    .selectFrom('expense_documents')
    .selectAll()
    .where(
      'posting_id',
      'in',
      posted.map((p) => p.postingId),
    )
    .where('status', '=', 'approved')
    .execute();
  for (const row of rows) {
    const p = posted.find((x) => x.postingId === row.posting_id);
    if (p === undefined) continue;
    const at = p.postedAt;
    const period = typeof p.document['period'] === 'string' ? p.document['period'] : null;
    await setStatus(
      tx,
      row,
      'posted',
      'system:hub',
      at,
      { erp_voucher_number: p.erpNumber, erp_period: period, posted_at: at },
      `ERP 凭证 / voucher ${p.erpNumber}`,
    );
    const uses = await tx
      .selectFrom('invoice_uses')
      .select(['invoice_id'])
      .where('document_id', '=', row.id)
      .execute();
    if (uses.length > 0)
      await tx
        .updateTable('invoices')
        .set({ status: 'posted', updated_at: at })
        .where(
          'id',
          'in',
          uses.map((u) => u.invoice_id),
        )
        .execute();
    await budgetToActual(tx, row.id, at);
    await tx
      .updateTable('advance_offsets')
      .set({ state: 'settled' })
      .where('claim_id', '=', row.id)
      .execute();
  }
}

export async function payExpense(
  ctx: ExpenseContext,
  id: string,
  input: { paidOn: string; reference?: string },
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (!canDo('pay', row.status)) throw stateError(row, 'pay');
    const at = ctx.writer.audit.clock.now().toISOString();
    const payable = row.kind === 'claim' ? row.total_minor - (await offsetTotal(tx, id)) : row.total_minor;
    await setStatus(
      tx,
      row,
      'paid',
      ctx.writer.actor,
      at,
      { paid_at: at },
      `${input.paidOn} 付款 ${yuanOf(payable)}${input.reference === undefined ? '' : ` (${input.reference})`}`,
    );
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'pay',
        entityType: entityName(row.kind),
        entityId: id,
        after: { amount: yuanOf(payable), ...input },
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

async function offsetTotal(tx: TenantDb, claimId: string): Promise<bigint> {
  const rows = await tx
    .selectFrom('advance_offsets')
    .select(['amount_minor'])
    .where('claim_id', '=', claimId)
    .execute();
  return rows.reduce((s, r) => s + r.amount_minor, 0n);
}

/** Cash an employee pays back on an advance (the rest of what claims did not offset). */
export async function repayAdvance(
  ctx: ExpenseContext,
  id: string,
  input: { amount: string; repaidOn: string },
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (row.kind !== 'advance' || (row.status !== 'posted' && row.status !== 'paid'))
      throw stateError(row, 'repay');
    const amount = parseMoney(input.amount, row.currency, '/amount');
    if (!amount.ok) throw refusal(amount.failures);
    if (amount.value.minor <= 0n) throw refusal([{ code: 'amount_not_positive', pointer: '/amount' }]);
    const updated = await tx
      .updateTable('expense_documents')
      .set((eb) => ({ repaid_minor: eb('repaid_minor', '+', amount.value.minor), version: row.version + 1 }))
      .where('id', '=', id)
      .where((eb) =>
        eb(
          eb(eb('total_minor', '-', eb.ref('offset_minor')), '-', eb.ref('repaid_minor')),
          '>=',
          amount.value.minor,
        ),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new DomainError('advance_not_usable', {
        number: row.number,
        reason: `only ${yuanOf(row.total_minor - row.offset_minor - row.repaid_minor)} is outstanding`,
      });
    const at = ctx.writer.audit.clock.now().toISOString();
    await recordTransition(tx, id, {
      at,
      actor: ctx.writer.actor,
      from: row.status,
      to: row.status,
      comment: `${input.repaidOn} 还款 ${input.amount}`,
    });
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'repay',
        entityType: 'Advance',
        entityId: id,
        after: input,
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

/**
 * Red-letter reversal (红冲) of a posted document: a negated copy of its posted voucher goes to the
 * ERP through the hub; budget, invoices and advance offsets are given back. The posted voucher itself
 * is never touched.
 */
export async function reverseExpense(ctx: ExpenseContext, id: string, reason: string): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (!canDo('reverse', row.status)) throw stateError(row, 'reverse');
    if (row.kind === 'advance' && row.offset_minor > 0n)
      throw new DomainError('advance_not_usable', {
        number: row.number,
        reason: 'claims have offset it; reverse them first',
      });
    const now = ctx.writer.audit.clock.now();
    const date = now.toISOString().slice(0, 10);
    await ensureOpenPeriod(tx, date, '/date');
    const posting = row.posting_id === null ? undefined : await postingState(tx, row.posting_id);
    if (posting !== undefined) {
      const reversal = reversalOf(posting.document as unknown as WireVoucher, date, reason);
      await submitDocument(tx, ctx.writer, ctx.company.code, {
        connectionId: posting.connectionId,
        kind: 'voucher',
        document: reversal,
        documentId: `${row.id}-R`,
        revision: row.revision,
      });
    }
    await releaseAll(tx, id, now.toISOString());
    await setStatus(tx, row, 'reversed', ctx.writer.actor, now.toISOString(), {}, reason);
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'reverse',
        entityType: entityName(row.kind),
        entityId: id,
        after: { reason },
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

/**
 * Correcting a posted claim (更正): the posted voucher is reversed in red, the claim takes its new
 * content as the next revision, and the new voucher is posted — all in one transaction. Budget and
 * invoices move from the old content to the new; a blocking budget or an invoice in use refuses it.
 */
export async function correctExpense(
  ctx: ExpenseContext,
  id: string,
  raw: unknown,
  reason: string,
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (row.kind !== 'claim' || !canDo('correct', row.status)) throw stateError(row, 'correct');
    const { doc, lines, totalMinor } = normalise('claim', raw);
    if (doc.employeeCode !== row.employee_code)
      throw refusal([
        {
          code: 'invalid_field',
          pointer: '/employeeCode',
          params: { detail: 'a correction keeps the claimant' },
        },
      ]);
    await checkReferences(tx, 'claim', doc, lines);
    const now = ctx.writer.audit.clock.now();
    const at = now.toISOString();
    const date = at.slice(0, 10);
    await ensureOpenPeriod(tx, date, '/date');
    const posting = row.posting_id === null ? undefined : await postingState(tx, row.posting_id);
    if (posting?.status !== 'posted') throw stateError(row, 'correct');
    await submitDocument(tx, ctx.writer, ctx.company.code, {
      connectionId: posting.connectionId,
      kind: 'voucher',
      document: reversalOf(posting.document as unknown as WireVoucher, date, reason),
      documentId: `${row.id}-R`,
      revision: row.revision,
    });
    await releaseAll(tx, id, at);
    const reversed = await setStatus(tx, row, 'reversed', ctx.writer.actor, at, {}, reason);
    const deductibleMinor = await storeLines(tx, id, lines, at);
    await occupyBudget(tx, id, lines, at);
    const revised = await setStatus(
      tx,
      reversed,
      'approved',
      ctx.writer.actor,
      at,
      {
        revision: row.revision + 1,
        title: doc.title,
        total_minor: totalMinor,
        deductible_tax_minor: deductibleMinor,
        erp_voucher_number: null,
        erp_period: null,
        posted_at: null,
        paid_at: null,
      },
      `更正为第 ${row.revision + 1} 版 / corrected to revision ${row.revision + 1}`,
    );
    const { voucher } = await voucherFor(tx, ctx.company.code, revised, date);
    voucherOrThrow(voucher);
    const { posting: next } = await submitDocument(tx, ctx.writer, ctx.company.code, {
      connectionId: posting.connectionId,
      kind: 'voucher',
      document: voucher,
      documentId: row.id,
      revision: row.revision + 1,
    });
    await tx.updateTable('expense_documents').set({ posting_id: next.id }).where('id', '=', id).execute();
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'correct',
        entityType: 'ExpenseClaim',
        entityId: id,
        before: { revision: row.revision, total: yuanOf(row.total_minor) },
        after: raw,
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}
