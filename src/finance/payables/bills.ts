import type { Selectable } from 'kysely';
import { submitDocument, type PostingView } from '../../hub/postings.ts';
import type { CurrencyCode } from '../../model/currencies.ts';
import { formatMoney } from '../../model/money.ts';
import { parseSupplierBill } from '../../model/payables.ts';
import { DomainError, refusal, under } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import { pageById } from '../../platform/store/sql-helpers.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { BillStatus, SupplierBillsTable } from './tables.ts';

/**
 * Supplier bills (应付单, AP) finance keeps: each bill submitted through FinBridge is recorded with its
 * posting in the hub in one transaction — the hub carries it to the ERP, finance keeps what is owed
 * (amounts in minor units, due date, status) and pays it in payment batches (src/finance/payments).
 * What became of the posting comes back through the hub's outcomes (./outcomes.ts), never from the
 * hub's tables.
 */
export type BillRow = Selectable<SupplierBillsTable>;

export interface SupplierBillView {
  readonly id: string;
  readonly documentId: string;
  readonly revision: number;
  readonly number: string;
  readonly supplierCode: string;
  readonly supplierName: string | null;
  readonly invoiceRefs: string[];
  readonly date: string;
  readonly dueDate: string | null;
  readonly currency: string;
  readonly total: string;
  readonly tax: string;
  readonly memo: string | null;
  readonly status: BillStatus;
  readonly postingId: string;
  readonly connectionId: string;
  readonly erpNumber: string | null;
  readonly lastError: string | null;
  readonly paidOn: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const amountOf = (minor: bigint, currency: string) =>
  formatMoney({ minor, currency: currency as CurrencyCode });

export const toBillView = (b: BillRow): SupplierBillView => ({
  id: b.id,
  documentId: b.document_id,
  revision: b.revision,
  number: b.number,
  supplierCode: b.supplier_code,
  supplierName: b.supplier_name,
  invoiceRefs: JSON.parse(b.invoice_refs_json) as string[],
  date: b.bill_on,
  dueDate: b.due_on,
  currency: b.currency,
  total: amountOf(b.total_minor, b.currency),
  tax: amountOf(b.tax_minor, b.currency),
  memo: b.memo,
  status: b.status,
  postingId: b.posting_id,
  connectionId: b.connection_id,
  erpNumber: b.erp_number,
  lastError: b.last_error,
  paidOn: b.paid_on,
  createdBy: b.created_by,
  createdAt: b.created_at,
  updatedAt: b.updated_at,
});

export interface BillSubmission {
  readonly connectionId: string;
  readonly documentId?: string;
  readonly revision?: number;
  readonly orderingKey?: string;
  readonly bill: unknown;
  readonly invoiceRefs?: readonly string[];
}

/** Statuses a new revision of the bill may replace: nothing is being paid on it. */
const REVISABLE: readonly BillStatus[] = ['open', 'posted', 'returned'];

/**
 * A supplier bill submitted through FinBridge: validated (field-level 422 under `/bill`), submitted to
 * the hub and recorded, in one transaction. The same document and revision again is the hub's
 * duplicate and returns the bill as it is; a new revision replaces an open, posted or returned bill
 * (its new posting carries it) and is refused while a batch holds the bill or once it is paid.
 */
export async function registerSupplierBill(
  db: TenantDb,
  writer: Writer,
  companyCode: string,
  input: BillSubmission,
): Promise<{ posting: PostingView; duplicate: boolean; bill: SupplierBillView }> {
  const parsed = under('/bill', parseSupplierBill(input.bill));
  if (!parsed.ok) throw refusal(parsed.failures);
  const value = parsed.value;
  const invoiceRefs = [...new Set(input.invoiceRefs ?? [])];
  return db.transaction(async (tx) => {
    const documentId = input.documentId ?? newId();
    const existing = await tx
      .selectFrom('supplier_bills')
      .selectAll()
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    const revision = input.revision ?? 1;
    if (existing !== undefined && existing.revision !== revision && !REVISABLE.includes(existing.status))
      throw refusal([
        {
          code: 'invalid_field',
          pointer: '/revision',
          params: {
            detail: `bill ${existing.number} is ${existing.status}; a new revision cannot replace it`,
          },
        },
      ]);
    const supplier = await tx
      .selectFrom('suppliers')
      .select(['name'])
      .where('code', '=', value.supplierCode)
      .executeTakeFirst();
    const { posting, duplicate } = await submitDocument(tx, writer, companyCode, {
      connectionId: input.connectionId,
      kind: 'supplier_bill',
      document: input.bill,
      documentId,
      revision,
      ...(input.orderingKey === undefined ? {} : { orderingKey: input.orderingKey }),
    });
    // the same document and revision again (or an older revision): the bill as it is
    if (existing !== undefined && (duplicate || existing.posting_id === posting.id))
      return { posting, duplicate, bill: toBillView(existing) };
    const at = writer.audit.clock.now().toISOString();
    const fields = {
      revision,
      number: value.number ?? documentId,
      supplier_code: value.supplierCode,
      supplier_name: supplier?.name ?? null,
      invoice_refs_json: JSON.stringify(invoiceRefs),
      bill_on: value.date,
      due_on: value.dueDate ?? null,
      currency: value.currency,
      total_minor: value.totalMinor,
      tax_minor: value.taxMinor,
      memo: value.memo ?? null,
      department_code: value.lines.find((l) => l.departmentCode !== undefined)?.departmentCode ?? null,
      status: (posting.status === 'posted' ? 'posted' : 'open') as BillStatus,
      posting_id: posting.id,
      connection_id: posting.connectionId,
      erp_number: posting.erpNumber,
      last_error: null,
      updated_at: at,
    };
    let id: string;
    if (existing === undefined) {
      id = newId();
      await tx
        .insertInto('supplier_bills', [
          {
            id,
            document_id: documentId,
            ...fields,
            paid_on: null,
            created_by: writer.actor,
            created_at: at,
          },
        ])
        .execute();
    } else {
      id = existing.id;
      await tx.updateTable('supplier_bills').set(fields).where('id', '=', id).execute();
    }
    const bill = toBillView(await getBillRow(tx, id));
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: existing === undefined ? 'register' : 'revise',
        entityType: 'SupplierBill',
        entityId: id,
        ...(existing === undefined ? {} : { before: toBillView(existing) }),
        after: bill,
        requestId: writer.requestId,
      },
    ]);
    return { posting, duplicate, bill };
  });
}

export async function getBillRow(db: TenantDb, id: string): Promise<BillRow> {
  const row = await db.selectFrom('supplier_bills').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'SupplierBill', id });
  return row;
}

export const getBill = async (db: TenantDb, id: string): Promise<SupplierBillView> =>
  toBillView(await getBillRow(db, id));

export interface BillQuery {
  readonly limit: number;
  readonly after?: string;
  readonly status?: BillStatus;
  readonly supplier?: string;
  /** Bills due on or before this day (a bill without a due date is due on its date). */
  readonly dueBefore?: string;
}

/** The payable list: newest first, filtered by status, supplier and due date. */
export async function listBills(
  db: TenantDb,
  query: BillQuery,
): Promise<{ items: SupplierBillView[]; nextCursor: string | null }> {
  let select = db.selectFrom('supplier_bills').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.supplier !== undefined) select = select.where('supplier_code', '=', query.supplier);
  if (query.dueBefore !== undefined) {
    const due = query.dueBefore;
    select = select.where((eb) =>
      eb.or([eb('due_on', '<=', due), eb.and([eb('due_on', 'is', null), eb('bill_on', '<=', due)])]),
    );
  }
  if (query.after !== undefined) select = select.where('id', '<', query.after);
  const rows = await select
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageById(rows, query.limit);
  return { items: page.map(toBillView), nextCursor };
}

/** Statuses a bill is payable in: the ERP holds it and nothing pays it (a returned payment reopens it). */
export const PAYABLE_BILL_STATUSES: readonly BillStatus[] = ['posted', 'returned'];

/** Where a payment batch moves a bill (src/finance/payments/batches.ts), with its audit entry. */
export async function moveBill(
  tx: TenantDb,
  writer: Writer,
  bill: BillRow,
  to: BillStatus,
  why: string,
  paidOn?: string | null,
): Promise<void> {
  const at = writer.audit.clock.now().toISOString();
  await tx
    .updateTable('supplier_bills')
    .set({ status: to, ...(paidOn === undefined ? {} : { paid_on: paidOn }), updated_at: at })
    .where('id', '=', bill.id)
    .execute();
  await appendAudit(tx, writer.audit, [
    {
      actor: writer.actor,
      action: to,
      entityType: 'SupplierBill',
      entityId: bill.id,
      before: { status: bill.status },
      after: { status: to, note: why },
      requestId: writer.requestId,
    },
  ]);
}
