import { fail, ok, type Result } from './result.ts';

/** An exact decimal: value = units / 10^scale. Used for tax and FX rates, quantities and unit prices — never a JS number. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-)?(\d{1,30})(?:\.(\d{1,18}))?$/;

export function parseDecimal(text: string, pointer = ''): Result<Decimal> {
  const m = DECIMAL.exec(text);
  if (!m) return fail('invalid_decimal', pointer, { value: text });
  const fraction = m[3] ?? '';
  const units = BigInt((m[1] ?? '') + (m[2] ?? '') + fraction);
  return ok({ units, scale: fraction.length });
}

/** Parses a decimal that is known to be well-formed (constants, reference data); throws otherwise. */
export function decimal(text: string): Decimal {
  const r = parseDecimal(text);
  if (!r.ok) throw new Error(`not a decimal: ${text}`);
  return r.value;
}

export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = d.scale > 0 ? '.' + digits.slice(digits.length - d.scale) : '';
  return (negative ? '-' : '') + whole + fraction;
}

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

/**
 * Integer division rounded half-up in the accounting sense: ties go away from zero,
 * so -0.225 becomes -0.23 exactly as 0.225 becomes 0.23 (red-letter invoices mirror blue ones).
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Rounds a decimal to `scale` digits, half away from zero. */
export function roundDecimal(d: Decimal, scale: number): Decimal {
  if (d.scale <= scale) return { units: d.units * pow10(scale - d.scale), scale };
  return { units: divideHalfUp(d.units, pow10(d.scale - scale)), scale };
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * pow10(scale - a.scale);
  const y = b.units * pow10(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
