import type { SimulatorFaults } from '../../contract.ts';
import { onlyFaults } from '../../simulator-admin.ts';

/** xorshift32 from a seed: a fault run repeats exactly from its seed. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/** The fate of one request, drawn before it is handled. */
export interface Fate {
  readonly delayMs: number;
  readonly serverError: boolean;
  /** Never answered: before doing anything, or after committing. */
  readonly silence: 'none' | 'before' | 'after';
  readonly dropAfterCommit: boolean;
}

/** `SimulatorFaults` as draws per request, a per-second throttle window, and exactly placed faults. */
export class FaultDice {
  private faults: SimulatorFaults;
  private readonly roll: () => number;
  private window = { second: -1, used: 0 };
  private forcedDrops = 0;
  private forcedSilences = 0;

  constructor(faults: SimulatorFaults, seed: number) {
    this.faults = faults;
    this.roll = xorshift(seed);
  }

  /** The faults in force (what `GET /__sim/faults` shows). */
  get current(): SimulatorFaults {
    return onlyFaults(this.faults);
  }

  update(next: SimulatorFaults): void {
    this.faults = { ...this.faults, ...next };
    this.window = { second: -1, used: 0 };
  }

  draw(): Fate {
    const f = this.faults;
    const serverError = this.roll() < (f.errorRate ?? 0);
    const silent = this.roll() < (f.timeoutRate ?? 0);
    const late = this.roll() < 0.5;
    return {
      delayMs: f.latencyMs ?? 0,
      serverError,
      silence: silent ? (late ? 'after' : 'before') : 'none',
      dropAfterCommit: this.roll() < (f.dropAfterCommitRate ?? 0),
    };
  }

  /** False once this wall-clock second has used its `throttleRps` business calls. */
  admit(): boolean {
    const limit = this.faults.throttleRps ?? 0;
    if (limit <= 0) return true;
    const second = Math.floor(performance.now() / 1000);
    if (second !== this.window.second) this.window = { second, used: 0 };
    if (this.window.used >= limit) return false;
    this.window.used += 1;
    return true;
  }

  forceDrops(n: number): void {
    this.forcedDrops = n;
  }

  forceSilences(n: number): void {
    this.forcedSilences = n;
  }

  /** Whether a committed write loses its answer to a reset. */
  drops(fate: Fate): boolean {
    if (this.forcedDrops > 0) return ((this.forcedDrops -= 1), true);
    return fate.dropAfterCommit;
  }

  /** Whether a committed write is never answered. */
  silences(fate: Fate): boolean {
    if (this.forcedSilences > 0) return ((this.forcedSilences -= 1), true);
    return fate.silence === 'after';
  }
}
