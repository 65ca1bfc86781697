/**
 * JSON read the way a ledger must read it: every number keeps its source text, so amounts are summed
 * as integers and never as floats; and numbers written back as the same literal digits.
 */

/** A JSON number as it was written (`1713.30`). */
export class NumberText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  /** Written back into JSON as the bare literal. */
  toJSON(): unknown {
    return (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(this.text);
  }
}

type Reviver = (key: string, value: unknown, context: { source?: string }) => unknown;

/** `JSON.parse`, with every number as a NumberText of its source. Throws on malformed JSON. */
export function parseExact(text: string): unknown {
  const reviver: Reviver = (_key, value, context) =>
    typeof value === 'number' && context.source !== undefined ? new NumberText(context.source) : value;
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

/** Amounts are kept in millionths: B1 stores them as Num(19,6). */
export const SCALE = 6;
const UNIT = 10n ** BigInt(SCALE);
const AMOUNT = /^(-)?(\d{1,13})(?:\.(\d{1,6}))?$/;

/** A JSON amount (a number, or a numeric string) → millionths; undefined when absent, null when malformed. */
export function millionthsOf(value: unknown): bigint | null | undefined {
  if (value === undefined || value === null) return undefined;
  const text =
    value instanceof NumberText ? value.text : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined) return null;
  const m = AMOUNT.exec(text);
  if (m === null) return null;
  const units = BigInt(`${m[2] ?? '0'}${(m[3] ?? '').padEnd(SCALE, '0')}`);
  return m[1] === '-' ? -units : units;
}

/** Millionths → B1's number text, with at least two decimals (`171330000000n` → `1713.30`). */
export function amountText(millionths: bigint): string {
  const negative = millionths < 0n;
  const abs = negative ? -millionths : millionths;
  const whole = abs / UNIT;
  const fraction = (abs % UNIT).toString().padStart(SCALE, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Round millionths to cents, half away from zero (B1 rounds document amounts to the currency's digits). */
export function roundToCents(millionths: bigint): bigint {
  const step = UNIT / 100n;
  const abs = millionths < 0n ? -millionths : millionths;
  const rounded = ((abs + step / 2n) / step) * step;
  return millionths < 0n ? -rounded : rounded;
}
