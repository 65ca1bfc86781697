import { formatMinor } from './money.ts';
import { ok, type Failure, type Result } from './result.ts';

export interface BalanceLine {
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
}

/**
 * The balanced-entry rule for a journal voucher (记账凭证): every line is a debit or a credit, never both
 * and never zero; at least one debit and one credit; Σ debits = Σ credits to the minor unit. Negative
 * amounts are red-letter corrections and are allowed.
 */
export function checkVoucherBalance(
  lines: readonly BalanceLine[],
  exponent = 2,
): Result<{ totalMinor: bigint }> {
  const failures: Failure[] = [];
  let debit = 0n;
  let credit = 0n;
  let debitLines = 0;
  let creditLines = 0;
  lines.forEach((line, i) => {
    if (line.debitMinor !== 0n && line.creditMinor !== 0n) {
      failures.push({ code: 'voucher_line_both_sides', pointer: `/lines/${i}` });
    } else if (line.debitMinor === 0n && line.creditMinor === 0n) {
      failures.push({ code: 'voucher_line_zero', pointer: `/lines/${i}` });
    }
    if (line.debitMinor !== 0n) debitLines++;
    if (line.creditMinor !== 0n) creditLines++;
    debit += line.debitMinor;
    credit += line.creditMinor;
  });
  if (debitLines === 0 || creditLines === 0)
    failures.push({ code: 'voucher_needs_both_sides', pointer: '/lines' });
  if (debit !== credit) {
    failures.push({
      code: 'unbalanced_voucher',
      pointer: '/lines',
      params: { debit: formatMinor(debit, exponent), credit: formatMinor(credit, exponent) },
    });
  }
  if (failures.length > 0) return { ok: false, failures: failures.sort(byBalanceFirst) };
  return ok({ totalMinor: debit });
}

const byBalanceFirst = (a: Failure, b: Failure): number =>
  Number(b.code === 'unbalanced_voucher') - Number(a.code === 'unbalanced_voucher');
