import type { ErpVoucher, ErpVoucherLine, VoucherQuery } from '../../contract.ts';
import type { ODataVersion } from '../client.ts';
import { parseMoney } from '../../../model/money.ts';
import { dateLiteral, queryString } from '../odata.ts';
import { JOURNAL_REFERENCE_FIELD } from './journal-entry.ts';
import { dateOf } from './pull.ts';

/**
 * Listing the journal entries of a period (对账, §2.3, §2.4): `GET JournalEntries` filtered on the
 * posting date (`ReferenceDate`) within the calendar month, ordered by the key `JdtNum` and read after
 * the last key seen (keyset, not `$skip`: entries posted meanwhile neither repeat nor hide others). The
 * lines are the inline `JournalEntryLines` collection, so every row is a whole voucher and a page never
 * ends inside one. Amounts are B1's number text in the company's local currency; a line whose
 * `ShortName` is not its `AccountCode` is a business partner's line (the supplier's control account).
 * B1 has posting periods by date only: the special periods 13–16 have no entries of their own.
 */
export const VOUCHER_FIELDS = [
  'JdtNum',
  'Number',
  'ReferenceDate',
  JOURNAL_REFERENCE_FIELD,
  'JournalEntryLines',
] as const;

/** The first and last day of a `YYYY-MM` period 01–12; undefined for anything else. */
export function periodDays(period: string): { readonly from: string; readonly to: string } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  if (m === null || month < 1 || month > 12) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}

/** The cursor of a page: the last `JdtNum` listed before it, or 0. */
export const cursorOf = (query: VoucherQuery): number =>
  query.after !== null && /^\d{1,15}$/.test(query.after) ? Number(query.after) : 0;

/** `JournalEntries?$filter=…&$select=…&$orderby=JdtNum&$top=…` for one page of a period. */
export function voucherListResource(
  version: ODataVersion,
  days: { readonly from: string; readonly to: string },
  after: number,
  limit: number,
): string {
  const filters = [
    `ReferenceDate ge ${dateLiteral(version, days.from)}`,
    `ReferenceDate le ${dateLiteral(version, days.to)}`,
    ...(after > 0 ? [`JdtNum gt ${after}`] : []),
  ];
  return `JournalEntries?${queryString({
    $filter: filters.join(' and '),
    $select: VOUCHER_FIELDS.join(','),
    $orderby: 'JdtNum',
    $top: limit,
  })}`;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * B1's number text of an amount → minor units of `currency`. B1 may write more decimals than the
 * currency has (`1713.300000`); they must be zeros. Undefined when the text is not such an amount.
 */
export function minorOf(value: unknown, currency: string): bigint | undefined {
  const written = value === null || value === undefined ? '0' : text(value);
  const m = /^(-?\d+)(?:\.(\d*?)0*)?$/.exec(written.trim());
  if (m === null) return undefined;
  const parsed = parseMoney(m[2] === undefined || m[2] === '' ? (m[1] ?? '') : `${m[1]}.${m[2]}`, currency);
  return parsed.ok ? parsed.value.minor : undefined;
}

/** One `JournalEntries` row → the voucher; a string naming what could not be read when it is not one. */
export function voucherOf(row: Readonly<Record<string, unknown>>, currency: string): ErpVoucher | string {
  const id = text(row['JdtNum']);
  const date = dateOf(row['ReferenceDate']);
  if (id === '' || date === '')
    return `journal entry without JdtNum or ReferenceDate: ${JSON.stringify(row)}`;
  const raw = row['JournalEntryLines'];
  const lines: ErpVoucherLine[] = [];
  for (const line of Array.isArray(raw) ? raw.filter(isRecord) : []) {
    const debit = minorOf(line['Debit'], currency);
    const credit = minorOf(line['Credit'], currency);
    if (debit === undefined || credit === undefined)
      return `journal entry ${id}: unreadable ${currency} amount ${text(line['Debit'])}/${text(line['Credit'])}`;
    const account = text(line['AccountCode']);
    const shortName = text(line['ShortName']);
    const partner = shortName !== '' && shortName !== account;
    lines.push({
      account: partner ? '' : account,
      ...(partner ? { partner: shortName } : {}),
      debitMinor: debit,
      creditMinor: credit,
      currency,
    });
  }
  const reference = text(row[JOURNAL_REFERENCE_FIELD]);
  return {
    erpId: id,
    erpNumber: text(row['Number']) || id,
    // a manual journal entry's origin (OJDT.TransType 30) as B1 abbreviates it
    word: 'JE',
    date,
    period: date.slice(0, 7),
    reference: reference === '' ? null : reference,
    lines,
    // B1 keeps a journal entry and shows its cancellation as a reversing entry of its own (storno)
    reversed: false,
  };
}
