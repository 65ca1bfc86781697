import type { Selectable } from 'kysely';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import { pageById } from '../../platform/store/sql-helpers.ts';
import type { InvoicesTable, InvoiceSource, InvoiceStatus } from '../../finance/tables.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { InvoiceType } from '../../model/enums/invoice-types.ts';
import { formatMinor, parseMoney } from '../../model/money.ts';
import { DomainError, refusal } from '../../model/result.ts';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import { storeAttachment, type FileInput } from '../expenses/attachments.ts';
import type { Warning } from '../expenses/risk.ts';
import { parseDigitalInvoiceXml } from './digital-invoice-xml.ts';
import { checkInvoice, displayIdentity, type Buyer, type InvoiceInput } from './invoice-checks.ts';
import type { InvoiceForDeduction } from './input-vat.ts';

/**
 * The invoice register. An invoice is stored once per company — its identity (20-digit number, or
 * code + number) is a unique key, so registering it again is refused with the existing record — and
 * moves unused → claimed → posted as claims use it (back to unused when a claim is rejected or
 * withdrawn). Near-duplicates (same seller, total and date, different number) are warned about.
 */
export type InvoiceRow = Selectable<InvoicesTable>;

export interface InvoiceView {
  readonly id: string;
  readonly type: InvoiceType;
  readonly code: string | null;
  readonly number: string;
  readonly issuedOn: string;
  readonly sellerName: string;
  readonly sellerTaxId: string | null;
  readonly buyerName: string;
  readonly buyerTaxId: string | null;
  readonly amount: string;
  readonly tax: string;
  readonly total: string;
  readonly currency: string;
  readonly status: InvoiceStatus;
  readonly source: InvoiceSource;
  readonly ownerEmployeeCode: string | null;
  readonly usedBy: { readonly documentId: string; readonly number: string } | null;
  readonly warnings: readonly Warning[];
  readonly fileSha256: string | null;
  readonly details: Record<string, unknown>;
  readonly createdAt: string;
}

interface StoredData {
  readonly details: Record<string, unknown>;
  readonly warnings: readonly Warning[];
}

export function toInvoiceView(row: InvoiceRow, usedBy: InvoiceView['usedBy'] = null): InvoiceView {
  const data = JSON.parse(row.data_json) as StoredData;
  return {
    id: row.id,
    type: row.type,
    code: row.code,
    number: row.number,
    issuedOn: row.issued_on,
    sellerName: row.seller_name,
    sellerTaxId: row.seller_tax_id,
    buyerName: row.buyer_name,
    buyerTaxId: row.buyer_tax_id,
    amount: formatMinor(row.amount_minor, 2),
    tax: formatMinor(row.tax_minor, 2),
    total: formatMinor(row.total_minor, 2),
    currency: row.currency,
    status: row.status,
    source: row.source,
    ownerEmployeeCode: row.owner_employee_code,
    usedBy,
    warnings: data.warnings,
    fileSha256: row.file_sha256,
    details: data.details,
    createdAt: row.created_at,
  };
}

/** What the deduction rules need of a stored invoice. */
export function deductionView(row: InvoiceRow): InvoiceForDeduction {
  const details = (JSON.parse(row.data_json) as StoredData).details as {
    passenger?: { transport: 'air' | 'rail' | 'road' | 'water'; fuelSurcharge?: string; domestic?: boolean };
  };
  const passenger = details.passenger;
  const fuel =
    passenger?.fuelSurcharge === undefined ? undefined : parseMoney(passenger.fuelSurcharge, 'CNY');
  return {
    type: row.type,
    amountMinor: row.amount_minor,
    taxMinor: row.tax_minor,
    totalMinor: row.total_minor,
    ...(passenger === undefined
      ? {}
      : {
          passenger: {
            transport: passenger.transport,
            ...(fuel?.ok === true ? { fuelSurchargeMinor: fuel.value.minor } : {}),
            ...(passenger.domestic === undefined ? {} : { domestic: passenger.domestic }),
          },
        }),
  };
}

/** The duplicate check: is an invoice with this identity already registered? (One index lookup.) */
export async function findInvoiceByIdentity(
  db: TenantDb,
  identityKey: string,
): Promise<InvoiceRow | undefined> {
  return db.selectFrom('invoices').selectAll().where('identity_key', '=', identityKey).executeTakeFirst();
}

export interface RegisterOptions {
  readonly buyer: Buyer;
  readonly source: 'structured' | 'xml';
  readonly ownerEmployeeCode?: string;
  /** The original electronic file, kept in `blobs` (the content-addressed store). */
  readonly file?: { readonly content: FileInput; readonly blobs: BlobStore };
}

export async function registerInvoice(
  db: TenantDb,
  writer: Writer,
  raw: unknown,
  options: RegisterOptions,
): Promise<InvoiceView> {
  const checked = checkInvoice(raw, options.buyer);
  if (!checked.ok) throw refusal(checked.failures);
  const { input, identityKey, amountMinor, taxMinor, totalMinor } = checked.value;
  return db.transaction(async (tx) => {
    const existing = await findInvoiceByIdentity(tx, identityKey);
    if (existing !== undefined) throw duplicate(identityKey, existing);
    const warnings: Warning[] = [...checked.value.warnings];
    if (input.sellerTaxId !== undefined) {
      const similar = await tx
        .selectFrom('invoices')
        .select(['id', 'number'])
        .where('seller_tax_id', '=', input.sellerTaxId)
        .where('total_minor', '=', totalMinor)
        .where('issued_on', '=', input.issuedOn)
        .limit(3)
        .execute();
      for (const s of similar)
        warnings.push({
          rule: 'near_duplicate_invoice',
          zh: `与已登记发票 ${s.number} 的销售方、金额和日期相同，可能重复`,
          en: `Same seller, total and date as registered invoice ${s.number}: possibly a duplicate`,
        });
    }
    const now = writer.audit.clock.now().toISOString();
    const id = newId();
    // the original electronic file is the legal original: kept with the invoice
    const file =
      options.file === undefined
        ? undefined
        : await storeAttachment(tx, writer, id, options.file.content, options.file.blobs);
    const { type, code, number, issuedOn, buyerName, buyerTaxId, sellerName, sellerTaxId, ...rest } = input;
    const row = {
      id,
      identity_key: identityKey,
      type,
      code: code ?? null,
      number,
      issued_on: issuedOn,
      seller_name: sellerName,
      seller_tax_id: sellerTaxId ?? null,
      buyer_name: buyerName,
      buyer_tax_id: buyerTaxId ?? null,
      amount_minor: amountMinor,
      tax_minor: taxMinor,
      total_minor: totalMinor,
      currency: input.currency,
      status: 'unused' as const,
      source: options.source,
      owner_employee_code: options.ownerEmployeeCode ?? null,
      data_json: JSON.stringify({ details: detailsOf(rest), warnings }),
      file_sha256: file?.sha256 ?? null,
      created_by: writer.actor,
      created_at: now,
      updated_at: now,
    };
    // A concurrent registration of the same invoice that won the race is skipped by the unique key (not
    // an error, which would abort a PostgreSQL transaction); committed by then, it is read in the next
    // statement, so the refusal names the existing record as the check above does.
    const inserted = await tx
      .insertInto('invoices', [row])
      .onConflict((oc) => oc.columns(['tenant_id', 'identity_key']).doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) {
      const winner = await findInvoiceByIdentity(tx, identityKey);
      throw duplicate(identityKey, winner ?? null);
    }
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'register',
        entityType: 'Invoice',
        entityId: id,
        after: { identity: identityKey, total: formatMinor(totalMinor, 2), source: options.source },
        requestId: writer.requestId,
      },
    ]);
    return toInvoiceView({ ...row, tenant_id: tx.tenantId });
  });
}

const detailsOf = (rest: Record<string, unknown>): Record<string, unknown> => {
  const { amount: _a, tax: _t, total: _s, currency: _c, ...details } = rest;
  return details;
};

function duplicate(identityKey: string, existing: InvoiceRow | null): DomainError {
  return new DomainError(
    'invoice_duplicate',
    { identity: displayIdentity(identityKey), status: existing?.status ?? 'unused' },
    [{ code: 'invoice_duplicate', pointer: '/number' }],
    existing === null ? {} : { existingInvoiceId: existing.id },
  );
}

export function importInvoiceXml(
  db: TenantDb,
  writer: Writer,
  xml: string,
  options: Omit<RegisterOptions, 'source' | 'file'> & {
    readonly fileName?: string;
    readonly blobs: BlobStore;
  },
): Promise<InvoiceView> {
  const input: InvoiceInput = parseDigitalInvoiceXml(xml);
  const { blobs, fileName, ...rest } = options;
  return registerInvoice(db, writer, input, {
    ...rest,
    source: 'xml',
    file: {
      content: {
        name: fileName ?? `${input.number}.xml`,
        content: Buffer.from(xml, 'utf8'),
        contentType: 'application/xml',
      },
      blobs,
    },
  });
}

export async function getInvoice(db: TenantDb, id: string): Promise<InvoiceView> {
  const row = await db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Invoice', id });
  const use = await db
    .selectFrom('invoice_uses')
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'invoice_uses.document_id')
        .onRef('expense_documents.tenant_id', '=', 'invoice_uses.tenant_id'),
    )
    .select(['invoice_uses.document_id', 'expense_documents.number'])
    .where('invoice_uses.invoice_id', '=', id)
    .executeTakeFirst();
  return toInvoiceView(row, use === undefined ? null : { documentId: use.document_id, number: use.number });
}

export async function listInvoices(
  db: TenantDb,
  query: {
    status?: InvoiceStatus;
    ownerEmployeeCode?: string;
    sellerTaxId?: string;
    from?: string;
    to?: string;
    limit: number;
    after?: string;
  },
): Promise<{ items: InvoiceView[]; nextCursor: string | null }> {
  let select = db.selectFrom('invoices').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.ownerEmployeeCode !== undefined)
    select = select.where('owner_employee_code', '=', query.ownerEmployeeCode);
  if (query.sellerTaxId !== undefined) select = select.where('seller_tax_id', '=', query.sellerTaxId);
  if (query.from !== undefined) select = select.where('issued_on', '>=', query.from);
  if (query.to !== undefined) select = select.where('issued_on', '<=', query.to);
  if (query.after !== undefined) select = select.where('id', '>', query.after);
  const rows = await select
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageById(rows, query.limit);
  return { items: page.map((r) => toInvoiceView(r)), nextCursor };
}
