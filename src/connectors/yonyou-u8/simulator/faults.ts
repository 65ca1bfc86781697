import type { SimulatorFaults } from '../../contract.ts';
import { onlyFaults } from '../../simulator-admin.ts';
import { seededRandom } from '../../kingdee/simulator/random.ts';

/** What happens to one request, decided before it is handled. */
export interface FaultPlan {
  readonly latencyMs: number;
  /** Answer with a relay error before doing anything. */
  readonly serverError: boolean;
  /** Never answer: before the work, or after it was committed. */
  readonly hang: 'no' | 'before' | 'after';
  /** Commit, then reset the connection. */
  readonly dropAfterCommit: boolean;
}

/** The common faults of `SimulatorFaults`, with a token bucket for the throttle and exact drops on demand. */
export class Faults {
  private settings: SimulatorFaults;
  private readonly random: () => number;
  private bucket: { tokens: number; at: number };
  private dropCommits = 0;
  private hangCommits = 0;

  constructor(settings: SimulatorFaults, seed: number) {
    this.settings = settings;
    this.random = seededRandom(seed);
    this.bucket = { tokens: settings.throttleRps ?? 0, at: performance.now() };
  }

  /** The faults in force (what `GET /__sim/faults` shows). */
  get current(): SimulatorFaults {
    return onlyFaults(this.settings);
  }

  set(next: SimulatorFaults): void {
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
    };
  }

  /** True when a business call may pass the throttle (always, when it is off). */
  admit(): boolean {
    const rps = this.settings.throttleRps ?? 0;
    if (rps <= 0) return true;
    const t = performance.now();
    this.bucket = {
      tokens: Math.min(rps, this.bucket.tokens + ((t - this.bucket.at) / 1000) * rps),
      at: t,
    };
    if (this.bucket.tokens < 1) return false;
    this.bucket.tokens -= 1;
    return true;
  }

  /** Commit the next `n` writes, then reset their connections. */
  dropNextCommits(n: number): void {
    this.dropCommits = n;
  }

  /** Commit the next `n` writes, then never answer them (a timeout after commit). */
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
