import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '../../model/result.ts';
import type { InvoiceInput } from './invoice-checks.ts';

/**
 * Reads a fully-digital e-invoice (数电票) XML into the canonical invoice input (element names per
 * cn-finance-standards §3.8). Values are kept as text — amounts never pass through a float — and
 * normalised: "6%" and "0.06" are the same rate, IssueTime may carry a time of day.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'IssuItemInformation',
});

type Node = Record<string, unknown>;

const child = (node: unknown, name: string): Node | undefined => {
  const value = node !== null && typeof node === 'object' ? (node as Node)[name] : undefined;
  return value !== null && typeof value === 'object' ? (value as Node) : undefined;
};
const text = (node: unknown, name: string): string | undefined => {
  const value = node !== null && typeof node === 'object' ? (node as Node)[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const invalid = (reason: string) => new DomainError('invoice_xml_invalid', { reason });

/** "1000", "1000.5", "-3.20" → two decimals; more than two decimals is refused, not rounded. */
function amount(value: string | undefined, field: string): string {
  if (value === undefined) throw invalid(`${field} is missing`);
  const m = /^(-?\d{1,16})(?:\.(\d{1,2}))?$/.exec(value.replace(/,/g, ''));
  if (!m) throw invalid(`${field} is not an amount: ${value}`);
  return `${m[1] ?? ''}.${(m[2] ?? '').padEnd(2, '0')}`;
}

function rate(value: string | undefined): string {
  if (value === undefined) throw invalid('TaxRate is missing');
  if (/免税|不征税/.test(value)) return 'exempt';
  const percent = /^(\d{1,2}(?:\.\d+)?)%$/.exec(value);
  if (percent) {
    const [whole, fraction = ''] = (percent[1] ?? '').split('.');
    const digits = (whole ?? '').padStart(2, '0') + fraction;
    const trimmed = `0.${digits}`.replace(/0+$/, '').replace(/\.$/, '');
    return trimmed === '' || trimmed === '0' ? '0' : trimmed;
  }
  if (/^0(\.\d{1,4})?$/.test(value)) return value;
  throw invalid(`TaxRate is not a rate: ${value}`);
}

function typeOf(labelName: string | undefined, labelCode: string | undefined): InvoiceInput['type'] {
  if (labelName?.includes('铁路') === true) return 'digital_rail';
  if (labelName?.includes('航空') === true) return 'digital_air';
  if (labelCode === '01' || labelName?.includes('专用发票') === true) return 'digital_special';
  if (labelCode === '02' || labelName?.includes('普通发票') === true) return 'digital_general';
  throw invalid(`unknown invoice kind ${labelName ?? labelCode ?? '(none)'}`);
}

export function parseDigitalInvoiceXml(xml: string): InvoiceInput {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    throw invalid(
      error instanceof Error ? (error.message.split('\n')[0] ?? 'malformed XML') : 'malformed XML',
    );
  }
  const root = child(doc, 'EInvoice');
  if (root === undefined) throw invalid('no EInvoice root element');
  const header = child(root, 'Header');
  const label = child(header, 'InherentLabel');
  const data = child(root, 'EInvoiceData');
  const seller = child(data, 'SellerInformation');
  const buyer = child(data, 'BuyerInformation');
  const basic = child(data, 'BasicInformation');
  const supervision = child(root, 'TaxSupervisionInfo');
  const number = text(header, 'EIid') ?? text(supervision, 'InvoiceNumber');
  if (number === undefined) throw invalid('EIid (the invoice number) is missing');
  const issued = text(supervision, 'IssueTime') ?? text(basic, 'RequestTime');
  const issuedOn = issued === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})/.exec(issued)?.[1];
  if (issuedOn === undefined) throw invalid('IssueTime is missing or not a date');
  const items = (data?.['IssuItemInformation'] ?? []) as unknown[];
  const lines = items.map((item, i) => {
    const quantity = text(item, 'Quantity');
    const unitPrice = text(item, 'UnPrice');
    const classification = text(item, 'TaxClassificationCode');
    return {
      itemName: text(item, 'ItemName') ?? `第 ${i + 1} 行`,
      ...(text(item, 'SpecMod') === undefined ? {} : { specification: text(item, 'SpecMod') }),
      ...(text(item, 'MeaUnits') === undefined ? {} : { unit: text(item, 'MeaUnits') }),
      ...(quantity === undefined ? {} : { quantity }),
      ...(unitPrice === undefined ? {} : { unitPrice }),
      amount: amount(text(item, 'Amount'), `line ${i + 1} Amount`),
      taxRate: rate(text(item, 'TaxRate')),
      tax: amount(text(item, 'ComTaxAm') ?? '0', `line ${i + 1} ComTaxAm`),
      ...(classification !== undefined && /^\d{19}$/.test(classification)
        ? { taxClassificationCode: classification }
        : {}),
    };
  });
  const remark = text(child(data, 'AdditionalInformation'), 'Remark');
  const sellerTaxId = text(seller, 'SellerIdNum');
  const buyerTaxId = text(buyer, 'BuyerIdNum');
  return {
    type: typeOf(
      text(child(label, 'EInvoiceType'), 'LabelName'),
      text(child(label, 'GeneralOrSpecialVAT'), 'LabelCode'),
    ),
    number,
    issuedOn,
    buyerName: text(buyer, 'BuyerName') ?? '',
    ...(buyerTaxId === undefined ? {} : { buyerTaxId }),
    sellerName: text(seller, 'SellerName') ?? '',
    ...(sellerTaxId === undefined ? {} : { sellerTaxId }),
    ...(lines.length > 0 ? { lines } : {}),
    amount: amount(text(basic, 'TotalAmWithoutTax'), 'TotalAmWithoutTax'),
    tax: amount(text(basic, 'TotalTaxAm'), 'TotalTaxAm'),
    total: amount(text(basic, 'TotalTax-includedAmount'), 'TotalTax-includedAmount'),
    currency: 'CNY',
    ...(remark === undefined ? {} : { remark }),
  };
}
