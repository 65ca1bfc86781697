import type { Connector, MappingProfile } from '../../connectors/contract.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { connectorFor, getConnectionRow } from '../connections.ts';
import { getProfile, profileOf } from '../profiles.ts';
import { CircuitBreaker, TokenBucket, type BreakerState } from '../resilience.ts';
import type { WorkerContext } from './context.ts';

/** What a worker keeps per connection: its live connector, breaker and share of the rate limit. */
export interface ConnectionState {
  readonly id: string;
  readonly connector: Connector;
  readonly breaker: CircuitBreaker;
  readonly bucket: TokenBucket;
  readonly rateLimitRps: number;
  readonly name: string;
  readonly paused: boolean;
  readonly version: number;
  checkedAt: number;
}

const BREAKER_LEVEL = { closed: 0, 'half-open': 1, open: 2 } as const;

/**
 * One state per connection, however many tasks ask at once — its breaker and bucket are shared by
 * them; settings changes are picked up within a few seconds, without a query per posting.
 */
export class ConnectionStates {
  readonly #ctx: WorkerContext;
  readonly #states = new Map<string, ConnectionState>();
  readonly #loading = new Map<string, Promise<ConnectionState>>();
  readonly #profiles = new Map<string, MappingProfile>();
  #liveWorkers = 1;

  constructor(ctx: WorkerContext) {
    this.#ctx = ctx;
  }

  async get(db: TenantDb, id: string): Promise<ConnectionState> {
    const cached = this.#states.get(id);
    if (cached !== undefined && performance.now() - cached.checkedAt < 3000) return cached;
    let pending = this.#loading.get(id);
    if (pending === undefined) {
      pending = this.#refresh(db, id, cached).finally(() => this.#loading.delete(id));
      this.#loading.set(id, pending);
    }
    return pending;
  }

  /** Profile versions never change once saved, so each is read once. */
  async profileFor(db: TenantDb, connectionId: string, version: number | null): Promise<MappingProfile> {
    const key = `${connectionId}@${version ?? 'latest'}`;
    const cached = this.#profiles.get(key);
    if (cached !== undefined) return cached;
    const profile = profileOf(await getProfile(db, connectionId, version ?? undefined));
    if (version !== null) this.#profiles.set(key, profile);
    return profile;
  }

  /** Each connection's rate limit is shared among the live workers of the cluster. */
  shareAmong(liveWorkers: number): void {
    if (liveWorkers === this.#liveWorkers) return;
    this.#liveWorkers = liveWorkers;
    for (const state of this.#states.values()) state.bucket.share(liveWorkers);
  }

  /** Each connection's breaker as it stands now (for the heartbeat, which the monitor reads). */
  breakers(): Record<string, BreakerState> {
    const now = performance.now();
    return Object.fromEntries([...this.#states].map(([id, state]) => [id, state.breaker.state(now)]));
  }

  reportBreaker(state: ConnectionState): void {
    this.#ctx.metrics?.breaker.set(
      { connection: state.name },
      BREAKER_LEVEL[state.breaker.state(performance.now())],
    );
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#states.values()].map((c) => c.connector.close()));
  }

  async #refresh(db: TenantDb, id: string, cached: ConnectionState | undefined): Promise<ConnectionState> {
    const row = await getConnectionRow(db, id);
    if (cached?.version === row.version) {
      cached.checkedAt = performance.now();
      return cached;
    }
    const { keyring, clock, log, callTimeoutMs } = this.#ctx;
    const connector = await connectorFor(db, keyring, row, {
      now: () => clock.now(),
      log,
      timeoutMs: callTimeoutMs,
    });
    const bucket =
      cached?.rateLimitRps === row.rate_limit_rps
        ? cached.bucket
        : new TokenBucket(row.rate_limit_rps, performance.now());
    bucket.share(this.#liveWorkers);
    const state: ConnectionState = {
      id,
      connector,
      breaker: cached?.breaker ?? new CircuitBreaker(5, 5_000),
      bucket,
      rateLimitRps: row.rate_limit_rps,
      name: row.name,
      paused: row.status !== 'active',
      version: row.version,
      checkedAt: performance.now(),
    };
    this.#states.set(id, state);
    if (cached !== undefined) await cached.connector.close();
    return state;
  }
}
