import type { DocumentKind } from '../connectors/contract.ts';
import type { Failure } from '../model/result.ts';
import type { InboundContext, InboundPayload } from '../platform/events/inbound.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { connectorFor, getConnectionRow } from './connections.ts';
import { addEvent, addEvents, live, livePostings, type PostingRow } from './postings.ts';
import { tellPosted } from './worker/notices.ts';

/**
 * An ERP's or partner's word that some of our documents changed state there — "voucher FB-…-1 is now
 * in the books", typically after someone fixed and posted it by hand:
 * `{"id": "<event id>", "type": "posting.status", "references": ["<our external reference>", …]}`.
 * The hub does not take the caller's word for it; it asks the ERP (the connector's `lookup` by
 * reference, the step that makes `ambiguous` safe) and acts on the answer, each posting by its state:
 * - waiting for a retry or a lookup (`pending`, `unknown`, not leased): due now, so a worker settles it
 *   through the usual protocol instead of after its back-off;
 * - being sent (`sending`, or leased): left to its worker;
 * - parked (`rejected`, `dead`) and found in the ERP: posted, with the ERP's number — the state, its
 *   trace event and the modules' `posted` outcome commit together; not found: stays parked;
 * - `posted`: checked — the trace says whether the ERP still holds it (a voucher deleted in the ERP
 *   shows here and in the period reconciliation), nothing changes.
 * Every posting gets a `status_requested` trace event naming the sender's event id and what was done.
 */
export const STATUS_REQUESTED = 'posting.status';

const MAX_REFERENCES = 100;

export type StatusAction =
  'due_now' | 'in_flight' | 'settled_posted' | 'still_parked' | 'confirmed' | 'missing_in_erp';

export interface StatusResult {
  readonly reference: string;
  readonly postingId: string;
  readonly status: string;
  readonly action: StatusAction | 'lookup_failed';
  readonly erpNumber?: string;
  readonly failure?: { readonly code: string; readonly message: string };
}

const referencesOf = (payload: InboundPayload): unknown => payload['references'];

/** The postings with their live queue state (a parked one keeps its queue row, ADR 0017). */
const postingsByReference = async (db: TenantDb, connectionId: string, references: readonly string[]) =>
  references.length === 0
    ? []
    : (
        await livePostings(db)
          .where('postings.connection_id', '=', connectionId)
          .where('postings.external_reference', 'in', references)
          .execute()
      ).map(live);

/** Refusals of a status call before it is accepted: the list's shape, and references the connection never sent. */
export async function checkStatusRequest(
  db: TenantDb,
  connectionId: string,
  payload: InboundPayload,
): Promise<Failure[]> {
  const references = referencesOf(payload);
  if (!Array.isArray(references) || references.length === 0 || references.length > MAX_REFERENCES)
    return [
      {
        code: 'invalid_field',
        pointer: '/references',
        params: { detail: `a list of 1–${MAX_REFERENCES} external references` },
      },
    ];
  const failures: Failure[] = [];
  const strings = references.filter((r): r is string => typeof r === 'string' && r.length <= 200);
  const known = new Set(
    (await postingsByReference(db, connectionId, strings)).map((r) => r.external_reference),
  );
  references.forEach((reference: unknown, i) => {
    if (typeof reference !== 'string' || !known.has(reference))
      failures.push({
        code: 'unknown_posting_reference',
        pointer: `/references/${i}`,
        params: { reference: String(reference).slice(0, 60) },
      });
  });
  return failures;
}

export async function handleStatusRequest(
  ctx: InboundContext,
  connectionId: string,
  payload: InboundPayload,
): Promise<{ statuses: StatusResult[] }> {
  const references = referencesOf(payload) as string[];
  const rows = await postingsByReference(ctx.db, connectionId, references);
  const at = () => ctx.clock.now().toISOString();
  const statuses: StatusResult[] = [];
  const row = await getConnectionRow(ctx.db, connectionId);
  const connector = await connectorFor(ctx.db, ctx.keyring, row, {
    now: () => ctx.clock.now(),
    log: () => {},
    timeoutMs: 30_000,
  });
  try {
    for (const posting of rows) {
      const base = { reference: posting.external_reference, postingId: posting.id, status: posting.status };
      const waiting = posting.status === 'pending' || posting.status === 'unknown';
      if (waiting && (await makeDue(ctx.db, posting, at()))) {
        statuses.push({ ...base, action: 'due_now' });
        await addEvent(ctx.db, posting.id, at(), 'status_requested', {
          eventId: payload.id,
          action: 'due_now',
        });
        continue;
      }
      if (waiting || posting.status === 'sending') {
        statuses.push({ ...base, action: 'in_flight' });
        await addEvent(ctx.db, posting.id, at(), 'status_requested', {
          eventId: payload.id,
          action: 'in_flight',
        });
        continue;
      }
      const found = await connector.lookup(posting.document_type as DocumentKind, posting.external_reference);
      if (!('found' in found)) {
        const failure = { code: found.code, message: found.message.slice(0, 200) };
        statuses.push({ ...base, action: 'lookup_failed', failure });
        await addEvent(ctx.db, posting.id, at(), 'status_requested', {
          eventId: payload.id,
          action: 'lookup_failed',
          failure,
        });
        continue;
      }
      if (posting.status === 'posted') {
        const action = found.found ? 'confirmed' : 'missing_in_erp';
        statuses.push({ ...base, action, ...(found.found ? { erpNumber: found.erpNumber } : {}) });
        await addEvent(ctx.db, posting.id, at(), 'status_requested', {
          eventId: payload.id,
          action,
          ...(found.found ? { erpNumber: found.erpNumber } : {}),
        });
        continue;
      }
      if (!found.found) {
        statuses.push({ ...base, action: 'still_parked' });
        await addEvent(ctx.db, posting.id, at(), 'status_requested', {
          eventId: payload.id,
          action: 'still_parked',
        });
        continue;
      }
      if (await settleParked(ctx.db, posting, found, payload.id, at())) {
        statuses.push({ ...base, action: 'settled_posted', erpNumber: found.erpNumber });
        continue;
      }
      // a replay (or another call) moved it meanwhile: say where it is now
      const [now] = await postingsByReference(ctx.db, connectionId, [posting.external_reference]);
      statuses.push(
        now?.status === 'posted' && now.erp_number !== null
          ? { ...base, action: 'confirmed', erpNumber: now.erp_number }
          : { ...base, action: 'in_flight' },
      );
    }
  } finally {
    await connector.close();
  }
  return { statuses };
}

/** A waiting posting nobody holds, due at once; false when a worker holds it now. */
async function makeDue(db: TenantDb, posting: PostingRow, now: string): Promise<boolean> {
  const updated = await db
    .updateTable('posting_queue')
    .set({ next_attempt_at: now })
    .where('posting_id', '=', posting.id)
    .where('lease_owner', 'is', null)
    .where('status', 'in', ['pending', 'unknown'])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('postings')
    .set({ next_attempt_at: now, updated_at: now })
    .where('id', '=', posting.id)
    .execute();
  return true;
}

/**
 * A parked posting the ERP holds after all: posted, with its trace event and the modules' outcome in
 * one transaction, guarded by its parked queue row (a replay that started meanwhile wins).
 */
async function settleParked(
  db: TenantDb,
  posting: PostingRow,
  found: { readonly erpId: string; readonly erpNumber: string },
  eventId: string,
  at: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const unqueued = await tx
      .deleteFrom('posting_queue')
      .where('posting_id', '=', posting.id)
      .where('status', '=', posting.status)
      .where('status', 'in', ['rejected', 'dead'])
      .where('lease_owner', 'is', null)
      .executeTakeFirst();
    if (Number(unqueued.numDeletedRows) !== 1) return false;
    const updated = await tx
      .updateTable('postings')
      .set({
        status: 'posted',
        erp_id: found.erpId,
        erp_number: found.erpNumber,
        last_outcome: 'success',
        last_error_code: null,
        last_error_message: null,
        last_error_reason: null,
        posted_at: at,
        updated_at: at,
      })
      .where('id', '=', posting.id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error(`posting ${posting.id} vanished while settled`);
    await addEvents(tx, posting.id, at, [
      ['status_requested', { eventId, action: 'settled_posted', previousStatus: posting.status }],
      ['posted', { erpId: found.erpId, erpNumber: found.erpNumber, via: 'status_request' }],
    ]);
    await tellPosted(tx, [{ posting, erpNumber: found.erpNumber }], at);
    return true;
  });
}
