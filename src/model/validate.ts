import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { TSchema } from 'typebox';
import { AMOUNT_PATTERN } from './common.ts';
import type { Failure } from './result.ts';

/**
 * JSON Schema 2020-12 validation (Ajv) for what arrives over HTTP. Bodies are validated strictly — no
 * type coercion, unknown fields rejected (not stripped) — and every failure is reported, each with a
 * JSON pointer and a stable code. Query strings and path parameters are coerced from text.
 */
function createAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: false,
    coerceTypes: coerce,
    removeAdditional: false,
    useDefaults: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const bodyAjv = createAjv(false);
const textAjv = createAjv(true);

const cache = new Map<Ajv2020, WeakMap<object, ValidateFunction>>([
  [bodyAjv, new WeakMap()],
  [textAjv, new WeakMap()],
]);

export const compileBody = (schema: TSchema): ValidateFunction => compileWith(bodyAjv, schema);
export const compileText = (schema: TSchema): ValidateFunction => compileWith(textAjv, schema);

function compileWith(ajv: Ajv2020, schema: TSchema): ValidateFunction {
  const compiled = cache.get(ajv) ?? new WeakMap<object, ValidateFunction>();
  const cached = compiled.get(schema);
  if (cached !== undefined) return cached;
  const fn = ajv.compile(schema);
  compiled.set(schema, fn);
  return fn;
}

/** Validates a document; returns the failures (empty when valid). */
export function check(schema: TSchema, value: unknown, prefix = ''): Failure[] {
  const validate = compileBody(schema);
  return validate(value) ? [] : toFailures(validate.errors ?? [], prefix);
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function toFailures(errors: readonly ErrorObject[], prefix = ''): Failure[] {
  // anyOf over literals (enumerations) reports every branch; report the field once instead.
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const failures: Failure[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const failure = toFailure(e, unionPaths, prefix);
    if (failure === undefined) continue;
    const key = `${failure.pointer}|${failure.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    failures.push(failure);
  }
  return failures;
}

function toFailure(e: ErrorObject, unionPaths: Set<string>, prefix: string): Failure | undefined {
  const pointer = prefix + e.instancePath;
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  if (e.keyword === 'required') {
    const field = (e.params as { missingProperty: string }).missingProperty;
    return { code: 'missing_field', pointer: `${pointer}/${escapePointer(field)}`, params: { field } };
  }
  if (e.keyword === 'additionalProperties') {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    return { code: 'unknown_field', pointer: `${pointer}/${escapePointer(field)}`, params: { field } };
  }
  if (unionPaths.has(e.instancePath)) {
    if (e.keyword !== 'anyOf') return undefined;
    const branches = (parent?.['anyOf'] as { const?: unknown }[] | undefined) ?? [];
    const options = branches.filter((b) => b.const !== undefined).map((b) => String(b.const));
    const detail =
      options.length === branches.length && options.length > 0
        ? `must be one of ${options.slice(0, 12).join(', ')}${options.length > 12 ? ', …' : ''}`
        : (e.message ?? 'invalid value');
    return { code: 'invalid_field', pointer, params: { detail } };
  }
  if (e.keyword === 'type') {
    if (typeof e.data === 'number' && parent?.['pattern'] === AMOUNT_PATTERN) {
      return { code: 'money_not_string', pointer, params: { value: String(e.data) } };
    }
    return { code: 'wrong_type', pointer, params: { expected: (e.params as { type: string }).type } };
  }
  if (e.keyword === 'format' && (e.params as { format: string }).format === 'date') {
    return { code: 'invalid_date', pointer, params: { value: String(e.data) } };
  }
  if (e.keyword === 'pattern' && parent?.['pattern'] === AMOUNT_PATTERN) {
    return { code: 'invalid_money', pointer, params: { value: String(e.data) } };
  }
  return { code: 'invalid_field', pointer, params: { detail: e.message ?? e.keyword } };
}
