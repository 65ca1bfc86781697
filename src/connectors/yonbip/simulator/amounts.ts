/**
 * Amounts as a ledger reads them: the request JSON is parsed keeping every number's source text, and
 * yuan decimals become bigint fen — no float ever holds money.
 */
type SourceReviver = (key: string, value: unknown, context: { source?: string }) => unknown;

export function parseKeepingNumbers(text: string): unknown {
  const keep: SourceReviver = (_key, value, context) =>
    typeof value === 'number' && context.source !== undefined ? context.source : value;
  return JSON.parse(text, keep as (key: string, value: unknown) => unknown);
}

const YUAN = /^(-?)(\d{1,16})(?:\.(\d{1,2}))?$/;

/** "1200.5" → 120050n; undefined when absent, null when not a yuan amount. */
export function toFen(value: unknown): bigint | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const match = typeof value === 'string' ? YUAN.exec(value.trim()) : null;
  if (match === null) return null;
  const fen = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

/** 120050n → a JSON number literal `1200.50`. */
export const yuanLiteral = (fen: bigint): unknown => {
  const abs = fen < 0n ? -fen : fen;
  const text = `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);
};
