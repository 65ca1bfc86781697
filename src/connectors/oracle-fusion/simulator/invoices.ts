import { exponentOf, isCurrencyCode } from '../../../model/currencies.ts';
import { formatMinor, parseMoney } from '../../../model/money.ts';
import { stamp, type OracleBook, type StoredInvoice, type StoredInvoiceLine } from './book.ts';
import {
  decimal,
  errorAnswer,
  itemAnswer,
  withLinks,
  type Answer,
  type Caller,
  type ErrorDetail,
} from './rest.ts';
import type { TenantSetup } from './tenant.ts';

/**
 * Payables invoices (§3.3): `POST /invoices` with nested `invoiceLines` and `invoiceDistributions`,
 * checked the way Payables checks a create — only POST-able attributes, names that must exist (business
 * unit, supplier, site), the account combination of each distribution, tax rate codes, the header amount
 * against the lines, an open period, and one invoice number per supplier. Oracle's validation texts are
 * not public; these are written in Oracle's style ([inferred]), several per answer like Oracle's.
 */
export const INVOICE_ATTRIBUTES = new Set([
  'InvoiceId',
  'InvoiceNumber',
  'InvoiceCurrency',
  'PaymentCurrency',
  'InvoiceAmount',
  'InvoiceDate',
  'AccountingDate',
  'BusinessUnit',
  'Supplier',
  'SupplierNumber',
  'SupplierSite',
  'InvoiceGroup',
  'InvoiceType',
  'InvoiceSource',
  'Description',
  'PaymentTerms',
  'VoucherNumber',
  'ValidationStatus',
  'ApprovalStatus',
  'PaidStatus',
  'AmountPaid',
  'CreationDate',
  'CreatedBy',
  'LastUpdateDate',
]);

/** Header attributes a POST may set (REST API Attributes table, subset). */
const POSTABLE = new Set([
  'InvoiceNumber',
  'InvoiceCurrency',
  'PaymentCurrency',
  'InvoiceAmount',
  'InvoiceDate',
  'AccountingDate',
  'BusinessUnit',
  'Supplier',
  'SupplierSite',
  'InvoiceGroup',
  'InvoiceType',
  'InvoiceSource',
  'Description',
  'PaymentTerms',
  'TermsDate',
  'PayGroup',
  'LiabilityDistribution',
  'PurchaseOrderNumber',
  'InvoiceReceivedDate',
  'GoodsReceivedDate',
  'DocumentCategory',
  'VoucherNumber',
  'invoiceLines',
]);
const INVOICE_TYPES = new Set(['Standard', 'Credit Memo', 'Debit Memo', 'Prepayment']);
const LINE_TYPES = new Set(['Item', 'Freight', 'Miscellaneous', 'Tax']);

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A JSON amount (number source text or string) in minor units, or null. */
function minor(value: unknown, currency: string): bigint | null {
  const text = str(value);
  if (text === '' || !isCurrencyCode(currency)) return null;
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.value.minor : null;
}

/** Whether a concatenated combination names postable values of every segment; the problem if not. */
function combinationProblem(tenant: TenantSetup, combination: string): string | undefined {
  const values = combination.split(tenant.segmentSeparator);
  if (values.length !== tenant.segments.length)
    return `The account ${combination} isn't valid: the chart of accounts has ${tenant.segments.length} segments.`;
  for (const [i, segment] of tenant.segments.entries()) {
    const value = values[i] ?? '';
    const known = segment.values.get(value);
    if (known === undefined)
      return `The account ${combination} isn't valid. FLEX-VALUE DOES NOT EXIST (SEGMENT=${segment.name}) (VALUESET=${segment.valueSet}) (VALUE=${value})`;
    if (!known.postable)
      return `The account ${combination} isn't valid: ${segment.name} ${value} is a parent value.`;
  }
  return undefined;
}

export interface InvoiceContext {
  readonly book: OracleBook;
  readonly tenant: TenantSetup;
  readonly now: () => Date;
}

function linesOf(
  ctx: InvoiceContext,
  raw: unknown,
  currency: string,
  problems: ErrorDetail[],
): StoredInvoiceLine[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ detail: 'An invoice needs at least one line.', path: '/invoices/invoiceLines' });
    return [];
  }
  const digits = isCurrencyCode(currency) ? exponentOf(currency) : 2;
  return raw.filter(isJson).map((line, i): StoredInvoiceLine => {
    const path = `/invoices/invoiceLines/${i}`;
    const type = str(line['LineType']) || 'Item';
    if (!LINE_TYPES.has(type))
      problems.push({ detail: `The line type ${type} isn't valid.`, path: `${path}/LineType` });
    const amount = minor(line['LineAmount'], currency);
    if (amount === null)
      problems.push({
        detail: `The line amount ${str(line['LineAmount'])} isn't valid.`,
        path: `${path}/LineAmount`,
      });
    const combination = str(line['DistributionCombination']);
    if (type !== 'Tax' && combination !== '') {
      const problem = combinationProblem(ctx.tenant, combination);
      if (problem !== undefined)
        problems.push({ detail: problem, code: 'AP-810129', path: `${path}/DistributionCombination` });
    }
    const taxRateCode = str(line['TaxRateCode']);
    if (type === 'Tax' && !ctx.tenant.taxRateCodes.has(taxRateCode))
      problems.push({
        detail: `The tax rate code ${taxRateCode || '(none)'} isn't valid.`,
        path: `${path}/TaxRateCode`,
      });
    const distributions = Array.isArray(line['invoiceDistributions'])
      ? line['invoiceDistributions'].filter(isJson)
      : [];
    let distributed = 0n;
    for (const d of distributions) {
      const value = minor(d['DistributionAmount'], currency);
      distributed += value ?? 0n;
      const problem = combinationProblem(ctx.tenant, str(d['DistributionCombination']));
      if (problem !== undefined)
        problems.push({ detail: problem, code: 'AP-810129', path: `${path}/invoiceDistributions` });
    }
    if (distributions.length > 0 && amount !== null && distributed !== amount)
      problems.push({
        detail: `The distribution total ${formatMinor(distributed, digits)} doesn't match the line amount ${formatMinor(amount, digits)}.`,
        path: `${path}/invoiceDistributions`,
      });
    return {
      LineNumber: Number(str(line['LineNumber'])) || i + 1,
      LineType: type,
      LineAmount: formatMinor(amount ?? 0n, digits),
      Description: str(line['Description']),
      DistributionCombination: combination === '' ? null : combination,
      TaxRateCode: taxRateCode === '' ? null : taxRateCode,
      distributions: distributions.map((d, n) => ({
        DistributionLineNumber: Number(str(d['DistributionLineNumber'])) || n + 1,
        DistributionAmount: formatMinor(minor(d['DistributionAmount'], currency) ?? 0n, digits),
        DistributionCombination: str(d['DistributionCombination']),
      })),
    };
  });
}

/** POST /invoices: the created invoice (201), or Oracle's refusal (400). */
export function createInvoice(
  ctx: InvoiceContext,
  caller: Caller,
  body: unknown,
): { answer: Answer; commits: boolean } {
  const refuse = (problems: readonly ErrorDetail[]) => ({
    answer: errorAnswer(caller, 400, problems),
    commits: false,
  });
  if (!isJson(body)) return refuse([{ detail: 'The request payload is not a JSON object.' }]);
  const problems: ErrorDetail[] = [];
  for (const key of Object.keys(body))
    if (!POSTABLE.has(key))
      problems.push({
        detail: INVOICE_ATTRIBUTES.has(key)
          ? `The attribute ${key} can't be set when an invoice is created.`
          : `The attribute ${key} isn't valid.`,
        path: `/invoices/${key}`,
      });
  for (const key of [
    'InvoiceNumber',
    'InvoiceCurrency',
    'InvoiceAmount',
    'InvoiceDate',
    'BusinessUnit',
    'Supplier',
    'SupplierSite',
  ])
    if (str(body[key]) === '')
      problems.push({ detail: `The attribute ${key} is required.`, path: `/invoices/${key}` });
  const number = str(body['InvoiceNumber']);
  const currency = str(body['InvoiceCurrency']);
  const date = str(body['InvoiceDate']);
  const accountingDate = str(body['AccountingDate']) || date;
  const businessUnit = str(body['BusinessUnit']);
  const supplierName = str(body['Supplier']);
  const site = str(body['SupplierSite']);
  const type = str(body['InvoiceType']) || 'Standard';
  if (number.length > 50)
    problems.push({
      detail: 'The invoice number is longer than 50 characters.',
      path: '/invoices/InvoiceNumber',
    });
  if (currency !== '' && !isCurrencyCode(currency))
    problems.push({
      detail: `The value ${currency} of the attribute InvoiceCurrency isn't valid.`,
      path: '/invoices/InvoiceCurrency',
    });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    problems.push({ detail: `The invoice date ${date} isn't valid.`, path: '/invoices/InvoiceDate' });
  if (businessUnit !== '' && !ctx.tenant.businessUnits.includes(businessUnit))
    problems.push({
      detail: `The business unit ${businessUnit} isn't valid.`,
      path: '/invoices/BusinessUnit',
    });
  if (!INVOICE_TYPES.has(type))
    problems.push({ detail: `The invoice type ${type} isn't valid.`, path: '/invoices/InvoiceType' });
  const supplier = ctx.book.supplierNamed(supplierName);
  if (supplierName !== '' && supplier === undefined)
    problems.push({
      detail: `The supplier ${supplierName} isn't valid.`,
      code: 'AP-810400',
      path: '/invoices/Supplier',
    });
  if (supplier !== undefined && site !== '' && !ctx.tenant.supplierSites.includes(site))
    problems.push({
      detail: `The supplier site ${site} isn't valid for the business unit ${businessUnit}.`,
      code: 'AP-810402',
      path: '/invoices/SupplierSite',
    });
  if (/^\d{4}-\d{2}/.test(accountingDate) && ctx.tenant.closedPeriods.has(accountingDate.slice(0, 7)))
    problems.push({
      detail: `The accounting date ${accountingDate} isn't in an open period.`,
      path: '/invoices/AccountingDate',
    });
  const lines = linesOf(ctx, body['invoiceLines'], currency, problems);
  const total = minor(body['InvoiceAmount'], currency);
  const digits = isCurrencyCode(currency) ? exponentOf(currency) : 2;
  const sumOfLines = lines.reduce((s, l) => s + (minor(l.LineAmount, currency) ?? 0n), 0n);
  if (total !== null && lines.length > 0 && total !== sumOfLines)
    problems.push({
      detail: `The invoice amount ${formatMinor(total, digits)} doesn't match the total of the lines ${formatMinor(sumOfLines, digits)}.`,
      path: '/invoices/InvoiceAmount',
    });
  if (
    supplier !== undefined &&
    ctx.book.invoices.some((i) => i.InvoiceNumber === number && i.SupplierNumber === supplier.SupplierNumber)
  )
    problems.push({
      detail: `The invoice number ${number} already exists for the supplier ${supplier.Supplier}.`,
      code: 'AP-810069',
      path: '/invoices/InvoiceNumber',
    });
  if (problems.length > 0 || supplier === undefined) return refuse(problems);
  const invoice: StoredInvoice = {
    InvoiceId: ctx.book.next('invoice'),
    InvoiceNumber: number,
    InvoiceCurrency: currency,
    PaymentCurrency: str(body['PaymentCurrency']) || currency,
    InvoiceAmount: formatMinor(total ?? 0n, digits),
    InvoiceDate: date,
    AccountingDate: accountingDate,
    BusinessUnit: businessUnit,
    Supplier: supplier.Supplier,
    SupplierNumber: supplier.SupplierNumber,
    SupplierSite: site,
    InvoiceType: type,
    InvoiceSource: str(body['InvoiceSource']) || null,
    InvoiceGroup: str(body['InvoiceGroup']) || null,
    Description: str(body['Description']) || null,
    PaymentTerms: str(body['PaymentTerms']) || null,
    CreationDate: stamp(ctx.now()),
    lines,
  };
  ctx.book.invoices.push(invoice);
  return { answer: itemAnswer(201, invoiceView(caller, invoice, false, true)), commits: true };
}

/** An invoice as GET and POST answer it: amounts as JSON numbers, statuses of a new invoice. */
export function invoiceView(
  caller: Caller,
  i: StoredInvoice,
  onlyData: boolean,
  withLines: boolean,
): Record<string, unknown> {
  const href = `${caller.root}/invoices/${i.InvoiceId}`;
  const header = {
    InvoiceId: i.InvoiceId,
    InvoiceNumber: i.InvoiceNumber,
    InvoiceCurrency: i.InvoiceCurrency,
    PaymentCurrency: i.PaymentCurrency,
    InvoiceAmount: decimal(i.InvoiceAmount),
    InvoiceDate: i.InvoiceDate,
    AccountingDate: i.AccountingDate,
    BusinessUnit: i.BusinessUnit,
    Supplier: i.Supplier,
    SupplierNumber: i.SupplierNumber,
    SupplierSite: i.SupplierSite,
    InvoiceGroup: i.InvoiceGroup,
    InvoiceType: i.InvoiceType,
    InvoiceSource: i.InvoiceSource,
    Description: i.Description,
    PaymentTerms: i.PaymentTerms,
    VoucherNumber: null,
    ValidationStatus: 'Not validated',
    ApprovalStatus: 'Required',
    PaidStatus: 'Unpaid',
    AmountPaid: null,
    CreationDate: i.CreationDate,
    CreatedBy: 'FIN_INTEGRATION',
    LastUpdateDate: i.CreationDate,
  };
  const lines = i.lines.map((l) => ({
    LineNumber: l.LineNumber,
    LineType: l.LineType,
    LineAmount: decimal(l.LineAmount),
    Description: l.Description,
    DistributionCombination: l.DistributionCombination,
    ...(l.TaxRateCode === null ? {} : { TaxRateCode: l.TaxRateCode }),
  }));
  return {
    ...withLinks(header, href, 'invoices', ['invoiceLines', 'invoiceInstallments', 'attachments'], onlyData),
    ...(withLines ? { invoiceLines: lines } : {}),
  };
}
