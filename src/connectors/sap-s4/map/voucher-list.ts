import type { ErpVoucher, ErpVoucherLine, VoucherQuery } from '../../contract.ts';
import { parseMoney } from '../../../model/money.ts';
import { isoDateOf, queryOf, stringLiteral, textOf } from '../odata.ts';

/**
 * Listing the journal entries of a period (对账, §1.7): `A_JournalEntryItemBasic` of the leading ledger
 * filtered on FiscalYear and the three-digit FiscalPeriod, ordered by document and line item, paged with
 * `$top`/`$skip` (the cursor is the item offset of the next whole document). A build whose items have no
 * `AccountingDocument` keys them by a generated `ID` that ends in the document and its six-digit line.
 */
export const ITEM_FIELDS = [
  'CompanyCode',
  'FiscalYear',
  'FiscalPeriod',
  'PostingDate',
  'AccountingDocumentType',
  'DocumentReferenceID',
  'GLAccount',
  'Supplier',
  'AmountInTransactionCurrency',
  'TransactionCurrency',
  'DebitCreditCode',
];

export function periodFilter(period: string): string | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > 16) return undefined;
  return `Ledger eq '0L' and FiscalYear eq ${stringLiteral(m[1] ?? '')} and FiscalPeriod eq ${stringLiteral((m[2] ?? '').padStart(3, '0'))}`;
}

export function itemsResource(filter: string, withDocument: boolean, skip: number, top: number): string {
  const key = withDocument ? ['AccountingDocument', 'LedgerGLLineItem'] : ['ID'];
  return `A_JournalEntryItemBasic${queryOf({
    $filter: filter,
    $select: [...key, ...ITEM_FIELDS].join(','),
    $orderby: withDocument ? 'CompanyCode,FiscalYear,AccountingDocument,LedgerGLLineItem' : 'ID',
    $skip: String(skip),
    $top: String(top),
    $format: 'json',
  })}`;
}

/** The document an item belongs to: company code, year and number (from `ID` when there is no number). */
export function documentOf(row: Readonly<Record<string, unknown>>): { key: string; number: string } {
  const number = textOf(row, 'AccountingDocument');
  const company = textOf(row, 'CompanyCode');
  const year = textOf(row, 'FiscalYear');
  if (number !== '') return { key: `${number}${company}${year}`, number };
  const id = textOf(row, 'ID');
  const doc = id.slice(0, -6);
  return { key: doc, number: doc.slice(-10) };
}

function minorOf(value: unknown, currency: string): bigint {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '0';
  const digits = text.startsWith('-') ? text.slice(1) : text;
  const parsed = parseMoney(digits, currency);
  if (parsed.ok) return parsed.value.minor;
  const fallback = parseMoney(digits, 'CNY');
  if (fallback.ok) return fallback.value.minor;
  throw new TypeError(`unreadable amount ${text}`);
}

/** Item rows, in document order, grouped into vouchers. */
export function vouchersOf(rows: readonly Readonly<Record<string, unknown>>[]): ErpVoucher[] {
  const docs = new Map<
    string,
    { row: Readonly<Record<string, unknown>>; number: string; lines: ErpVoucherLine[] }
  >();
  for (const row of rows) {
    const { key, number } = documentOf(row);
    let doc = docs.get(key);
    if (doc === undefined) {
      doc = { row, number, lines: [] };
      docs.set(key, doc);
    }
    const currency = textOf(row, 'TransactionCurrency');
    const amount = minorOf(row['AmountInTransactionCurrency'], currency);
    const debit = textOf(row, 'DebitCreditCode') === 'S';
    const supplier = textOf(row, 'Supplier');
    const account = textOf(row, 'GLAccount');
    doc.lines.push({
      account: supplier !== '' ? '' : account,
      ...(supplier === '' ? {} : { partner: supplier }),
      debitMinor: debit ? amount : 0n,
      creditMinor: debit ? 0n : amount,
      currency,
    });
  }
  return [...docs.entries()].map(([key, doc]) => {
    const reference = textOf(doc.row, 'DocumentReferenceID');
    return {
      erpId: key,
      erpNumber: doc.number,
      word: textOf(doc.row, 'AccountingDocumentType'),
      date: isoDateOf(doc.row['PostingDate']) ?? '',
      period: `${textOf(doc.row, 'FiscalYear')}-${textOf(doc.row, 'FiscalPeriod').slice(-2)}`,
      reference: reference === '' ? null : reference,
      lines: doc.lines,
      reversed: false,
    };
  });
}

export const cursorOf = (query: VoucherQuery): number =>
  query.after !== null && /^\d+$/.test(query.after) ? Number(query.after) : 0;
