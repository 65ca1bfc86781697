import { REFUSALS, isRefusal, type B1Refusal } from './answers.ts';
import type { B1Book, StoredVendorPayment } from './book.ts';
import { dateOf, isJson, text, tooLong, unknownProperty } from './checks.ts';
import { amountText, millionthsOf } from './exact-json.ts';

/**
 * B1's checks on `POST VendorPayments` [inferred: the reference does not document payments; the
 * properties are those of B1's `Payments` object]: a business partner of the document type's kind,
 * dates and an open period, the local currency, a cash and/or transfer amount with a postable G/L
 * account for each, column lengths. Payments on account only: applying to invoices
 * (`PaymentInvoices`) is not simulated.
 */
const HEADER = new Set([
  'DocType',
  'CardCode',
  'DocDate',
  'TaxDate',
  'DueDate',
  'DocCurrency',
  'CashAccount',
  'CashSum',
  'TransferAccount',
  'TransferSum',
  'TransferDate',
  'TransferReference',
  'Remarks',
  'JournalRemarks',
  'CounterReference',
  'Series',
  'ProjectCode',
  'PaymentInvoices',
]);
const TYPE = 'Payment';

export function checkVendorPayment(
  book: B1Book,
  body: unknown,
  today: string,
): Omit<StoredVendorPayment, 'DocEntry' | 'DocNum'> | B1Refusal {
  if (!isJson(body)) return REFUSALS.notJson();
  const unknown = unknownProperty(body, HEADER, TYPE);
  if (unknown !== undefined) return unknown;
  const docType = text(body['DocType']) || 'rSupplier';
  const cardCode = text(body['CardCode']);
  const partner = book.partners.get(cardCode);
  const kind = docType === 'rCustomer' ? 'cCustomer' : 'cSupplier';
  if (docType === 'rAccount') return REFUSALS.notSupported();
  if (partner?.type !== kind) return REFUSALS.invalidBp('OVPM.CardCode', cardCode);
  const docDate = dateOf(body, 'DocDate', TYPE, today);
  if (isRefusal(docDate)) return docDate;
  const taxDate = dateOf(body, 'TaxDate', TYPE, docDate);
  if (isRefusal(taxDate)) return taxDate;
  const transferDate = dateOf(body, 'TransferDate', TYPE, docDate);
  if (isRefusal(transferDate)) return transferDate;
  const remarks = text(body['Remarks']);
  const journalRemarks = text(body['JournalRemarks']);
  const long = tooLong(
    [
      ['Remarks', remarks, 254],
      ['JournalRemarks', journalRemarks, 50],
    ],
    TYPE,
  );
  if (long !== undefined) return long;
  if (Array.isArray(body['PaymentInvoices']) && body['PaymentInvoices'].length > 0)
    return REFUSALS.notSupported();
  if (book.isLocked(docDate)) return REFUSALS.periodLocked();
  const currency = text(body['DocCurrency']) || book.localCurrency;
  if (currency !== book.localCurrency) return REFUSALS.exchangeRate();
  const cash = millionthsOf(body['CashSum']);
  const transfer = millionthsOf(body['TransferSum']);
  if (cash === null) return REFUSALS.badAmount('CashSum', TYPE);
  if (transfer === null) return REFUSALS.badAmount('TransferSum', TYPE);
  if ((cash ?? 0n) <= 0n && (transfer ?? 0n) <= 0n) return REFUSALS.noPaymentAmount();
  const accountOf = (property: string, column: string, amount: bigint | undefined): string | B1Refusal => {
    if ((amount ?? 0n) <= 0n) return text(body[property]);
    const code = text(body[property]);
    return book.accounts.get(code)?.postable === true
      ? code
      : REFUSALS.invalidHeaderAccount(`OVPM.${column}`, code);
  };
  const cashAccount = accountOf('CashAccount', 'CashAcct', cash);
  if (isRefusal(cashAccount)) return cashAccount;
  const transferAccount = accountOf('TransferAccount', 'TrsfrAcct', transfer);
  if (isRefusal(transferAccount)) return transferAccount;
  return {
    DocType: docType,
    DocDate: docDate,
    TaxDate: taxDate,
    CardCode: cardCode,
    CardName: partner.name,
    DocCurrency: currency,
    CashAccount: cashAccount,
    CashSum: amountText(cash ?? 0n),
    TransferAccount: transferAccount,
    TransferSum: amountText(transfer ?? 0n),
    TransferDate: transferDate,
    Remarks: remarks,
    JournalRemarks: journalRemarks,
  };
}
