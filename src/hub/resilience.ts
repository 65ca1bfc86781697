/**
 * The worker's resilience pieces, pure and clock-driven: exponential backoff with full jitter, a
 * per-connection circuit breaker, and a per-connection token-bucket rate limit.
 */
import { WORKER_DEFAULTS } from '../platform/config.ts';

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: WORKER_DEFAULTS.backoffBaseMs,
  maxMs: WORKER_DEFAULTS.backoffMaxMs,
};

/** Delay before attempt `attempt + 1`: random in [cap/2, cap], cap = min(max, base·2^(attempt-1)). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Opens after `threshold` consecutive failures; lets one trial call through after `coolDownMs`. */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private stateNow: BreakerState = 'closed';
  private readonly threshold: number;
  private readonly coolDownMs: number;

  constructor(threshold = 5, coolDownMs = 10_000) {
    this.threshold = threshold;
    this.coolDownMs = coolDownMs;
  }

  state(now: number): BreakerState {
    if (this.stateNow === 'open' && now - this.openedAt >= this.coolDownMs) this.stateNow = 'half-open';
    return this.stateNow;
  }

  /** Whether a call may go out now; in half-open state only one trial at a time. */
  allows(now: number): boolean {
    const state = this.state(now);
    if (state === 'closed') return true;
    if (state === 'half-open') {
      this.stateNow = 'open';
      this.openedAt = now - this.coolDownMs + Math.min(this.coolDownMs, 2000);
      return true;
    }
    return false;
  }

  /** Milliseconds until the breaker lets a call through again. */
  retryInMs(now: number): number {
    return this.state(now) === 'open' ? Math.max(0, this.coolDownMs - (now - this.openedAt)) : 0;
  }

  success(): void {
    this.failures = 0;
    this.stateNow = 'closed';
  }

  failure(now: number): void {
    this.failures += 1;
    if (this.failures >= this.threshold) {
      this.stateNow = 'open';
      this.openedAt = now;
    }
  }
}

/** A connection's rate limit; `share(n)` splits it evenly across the n live workers of a cluster. */
export class TokenBucket {
  private tokens: number;
  private at: number;
  private readonly limit: number;
  private ratePerSecond: number;

  constructor(ratePerSecond: number, now: number) {
    this.limit = ratePerSecond;
    this.ratePerSecond = ratePerSecond;
    this.tokens = Math.max(1, ratePerSecond);
    this.at = now;
  }

  share(workers: number): void {
    this.ratePerSecond = this.limit / Math.max(1, workers);
    this.tokens = Math.min(this.tokens, Math.max(1, this.ratePerSecond));
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  /** Takes a token, or says how many ms until one is available. */
  take(now: number): number {
    this.tokens = Math.min(
      Math.max(1, this.ratePerSecond),
      this.tokens + ((now - this.at) / 1000) * this.ratePerSecond,
    );
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }
}
