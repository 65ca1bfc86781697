import type { Selectable } from 'kysely';
import type { Event } from '../../model/events.ts';
import { DomainError } from '../../model/result.ts';
import type { EventsTable } from './tables.ts';

/** An event as stored in the log and as it is read and delivered (the envelope), and log cursors. */
const CURSOR = /^e1\.(0|[1-9][0-9]{0,15})$/;

/** A position in the log, opaque to clients: it names the last event they have seen. */
export const encodeCursor = (seq: number): string => Buffer.from(`e1.${seq}`, 'utf8').toString('base64url');

/**
 * The seq a cursor names; `invalid_cursor` (400) for anything FinBridge did not hand out, pointing at
 * the parameter or field it came in.
 */
export function decodeCursor(cursor: string, pointer: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = CURSOR.exec(text);
  if (match?.[1] === undefined)
    throw new DomainError('invalid_cursor', {}, [{ code: 'invalid_cursor', pointer }]);
  return Number(match[1]);
}

export type EventRow = Selectable<EventsTable>;

export const toEvent = (row: EventRow): Event =>
  ({
    id: row.id,
    type: row.type,
    cursor: encodeCursor(row.seq),
    occurredAt: row.occurred_at,
    companyId: row.tenant_id,
    subject: { type: row.subject_type, id: row.subject_id },
    data: JSON.parse(row.data_json) as unknown,
  }) as Event;
