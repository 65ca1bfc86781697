import type { CurrencyCode } from './currencies.ts';
import { decimal, divideHalfUp, pow10 } from './decimal.ts';
import { parseMoney } from './money.ts';
import { fail, ok, refusal, type Failure, type Result } from './result.ts';
import { ENTITIES } from './schemas.ts';
import { check } from './validate.ts';

/** Validated supplier bills and payments with amounts in minor units — what connectors map from. */
export interface SupplierBillLineValue {
  readonly description: string;
  readonly categoryCode: string;
  readonly taxRate: string;
  readonly grossMinor: bigint;
  readonly netMinor: bigint;
  readonly taxMinor: bigint;
  readonly departmentCode?: string;
  readonly projectCode?: string;
}

export interface SupplierBillValue {
  readonly number?: string;
  readonly supplierCode: string;
  readonly date: string;
  readonly dueDate?: string;
  readonly currency: CurrencyCode;
  readonly memo?: string;
  readonly lines: readonly SupplierBillLineValue[];
  readonly totalMinor: bigint;
  readonly taxMinor: bigint;
}

export interface PaymentValue {
  readonly number?: string;
  readonly payeeKind: 'employee' | 'supplier' | 'customer';
  readonly payeeCode: string;
  readonly amountMinor: bigint;
  readonly currency: CurrencyCode;
  readonly paidOn: string;
  readonly method: 'bank_transfer' | 'cash' | 'bill' | 'other';
  readonly bankAccountCode?: string;
  readonly payeeBankAccount?: string;
  readonly memo?: string;
}

type BillWire = Omit<SupplierBillValue, 'lines' | 'totalMinor' | 'taxMinor'> & {
  lines: { description: string; categoryCode: string; amount: string; taxRate: string }[];
};

/** 金额 = round2(含税额 ÷ (1 + 税率)), 税额 = 含税额 − 金额, per line (half-up). */
function splitGross(grossMinor: bigint, rate: string): { netMinor: bigint; taxMinor: bigint } {
  const r = decimal(rate);
  const scale = pow10(r.scale);
  const netMinor = divideHalfUp(grossMinor * scale, scale + r.units);
  return { netMinor, taxMinor: grossMinor - netMinor };
}

export function parseSupplierBill(input: unknown): Result<SupplierBillValue> {
  const schemaFailures = check(ENTITIES.SupplierBill.input, input);
  if (schemaFailures.length > 0) return { ok: false, failures: schemaFailures };
  const doc = input as BillWire;
  const failures: Failure[] = [];
  const lines: SupplierBillLineValue[] = [];
  doc.lines.forEach((line, i) => {
    const gross = parseMoney(line.amount, doc.currency, `/lines/${i}/amount`);
    if (!gross.ok) {
      failures.push(...gross.failures);
      return;
    }
    if (gross.value.minor <= 0n) {
      failures.push(...fail('amount_not_positive', `/lines/${i}/amount`, { value: line.amount }).failures);
      return;
    }
    const rate = decimal(line.taxRate);
    if (rate.units < 0n || rate.units >= pow10(rate.scale)) {
      failures.push(
        ...fail('tax_rate_out_of_range', `/lines/${i}/taxRate`, { value: line.taxRate }).failures,
      );
      return;
    }
    lines.push({ ...line, grossMinor: gross.value.minor, ...splitGross(gross.value.minor, line.taxRate) });
  });
  if (failures.length > 0) return { ok: false, failures };
  if (doc.dueDate !== undefined && doc.dueDate < doc.date)
    return fail('date_range_invalid', '/dueDate', { start: doc.date, end: doc.dueDate });
  return ok({
    ...doc,
    lines,
    totalMinor: lines.reduce((s, l) => s + l.grossMinor, 0n),
    taxMinor: lines.reduce((s, l) => s + l.taxMinor, 0n),
  });
}

export function parsePayment(input: unknown): Result<PaymentValue> {
  const schemaFailures = check(ENTITIES.Payment.input, input);
  if (schemaFailures.length > 0) return { ok: false, failures: schemaFailures };
  const { amount, ...doc } = input as Omit<PaymentValue, 'amountMinor' | 'currency'> & {
    amount: { amount: string; currency: CurrencyCode };
  };
  const parsed = parseMoney(amount.amount, amount.currency, '/amount/amount');
  if (!parsed.ok) return parsed;
  if (parsed.value.minor <= 0n)
    return fail('amount_not_positive', '/amount/amount', { value: amount.amount });
  return ok({ ...doc, amountMinor: parsed.value.minor, currency: amount.currency });
}

export const orThrow = <T>(result: Result<T>): T => {
  if (!result.ok) throw refusal(result.failures);
  return result.value;
};
