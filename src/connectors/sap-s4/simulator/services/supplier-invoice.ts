import type { S4Book, SupplierInvoiceDoc } from '../book.ts';
import type { EdmService } from '../odata/edm.ts';
import type { ServiceData } from '../odata/service.ts';
import type { Row } from '../odata/values.ts';
import { amount, currency, date, dayMs, flag, str, text } from './properties.ts';
import { createSupplierInvoice, type DuplicateCheck } from './supplier-invoice-create.ts';

/**
 * `API_SUPPLIERINVOICE_PROCESS_SRV` (§1.5): `A_SupplierInvoice` (creatable by deep insert, not
 * updatable) with its G/L account items and tax lines. Function imports (`Post`, `Release`, `Cancel`)
 * are left out: invoices are created posted.
 */
export const SUPPLIER_INVOICE: EdmService = {
  name: 'API_SUPPLIERINVOICE_PROCESS_SRV',
  component: 'MM-IV-LIV-CRE',
  entities: [
    {
      type: 'A_SupplierInvoiceType',
      set: 'A_SupplierInvoice',
      label: 'Supplier Invoice',
      keys: ['SupplierInvoice', 'FiscalYear'],
      creatable: true,
      properties: [
        str('SupplierInvoice', 10, 'Invoice Document No.'),
        str('FiscalYear', 4, 'Fiscal Year'),
        str('CompanyCode', 4, 'Company Code'),
        date('DocumentDate', 'Invoice Date'),
        date('PostingDate', 'Posting Date'),
        date('CreationDate', 'Created On'),
        text('SupplierInvoiceIDByInvcgParty', 16, 'Reference'),
        str('InvoicingParty', 10, 'Invoicing Party'),
        currency('DocumentCurrency', 'Currency'),
        amount('InvoiceGrossAmount', 'DocumentCurrency', 'Gross Invoice Amount'),
        text('DocumentHeaderText', 25, 'Document Header Text'),
        str('PaymentTerms', 4, 'Terms of Payment'),
        date('DueCalculationBaseDate', 'Baseline Date'),
        { name: 'NetPaymentDays', type: 'Edm.Decimal', precision: 3, scale: 0, label: 'Net Payment Terms' },
        str('PaymentBlockingReason', 1, 'Payment Block'),
        str('AccountingDocumentType', 2, 'Document Type'),
        str('SupplierInvoiceStatus', 1, 'Invoice Status'),
        flag('TaxIsCalculatedAutomatically', 'Calculate Tax'),
        str('BusinessPlace', 4, 'Business Place'),
        text('AssignmentReference', 18, 'Assignment'),
        text('SupplierPostingLineItemText', 50, 'Item Text'),
        str('SupplierInvoiceIsCreditMemo', 1, 'Credit Memo'),
        str('ReverseDocument', 10, 'Reversal Document'),
        str('ReverseDocumentFiscalYear', 4, 'Reversal Year'),
        flag('IsReversal', 'Is Reversal'),
        flag('IsReversed', 'Is Reversed'),
      ],
      navigations: [
        { name: 'to_SupplierInvoiceItemGLAcct', target: 'A_SupplierInvoiceItemGLAcctType', many: true },
        { name: 'to_SupplierInvoiceTax', target: 'A_SupplierInvoiceTaxType', many: true },
      ],
    },
    {
      type: 'A_SupplierInvoiceItemGLAcctType',
      set: 'A_SupplierInvoiceItemGLAcct',
      label: 'G/L Account Item',
      keys: ['SupplierInvoice', 'FiscalYear', 'SupplierInvoiceItem'],
      properties: [
        str('SupplierInvoice', 10, 'Invoice Document No.'),
        str('FiscalYear', 4, 'Fiscal Year'),
        str('SupplierInvoiceItem', 4, 'Invoice Item'),
        str('CompanyCode', 4, 'Company Code'),
        str('CostCenter', 10, 'Cost Center'),
        str('ControllingArea', 4, 'Controlling Area'),
        str('ProfitCenter', 10, 'Profit Center'),
        str('GLAccount', 10, 'G/L Account'),
        str('WBSElement', 24, 'WBS Element'),
        currency('DocumentCurrency', 'Currency'),
        amount('SupplierInvoiceItemAmount', 'DocumentCurrency', 'Amount'),
        str('TaxCode', 2, 'Tax Code'),
        str('DebitCreditCode', 1, 'Debit/Credit'),
        text('SupplierInvoiceItemText', 50, 'Item Text'),
        text('AssignmentReference', 18, 'Assignment'),
      ],
      navigations: [],
    },
    {
      type: 'A_SupplierInvoiceTaxType',
      set: 'A_SupplierInvoiceTax',
      label: 'Tax Data',
      keys: ['SupplierInvoice', 'FiscalYear', 'TaxCode', 'SupplierInvoiceTaxCounter'],
      properties: [
        str('SupplierInvoice', 10, 'Invoice Document No.'),
        str('FiscalYear', 4, 'Fiscal Year'),
        str('TaxCode', 2, 'Tax Code'),
        str('SupplierInvoiceTaxCounter', 6, 'Counter'),
        currency('DocumentCurrency', 'Currency'),
        amount('TaxAmount', 'DocumentCurrency', 'Tax Amount'),
        amount('TaxBaseAmountInTransCrcy', 'DocumentCurrency', 'Tax Base Amount'),
        str('TaxJurisdiction', 15, 'Tax Jurisdiction'),
      ],
      navigations: [],
    },
  ],
};

const headerRow = (i: SupplierInvoiceDoc): Row => ({
  SupplierInvoice: i.supplierInvoice,
  FiscalYear: i.fiscalYear,
  CompanyCode: i.companyCode,
  DocumentDate: dayMs(i.documentDate),
  PostingDate: dayMs(i.postingDate),
  CreationDate: dayMs(new Date(i.createdAt).toISOString().slice(0, 10)),
  SupplierInvoiceIDByInvcgParty: i.reference,
  InvoicingParty: i.invoicingParty,
  DocumentCurrency: i.currency,
  InvoiceGrossAmount: i.gross,
  DocumentHeaderText: i.headerText,
  PaymentTerms: '',
  DueCalculationBaseDate: dayMs(i.documentDate),
  NetPaymentDays: i.netPaymentDays,
  PaymentBlockingReason: '',
  AccountingDocumentType: i.documentType,
  SupplierInvoiceStatus: '5',
  TaxIsCalculatedAutomatically: i.taxIsCalculatedAutomatically ?? false,
  BusinessPlace: '',
  AssignmentReference: i.assignment,
  SupplierPostingLineItemText: '',
  SupplierInvoiceIsCreditMemo: '',
  ReverseDocument: '',
  ReverseDocumentFiscalYear: '',
  IsReversal: false,
  IsReversed: false,
});

const itemRows = (i: SupplierInvoiceDoc, area: string): Row[] =>
  i.items.map((item) => ({
    SupplierInvoice: i.supplierInvoice,
    FiscalYear: i.fiscalYear,
    SupplierInvoiceItem: item.item.padStart(4, '0'),
    CompanyCode: i.companyCode,
    CostCenter: item.costCenter,
    ControllingArea: item.costCenter === '' ? '' : area,
    ProfitCenter: '',
    GLAccount: item.glAccount,
    WBSElement: '',
    DocumentCurrency: i.currency,
    SupplierInvoiceItemAmount: item.amount,
    TaxCode: item.taxCode,
    DebitCreditCode: item.debitCredit,
    SupplierInvoiceItemText: item.text,
    AssignmentReference: '',
  }));

const taxRows = (i: SupplierInvoiceDoc): Row[] =>
  i.taxes.map((t, n) => ({
    SupplierInvoice: i.supplierInvoice,
    FiscalYear: i.fiscalYear,
    TaxCode: t.taxCode,
    SupplierInvoiceTaxCounter: String(n + 1).padStart(6, '0'),
    DocumentCurrency: i.currency,
    TaxAmount: t.amount,
    TaxBaseAmountInTransCrcy: t.base,
    TaxJurisdiction: '',
  }));

export function supplierInvoiceData(
  book: S4Book,
  duplicates: () => DuplicateCheck,
  now: () => Date,
): ServiceData {
  const area = book.company.controllingArea;
  const of = (row: Row) =>
    book.supplierInvoices.find(
      (i) => i.supplierInvoice === row['SupplierInvoice'] && i.fiscalYear === row['FiscalYear'],
    );
  return {
    model: SUPPLIER_INVOICE,
    rows: (entity) =>
      entity.set === 'A_SupplierInvoice'
        ? book.supplierInvoices.map(headerRow)
        : entity.set === 'A_SupplierInvoiceItemGLAcct'
          ? book.supplierInvoices.flatMap((i) => itemRows(i, area))
          : book.supplierInvoices.flatMap(taxRows),
    navigate: (_entity, row, nav) => {
      const invoice = of(row);
      if (invoice === undefined) return [];
      return nav === 'to_SupplierInvoiceItemGLAcct' ? itemRows(invoice, area) : taxRows(invoice);
    },
    create: (_entity, body) => {
      const created = createSupplierInvoice(book, body, duplicates(), now());
      return {
        row: headerRow(created.invoice),
        ...(created.warning === undefined ? {} : { sapMessage: created.warning }),
      };
    },
  };
}
