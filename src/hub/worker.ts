import { WORKER_DEFAULTS } from '../platform/config.ts';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../platform/clock.ts';
import type { Keyring } from '../platform/security/keyring.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import {
  claimDuePostings,
  claimDueSyncs,
  type ClaimedPosting,
  heartbeat,
  leaveCluster,
} from '../platform/store/job-claims.ts';
import { keepStatisticsCurrent } from '../platform/store/maintenance.ts';
import { tenantDb } from '../platform/store/tenant-scope.ts';
import type { HandedPosting, IntakeClaim } from './postings.ts';
import type { HubMetrics } from './metrics.ts';
import { runPull } from './pulls.ts';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './resilience.ts';
import { ConnectionStates } from './worker/connection-states.ts';
import { messageOf, nowOf, sleep, type WorkerContext } from './worker/context.ts';
import { Leases } from './worker/leases.ts';
import { PostingSender, type SendablePosting } from './worker/sending.ts';
import { sendTraced } from './worker/tracing.ts';

/**
 * The posting worker — the exactly-once-effect protocol (ARCHITECTURE §4):
 *  1. claim due postings with a lease (platform/store/job-claims.ts);
 *  2. a posting whose outcome is unknown (ambiguous answer, or a lease that ran out while sending
 *     because a worker died) is first looked up in the ERP by its external reference — found means
 *     posted, never sent again;
 *  3. `sending` is committed before the call (a pending posting is marked by the claim that takes it),
 *     then the call is made — only while the lease outlasts it — and its outcome recorded
 *     (worker/sending.ts), the submitting module told in the same transaction (worker/notices.ts);
 *  4. per connection a circuit breaker and a rate limit (worker/connection-states.ts); after the retry
 *     budget a posting is dead.
 * Every state change is conditional on still holding the lease (worker/leases.ts), so a worker that
 * lost its lease cannot overwrite another's result. Beside the posting loop run the scheduled pulls,
 * the cluster heartbeat and the queue tables' upkeep.
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
  /** Most documents sent in one ERP call; 1 sends each on its own. */
  readonly batchSize?: number;
  /** How often to look for scheduled pulls that are due. */
  readonly syncPollMs?: number;
  /** How often to announce this worker to the cluster (rate limits are shared among live workers). */
  readonly heartbeatMs?: number;
  /** How often to check the queue tables' planner statistics (PostgreSQL without autovacuum). */
  readonly upkeepMs?: number;
}

export interface Worker {
  readonly owner: string;
  /** Look for work now (after a posting was submitted). */
  wake(): void;
  /**
   * Room for up to `count` postings that this process's intake stores already claimed (ADR 0023): the
   * lease to write with them, or undefined when every batch slot is taken, postings may be waiting in
   * the queue (they go first), or the worker is stopping.
   */
  reserve(count: number): LocalClaim | undefined;
  /** Finish in-flight work and stop. */
  stop(): Promise<void>;
}

/** Batch slots held for the intake's transaction; its claimed postings are handed over once committed. */
export interface LocalClaim {
  readonly lease: IntakeClaim;
  /** The postings stored under the lease, committed: sent at once, like a claim's. */
  hand(postings: readonly HandedPosting[]): void;
  /** Gives back the slots not handed over (idempotent; `hand` releases too). */
  release(): void;
}

/** Most documents in one ERP call unless configured (`FINBRIDGE_WORKER_BATCH_SIZE`). */
export const DEFAULT_BATCH_SIZE = WORKER_DEFAULTS.batchSize;

function contextOf(options: WorkerOptions): WorkerContext {
  const leaseMs = options.leaseMs ?? WORKER_DEFAULTS.leaseMs;
  return {
    owner: options.owner ?? `worker-${randomUUID().slice(0, 8)}`,
    database: options.database,
    keyring: options.keyring,
    clock: options.clock,
    metrics: options.metrics,
    log: options.log ?? (() => {}),
    leaseMs,
    callTimeoutMs: Math.min(options.callTimeoutMs ?? WORKER_DEFAULTS.callTimeoutMs, Math.floor(leaseMs / 3)),
    maxAttempts: options.maxAttempts ?? WORKER_DEFAULTS.maxAttempts,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random: options.random ?? Math.random,
  };
}

/** Claimed postings in groups that can share one ERP call, each at most `batchSize` long. */
function batches(claimed: readonly SendablePosting[], batchSize: number): SendablePosting[][] {
  const groups = new Map<string, SendablePosting[]>();
  for (const p of claimed) {
    // those the claim marked `sending` go together; the others are looked up first
    const marked = p.claimed_from === 'pending';
    const key = `${p.tenant_id}|${p.connection_id}|${p.document_type}|${String(p.profile_version)}|${marked}`;
    const group = groups.get(key) ?? [];
    group.push(p);
    groups.set(key, group);
  }
  const out: SendablePosting[][] = [];
  for (const group of groups.values())
    for (let i = 0; i < group.length; i += batchSize) out.push(group.slice(i, i + batchSize));
  return out;
}

export function startWorker(options: WorkerOptions): Worker {
  const ctx = contextOf(options);
  const { owner, database, log, leaseMs } = ctx;
  const concurrency = options.concurrency ?? WORKER_DEFAULTS.concurrency;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const pollMs = options.pollMs ?? WORKER_DEFAULTS.pollMs;
  const syncPollMs = options.syncPollMs ?? WORKER_DEFAULTS.syncPollMs;
  const heartbeatMs = options.heartbeatMs ?? WORKER_DEFAULTS.heartbeatMs;
  const upkeepMs = options.upkeepMs ?? 5000;
  const states = new ConnectionStates(ctx);
  const sender = new PostingSender(ctx, states, new Leases(ctx), concurrency);
  // A batch holds a call's turn only for the call (PostingSender): `concurrency` calls are in flight,
  // and a few more batches — claimed ahead, or recording their outcomes — are under way beside them, so
  // that the next call starts as soon as one ends instead of after a claim's round trip.
  const tasks = concurrency + Math.max(2, Math.ceil(concurrency / 4));
  const inFlight = new Set<Promise<void>>();
  /** Batch slots reserved by the intake for postings it is storing already claimed. */
  let reserved = 0;
  /**
   * Whether more may be due than the last claim took: it came back full, or a submission woke the
   * worker since. A finished batch starts the next claim only then; otherwise the queue was empty when
   * last asked and the next claim waits for a wake-up or the poll (at low load most batches are handed
   * over by the intake, and a claim after each of them would find nothing, at a write's cost). It keeps
   * its value while a claim is under way, so the intake cannot overtake a backlog that claim is taking.
   */
  let more = true;
  /** A wake-up came while the claim under way was being made: what it took may not include the cause. */
  let wokenDuringClaim = false;
  let running = true;
  let wakeUp: (() => void) | undefined;

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

  /** A loop step that runs until stop, each round's failure logged, not fatal. */
  async function every(ms: number, failure: string, step: () => Promise<void>): Promise<void> {
    while (running) {
      try {
        await step();
      } catch (error) {
        log(failure, { error: messageOf(error) });
      }
      await pause(ms);
    }
  }

  /** Sends each batch beside the others. */
  function start(claimed: readonly SendablePosting[]): void {
    for (const group of batches(claimed, batchSize)) {
      const task = sendTraced(database, group, () => sender.processBatch(group))
        .catch((error: unknown) => {
          // Left for lease expiry: retried (and looked up first) once the lease runs out.
          log('worker.process_failed', { postings: group.map((p) => p.id), error: messageOf(error) });
        })
        .finally(() => {
          inFlight.delete(task);
          if (more) wakeUp?.();
        });
      inFlight.add(task);
    }
  }

  /** Claims due postings while there is room, and sends each batch beside the others. */
  async function postingLoop(): Promise<void> {
    while (running) {
      let claimed: ClaimedPosting[] = [];
      const free = tasks - inFlight.size - reserved;
      const wanted = free * batchSize;
      if (free > 0) {
        wokenDuringClaim = false;
        try {
          claimed = await claimDuePostings(database, owner, nowOf(ctx), leaseMs, wanted);
          more = claimed.length === wanted || wokenDuringClaim;
        } catch (error) {
          more = true;
          log('worker.claim_failed', { error: messageOf(error) });
          await sleep(pollMs * 5);
          continue;
        }
      }
      start(claimed);
      // A claim that came back short took everything due: wait for the next wake-up (a submission, a
      // finished batch) or poll, instead of asking again at once for nothing.
      if (claimed.length < wanted || inFlight.size + reserved >= tasks) {
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
  const pullDue = async () => {
    for (const job of await claimDueSyncs(database, owner, nowOf(ctx), leaseMs, 5)) {
      const db = tenantDb(database.db, job.tenant_id);
      const state = await states.get(db, job.connection_id);
      const outcome = await runPull(
        db,
        ctx.clock,
        state.connector,
        job.connection_id,
        job.object,
        owner,
        leaseMs,
      );
      ctx.metrics?.pulled.inc({ connection: state.name, object: job.object }, outcome.records);
      log('worker.pulled', {
        connection: state.name,
        object: job.object,
        records: outcome.records,
        failed: outcome.failure?.code,
      });
    }
  };

  /** Keeps this worker's entry in the cluster and its share of each connection's rate limit current. */
  const beat = async () =>
    states.shareAmong(await heartbeat(database, owner, nowOf(ctx), heartbeatMs * 3, states.breakers()));

  /** Keeps the queue tables' statistics current where the server's autovacuum does not. */
  const upkeep = async () => {
    const done = await keepStatisticsCurrent(database);
    if (done.analyzed.length + done.vacuumed.length > 0) log('worker.upkeep', { ...done });
  };

  const done = Promise.all([
    postingLoop(),
    every(syncPollMs, 'worker.sync_failed', pullDue),
    every(heartbeatMs, 'worker.heartbeat_failed', beat),
    every(upkeepMs, 'worker.upkeep_failed', upkeep),
  ]);
  /**
   * The intake's claim: slots for the batches its postings will make, the lease a claim made now would
   * take — while the worker has room and its last claim found the queue empty. Postings handed over
   * after `stop` are not started: their queue rows wait out the lease and are then looked up and sent
   * by whichever worker claims them, as after a crash.
   */
  const reserve = (count: number): LocalClaim | undefined => {
    // Only once the claims have caught up: postings already waiting in the queue (a backlog, retries
    // now due) go first, in their order, and a stream of new ones cannot overtake them.
    const slots = Math.min(tasks - inFlight.size - reserved, Math.ceil(count / batchSize));
    if (!running || more || slots <= 0) return undefined;
    reserved += slots;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      reserved -= slots;
      if (more) wakeUp?.();
    };
    const until = new Date(nowOf(ctx).getTime() + leaseMs).toISOString();
    return {
      lease: { owner, until, capacity: slots * batchSize },
      hand: (postings) => {
        release();
        if (running) start(postings.map((p) => ({ ...p, claimed_from: 'pending' as const })));
        else log('worker.handed_after_stop', { postings: postings.map((p) => p.id) });
      },
      release,
    };
  };

  return {
    owner,
    wake: () => {
      more = true;
      wokenDuringClaim = true;
      wakeUp?.();
    },
    reserve,
    stop: async () => {
      running = false;
      wakeUp?.();
      for (const wake of [...sleepers]) wake();
      await done;
      await leaveCluster(database, owner).catch(() => {});
      await states.closeAll();
    },
  };
}
