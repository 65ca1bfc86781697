import type { ErpVoucher, ErpVoucherLine, VoucherQuery } from '../../contract.ts';
import { parseMoney } from '../../../model/money.ts';
import { periodNameOf, quoted } from './identifiers.ts';
import { DEFAULT_ORACLE_SETTINGS } from './profile.ts';

/**
 * Listing the journals of a period (对账, §3.2, §3.5): `GET /journalBatches` of the period's name
 * (`q=DefaultPeriodName = 'Nov-26'`), ordered by `JeBatchId` and read after the last batch seen (keyset,
 * so batches imported meanwhile neither repeat nor hide others), with each batch's journals and their
 * lines expanded in the same answer (`expand=journalHeaders.journalLines`). A batch is listed whole, so
 * a page never ends inside a journal; each journal (header) is one voucher. Lines carry the
 * concatenated `AccountCombination`: the natural account is the segment the connection names (the
 * last by default, as the default profile's chart has it). Amounts are the entered ones, in the
 * journal's currency. Attribute names of headers and lines are [inferred] (see the simulator's
 * journal-batches.ts).
 */
export interface VoucherListSettings {
  /** Oracle period name per `YYYY-MM`; absent: `Mon-YY`. Must agree with the mapping profile's. */
  readonly periodNames: Readonly<Record<string, string>>;
  /** 1-based position of the natural account in the combination; absent: the last segment. */
  readonly accountSegment: number | undefined;
  readonly segmentSeparator: string;
}

/** The default profile's chart ends with the natural account: the last segment, whatever comes before. */
export const DEFAULT_VOUCHER_LIST_SETTINGS: VoucherListSettings = {
  periodNames: DEFAULT_ORACLE_SETTINGS.periodNames,
  accountSegment: undefined,
  segmentSeparator: DEFAULT_ORACLE_SETTINGS.segmentSeparator,
};

/** The cursor of a page: the last `JeBatchId` listed before it, or 0. */
export const cursorOf = (query: VoucherQuery): bigint =>
  query.after !== null && /^\d{1,18}$/.test(query.after) ? BigInt(query.after) : 0n;

/** A `YYYY-MM` period (13–16 for adjusting periods) → Oracle's period name; undefined when not a period. */
export function periodNameFor(period: string, settings: VoucherListSettings): string | undefined {
  const m = /^\d{4}-(\d{2})$/.exec(period);
  const month = Number(m?.[1]);
  if (m === null || month < 1 || month > 16) return undefined;
  return periodNameOf(period, settings.periodNames);
}

/** The query parameters of one page of batches. */
export function voucherListParams(periodName: string, after: bigint, limit: number): Record<string, string> {
  return {
    q: `DefaultPeriodName = ${quoted(periodName)}${after > 0n ? ` and JeBatchId > ${after}` : ''}`,
    orderBy: 'JeBatchId:asc',
    expand: 'journalHeaders.journalLines',
    onlyData: 'true',
    limit: String(limit),
  };
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const itemsOf = (value: unknown): Readonly<Record<string, unknown>>[] =>
  // an expanded child is an array of items; a child collection read on its own has them under `items`
  (Array.isArray(value)
    ? value
    : isRecord(value) && Array.isArray(value['items'])
      ? value['items']
      : []
  ).filter(isRecord);

/** Oracle's number text (or null for the other side of a line) → minor units; undefined when unreadable. */
export function minorOf(value: unknown, currency: string): bigint | undefined {
  if (value === null || value === undefined) return 0n;
  const m = /^(-?\d+)(?:\.(\d*?)0*)?$/.exec(text(value).trim());
  if (m === null) return undefined;
  const parsed = parseMoney(m[2] === undefined || m[2] === '' ? (m[1] ?? '') : `${m[1]}.${m[2]}`, currency);
  return parsed.ok ? parsed.value.minor : undefined;
}

/** The natural account of an account combination. */
export function accountOf(combination: string, settings: VoucherListSettings): string {
  const segments = combination.split(settings.segmentSeparator);
  const at = settings.accountSegment;
  return (at === undefined ? segments.at(-1) : segments[at - 1]) ?? '';
}

/**
 * One batch item (with its journals and lines expanded) → its vouchers, one per journal; a string
 * naming what could not be read when it is not such a batch.
 */
export function vouchersOfBatch(
  batch: Readonly<Record<string, unknown>>,
  period: string,
  settings: VoucherListSettings,
): ErpVoucher[] | string {
  const batchName = text(batch['BatchName']).trim();
  if (!/^\d{1,18}$/.test(text(batch['JeBatchId']))) return `journal batch without a JeBatchId: ${batchName}`;
  if (!('journalHeaders' in batch)) return `journal batch ${batchName} without its expanded journalHeaders`;
  const vouchers: ErpVoucher[] = [];
  for (const header of itemsOf(batch['journalHeaders'])) {
    const id = text(header['JeHeaderId']);
    const currency = text(header['CurrencyCode']);
    const lines: ErpVoucherLine[] = [];
    for (const line of itemsOf(header['journalLines'])) {
      const debit = minorOf(line['EnteredDr'], currency);
      const credit = minorOf(line['EnteredCr'], currency);
      if (debit === undefined || credit === undefined)
        return `journal ${id} of batch ${batchName}: unreadable ${currency} amount ${text(line['EnteredDr'])}/${text(line['EnteredCr'])}`;
      lines.push({
        account: accountOf(text(line['AccountCombination']), settings),
        debitMinor: debit,
        creditMinor: credit,
        currency: text(line['CurrencyCode']) || currency,
      });
    }
    const reference = text(header['JournalReference']);
    vouchers.push({
      erpId: id,
      erpNumber: batchName,
      word: text(header['JournalCategory']),
      date: text(header['AccountingDate']).slice(0, 10),
      period,
      reference: reference === '' ? null : reference,
      lines,
      // reversals are journals of their own in the reversal period; the simulator imports no reversals
      reversed: false,
    });
  }
  return vouchers;
}
