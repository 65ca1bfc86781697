import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { StoredLineData } from './expense-documents.ts';

/**
 * Finance's read side for analytics (ADR 0021): the lines of posted claims with what the spend cube
 * needs of them, so analytics never reads finance's tables itself. Posted means the claim's current
 * posting is in the ERP (status posted or paid); a reversed claim's lines are not spend.
 */
export interface SpendLine {
  readonly documentId: string;
  readonly documentNumber: string;
  readonly postingId: string;
  readonly lineNo: number;
  readonly employeeCode: string;
  readonly departmentCode: string;
  readonly projectCode: string | null;
  readonly costCenterCode: string | null;
  readonly categoryCode: string;
  readonly city: string | null;
  readonly occurredOn: string;
  readonly amountMinor: bigint;
  readonly taxMinor: bigint;
  readonly currency: string;
  /** The claim's supplier, else the seller on the line's first invoice (tax id, else name); null none. */
  readonly supplier: string | null;
  /** The identity keys of the line's invoices (20-digit number, or code + number). */
  readonly invoiceKeys: readonly string[];
  readonly erpPeriod: string | null;
  readonly postedAt: string;
}

const POSTED = ['posted', 'paid'] as const;

async function linesOf(
  db: TenantDb,
  documents: readonly {
    id: string;
    number: string;
    posting_id: string | null;
    employee_code: string;
    currency: string;
    data_json: string;
    erp_period: string | null;
    posted_at: string | null;
  }[],
): Promise<SpendLine[]> {
  if (documents.length === 0) return [];
  const lines = await db
    .selectFrom('expense_lines')
    .selectAll()
    .where(
      'document_id',
      'in',
      documents.map((d) => d.id),
    )
    .orderBy('document_id')
    .orderBy('line_no')
    .execute();
  const uses = await db
    .selectFrom('invoice_uses')
    .innerJoin('invoices', (j) =>
      j
        .onRef('invoices.id', '=', 'invoice_uses.invoice_id')
        .onRef('invoices.tenant_id', '=', 'invoice_uses.tenant_id'),
    )
    .select([
      'invoice_uses.document_id',
      'invoice_uses.line_no',
      'invoices.identity_key',
      'invoices.seller_tax_id',
      'invoices.seller_name',
    ])
    .where(
      'invoice_uses.document_id',
      'in',
      documents.map((d) => d.id),
    )
    .orderBy('invoices.identity_key')
    .execute();
  const usesOf = new Map<string, typeof uses>();
  for (const u of uses) {
    const key = `${u.document_id}#${u.line_no}`;
    usesOf.set(key, [...(usesOf.get(key) ?? []), u]);
  }
  const byId = new Map(documents.map((d) => [d.id, d]));
  const out: SpendLine[] = [];
  for (const line of lines) {
    const doc = byId.get(line.document_id);
    if (doc === undefined || doc.posting_id === null) continue;
    const extra = JSON.parse(line.data_json) as StoredLineData;
    const docData = JSON.parse(doc.data_json) as { supplierCode?: unknown };
    const invoices = usesOf.get(`${line.document_id}#${line.line_no}`) ?? [];
    const seller = invoices[0] === undefined ? null : (invoices[0].seller_tax_id ?? invoices[0].seller_name);
    out.push({
      documentId: doc.id,
      documentNumber: doc.number,
      postingId: doc.posting_id,
      lineNo: line.line_no,
      employeeCode: doc.employee_code,
      departmentCode: line.department_code,
      projectCode: line.project_code,
      costCenterCode: extra.costCenterCode ?? null,
      categoryCode: line.category_code,
      city: extra.city ?? null,
      occurredOn: line.occurred_on,
      amountMinor: line.amount_minor,
      taxMinor: line.deductible_tax_minor,
      currency: doc.currency,
      supplier: typeof docData.supplierCode === 'string' ? docData.supplierCode : seller,
      invoiceKeys: invoices.map((i) => i.identity_key),
      erpPeriod: doc.erp_period,
      postedAt: doc.posted_at ?? '',
    });
  }
  return out;
}

const documentColumns = [
  'id',
  'number',
  'posting_id',
  'employee_code',
  'currency',
  'data_json',
  'erp_period',
  'posted_at',
] as const;

/** The lines of the posted claims whose current posting is one of `postingIds`. */
export async function postedClaimLines(db: TenantDb, postingIds: readonly string[]): Promise<SpendLine[]> {
  if (postingIds.length === 0) return [];
  const documents = await db
    .selectFrom('expense_documents')
    .select([...documentColumns])
    .where('kind', '=', 'claim')
    .where('status', 'in', [...POSTED])
    .where('posting_id', 'in', [...postingIds])
    .execute();
  return linesOf(db, documents);
}

/** Every posted claim's lines, a page of claims at a time in id order (the rebuild's source). */
export async function postedClaimLinesPage(
  db: TenantDb,
  after: string | null,
  claims: number,
): Promise<{ lines: SpendLine[]; next: string | null }> {
  let select = db
    .selectFrom('expense_documents')
    .select([...documentColumns])
    .where('kind', '=', 'claim')
    .where('status', 'in', [...POSTED])
    .where('posting_id', 'is not', null);
  if (after !== null) select = select.where('id', '>', after);
  const documents = await select
    .orderBy('id')
    .limit(claims + 1)
    .execute();
  const page = documents.slice(0, claims);
  return {
    lines: await linesOf(db, page),
    next: documents.length > claims ? (page.at(-1)?.id ?? null) : null,
  };
}
