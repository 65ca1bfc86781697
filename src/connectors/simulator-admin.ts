import type { DocumentKind, SimulatorFaults } from './contract.ts';

/**
 * The control surface every simulator offers the people testing against it (a customer's UAT, our
 * chaos runs): `GET /__sim/stats` (calls, faults injected, documents), `GET /__sim/faults` and
 * `PUT /__sim/faults` with a JSON body of the faults to change — while it runs, without a restart —
 * and `GET /__sim/documents`: every document the book holds with our reference, read from the
 * simulator's own ledger (what a chaos run counts, whatever the ERP's query API looks like).
 * Not part of any ERP's API: the path prefix cannot clash with one.
 */
export const ADMIN_PREFIX = '/__sim/';

/** One document in a simulator's book, as `GET /__sim/documents` lists it. */
export interface SimulatedDocument {
  readonly kind: DocumentKind;
  readonly erpId: string;
  readonly erpNumber: string;
  /** Our external reference as the ERP stored it ('' when the document carries none). */
  readonly reference: string;
}

export interface AdminControls {
  stats(): Record<string, unknown>;
  documents(): readonly SimulatedDocument[];
  faults(): SimulatorFaults;
  setFaults(faults: SimulatorFaults): void;
}

const RANGES: Readonly<Record<keyof SimulatorFaults, readonly [number, number]>> = {
  latencyMs: [0, 600_000],
  errorRate: [0, 1],
  timeoutRate: [0, 1],
  dropAfterCommitRate: [0, 1],
  throttleRps: [0, 1_000_000],
};

/** Just the faults of a simulator's settings (its start options also hold credentials and master data). */
export function onlyFaults(settings: SimulatorFaults): SimulatorFaults {
  const faults: Record<string, number> = {};
  for (const key of Object.keys(RANGES) as (keyof SimulatorFaults)[]) {
    const value = settings[key];
    if (value !== undefined) faults[key] = value;
  }
  return faults;
}

/** Reads a faults change; an unknown key or a value out of range is refused, naming it. */
export function parseFaults(body: string): SimulatorFaults | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { error: 'the body is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'expected a JSON object of faults' };
  const faults: Record<string, number> = {};
  for (const [key, raw] of Object.entries(value)) {
    const range = Object.hasOwn(RANGES, key) ? RANGES[key as keyof SimulatorFaults] : undefined;
    if (range === undefined)
      return { error: `unknown fault ${key}; known: ${Object.keys(RANGES).join(', ')}` };
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < range[0] || raw > range[1])
      return { error: `${key} must be a number from ${range[0]} to ${range[1]}` };
    faults[key] = raw;
  }
  return faults;
}

/** The answer to an admin request, or undefined when the path is not one. */
export function answerAdmin(
  method: string,
  path: string,
  body: string,
  controls: AdminControls,
): { readonly status: number; readonly body: unknown } | undefined {
  if (!path.startsWith(ADMIN_PREFIX)) return undefined;
  const what = path.slice(ADMIN_PREFIX.length);
  if (what === 'stats' && method === 'GET') return { status: 200, body: controls.stats() };
  if (what === 'faults' && method === 'GET') return { status: 200, body: controls.faults() };
  if (what === 'documents' && method === 'GET') return { status: 200, body: controls.documents() };
  if (what === 'faults' && method === 'PUT') {
    const parsed = parseFaults(body);
    if ('error' in parsed) return { status: 400, body: { error: parsed.error } };
    controls.setFaults(parsed);
    return { status: 200, body: controls.faults() };
  }
  return { status: 404, body: { error: `no such simulator control: ${method} ${path}` } };
}
