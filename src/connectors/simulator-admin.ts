import type { DocumentKind, SimulatorFaults } from './contract.ts';
import {
  NO_OWN_FAULT_KEYS,
  parseFaultChange,
  type FaultKeys,
  type FaultValues,
} from './simulator-kit/fault-keys.ts';
import type { NoOwnFaults } from './simulator-kit/faults.ts';

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

/**
 * A change made to a voucher behind the integration's back, as a user of the ERP would (`POST
 * /__sim/documents/tamper`): deleted, or altered — its first line moved to another account, or (no
 * account given) its first debit and first credit line each raised by one minor unit.
 */
export interface VoucherTamper {
  readonly reference: string;
  readonly change: 'delete' | 'alter';
  readonly account?: string;
}

function tamperOf(body: string): VoucherTamper | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { reference, change, account } = parsed as Record<string, unknown>;
  if (typeof reference !== 'string' || (change !== 'delete' && change !== 'alter')) return undefined;
  if (account !== undefined && typeof account !== 'string') return undefined;
  return { reference, change, ...(account === undefined ? {} : { account }) };
}

/** What the admin surface reads and changes of a simulator; `Own`: the values of the ERP's own fault keys. */
export interface AdminControls<Own extends object = NoOwnFaults> {
  stats(): Record<string, unknown>;
  documents(): readonly SimulatedDocument[];
  /** The faults in force, common and own (what `GET /__sim/faults` shows). */
  faults(): SimulatorFaults & Partial<Own>;
  /** Changes the faults a checked `PUT /__sim/faults` names, the others stay. */
  setFaults(common: SimulatorFaults, own: Partial<Own>): void;
  /** Deletes or alters the voucher with our reference; false when the book holds none. */
  tamper?(change: VoucherTamper): boolean;
}

/**
 * The answer to an admin request, or undefined when the path is not one. `PUT /__sim/faults` is checked
 * against the common fault keys and the ERP's own (`own`, none by default): an unknown key or a bad value
 * is a 400 naming it, and nothing changes.
 */
export function answerAdmin<K extends FaultKeys = typeof NO_OWN_FAULT_KEYS>(
  method: string,
  path: string,
  body: string,
  controls: AdminControls<FaultValues<K>>,
  own: K = NO_OWN_FAULT_KEYS as K,
): { readonly status: number; readonly body: unknown } | undefined {
  if (!path.startsWith(ADMIN_PREFIX)) return undefined;
  const what = path.slice(ADMIN_PREFIX.length);
  if (what === 'stats' && method === 'GET') return { status: 200, body: controls.stats() };
  if (what === 'faults' && method === 'GET') return { status: 200, body: controls.faults() };
  if (what === 'documents' && method === 'GET') return { status: 200, body: controls.documents() };
  if (what === 'documents/tamper' && method === 'POST' && controls.tamper !== undefined) {
    const change = tamperOf(body);
    if (change === undefined)
      return {
        status: 400,
        body: { error: 'expected {"reference", "change": "delete" | "alter", "account"?}' },
      };
    return controls.tamper(change)
      ? { status: 200, body: { changed: change.reference } }
      : { status: 404, body: { error: `no voucher with reference ${change.reference}` } };
  }
  if (what === 'faults' && method === 'PUT') {
    const parsed = parseFaultChange(body, own);
    if (!parsed.ok) return { status: 400, body: { error: parsed.error } };
    controls.setFaults(parsed.value.common, parsed.value.own);
    return { status: 200, body: controls.faults() };
  }
  return { status: 404, body: { error: `no such simulator control: ${method} ${path}` } };
}
