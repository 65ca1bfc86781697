import type { JournalEntryDoc, JournalItem, S4Book } from '../book.ts';
import type { EdmEntity, EdmProperty, EdmService } from '../odata/edm.ts';
import type { ServiceData } from '../odata/service.ts';
import type { Row } from '../odata/values.ts';
import { amount, currency, date, str, text } from './properties.ts';

/**
 * The journal-item reads (§1.7): `API_JOURNALENTRYITEMBASIC_SRV/A_JournalEntryItemBasic`, one row per
 * item of every posted document in the leading ledger, searchable by `DocumentReferenceID`; and
 * `API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube`, the document-level fallback. The build
 * switch `journalItemsWithoutAccountingDocument` reproduces the releases whose journal items have no
 * `AccountingDocument` and a generated key `ID` (§1.7, observed twice).
 */
const common = (): EdmProperty[] => [
  str('CompanyCode', 4, 'Company Code'),
  str('FiscalYear', 4, 'Fiscal Year'),
  date('PostingDate', 'Posting Date'),
  date('DocumentDate', 'Document Date'),
  str('AccountingDocumentType', 2, 'Document Type'),
  text('DocumentReferenceID', 16, 'Reference'),
  str('GLAccount', 10, 'G/L Account'),
  str('Supplier', 10, 'Supplier'),
  str('CostCenter', 10, 'Cost Center'),
  str('WBSElement', 24, 'WBS Element'),
  amount('AmountInTransactionCurrency', 'TransactionCurrency', 'Amount in Transaction Currency', 23, 2),
  currency('TransactionCurrency', 'Transaction Currency'),
  amount('AmountInCompanyCodeCurrency', 'CompanyCodeCurrency', 'Amount in Company Code Currency', 23, 2),
  currency('CompanyCodeCurrency', 'Company Code Currency'),
  str('DebitCreditCode', 1, 'Debit/Credit'),
  text('DocumentItemText', 50, 'Item Text'),
];

function journalItemEntity(withDocument: boolean): EdmEntity {
  return {
    type: 'A_JournalEntryItemBasicType',
    set: 'A_JournalEntryItemBasic',
    label: 'Journal Entry Item',
    keys: withDocument
      ? ['Ledger', 'CompanyCode', 'FiscalYear', 'AccountingDocument', 'LedgerGLLineItem']
      : ['ID'],
    properties: [
      ...(withDocument ? [] : [str('ID', 60, 'Generated ID')]),
      str('Ledger', 2, 'Ledger'),
      ...(withDocument ? [str('AccountingDocument', 10, 'Journal Entry')] : []),
      str('LedgerGLLineItem', 6, 'Ledger G/L Line Item'),
      str('FiscalPeriod', 3, 'Fiscal Period'),
      str('ReferenceDocumentType', 5, 'Reference Procedure'),
      ...common(),
    ],
    navigations: [],
  };
}

export const journalItemService = (withDocument: boolean): EdmService => ({
  name: 'API_JOURNALENTRYITEMBASIC_SRV',
  component: 'FI-GL-IS',
  entities: [journalItemEntity(withDocument)],
});

export const ACCOUNTING_CUBE: EdmService = {
  name: 'API_OPLACCTGDOCITEMCUBE_SRV',
  component: 'FI-GL-IS',
  entities: [
    {
      type: 'A_OperationalAcctgDocItemCubeType',
      set: 'A_OperationalAcctgDocItemCube',
      label: 'Operational Accounting Document Item',
      keys: ['CompanyCode', 'FiscalYear', 'AccountingDocument', 'AccountingDocumentItem'],
      properties: [
        str('AccountingDocument', 10, 'Journal Entry'),
        str('AccountingDocumentItem', 3, 'Journal Entry Item'),
        date('ClearingDate', 'Clearing Date'),
        ...common(),
      ],
      navigations: [],
    },
  ],
};

function itemRow(doc: JournalEntryDoc, item: JournalItem, book: S4Book): Record<string, Row[string]> {
  return {
    CompanyCode: doc.companyCode,
    FiscalYear: doc.fiscalYear,
    PostingDate: Date.parse(`${doc.postingDate}T00:00:00Z`),
    DocumentDate: Date.parse(`${doc.documentDate}T00:00:00Z`),
    AccountingDocumentType: doc.documentType,
    DocumentReferenceID: doc.reference,
    GLAccount: item.glAccount,
    Supplier: item.supplier,
    CostCenter: item.costCenter,
    WBSElement: item.wbsElement,
    AmountInTransactionCurrency: item.amount,
    TransactionCurrency: doc.currency,
    AmountInCompanyCodeCurrency: item.amount,
    CompanyCodeCurrency: doc.currency === book.company.currency ? doc.currency : book.company.currency,
    DebitCreditCode: item.debitCredit,
    DocumentItemText: item.text,
  };
}

const items = (book: S4Book) =>
  book.journalEntries.flatMap((doc) => doc.items.map((item) => ({ doc, item })));

export function journalItemData(book: S4Book, withDocument: () => boolean): ServiceData {
  return {
    get model() {
      return journalItemService(withDocument());
    },
    rows: () =>
      items(book).map(({ doc, item }) => {
        const line = String(item.item).padStart(6, '0');
        return {
          ...(withDocument()
            ? { AccountingDocument: doc.accountingDocument }
            : { ID: `0L${doc.companyCode}${doc.fiscalYear}${doc.accountingDocument}${line}` }),
          Ledger: '0L',
          LedgerGLLineItem: line,
          FiscalPeriod: doc.fiscalPeriod,
          ReferenceDocumentType: doc.origin,
          ...itemRow(doc, item, book),
        };
      }),
    navigate: () => [],
  };
}

export function accountingCubeData(book: S4Book): ServiceData {
  return {
    model: ACCOUNTING_CUBE,
    rows: () =>
      items(book).map(({ doc, item }) => ({
        AccountingDocument: doc.accountingDocument,
        AccountingDocumentItem: String(item.item).padStart(3, '0'),
        ClearingDate: null,
        ...itemRow(doc, item, book),
      })),
    navigate: () => [],
  };
}
