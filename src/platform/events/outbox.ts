import type { Selectable } from 'kysely';
import type { Event } from '../../model/events.ts';
import { DomainError } from '../../model/result.ts';
import { appendAudit, type Writer } from '../audit/audit-log.ts';
import { newId } from '../store/ids.ts';
import type { TenantDb } from '../store/tenant-scope.ts';
import { encodeCursor, toEvent } from './envelope.ts';
import { getSubscriptionRow, typesOf, wants } from './subscriptions.ts';
import type {
  DeliveryFailure,
  DeliveryStatus,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
} from './tables.ts';

/**
 * The webhook outbox: one delivery per subscription and event, queued by the sequencer in the
 * transaction that places the event in the log, so a delivery exists exactly for each sequenced event a
 * subscription wants. Deliveries of a subscription are sent strictly in log order (delivery.ts). This
 * file: queueing, the delivery log, and replay (of one delivery, or of the log from a cursor).
 */
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;

interface Sequenced {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
}

const newDelivery = (subscriptionId: string, event: Sequenced, at: string) => ({
  id: newId(),
  subscription_id: subscriptionId,
  event_seq: event.seq,
  event_id: event.id,
  event_type: event.type,
  status: 'pending' as const,
  attempts: 0,
  next_attempt_at: at,
  window_started_at: at,
  failing_since_at: null,
  last_attempt_at: null,
  last_status_code: null,
  last_error: null,
  park_reason: null,
  delivered_at: null,
  created_at: at,
  updated_at: at,
});

/** Queues each event for every active subscription that wants its type (in the sequencer's transaction). */
export async function queueDeliveries(tx: TenantDb, events: readonly Sequenced[], at: string): Promise<void> {
  const subscriptions = await tx
    .selectFrom('webhook_subscriptions')
    .select(['id', 'types_json'])
    .where('status', '=', 'active')
    .execute();
  if (subscriptions.length === 0) return;
  const rows = events.flatMap((event) =>
    subscriptions.filter((s) => wants(typesOf(s), event.type)).map((s) => newDelivery(s.id, event, at)),
  );
  for (let i = 0; i < rows.length; i += 500)
    await tx.insertInto('webhook_deliveries', rows.slice(i, i + 500)).execute();
}

export interface AttemptView {
  readonly attempt: number;
  readonly at: string;
  readonly durationMs: number;
  readonly outcome: 'delivered' | DeliveryFailure;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly responseExcerpt: string | null;
}

export interface DeliveryView {
  readonly id: string;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The event's place in the log: GET /api/v1/events?after=… continues after it. */
  readonly eventCursor: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** When it is tried next (pending only). */
  readonly nextAttemptAt: string | null;
  readonly lastAttemptAt: string | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly parkReason: DeliveryFailure | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

export const toDeliveryView = (row: DeliveryRow): DeliveryView => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  eventId: row.event_id,
  eventType: row.event_type,
  eventCursor: encodeCursor(row.event_seq),
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  lastAttemptAt: row.last_attempt_at,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  parkReason: row.park_reason,
  deliveredAt: row.delivered_at,
  createdAt: row.created_at,
});

export const toAttemptView = (row: AttemptRow): AttemptView => ({
  attempt: row.attempt,
  at: row.at,
  durationMs: row.duration_ms,
  outcome: row.outcome as AttemptView['outcome'],
  statusCode: row.status_code,
  error: row.error,
  responseExcerpt: row.response_excerpt,
});

/** A subscription's deliveries, newest event first, optionally of one status; `before` is an event seq. */
export async function listDeliveries(
  db: TenantDb,
  subscriptionId: string,
  query: { readonly status?: DeliveryStatus; readonly before?: number; readonly limit: number },
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  await getSubscriptionRow(db, subscriptionId);
  let select = db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.before !== undefined) select = select.where('event_seq', '<', query.before);
  const rows = await select
    .orderBy('event_seq', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toDeliveryView),
    nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(last.event_seq) : null,
  };
}

export async function getDeliveryRow(db: TenantDb, id: string): Promise<DeliveryRow> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'WebhookDelivery', id });
  return row;
}

/** One delivery with every attempt and the event it carries (the body each attempt sent). */
export async function getDelivery(
  db: TenantDb,
  id: string,
): Promise<DeliveryView & { readonly attemptLog: AttemptView[]; readonly event: Event }> {
  const row = await getDeliveryRow(db, id);
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', '=', id)
    .orderBy('attempt')
    .execute();
  const event = await db
    .selectFrom('events')
    .selectAll()
    .where('seq', '=', row.event_seq)
    .executeTakeFirstOrThrow();
  return { ...toDeliveryView(row), attemptLog: attempts.map(toAttemptView), event: toEvent(event) };
}

/**
 * Sends a parked (or delivered) delivery again: pending now, with a fresh retry window. Being the
 * subscription's oldest pending delivery, it goes before the events queued behind it.
 */
export async function replayDelivery(db: TenantDb, writer: Writer, id: string): Promise<DeliveryView> {
  return db.transaction(async (tx) => {
    const row = await getDeliveryRow(tx, id);
    if (row.status === 'pending') throw new DomainError('delivery_not_replayable', { status: row.status });
    const at = writer.audit.clock.now().toISOString();
    await tx
      .updateTable('webhook_deliveries')
      .set({
        status: 'pending',
        next_attempt_at: at,
        window_started_at: at,
        failing_since_at: null,
        park_reason: null,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'replay',
        entityType: 'WebhookDelivery',
        entityId: id,
        before: { status: row.status, event: row.event_id },
        requestId: writer.requestId,
      },
    ]);
    return toDeliveryView(await getDeliveryRow(tx, id));
  });
}

/**
 * Queues the log's events after `after` (a seq) for a subscription again, those of its types, at most
 * `limit`: each one it already had is sent again (pending, fresh window), each it lacked is added. They
 * go in log order, before anything queued later. `more` says the log goes on: call again from `nextCursor`.
 */
export async function replayFrom(
  db: TenantDb,
  writer: Writer,
  subscriptionId: string,
  after: number,
  limit: number,
): Promise<{ queued: number; nextCursor: string; more: boolean }> {
  return db.transaction(async (tx) => {
    const subscription = await getSubscriptionRow(tx, subscriptionId);
    const events = await tx
      .selectFrom('events')
      .select(['seq', 'id', 'type'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    const page = events.slice(0, limit);
    const wanted = page.filter((e) => wants(typesOf(subscription), e.type));
    const at = writer.audit.clock.now().toISOString();
    const existing =
      wanted.length === 0
        ? []
        : await tx
            .selectFrom('webhook_deliveries')
            .select(['id', 'event_seq'])
            .where('subscription_id', '=', subscriptionId)
            .where(
              'event_seq',
              'in',
              wanted.map((e) => e.seq),
            )
            .execute();
    const had = new Set(existing.map((d) => d.event_seq));
    if (existing.length > 0)
      await tx
        .updateTable('webhook_deliveries')
        .set({
          status: 'pending',
          next_attempt_at: at,
          window_started_at: at,
          failing_since_at: null,
          park_reason: null,
          updated_at: at,
        })
        .where(
          'id',
          'in',
          existing.map((d) => d.id),
        )
        .execute();
    const fresh = wanted.filter((e) => !had.has(e.seq)).map((e) => newDelivery(subscriptionId, e, at));
    for (let i = 0; i < fresh.length; i += 500)
      await tx.insertInto('webhook_deliveries', fresh.slice(i, i + 500)).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'replay',
        entityType: 'WebhookSubscription',
        entityId: subscriptionId,
        after: { after: encodeCursor(after), queued: wanted.length },
        requestId: writer.requestId,
      },
    ]);
    const last = page.at(-1);
    return {
      queued: wanted.length,
      nextCursor: encodeCursor(last === undefined ? after : last.seq),
      more: events.length > limit,
    };
  });
}
