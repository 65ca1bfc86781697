import { REFUSALS, isRefusal, type B1Refusal } from './answers.ts';
import type { B1Book, StoredJournalEntry, StoredJournalLine } from './book.ts';
import {
  dateOf,
  dimensionsOf,
  isJson,
  linesOf,
  text,
  tooLong,
  unknownProperty,
  type Json,
} from './checks.ts';
import { amountText, millionthsOf } from './exact-json.ts';

/**
 * B1's checks on `POST JournalEntries` (§2.4): known properties only (-1000), dates, an open posting
 * period, at least one line, accounts that exist and take postings (not title accounts), a business
 * partner in `ShortName` when it is not a G/L account, profit centres of dimension 1 in
 * `CostingCode`, column lengths (`Memo` 50, references 100, `LineMemo` 254), and debit = credit
 * summed exactly. B1 keeps no uniqueness on any reference field: the same `Reference2` twice is two
 * journal entries (§2.5).
 */
const HEADER = new Set([
  'ReferenceDate',
  'TaxDate',
  'DueDate',
  'Memo',
  'Reference',
  'Reference2',
  'Reference3',
  'TransactionCode',
  'ProjectCode',
  'Indicator',
  'JournalEntryLines',
]);
const LINE = new Set([
  'AccountCode',
  'ShortName',
  'Debit',
  'Credit',
  'FCDebit',
  'FCCredit',
  'FCCurrency',
  'LineMemo',
  'CostingCode',
  'CostingCode2',
  'CostingCode3',
  'CostingCode4',
  'CostingCode5',
  'ProjectCode',
  'DueDate',
  'ReferenceDate1',
  'Reference1',
  'Reference2',
  'AdditionalReference',
  'ContraAccount',
  'TaxDate',
]);
const TYPE = 'JournalEntry';
const LINE_TYPE = 'JournalEntryLine';
const COLLECTION = 'JournalEntryLines';

function lineOf(book: B1Book, raw: Json, lineNo: number): StoredJournalLine | B1Refusal {
  const unknown = unknownProperty(raw, LINE, LINE_TYPE);
  if (unknown !== undefined) return unknown;
  const shortName = text(raw['ShortName']);
  let account = text(raw['AccountCode']);
  // a line may name only its business partner: B1 then takes the partner's control account
  if (account === '' && shortName !== '' && !book.accounts.has(shortName)) {
    if (!book.partners.has(shortName)) return REFUSALS.invalidLineBp(COLLECTION, lineNo, shortName);
    account = shortName;
  } else {
    const known = book.accounts.get(account);
    if (known === undefined) return REFUSALS.invalidAccount(COLLECTION, lineNo, account);
    if (!known.postable) return REFUSALS.titleAccount(COLLECTION, lineNo, account);
    if (shortName !== '' && shortName !== account && !book.partners.has(shortName))
      return REFUSALS.invalidLineBp(COLLECTION, lineNo, shortName);
  }
  const debit = millionthsOf(raw['Debit']);
  const credit = millionthsOf(raw['Credit']);
  if (debit === null) return REFUSALS.badAmount('Debit', LINE_TYPE);
  if (credit === null) return REFUSALS.badAmount('Credit', LINE_TYPE);
  const lineMemo = text(raw['LineMemo']);
  const long = tooLong([['LineMemo', lineMemo, 254]], LINE_TYPE);
  if (long !== undefined) return long;
  const dimensions = dimensionsOf(book, raw, COLLECTION, lineNo);
  if (isRefusal(dimensions)) return dimensions;
  return {
    Line_ID: lineNo - 1,
    AccountCode: account,
    ShortName: shortName === '' ? account : shortName,
    Debit: amountText(debit ?? 0n),
    Credit: amountText(credit ?? 0n),
    LineMemo: lineMemo,
    dimensions,
  };
}

/** Checks a journal entry body; the entry to store (without its numbers), or B1's refusal. */
export function checkJournalEntry(
  book: B1Book,
  body: unknown,
  today: string,
): Omit<StoredJournalEntry, 'JdtNum' | 'Number'> | B1Refusal {
  if (!isJson(body)) return REFUSALS.notJson();
  const unknown = unknownProperty(body, HEADER, TYPE);
  if (unknown !== undefined) return unknown;
  const referenceDate = dateOf(body, 'ReferenceDate', TYPE, today);
  if (isRefusal(referenceDate)) return referenceDate;
  const taxDate = dateOf(body, 'TaxDate', TYPE, referenceDate);
  if (isRefusal(taxDate)) return taxDate;
  const dueDate = dateOf(body, 'DueDate', TYPE, referenceDate);
  if (isRefusal(dueDate)) return dueDate;
  const header = {
    Memo: text(body['Memo']),
    Reference: text(body['Reference']),
    Reference2: text(body['Reference2']),
    Reference3: text(body['Reference3']),
  };
  const long = tooLong(
    [
      ['Memo', header.Memo, 50],
      ['Reference', header.Reference, 100],
      ['Reference2', header.Reference2, 100],
      ['Reference3', header.Reference3, 27],
    ],
    TYPE,
  );
  if (long !== undefined) return long;
  if (book.isLocked(referenceDate)) return REFUSALS.periodLocked();
  const raw = linesOf(body, COLLECTION);
  if (isRefusal(raw)) return raw;
  const lines: StoredJournalLine[] = [];
  for (const [i, line] of raw.entries()) {
    const checked = lineOf(book, line, i + 1);
    if (isRefusal(checked)) return checked;
    lines.push(checked);
  }
  const debit = lines.reduce((sum, l) => sum + (millionthsOf(l.Debit) ?? 0n), 0n);
  const credit = lines.reduce((sum, l) => sum + (millionthsOf(l.Credit) ?? 0n), 0n);
  if (debit !== credit) return REFUSALS.unbalanced(amountText(debit), amountText(credit));
  return { ReferenceDate: referenceDate, TaxDate: taxDate, DueDate: dueDate, ...header, lines };
}
