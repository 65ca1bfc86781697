import type { SimulatorFaults } from '../../contract.ts';
import { seededRandom } from '../../kingdee/simulator/random.ts';

/**
 * The faults of the simulated Service Layer: the common ones of `SimulatorFaults`, and those of B1
 * (`B1Faults`), all switchable while it runs through `PUT /__sim/faults`.
 */
export interface B1Faults {
  /** Idle session lifetime, seconds. */
  readonly sessionTtlS?: number;
  /** Share of calls whose session's node fails over: the session is gone, `ROUTEID` moves (301). */
  readonly routeSwitchRate?: number;
  /** Logins at once before 299 `SAML Login Failed` (0 = unlimited). */
  readonly maxParallelLogins?: number;
}

export const B1_FAULT_RANGES: Readonly<Record<keyof B1Faults, readonly [number, number]>> = {
  sessionTtlS: [1, 86_400],
  routeSwitchRate: [0, 1],
  maxParallelLogins: [0, 1000],
};

/**
 * Takes the B1 faults out of a `PUT /__sim/faults` body, leaving the common ones for the shared
 * admin (which refuses keys it does not know). A B1 value out of range is refused, naming it.
 */
export function splitFaults(body: string): { common: string; b1: B1Faults } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { common: body, b1: {} };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { common: body, b1: {} };
  const common: Record<string, unknown> = {};
  const b1: Record<string, number> = {};
  for (const [key, raw] of Object.entries(value)) {
    const range = Object.hasOwn(B1_FAULT_RANGES, key) ? B1_FAULT_RANGES[key as keyof B1Faults] : undefined;
    if (range === undefined) {
      common[key] = raw;
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < range[0] || raw > range[1])
      return { error: `${key} must be a number from ${range[0]} to ${range[1]}` };
    b1[key] = raw;
  }
  return { common: JSON.stringify(common), b1 };
}

/** What happens to one request, decided before it is handled. */
export interface FaultPlan {
  readonly latencyMs: number;
  /** Answer with the balancer's 502 page before doing anything. */
  readonly serverError: boolean;
  /** Never answer: before the work, or after it was done (committed, for a write). */
  readonly hang: 'no' | 'before' | 'after';
  /** Commit, then reset the connection. */
  readonly dropAfterCommit: boolean;
  /** The session's node fails over before the call is handled. */
  readonly routeSwitch: boolean;
}

/** The common faults with a token bucket for the throttle, the node failover rate, and exact drops on demand. */
export class Faults {
  private settings: SimulatorFaults & { routeSwitchRate?: number };
  private readonly random: () => number;
  private bucket: { tokens: number; at: number };
  private dropCommits = 0;
  private hangCommits = 0;

  constructor(settings: SimulatorFaults & { routeSwitchRate?: number }, seed: number) {
    this.settings = settings;
    this.random = seededRandom(seed);
    this.bucket = { tokens: settings.throttleRps ?? 0, at: performance.now() };
  }

  get current(): SimulatorFaults & { routeSwitchRate?: number } {
    return { ...this.settings };
  }

  set(next: SimulatorFaults & { routeSwitchRate?: number }): void {
    this.settings = { ...this.settings, ...next };
    this.bucket = { tokens: this.settings.throttleRps ?? 0, at: performance.now() };
  }

  plan(): FaultPlan {
    const s = this.settings;
    const serverError = this.random() < (s.errorRate ?? 0);
    const hang = this.random() < (s.timeoutRate ?? 0);
    const afterCommit = this.random() < 0.5;
    return {
      latencyMs: s.latencyMs ?? 0,
      serverError,
      hang: hang ? (afterCommit ? 'after' : 'before') : 'no',
      dropAfterCommit: this.random() < (s.dropAfterCommitRate ?? 0),
      routeSwitch: this.random() < (s.routeSwitchRate ?? 0),
    };
  }

  /** True when a call may pass the throttle (always, when it is off). */
  admit(): boolean {
    const rps = this.settings.throttleRps ?? 0;
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

  /** Whether this committed write is never answered. */
  hangsCommit(plan: FaultPlan): boolean {
    if (this.hangCommits > 0) {
      this.hangCommits -= 1;
      return true;
    }
    return plan.hang === 'after';
  }

  /** Whether this committed write loses its answer. */
  dropsCommit(plan: FaultPlan): boolean {
    if (this.dropCommits > 0) {
      this.dropCommits -= 1;
      return true;
    }
    return plan.dropAfterCommit;
  }
}
