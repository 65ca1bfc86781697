import { parseMoney } from '../../../model/money.ts';
import type { ErpVoucher, ErpVoucherLine, VoucherQuery } from '../../contract.ts';
import { DEFAULT_YONBIP_SETTINGS } from './profile.ts';

/**
 * Listing the vouchers of a period (对账) through the general-ledger voucher query (凭证查询, C4):
 * `POST /yonbip/fi/ficloud/openapi/voucher/queryVouchers` with the account book, `periodStart` =
 * `periodEnd` = the period and `pager` {pageIndex, pageSize ≤ 1000}. Every record is one whole
 * voucher (header and its `body` lines), so a page never splits one. The cursor is the next page's
 * index and the page size it was counted with (`<pageIndex>/<pageSize>`), so a caller changing its
 * limit mid-way cannot skip or repeat vouchers.
 */
export const QUERY_PAGE_MAX = 1000;

/** Status `05` is 作废 (cancelled); the others (暂存, 保存, 错误, 已审核, 已记账) stand in the book. */
const CANCELLED = '05';

/** `YYYY-MM` with a month 01–16 (adjustment periods 13–16), or undefined. */
export function yonbipPeriod(period: string): string | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m === null) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 16 ? period : undefined;
}

export interface QueryPage {
  readonly pageIndex: number;
  readonly pageSize: number;
}

/** The page a query asks for: the cursor's, or the first with the query's limit (at most 1000). */
export function pageOf(query: VoucherQuery): QueryPage | undefined {
  if (query.after === null)
    return { pageIndex: 1, pageSize: Math.max(1, Math.min(QUERY_PAGE_MAX, query.limit)) };
  const m = /^(\d{1,9})\/(\d{1,4})$/.exec(query.after);
  if (m === null) return undefined;
  const pageIndex = Number(m[1]);
  const pageSize = Number(m[2]);
  return pageIndex >= 1 && pageSize >= 1 && pageSize <= QUERY_PAGE_MAX ? { pageIndex, pageSize } : undefined;
}

export const cursorOf = (page: QueryPage): string => `${page.pageIndex + 1}/${page.pageSize}`;

/** The queryVouchers body for one page of a period in a book. */
export function voucherListRequest(
  accbookCode: string,
  period: string,
  page: QueryPage,
): Record<string, unknown> {
  return {
    accbookCode,
    periodStart: period,
    periodEnd: period,
    pager: { pageIndex: page.pageIndex, pageSize: page.pageSize },
  };
}

type Json = Readonly<Record<string, unknown>>;
const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
/** The first of several spellings a field has (list records are lower-case, details camelCase). */
const field = (record: Json, ...names: string[]): unknown =>
  names.map((n) => record[n]).find((v) => v !== undefined && v !== null && v !== '');
const codeOf = (value: unknown): string => (isJson(value) ? text(value['code']) : text(value));

/** A yuan amount as the answer's source text (the client keeps it) → exact minor units. */
function minorOf(value: unknown, currency: string, where: string): bigint {
  const raw = text(value);
  if (raw === '') return 0n;
  const parsed = parseMoney(raw, currency);
  if (!parsed.ok) throw new TypeError(`unreadable amount ${raw} at ${where}`);
  return parsed.value.minor;
}

/** The voucher word of `displayname` (`记-32` → 记), or of the voucher type when it is named. */
function wordOf(header: Json): string {
  const type = field(header, 'vouchertype', 'voucherType');
  if (isJson(type) && text(type['name']) !== '') return text(type['name']);
  const display = text(field(header, 'displayname', 'displayName'));
  const cut = display.lastIndexOf('-');
  return cut > 0 ? display.slice(0, cut) : display;
}

/** One queryVouchers record → the contract's voucher; lines in book currency (`*_org`). */
export function voucherOfRecord(record: unknown, referenceFields: readonly string[]): ErpVoucher {
  const header = isJson(record) && isJson(record['header']) ? record['header'] : {};
  const body = isJson(record) && Array.isArray(record['body']) ? record['body'] : [];
  const id = text(header['id']);
  const lines: ErpVoucherLine[] = body.filter(isJson).map((line, i) => {
    const currency =
      codeOf(field(line, 'currency', 'currencyCode', 'currency_code')) ||
      codeOf(field(header, 'currency', 'currencyCode')) ||
      DEFAULT_YONBIP_SETTINGS.bookCurrency;
    const where = `voucher ${id} line ${String(i + 1)}`;
    return {
      account: codeOf(field(line, 'accsubject', 'accsubjectCode', 'accsubject_code')),
      debitMinor: minorOf(field(line, 'debit_org', 'debitOrg'), currency, where),
      creditMinor: minorOf(field(line, 'credit_org', 'creditOrg'), currency, where),
      currency,
    };
  });
  const reference = referenceFields.map((f) => text(header[f])).find((r) => r !== '');
  const firstLineDate = body.filter(isJson).map((l) => text(l['busidate']))[0] ?? '';
  return {
    erpId: id,
    erpNumber: text(field(header, 'billcode', 'billCode')) || id,
    word: wordOf(header),
    date: (text(field(header, 'maketime', 'makeTime')) || firstLineDate).slice(0, 10),
    period: text(header['period']),
    reference: reference ?? null,
    lines,
    reversed: text(field(header, 'voucherstatus', 'voucherStatus')) === CANCELLED,
  };
}
