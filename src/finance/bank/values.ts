import { exponentOf, isCurrencyCode } from '../../model/currencies.ts';

/**
 * Dates and amounts as bank files write them, read exactly: amounts never pass through a float and are
 * refused when they carry more decimals than the currency has; dates must be real calendar days.
 * Each reader returns the value or a reason in both languages.
 */
export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly zh: string; readonly en: string };

const bad = (zh: string, en: string): { ok: false; zh: string; en: string } => ({ ok: false, zh, en });

/** A real day of the Gregorian calendar, as YYYY-MM-DD. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A date cell: 2026-11-03, 2026/11/3, 2026.11.03, 20261103 or 2026年11月3日, optionally followed by a
 * time of day (which is dropped: the day is the bank's).
 */
export function readDate(text: string): Read<string> {
  const t = text.normalize('NFKC').trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      t,
    ) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*\d{1,2}[:时]\d{2}(?:[:分]\d{2}秒?)?)?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})(?:\s*\d{2}:?\d{2}:?\d{2})?$/.exec(t);
  if (!m) return bad(`“${text}”不是日期`, `"${text}" is not a date`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return bad(`${text} 不是真实存在的日期`, `${text} is not a real date`);
  return { ok: true, value: iso(y, mo, d) };
}

/** YYMMDD (SWIFT): years 00–79 are 2000–2079, 80–99 are 1980–1999. */
export function readYymmdd(text: string): Read<string> {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return bad(`“${text}”不是 YYMMDD 日期`, `"${text}" is not a YYMMDD date`);
  const yy = Number(m[1]);
  const [y, mo, d] = [yy < 80 ? 2000 + yy : 1900 + yy, Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return bad(`${text} 不是真实存在的日期`, `${text} is not a real date`);
  return { ok: true, value: iso(y, mo, d) };
}

/** Digits of a currency's minor unit (2 for an unknown code, which the caller refuses separately). */
export const digitsOf = (currency: string): number => (isCurrencyCode(currency) ? exponentOf(currency) : 2);

/**
 * A decimal amount in minor units. `decimalMark` ',' reads SWIFT amounts (1234,56); '.' reads the
 * usual 1,234.56 with thousands separators, a currency sign (¥ ￥ RMB CNY) and full-width digits
 * allowed, a sign or parentheses for negatives. Empty → null (an empty debit or credit column).
 */
export function readAmount(text: string, digits: number, decimalMark: '.' | ',' = '.'): Read<bigint | null> {
  let t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '' || t === '-' || t === '--' || t === '—') return { ok: true, value: null };
  let negative = false;
  const parens = /^\((.*)\)$/.exec(t);
  if (parens) {
    negative = true;
    t = parens[1] ?? '';
  }
  t = t.replace(/^(?:RMB|CNY|¥|￥)/i, '').replace(/(?:元)$/, '');
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  t = t.replace(/^(?:RMB|CNY|¥|￥)/i, '');
  if (decimalMark === ',') {
    if (!/^\d+,\d*$/.test(t) && !/^\d+$/.test(t))
      return bad(`“${text}”不是金额（应如 1234,56）`, `"${text}" is not an amount (expected e.g. 1234,56)`);
    t = t.replace(',', '.');
  } else {
    if (/e/i.test(t))
      return bad(
        `“${text}”是科学计数法，请在 Excel 中把该列设为数值或文本后重新导出`,
        `"${text}" is in scientific notation: format the column as a number or text and export again`,
      );
    if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$/.test(t))
      return bad(`“${text}”不是金额`, `"${text}" is not an amount`);
    t = t.replace(/,/g, '');
  }
  const [whole = '', fraction = ''] = t.split('.');
  if (fraction.length > digits)
    return bad(`金额 ${text} 的小数位多于 ${digits} 位`, `amount ${text} has more than ${digits} decimals`);
  if (whole.length > 16) return bad(`金额 ${text} 超出范围`, `amount ${text} is out of range`);
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  return { ok: true, value: negative ? -minor : minor };
}

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The YYYY-MM-DD date of a day number. */
export const dateOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Text cleaned of Excel's text guards (a leading apostrophe, ="…", a tab) and outer spaces; null when empty. */
export function cleanText(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  let t = value.replace(/^\t+|\t+$/g, '').trim();
  const formula = /^="(.*)"$/.exec(t);
  if (formula) t = formula[1] ?? '';
  if (t.startsWith("'")) t = t.slice(1);
  t = t.trim();
  return t === '' ? null : t;
}

/** An account number as banks print it, without spaces, hyphens and Excel guards; null when empty. */
export function cleanAccount(value: string | undefined | null): string | null {
  const t = cleanText(value);
  if (t === null) return null;
  const out = t.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return out === '' ? null : out;
}
