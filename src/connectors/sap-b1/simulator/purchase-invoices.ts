import { REFUSALS, isRefusal, type B1Refusal } from './answers.ts';
import type { B1Book, StoredDocumentLine, StoredPurchaseInvoice } from './book.ts';
import {
  dateOf,
  dimensionsOf,
  linesOf,
  isJson,
  text,
  tooLong,
  unknownProperty,
  type Json,
} from './checks.ts';
import { amountText, millionthsOf, roundToCents } from './exact-json.ts';

/**
 * B1's checks on `POST PurchaseInvoices` (§2.4): known properties only, a supplier `CardCode`
 * (`Invalid BP code [OPCH.CardCode] , 'X'`), dates and an open period, the local currency (a foreign
 * one needs a rate the simulator does not keep), lines of a service document with a postable G/L
 * `AccountCode`, a known VAT group / tax code and profit centre; B1 computes each line's VAT from its
 * code and the document total. A `NumAtCard` used before for the supplier is refused only when the
 * company blocks duplicate vendor references (§2.5; off by default, as B1 does not enforce it).
 */
const HEADER = new Set([
  'CardCode',
  'DocType',
  'DocDate',
  'DocDueDate',
  'TaxDate',
  'NumAtCard',
  'DocCurrency',
  'Comments',
  'JournalMemo',
  'Series',
  'Reference1',
  'Reference2',
  'DocumentLines',
]);
const LINE = new Set([
  'ItemCode',
  'ItemDescription',
  'AccountCode',
  'LineTotal',
  'Quantity',
  'UnitPrice',
  'Price',
  'TaxCode',
  'VatGroup',
  'WarehouseCode',
  'BaseType',
  'BaseEntry',
  'BaseLine',
  'CostingCode',
  'CostingCode2',
  'CostingCode3',
  'CostingCode4',
  'CostingCode5',
  'ProjectCode',
]);
const TYPE = 'Document';
const LINE_TYPE = 'DocumentLine';
const COLLECTION = 'DocumentLines';

/** A tax rate ("0.06") applied to an amount in millionths, rounded to cents. */
function vatOf(lineTotal: bigint, rate: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (m === null) return 0n;
  const fraction = m[2] ?? '';
  const units = BigInt(`${m[1] ?? '0'}${fraction}`);
  const scale = 10n ** BigInt(fraction.length);
  return roundToCents((lineTotal * units) / scale);
}

function lineOf(book: B1Book, raw: Json, lineNo: number): StoredDocumentLine | B1Refusal {
  const unknown = unknownProperty(raw, LINE, LINE_TYPE);
  if (unknown !== undefined) return unknown;
  const account = text(raw['AccountCode']);
  const known = book.accounts.get(account);
  if (known === undefined) return REFUSALS.invalidAccount(COLLECTION, lineNo, account);
  if (!known.postable) return REFUSALS.titleAccount(COLLECTION, lineNo, account);
  const lineTotal = millionthsOf(raw['LineTotal']);
  if (lineTotal === null || lineTotal === undefined) return REFUSALS.badAmount('LineTotal', LINE_TYPE);
  const taxField = text(raw['VatGroup']) !== '' ? 'VatGroup' : text(raw['TaxCode']) !== '' ? 'TaxCode' : '';
  const taxCode = taxField === '' ? '' : text(raw[taxField]);
  const rate = taxCode === '' ? '0' : book.taxCodes.get(taxCode);
  if (rate === undefined) return REFUSALS.invalidTaxCode(COLLECTION, taxField, lineNo, taxCode);
  const description = text(raw['ItemDescription']);
  const long = tooLong([['ItemDescription', description, 100]], LINE_TYPE);
  if (long !== undefined) return long;
  const dimensions = dimensionsOf(book, raw, COLLECTION, lineNo);
  if (isRefusal(dimensions)) return dimensions;
  return {
    LineNum: lineNo - 1,
    ItemDescription: description,
    AccountCode: account,
    LineTotal: amountText(roundToCents(lineTotal)),
    VatSum: amountText(vatOf(roundToCents(lineTotal), rate)),
    taxField,
    taxCode,
    dimensions,
  };
}

/** Checks an A/P invoice body; the invoice to store (without its numbers), or B1's refusal. */
export function checkPurchaseInvoice(
  book: B1Book,
  body: unknown,
  today: string,
): Omit<StoredPurchaseInvoice, 'DocEntry' | 'DocNum'> | B1Refusal {
  if (!isJson(body)) return REFUSALS.notJson();
  const unknown = unknownProperty(body, HEADER, TYPE);
  if (unknown !== undefined) return unknown;
  const cardCode = text(body['CardCode']);
  const partner = book.partners.get(cardCode);
  if (partner?.type !== 'cSupplier') return REFUSALS.invalidBp('OPCH.CardCode', cardCode);
  const docDate = dateOf(body, 'DocDate', TYPE, today);
  if (isRefusal(docDate)) return docDate;
  const dueDate = dateOf(body, 'DocDueDate', TYPE, docDate);
  if (isRefusal(dueDate)) return dueDate;
  const taxDate = dateOf(body, 'TaxDate', TYPE, docDate);
  if (isRefusal(taxDate)) return taxDate;
  const numAtCard = text(body['NumAtCard']);
  const comments = text(body['Comments']);
  const long = tooLong(
    [
      ['NumAtCard', numAtCard, 100],
      ['Comments', comments, 254],
    ],
    TYPE,
  );
  if (long !== undefined) return long;
  if (book.isLocked(docDate)) return REFUSALS.periodLocked();
  const currency = text(body['DocCurrency']) || book.localCurrency;
  if (currency !== book.localCurrency) return REFUSALS.exchangeRate();
  const raw = linesOf(body, COLLECTION);
  if (isRefusal(raw)) return raw;
  const docType = text(body['DocType']) || 'dDocument_Items';
  if (docType !== 'dDocument_Service') {
    const missing = raw.findIndex((line) => text(line['ItemCode']) === '');
    return missing >= 0 ? REFUSALS.itemMissing(missing + 1) : REFUSALS.notSupported();
  }
  const lines: StoredDocumentLine[] = [];
  for (const [i, line] of raw.entries()) {
    const checked = lineOf(book, line, i + 1);
    if (isRefusal(checked)) return checked;
    lines.push(checked);
  }
  if (
    book.vendorRefCheck === 'block' &&
    numAtCard !== '' &&
    book.purchaseInvoices.some((d) => d.CardCode === cardCode && d.NumAtCard === numAtCard)
  )
    return REFUSALS.duplicateVendorRef(numAtCard);
  const net = lines.reduce((s, l) => s + (millionthsOf(l.LineTotal) ?? 0n), 0n);
  const vat = lines.reduce((s, l) => s + (millionthsOf(l.VatSum) ?? 0n), 0n);
  return {
    DocType: docType,
    DocDate: docDate,
    DocDueDate: dueDate,
    TaxDate: taxDate,
    CardCode: cardCode,
    CardName: partner.name,
    NumAtCard: numAtCard,
    DocCurrency: currency,
    Comments: comments,
    DocTotal: amountText(net + vat),
    VatSum: amountText(vat),
    lines,
  };
}
