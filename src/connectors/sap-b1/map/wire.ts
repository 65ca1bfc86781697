import { exponentOf, type CurrencyCode } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';

/**
 * Service Layer amounts are JSON numbers (`"Debit": 1713.30`, §2.4). They are written as bare number
 * literals from the decimal text, digit for digit — the amount never passes through a float.
 */
export const jsonNumber = (text: string): unknown =>
  (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);

/** Minor units of a currency → the JSON number literal B1 takes (`171330n` CNY → `1713.30`). */
export const amountOf = (minor: bigint, currency: CurrencyCode): unknown =>
  jsonNumber(formatMinor(minor, exponentOf(currency)));

/** Text cut to B1's column length (`Memo` is nvarchar(50)), and whether it was cut. */
export function fitted(text: string, max: number): { readonly text: string; readonly cut: boolean } {
  const chars = [...text];
  return chars.length <= max ? { text, cut: false } : { text: chars.slice(0, max).join(''), cut: true };
}

/** The longest reference B1 keeps in `Reference2`, `NumAtCard` (nvarchar(100)) and `Remarks` (254). */
export const REFERENCE_MAX = 100;
