import type { SimulatorFaults } from '../../contract.ts';
import { parseFaults } from '../../simulator-admin.ts';
import { seededRandom } from '../../kingdee/simulator/random.ts';
import type { DuplicateCheck } from './services/supplier-invoice-create.ts';

/**
 * The faults of the S/4 simulator: the common ones of `SimulatorFaults` (drawn per request from a
 * seeded generator, a token bucket for the throttle, exactly placed drops and hangs for tests) and
 * S/4's own, switchable at runtime through the same `PUT /__sim/faults`:
 *
 * - `sessionTtlS`: idle lifetime of Gateway sessions and lifetime of OAuth tokens;
 * - `csrfTokenTtlS`: CSRF tokens die this many seconds after issue (0: with their session);
 * - `soapFaultRate`: share of journal-entry posts answered with a SOAP fault (HTTP 500), nothing posted;
 * - `serverPageSize`: server-driven paging with `__next` (0: client-driven only);
 * - `journalItemsWithoutAccountingDocument`: the build whose journal items lack `AccountingDocument`;
 * - `duplicateInvoiceCheck`: `warning` (default), `error` or `off` for M8 108;
 * - `closedPeriods`: `YYYY-MM` periods closed for posting.
 */
export interface S4Faults {
  readonly sessionTtlS: number;
  readonly csrfTokenTtlS: number;
  readonly soapFaultRate: number;
  readonly serverPageSize: number;
  readonly journalItemsWithoutAccountingDocument: boolean;
  readonly duplicateInvoiceCheck: DuplicateCheck;
  readonly closedPeriods: readonly string[];
}

export const S4_FAULT_KEYS: readonly (keyof S4Faults)[] = [
  'sessionTtlS',
  'csrfTokenTtlS',
  'soapFaultRate',
  'serverPageSize',
  'journalItemsWithoutAccountingDocument',
  'duplicateInvoiceCheck',
  'closedPeriods',
];

type Checked = { readonly value: unknown } | { readonly error: string };

const number = (key: string, value: unknown, min: number, max: number): Checked =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? { value }
    : { error: `${key} must be a number from ${min} to ${max}` };

function checkS4(key: keyof S4Faults, raw: unknown): Checked {
  switch (key) {
    case 'sessionTtlS':
      return number(key, raw, 1, 86_400);
    case 'csrfTokenTtlS':
      return number(key, raw, 0, 86_400);
    case 'soapFaultRate':
      return number(key, raw, 0, 1);
    case 'serverPageSize':
      return number(key, raw, 0, 100_000);
    case 'journalItemsWithoutAccountingDocument':
      return typeof raw === 'boolean' ? { value: raw } : { error: `${key} must be true or false` };
    case 'duplicateInvoiceCheck':
      return raw === 'warning' || raw === 'error' || raw === 'off'
        ? { value: raw }
        : { error: `${key} must be warning, error or off` };
    case 'closedPeriods':
      return Array.isArray(raw) && raw.every((p) => typeof p === 'string' && /^\d{4}-\d{2}$/.test(p))
        ? { value: raw }
        : { error: `${key} must be a list of YYYY-MM periods` };
  }
}

/** Reads a faults change with S/4's keys among the common ones; an unknown key or bad value is refused. */
export function parseAllFaults(
  body: string,
): { common: SimulatorFaults; s4: Partial<S4Faults> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { error: 'the body is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'expected a JSON object of faults' };
  const common: Record<string, unknown> = {};
  const s4: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!(S4_FAULT_KEYS as readonly string[]).includes(key)) {
      common[key] = raw;
      continue;
    }
    const checked = checkS4(key as keyof S4Faults, raw);
    if ('error' in checked) return checked;
    s4[key] = checked.value;
  }
  const checked = parseFaults(JSON.stringify(common));
  if ('error' in checked)
    return {
      error: checked.error.startsWith('unknown fault')
        ? `${checked.error}, ${S4_FAULT_KEYS.join(', ')}`
        : checked.error,
    };
  return { common: checked, s4 };
}

/** What happens to one request, drawn before it is handled. */
export interface FaultPlan {
  readonly latencyMs: number;
  readonly serverError: boolean;
  readonly hang: 'no' | 'before' | 'after';
  readonly dropAfterCommit: boolean;
  readonly soapFault: boolean;
}

export class Faults {
  private common: SimulatorFaults;
  private own: S4Faults;
  private readonly random: () => number;
  private bucket: { tokens: number; at: number };
  private dropCommits = 0;
  private hangCommits = 0;

  constructor(common: SimulatorFaults, own: S4Faults, seed: number) {
    this.common = common;
    this.own = own;
    this.random = seededRandom(seed);
    this.bucket = { tokens: common.throttleRps ?? 0, at: performance.now() };
  }

  get s4(): S4Faults {
    return this.own;
  }

  /** The faults in force (what `GET /__sim/faults` shows). */
  get current(): SimulatorFaults & S4Faults {
    return { ...this.common, ...this.own };
  }

  set(common: SimulatorFaults, own: Partial<S4Faults> = {}): void {
    this.common = { ...this.common, ...common };
    this.own = { ...this.own, ...own };
    this.bucket = { tokens: this.common.throttleRps ?? 0, at: performance.now() };
  }

  plan(): FaultPlan {
    const c = this.common;
    const serverError = this.random() < (c.errorRate ?? 0);
    const hang = this.random() < (c.timeoutRate ?? 0);
    const afterCommit = this.random() < 0.5;
    return {
      latencyMs: c.latencyMs ?? 0,
      serverError,
      hang: hang ? (afterCommit ? 'after' : 'before') : 'no',
      dropAfterCommit: this.random() < (c.dropAfterCommitRate ?? 0),
      soapFault: this.random() < this.own.soapFaultRate,
    };
  }

  /** True when a business call may pass the throttle (a token bucket of `throttleRps`). */
  admit(): boolean {
    const rps = this.common.throttleRps ?? 0;
    if (rps <= 0) return true;
    const t = performance.now();
    this.bucket = { tokens: Math.min(rps, this.bucket.tokens + ((t - this.bucket.at) / 1000) * rps), at: t };
    if (this.bucket.tokens < 1) return false;
    this.bucket.tokens -= 1;
    return true;
  }

  dropNextCommits(n: number): void {
    this.dropCommits = n;
  }

  hangNextCommits(n: number): void {
    this.hangCommits = n;
  }

  hangsCommit(plan: FaultPlan): boolean {
    if (this.hangCommits > 0) {
      this.hangCommits -= 1;
      return true;
    }
    return plan.hang === 'after';
  }

  dropsCommit(plan: FaultPlan): boolean {
    if (this.dropCommits > 0) {
      this.dropCommits -= 1;
      return true;
    }
    return plan.dropAfterCommit;
  }
}
