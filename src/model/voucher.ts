import type { CurrencyCode } from './currencies.ts';
import type { VoucherWord } from './enums/voucher-words.ts';
import { parseMoney } from './money.ts';
import { fail, ok, refusal, type Failure, type Result } from './result.ts';
import { ENTITIES } from './schemas.ts';
import { check } from './validate.ts';
import { checkVoucherBalance } from './voucher-balance.ts';

/** A validated journal voucher with amounts in minor units — the in-memory form of the wire Voucher. */
export interface VoucherLineValue {
  readonly summary: string;
  readonly accountCode: string;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  readonly aux: Readonly<Record<string, string>>;
  readonly expenseCategory?: string;
  readonly taxRate?: string;
}

export interface VoucherValue {
  readonly companyCode: string;
  readonly date: string;
  readonly period: string;
  readonly word: VoucherWord;
  readonly number?: number;
  readonly currency: CurrencyCode;
  readonly summary: string;
  readonly lines: readonly VoucherLineValue[];
  readonly totalMinor: bigint;
  readonly externalReference?: string;
}

interface WireLine {
  summary: string;
  accountCode: string;
  debit?: unknown;
  credit?: unknown;
  aux?: Record<string, string>;
  expenseCategory?: string;
  taxRate?: string;
}

/**
 * Wire voucher → validated value: schema, amounts as exact minor units in the voucher currency, each line
 * on exactly one side, the balanced-entry rule, and a period that matches the date (special periods
 * 13–16 belong to the date's year). Every failure carries a JSON pointer into the document.
 */
export function parseVoucher(input: unknown): Result<VoucherValue> {
  const schemaFailures = check(ENTITIES.Voucher.input, input);
  if (schemaFailures.length > 0) return { ok: false, failures: schemaFailures };
  const doc = input as { date: string; period: string; currency: CurrencyCode; lines: WireLine[] } & Record<
    string,
    unknown
  >;
  const failures: Failure[] = [];
  const lines: VoucherLineValue[] = [];
  doc.lines.forEach((line, i) => {
    const side = (value: unknown, name: 'debit' | 'credit'): bigint => {
      if (value === undefined) return 0n;
      const parsed = parseMoney(value, doc.currency, `/lines/${i}/${name}`);
      if (!parsed.ok) {
        failures.push(...parsed.failures);
        return 0n;
      }
      return parsed.value.minor;
    };
    lines.push({
      summary: line.summary,
      accountCode: line.accountCode,
      debitMinor: side(line.debit, 'debit'),
      creditMinor: side(line.credit, 'credit'),
      aux: line.aux ?? {},
      ...(line.expenseCategory === undefined ? {} : { expenseCategory: line.expenseCategory }),
      ...(line.taxRate === undefined ? {} : { taxRate: line.taxRate }),
    });
  });
  if (failures.length > 0) return { ok: false, failures };
  const periodCheck = checkPeriod(doc.date, doc.period);
  const balance = checkVoucherBalance(lines);
  const all = [...(periodCheck.ok ? [] : periodCheck.failures), ...(balance.ok ? [] : balance.failures)];
  if (all.length > 0 || !balance.ok) return { ok: false, failures: all };
  const { lines: _wire, ...header } = doc;
  return ok({
    ...(header as Omit<VoucherValue, 'lines' | 'totalMinor'>),
    lines,
    totalMinor: balance.value.totalMinor,
  });
}

function checkPeriod(date: string, period: string): Result<true> {
  const [year, month] = [date.slice(0, 4), date.slice(5, 7)];
  const [pYear, pNumber] = [period.slice(0, 4), Number(period.slice(5))];
  const matches = pYear === year && (pNumber > 12 ? month === '12' : pNumber === Number(month));
  return matches ? ok(true) : fail('period_mismatch', '/period', { period, date });
}

/** Parses or throws the refusal (for API and CLI use). */
export function voucherOrThrow(input: unknown): VoucherValue {
  const result = parseVoucher(input);
  if (!result.ok) throw refusal(result.failures);
  return result.value;
}
