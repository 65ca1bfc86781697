import type { Clock } from '../../platform/clock.ts';
import type { Keyring } from '../../platform/security/keyring.ts';
import type { OpenDatabase } from '../../platform/store/database.ts';
import type { HubMetrics } from '../metrics.ts';
import type { BackoffPolicy } from '../resilience.ts';

/** What every part of one worker shares: who it is, where it works, and the protocol's settings. */
export interface WorkerContext {
  /** The worker's lease-owner name. */
  readonly owner: string;
  readonly database: OpenDatabase;
  readonly keyring: Keyring;
  /**
   * Instants (leases, due times, trace events) come from the injected clock; in-memory intervals
   * (breakers, rate-limit buckets, cache ages) from the monotonic performance.now().
   */
  readonly clock: Clock;
  readonly metrics: HubMetrics | undefined;
  readonly log: (event: string, fields: Record<string, unknown>) => void;
  readonly leaseMs: number;
  /** Per ERP call; at most a third of the lease, so a live call never outlasts its lease. */
  readonly callTimeoutMs: number;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
}

export const nowOf = (ctx: WorkerContext): Date => ctx.clock.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
