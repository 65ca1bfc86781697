import { EVENT_TYPES, type Event, type EventData, type EventType } from '../../model/events.ts';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import { newId } from '../store/ids.ts';
import { tenantDb, type TenantDb } from '../store/tenant-scope.ts';
import { encodeCursor, toEvent } from './envelope.ts';
import { queueDeliveries } from './outbox.ts';

/**
 * The company's event log (ADR 0018). A module appends its business event in the transaction that
 * makes the change (`appendEvents`, pass the transaction's TenantDb): the event commits or rolls back
 * with it, so no event is lost when a process dies and none is told of a change that did not happen.
 * Appending takes no shared lock. The sequencer (`sequenceEvents`) then gives the company's committed
 * events their place in the log — `seq`, gap-free, in the order it finds them — under the log head's row
 * lock, and queues each for the webhook subscriptions that want it, in the same transaction. Readers
 * see only sequenced events and sequence first, so a cursor never skips an event committed late.
 */
export interface NewEvent<T extends EventType> {
  readonly type: T;
  /** The id of the record the event is about (its kind is the type's `subject`). */
  readonly subjectId: string;
  readonly data: EventData<T>;
  /** When the change happened (UTC, RFC 3339), from the module's clock. */
  readonly occurredAt: string;
}
export type AnyNewEvent = { [T in EventType]: NewEvent<T> }[EventType];

export async function appendEvents<T extends EventType>(
  tx: TenantDb,
  events: readonly NewEvent<T>[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    id: newId(),
    type: e.type,
    subject_type: EVENT_TYPES[e.type].subject,
    subject_id: e.subjectId,
    occurred_at: e.occurredAt,
    data_json: JSON.stringify(e.data),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await tx.insertInto('pending_events', rows.slice(i, i + 500)).execute();
}

/**
 * Places the company's waiting events in its log, oldest id first (at most `limit`), and queues their
 * webhook deliveries. One sequencer at a time per company: the head row is locked before the waiting
 * events are read. Returns how many were placed.
 */
export async function sequenceEvents(db: TenantDb, clock: Clock, limit = 2000): Promise<number> {
  const waiting = await db.selectFrom('pending_events').select('id').limit(1).executeTakeFirst();
  if (waiting === undefined) return 0;
  return db.transaction(async (tx) => {
    const head = await lockHead(tx);
    const pending = await tx.selectFrom('pending_events').selectAll().orderBy('id').limit(limit).execute();
    if (pending.length === 0) return 0;
    const at = clock.now().toISOString();
    let seq = head;
    const rows = pending.map((p) => ({
      seq: ++seq,
      id: p.id,
      type: p.type,
      subject_type: p.subject_type,
      subject_id: p.subject_id,
      occurred_at: p.occurred_at,
      sequenced_at: at,
      data_json: p.data_json,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await tx.insertInto('events', chunk).execute();
      await tx
        .deleteFrom('pending_events')
        .where(
          'id',
          'in',
          chunk.map((r) => r.id),
        )
        .execute();
    }
    await tx.updateTable('event_heads').set({ last_seq: seq }).execute();
    await queueDeliveries(tx, rows, at);
    return rows.length;
  });
}

/** Takes the company's log head (row lock until commit), creating it on first use; its last seq. */
async function lockHead(tx: TenantDb): Promise<number> {
  const take = () =>
    tx
      .updateTable('event_heads')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 0) }))
      .returning('last_seq')
      .executeTakeFirst();
  const head = await take();
  if (head !== undefined) return head.last_seq;
  await tx
    .insertInto('event_heads', [{ last_seq: 0 }])
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const created = await take();
  if (created === undefined) throw new Error(`no event log head for tenant ${tx.tenantId}`);
  return created.last_seq;
}

/** Sequences every company's waiting events (the dispatcher's first step). */
export async function sequenceAll(database: OpenDatabase, clock: Clock): Promise<number> {
  const tenants = await database.db.selectFrom('pending_events').select('tenant_id').distinct().execute();
  let placed = 0;
  for (const { tenant_id } of tenants) {
    const db = tenantDb(database.db, tenant_id);
    for (let n = await sequenceEvents(db, clock); n > 0; n = await sequenceEvents(db, clock)) placed += n;
  }
  return placed;
}

export interface EventPage {
  readonly items: Event[];
  /**
   * Where to continue: after the last item, or — when fewer than `limit` came — after everything read,
   * so a consumer filtering by type does not scan the same other events again.
   */
  readonly nextCursor: string;
}

/**
 * Events after `after` (a seq; 0 = from the start of the log), oldest first, optionally only some types.
 * Sequences first, so every event committed before the call is there to be read.
 */
export async function readEvents(
  db: TenantDb,
  clock: Clock,
  query: { readonly after: number; readonly limit: number; readonly types?: readonly EventType[] },
): Promise<EventPage> {
  await sequenceEvents(db, clock);
  // the head first: every event up to it is committed, so a short page has read all of them
  const head = await db.selectFrom('event_heads').select('last_seq').executeTakeFirst();
  const upTo = Math.max(head?.last_seq ?? 0, query.after);
  let select = db.selectFrom('events').selectAll().where('seq', '>', query.after).where('seq', '<=', upTo);
  if (query.types !== undefined && query.types.length > 0) select = select.where('type', 'in', query.types);
  const rows = await select.orderBy('seq').limit(query.limit).execute();
  const last = rows.at(-1);
  return {
    items: rows.map(toEvent),
    nextCursor: encodeCursor(rows.length < query.limit || last === undefined ? upTo : last.seq),
  };
}
