import { resolve, type ApiDocument, type JsonSchema } from './openapi.ts';
import type { Rng } from './rng.ts';

/**
 * One-field-at-a-time mutations of a valid value: wrong types, missing and unknown fields, huge and
 * deeply nested values, invalid dates, money as JSON numbers, unicode edge cases, boundary values,
 * injection strings and another company's ids. Each returns what it did, for the report.
 */
export const UNICODE_EDGES: readonly string[] = [
  '\uD800', // lone high surrogate
  'ab\uDC00cd', // lone low surrogate
  'nul\u0000byte',
  '\u0000',
  '１２３４', // full-width digits
  '１２.３４',
  '١٢٣', // Arabic-Indic digits
  '\u202Eevil\u202C', // right-to-left override
  'zero\u200Bwidth',
  '\uFEFFbom',
  'e\u0301\u0301\u0301', // stacked combining marks
  '👩‍👩‍👧‍👦',
  '𠮷野家',
  'line\u2028sep',
  '\r\n\t',
  'Ⅻ',
  'ǅ',
  ' ',
];

export const INJECTIONS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE suppliers; --",
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '$where',
  'null',
  'undefined',
  'constructor',
  '__proto__',
];

export const INVALID_DATES: readonly string[] = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '2026-1-1',
  '2026/11/28',
  '２０２６-１１-２８',
  '2026-11-28T08:00:00Z',
  '99999-01-01',
  '-2026-11-28',
  '1900-02-29',
  '2026-11-31',
  '20261128',
  '',
];

export const BAD_MONEY: readonly unknown[] = [
  12.34,
  0.1,
  1e21,
  -1,
  0,
  '12.345',
  '-1',
  '-0.01',
  '0',
  '0.00',
  '1e3',
  '１２.３４',
  ' 12.34',
  '12,34',
  '9'.repeat(20),
  '99999999999999999.99',
  '.5',
  '5.',
  'NaN',
  'Infinity',
  '0x10',
  '+12.34',
  { amount: '12.34', currency: 'CNY' },
  { amount: 12.34, currency: 'CNY' },
];

const WRONG_TYPES: readonly unknown[] = [123, -1, 12.5, true, false, null, [], {}, 'str', [1, 'a'], { a: 1 }];

const UNKNOWN_KEYS: readonly string[] = [
  'unexpected',
  '__proto__',
  'constructor',
  'id',
  'tenantId',
  'version',
  'createdAt',
  '',
];

/** Deep nesting is spliced into the serialised JSON in place of this marker (see `serialise`). */
const DEEP = '__fuzz_deep_';

export interface Mutation {
  readonly value: unknown;
  readonly what: string;
}

export interface MutationContext {
  readonly doc: ApiDocument;
  readonly rng: Rng;
  /** Ids and codes of the other company, to reference across tenants. */
  readonly otherIds: readonly string[];
  readonly otherCodes: readonly string[];
}

type Path = readonly (string | number)[];

/** Mutates one place (a field, an array item, or the whole value) of a valid body. */
export function mutateValue(ctx: MutationContext, value: unknown, schema: JsonSchema): Mutation {
  const places = placesOf(value);
  const path = ctx.rng.pick(places);
  const current = getAt(value, path);
  const at = `/${path.join('/')}`;
  const kind = ctx.rng.pick(KINDS);
  if (kind === 'remove' && path.length > 0) return { value: removeAt(value, path), what: `remove ${at}` };
  if (kind === 'unknown-field') {
    const target = isPlainObject(current) ? path : path.slice(0, -1);
    const key = ctx.rng.pick(UNKNOWN_KEYS);
    return {
      value: addKeyAt(value, target, key, ctx.rng.pick(WRONG_TYPES)),
      what: `unknown field "${key}" at /${target.join('/')}`,
    };
  }
  const replacement = replacementFor(ctx, kind, current, schemaAt(ctx.doc, schema, path));
  return { value: setAt(value, path, replacement.value), what: `${replacement.what} at ${at}` };
}

const KINDS = [
  'wrong-type',
  'remove',
  'unknown-field',
  'huge',
  'deep',
  'invalid-date',
  'money',
  'unicode',
  'boundary',
  'injection',
  'other-company',
  'random-id',
  'null',
] as const;
type Kind = (typeof KINDS)[number];

function replacementFor(
  ctx: MutationContext,
  kind: Kind,
  current: unknown,
  schema: JsonSchema | undefined,
): Mutation {
  const { rng } = ctx;
  switch (kind) {
    case 'wrong-type':
    case 'remove':
    case 'unknown-field':
      return { value: rng.pick(WRONG_TYPES.filter((v) => typeof v !== typeof current)), what: 'wrong type' };
    case 'huge':
      return rng.chance(0.5)
        ? { value: 'x'.repeat(rng.pick([201, 5000, 100_000])), what: 'huge string' }
        : {
            value: Array.from({ length: rng.pick([101, 2000, 20_000]) }, () => current ?? 1),
            what: 'huge array',
          };
    case 'deep':
      return { value: `${DEEP}${rng.pick([64, 1000, 20_000])}`, what: 'deeply nested value' };
    case 'invalid-date':
      return { value: rng.pick(INVALID_DATES), what: 'invalid date' };
    case 'money':
      return { value: rng.pick(BAD_MONEY), what: 'bad money' };
    case 'unicode':
      return { value: rng.pick(UNICODE_EDGES), what: 'unicode edge' };
    case 'boundary':
      return boundaryValue(rng, current, schema);
    case 'injection':
      return { value: rng.pick(INJECTIONS), what: 'injection string' };
    case 'other-company': {
      const pool = looksLikeId(current) ? ctx.otherIds : ctx.otherCodes;
      return { value: pool.length > 0 ? rng.pick(pool) : 'OTHER', what: "other company's id" };
    }
    case 'random-id':
      return { value: rng.uuid(), what: 'unknown id' };
    case 'null':
      return { value: null, what: 'null' };
  }
}

/** Just past the schema's limits: one char too long or short, one past the range, a near-enum. */
export function boundaryValue(rng: Rng, current: unknown, schema: JsonSchema | undefined): Mutation {
  const s = schema ?? {};
  const options: Mutation[] = [];
  if (typeof s['maxLength'] === 'number')
    options.push({ value: 'a'.repeat(s['maxLength'] + 1), what: 'maxLength+1' });
  if (typeof s['minLength'] === 'number' && s['minLength'] > 0)
    options.push({ value: 'a'.repeat(s['minLength'] - 1), what: 'minLength-1' });
  if (typeof s['maximum'] === 'number') options.push({ value: s['maximum'] + 1, what: 'maximum+1' });
  if (typeof s['minimum'] === 'number') options.push({ value: s['minimum'] - 1, what: 'minimum-1' });
  if (typeof s['maxItems'] === 'number' && Array.isArray(current))
    options.push({
      value: Array.from({ length: s['maxItems'] + 1 }, () => current[0] ?? 1),
      what: 'maxItems+1',
    });
  if (typeof current === 'string' && current !== '') {
    options.push({
      value: current.toUpperCase() === current ? current.toLowerCase() : current.toUpperCase(),
      what: 'case changed',
    });
    options.push({ value: ` ${current} `, what: 'padded with spaces' });
  }
  options.push(
    { value: 2 ** 53, what: '2^53' },
    { value: -0, what: '-0' },
    { value: 1e308, what: '1e308' },
    { value: '', what: 'empty string' },
  );
  return rng.pick(options);
}

/** The serialised body, with deep-nesting markers expanded. */
export function serialise(value: unknown): string {
  const text = (JSON.stringify(value) as string | undefined) ?? 'null';
  return text.replace(new RegExp(`"${DEEP}(\\d+)"`, 'g'), (_m, depth: string) => {
    const d = Number(depth);
    return d % 2 === 0 ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d);
  });
}

export const looksLikeId = (value: unknown): boolean =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every place in a value: the root, every property, every array item. */
export function placesOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => placesOf(v, [...path, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) placesOf(v, [...path, k], out);
  return out;
}

function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = replacement;
  return copy;
}

function removeAt(value: unknown, path: Path): unknown {
  const copy = structuredClone(value);
  const parent = getAt(copy, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else Reflect.deleteProperty(parent as object, key);
  return copy;
}

function addKeyAt(value: unknown, path: Path, key: string, extra: unknown): unknown {
  const copy = structuredClone(value);
  const target = getAt(copy, path);
  if (!isPlainObject(target)) return copy;
  // defineProperty, so that "__proto__" becomes an own key that JSON.stringify writes out
  Object.defineProperty(target, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** The schema that describes the value at a path (following properties, items and unions). */
export function schemaAt(doc: ApiDocument, schema: JsonSchema, path: Path): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const key of path) {
    if (current === undefined) return undefined;
    current = step(doc, resolve(doc, current), key);
  }
  return current === undefined ? undefined : resolve(doc, current);
}

function step(doc: ApiDocument, schema: JsonSchema, key: string | number): JsonSchema | undefined {
  const branches = (schema['anyOf'] ?? schema['oneOf'] ?? schema['allOf']) as JsonSchema[] | undefined;
  if (Array.isArray(branches)) {
    for (const branch of branches) {
      const found = step(doc, resolve(doc, branch), key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof key === 'number') return schema['items'] as JsonSchema | undefined;
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  return properties?.[key];
}
