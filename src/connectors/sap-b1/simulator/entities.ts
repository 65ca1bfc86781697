import type { ODataVersion } from '../client.ts';
import type { B1Refusal } from './answers.ts';
import type { B1Book, StoredJournalEntry, StoredPurchaseInvoice, StoredVendorPayment } from './book.ts';
import { NumberText } from './exact-json.ts';
import type { Row } from './filter.ts';
import { checkJournalEntry } from './journal-entries.ts';
import { checkPurchaseInvoice } from './purchase-invoices.ts';
import { checkVendorPayment } from './vendor-payments.ts';
import { isRefusal } from './answers.ts';

/**
 * The entity sets the simulated Service Layer serves, as B1 shows them (§2.3, §2.4): their key, the
 * properties a query may name, which of them are dates, the rows, and — for documents — the `POST`
 * that checks and stores one. Amounts are JSON numbers written from their exact text.
 */
export interface EntitySpec {
  readonly name: string;
  readonly key: string;
  readonly numericKey: boolean;
  readonly properties: ReadonlySet<string>;
  readonly dateProperties: readonly string[];
  rows(book: B1Book): Row[];
  /** Checks and stores a new document; its row, or B1's refusal. */
  create?(book: B1Book, body: unknown, today: string): Row | B1Refusal;
}

const n = (text: string) => new NumberText(text);

export const journalEntryRow = (e: StoredJournalEntry): Row => ({
  JdtNum: e.JdtNum,
  Number: e.Number,
  ReferenceDate: e.ReferenceDate,
  TaxDate: e.TaxDate,
  DueDate: e.DueDate,
  Memo: e.Memo,
  Reference: e.Reference,
  Reference2: e.Reference2,
  Reference3: e.Reference3,
  JournalEntryLines: e.lines.map((l) => ({
    Line_ID: l.Line_ID,
    AccountCode: l.AccountCode,
    ShortName: l.ShortName,
    Debit: n(l.Debit),
    Credit: n(l.Credit),
    LineMemo: l.LineMemo,
    ...l.dimensions,
  })),
});

export const purchaseInvoiceRow = (d: StoredPurchaseInvoice): Row => ({
  DocEntry: d.DocEntry,
  DocNum: d.DocNum,
  DocType: d.DocType,
  DocDate: d.DocDate,
  DocDueDate: d.DocDueDate,
  TaxDate: d.TaxDate,
  CardCode: d.CardCode,
  CardName: d.CardName,
  NumAtCard: d.NumAtCard,
  DocCurrency: d.DocCurrency,
  DocTotal: n(d.DocTotal),
  VatSum: n(d.VatSum),
  Comments: d.Comments,
  DocumentStatus: 'bost_Open',
  Cancelled: 'tNO',
  DocumentLines: d.lines.map((l) => ({
    LineNum: l.LineNum,
    ItemDescription: l.ItemDescription,
    AccountCode: l.AccountCode,
    LineTotal: n(l.LineTotal),
    VatSum: n(l.VatSum),
    ...(l.taxField === '' ? {} : { [l.taxField]: l.taxCode }),
    ...l.dimensions,
  })),
});

export const vendorPaymentRow = (p: StoredVendorPayment): Row => ({
  DocEntry: p.DocEntry,
  DocNum: p.DocNum,
  DocType: p.DocType,
  DocDate: p.DocDate,
  TaxDate: p.TaxDate,
  CardCode: p.CardCode,
  CardName: p.CardName,
  DocCurrency: p.DocCurrency,
  CashAccount: p.CashAccount,
  CashSum: n(p.CashSum),
  TransferAccount: p.TransferAccount,
  TransferSum: n(p.TransferSum),
  TransferDate: p.TransferDate,
  Remarks: p.Remarks,
  JournalRemarks: p.JournalRemarks,
  Cancelled: 'tNO',
});

const accountType = (code: string, direction: string) =>
  code.startsWith('6') ? (direction === 'credit' ? 'at_Revenues' : 'at_Expenses') : 'at_Other';

/** The parent of an account: the longest other account code it starts with. */
const fatherOf = (code: string, codes: readonly string[]) =>
  codes.filter((c) => c !== code && code.startsWith(c)).sort((a, b) => b.length - a.length)[0] ?? '';

const keysOf = (rows: readonly string[]) => new Set(rows);

export const ENTITY_SETS: Readonly<Record<string, EntitySpec>> = {
  JournalEntries: {
    name: 'JournalEntries',
    key: 'JdtNum',
    numericKey: true,
    properties: keysOf([
      'JdtNum',
      'Number',
      'ReferenceDate',
      'TaxDate',
      'DueDate',
      'Memo',
      'Reference',
      'Reference2',
      'Reference3',
      'JournalEntryLines',
    ]),
    dateProperties: ['ReferenceDate', 'TaxDate', 'DueDate'],
    rows: (book) => book.journalEntries.map(journalEntryRow),
    create(book, body, today) {
      const checked = checkJournalEntry(book, body, today);
      return isRefusal(checked) ? checked : journalEntryRow(book.addJournalEntry(checked));
    },
  },
  PurchaseInvoices: {
    name: 'PurchaseInvoices',
    key: 'DocEntry',
    numericKey: true,
    properties: keysOf([
      'DocEntry',
      'DocNum',
      'DocType',
      'DocDate',
      'DocDueDate',
      'TaxDate',
      'CardCode',
      'CardName',
      'NumAtCard',
      'DocCurrency',
      'DocTotal',
      'VatSum',
      'Comments',
      'DocumentStatus',
      'Cancelled',
      'DocumentLines',
    ]),
    dateProperties: ['DocDate', 'DocDueDate', 'TaxDate'],
    rows: (book) => book.purchaseInvoices.map(purchaseInvoiceRow),
    create(book, body, today) {
      const checked = checkPurchaseInvoice(book, body, today);
      return isRefusal(checked) ? checked : purchaseInvoiceRow(book.addPurchaseInvoice(checked));
    },
  },
  VendorPayments: {
    name: 'VendorPayments',
    key: 'DocEntry',
    numericKey: true,
    properties: keysOf([
      'DocEntry',
      'DocNum',
      'DocType',
      'DocDate',
      'TaxDate',
      'CardCode',
      'CardName',
      'DocCurrency',
      'CashAccount',
      'CashSum',
      'TransferAccount',
      'TransferSum',
      'TransferDate',
      'Remarks',
      'JournalRemarks',
      'Cancelled',
    ]),
    dateProperties: ['DocDate', 'TaxDate', 'TransferDate'],
    rows: (book) => book.vendorPayments.map(vendorPaymentRow),
    create(book, body, today) {
      const checked = checkVendorPayment(book, body, today);
      return isRefusal(checked) ? checked : vendorPaymentRow(book.addVendorPayment(checked));
    },
  },
  BusinessPartners: {
    name: 'BusinessPartners',
    key: 'CardCode',
    numericKey: false,
    properties: keysOf([
      'CardCode',
      'CardName',
      'CardType',
      'GroupCode',
      'FederalTaxID',
      'Currency',
      'Valid',
      'Frozen',
      'CreateDate',
      'UpdateDate',
      'UpdateTime',
    ]),
    dateProperties: ['CreateDate', 'UpdateDate'],
    rows: (book) =>
      [...book.partners].map(([code, p]) => ({
        CardCode: code,
        CardName: p.name,
        CardType: p.type,
        GroupCode: p.type === 'cSupplier' ? 101 : 100,
        FederalTaxID: p.taxId,
        Currency: '##',
        Valid: 'tYES',
        Frozen: 'tNO',
        CreateDate: p.createDate,
        UpdateDate: p.updateDate,
        UpdateTime: p.updateTime,
      })),
  },
  ChartOfAccounts: {
    name: 'ChartOfAccounts',
    key: 'Code',
    numericKey: false,
    properties: keysOf(['Code', 'Name', 'AccountType', 'ActiveAccount', 'FatherAccountKey']),
    dateProperties: [],
    rows: (book) => {
      const codes = [...book.accounts.keys()];
      return [...book.accounts].map(([code, a]) => ({
        Code: code,
        Name: a.name,
        AccountType: accountType(code, a.direction),
        ActiveAccount: a.postable ? 'tYES' : 'tNO',
        FatherAccountKey: fatherOf(code, codes),
      }));
    },
  },
};

/** A row as the version writes it: v2 dates as OData v4 date-times ([inferred], §2.3 leaves v2 dates open). */
export function versioned(row: Row, spec: EntitySpec, version: ODataVersion): Row {
  if (version === 'v1') return row;
  const out: Record<string, unknown> = { ...row };
  for (const p of spec.dateProperties) {
    const v = out[p];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out[p] = `${v}T00:00:00Z`;
  }
  return out;
}
