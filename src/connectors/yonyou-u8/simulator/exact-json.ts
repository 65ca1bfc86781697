/**
 * JSON read the way a ledger must read it: every number arrives as its source text ("1200.00"), so
 * amounts are summed as integers of fen and never as floats.
 */
type Reviver = (key: string, value: unknown, context: { source?: string }) => unknown;

export function parseExact(text: string): unknown {
  const reviver: Reviver = (_key, value, context) =>
    typeof value === 'number' && context.source !== undefined ? context.source : value;
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

const AMOUNT = /^(-)?(\d{1,17})(?:\.(\d{1,2}))?$/;

/** A yuan amount (number source text or string, at most two decimals) → fen; undefined when empty, null when malformed. */
export function fenOf(value: unknown): bigint | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return null;
  const m = AMOUNT.exec(value.trim());
  if (m === null) return null;
  const fen = BigInt(`${m[2] ?? '0'}${(m[3] ?? '').padEnd(2, '0')}`);
  return m[1] === '-' ? -fen : fen;
}

/** Fen → the yuan text U8 answers with ("1200.00"). */
export const yuanText = (fen: bigint): string => {
  const digits = (fen < 0n ? -fen : fen).toString().padStart(3, '0');
  return `${fen < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};
