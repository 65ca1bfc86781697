import { parseMoney } from '../../../model/money.ts';
import type { ErpVoucher, ErpVoucherLine, VoucherQuery } from '../../contract.ts';
import { DEFAULT_YONYOU_SETTINGS } from './profile.ts';

/**
 * Listing the vouchers of a period (对账) through the relay's list pattern (B4):
 * `GET /api/voucher/batch_get?…&fiscal_year=<yyyy>&accounting_period=<m>&page_index=<n>&rows_per_page=<size>`
 * → the paging wrapper (`page_index`, `rows_per_page`, `row_count`, `page_count`) with `"voucher":[…]`,
 * each voucher in the shape `voucher/get` and `voucher/add` use (header, `debit.entry[]`,
 * `credit.entry[]`, values as strings). A record is one whole voucher, so a page never splits one. The
 * cursor is the next page's index and the page size it was counted with (`<page_index>/<rows>`).
 */
export const ROWS_MAX = 100;

/** Year and accounting period of `YYYY-MM` (01–12, adjustment periods up to 16), or undefined. */
export function u8Period(period: string): { year: number; period: number } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m === null) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 16 ? { year: Number(m[1]), period: month } : undefined;
}

export interface ListPage {
  readonly index: number;
  readonly rows: number;
}

/** The page a query asks for: the cursor's, or the first with the query's limit (at most ROWS_MAX). */
export function listPageOf(query: VoucherQuery): ListPage | undefined {
  if (query.after === null) return { index: 1, rows: Math.max(1, Math.min(ROWS_MAX, query.limit)) };
  const m = /^(\d{1,9})\/(\d{1,4})$/.exec(query.after);
  if (m === null) return undefined;
  const index = Number(m[1]);
  const rows = Number(m[2]);
  return index >= 1 && rows >= 1 && rows <= ROWS_MAX ? { index, rows } : undefined;
}

export const nextCursor = (page: ListPage): string => `${page.index + 1}/${page.rows}`;

/** The batch_get query parameters for one page of a period. */
export function voucherListParams(
  at: { year: number; period: number },
  page: ListPage,
): Record<string, string> {
  return {
    fiscal_year: String(at.year),
    accounting_period: String(at.period),
    page_index: String(page.index),
    rows_per_page: String(page.rows),
  };
}

type Json = Readonly<Record<string, unknown>>;
const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
const entriesOf = (node: unknown): Json[] => {
  const list = isJson(node) ? node['entry'] : undefined;
  return Array.isArray(list) ? list.filter(isJson) : isJson(list) ? [list] : [];
};

/** ISO code of a U8 currency name (人民币 → CNY); an ISO code stays; none is the book currency. */
function isoOf(name: string): string {
  if (name === '') return DEFAULT_YONYOU_SETTINGS.bookCurrency;
  const found = Object.entries(DEFAULT_YONYOU_SETTINGS.currencyNames).find(([, n]) => n === name);
  return found?.[0] ?? name;
}

/** A yuan amount (string, or a number's source text) → exact minor units; empty is zero. */
function minorOf(value: unknown, currency: string, where: string): bigint {
  const raw = text(value);
  if (raw === '') return 0n;
  const parsed = parseMoney(raw, currency);
  if (!parsed.ok) throw new TypeError(`unreadable amount ${raw} at ${where}`);
  return parsed.value.minor;
}

/**
 * One listed voucher → the contract's voucher. Amounts are the 本币 (`natural_*_currency`); our
 * reference is `reserve2` (an external CDM voucher's 外部凭证号); a voucher voided (作废, `/api/voucher/cancel`)
 * carries a `revokeflag` (or GL_accvouch's `iflag` 1).
 */
export function voucherOfListed(raw: unknown): ErpVoucher {
  const v = isJson(raw) ? raw : {};
  const id = text(v['id']);
  const entries = [...entriesOf(v['debit']), ...entriesOf(v['credit']), ...entriesOf(v)];
  const lines: ErpVoucherLine[] = entries
    .map((e, i) => ({ e, i, order: Number(text(e['entry_id'])) || i + 1 }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map(({ e, i }) => {
      const currency = isoOf(text(e['currency']));
      const where = `voucher ${id} entry ${String(i + 1)}`;
      return {
        account: text(e['account_code']),
        debitMinor: minorOf(e['natural_debit_currency'], currency, where),
        creditMinor: minorOf(e['natural_credit_currency'], currency, where),
        currency,
      };
    });
  const year = text(v['fiscal_year']);
  const month = text(v['accounting_period']).padStart(2, '0');
  const date = text(v['date']).slice(0, 10);
  const revoke = text(v['revokeflag']);
  return {
    erpId: id,
    erpNumber: text(v['voucher_id']) || id,
    word: text(v['voucher_type']),
    date,
    period: year !== '' && month !== '00' ? `${year}-${month}` : date.slice(0, 7),
    reference: text(v['reserve2']) || null,
    lines,
    reversed: (revoke !== '' && revoke !== '0') || text(v['iflag']) === '1',
  };
}
