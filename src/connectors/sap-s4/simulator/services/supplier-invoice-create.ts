import { exponentOf, isCurrencyCode } from '../../../../model/currencies.ts';
import { formatDecimal, parseDecimal, pow10, type Decimal } from '../../../../model/decimal.ts';
import { isoDateOf } from '../../odata.ts';
import type { InvoiceItem, InvoiceTax, JournalItem, S4Book, SupplierInvoiceDoc } from '../book.ts';
import { ODataFault } from '../odata/fault.ts';
import { calculateTax, isDefined, unknownTaxCode } from '../tax-codes.ts';

/**
 * The deep insert of a supplier invoice as MM invoice verification checks it (§1.5, §5.1): required
 * header fields, company code, open period, supplier, G/L accounts and cost centres of the items, tax
 * codes defined in the company code's procedure (FF 713), and the balance (gross amount = items + tax).
 * The tax is the one given in `to_SupplierInvoiceTax`, or — with `TaxIsCalculatedAutomatically` — the
 * one calculated per tax code from the items (tax-codes.ts), which replaces any given. Then the duplicate-invoice
 * check on (company code, invoicing party, reference) — a warning in the `sap-message` header by
 * default, an error when so configured (§1.8: M8 108, [inferred] number and default). A posted invoice
 * gets its number, fiscal year and the accounting document it posted.
 */
export type DuplicateCheck = 'warning' | 'error' | 'off';

type Body = Record<string, unknown>;
const isBody = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (body: Body, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
};

const invalid = (name: string) =>
  new ODataFault(400, '/IWBEP/CM_MGW_RT/004', `Invalid value for property '${name}'`);

/** Children of a deep insert: `{"results":[…]}` or a bare array (both seen in working clients, §1.5). */
function children(body: Body, nav: string): Body[] {
  const value = body[nav];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value)
    ? value
    : isBody(value) && Array.isArray(value['results'])
      ? value['results']
      : undefined;
  if (list === undefined) throw invalid(nav);
  return list.filter(isBody);
}

function decimalOf(body: Body, name: string): Decimal {
  const parsed = parseDecimal(str(body, name));
  if (!parsed.ok) throw invalid(name);
  return parsed.value;
}

/** `/Date(ms)/` or `2026-11-28T00:00:00` (Gateway accepts both in request bodies, §1.4). */
function dateOf(body: Body, name: string): string {
  const raw = str(body, name);
  if (raw === '') return '';
  const iso = isoDateOf(raw) ?? (/^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(raw) ? raw.slice(0, 10) : undefined);
  if (iso === undefined) throw invalid(name);
  return iso;
}

const scaled = (d: Decimal, scale: number): bigint => d.units * pow10(scale - d.scale);
const show = (units: bigint, scale: number): string => {
  const text = formatDecimal({ units: units < 0n ? -units : units, scale });
  return units < 0n ? `${text}-` : text;
};

interface Message {
  readonly code: string;
  readonly message: string;
}

export function createSupplierInvoice(
  book: S4Book,
  body: unknown,
  duplicates: DuplicateCheck,
  now: Date,
): { invoice: SupplierInvoiceDoc; warning?: string } {
  if (!isBody(body)) throw invalid('A_SupplierInvoice');
  const { company } = book;
  const errors: Message[] = [];
  const companyCode = str(body, 'CompanyCode');
  const documentDate = dateOf(body, 'DocumentDate');
  const postingDate = dateOf(body, 'PostingDate') || documentDate;
  const party = str(body, 'InvoicingParty');
  const currency = str(body, 'DocumentCurrency');
  const reference = str(body, 'SupplierInvoiceIDByInvcgParty');
  if (
    companyCode === '' ||
    documentDate === '' ||
    party === '' ||
    currency === '' ||
    str(body, 'InvoiceGrossAmount') === ''
  )
    errors.push({ code: '00/055', message: 'Fill in all required entry fields' });
  if (reference.length > 16) throw invalid('SupplierInvoiceIDByInvcgParty');
  const gross =
    str(body, 'InvoiceGrossAmount') === '' ? { units: 0n, scale: 0 } : decimalOf(body, 'InvoiceGrossAmount');
  if (companyCode !== '' && companyCode !== company.companyCode)
    errors.push({ code: 'F5/165', message: `Company code ${companyCode} is not defined` });
  if (postingDate !== '' && !book.isOpen(postingDate))
    errors.push({
      code: 'F5/201',
      message: `Posting period ${postingDate.slice(5, 7).padStart(3, '0')} ${postingDate.slice(0, 4)} is not open`,
    });
  if (party !== '' && !book.suppliers.has(party))
    errors.push({
      code: 'F5/104',
      message: `Vendor ${party} is not defined in company code ${company.companyCode}`,
    });
  const items = children(body, 'to_SupplierInvoiceItemGLAcct').map((item, i) => {
    const glAccount = str(item, 'GLAccount');
    const account = book.glAccounts.get(glAccount);
    if (account === undefined)
      errors.push({
        code: 'F5/507',
        message: `G/L account ${glAccount} is not defined in chart of accounts ${company.chartOfAccounts}`,
      });
    else if (account.blocked)
      errors.push({
        code: 'F5/351',
        message: `Account ${glAccount} ${company.companyCode} is blocked for posting`,
      });
    const costCenter = str(item, 'CostCenter');
    if (costCenter !== '' && !book.costCenters.has(costCenter))
      errors.push({
        code: 'KI/248',
        message: `Cost center ${company.controllingArea}/${costCenter} does not exist`,
      });
    return {
      item: str(item, 'SupplierInvoiceItem') || String(i + 1),
      glAccount,
      costCenter,
      amount: decimalOf(item, 'SupplierInvoiceItemAmount'),
      taxCode: str(item, 'TaxCode'),
      debitCredit: str(item, 'DebitCreditCode') || 'S',
      text: str(item, 'SupplierInvoiceItemText'),
    };
  });
  const given = children(body, 'to_SupplierInvoiceTax').map((tax) => ({
    taxCode: str(tax, 'TaxCode'),
    amount: decimalOf(tax, 'TaxAmount'),
    base:
      str(tax, 'TaxBaseAmountInTransCrcy') === ''
        ? { units: 0n, scale: 0 }
        : decimalOf(tax, 'TaxBaseAmountInTransCrcy'),
  }));
  const procedure = company.taxProcedure;
  const unknown = new Set(
    [...items, ...given].map((i) => i.taxCode).filter((c) => c !== '' && !isDefined(procedure, c)),
  );
  for (const code of unknown) errors.push(unknownTaxCode(procedure, code));
  const automatic = body['TaxIsCalculatedAutomatically'] === true;
  // the currency's decimals: tax is rounded to them (two for a currency the simulator does not know)
  const digits = isCurrencyCode(currency) ? exponentOf(currency) : 2;
  const scale = Math.max(
    2,
    digits,
    gross.scale,
    ...items.map((i) => i.amount.scale),
    ...given.map((t) => t.amount.scale),
  );
  const taxes = !automatic
    ? given
    : calculateTax(
        procedure,
        items.map((i) => ({
          taxCode: i.taxCode,
          units: (i.debitCredit === 'H' ? -1n : 1n) * scaled(i.amount, scale),
        })),
        scale,
        digits,
      ).map((t) => ({ taxCode: t.taxCode, amount: { units: t.tax, scale }, base: { units: t.base, scale } }));
  const debits =
    items.reduce((s, i) => s + (i.debitCredit === 'H' ? -1n : 1n) * scaled(i.amount, scale), 0n) +
    taxes.reduce((s, t) => s + scaled(t.amount, scale), 0n);
  const credits = scaled(gross, scale);
  if (items.length === 0) errors.push({ code: 'M8/086', message: 'No items have been entered' });
  // with a tax code the procedure lacks there is no tax to balance with: FF 713 alone says why
  else if (debits !== credits && unknown.size === 0)
    errors.push({
      code: 'M8/321',
      message: `Balance not zero: ${show(debits - credits, scale)} debits: ${show(debits, scale)} credits: ${show(credits, scale)}`,
    });
  const [first] = errors;
  if (first !== undefined) throw new ODataFault(400, first.code, first.message, errors);
  const earlier = book.supplierInvoices.find(
    (i) =>
      i.companyCode === companyCode &&
      i.invoicingParty === party &&
      i.reference === reference &&
      reference !== '',
  );
  const duplicate =
    earlier === undefined || duplicates === 'off'
      ? undefined
      : `Check if invoice already entered under accounting doc. no. ${earlier.accountingDocument} ${earlier.fiscalYear}`;
  if (duplicate !== undefined && duplicates === 'error') throw new ODataFault(400, 'M8/108', duplicate);
  const fiscalYear = postingDate.slice(0, 4);
  const money = (d: Decimal) => formatDecimal({ units: scaled(d, scale), scale }).replace(/(\.\d\d)0$/, '$1');
  const invoice: SupplierInvoiceDoc = {
    supplierInvoice: book.nextNumber('invoice', fiscalYear),
    fiscalYear,
    companyCode,
    documentDate,
    postingDate,
    reference,
    invoicingParty: party,
    currency,
    gross: money(gross),
    taxIsCalculatedAutomatically: automatic,
    headerText: str(body, 'DocumentHeaderText'),
    assignment: str(body, 'AssignmentReference'),
    documentType: str(body, 'AccountingDocumentType') || 'RE',
    netPaymentDays: str(body, 'NetPaymentDays') || '0',
    items: items.map((i): InvoiceItem => ({ ...i, amount: money(i.amount) })),
    taxes: taxes.map((t): InvoiceTax => ({
      taxCode: t.taxCode,
      amount: money(t.amount),
      base: money(t.base),
    })),
    accountingDocument: book.nextNumber('invoiceDocument', `${companyCode}/${fiscalYear}`),
    createdAt: now.getTime(),
  };
  const lines: JournalItem[] = [
    {
      item: 1,
      glAccount: company.reconciliationAccount,
      supplier: party,
      amount: `-${invoice.gross}`,
      debitCredit: 'H',
      text: invoice.headerText,
      costCenter: '',
      wbsElement: '',
    },
    ...invoice.items.map((i, n) => ({
      item: n + 2,
      glAccount: i.glAccount,
      supplier: '',
      amount: i.amount,
      debitCredit: 'S' as const,
      text: i.text,
      costCenter: i.costCenter,
      wbsElement: '',
    })),
    ...invoice.taxes.map((t, n) => ({
      item: invoice.items.length + n + 2,
      glAccount: company.inputTaxAccount,
      supplier: '',
      amount: t.amount,
      debitCredit: 'S' as const,
      text: t.taxCode,
      costCenter: '',
      wbsElement: '',
    })),
  ];
  book.postInvoice(invoice, {
    companyCode,
    fiscalYear,
    accountingDocument: invoice.accountingDocument,
    documentType: invoice.documentType,
    documentDate,
    postingDate,
    fiscalPeriod: postingDate.slice(5, 7).padStart(3, '0'),
    reference,
    headerText: invoice.headerText,
    createdByUser: 'CB9980000001',
    messageId: '',
    currency,
    origin: 'RMRP',
    items: lines,
    postedAt: now.getTime(),
  });
  return {
    invoice,
    ...(duplicate === undefined
      ? {}
      : {
          warning: JSON.stringify({
            code: 'M8/108',
            message: duplicate,
            severity: 'warning',
            target: '',
            details: [],
          }),
        }),
  };
}
