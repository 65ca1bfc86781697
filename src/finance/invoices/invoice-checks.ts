import { INVOICE_TYPES, type InvoiceType } from '../../model/enums/invoice-types.ts';
import { taxRatesOn } from '../../model/enums/tax-rates.ts';
import { compareDecimals, decimal, parseDecimal, type Decimal } from '../../model/decimal.ts';
import { parseMoney, yuanOf } from '../../model/money.ts';
import type { Failure } from '../../model/result.ts';
import { ENTITIES } from '../../model/schemas.ts';
import { check } from '../../model/validate.ts';
import { invoiceTypeFromCode, parseFullyDigitalNumber } from '../../standards/cn/invoice-code.ts';
import { lineAmountFen, withinLineTolerance } from '../../standards/cn/vat.ts';
import { describeUsccProblem, validateUscc } from '../../standards/cn/uscc.ts';
import type { Warning } from '../expenses/risk.ts';

/**
 * Checks of an invoice before it is registered (cn-finance-standards §3): the buyer is this company,
 * the seller's credit code is valid, the type agrees with the code or number, every rate was legal on
 * the issue date, and the arithmetic holds per line and in total (tax total = Σ line taxes).
 * Failures refuse the invoice; warnings are kept on it as risk tags.
 */
export interface InvoiceInput {
  readonly type: InvoiceType;
  readonly code?: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly buyerName: string;
  readonly buyerTaxId?: string;
  readonly sellerName: string;
  readonly sellerTaxId?: string;
  readonly lines?: readonly InvoiceLineInput[];
  readonly amount: string;
  readonly tax: string;
  readonly total: string;
  readonly currency: string;
  readonly passenger?: {
    readonly name: string;
    readonly transport: 'air' | 'rail' | 'road' | 'water';
    readonly fuelSurcharge?: string;
    readonly civilAviationFund?: string;
    readonly domestic?: boolean;
    readonly travelEndOn?: string;
  };
  readonly [extra: string]: unknown;
}

interface InvoiceLineInput {
  readonly itemName: string;
  readonly quantity?: string;
  readonly unitPrice?: string;
  readonly amount: string;
  readonly taxRate: string;
  readonly tax: string;
}

export interface CheckedInvoice {
  readonly input: InvoiceInput;
  readonly identityKey: string;
  readonly amountMinor: bigint;
  readonly taxMinor: bigint;
  readonly totalMinor: bigint;
  readonly warnings: readonly Warning[];
}

export interface Buyer {
  readonly name: string;
  readonly taxId: string;
}

export const invoiceTypeOf = (type: InvoiceType) => {
  const found = INVOICE_TYPES.find((t) => t.code === type);
  if (found === undefined) throw new RangeError(`unknown invoice type ${type}`);
  return found;
};

/**
 * The de-duplication key: the 20-digit number of a fully-digital invoice, code + number of a legacy
 * one, and type + number for tickets that carry only a number.
 */
export function identityKey(type: InvoiceType, code: string | undefined, number: string): string {
  const identity = invoiceTypeOf(type).identity;
  if (identity === 'number20') return `N:${number}`;
  if (identity === 'code+number') return `C:${code ?? ''}:${number}`;
  return `T:${type}:${number}`;
}

/** Readable identity for messages: "数电 26537912570200055449" or "031001900111/12345678". */
export const displayIdentity = (key: string): string => {
  const [kind, a, b] = key.split(':');
  if (kind === 'N') return a ?? key;
  if (kind === 'C') return `${a ?? ''}/${b ?? ''}`;
  return `${a ?? ''} ${b ?? ''}`;
};

// Company names are compared ignoring spaces and full-/half-width brackets, which invoices mix freely.
const normalName = (name: string) => name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

const VAT_IDENTITIES = new Set(['code+number', 'number20']);

export function checkInvoice(
  raw: unknown,
  buyer: Buyer,
): { ok: true; value: CheckedInvoice } | { ok: false; failures: Failure[] } {
  const schemaFailures = check(ENTITIES.Invoice.input, raw);
  if (schemaFailures.length > 0) return { ok: false, failures: schemaFailures };
  const input = raw as InvoiceInput;
  const failures: Failure[] = [];
  const warnings: Warning[] = [];
  const type = invoiceTypeOf(input.type);
  const money = (value: string, pointer: string): bigint => {
    const parsed = parseMoney(value, input.currency, pointer);
    if (!parsed.ok) {
      failures.push(...parsed.failures);
      return 0n;
    }
    return parsed.value.minor;
  };

  // identity and type
  if (type.identity === 'number20') {
    if (!/^\d{20}$/.test(input.number))
      failures.push({ code: 'invalid_invoice_number', pointer: '/number', params: { number: input.number } });
    if (input.code !== undefined)
      failures.push({
        code: 'invoice_type_mismatch',
        pointer: '/code',
        params: { type: type.zh, basis: '发票代码 / invoice code', expected: '无代码 / no code' },
      });
    const parsed = parseFullyDigitalNumber(input.number);
    if (parsed !== null && String(parsed.year) !== input.issuedOn.slice(0, 4))
      warnings.push({
        rule: 'invoice_number_year',
        pointer: '/number',
        zh: `数电票号码的年份 ${parsed.year} 与开票日期 ${input.issuedOn} 不一致`,
        en: `The number's year ${parsed.year} differs from the issue date ${input.issuedOn}`,
      });
  } else if (type.identity === 'code+number') {
    if (input.code === undefined)
      failures.push({ code: 'missing_field', pointer: '/code', params: { field: 'code' } });
    else if (type.platformType !== null) {
      const fromCode = invoiceTypeFromCode(input.code);
      if (fromCode !== type.platformType)
        failures.push({
          code: 'invoice_type_mismatch',
          pointer: '/type',
          params: {
            type: input.type,
            basis: `发票代码 ${input.code} / invoice code ${input.code}`,
            expected: INVOICE_TYPES.find((t) => t.platformType === fromCode)?.code ?? fromCode,
          },
        });
    }
    if (!/^\d{8}$/.test(input.number))
      failures.push({ code: 'invalid_invoice_number', pointer: '/number', params: { number: input.number } });
  }

  // parties: a VAT invoice must be made out to this company; tickets name a traveller instead
  if (VAT_IDENTITIES.has(type.identity) && input.type !== 'quota_invoice') {
    if (input.buyerTaxId === undefined) {
      failures.push({ code: 'missing_field', pointer: '/buyerTaxId', params: { field: 'buyerTaxId' } });
    } else if (input.buyerTaxId !== buyer.taxId || normalName(input.buyerName) !== normalName(buyer.name)) {
      failures.push({
        code: 'invoice_wrong_buyer',
        pointer: input.buyerTaxId === buyer.taxId ? '/buyerName' : '/buyerTaxId',
        params: {
          buyer: input.buyerName,
          buyerTaxId: input.buyerTaxId,
          company: buyer.name,
          companyTaxId: buyer.taxId,
        },
      });
    }
  }
  if (input.sellerTaxId !== undefined) {
    const result = validateUscc(input.sellerTaxId);
    if (!result.valid && result.problem !== undefined)
      failures.push({
        code: 'invalid_uscc',
        pointer: '/sellerTaxId',
        params: {
          reason: describeUsccProblem(result.problem, 'zh-CN'),
          reasonEn: describeUsccProblem(result.problem, 'en-US'),
        },
      });
  }

  // arithmetic: per line, Σ lines = header, net + tax = total
  const amountMinor = money(input.amount, '/amount');
  const taxMinor = money(input.tax, '/tax');
  const totalMinor = money(input.total, '/total');
  const legalRates = taxRatesOn(input.issuedOn);
  const isLegal = (rate: Decimal) =>
    legalRates.some((r) => r.kind !== 'exempt' && compareDecimals(decimal(r.rate), rate) === 0);
  let lineNet = 0n;
  let lineTax = 0n;
  (input.lines ?? []).forEach((line, i) => {
    const at = `/lines/${i}`;
    const net = money(line.amount, `${at}/amount`);
    const tax = money(line.tax, `${at}/tax`);
    lineNet += net;
    lineTax += tax;
    if (line.quantity !== undefined && line.unitPrice !== undefined) {
      const q = parseDecimal(line.quantity);
      const p = parseDecimal(line.unitPrice);
      if (q.ok && p.ok) {
        const expected = lineAmountFen(q.value, p.value);
        if (expected - net > 1n || net - expected > 1n)
          failures.push({
            code: 'invoice_arithmetic',
            pointer: `${at}/amount`,
            params: {
              what: `第 ${i + 1} 行 数量×单价 / line ${i + 1} quantity × price`,
              expected: yuanOf(expected),
              actual: line.amount,
            },
          });
      }
    }
    if (line.taxRate === 'exempt') {
      if (tax !== 0n)
        failures.push({
          code: 'invoice_arithmetic',
          pointer: `${at}/tax`,
          params: {
            what: `第 ${i + 1} 行免税税额 / line ${i + 1} exempt tax`,
            expected: '0.00',
            actual: line.tax,
          },
        });
      return;
    }
    const rate = parseDecimal(line.taxRate);
    if (!rate.ok) return;
    if (!isLegal(rate.value))
      failures.push({
        code: 'tax_rate_not_in_force',
        pointer: `${at}/taxRate`,
        params: { rate: line.taxRate, date: input.issuedOn },
      });
    else if (!withinLineTolerance(net, rate.value, tax))
      failures.push({
        code: 'invoice_arithmetic',
        pointer: `${at}/tax`,
        params: {
          what: `第 ${i + 1} 行 金额×税率（容差 0.06）/ line ${i + 1} amount × rate (tolerance 0.06)`,
          expected: yuanOf((net * rate.value.units) / 10n ** BigInt(rate.value.scale)),
          actual: line.tax,
        },
      });
  });
  if ((input.lines?.length ?? 0) > 0 && failures.length === 0) {
    for (const [name, sum, face] of [
      ['amount', lineNet, amountMinor],
      ['tax', lineTax, taxMinor],
    ] as const) {
      const diff = sum - face;
      if (diff === 0n) continue;
      if (diff === 1n || diff === -1n)
        warnings.push({
          rule: 'invoice_penny_difference',
          pointer: `/${name}`,
          zh: `明细合计 ${yuanOf(sum)} 与票面 ${yuanOf(face)} 相差 0.01`,
          en: `Lines add up to ${yuanOf(sum)}, the face shows ${yuanOf(face)} (0.01 apart)`,
        });
      else
        failures.push({
          code: 'invoice_arithmetic',
          pointer: `/${name}`,
          params: { what: `明细合计 / sum of lines (${name})`, expected: yuanOf(sum), actual: yuanOf(face) },
        });
    }
  }
  if (amountMinor + taxMinor !== totalMinor && failures.length === 0)
    failures.push({
      code: 'invoice_arithmetic',
      pointer: '/total',
      params: {
        what: '价税合计 = 金额 + 税额 / total = amount + tax',
        expected: yuanOf(amountMinor + taxMinor),
        actual: input.total,
      },
    });
  if (input.currency !== 'CNY')
    failures.push({
      code: 'currency_mismatch',
      pointer: '/currency',
      params: { currency: input.currency, expected: 'CNY' },
    });
  if (failures.length > 0) return { ok: false, failures };
  return {
    ok: true,
    value: {
      input,
      identityKey: identityKey(input.type, input.code, input.number),
      amountMinor,
      taxMinor,
      totalMinor,
      warnings,
    },
  };
}
