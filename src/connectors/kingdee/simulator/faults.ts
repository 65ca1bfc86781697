import type { SimulatorFaults } from '../../contract.ts';
import { seededRandom } from './random.ts';

/**
 * The faults the simulator injects, drawn from a seeded PRNG so a chaos run replays from its seed:
 * added latency, an IIS error page before anything is done, a request that never gets an answer
 * (half of them after the change was committed), a committed change whose connection is reset, and
 * the WebAPI's own throttle answer past `throttleRps` (a token bucket). Switchable while running.
 */

/** What happens to one request, drawn before it is handled. */
export type FaultDraw =
  | { readonly serverError: true }
  | {
      readonly serverError: false;
      /** Never answer… */
      readonly hang: boolean;
      /** …and, when hanging, whether the work is done first. */
      readonly commitBeforeHang: boolean;
      /** Reset the connection if the request commits. */
      readonly drop: boolean;
    };

export class Faults {
  #faults: SimulatorFaults;
  readonly #random: () => number;
  #bucket: { tokens: number; at: number };
  #dropCommits = 0;

  constructor(faults: SimulatorFaults, seed: number) {
    this.#faults = { ...faults };
    this.#random = seededRandom(seed);
    this.#bucket = { tokens: this.#faults.throttleRps ?? 0, at: performance.now() };
  }

  get current(): SimulatorFaults {
    return { ...this.#faults };
  }

  get latencyMs(): number {
    return this.#faults.latencyMs ?? 0;
  }

  /** Changes some faults; the throttle's bucket starts full again. */
  set(next: SimulatorFaults): void {
    this.#faults = { ...this.#faults, ...next };
    this.#bucket = { tokens: this.#faults.throttleRps ?? 0, at: performance.now() };
  }

  /** The next `n` committing calls are committed, then have their connections reset. */
  dropNextCommits(n: number): void {
    this.#dropCommits = n;
  }

  /** Draws one request's fate, in the order the seed's replay depends on. */
  draw(): FaultDraw {
    if (this.#random() < (this.#faults.errorRate ?? 0)) return { serverError: true };
    const hang = this.#random() < (this.#faults.timeoutRate ?? 0);
    const commitBeforeHang = this.#random() < 0.5;
    const drop = this.#random() < (this.#faults.dropAfterCommitRate ?? 0);
    return { serverError: false, hang, commitBeforeHang, drop };
  }

  /** Whether a committed call loses its answer: drawn so, or one of the commits asked to be dropped. */
  dropsCommit(drawn: boolean): boolean {
    const forced = this.#dropCommits > 0;
    if (forced) this.#dropCommits -= 1;
    return drawn || forced;
  }

  /** One business call's token, or false when the throttle refuses it. */
  admit(): boolean {
    const rps = this.#faults.throttleRps ?? 0;
    if (rps <= 0) return true;
    const t = performance.now();
    this.#bucket = {
      tokens: Math.min(rps, this.#bucket.tokens + ((t - this.#bucket.at) / 1000) * rps),
      at: t,
    };
    if (this.#bucket.tokens < 1) return false;
    this.#bucket.tokens -= 1;
    return true;
  }
}
