import type { ErpVoucher, ErpVoucherLine, VoucherQuery } from '../../contract.ts';
import { parseMoney } from '../../../model/money.ts';

/**
 * Listing the vouchers of a period (对账): `ExecuteBillQuery` on GL_VOUCHER, one row per entry with
 * its header repeated, filtered on FYEAR and FPERIOD and paged by keyset on FVOUCHERID, so a voucher's
 * entries are read in one piece. The cursor is the last whole voucher's FVOUCHERID.
 */
export const VOUCHER_LIST_KEYS = [
  'FVOUCHERID',
  'FBILLNO',
  'FDATE',
  'FYEAR',
  'FPERIOD',
  'FVOUCHERGROUPID.FNAME',
  'FACCOUNTID.FNUMBER',
  'FCURRENCYID.FCODE',
  'FDEBIT',
  'FCREDIT',
  'FBUSNO',
] as const;

/** Year and period number of `YYYY-MM`, or undefined for anything else. */
export function periodParts(period: string): { year: number; period: number } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m === null) return undefined;
  const number = Number(m[2]);
  return number >= 1 && number <= 16 ? { year: Number(m[1]), period: number } : undefined;
}

export function voucherListQuery(
  query: VoucherQuery,
  onlyVoucher?: string,
  startRow = 0,
): Record<string, unknown> | undefined {
  const parts = periodParts(query.period);
  if (parts === undefined) return undefined;
  const after = query.after !== null && /^\d+$/.test(query.after) ? query.after : '0';
  const filter =
    onlyVoucher === undefined
      ? `FYEAR=${parts.year} and FPERIOD=${parts.period} and FVOUCHERID>${after}`
      : `FVOUCHERID=${onlyVoucher}`;
  return {
    FormId: 'GL_VOUCHER',
    FieldKeys: VOUCHER_LIST_KEYS.join(','),
    FilterString: filter,
    OrderString: 'FVOUCHERID ASC,FENTITY_FENTRYID ASC',
    StartRow: startRow,
    Limit: query.limit,
  };
}

/** A JSON number of yuan (as K/3 Cloud answers) as exact minor units of the currency. */
function minorOf(value: unknown, currency: string): bigint {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '0';
  const parsed = parseMoney(text === '' ? '0' : text, currency);
  if (parsed.ok) return parsed.value.minor;
  // a currency we do not know: two digits, as K/3 Cloud's own default
  const fallback = parseMoney(text === '' ? '0' : text, 'CNY');
  if (fallback.ok) return fallback.value.minor;
  throw new TypeError(`unreadable amount ${text}`);
}

const text = (cell: unknown): string =>
  typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '';

/** Rows (in FVOUCHERID order) grouped into vouchers, in the order of VOUCHER_LIST_KEYS. */
export function vouchersOf(rows: readonly (readonly unknown[])[]): ErpVoucher[] {
  const byId = new Map<string, { head: readonly unknown[]; lines: ErpVoucherLine[]; refs: Set<string> }>();
  for (const row of rows) {
    const id = String(row[0]);
    let voucher = byId.get(id);
    if (voucher === undefined) {
      voucher = { head: row, lines: [], refs: new Set() };
      byId.set(id, voucher);
    }
    const currency = text(row[7]);
    voucher.lines.push({
      account: text(row[6]),
      debitMinor: minorOf(row[8], currency),
      creditMinor: minorOf(row[9], currency),
      currency,
    });
    const reference = text(row[10]);
    if (reference !== '') voucher.refs.add(reference);
  }
  return [...byId.entries()].map(([id, v]) => ({
    erpId: id,
    erpNumber: text(v.head[1]),
    word: text(v.head[5]),
    date: text(v.head[2]).slice(0, 10),
    period: `${String(v.head[3])}-${String(v.head[4]).padStart(2, '0')}`,
    reference: [...v.refs][0] ?? null,
    lines: v.lines,
    reversed: false,
  }));
}
