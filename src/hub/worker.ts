import { randomUUID } from 'node:crypto';
import type { Clock } from '../platform/clock.ts';
import type { Keyring } from '../platform/security/keyring.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import { claimDuePostings, type PostingRow } from '../platform/store/job-claims.ts';
import { tenantDb, type TenantDb } from '../platform/store/tenant-scope.ts';
import type { PostingStatus } from '../platform/store/tables.ts';
import type { Connector, ErpFailure } from '../connectors/contract.ts';
import { voucherOrThrow } from '../model/voucher.ts';
import { connectorFor, getConnectionRow } from './connections.ts';
import type { HubMetrics } from './metrics.ts';
import { addEvent, addEvents } from './postings.ts';
import {
  CircuitBreaker,
  DEFAULT_BACKOFF,
  TokenBucket,
  backoffDelay,
  type BackoffPolicy,
} from './resilience.ts';

/**
 * The posting worker — the exactly-once-effect protocol (ARCHITECTURE §4):
 *  1. claim due postings with a lease;
 *  2. a posting whose outcome is unknown (ambiguous answer, or a lease that ran out while sending
 *     because a worker died) is first looked up in the ERP by its external reference — found means
 *     posted, never sent again;
 *  3. `sending` is committed before the call, then the call is made and its outcome recorded:
 *     success → posted; definite rejection → rejected (parked, replayable); ambiguous → unknown;
 *     throttled / transient / auth → pending with exponential backoff and jitter;
 *  4. per connection a circuit breaker and a rate limit; after the retry budget a posting is dead.
 * Every state change is conditional on still holding the lease, so a worker that lost its lease
 * cannot overwrite another's result.
 */
export interface WorkerOptions {
  readonly database: OpenDatabase;
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly metrics?: HubMetrics;
  readonly concurrency?: number;
  readonly leaseMs?: number;
  /** Per ERP call; must stay well under the lease so a live call never outlasts its lease. */
  readonly callTimeoutMs?: number;
  readonly maxAttempts?: number;
  readonly pollMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly log?: (event: string, fields: Record<string, unknown>) => void;
  readonly owner?: string;
}

export interface Worker {
  readonly owner: string;
  /** Look for work now (after a posting was submitted). */
  wake(): void;
  /** Finish in-flight work and stop. */
  stop(): Promise<void>;
}

interface ConnectionState {
  readonly connector: Connector;
  readonly breaker: CircuitBreaker;
  readonly bucket: TokenBucket;
  readonly name: string;
  readonly paused: boolean;
  readonly version: number;
  checkedAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startWorker(options: WorkerOptions): Worker {
  const owner = options.owner ?? `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const callTimeoutMs = Math.min(options.callTimeoutMs ?? 15_000, Math.floor(leaseMs / 3));
  const concurrency = options.concurrency ?? 8;
  const maxAttempts = options.maxAttempts ?? 12;
  const pollMs = options.pollMs ?? 200;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const { database, clock, metrics } = options;
  const connections = new Map<string, ConnectionState>();
  let running = true;
  let wakeUp: (() => void) | undefined;
  const now = () => clock.now();

  async function connection(db: TenantDb, id: string): Promise<ConnectionState> {
    const cached = connections.get(id);
    // Settings changes are picked up within a few seconds, without a query per posting.
    if (cached !== undefined && Date.now() - cached.checkedAt < 3000) return cached;
    const row = await getConnectionRow(db, id);
    if (cached?.version === row.version) {
      cached.checkedAt = Date.now();
      return cached;
    }
    const connector = await connectorFor(db, options.keyring, row, { now, log, timeoutMs: callTimeoutMs });
    const state: ConnectionState = {
      connector,
      breaker: cached?.breaker ?? new CircuitBreaker(5, 5_000),
      bucket: new TokenBucket(row.rate_limit_rps, Date.now()),
      name: row.name,
      paused: row.status !== 'active',
      version: row.version,
      checkedAt: Date.now(),
    };
    connections.set(id, state);
    return state;
  }

  /** Applies a state change only while this worker still holds the lease. */
  async function settle(
    db: TenantDb,
    posting: PostingRow,
    changes: Partial<Omit<PostingRow, 'id' | 'tenant_id'>>,
    release: boolean,
  ): Promise<boolean> {
    const result = await db
      .updateTable('postings')
      .set({
        ...changes,
        updated_at: now().toISOString(),
        ...(release ? { lease_owner: null, lease_until: null } : {}),
      })
      .where('id', '=', posting.id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  const later = (attempt: number) =>
    new Date(now().getTime() + backoffDelay(Math.max(1, attempt), backoff, random)).toISOString();

  async function resolveUnknown(
    db: TenantDb,
    posting: PostingRow,
    state: ConnectionState,
  ): Promise<'posted' | 'send' | 'later'> {
    const started = performance.now();
    const found = await state.connector.lookupVoucher(posting.external_reference);
    const latencyMs = Math.round(performance.now() - started);
    if ('found' in found) {
      await addEvent(db, posting.id, now().toISOString(), 'lookup', {
        reference: posting.external_reference,
        found: found.found,
        latencyMs,
        ...(found.found ? { erpNumber: found.erpNumber } : {}),
      });
      if (!found.found) return 'send';
      await settle(
        db,
        posting,
        {
          status: 'posted',
          erp_id: found.erpId,
          erp_number: found.erpNumber,
          last_outcome: 'success',
          posted_at: now().toISOString(),
        },
        true,
      );
      await addEvent(db, posting.id, now().toISOString(), 'posted', {
        erpId: found.erpId,
        erpNumber: found.erpNumber,
        via: 'lookup',
      });
      metrics?.outcomes.inc({ connection: state.name, outcome: 'found_by_lookup' });
      state.breaker.success();
      return 'posted';
    }
    await addEvent(db, posting.id, now().toISOString(), 'lookup', {
      reference: posting.external_reference,
      failed: found.outcome,
      code: found.code,
      message: found.message.slice(0, 200),
      latencyMs,
    });
    state.breaker.failure(Date.now());
    await settle(
      db,
      posting,
      {
        status: 'unknown',
        next_attempt_at: later(posting.attempts),
        last_outcome: found.outcome,
        last_error_code: found.code,
        last_error_message: found.message,
      },
      true,
    );
    return 'later';
  }

  async function process(posting: PostingRow): Promise<void> {
    const db = tenantDb(database.db, posting.tenant_id);
    const state = await connection(db, posting.connection_id);
    if (state.paused || !state.breaker.allows(Date.now())) {
      const wait = state.paused ? 60_000 : Math.max(1000, state.breaker.retryInMs(Date.now()));
      await settle(db, posting, { next_attempt_at: new Date(now().getTime() + wait).toISOString() }, true);
      return;
    }
    for (let wait = state.bucket.take(Date.now()); wait > 0; wait = state.bucket.take(Date.now()))
      await sleep(wait);

    if (posting.status === 'unknown' || posting.status === 'sending') {
      if (posting.status === 'sending')
        await addEvent(db, posting.id, now().toISOString(), 'lease_expired', {
          note: 'the worker sending it stopped; outcome unknown',
        });
      const resolved = await resolveUnknown(db, posting, state);
      if (resolved !== 'send') return;
      if (posting.attempts >= maxAttempts) {
        await settle(db, posting, { status: 'dead', last_outcome: 'exhausted' }, true);
        await addEvent(db, posting.id, now().toISOString(), 'dead', {
          reason: `not in the ERP after ${posting.attempts} attempts`,
        });
        return;
      }
    }

    const attempt = posting.attempts + 1;
    if (
      !(await settle(
        db,
        posting,
        { status: 'sending', attempts: attempt, next_attempt_at: now().toISOString() },
        false,
      ))
    )
      return;
    const voucher = voucherOrThrow(JSON.parse(posting.document_json));
    const started = performance.now();
    const result = await state.connector.pushVoucher({
      voucher,
      externalReference: posting.external_reference,
    });
    const latencyMs = Math.round(performance.now() - started);
    metrics?.latency.observe({ connection: state.name }, latencyMs / 1000);
    metrics?.outcomes.inc({ connection: state.name, outcome: result.outcome });
    const at = now().toISOString();
    const summary = {
      attempt,
      latencyMs,
      request: {
        service: 'Save',
        formid: 'GL_VOUCHER',
        lines: voucher.lines.length,
        reference: posting.external_reference,
      },
    };
    if (result.outcome === 'success') {
      state.breaker.success();
      const posted = { erpId: result.erpId, erpNumber: result.erpNumber };
      await db.transaction(async (tx) => {
        const mine = await settle(
          tx,
          posting,
          {
            status: 'posted',
            erp_id: result.erpId,
            erp_number: result.erpNumber,
            last_outcome: 'success',
            last_error_code: null,
            last_error_message: null,
            posted_at: at,
          },
          true,
        );
        if (!mine) return;
        await addEvents(tx, posting.id, at, [
          ['attempt', { ...summary, outcome: 'success', response: posted }],
          ['posted', posted],
        ]);
      });
      return;
    }
    await recordFailure(db, posting, state, result, attempt, summary);
  }

  async function recordFailure(
    db: TenantDb,
    posting: PostingRow,
    state: ConnectionState,
    failure: ErpFailure,
    attempt: number,
    summary: Record<string, unknown>,
  ): Promise<void> {
    const at = now().toISOString();
    await addEvent(db, posting.id, at, 'attempt', {
      ...summary,
      outcome: failure.outcome,
      response: { code: failure.code, message: failure.message.slice(0, 500) },
    });
    const error = {
      last_outcome: failure.outcome,
      last_error_code: failure.code,
      last_error_message: failure.message,
    };
    if (failure.outcome === 'rejected') {
      state.breaker.success(); // the ERP answered: it is healthy
      await settle(db, posting, { status: 'rejected', ...error }, true);
      await addEvent(db, posting.id, at, 'rejected', { code: failure.code, message: failure.message });
      return;
    }
    state.breaker.failure(Date.now());
    const status: PostingStatus = failure.outcome === 'ambiguous' ? 'unknown' : 'pending';
    if (status === 'pending' && attempt >= maxAttempts) {
      await settle(db, posting, { status: 'dead', ...error }, true);
      await addEvent(db, posting.id, at, 'dead', {
        reason: `retry budget of ${maxAttempts} attempts exhausted`,
        code: failure.code,
      });
      return;
    }
    await settle(db, posting, { status, next_attempt_at: later(attempt), ...error }, true);
  }

  const inFlight = new Set<Promise<void>>();

  async function loop(): Promise<void> {
    while (running) {
      let claimed: PostingRow[] = [];
      const free = concurrency - inFlight.size;
      if (free > 0) {
        try {
          claimed = await claimDuePostings(database, owner, now(), leaseMs, free);
        } catch (error) {
          log('worker.claim_failed', { error: error instanceof Error ? error.message : String(error) });
          await sleep(pollMs * 5);
          continue;
        }
      }
      for (const posting of claimed) {
        const task = process(posting)
          .catch(async (error: unknown) => {
            log('worker.process_failed', {
              posting: posting.id,
              error: error instanceof Error ? error.message : String(error),
            });
            // Leave it for lease expiry: it is retried (and looked up first) once the lease runs out.
          })
          .finally(() => {
            inFlight.delete(task);
            wakeUp?.();
          });
        inFlight.add(task);
      }
      if (claimed.length === 0 || inFlight.size >= concurrency) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            wakeUp = undefined;
            resolve();
          };
        });
      }
    }
    await Promise.allSettled([...inFlight]);
  }

  const done = loop();
  return {
    owner,
    wake: () => wakeUp?.(),
    stop: async () => {
      running = false;
      wakeUp?.();
      await done;
      await Promise.all([...connections.values()].map((c) => c.connector.close()));
    },
  };
}
