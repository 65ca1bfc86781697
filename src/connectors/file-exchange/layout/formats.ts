import { formatMinor } from '../../../model/money.ts';
import type { AmountFormat } from './schema.ts';

/**
 * Dates and amounts as a layout writes them, and read back (the simulated ERP reads what the connector
 * wrote with the same rules). Calendar dates stay `YYYY-MM-DD` strings and amounts stay bigint minor
 * units: nothing here passes through a Date or a float.
 */

type PartKind = 'year4' | 'year2' | 'month2' | 'month1' | 'day2' | 'day1';
type DateToken = { readonly kind: PartKind } | { readonly kind: 'literal'; readonly text: string };

const TOKENS: readonly [string, PartKind][] = [
  ['yyyy', 'year4'],
  ['yy', 'year2'],
  ['MM', 'month2'],
  ['M', 'month1'],
  ['dd', 'day2'],
  ['d', 'day1'],
];

/** A date format's tokens, or the letter it does not know (HH, mm and the like have no place in a date). */
export function dateTokens(format: string): readonly DateToken[] | { readonly error: string } {
  const tokens: DateToken[] = [];
  for (let i = 0; i < format.length;) {
    const known = TOKENS.find(([text]) => format.startsWith(text, i));
    if (known !== undefined) {
      tokens.push({ kind: known[1] });
      i += known[0].length;
      continue;
    }
    const char = format.charAt(i);
    if (/[A-Za-z]/.test(char)) return { error: `unknown date letter ${char}; use yyyy, yy, MM, M, dd, d` };
    tokens.push({ kind: 'literal', text: char });
    i += 1;
  }
  return tokens;
}

/** What a date format lacks to write a full date: the year, month or day token it has none of. */
export function missingDateParts(tokens: readonly DateToken[]): string[] {
  const has = (...kinds: DateToken['kind'][]) => tokens.some((t) => kinds.includes(t.kind));
  return [
    ...(has('year4', 'year2') ? [] : ['year']),
    ...(has('month2', 'month1') ? [] : ['month']),
    ...(has('day2', 'day1') ? [] : ['day']),
  ];
}

/** `2026-11-08` written as the format says (`yyyyMMdd` → 20261108, `yyyy/M/d` → 2026/11/8). */
export function formatDate(date: string, format: string): string {
  const tokens = dateTokens(format);
  if ('error' in tokens) throw new TypeError(tokens.error);
  const [year = '', month = '', day = ''] = date.split('-');
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'year4':
          return year;
        case 'year2':
          return year.slice(2);
        case 'month2':
          return month;
        case 'month1':
          return String(Number(month));
        case 'day2':
          return day;
        case 'day1':
          return String(Number(day));
        case 'literal':
          return t.text;
      }
    })
    .join('');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A date written in the format → `YYYY-MM-DD`; null when it does not match or is no calendar date. */
export function parseDate(text: string, format: string): string | null {
  const tokens = dateTokens(format);
  if ('error' in tokens) return null;
  const parts: DateToken['kind'][] = [];
  const pattern = tokens
    .map((t) => {
      if (t.kind === 'literal') return escape(t.text);
      parts.push(t.kind);
      return t.kind === 'year4' ? '(\\d{4})' : t.kind.endsWith('1') ? '(\\d{1,2})' : '(\\d{2})';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (match === null) return null;
  let [year, month, day] = [0, 0, 0];
  parts.forEach((kind, i) => {
    const value = Number(match[i + 1]);
    if (kind === 'year4') year = value;
    else if (kind === 'year2') year = 2000 + value;
    else if (kind.startsWith('month')) month = value;
    else day = value;
  });
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const group = (digits: string, separator: string): string =>
  separator === '' ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Minor units → the amount text of the format (123450n, exponent 2 → `1,234.50` or `1234,50`). */
export function formatAmount(minor: bigint, exponent: number, format: AmountFormat): string {
  const plain = formatMinor(minor < 0n ? -minor : minor, exponent);
  const [whole = '', fraction] = plain.split('.');
  const text =
    group(whole, format.thousandsSeparator) +
    (fraction === undefined ? '' : format.decimalSeparator + fraction);
  return minor < 0n ? `-${text}` : text;
}

/**
 * Amount text of the format → minor units; undefined for an empty cell, null when the text is no
 * amount of the format or has more decimals than the currency.
 */
export function parseAmount(text: string, exponent: number, format: AmountFormat): bigint | null | undefined {
  let t = text.trim();
  if (t === '') return undefined;
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) [negative, t] = [true, t.slice(1, -1)];
  if (t.startsWith('-')) [negative, t] = [!negative, t.slice(1)];
  if (format.thousandsSeparator !== '') t = t.split(format.thousandsSeparator).join('');
  if (format.decimalSeparator === ',') t = t.replace(',', '.');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (match === null) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = BigInt(`${match[1] ?? '0'}${fraction.padEnd(exponent, '0')}`);
  return negative ? -minor : minor;
}
