import { decimal, divideHalfUp, pow10, type Decimal } from '../../../model/decimal.ts';
import { DEFAULT_S4_SETTINGS } from '../map/profile.ts';

/**
 * The simulated company code's tax calculation procedure: its country, the procedure's name and the
 * input-tax codes defined in it with their rates (table T007A/FTXP on a real tenant). China's
 * procedure is `TAXCN` (SAP Library, "Calculation Procedure" for China). The codes are those a
 * connection with the default mapping profile sends for the input-VAT rates 13/9/6/3/0 %
 * (`DEFAULT_S4_SETTINGS.taxCodes`: J1…J4, J0 — customer configuration, [inferred]), plus `V0` and `V1`,
 * the codes of the wire-format reference's examples (§1.3 `V0`; §1.5 `V1` on 100.00 net giving 119.00
 * gross, so 19 %), kept so that those requests post as written.
 */
export interface TaxProcedure {
  /** Country of the company code, as FF 713 names it. */
  readonly country: string;
  /** Name of the calculation procedure (`TAXCN`). */
  readonly procedure: string;
  /** Tax code → rate as a decimal fraction (`"0.13"`). */
  readonly codes: Readonly<Record<string, string>>;
}

export const DEFAULT_TAX_PROCEDURE: TaxProcedure = {
  country: 'CN',
  procedure: 'TAXCN',
  codes: {
    ...Object.fromEntries(Object.entries(DEFAULT_S4_SETTINGS.taxCodes).map(([rate, code]) => [code, rate])),
    V0: '0',
    V1: '0.19',
  },
};

/** S/4's refusal of a tax code its procedure does not define (message FF 713). */
export const unknownTaxCode = (procedure: TaxProcedure, code: string) => ({
  code: 'FF/713',
  message: `Tax code ${code} country ${procedure.country} does not exist in procedure ${procedure.procedure}`,
});

export const isDefined = (procedure: TaxProcedure, code: string): boolean =>
  Object.hasOwn(procedure.codes, code);

export interface TaxBase {
  readonly taxCode: string;
  /** Signed amount in `scale` digits: debit (S) positive, credit (H) negative. */
  readonly units: bigint;
}

export interface CalculatedTax {
  readonly taxCode: string;
  /** Sum of the items' signed amounts with this tax code, in `scale` digits. */
  readonly base: bigint;
  /** The tax on that sum, rounded half away from zero to `digits` decimals, expressed in `scale` digits. */
  readonly tax: bigint;
}

/**
 * Tax calculated as invoice verification does it with "calculate tax" set: per tax code, on the sum of
 * the items carrying that code, rounded once per code (not per item) to the currency's decimals, half
 * away from zero. Items without a tax code bear no tax. Codes keep the order of their first item.
 * Every code must be defined in the procedure (check with `isDefined` first); `scale` ≥ `digits`.
 */
export function calculateTax(
  procedure: TaxProcedure,
  items: readonly TaxBase[],
  scale: number,
  digits: number,
): CalculatedTax[] {
  if (digits > scale)
    throw new RangeError(`scale ${String(scale)} below the currency's ${String(digits)} digits`);
  const bases = new Map<string, bigint>();
  for (const item of items)
    if (item.taxCode !== '') bases.set(item.taxCode, (bases.get(item.taxCode) ?? 0n) + item.units);
  return [...bases].map(([taxCode, base]) => {
    const rate: Decimal = decimal(procedure.codes[taxCode] ?? '0');
    // base (scale digits) × rate (rate.scale digits) → digits decimals, then back to scale digits
    const rounded = divideHalfUp(base * rate.units, pow10(scale + rate.scale - digits));
    return { taxCode, base, tax: rounded * pow10(scale - digits) };
  });
}
