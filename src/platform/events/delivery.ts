import type { Clock } from '../clock.ts';
import type { Keyring } from '../security/keyring.ts';
import { SIGNATURE_HEADER, signWebhookWith } from '../security/webhook-signature.ts';
import type { OpenDatabase } from '../store/database.ts';
import { tenantDb, type TenantDb } from '../store/tenant-scope.ts';
import { toEvent } from './envelope.ts';
import type { DeliveryRow } from './outbox.ts';
import { postJson, type SendResult } from './sender.ts';
import { getSubscriptionRow, signingSecrets } from './subscriptions.ts';
import type { DeliveryFailure } from './tables.ts';

/**
 * Sending the outbox. A worker claims a subscription (a lease on its row, so one worker at a time
 * sends its events) whose oldest pending delivery is due, and sends its deliveries one by one in log
 * order: event n+1 is sent only once n is delivered or parked. A failed attempt ends the turn; the
 * delivery waits its backoff and nothing behind it is sent meanwhile. Retries go on with exponential
 * backoff until the retry window (24 h by default, from when the event was queued) has passed; the
 * next failure after that parks the delivery with its reason, and the subscription moves on to the next
 * event. Subscriptions are claimed and sent independently, so a slow or failing receiver holds up only
 * its own. Delivery is at least once: a worker that dies after the receiver answered but before
 * recording it sends that event again; receivers deduplicate by event id.
 */
export interface DeliveryPolicy {
  /** How long a claimed subscription is this worker's; renewed after each attempt. */
  readonly leaseMs: number;
  /** One POST's time-out; must stay well under the lease. */
  readonly timeoutMs: number;
  /** Retries go on at least this long; after it a failure parks the delivery. */
  readonly retryWindowMs: number;
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
  /** Most deliveries one turn sends before the subscription goes back in line. */
  readonly perTurn: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  leaseMs: 60_000,
  timeoutMs: 10_000,
  retryWindowMs: 24 * 3600_000,
  backoff: { baseMs: 10_000, maxMs: 3600_000 },
  perTurn: 100,
};

export interface DeliveryDeps {
  readonly database: OpenDatabase;
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly owner: string;
  readonly policy: DeliveryPolicy;
  readonly random: () => number;
  readonly userAgent: string;
}

export interface ClaimedSubscription {
  readonly tenant_id: string;
  readonly id: string;
}

/**
 * Claims up to `limit` active subscriptions whose oldest pending delivery is due and which no live lease
 * holds — across companies, like the posting queue's claims. Each claim is one conditional UPDATE, so of
 * several workers racing for a subscription exactly one wins it.
 */
export async function claimSubscriptions(
  database: OpenDatabase,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedSubscription[]> {
  if (limit <= 0) return [];
  const at = now.toISOString();
  const due = await database.db
    .selectFrom('webhook_subscriptions as s')
    .select(['s.tenant_id', 's.id', 's.lease_until'])
    .where('s.status', '=', 'active')
    .where((eb) => eb.or([eb('s.lease_until', 'is', null), eb('s.lease_until', '<', at)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('webhook_deliveries as d')
          .select('d.id')
          .whereRef('d.tenant_id', '=', 's.tenant_id')
          .whereRef('d.subscription_id', '=', 's.id')
          .where('d.status', '=', 'pending')
          .where('d.next_attempt_at', '<=', at)
          .where('d.event_seq', '=', (q) =>
            q
              .selectFrom('webhook_deliveries as h')
              .select((h) => h.fn.min('h.event_seq').as('head'))
              .whereRef('h.tenant_id', '=', 's.tenant_id')
              .whereRef('h.subscription_id', '=', 's.id')
              .where('h.status', '=', 'pending'),
          ),
      ),
    )
    .orderBy('s.id')
    .limit(limit)
    .execute();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const claimed: ClaimedSubscription[] = [];
  for (const row of due) {
    const result = await database.db
      .updateTable('webhook_subscriptions')
      .set({ lease_owner: owner, lease_until: until })
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push({ tenant_id: row.tenant_id, id: row.id });
  }
  return claimed;
}

export interface TurnReport {
  readonly delivered: number;
  readonly failed: number;
  readonly parked: number;
}

/**
 * The wait after a failure: as long as the delivery has been failing, at least the base and at most the
 * maximum, ±20 % jitter — so the waits double (10 s, 10 s, 20 s, 40 s, … 1 h) and a replayed delivery
 * starts again from the base.
 */
export function backoffMs(policy: DeliveryPolicy, failingForMs: number, random: () => number): number {
  const wait = Math.min(Math.max(policy.backoff.baseMs, failingForMs), policy.backoff.maxMs);
  return Math.round(wait * (0.8 + 0.4 * random()));
}

/** Sends a claimed subscription's due deliveries in order, then gives its lease back. */
export async function deliverTurn(deps: DeliveryDeps, claimed: ClaimedSubscription): Promise<TurnReport> {
  const db = tenantDb(deps.database.db, claimed.tenant_id);
  const report = { delivered: 0, failed: 0, parked: 0 };
  try {
    for (let sent = 0; sent < deps.policy.perTurn; sent++) {
      const subscription = await getSubscriptionRow(db, claimed.id);
      if (subscription.status !== 'active' || subscription.lease_owner !== deps.owner) break;
      const head = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('subscription_id', '=', claimed.id)
        .where('status', '=', 'pending')
        .orderBy('event_seq')
        .limit(1)
        .executeTakeFirst();
      const now = deps.clock.now();
      if (head === undefined || head.next_attempt_at > now.toISOString()) break;
      const event = await db
        .selectFrom('events')
        .selectAll()
        .where('seq', '=', head.event_seq)
        .executeTakeFirstOrThrow();
      const body = JSON.stringify(toEvent(event));
      const secrets = await signingSecrets(db, deps.keyring, subscription, now.toISOString());
      const attempt = head.attempts + 1;
      const started = performance.now();
      const result = await postJson(
        subscription.url,
        {
          'content-type': 'application/json',
          'user-agent': deps.userAgent,
          [SIGNATURE_HEADER]: signWebhookWith(secrets, body, deps.clock),
          'finbridge-event-id': event.id,
          'finbridge-event-type': event.type,
          'finbridge-delivery-id': head.id,
          'finbridge-delivery-attempt': String(attempt),
        },
        body,
        deps.policy.timeoutMs,
      );
      const durationMs = Math.round(performance.now() - started);
      const verdict = await record(deps, db, head, attempt, result, durationMs);
      if (verdict === 'lost') break;
      report[verdict] += 1;
      if (verdict === 'failed') break;
    }
  } finally {
    await db
      .updateTable('webhook_subscriptions')
      .set({ lease_owner: null, lease_until: null })
      .where('id', '=', claimed.id)
      .where('lease_owner', '=', deps.owner)
      .execute();
  }
  return report;
}

/**
 * Records an attempt and its consequence in one transaction, only while this worker still holds the
 * subscription (renewing the lease): delivered, retried after a backoff, or parked once the retry
 * window has passed. `lost` when the lease is gone (another worker has the subscription now).
 */
async function record(
  deps: DeliveryDeps,
  db: TenantDb,
  delivery: DeliveryRow,
  attempt: number,
  result: SendResult,
  durationMs: number,
): Promise<'delivered' | 'failed' | 'parked' | 'lost'> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const renewed = await tx
      .updateTable('webhook_subscriptions')
      .set({ lease_until: new Date(now.getTime() + deps.policy.leaseMs).toISOString() })
      .where('id', '=', delivery.subscription_id)
      .where('lease_owner', '=', deps.owner)
      .executeTakeFirst();
    if (Number(renewed.numUpdatedRows) !== 1) return 'lost';
    await tx
      .insertInto('webhook_attempts', [
        {
          delivery_id: delivery.id,
          attempt,
          at,
          duration_ms: durationMs,
          outcome: result.outcome,
          status_code: result.statusCode,
          error: result.outcome === 'delivered' ? null : result.error.slice(0, 500),
          response_excerpt: result.excerpt,
        },
      ])
      .execute();
    const common = {
      attempts: attempt,
      last_attempt_at: at,
      last_status_code: result.statusCode,
      updated_at: at,
    };
    if (result.outcome === 'delivered') {
      await tx
        .updateTable('webhook_deliveries')
        .set({ ...common, status: 'delivered', last_error: null, failing_since_at: null, delivered_at: at })
        .where('id', '=', delivery.id)
        .execute();
      return 'delivered';
    }
    const windowOver = now.getTime() - Date.parse(delivery.window_started_at) >= deps.policy.retryWindowMs;
    const failingSince = delivery.failing_since_at ?? at;
    const failingFor = now.getTime() - Date.parse(failingSince);
    const reason: DeliveryFailure = result.outcome;
    await tx
      .updateTable('webhook_deliveries')
      .set({
        ...common,
        last_error: result.error.slice(0, 500),
        failing_since_at: failingSince,
        ...(windowOver
          ? { status: 'parked' as const, park_reason: reason }
          : {
              next_attempt_at: new Date(
                now.getTime() + backoffMs(deps.policy, failingFor, deps.random),
              ).toISOString(),
            }),
      })
      .where('id', '=', delivery.id)
      .execute();
    return windowOver ? 'parked' : 'failed';
  });
}
