import type { Selectable } from 'kysely';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { CompanyRecord } from '../../platform/store/companies.ts';
import { newId } from '../../platform/store/ids.ts';
import { pageById } from '../../platform/store/sql-helpers.ts';
import type {
  ExpenseDocumentsTable,
  ExpenseKind,
  ExpenseLinesTable,
  ExpenseStatus,
} from '../../finance/tables.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { StandardExpenseCategory } from '../../model/enums/expense-categories.ts';
import { parseMoney, yuanOf } from '../../model/money.ts';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { ENTITIES } from '../../model/schemas.ts';
import { check } from '../../model/validate.ts';
import { deductibleTaxOf, lineDeductibleTax } from '../invoices/input-vat.ts';
import { displayIdentity } from '../invoices/invoice-checks.ts';
import { deductionView } from '../invoices/invoices.ts';
import { skippedStepsOf, type SkippedStepView } from '../approvals/skips.ts';
import { nextNumber } from './numbering.ts';
import type { RiskTag } from './risk.ts';
import { STATUS_LABELS } from './states.ts';

/**
 * Expense documents — claims (报销单), requests (申请单) and advances (借款单) — as drafts: create and
 * edit (only while draft, rejected or withdrawn), read and list. A claim's invoices are linked to it
 * as soon as it is saved; the link table's key admits one live document per invoice, so of two claims
 * racing for an invoice exactly one keeps it. Deductible input VAT is derived from the invoices.
 */
export type DocumentRow = Selectable<ExpenseDocumentsTable>;
export type LineRow = Selectable<ExpenseLinesTable>;

export interface ExpenseContext {
  readonly db: TenantDb;
  readonly writer: Writer;
  readonly company: CompanyRecord;
  /** The acting employee (a signed-in user linked to one); null for API clients. */
  readonly actorCode: string | null;
  /** Finance staff and administrators may act on anyone's documents. */
  readonly privileged: boolean;
}

const ENTITY = {
  claim: ENTITIES.ExpenseClaim,
  request: ENTITIES.ExpenseRequest,
  advance: ENTITIES.Advance,
} as const;
const PREFIX = { claim: 'BX', request: 'SQ', advance: 'JK' } as const;
export const EDITABLE: readonly ExpenseStatus[] = ['draft', 'rejected', 'withdrawn'];

interface LineInput {
  categoryCode: string;
  description: string;
  occurredOn: string;
  amount: string;
  invoiceIds?: string[];
  departmentCode?: string;
  projectCode?: string;
  costCenterCode?: string;
  city?: string;
  nights?: number;
  days?: number;
  tripEndOn?: string;
}

interface DocumentInput {
  employeeCode: string;
  departmentCode: string;
  title: string;
  currency: string;
  claimedOn?: string;
  requestedOn?: string;
  projectCode?: string;
  lines?: LineInput[];
  amount?: string;
  categoryCode?: string;
  advanceIds?: string[];
  requestId?: string;
  supplierCode?: string;
  expectedRepaymentOn?: string;
  number?: string;
}

export interface NormalLine {
  readonly lineNo: number;
  readonly categoryCode: string;
  readonly description: string;
  readonly occurredOn: string;
  readonly amountMinor: bigint;
  readonly departmentCode: string;
  readonly projectCode: string | null;
  readonly invoiceIds: readonly string[];
  readonly extra: Record<string, unknown>;
}

/** Checks the input and turns it into lines in minor units (an advance is one line). */
export function normalise(
  kind: ExpenseKind,
  raw: unknown,
): { doc: DocumentInput; lines: NormalLine[]; totalMinor: bigint } {
  const failures = check(ENTITY[kind].input, raw);
  if (failures.length > 0) throw refusal(failures);
  const doc = raw as DocumentInput;
  const problems: Failure[] = [];
  const money = (value: string, pointer: string) => {
    const parsed = parseMoney(value, doc.currency, pointer);
    if (!parsed.ok) {
      problems.push(...parsed.failures);
      return 0n;
    }
    if (parsed.value.minor <= 0n) problems.push({ code: 'amount_not_positive', pointer });
    return parsed.value.minor;
  };
  // an advance is one amount, not lines: it is spent later, by the claims that offset it
  const advanceMinor = kind === 'advance' ? money(doc.amount ?? '', '/amount') : 0n;
  const lines: NormalLine[] =
    kind === 'advance'
      ? []
      : (doc.lines ?? []).map((l, i) => {
          const {
            categoryCode,
            description,
            occurredOn,
            amount,
            invoiceIds,
            departmentCode,
            projectCode,
            ...extra
          } = l;
          return {
            lineNo: i + 1,
            categoryCode,
            description,
            occurredOn,
            amountMinor: money(amount, `/lines/${i}/amount`),
            departmentCode: departmentCode ?? doc.departmentCode,
            projectCode: projectCode ?? doc.projectCode ?? null,
            invoiceIds: invoiceIds ?? [],
            extra,
          };
        });
  const seen = new Map<string, number>();
  lines.forEach((l, i) =>
    l.invoiceIds.forEach((id, j) => {
      if (seen.has(id))
        problems.push({
          code: 'duplicate_in_batch',
          pointer: `/lines/${i}/invoiceIds/${j}`,
          params: { key: id },
        });
      seen.set(id, i);
    }),
  );
  if (problems.length > 0) throw refusal(problems);
  return {
    doc,
    lines,
    totalMinor: kind === 'advance' ? advanceMinor : lines.reduce((s, l) => s + l.amountMinor, 0n),
  };
}

export async function checkReferences(
  db: TenantDb,
  kind: ExpenseKind,
  doc: DocumentInput,
  lines: readonly NormalLine[],
) {
  const failures: Failure[] = [];
  const missing = async (
    table: 'employees' | 'departments' | 'expense_categories' | 'projects' | 'suppliers',
    resource: string,
    wanted: readonly { code: string; pointer: string }[],
  ) => {
    const codes = [...new Set(wanted.map((w) => w.code))].filter((c) => c !== '');
    if (codes.length === 0) return;
    const rows = await db.selectFrom(table).select(['code', 'status']).where('code', 'in', codes).execute();
    const active = new Set(rows.filter((r) => r.status === 'active').map((r) => r.code));
    for (const w of wanted)
      if (w.code !== '' && !active.has(w.code))
        failures.push({
          code: 'reference_not_found',
          pointer: w.pointer,
          params: { resource, code: w.code },
        });
  };
  const at = (i: number, field: string) => (kind === 'advance' ? `/${field}` : `/lines/${i}/${field}`);
  await missing('employees', 'employees', [{ code: doc.employeeCode, pointer: '/employeeCode' }]);
  if (doc.supplierCode !== undefined)
    await missing('suppliers', 'suppliers', [{ code: doc.supplierCode, pointer: '/supplierCode' }]);
  await missing('departments', 'departments', [
    { code: doc.departmentCode, pointer: '/departmentCode' },
    ...lines.map((l, i) => ({ code: l.departmentCode, pointer: at(i, 'departmentCode') })),
  ]);
  await missing(
    'expense_categories',
    'expense-categories',
    lines.map((l, i) => ({ code: l.categoryCode, pointer: at(i, 'categoryCode') })),
  );
  await missing(
    'projects',
    'projects',
    lines.flatMap((l, i) =>
      l.projectCode === null ? [] : [{ code: l.projectCode, pointer: at(i, 'projectCode') }],
    ),
  );
  if (failures.length > 0) throw refusal(failures);
}

/**
 * Links a document's invoices (replacing its previous links) and returns each line's deductible tax.
 * Refuses an invoice another live document holds; the unique key settles a race the check misses.
 */
export async function linkInvoices(
  tx: TenantDb,
  documentId: string,
  lines: readonly NormalLine[],
  at: string,
): Promise<bigint[]> {
  const ids = lines.flatMap((l) => l.invoiceIds);
  const previous = await dropInvoiceUses(tx, documentId);
  await markUnused(
    tx,
    previous.filter((id) => !ids.includes(id)),
    at,
  );
  if (ids.length === 0) return lines.map(() => 0n);
  const invoices = await tx.selectFrom('invoices').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const failures: Failure[] = [];
  lines.forEach((l, i) =>
    l.invoiceIds.forEach((id, j) => {
      if (!byId.has(id))
        failures.push({
          code: 'reference_not_found',
          pointer: `/lines/${i}/invoiceIds/${j}`,
          params: { resource: 'invoices', code: id },
        });
    }),
  );
  if (failures.length > 0) throw refusal(failures);
  const refuseHeld = async (wanted: readonly string[]) => {
    const held = await holderOf(tx, wanted);
    if (held !== undefined)
      throw inUse(byId.get(held.invoice_id)?.identity_key ?? held.invoice_id, held.number);
  };
  await refuseHeld(ids);
  const uses = lines.flatMap((l) =>
    l.invoiceIds.map((id) => ({ invoice_id: id, document_id: documentId, line_no: l.lineNo, linked_at: at })),
  );
  // The key decides a race the check above missed: a use another claim committed meanwhile is skipped
  // (not an error, which would abort a PostgreSQL transaction), and the winner, committed by then, is
  // read in the next statement to name its claim. One it released meanwhile is free: linked again.
  let pending = uses;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const linked = await tx
      .insertInto('invoice_uses', pending)
      .onConflict((oc) => oc.doNothing())
      .returning('invoice_id')
      .execute();
    const done = new Set(linked.map((l) => l.invoice_id));
    pending = pending.filter((u) => !done.has(u.invoice_id));
    if (pending.length === 0) break;
    await refuseHeld(pending.map((u) => u.invoice_id));
    if (attempt >= 2)
      throw new Error(`invoices ${pending.map((u) => u.invoice_id).join(', ')} could not be linked`);
  }
  await tx
    .updateTable('invoices')
    .set({ status: 'claimed', updated_at: at })
    .where('id', 'in', ids)
    .execute();
  const categories = await tx
    .selectFrom('expense_categories')
    .select(['code', 'kind'])
    .where('code', 'in', [...new Set(lines.map((l) => l.categoryCode))])
    .execute();
  const standardOf = new Map(categories.map((c) => [c.code, (c.kind ?? 'other') as StandardExpenseCategory]));
  return lines.map((l) => {
    const standard = standardOf.get(l.categoryCode) ?? 'other';
    const used = l.invoiceIds.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined
        ? []
        : [{ deductibleMinor: deductibleTaxOf(deductionView(row), standard), totalMinor: row.total_minor }];
    });
    return lineDeductibleTax(l.amountMinor, used);
  });
}

/** The live document holding one of these invoices, if any: its number names it in the refusal. */
const holderOf = (tx: TenantDb, invoiceIds: readonly string[]) =>
  tx
    .selectFrom('invoice_uses')
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'invoice_uses.document_id')
        .onRef('expense_documents.tenant_id', '=', 'invoice_uses.tenant_id'),
    )
    .select(['invoice_uses.invoice_id', 'expense_documents.number'])
    .where('invoice_uses.invoice_id', 'in', invoiceIds)
    .orderBy('invoice_uses.invoice_id')
    .executeTakeFirst();

const inUse = (identityKey: string, number: string) =>
  new DomainError('invoice_in_use', { identity: displayIdentity(identityKey), number }, [
    { code: 'invoice_in_use', pointer: '/lines', params: { identity: displayIdentity(identityKey), number } },
  ]);

/** Releases every invoice a document holds (rejected, withdrawn, reversed). */
export async function unlinkInvoices(tx: TenantDb, documentId: string, at: string): Promise<void> {
  await markUnused(tx, await dropInvoiceUses(tx, documentId), at);
}

/** Removes a document's hold on its invoices; returns the invoices it held. */
async function dropInvoiceUses(tx: TenantDb, documentId: string): Promise<string[]> {
  const dropped = await tx
    .deleteFrom('invoice_uses')
    .where('document_id', '=', documentId)
    .returning('invoice_id')
    .execute();
  return dropped.map((d) => d.invoice_id);
}

async function markUnused(tx: TenantDb, invoiceIds: readonly string[], at: string): Promise<void> {
  if (invoiceIds.length > 0)
    await tx
      .updateTable('invoices')
      .set({ status: 'unused', updated_at: at })
      .where('id', 'in', invoiceIds)
      .execute();
}

export async function recordTransition(
  tx: TenantDb,
  documentId: string,
  input: {
    at: string;
    actor: string;
    from: ExpenseStatus | null;
    to: ExpenseStatus;
    comment?: string | null;
  },
): Promise<void> {
  const last = await tx
    .selectFrom('document_transitions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  await tx
    .insertInto('document_transitions', [
      {
        document_id: documentId,
        seq: (last?.seq ?? 0) + 1,
        at: input.at,
        actor: input.actor,
        from_status: input.from,
        to_status: input.to,
        comment: input.comment ?? null,
      },
    ])
    .execute();
}

async function writeLines(
  tx: TenantDb,
  documentId: string,
  lines: readonly NormalLine[],
  deductible: readonly bigint[],
) {
  await tx.deleteFrom('expense_lines').where('document_id', '=', documentId).execute();
  if (lines.length === 0) return;
  await tx
    .insertInto(
      'expense_lines',
      lines.map((l, i) => ({
        document_id: documentId,
        line_no: l.lineNo,
        category_code: l.categoryCode,
        description: l.description,
        occurred_on: l.occurredOn,
        amount_minor: l.amountMinor,
        deductible_tax_minor: deductible[i] ?? 0n,
        department_code: l.departmentCode,
        project_code: l.projectCode,
        data_json: JSON.stringify({ ...l.extra, invoiceIds: l.invoiceIds }),
      })),
    )
    .execute();
}

/**
 * Stores a document's lines with their invoices linked (replacing what it had) and returns the total
 * deductible input VAT, which the invoices decide.
 */
export async function storeLines(
  tx: TenantDb,
  documentId: string,
  lines: readonly NormalLine[],
  at: string,
): Promise<bigint> {
  const deductible = await linkInvoices(tx, documentId, lines, at);
  await writeLines(tx, documentId, lines, deductible);
  return deductible.reduce((s, d) => s + d, 0n);
}

/** An employee acts on their own documents; finance, administrators and API clients on anyone's. */
export function ensureOwn(ctx: ExpenseContext, employeeCode: string, pointer?: string): void {
  if (ctx.privileged || ctx.actorCode === null || ctx.actorCode === employeeCode) return;
  const params = { employee: employeeCode };
  throw new DomainError(
    'document_not_yours',
    params,
    pointer === undefined ? [] : [{ code: 'document_not_yours', pointer, params }],
  );
}

export async function createExpenseDocument(
  ctx: ExpenseContext,
  kind: ExpenseKind,
  raw: unknown,
): Promise<DocumentView> {
  const { doc, lines, totalMinor } = normalise(kind, raw);
  ensureOwn(ctx, doc.employeeCode, '/employeeCode');
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, kind, doc, lines);
    const now = ctx.writer.audit.clock.now().toISOString();
    const id = newId();
    const date = doc.claimedOn ?? doc.requestedOn ?? now.slice(0, 10);
    const number = await nextNumber(tx, `${PREFIX[kind]}${date.slice(0, 4)}${date.slice(5, 7)}`);
    await tx
      .insertInto('expense_documents', [
        {
          id,
          kind,
          number,
          status: 'draft',
          revision: 1,
          employee_code: doc.employeeCode,
          department_code: doc.departmentCode,
          project_code: doc.projectCode ?? null,
          title: doc.title,
          currency: doc.currency,
          document_on: date,
          total_minor: totalMinor,
          deductible_tax_minor: 0n,
          request_id: doc.requestId ?? null,
          risk_tags_json: '[]',
          data_json: JSON.stringify(extrasOf(doc)),
          approval_version: null,
          posting_id: null,
          erp_voucher_number: null,
          erp_period: null,
          submitted_at: null,
          approved_at: null,
          posted_at: null,
          paid_at: null,
          created_by: ctx.writer.actor,
          version: 1,
          created_at: now,
          updated_at: now,
        },
      ])
      .execute();
    const deductibleMinor = await storeLines(tx, id, lines, now);
    await tx
      .updateTable('expense_documents')
      .set({ deductible_tax_minor: deductibleMinor })
      .where('id', '=', id)
      .execute();
    await recordTransition(tx, id, { at: now, actor: ctx.writer.actor, from: null, to: 'draft' });
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'create',
        entityType: entityName(kind),
        entityId: id,
        after: raw,
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

const extrasOf = (doc: DocumentInput) => ({
  ...(doc.supplierCode === undefined ? {} : { supplierCode: doc.supplierCode }),
  ...(doc.categoryCode === undefined ? {} : { categoryCode: doc.categoryCode }),
  ...(doc.advanceIds === undefined ? {} : { advanceIds: doc.advanceIds }),
  ...(doc.expectedRepaymentOn === undefined ? {} : { expectedRepaymentOn: doc.expectedRepaymentOn }),
  ...(doc.number === undefined ? {} : { externalNumber: doc.number }),
});

export const entityName = (kind: ExpenseKind) =>
  kind === 'claim' ? 'ExpenseClaim' : kind === 'request' ? 'ExpenseRequest' : 'Advance';

/** Replaces a document's content; only a draft, rejected or withdrawn document can change. */
export async function updateExpenseDocument(
  ctx: ExpenseContext,
  id: string,
  version: number,
  raw: unknown,
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    ensureOwn(ctx, row.employee_code);
    if (!EDITABLE.includes(row.status)) throw stateError(row, 'edit');
    if (row.version !== version) throw new DomainError('version_conflict', { version: row.version });
    const { doc, lines, totalMinor } = normalise(row.kind, raw);
    ensureOwn(ctx, doc.employeeCode, '/employeeCode');
    await checkReferences(tx, row.kind, doc, lines);
    const now = ctx.writer.audit.clock.now().toISOString();
    // a rejected or withdrawn document holds no invoices; they are linked again here
    const deductibleMinor = await storeLines(tx, id, lines, now);
    const updated = await tx
      .updateTable('expense_documents')
      .set({
        employee_code: doc.employeeCode,
        department_code: doc.departmentCode,
        project_code: doc.projectCode ?? null,
        title: doc.title,
        currency: doc.currency,
        document_on: doc.claimedOn ?? doc.requestedOn ?? row.document_on,
        total_minor: totalMinor,
        deductible_tax_minor: deductibleMinor,
        request_id: doc.requestId ?? null,
        data_json: JSON.stringify(extrasOf(doc)),
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new DomainError('version_conflict', { version: row.version });
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'update',
        entityType: entityName(row.kind),
        entityId: id,
        after: raw,
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

export async function getRow(db: TenantDb, id: string): Promise<DocumentRow> {
  const row = await db.selectFrom('expense_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'ExpenseDocument', id });
  return row;
}

export function stateError(row: DocumentRow, action: keyof typeof ACTION_LABELS): DomainError {
  const label = ACTION_LABELS[action];
  return new DomainError('document_state_invalid', {
    document: row.number,
    status: `${STATUS_LABELS[row.status].zh} / ${row.status}`,
    actionZh: label.zh,
    actionEn: label.en,
  });
}

export const ACTION_LABELS = {
  edit: { zh: '修改', en: 'edited' },
  submit: { zh: '提交', en: 'submitted' },
  withdraw: { zh: '撤回', en: 'withdrawn' },
  decide: { zh: '审批', en: 'approved or rejected' },
  pay: { zh: '付款', en: 'paid' },
  post: { zh: '生成凭证（申请单不生成凭证）', en: 'posted (a request posts no voucher)' },
  reverse: { zh: '红冲', en: 'reversed' },
  correct: { zh: '更正', en: 'corrected' },
  repay: { zh: '还款', en: 'repaid' },
  offset: { zh: '冲销', en: 'offset' },
} as const;

export async function getLines(db: TenantDb, id: string): Promise<LineRow[]> {
  return db
    .selectFrom('expense_lines')
    .selectAll()
    .where('document_id', '=', id)
    .orderBy('line_no')
    .execute();
}

export async function getExpenseDocument(db: TenantDb, id: string): Promise<DocumentView> {
  const row = await getRow(db, id);
  const lines = await getLines(db, id);
  const transitions = await db
    .selectFrom('document_transitions')
    .selectAll()
    .where('document_id', '=', id)
    .orderBy('seq')
    .execute();
  return toDocumentView(
    row,
    lines,
    transitions.map((t) => ({
      at: t.at,
      actor: t.actor,
      from: t.from_status,
      to: t.to_status,
      comment: t.comment,
    })),
    await skippedStepsOf(db, id),
  );
}

export interface TransitionView {
  readonly at: string;
  readonly actor: string;
  readonly from: ExpenseStatus | null;
  readonly to: ExpenseStatus;
  readonly comment: string | null;
}

/**
 * What a line keeps beyond its columns (`expense_lines.data_json`): its invoices, and whatever else the
 * line input carried (ExpenseClaimLine / the request line: tax, cost centre, city, nights, days, trip end).
 */
export interface StoredLineData {
  readonly invoiceIds: string[];
  readonly tax?: string;
  readonly costCenterCode?: string;
  readonly city?: string;
  readonly nights?: number;
  readonly days?: number;
  readonly tripEndOn?: string;
}

export function toDocumentView(
  row: DocumentRow,
  lines: readonly LineRow[] | null,
  transitions: readonly TransitionView[] | null = null,
  skippedSteps: readonly SkippedStepView[] | null = null,
) {
  const data = JSON.parse(row.data_json) as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    revision: row.revision,
    employeeCode: row.employee_code,
    departmentCode: row.department_code,
    projectCode: row.project_code,
    title: row.title,
    currency: row.currency,
    date: row.document_on,
    total: yuanOf(row.total_minor),
    deductibleTax: yuanOf(row.deductible_tax_minor),
    requestId: row.request_id,
    ...(row.kind === 'advance'
      ? {
          advance: {
            offset: yuanOf(row.offset_minor),
            repaid: yuanOf(row.repaid_minor),
            outstanding: yuanOf(row.total_minor - row.offset_minor - row.repaid_minor),
          },
        }
      : {}),
    ...(data['advanceIds'] === undefined ? {} : { advanceIds: data['advanceIds'] as string[] }),
    ...(data['supplierCode'] === undefined ? {} : { supplierCode: data['supplierCode'] as string }),
    riskTags: JSON.parse(row.risk_tags_json) as RiskTag[],
    approvalPolicyVersion: row.approval_version,
    posting:
      row.posting_id === null
        ? null
        : {
            id: row.posting_id,
            erpVoucherNumber: row.erp_voucher_number,
            erpPeriod: row.erp_period,
            erpReversalNumber: row.erp_reversal_number,
          },
    lines:
      lines === null
        ? null
        : lines.map((l) => {
            const extra = JSON.parse(l.data_json) as StoredLineData;
            return {
              lineNo: l.line_no,
              categoryCode: l.category_code,
              description: l.description,
              occurredOn: l.occurred_on,
              amount: yuanOf(l.amount_minor),
              deductibleTax: yuanOf(l.deductible_tax_minor),
              departmentCode: l.department_code,
              projectCode: l.project_code,
              ...extra,
            };
          }),
    transitions,
    skippedSteps,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
    postedAt: row.posted_at,
    paidAt: row.paid_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
export type DocumentView = ReturnType<typeof toDocumentView>;

export interface ListQuery {
  readonly kind: ExpenseKind;
  readonly status?: ExpenseStatus;
  readonly employeeCode?: string;
  readonly departmentCode?: string;
  readonly from?: string;
  readonly to?: string;
  /** Documents with a pending task for this employee. */
  readonly pendingFor?: string;
  /** Documents carrying a risk tag of this rule (e.g. per_diem). */
  readonly riskTag?: string;
  readonly limit: number;
  readonly after?: string;
}

export async function listExpenseDocuments(db: TenantDb, q: ListQuery) {
  let select = db.selectFrom('expense_documents').selectAll().where('kind', '=', q.kind);
  if (q.status !== undefined) select = select.where('status', '=', q.status);
  if (q.employeeCode !== undefined) select = select.where('employee_code', '=', q.employeeCode);
  if (q.departmentCode !== undefined) select = select.where('department_code', '=', q.departmentCode);
  if (q.from !== undefined) select = select.where('document_on', '>=', q.from);
  if (q.to !== undefined) select = select.where('document_on', '<=', q.to);
  if (q.pendingFor !== undefined) {
    const pendingFor = q.pendingFor;
    select = select.where('id', 'in', (eb) =>
      eb
        .selectFrom('approval_tasks')
        .select('approval_tasks.document_id')
        .where('approval_tasks.tenant_id', '=', db.tenantId)
        .where('approval_tasks.assignee_code', '=', pendingFor)
        .where('approval_tasks.status', '=', 'pending'),
    );
  }
  if (q.riskTag !== undefined) select = select.where('risk_tags_json', 'like', `%"rule":"${q.riskTag}"%`);
  if (q.after !== undefined) select = select.where('id', '<', q.after);
  const rows = await select
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { page, nextCursor } = pageById(rows, q.limit);
  return { items: page.map((r) => toDocumentView(r, null)), nextCursor };
}
