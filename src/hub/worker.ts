import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, UpdateObject } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Keyring } from '../platform/security/keyring.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import {
  claimDuePostings,
  claimDueSyncs,
  type ClaimedPosting,
  heartbeat,
  leaveCluster,
  type PostingRow,
  settlePosted,
} from '../platform/store/job-claims.ts';
import { keepStatisticsCurrent } from '../platform/store/maintenance.ts';
import { tenantDb, type TenantDb } from '../platform/store/tenant-scope.ts';
import type { Database } from '../platform/store/tables.ts';
import type { PostingStatus } from '../hub/tables.ts';
import type { Connector, DocumentKind, ErpFailure, MappingProfile } from '../connectors/contract.ts';
import { connectorFor, getConnectionRow } from './connections.ts';
import { parseDocument } from './canonical-documents.ts';
import type { HubMetrics } from './metrics.ts';
import { notifyPosted, type PostedDocument } from './outcomes.ts';
import { addEvent, addEventsToMany } from './postings.ts';
import { getProfile, profileOf } from './profiles.ts';
import { runPull } from './pulls.ts';
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
 *  3. `sending` is committed before the call (a pending posting is marked by the claim that takes it),
 *     then the call is made — only while the lease outlasts it — and its outcome recorded:
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
  /** Most documents sent in one ERP call (BatchSave); 1 sends each on its own. */
  readonly batchSize?: number;
  /** How often to look for scheduled pulls that are due. */
  readonly syncPollMs?: number;
  /** How often to announce this worker to the cluster (rate limits are shared among live workers). */
  readonly heartbeatMs?: number;
  /** How often to check the queue tables' planner statistics (PostgreSQL without autovacuum). */
  readonly upkeepMs?: number;
}

const postedDocument = (posting: PostingRow, erpNumber: string, postedAt: string): PostedDocument => ({
  postingId: posting.id,
  documentId: posting.document_id,
  kind: posting.document_type as DocumentKind,
  erpNumber,
  document: JSON.parse(posting.document_json) as Record<string, unknown>,
  postedAt,
});

export interface Worker {
  readonly owner: string;
  /** Look for work now (after a posting was submitted). */
  wake(): void;
  /** Finish in-flight work and stop. */
  stop(): Promise<void>;
}

interface ConnectionState {
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

/** What a worker's state change writes: values, or expressions over the posting's columns. */
type PostingChanges =
  | UpdateObject<Database, 'postings'>
  | ((eb: ExpressionBuilder<Database, 'postings'>) => UpdateObject<Database, 'postings'>);

/** Most documents in one ERP call unless configured (`FINBRIDGE_WORKER_BATCH_SIZE`). */
export const DEFAULT_BATCH_SIZE = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startWorker(options: WorkerOptions): Worker {
  const owner = options.owner ?? `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const callTimeoutMs = Math.min(options.callTimeoutMs ?? 15_000, Math.floor(leaseMs / 3));
  const concurrency = options.concurrency ?? 8;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const maxAttempts = options.maxAttempts ?? 12;
  const pollMs = options.pollMs ?? 200;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const { database, clock, metrics } = options;
  const connections = new Map<string, ConnectionState>();
  const syncPollMs = options.syncPollMs ?? 5000;
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const upkeepMs = options.upkeepMs ?? 5000;
  let liveWorkers = 1;
  let running = true;
  let wakeUp: (() => void) | undefined;
  // Instants (leases, due times, trace events) come from the injected clock; in-memory intervals
  // (breakers, rate-limit buckets, cache ages) from the monotonic performance.now().
  const now = () => clock.now();

  const shared = (bucket: TokenBucket) => {
    bucket.share(liveWorkers);
    return bucket;
  };
  const BREAKER_LEVEL = { closed: 0, 'half-open': 1, open: 2 } as const;
  const reportBreaker = (state: ConnectionState) =>
    metrics?.breaker.set({ connection: state.name }, BREAKER_LEVEL[state.breaker.state(performance.now())]);

  const loading = new Map<string, Promise<ConnectionState>>();
  /** One state per connection, however many tasks ask at once — its breaker and bucket are shared. */
  async function connection(db: TenantDb, id: string): Promise<ConnectionState> {
    const cached = connections.get(id);
    // Settings changes are picked up within a few seconds, without a query per posting.
    if (cached !== undefined && performance.now() - cached.checkedAt < 3000) return cached;
    let pending = loading.get(id);
    if (pending === undefined) {
      pending = refresh(db, id, cached).finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  }

  async function refresh(
    db: TenantDb,
    id: string,
    cached: ConnectionState | undefined,
  ): Promise<ConnectionState> {
    const row = await getConnectionRow(db, id);
    if (cached?.version === row.version) {
      cached.checkedAt = performance.now();
      return cached;
    }
    const connector = await connectorFor(db, options.keyring, row, { now, log, timeoutMs: callTimeoutMs });
    const state: ConnectionState = {
      id,
      connector,
      breaker: cached?.breaker ?? new CircuitBreaker(5, 5_000),
      bucket:
        cached?.rateLimitRps === row.rate_limit_rps
          ? cached.bucket
          : shared(new TokenBucket(row.rate_limit_rps, performance.now())),
      rateLimitRps: row.rate_limit_rps,
      name: row.name,
      paused: row.status !== 'active',
      version: row.version,
      checkedAt: performance.now(),
    };
    connections.set(id, state);
    if (cached !== undefined) await cached.connector.close();
    return state;
  }

  const profiles = new Map<string, MappingProfile>();
  /** Profile versions never change once saved, so each is read once. */
  async function profileFor(
    db: TenantDb,
    connectionId: string,
    version: number | null,
  ): Promise<MappingProfile> {
    const key = `${connectionId}@${version ?? 'latest'}`;
    const cached = profiles.get(key);
    if (cached !== undefined) return cached;
    const profile = profileOf(await getProfile(db, connectionId, version ?? undefined));
    if (version !== null) profiles.set(key, profile);
    return profile;
  }

  /**
   * Applies a state change only while the lease `postings` carry is still the posting's: this worker's,
   * from the same claim. A lease that ran out may have been claimed again — by another worker or by
   * this one — and the batch holding the older claim must then change nothing.
   */
  async function settleAll(
    db: TenantDb,
    postings: readonly PostingRow[],
    changes: PostingChanges,
    release: boolean,
  ): Promise<number> {
    const [head] = postings;
    if (head === undefined) return 0;
    const result = await db
      .updateTable('postings')
      .set((eb) => ({
        ...(typeof changes === 'function' ? changes(eb) : changes),
        updated_at: now().toISOString(),
        ...(release ? { lease_owner: null, lease_until: null } : {}),
      }))
      .where(
        'id',
        'in',
        postings.map((p) => p.id),
      )
      .where('lease_owner', '=', owner)
      .where('lease_until', '=', head.lease_until)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  const settle = async (
    db: TenantDb,
    posting: PostingRow,
    changes: PostingChanges,
    release: boolean,
  ): Promise<boolean> => (await settleAll(db, [posting], changes, release)) === 1;

  /** When to try again after `attempt`: backoff with jitter, and no sooner than `atLeastMs` from now. */
  const later = (attempt: number, atLeastMs = 0) =>
    new Date(
      now().getTime() + Math.max(atLeastMs, backoffDelay(Math.max(1, attempt), backoff, random)),
    ).toISOString();

  const inMs = (ms: number) => new Date(now().getTime() + ms).toISOString();

  /** Puts claimed postings back for `waitMs`, releasing the lease. */
  const putBack = (db: TenantDb, postings: readonly PostingRow[], waitMs: number) =>
    settleAll(db, postings, { next_attempt_at: inMs(waitMs) }, true);

  /** Takes back a send that was marked but not made: pending again in `waitMs`, the attempt uncounted. */
  const unsend = (db: TenantDb, postings: readonly PostingRow[], waitMs: number) =>
    settleAll(
      db,
      postings,
      (eb) => ({ status: 'pending', attempts: eb('attempts', '-', 1), next_attempt_at: inMs(waitMs) }),
      true,
    );

  async function resolveUnknown(
    db: TenantDb,
    posting: PostingRow,
    state: ConnectionState,
  ): Promise<'posted' | 'send' | 'later'> {
    const started = performance.now();
    const found = await state.connector.lookup(
      posting.document_type as DocumentKind,
      posting.external_reference,
    );
    const latencyMs = Math.round(performance.now() - started);
    if ('found' in found) {
      await addEvent(db, posting.id, now().toISOString(), 'lookup', {
        reference: posting.external_reference,
        found: found.found,
        latencyMs,
        ...(found.found ? { erpNumber: found.erpNumber } : {}),
      });
      if (!found.found) return 'send';
      await db.transaction(async (tx) => {
        const mine = await settle(
          tx,
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
        if (mine) await notifyPosted(tx, [postedDocument(posting, found.erpNumber, now().toISOString())]);
      });
      await addEvent(db, posting.id, now().toISOString(), 'posted', {
        erpId: found.erpId,
        erpNumber: found.erpNumber,
        via: 'lookup',
      });
      metrics?.outcomes.inc({ connection: state.name, outcome: 'found_by_lookup' });
      state.breaker.success();
      reportBreaker(state);
      return 'posted';
    }
    await addEvent(db, posting.id, now().toISOString(), 'lookup', {
      reference: posting.external_reference,
      failed: found.outcome,
      code: found.code,
      message: found.message.slice(0, 200),
      latencyMs,
    });
    state.breaker.failure(performance.now());
    reportBreaker(state);
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

  /**
   * Whether a batch may call now (undefined), or how soon it is due again once given back: the breaker
   * is open, the connection paused, or the claim's lease will not outlast the call (see processBatch).
   * The rate limit is waited out only while the lease covers the wait and the call, and its token is
   * taken only when the call can follow.
   */
  async function holdFor(
    postings: readonly PostingRow[],
    state: ConnectionState,
  ): Promise<number | undefined> {
    if (state.paused) return 60_000;
    if (!state.breaker.allows(performance.now()))
      return Math.max(1000, state.breaker.retryInMs(performance.now()));
    for (;;) {
      const spareMs = leaseSpareMs(postings);
      if (spareMs < 0) return 0;
      const wait = state.bucket.take(performance.now());
      if (wait <= 0) return undefined;
      if (wait > spareMs) return wait;
      await sleep(wait);
    }
  }

  /**
   * How long a batch may still wait before its call, under the lease its claim took (or its recheck
   * renewed): a call made then ends, at its deadline, with a call timeout of the lease still to run.
   * Negative when it is already too late.
   */
  const leaseSpareMs = (postings: readonly PostingRow[]) =>
    (Date.parse(postings[0]?.lease_until ?? '') || 0) - now().getTime() - 2 * callTimeoutMs;

  /** A posting whose last send may have reached the ERP is looked up first; true when it must be sent. */
  async function needsSending(db: TenantDb, posting: PostingRow, state: ConnectionState): Promise<boolean> {
    if (posting.status !== 'unknown' && posting.status !== 'sending') return true;
    if (posting.status === 'sending')
      await addEvent(db, posting.id, now().toISOString(), 'lease_expired', {
        note: 'the worker sending it stopped; outcome unknown',
      });
    if ((await resolveUnknown(db, posting, state)) !== 'send') return false;
    if (posting.attempts < maxAttempts) return true;
    await settle(db, posting, { status: 'dead', last_outcome: 'exhausted' }, true);
    await addEvent(db, posting.id, now().toISOString(), 'dead', {
      reason: `not in the ERP after ${posting.attempts} attempts`,
    });
    return false;
  }

  /**
   * Postings claimed while their last send may have reached the ERP: each is looked up first, and those
   * the ERP does not have are marked `sending` — only under the lease this batch's claim took, still
   * running (see settleAll), which the mark renews. Returns them as marked.
   */
  async function recheck(
    db: TenantDb,
    postings: readonly PostingRow[],
    state: ConnectionState,
  ): Promise<PostingRow[]> {
    const ready: PostingRow[] = [];
    for (const posting of postings) if (await needsSending(db, posting, state)) ready.push(posting);
    const [head] = ready;
    if (head === undefined) return [];
    const sentAt = now();
    const renewedUntil = new Date(sentAt.getTime() + leaseMs).toISOString();
    return db
      .updateTable('postings')
      .set((eb) => ({
        status: 'sending' as const,
        attempts: eb('attempts', '+', 1),
        lease_until: renewedUntil,
        // due again only if this worker dies: when its lease runs out (as a claim marks it)
        next_attempt_at: renewedUntil,
        updated_at: sentAt.toISOString(),
      }))
      .where(
        'id',
        'in',
        ready.map((p) => p.id),
      )
      .where('lease_owner', '=', owner)
      .where('lease_until', '=', head.lease_until)
      .where('lease_until', '>', sentAt.toISOString())
      .returningAll()
      .execute();
  }

  /**
   * Sends postings of one connection, kind and profile version in one ERP call (BatchSave when more
   * than one). They are `sending` before the call: marked by the claim, or by the recheck of those
   * whose last send may have reached the ERP. The call is made only while their lease outlasts it: an
   * ERP may finish a call its client gave up on, and only after the lease may another claim look the
   * posting up; a batch held up past that point (a long wait, a stalled database) sends nothing on this
   * claim and is given back. Each item's outcome is then settled on its own terms, the successes
   * together in one transaction.
   */
  async function processBatch(postings: readonly ClaimedPosting[]): Promise<void> {
    const [head] = postings;
    if (head === undefined) return;
    const db = tenantDb(database.db, head.tenant_id);
    const state = await connection(db, head.connection_id);
    const markedByClaim = head.claimed_from === 'pending';
    // everything the call needs is read first, so that the call follows the rate limit's token at once
    const profile = await profileFor(db, state.id, head.profile_version);
    const holdMs = await holdFor(postings, state);
    if (holdMs !== undefined) {
      await (markedByClaim ? unsend : putBack)(db, postings, holdMs);
      return;
    }
    const batch = markedByClaim ? postings : await recheck(db, postings, state);
    if (batch.length === 0) return;
    if (leaseSpareMs(batch) < 0) {
      await unsend(db, batch, 0);
      return;
    }
    const items = batch.map((posting) => ({
      document: parseDocument(posting.document_type as DocumentKind, JSON.parse(posting.document_json)),
      externalReference: posting.external_reference,
    }));
    const kind = head.document_type as DocumentKind;
    const erpObject =
      (Object.hasOwn(state.connector.manifest.pushes, kind)
        ? state.connector.manifest.pushes[kind]?.erpObject
        : undefined) ?? kind;
    const started = performance.now();
    const [only] = items;
    const results =
      batch.length === 1 && only !== undefined
        ? [await state.connector.push(only.document, only.externalReference, profile)]
        : await state.connector.pushBatch(items, profile);
    const latencyMs = Math.round(performance.now() - started);
    metrics?.latency.observe({ connection: state.name }, latencyMs / 1000);
    const at = now().toISOString();
    const posted: {
      posting: PostingRow;
      erpId: string;
      erpNumber: string;
      summary: Record<string, unknown>;
    }[] = [];
    for (const [i, posting] of batch.entries()) {
      const result = results[i] ?? {
        outcome: 'ambiguous',
        code: 'no_result',
        message: 'no result for this item',
      };
      metrics?.outcomes.inc({ connection: state.name, outcome: result.outcome });
      const summary = {
        attempt: posting.attempts,
        latencyMs,
        request: {
          service: batch.length === 1 ? 'Save' : 'BatchSave',
          formid: erpObject,
          ...(batch.length === 1 ? {} : { batch: batch.length, index: i }),
          profileVersion: posting.profile_version,
          reference: posting.external_reference,
        },
      };
      if (result.outcome === 'success')
        posted.push({ posting, erpId: result.erpId, erpNumber: result.erpNumber, summary });
      else await recordFailure(db, posting, state, result, posting.attempts, summary);
    }
    if (posted.length === 0) return;
    state.breaker.success();
    reportBreaker(state);
    await db.transaction(async (tx) => {
      const mine = new Set(
        await settlePosted(
          tx,
          { owner, until: batch[0]?.lease_until ?? null },
          at,
          posted.map((p) => ({ id: p.posting.id, erpId: p.erpId, erpNumber: p.erpNumber })),
        ),
      );
      await addEventsToMany(
        tx,
        at,
        posted
          .filter((p) => mine.has(p.posting.id))
          .map(({ posting, erpId, erpNumber, summary }) => [
            posting.id,
            [
              ['attempt', { ...summary, outcome: 'success', response: { erpId, erpNumber } }],
              ['posted', { erpId, erpNumber }],
            ],
          ]),
      );
      await notifyPosted(
        tx,
        posted.filter((p) => mine.has(p.posting.id)).map((p) => postedDocument(p.posting, p.erpNumber, at)),
      );
    });
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
      reportBreaker(state);
      await settle(db, posting, { status: 'rejected', ...error }, true);
      await addEvent(db, posting.id, at, 'rejected', { code: failure.code, message: failure.message });
      return;
    }
    state.breaker.failure(performance.now());
    reportBreaker(state);
    const status: PostingStatus = failure.outcome === 'ambiguous' ? 'unknown' : 'pending';
    if (status === 'pending' && attempt >= maxAttempts) {
      await settle(db, posting, { status: 'dead', ...error }, true);
      await addEvent(db, posting.id, at, 'dead', {
        reason: `retry budget of ${maxAttempts} attempts exhausted`,
        code: failure.code,
      });
      return;
    }
    // An ERP may still be working on a call its client gave up on: the lookup that decides whether to
    // send again waits at least one more call timeout, so it does not overtake that work.
    const next = later(attempt, status === 'unknown' ? callTimeoutMs : 0);
    await settle(db, posting, { status, next_attempt_at: next, ...error }, true);
  }

  const inFlight = new Set<Promise<void>>();

  /** Claimed postings in groups that can share one ERP call, each at most `batchSize` long. */
  function batches(claimed: readonly ClaimedPosting[]): ClaimedPosting[][] {
    const groups = new Map<string, ClaimedPosting[]>();
    for (const p of claimed) {
      // those the claim marked `sending` go together; the others are looked up first
      const marked = p.claimed_from === 'pending';
      const key = `${p.tenant_id}|${p.connection_id}|${p.document_type}|${String(p.profile_version)}|${marked}`;
      const group = groups.get(key) ?? [];
      group.push(p);
      groups.set(key, group);
    }
    const out: ClaimedPosting[][] = [];
    for (const group of groups.values())
      for (let i = 0; i < group.length; i += batchSize) out.push(group.slice(i, i + batchSize));
    return out;
  }

  async function loop(): Promise<void> {
    while (running) {
      let claimed: ClaimedPosting[] = [];
      const free = concurrency - inFlight.size;
      const wanted = free * batchSize;
      if (free > 0) {
        try {
          claimed = await claimDuePostings(database, owner, now(), leaseMs, wanted);
        } catch (error) {
          log('worker.claim_failed', { error: error instanceof Error ? error.message : String(error) });
          await sleep(pollMs * 5);
          continue;
        }
      }
      for (const group of batches(claimed)) {
        const task = processBatch(group)
          .catch(async (error: unknown) => {
            log('worker.process_failed', {
              postings: group.map((p) => p.id),
              error: error instanceof Error ? error.message : String(error),
            });
            // Leave them for lease expiry: they are retried (and looked up first) once the lease runs out.
          })
          .finally(() => {
            inFlight.delete(task);
            wakeUp?.();
          });
        inFlight.add(task);
      }
      // A claim that came back short took everything due: wait for the next wake-up (a submission, a
      // finished batch) or poll, instead of asking again at once for nothing.
      if (claimed.length < wanted || inFlight.size >= concurrency) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            wakeUp = undefined;
            resolve();
          };
        });
      }
      // The event loop turns between claims: with a synchronous driver (SQLite), claims and batches that
      // make no ERP call (given back at once) would otherwise follow each other without ever letting
      // timers or sockets run.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.allSettled([...inFlight]);
  }

  /** Runs the scheduled pulls this worker won; one at a time, beside the posting loop. */
  async function syncLoop(): Promise<void> {
    while (running) {
      try {
        const due = await claimDueSyncs(database, owner, now(), leaseMs, 5);
        for (const job of due) {
          const db = tenantDb(database.db, job.tenant_id);
          const state = await connection(db, job.connection_id);
          const outcome = await runPull(
            db,
            clock,
            state.connector,
            job.connection_id,
            job.object,
            owner,
            leaseMs,
          );
          metrics?.pulled.inc({ connection: state.name, object: job.object }, outcome.records);
          log('worker.pulled', {
            connection: state.name,
            object: job.object,
            records: outcome.records,
            failed: outcome.failure?.code,
          });
        }
      } catch (error) {
        log('worker.sync_failed', { error: error instanceof Error ? error.message : String(error) });
      }
      await pause(syncPollMs);
    }
  }

  /** Keeps this worker's entry in the cluster and its share of each connection's rate limit current. */
  async function heartbeatLoop(): Promise<void> {
    while (running) {
      try {
        const live = await heartbeat(database, owner, now(), heartbeatMs * 3);
        if (live !== liveWorkers) {
          liveWorkers = live;
          for (const state of connections.values()) state.bucket.share(live);
        }
      } catch (error) {
        log('worker.heartbeat_failed', { error: error instanceof Error ? error.message : String(error) });
      }
      await pause(heartbeatMs);
    }
  }

  /** Keeps the queue tables' statistics current where the server's autovacuum does not. */
  async function upkeepLoop(): Promise<void> {
    while (running) {
      try {
        const done = await keepStatisticsCurrent(database);
        if (done.analyzed.length + done.vacuumed.length > 0) log('worker.upkeep', { ...done });
      } catch (error) {
        log('worker.upkeep_failed', { error: error instanceof Error ? error.message : String(error) });
      }
      await pause(upkeepMs);
    }
  }

  const sleepers = new Set<() => void>();
  /** A sleep that `stop()` cuts short. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });

  const done = Promise.all([loop(), syncLoop(), heartbeatLoop(), upkeepLoop()]);
  return {
    owner,
    wake: () => wakeUp?.(),
    stop: async () => {
      running = false;
      wakeUp?.();
      for (const wake of [...sleepers]) wake();
      await done;
      await leaveCluster(database, owner).catch(() => {});
      await Promise.all([...connections.values()].map((c) => c.connector.close()));
    },
  };
}
