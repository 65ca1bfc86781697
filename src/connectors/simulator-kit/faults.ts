import type { SimulatorFaults } from '../contract.ts';
import { commonFaults } from './fault-keys.ts';
import { seededRandom } from './random.ts';

/**
 * The fault dice every simulator throws: the common faults of `SimulatorFaults` and an ERP's own
 * (`Own`, declared as fault keys), drawn from one seeded generator so a chaos run replays from its
 * printed seed; a token bucket of `throttleRps` for the ERP's throttle answer; and faults placed
 * exactly for tests (the next `n` commits dropped, or hung). Switchable while the simulator runs.
 *
 * A request's fate is drawn once, before it is handled (`draw`): a server error before any work, a
 * hang before the work or after it, a dropped connection after a commit, and the latency. An ERP
 * draws its own rate-based faults from the same generator right after (`chance`), so a seed replays
 * them too.
 */

/** What happens to one request, drawn before it is handled. */
export interface FaultDraw {
  /** Wait this long before answering anything, ms. */
  readonly latencyMs: number;
  /** Answer with the ERP's (or its web server's) error page before doing anything. */
  readonly serverError: boolean;
  /** Never answer: before the work, or after it was done (committed, for a write). */
  readonly hang: 'no' | 'before' | 'after';
  /** Commit, then reset the connection. */
  readonly dropAfterCommit: boolean;
}

/** The own faults of an ERP that has none. */
export type NoOwnFaults = object;

export interface FaultDiceOptions {
  /** A monotonic clock in ms for the throttle (default `performance.now`); tests pass a fake one. */
  readonly now?: () => number;
}

export class FaultDice<Own extends object = NoOwnFaults> {
  #common: SimulatorFaults;
  #own: Own;
  readonly #random: () => number;
  readonly #now: () => number;
  #bucket: { tokens: number; at: number };
  #dropCommits = 0;
  #hangCommits = 0;

  constructor(common: SimulatorFaults, own: Own, seed: number, options: FaultDiceOptions = {}) {
    this.#common = commonFaults(common);
    this.#own = { ...own };
    this.#random = seededRandom(seed);
    this.#now = options.now ?? (() => performance.now());
    this.#bucket = this.#fullBucket();
  }

  /** The common faults in force, those set only. */
  get common(): SimulatorFaults {
    return { ...this.#common };
  }

  /** The ERP's own faults in force. */
  get own(): Own {
    return this.#own;
  }

  /** Every fault in force (what `GET /__sim/faults` shows). */
  get current(): SimulatorFaults & Own {
    return { ...this.#common, ...this.#own };
  }

  /** Changes some faults, the others stay; the throttle's bucket starts full again. */
  set(common: SimulatorFaults, own: Partial<Own> = {}): void {
    this.#common = { ...this.#common, ...commonFaults(common) };
    this.#own = { ...this.#own, ...own };
    this.#bucket = this.#fullBucket();
  }

  /** One request's fate. Always four draws, in this order: a seed's replay depends on it. */
  draw(): FaultDraw {
    const c = this.#common;
    const serverError = this.chance(c.errorRate);
    const hang = this.chance(c.timeoutRate);
    const afterWork = this.chance(0.5);
    return {
      latencyMs: c.latencyMs ?? 0,
      serverError,
      hang: hang ? (afterWork ? 'after' : 'before') : 'no',
      dropAfterCommit: this.chance(c.dropAfterCommitRate),
    };
  }

  /** True with probability `rate` (never when it is unset), from the seeded generator. */
  chance(rate: number | undefined): boolean {
    return this.#random() < (rate ?? 0);
  }

  /** The generator's next number in [0, 1), for an ERP's own pick among alternatives. */
  random(): number {
    return this.#random();
  }

  /** True when a call may pass the throttle (always, when it is off): a bucket of `throttleRps` tokens. */
  admit(): boolean {
    const rps = this.#common.throttleRps ?? 0;
    if (rps <= 0) return true;
    const t = this.#now();
    this.#bucket = {
      tokens: Math.min(rps, this.#bucket.tokens + ((t - this.#bucket.at) / 1000) * rps),
      at: t,
    };
    if (this.#bucket.tokens < 1) return false;
    this.#bucket.tokens -= 1;
    return true;
  }

  /** The next `n` committing calls are committed, then have their connections reset. */
  dropNextCommits(n: number): void {
    this.#dropCommits = n;
  }

  /** The next `n` committing calls are committed, then never answered (a timeout after commit). */
  hangNextCommits(n: number): void {
    this.#hangCommits = n;
  }

  /** Whether this committed call loses its answer to a reset: drawn so, or one of the drops asked for. */
  dropsCommit(draw: FaultDraw): boolean {
    if (this.#dropCommits > 0) {
      this.#dropCommits -= 1;
      return true;
    }
    return draw.dropAfterCommit;
  }

  /** Whether this committed call is never answered: drawn so, or one of the hangs asked for. */
  hangsCommit(draw: FaultDraw): boolean {
    if (this.#hangCommits > 0) {
      this.#hangCommits -= 1;
      return true;
    }
    return draw.hang === 'after';
  }

  #fullBucket(): { tokens: number; at: number } {
    return { tokens: this.#common.throttleRps ?? 0, at: this.#now() };
  }
}
