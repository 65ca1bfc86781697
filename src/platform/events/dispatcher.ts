import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Keyring } from '../security/keyring.ts';
import type { OpenDatabase } from '../store/database.ts';
import {
  claimSubscriptions,
  DEFAULT_DELIVERY_POLICY,
  deliverTurn,
  type DeliveryDeps,
  type DeliveryPolicy,
} from './delivery.ts';
import { claimInbound, handleInbound } from './inbound.ts';
import { sequenceAll } from './log.ts';

/**
 * The events' background side, run by every worker process (and the server when it runs the worker):
 * it sequences the companies' new events into their logs (queueing their webhook deliveries), sends due
 * deliveries — up to `concurrency` subscriptions at once, each in order — handles queued inbound calls,
 * and drops what is older than the retention. A turn does not wait for the others: a slow receiver
 * occupies one slot, for one time-out at a time.
 */
export interface DispatcherOptions {
  readonly database: OpenDatabase;
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly owner?: string;
  /** Subscriptions sent to at once (and inbound calls handled at once). */
  readonly concurrency?: number;
  readonly policy?: Partial<DeliveryPolicy>;
  /** Wait between rounds when nothing is due (ms). */
  readonly pollMs?: number;
  /** Events, their deliveries and inbound calls older than this many days are dropped. */
  readonly retentionDays?: number;
  readonly random?: () => number;
  readonly userAgent?: string;
  readonly log?: (event: string, fields: Record<string, unknown>) => void;
}

export interface DispatchReport {
  readonly sequenced: number;
  readonly delivered: number;
  readonly failed: number;
  readonly parked: number;
  readonly inbound: number;
}

export interface Dispatcher {
  readonly owner: string;
  /** One round, waiting for every turn and call it started (tests drive the dispatcher with this). */
  drain(): Promise<DispatchReport>;
  /** Runs rounds until stopped. */
  start(): void;
  /** Look for work now (an event or an inbound call was recorded). */
  wake(): void;
  stop(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const owner = options.owner ?? `events-${randomUUID().slice(0, 8)}`;
  const policy: DeliveryPolicy = {
    ...DEFAULT_DELIVERY_POLICY,
    ...options.policy,
    backoff: { ...DEFAULT_DELIVERY_POLICY.backoff, ...options.policy?.backoff },
  };
  const deps: DeliveryDeps = {
    database: options.database,
    keyring: options.keyring,
    clock: options.clock,
    owner,
    policy: { ...policy, timeoutMs: Math.min(policy.timeoutMs, Math.floor(policy.leaseMs / 3)) },
    random: options.random ?? Math.random,
    userAgent: options.userAgent ?? 'FinBridge-Webhooks/1',
  };
  const concurrency = options.concurrency ?? 8;
  const pollMs = options.pollMs ?? 500;
  const retentionMs = (options.retentionDays ?? 90) * 86_400_000;
  const log = options.log ?? (() => {});
  const turns = new Set<Promise<void>>();
  const calls = new Set<Promise<void>>();
  let totals = { delivered: 0, failed: 0, parked: 0, inbound: 0 };
  const state = { running: false };
  let wakeUp: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let lastPurge = 0;

  const track = (set: Set<Promise<void>>, work: Promise<void>) => {
    const task = work
      .catch((error: unknown) => {
        log('events.turn_failed', { error: messageOf(error) });
      })
      .finally(() => {
        set.delete(task);
        wakeUp?.();
      });
    set.add(task);
  };

  /** Sequences, then starts turns and calls while there is room; how many it started. */
  async function round(): Promise<{ sequenced: number; started: number }> {
    const now = options.clock.now();
    const sequenced = await sequenceAll(options.database, options.clock);
    let started = 0;
    for (const row of await claimInbound(
      options.database,
      owner,
      now,
      policy.leaseMs,
      concurrency - calls.size,
    )) {
      started += 1;
      track(
        calls,
        handleInbound({ ...deps }, row).then(() => {
          totals.inbound += 1;
        }),
      );
    }
    const free = concurrency - turns.size;
    for (const claimed of await claimSubscriptions(options.database, owner, now, policy.leaseMs, free)) {
      started += 1;
      track(
        turns,
        deliverTurn(deps, claimed).then((r) => {
          totals = {
            ...totals,
            delivered: totals.delivered + r.delivered,
            failed: totals.failed + r.failed,
            parked: totals.parked + r.parked,
          };
        }),
      );
    }
    if (now.getTime() - lastPurge > 3600_000) {
      lastPurge = now.getTime();
      await purgeOld(options.database, new Date(now.getTime() - retentionMs).toISOString());
    }
    return { sequenced, started };
  }

  return {
    owner,
    async drain() {
      totals = { delivered: 0, failed: 0, parked: 0, inbound: 0 };
      const { sequenced } = await round();
      await Promise.all([...turns, ...calls]);
      return { sequenced, ...totals };
    },
    start() {
      if (state.running) return;
      state.running = true;
      loop = (async () => {
        while (state.running) {
          let busy = false;
          try {
            const r = await round();
            busy = r.sequenced > 0 || r.started > 0;
          } catch (error) {
            log('events.round_failed', { error: messageOf(error) });
          }
          if (!busy)
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, pollMs);
              wakeUp = () => {
                clearTimeout(timer);
                wakeUp = undefined;
                resolve();
              };
            });
        }
      })();
    },
    wake: () => wakeUp?.(),
    async stop() {
      state.running = false;
      wakeUp?.();
      await loop;
      await Promise.allSettled([...turns, ...calls]);
    },
  };
}

/** Drops events sequenced before `before` (their deliveries and attempts with them) and old inbound calls. */
async function purgeOld(database: OpenDatabase, before: string): Promise<void> {
  await database.db.deleteFrom('events').where('sequenced_at', '<', before).execute();
  await database.db
    .deleteFrom('inbound_webhooks')
    .where('received_at', '<', before)
    .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'queued')]))
    .execute();
}
