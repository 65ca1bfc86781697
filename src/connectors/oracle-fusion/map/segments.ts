import type { VoucherLineValue } from '../../../model/voucher.ts';
import { mapDimension, mapValue, mapVoucherLine, type Explanation, type ValueMaps } from '../../contract.ts';
import type { SegmentSpec } from './profile.ts';

/**
 * Account combinations: the chart of accounts' segments in the profile's order, filled from a line's
 * mapped account, its dimensions (each through its value map) and fixed values. GL_INTERFACE takes
 * them as SEGMENT1…SEGMENTn; an invoice line as one concatenated DistributionCombination.
 */

/** SEGMENTk (1-based) of the spec that takes a dimension, if any. */
function slotOfDimension(specs: readonly SegmentSpec[], dimension: string): string | undefined {
  const index = specs.findIndex((s) => 'dimension' in s && s.dimension === dimension);
  return index < 0 ? undefined : `SEGMENT${index + 1}`;
}

/** The segment values of a voucher line, each mapped value explained (fields under `at`). */
export function voucherLineSegments(
  line: VoucherLineValue,
  index: number,
  maps: ValueMaps,
  specs: readonly SegmentSpec[],
  at: string,
  explain: Explanation[],
): string[] {
  const accountSlot = specs.findIndex((s) => 'account' in s);
  const { account, dimensions } = mapVoucherLine(
    line,
    index,
    maps,
    {
      account: `${at}.SEGMENT${accountSlot + 1}`,
      slotOf: (dimension) => slotOfDimension(specs, dimension),
      dimensionField: (slot) => `${at}.${slot}`,
    },
    explain,
  );
  return specs.map((spec, i) => {
    if ('fixed' in spec) return spec.fixed;
    if ('account' in spec) return account;
    return dimensions.find((d) => d.slot === `SEGMENT${i + 1}`)?.code ?? spec.default;
  });
}

/** A bill line's account and dimensions before they are placed in segments. */
export interface BillLineAccount {
  /** JSON pointer of the line in the canonical bill. */
  readonly source: string;
  readonly categoryCode: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

/**
 * The DistributionCombination of a bill line: its expense category's account (valueMaps.expenseCategories)
 * and its dimensions, joined with the separator, each mapped value explained against `field`.
 */
export function billLineCombination(
  line: BillLineAccount,
  maps: ValueMaps,
  specs: readonly SegmentSpec[],
  separator: string,
  field: string,
  explain: Explanation[],
): string {
  const account = mapValue(maps, 'expenseCategories', line.categoryCode);
  explain.push({
    source: `${line.source}/categoryCode`,
    field,
    from: line.categoryCode,
    to: account.to,
    rule: account.rule,
    object: 'accounts',
  });
  return specs
    .map((spec) => {
      if ('fixed' in spec) return spec.fixed;
      if ('account' in spec) return account.to;
      const code = line.dimensions[spec.dimension];
      if (code === undefined) return spec.default;
      const mapped = mapDimension(maps, spec.dimension, code);
      explain.push({
        source: `${line.source}/${spec.dimension}Code`,
        field,
        from: code,
        to: mapped.to,
        rule: mapped.rule,
        ...(mapped.object === undefined ? {} : { object: mapped.object }),
      });
      return mapped.to;
    })
    .join(separator);
}
