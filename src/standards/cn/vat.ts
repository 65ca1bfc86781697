import { divideHalfUp, multiplyDecimals, pow10, roundDecimal, type Decimal } from '../../model/decimal.ts';

/**
 * Per-line VAT arithmetic on Chinese invoices, in integer fen with half-up rounding (ties away from zero,
 * so red-letter lines mirror blue ones). Invoice tax is the sum of line taxes, never total × rate.
 */
export interface LineTax {
  readonly netFen: bigint;
  readonly taxFen: bigint;
  readonly grossFen: bigint;
}

/** 税额 = round2(金额 × 税率) for a price-exclusive line. */
export function taxFromNet(netFen: bigint, rate: Decimal): LineTax {
  const taxFen = divideHalfUp(netFen * rate.units, pow10(rate.scale));
  return { netFen, taxFen, grossFen: netFen + taxFen };
}

/** 金额 = round2(含税额 ÷ (1 + 税率)), 税额 = 含税额 − 金额 for a price-inclusive line. */
export function taxFromGross(grossFen: bigint, rate: Decimal): LineTax {
  const scale = pow10(rate.scale);
  const netFen = divideHalfUp(grossFen * scale, scale + rate.units);
  return { netFen, taxFen: grossFen - netFen, grossFen };
}

/** 金额 = round2(数量 × 单价); the unit price may carry many decimals. */
export function lineAmountFen(quantity: Decimal, unitPrice: Decimal): bigint {
  return roundDecimal(multiplyDecimals(quantity, unitPrice), 2).units;
}

/** The legacy 税控 per-line bound: |金额 × 税率 − 税额| ≤ 0.06 yuan, compared exactly. */
export const LINE_TOLERANCE_FEN = 6n;

export function withinLineTolerance(netFen: bigint, rate: Decimal, taxFen: bigint): boolean {
  // compare |net×rate − tax| ≤ 6 fen without rounding: scale everything by 10^rate.scale
  const scale = pow10(rate.scale);
  const diff = netFen * rate.units - taxFen * scale;
  return (diff < 0n ? -diff : diff) <= LINE_TOLERANCE_FEN * scale;
}

export interface InvoiceTotals {
  readonly lineTaxesFen: readonly bigint[];
  readonly netFen: bigint;
  readonly taxFen: bigint;
  readonly totalFen: bigint;
}

export function invoiceTotals(lines: readonly { netFen: bigint; rate: Decimal }[]): InvoiceTotals {
  const lineTaxesFen = lines.map((l) => taxFromNet(l.netFen, l.rate).taxFen);
  const netFen = lines.reduce((s, l) => s + l.netFen, 0n);
  const taxFen = lineTaxesFen.reduce((s, t) => s + t, 0n);
  return { lineTaxesFen, netFen, taxFen, totalFen: netFen + taxFen };
}
