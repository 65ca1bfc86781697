import { REFUSALS, type B1Refusal } from './answers.ts';
import type { B1Book } from './book.ts';
import { NumberText } from './exact-json.ts';

/** Checks every simulated write shares: unknown properties, dates, lengths, cost-accounting codes. */
export type Json = Readonly<Record<string, unknown>>;

export const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof NumberText);

/** A body value as text (strings trimmed; numbers by their source). */
export const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : value instanceof NumberText ? value.text : '';

/** The first property of a body B1's entity type does not have → 400 -1000 (§2.2: the whole write fails). */
export function unknownProperty(
  body: Json,
  allowed: ReadonlySet<string>,
  type: string,
): B1Refusal | undefined {
  const extra = Object.keys(body).find((key) => !allowed.has(key) && !key.startsWith('U_'));
  return extra === undefined ? undefined : REFUSALS.unknownProperty(extra, type);
}

/** A date property: `YYYY-MM-DD` (a time part is ignored), or `fallback` when absent. */
export function dateOf(body: Json, property: string, type: string, fallback: string): string | B1Refusal {
  const value = body[property];
  if (value === undefined || value === null || value === '') return fallback;
  const t = text(value);
  return /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/.test(t) && !Number.isNaN(Date.parse(t.slice(0, 10)))
    ? t.slice(0, 10)
    : REFUSALS.badDate(property, type);
}

/** The first text longer than its column → `Value too long in property …` (-8112). */
export function tooLong(
  values: readonly (readonly [property: string, value: string, max: number])[],
  type: string,
): B1Refusal | undefined {
  const over = values.find(([, value, max]) => [...value].length > max);
  return over === undefined ? undefined : REFUSALS.tooLong(over[0], type);
}

const DIMENSIONS = ['CostingCode', 'CostingCode2', 'CostingCode3', 'CostingCode4', 'CostingCode5'] as const;

/**
 * A line's cost-accounting codes and project: `CostingCode` must be a profit centre of dimension 1
 * (the departments); dimensions 2–5 and projects are not seeded, so any code is taken.
 */
export function dimensionsOf(
  book: B1Book,
  line: Json,
  collection: string,
  lineNo: number,
): Record<string, string> | B1Refusal {
  const dimensions: Record<string, string> = {};
  for (const [i, property] of DIMENSIONS.entries()) {
    const code = text(line[property]);
    if (code === '') continue;
    if (i === 0 && book.profitCenters.get(code)?.dimension !== 1)
      return REFUSALS.invalidCostCenter(collection, property, lineNo, code);
    dimensions[property] = code;
  }
  const project = text(line['ProjectCode']);
  if (project !== '') dimensions['ProjectCode'] = project;
  return dimensions;
}

/** The lines of a collection property, or a refusal when there are none. */
export function linesOf(body: Json, collection: string): Json[] | B1Refusal {
  const value = body[collection];
  const lines = Array.isArray(value) ? value.filter(isJson) : [];
  return lines.length === 0 ? REFUSALS.noLines(collection) : lines;
}
