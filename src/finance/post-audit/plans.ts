import { Type, type Static } from 'typebox';
import { Amount } from '../../model/common.ts';
import { parseMoney } from '../../model/money.ts';
import type { Failure } from '../../model/result.ts';

/**
 * A sampling plan (抽样方案) is data: which posted claims of a date range to pick for post-hoc audit,
 * and why. Every selector present picks its claims; the sample is their union, each claim with every
 * reason that picked it (docs/post-audit.md).
 */
export const PlanBody = Type.Object(
  {
    random: Type.Optional(
      Type.Object(
        {
          count: Type.Integer({ minimum: 1, maximum: 10000, description: 'How many claims to draw.' }),
          seed: Type.String({
            minLength: 1,
            maxLength: 100,
            description: 'The same seed over the same claims draws the same sample (a run can be repeated).',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    risk: Type.Optional(
      Type.Object(
        {
          minScore: Type.Optional(
            Type.Integer({ minimum: 0, maximum: 100, description: 'Pick claims scoring at least this.' }),
          ),
          top: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 10000, description: 'Pick the N highest-scoring claims.' }),
          ),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
    ),
    amountBands: Type.Optional(
      Type.Array(
        Type.Object(
          {
            min: Type.Optional(Type.String({ ...Amount, description: 'From this total (inclusive).' })),
            max: Type.Optional(Type.String({ ...Amount, description: 'Below this total (exclusive).' })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        { minItems: 1, maxItems: 20 },
      ),
    ),
    weekendHoliday: Type.Optional(
      Type.Boolean({ description: 'Pick claims with a line dated on a weekend or a CN public holiday.' }),
    ),
    splitClaims: Type.Optional(
      Type.Object(
        {
          windowDays: Type.Integer({ minimum: 1, maximum: 90 }),
          threshold: Type.String({
            ...Amount,
            description: 'The approval threshold each claim stays at or under while together they exceed it.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    repeatMerchants: Type.Optional(
      Type.Object(
        {
          minClaims: Type.Integer({
            minimum: 2,
            maximum: 1000,
            description: 'Pick an employee’s claims when one seller appears on at least this many of them.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PlanBody = Static<typeof PlanBody>;

const SELECTORS = [
  'random',
  'risk',
  'amountBands',
  'weekendHoliday',
  'splitClaims',
  'repeatMerchants',
] as const;

/** What the schema cannot say: a plan selects something, a band is not empty, a risk rule has a bound. */
export function planFailures(body: PlanBody, prefix = '/body'): Failure[] {
  const failures: Failure[] = [];
  const invalid = (pointer: string, detail: string) =>
    failures.push({ code: 'invalid_field', pointer: `${prefix}${pointer}`, params: { detail } });
  if (!SELECTORS.some((k) => body[k] !== undefined && body[k] !== false))
    invalid('', `a plan needs at least one of ${SELECTORS.join(', ')}`);
  if (body.risk !== undefined && body.risk.minScore === undefined && body.risk.top === undefined)
    invalid('/risk', 'risk needs minScore, top or both');
  // amounts are in the company's CNY: exactly its two decimals at most (money.ts says what is wrong)
  const amount = (value: string | undefined, pointer: string) => {
    if (value === undefined) return undefined;
    const parsed = parseMoney(value, 'CNY', `${prefix}${pointer}`);
    if (!parsed.ok) failures.push(...parsed.failures);
    return parsed;
  };
  if (body.splitClaims !== undefined) amount(body.splitClaims.threshold, '/splitClaims/threshold');
  body.amountBands?.forEach((band, i) => {
    if (band.min === undefined && band.max === undefined)
      invalid(`/amountBands/${i}`, 'a band needs min, max or both');
    const min = amount(band.min, `/amountBands/${i}/min`);
    const max = amount(band.max, `/amountBands/${i}/max`);
    if (min?.ok === true && max?.ok === true && max.value.minor <= min.value.minor)
      invalid(`/amountBands/${i}/max`, 'max must be above min');
  });
  return failures;
}
