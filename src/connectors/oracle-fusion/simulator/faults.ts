import type { SimulatorFaults } from '../../contract.ts';
import { seededRandom } from '../../kingdee/simulator/random.ts';

/**
 * The common faults of `SimulatorFaults` (a token bucket for the throttle, exact drops and hangs on
 * demand) and the ones particular to Oracle's Journal Import, all switchable while the simulator runs:
 *
 * - `essRunningPolls`: an import request answers WAIT, then RUNNING, to this many status polls before it
 *   runs (it also runs once a minute of the tenant's clock has passed, watched or not);
 * - `essRejectRate`: the share of interface groups rejected with a real-style Journal Import error
 *   (EU02 unbalanced, EF04 invalid account combination, EP01 period not open), valid or not;
 * - `essRejectStatus`: the status of a request that rejected some journals (SUCCEEDED by default:
 *   the request "succeeds" while rows were rejected, as Oracle's does — WARNING or ERROR to vary it).
 */
export const REJECT_STATUSES = ['SUCCEEDED', 'WARNING', 'ERROR'] as const;
export type RejectStatus = (typeof REJECT_STATUSES)[number];

export interface OracleFaults {
  readonly essRunningPolls?: number;
  readonly essRejectRate?: number;
  readonly essRejectStatus?: RejectStatus;
}

const ORACLE_KEYS = ['essRunningPolls', 'essRejectRate', 'essRejectStatus'] as const;

/**
 * Splits a `PUT /__sim/faults` body into the Oracle faults (checked here) and the rest (the common
 * faults, for `answerAdmin` to check).
 */
export function splitFaults(body: string): { oracle: OracleFaults; rest: string } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { error: 'the body is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'expected a JSON object of faults' };
  const record = value as Record<string, unknown>;
  const oracle: { -readonly [K in keyof OracleFaults]: OracleFaults[K] } = {};
  const polls = record['essRunningPolls'];
  if (polls !== undefined) {
    if (typeof polls !== 'number' || !Number.isInteger(polls) || polls < 0 || polls > 10_000)
      return { error: 'essRunningPolls must be an integer from 0 to 10000' };
    oracle.essRunningPolls = polls;
  }
  const rate = record['essRejectRate'];
  if (rate !== undefined) {
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
      return { error: 'essRejectRate must be a number from 0 to 1' };
    oracle.essRejectRate = rate;
  }
  const status = record['essRejectStatus'];
  if (status !== undefined) {
    if (!REJECT_STATUSES.includes(status as RejectStatus))
      return { error: `essRejectStatus must be one of ${REJECT_STATUSES.join(', ')}` };
    oracle.essRejectStatus = status as RejectStatus;
  }
  const rest = Object.fromEntries(
    Object.entries(record).filter(([k]) => !(ORACLE_KEYS as readonly string[]).includes(k)),
  );
  return { oracle, rest: JSON.stringify(rest) };
}

/** What happens to one request, decided before it is handled. */
export interface FaultPlan {
  readonly latencyMs: number;
  readonly serverError: boolean;
  readonly hang: 'no' | 'before' | 'after';
  readonly dropAfterCommit: boolean;
}

export class Faults {
  private common: SimulatorFaults;
  private oracle: OracleFaults;
  readonly random: () => number;
  private bucket: { tokens: number; at: number };
  private dropCommits = 0;
  private hangCommits = 0;

  constructor(common: SimulatorFaults, oracle: OracleFaults, seed: number) {
    this.common = common;
    this.oracle = oracle;
    this.random = seededRandom(seed);
    this.bucket = { tokens: common.throttleRps ?? 0, at: performance.now() };
  }

  /** The faults in force (what `GET /__sim/faults` shows). */
  get current(): SimulatorFaults & OracleFaults {
    return { ...this.common, ...this.oracle };
  }

  get ess(): OracleFaults {
    return this.oracle;
  }

  set(next: SimulatorFaults): void {
    this.common = { ...this.common, ...next };
    this.bucket = { tokens: this.common.throttleRps ?? 0, at: performance.now() };
  }

  setOracle(next: OracleFaults): void {
    this.oracle = { ...this.oracle, ...next };
  }

  plan(): FaultPlan {
    const s = this.common;
    const serverError = this.random() < (s.errorRate ?? 0);
    const hang = this.random() < (s.timeoutRate ?? 0);
    const afterCommit = this.random() < 0.5;
    return {
      latencyMs: s.latencyMs ?? 0,
      serverError,
      hang: hang ? (afterCommit ? 'after' : 'before') : 'no',
      dropAfterCommit: this.random() < (s.dropAfterCommitRate ?? 0),
    };
  }

  /** True when a business call may pass the throttle (always, when it is off). */
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
