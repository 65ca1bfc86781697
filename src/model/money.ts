import { exponentOf, isCurrencyCode, type CurrencyCode } from './currencies.ts';
import { divideHalfUp, pow10, type Decimal } from './decimal.ts';
import { fail, ok, type Result } from './result.ts';

/** An amount of money: integer minor units (fen for CNY) and its ISO 4217 currency. Never a float. */
export interface Money {
  readonly minor: bigint;
  readonly currency: CurrencyCode;
}

/** The largest amount a 64-bit storage column holds. */
export const MAX_MINOR = 2n ** 63n - 1n;

const AMOUNT = /^(-)?(\d{1,19})(?:\.(\d+))?$/;

export const money = (minor: bigint, currency: CurrencyCode): Money => ({ minor, currency });

/**
 * Parses the wire form: a decimal string with at most the currency's digits ("1234.5" and "1234.50" are
 * both 123450 fen). More digits than the currency has are refused rather than silently rounded.
 */
export function parseMoney(amount: unknown, currency: string, pointer = ''): Result<Money> {
  if (typeof amount === 'number') return fail('money_not_string', pointer, { value: String(amount) });
  if (typeof amount !== 'string') return fail('invalid_money', pointer, { value: String(amount) });
  if (!isCurrencyCode(currency)) return fail('unknown_currency', pointer, { currency });
  const m = AMOUNT.exec(amount);
  if (!m) return fail('invalid_money', pointer, { value: amount });
  const exponent = exponentOf(currency);
  const fraction = m[3] ?? '';
  if (fraction.length > exponent) {
    return fail('money_too_precise', pointer, { value: amount, currency, digits: exponent });
  }
  const minor = BigInt((m[1] ?? '') + (m[2] ?? '') + fraction.padEnd(exponent, '0'));
  if (minor > MAX_MINOR || minor < -MAX_MINOR) return fail('money_out_of_range', pointer, { value: amount });
  return ok({ minor, currency });
}

/** The wire form: exactly the currency's digits, e.g. "1234.50" for CNY, "1235" for JPY. */
export function formatMoney(m: Money): string {
  return formatMinor(m.minor, exponentOf(m.currency));
}

export function formatMinor(minor: bigint, exponent: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const cut = digits.length - exponent;
  return (negative ? '-' : '') + digits.slice(0, cut) + (exponent > 0 ? '.' + digits.slice(cut) : '');
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new TypeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

/** An amount in fen (分, CNY minor units) as the yuan decimal string of the wire: 222850n → "2228.50". */
export const yuanOf = (fen: bigint): string => formatMinor(fen, 2);

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { minor: a.minor + b.minor, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { minor: a.minor - b.minor, currency: a.currency };
}

export const negate = (a: Money): Money => ({ minor: -a.minor, currency: a.currency });

export function sum(items: readonly Money[], currency: CurrencyCode): Money {
  let total = 0n;
  for (const item of items) {
    if (item.currency !== currency) throw new TypeError(`currency mismatch: ${item.currency} vs ${currency}`);
    total += item.minor;
  }
  return { minor: total, currency };
}

/** Money × an exact rate, rounded to the currency's minor unit half-up (ties away from zero). */
export function multiply(a: Money, rate: Decimal): Money {
  return { minor: divideHalfUp(a.minor * rate.units, pow10(rate.scale)), currency: a.currency };
}

/**
 * Splits an amount in proportion to non-negative weights so that the parts always add up to the whole
 * (largest-remainder method; ties go to the earlier part). Weights may be any integers, e.g. line amounts.
 */
export function allocate(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => w < 0n)) throw new RangeError('allocation weights must not be negative');
  const weightSum = weights.reduce((s, w) => s + w, 0n);
  if (weightSum === 0n) throw new RangeError('allocation weights must not all be zero');
  const negative = total.minor < 0n;
  const whole = negative ? -total.minor : total.minor;
  const shares = weights.map((w) => (whole * w) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (whole * w) % weightSum }));
  let left = whole - shares.reduce((s, x) => s + x, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ minor: negative ? -s : s, currency: total.currency }));
}
