import fc from 'fast-check';
import { refName, resolve, type ApiDocument, type JsonSchema } from './openapi.ts';
import type { Rng } from './rng.ts';

/**
 * Valid values from the JSON Schemas of the OpenAPI document. Leaves (strings, numbers) are drawn from
 * fast-check arbitraries built from the schema (`fc.stringMatching` for patterns); objects and arrays
 * are walked here so that hints can step in at any depth: a property named `departmentCode` gets a
 * department code that exists, a `$ref` to `ExpenseClaimInput` gets a real claim now and then. That
 * is what carries a request past schema validation into the domain rules.
 */
export interface Hint {
  /** Candidates for the value at this place, or undefined to generate from the schema. */
  (place: Place): readonly unknown[] | undefined;
}

export interface Place {
  /** The property name the value sits under (the parent's for array items). */
  readonly name: string | undefined;
  readonly schema: JsonSchema;
  /** The operation key (`POST /api/v1/vouchers`) and JSON pointer inside the body. */
  readonly operation: string;
  readonly pointer: string;
}

const MAX_DEPTH = 8;

export class ValueGenerator {
  private readonly doc: ApiDocument;
  private readonly rng: Rng;
  private readonly hint: Hint;
  private readonly leaves = new WeakMap<JsonSchema, fc.Arbitrary<unknown>>();

  constructor(doc: ApiDocument, rng: Rng, hint: Hint) {
    this.doc = doc;
    this.rng = rng;
    this.hint = hint;
  }

  /** A value the schema accepts (as far as the generator knows; hints may make it realistic). */
  valid(schema: JsonSchema, operation: string, pointer = '', name?: string, depth = 0): unknown {
    const candidates = this.hint({ name, schema, operation, pointer });
    if (candidates !== undefined && candidates.length > 0 && this.rng.chance(0.9))
      return structuredClone(this.rng.pick(candidates));
    const resolved = resolve(this.doc, schema);
    if ('const' in resolved) return resolved['const'];
    if (Array.isArray(resolved['enum'])) return this.rng.pick(resolved['enum'] as unknown[]);
    const branches = (resolved['anyOf'] ?? resolved['oneOf']) as JsonSchema[] | undefined;
    if (Array.isArray(branches))
      return this.valid(this.pickBranch(branches, depth), operation, pointer, name, depth);
    if (Array.isArray(resolved['allOf']))
      return this.valid(mergeAllOf(this.doc, resolved), operation, pointer, name, depth);
    switch (typeOf(resolved)) {
      case 'object':
        return this.object(resolved, operation, pointer, depth);
      case 'array':
        return this.array(resolved, operation, pointer, name, depth);
      case 'null':
        return null;
      default:
        return this.draw(this.leaf(resolved));
    }
  }

  /** One draw from a fast-check arbitrary, seeded from the fuzzer's generator. */
  draw<T>(arbitrary: fc.Arbitrary<T>): T {
    const [value] = fc.sample(arbitrary, { seed: this.rng.seed(), numRuns: 1 });
    return value as T;
  }

  private pickBranch(branches: readonly JsonSchema[], depth: number): JsonSchema {
    const nonNull = branches.filter((b) => resolve(this.doc, b)['type'] !== 'null');
    const pool = nonNull.length > 0 && (depth > 2 || this.rng.chance(0.9)) ? nonNull : branches;
    return this.rng.pick(pool);
  }

  private object(
    schema: JsonSchema,
    operation: string,
    pointer: string,
    depth: number,
  ): Record<string, unknown> {
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema['required'] ?? []) as string[]);
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(properties)) {
      if (!required.has(key) && (depth >= MAX_DEPTH || this.rng.chance(0.5))) continue;
      out[key] = this.valid(sub, operation, `${pointer}/${key}`, key, depth + 1);
    }
    return out;
  }

  private array(
    schema: JsonSchema,
    operation: string,
    pointer: string,
    name: string | undefined,
    depth: number,
  ): unknown[] {
    const items = (schema['items'] ?? {}) as JsonSchema;
    const min = num(schema['minItems'], 0);
    const max = Math.min(num(schema['maxItems'], min + 3), min + 3);
    const length = depth >= MAX_DEPTH ? min : this.rng.between(min, max);
    const out: unknown[] = [];
    for (let i = 0; i < length; i++)
      out.push(this.valid(items, operation, `${pointer}/${i}`, name, depth + 1));
    return schema['uniqueItems'] === true ? uniqueByJson(out) : out;
  }

  private leaf(schema: JsonSchema): fc.Arbitrary<unknown> {
    let arbitrary = this.leaves.get(schema);
    if (arbitrary === undefined) {
      arbitrary = leafArbitrary(schema);
      this.leaves.set(schema, arbitrary);
    }
    return arbitrary;
  }
}

/** The arbitrary for a string, number, integer or boolean schema. */
export function leafArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (typeOf(schema)) {
    case 'integer':
      return fc.integer({
        min: Math.max(num(schema['minimum'], -1000), -1_000_000),
        max: Math.min(num(schema['maximum'], 1000), 1_000_000),
      });
    case 'number':
      return fc.double({
        min: num(schema['minimum'], -1000),
        max: num(schema['maximum'], 1000),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = num(schema['minLength'], 0);
  const maxLength = Math.min(num(schema['maxLength'], 30), Math.max(minLength, 30));
  const fits = (s: string) => s.length >= minLength && s.length <= num(schema['maxLength'], Infinity);
  switch (schema['format']) {
    case 'date':
      return calendarDate;
    case 'date-time':
      return calendarDate.map((d) => `${d}T08:00:00.000Z`);
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.stringMatching(/^[a-z]{1,10}@example\.com$/);
    case 'uri':
      return fc.constant('http://127.0.0.1:9/');
    default:
      break;
  }
  if (typeof schema['pattern'] === 'string') {
    if (isMoneyPattern(schema['pattern'])) return money;
    return fc.stringMatching(new RegExp(schema['pattern'])).filter(fits);
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme-composite' }).filter(fits);
}

/** Dates within a year of the test clock (2026-11-28), always real calendar dates. */
const calendarDate = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Amounts a person would claim: positive, two decimals, mostly small. */
const money = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 99 }))
  .map(([yuan, fen]) => `${yuan}.${String(fen).padStart(2, '0')}`);

export const isMoneyPattern = (pattern: string): boolean => pattern.includes('[0-9]{1,19}');

export function typeOf(schema: JsonSchema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  if (schema['properties'] !== undefined) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return undefined;
}

export function mergeAllOf(doc: ApiDocument, schema: JsonSchema): JsonSchema {
  const parts = (schema['allOf'] as JsonSchema[]).map((s) => resolve(doc, s));
  const properties = Object.assign({}, ...parts.map((p) => p['properties'] ?? {})) as Record<string, unknown>;
  const required = parts.flatMap((p) => (p['required'] ?? []) as string[]);
  const { allOf: _allOf, ...rest } = schema;
  return { ...rest, type: 'object', properties, required };
}

/**
 * Shapes a stored record (say, a department read back from the API) to what an input schema
 * accepts: drops read-only and unknown fields, recurses into objects and arrays. Returns undefined
 * when the record does not fit at all.
 */
export function conform(doc: ApiDocument, value: unknown, schema: JsonSchema): unknown {
  const resolved = resolve(doc, schema);
  const branches = (resolved['anyOf'] ?? resolved['oneOf']) as JsonSchema[] | undefined;
  if (Array.isArray(branches)) {
    for (const branch of branches) {
      const shaped = conform(doc, value, branch);
      if (shaped !== undefined) return shaped;
    }
    return undefined;
  }
  if (Array.isArray(resolved['enum']))
    return (resolved['enum'] as unknown[]).includes(value) ? value : undefined;
  if ('const' in resolved) return resolved['const'] === value ? value : undefined;
  const type = typeOf(resolved);
  if (type === 'object') return conformObject(doc, value, resolved);
  if (type === 'array') {
    if (!Array.isArray(value)) return undefined;
    const items = (resolved['items'] ?? {}) as JsonSchema;
    const shaped = value.map((v) => conform(doc, v, items));
    return shaped.every((v) => v !== undefined) ? shaped : undefined;
  }
  if (type === undefined) return value;
  if (type === 'null') return value === null ? null : undefined;
  if (type === 'integer') return Number.isInteger(value) ? value : undefined;
  return typeof value === type ? value : undefined;
}

function conformObject(doc: ApiDocument, value: unknown, schema: JsonSchema): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const closed = schema['additionalProperties'] === false || Object.keys(properties).length > 0;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const sub = properties[key];
    if (sub === undefined) {
      if (!closed) out[key] = v;
      continue;
    }
    const shaped = conform(doc, v, sub);
    if (shaped !== undefined) out[key] = shaped;
  }
  const required = (schema['required'] ?? []) as string[];
  return required.every((key) => key in out) ? out : undefined;
}

/** Whether the schema (after `$ref`) is one of `components.schemas`, and which. */
export const componentOf = (schema: JsonSchema): string | undefined => refName(schema);

const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

function uniqueByJson(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
