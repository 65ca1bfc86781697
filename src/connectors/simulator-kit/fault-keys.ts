import type { SimulatorFaults } from '../contract.ts';

/**
 * Fault keys as data: every simulator's faults — the common ones of `SimulatorFaults` and an ERP's own —
 * are declared as a record of keys, each saying which values it takes. One parser checks a
 * `PUT /__sim/faults` body against them, so every simulator refuses an unknown key (listing the known
 * ones) or a bad value (naming the key and what it takes) the same way.
 *
 * ```ts
 * export const S4_FAULT_KEYS = {
 *   soapFaultRate: rate(),
 *   sessionTtlS: integer(1, 86_400),
 *   duplicateInvoiceCheck: oneOf('warning', 'error', 'off'),
 *   closedPeriods: periods(),
 *   journalItemsWithoutAccountingDocument: flag(),
 * } as const satisfies FaultKeys;
 * ```
 */
export interface FaultKey<T> {
  /** What a valid value is, as a refusal says it: `a number from 0 to 1`. */
  readonly expects: string;
  accepts(raw: unknown): raw is T;
}

export type FaultKeys = Readonly<Record<string, FaultKey<unknown>>>;

/** The values of some fault keys, each optional (a change names only the faults it changes). */
export type FaultValues<K extends FaultKeys> = {
  readonly [P in keyof K]?: K[P] extends FaultKey<infer T> ? T : never;
};

/** A number from `min` to `max`, both included. */
export const number = (min: number, max: number): FaultKey<number> => ({
  expects: `a number from ${min} to ${max}`,
  accepts: (raw): raw is number =>
    typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max,
});

/** A whole number from `min` to `max`, both included (a count, a size, seconds). */
export const integer = (min: number, max: number): FaultKey<number> => ({
  expects: `an integer from ${min} to ${max}`,
  accepts: (raw): raw is number => Number.isInteger(raw) && (raw as number) >= min && (raw as number) <= max,
});

/** A share of requests, from 0 to 1. */
export const rate = (): FaultKey<number> => number(0, 1);

export const flag = (): FaultKey<boolean> => ({
  expects: 'true or false',
  accepts: (raw): raw is boolean => typeof raw === 'boolean',
});

/** One of a few words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(...values: T): FaultKey<T[number]> => ({
  expects: `one of ${values.join(', ')}`,
  accepts: (raw): raw is T[number] => typeof raw === 'string' && values.includes(raw),
});

/** A list of `YYYY-MM` fiscal periods (closed for posting, say). */
export const periods = (): FaultKey<readonly string[]> => ({
  expects: 'a list of YYYY-MM periods',
  accepts: (raw): raw is readonly string[] =>
    Array.isArray(raw) && raw.every((p) => typeof p === 'string' && /^\d{4}-\d{2}$/.test(p)),
});

/** The faults every simulator takes (`SimulatorFaults`), and what each accepts. */
export const COMMON_FAULT_KEYS = {
  latencyMs: number(0, 600_000),
  errorRate: rate(),
  timeoutRate: rate(),
  dropAfterCommitRate: rate(),
  throttleRps: number(0, 1_000_000),
} as const satisfies Readonly<Record<keyof Required<SimulatorFaults>, FaultKey<number>>>;

/** An ERP without faults of its own. */
export const NO_OWN_FAULT_KEYS = {} as const satisfies FaultKeys;

/** Just the values of `keys` among `values` (a simulator's start options, a change from a test), the unset left out. */
export function pickFaults<K extends FaultKeys>(values: object, keys: K): FaultValues<K> {
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values))
    if (Object.hasOwn(keys, key) && value !== undefined) picked[key] = value;
  return picked as FaultValues<K>;
}

/** Just the common faults among `values`. */
export const commonFaults = (values: object): SimulatorFaults => pickFaults(values, COMMON_FAULT_KEYS);

/** A faults change, parsed: the common faults and the ERP's own. */
export interface FaultChange<Own> {
  readonly common: SimulatorFaults;
  readonly own: Own;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * Reads a JSON object of faults against `keys`: an unknown key is refused listing the known ones, a bad
 * value naming its key and what it takes.
 */
export function parseFaultValues<K extends FaultKeys>(body: string, keys: K): Parsed<FaultValues<K>> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: 'the body is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'expected a JSON object of faults' };
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(value)) {
    const key = Object.hasOwn(keys, name) ? keys[name] : undefined;
    if (key === undefined)
      return { ok: false, error: `unknown fault ${name}; known: ${Object.keys(keys).join(', ')}` };
    if (!key.accepts(raw)) return { ok: false, error: `${name} must be ${key.expects}` };
    values[name] = raw;
  }
  return { ok: true, value: values as FaultValues<K> };
}

/** Reads a `PUT /__sim/faults` body: the common faults and an ERP's own (`own`), checked alike. */
export function parseFaultChange<K extends FaultKeys>(
  body: string,
  own: K,
): Parsed<FaultChange<FaultValues<K>>> {
  const clash = Object.keys(own).find((key) => Object.hasOwn(COMMON_FAULT_KEYS, key));
  if (clash !== undefined) throw new Error(`an ERP's own fault ${clash} shadows the common one`);
  const parsed = parseFaultValues(body, { ...COMMON_FAULT_KEYS, ...own });
  if (!parsed.ok) return parsed;
  return { ok: true, value: { common: commonFaults(parsed.value), own: pickFaults(parsed.value, own) } };
}
