/**
 * Sums and compares of the API's decimal strings ("1234.50") in bigint, never through a JavaScript
 * number, for the expense and approval pages (a claim's share of a budget, a line's total).
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(value: string): { units: bigint; scale: number } | undefined {
  const m = DECIMAL.exec(value.trim());
  if (m === null) return undefined;
  const [, sign = '', integer = '0', fraction = ''] = m;
  const units = BigInt(`${integer}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

const scaled = (d: { units: bigint; scale: number }, scale: number) =>
  d.units * 10n ** BigInt(scale - d.scale);

/** a + b, with the larger of the two scales; undefined when one is not a decimal. */
export function addDecimals(a: string, b: string): string | undefined {
  const x = parse(a);
  const y = parse(b);
  if (x === undefined || y === undefined) return undefined;
  const scale = Math.max(x.scale, y.scale);
  return render(scaled(x, scale) + scaled(y, scale), scale);
}

/** Σ values ("0" for none). */
export const sumDecimals = (values: readonly string[]): string =>
  values.reduce<string>((sum, v) => addDecimals(sum, v) ?? sum, '0');

/** The share part/whole as a whole percentage (0 when the whole is zero), for a progress bar only. */
export function percentOf(part: string, whole: string): number {
  const x = parse(part);
  const y = parse(whole);
  if (x === undefined || y === undefined || y.units === 0n) return 0;
  const scale = Math.max(x.scale, y.scale);
  return Number((scaled(x, scale) * 100n) / scaled(y, scale));
}

function render(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${integer}${scale > 0 ? `.${fraction}` : ''}`;
}
