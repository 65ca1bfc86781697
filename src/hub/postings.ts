import type { Selectable } from 'kysely';
import { appendAudit, type Writer } from '../platform/audit/audit-log.ts';
import { newId } from '../platform/store/ids.ts';
import type { PostingsTable, PostingStatus } from '../platform/store/tables.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { DomainError } from '../model/result.ts';
import type { DocumentKind } from '../connectors/contract.ts';
import { connectorType } from './connector-types.ts';
import { defaultOrderingKey, documentSummary, parseDocument } from './documents.ts';
import { getProfile } from './profiles.ts';

/**
 * Postings: a document to be written into an ERP through a connection. Creating one is the outbox
 * write — it commits together with whatever produced the document — and the worker takes it from
 * there. Every step leaves a trace event.
 */
export type PostingRow = Selectable<PostingsTable>;

export const TERMINAL: readonly PostingStatus[] = ['posted', 'rejected', 'dead'];

export interface PostingView {
  readonly id: string;
  readonly connectionId: string;
  readonly documentType: string;
  readonly documentId: string;
  readonly externalReference: string;
  readonly status: PostingStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly erpId: string | null;
  readonly erpNumber: string | null;
  readonly lastOutcome: string | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly postedAt: string | null;
  readonly profileVersion: number | null;
}

export const toPostingView = (row: PostingRow): PostingView => ({
  id: row.id,
  connectionId: row.connection_id,
  documentType: row.document_type,
  documentId: row.document_id,
  externalReference: row.external_reference,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  erpId: row.erp_id,
  erpNumber: row.erp_number,
  lastOutcome: row.last_outcome,
  lastError:
    row.last_error_code === null
      ? null
      : { code: row.last_error_code, message: row.last_error_message ?? '' },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  postedAt: row.posted_at,
  profileVersion: row.profile_version,
});

/** Appends trace events to a posting. */
export const addEvents = (
  db: TenantDb,
  postingId: string,
  at: string,
  events: readonly (readonly [string, Record<string, unknown>])[],
): Promise<void> => addEventsToMany(db, at, [[postingId, events]]);

/** Appends trace events to several postings at once (one round trip for sequences, one for rows). */
export async function addEventsToMany(
  db: TenantDb,
  at: string,
  perPosting: readonly (readonly [string, readonly (readonly [string, Record<string, unknown>])[]])[],
): Promise<void> {
  if (perPosting.length === 0) return;
  const last = await db
    .selectFrom('posting_events')
    .select(['posting_id', (eb) => eb.fn.max('seq').as('seq')])
    .where(
      'posting_id',
      'in',
      perPosting.map(([id]) => id),
    )
    .groupBy('posting_id')
    .execute();
  const seqOf = new Map(last.map((r) => [r.posting_id, r.seq]));
  await db
    .insertInto(
      'posting_events',
      perPosting.flatMap(([id, events]) =>
        events.map(([kind, detail], i) => ({
          posting_id: id,
          seq: (seqOf.get(id) ?? 0) + 1 + i,
          at,
          kind,
          detail_json: JSON.stringify(detail),
        })),
      ),
    )
    .execute();
}

export const addEvent = (
  db: TenantDb,
  postingId: string,
  at: string,
  kind: string,
  detail: Record<string, unknown>,
): Promise<void> => addEvents(db, postingId, at, [[kind, detail]]);

/** The deterministic reference written into the ERP: the same document and revision always get the same one. */
export const externalReference = (companyCode: string, documentId: string, revision: number): string =>
  `FB-${companyCode}-${documentId}-${revision}`;

export interface DocumentSubmission {
  readonly connectionId: string;
  readonly kind: DocumentKind;
  readonly document: unknown;
  /** The source document (claim, bill, …); defaults to a new id. */
  readonly documentId?: string;
  readonly revision?: number;
  /** Postings sharing a key are sent in the order they were created (default: per supplier for AP). */
  readonly orderingKey?: string;
}

/**
 * Accepts a canonical document for posting: validated, mapped with the connection's current profile
 * version (recorded on the posting) and stored with its trace in one transaction. Submitting the same
 * document and revision again returns the existing posting (`duplicate: true`) instead of posting twice.
 */
export async function submitDocument(
  db: TenantDb,
  writer: Writer,
  companyCode: string,
  input: DocumentSubmission,
): Promise<{ posting: PostingView; duplicate: boolean }> {
  const document = parseDocument(input.kind, input.document);
  return db.transaction(async (tx) => {
    // the connection and its current profile version in one round trip (this is the hot path)
    const connection = await tx
      .selectFrom('connections')
      .selectAll()
      .select((eb) =>
        eb
          .selectFrom('mapping_profiles')
          .select((p) => p.fn.max('mapping_profiles.version').as('v'))
          .whereRef('mapping_profiles.tenant_id', '=', 'connections.tenant_id')
          .whereRef('mapping_profiles.connection_id', '=', 'connections.id')
          .as('profile_version'),
      )
      .where('id', '=', input.connectionId)
      .executeTakeFirst();
    if (connection === undefined)
      throw new DomainError('not_found', { resource: 'Connection', id: input.connectionId });
    if (connection.status !== 'active') throw new DomainError('connection_paused', { name: connection.name });
    const capability = connectorType(connection.type).manifest.pushes[input.kind];
    if (capability === undefined)
      throw new DomainError('document_kind_unsupported', { connection: connection.name, kind: input.kind });
    const id = newId();
    const documentId = input.documentId ?? id;
    const reference = externalReference(companyCode, documentId, input.revision ?? 1);
    const profile = { version: connection.profile_version ?? 0 };
    const now = writer.audit.clock.now().toISOString();
    const row = {
      id,
      connection_id: connection.id,
      document_type: input.kind,
      document_id: documentId,
      document_json: JSON.stringify(input.document),
      external_reference: reference,
      ordering_key: input.orderingKey ?? defaultOrderingKey(document) ?? null,
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: now,
      lease_owner: null,
      lease_until: null,
      erp_id: null,
      erp_number: null,
      last_outcome: null,
      last_error_code: null,
      last_error_message: null,
      created_at: now,
      updated_at: now,
      posted_at: null,
      profile_version: profile.version,
    };
    // the same document and revision again: the existing posting answers (nothing is posted twice)
    const inserted = await tx
      .insertInto('postings', [row])
      .onConflict((oc) => oc.columns(['tenant_id', 'connection_id', 'external_reference']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) {
      const existing = await tx
        .selectFrom('postings')
        .selectAll()
        .where('connection_id', '=', connection.id)
        .where('external_reference', '=', reference)
        .executeTakeFirstOrThrow();
      return { posting: toPostingView(existing), duplicate: true };
    }
    const events: [string, Record<string, unknown>][] = [
      ['received', { by: writer.actor, kind: input.kind, documentId, connection: connection.name }],
      ['validated', documentSummary(document)],
      [
        'mapped',
        {
          connector: connection.type,
          erpObject: capability.erpObject,
          profileVersion: profile.version,
          externalReference: reference,
        },
      ],
    ];
    await tx
      .insertInto(
        'posting_events',
        events.map(([kind, detail], i) => ({
          posting_id: id,
          seq: i + 1,
          at: now,
          kind,
          detail_json: JSON.stringify(detail),
        })),
      )
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'submit',
        entityType: 'Posting',
        entityId: id,
        after: { reference, documentId, kind: input.kind },
        requestId: writer.requestId,
      },
    ]);
    return { posting: toPostingView({ ...row, tenant_id: tx.tenantId }), duplicate: false };
  });
}

export async function getPosting(db: TenantDb, id: string): Promise<PostingRow> {
  const row = await db.selectFrom('postings').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Posting', id });
  return row;
}

export async function listPostings(
  db: TenantDb,
  query: { status?: PostingStatus; connectionId?: string; limit: number; after?: string },
): Promise<{ items: PostingView[]; nextCursor: string | null }> {
  let select = db.selectFrom('postings').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.connectionId !== undefined) select = select.where('connection_id', '=', query.connectionId);
  if (query.after !== undefined) select = select.where('id', '>', query.after);
  const rows = await select
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toPostingView),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export interface TraceEvent {
  readonly postingId: string;
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly detail: Record<string, unknown>;
}

/** Every event of every posting of a document (or of one posting), in order. */
export async function traceOf(
  db: TenantDb,
  documentOrPostingId: string,
): Promise<{ postings: PostingView[]; events: TraceEvent[] }> {
  const postings = await db
    .selectFrom('postings')
    .selectAll()
    .where((eb) => eb.or([eb('document_id', '=', documentOrPostingId), eb('id', '=', documentOrPostingId)]))
    .orderBy('created_at')
    .execute();
  if (postings.length === 0)
    throw new DomainError('not_found', { resource: 'Document', id: documentOrPostingId });
  const events = await db
    .selectFrom('posting_events')
    .selectAll()
    .where(
      'posting_id',
      'in',
      postings.map((p) => p.id),
    )
    .orderBy('at')
    .orderBy('posting_id')
    .orderBy('seq')
    .execute();
  return {
    postings: postings.map(toPostingView),
    events: events.map((e) => ({
      postingId: e.posting_id,
      seq: e.seq,
      at: e.at,
      kind: e.kind,
      detail: JSON.parse(e.detail_json) as Record<string, unknown>,
    })),
  };
}

/** Sends a parked posting (rejected or dead) again, after its cause was fixed. */
export async function replayPosting(db: TenantDb, writer: Writer, id: string): Promise<PostingView> {
  return db.transaction(async (tx) => {
    const row = await getPosting(tx, id);
    if (row.status !== 'rejected' && row.status !== 'dead')
      throw new DomainError('posting_not_replayable', { status: row.status });
    const now = writer.audit.clock.now().toISOString();
    // a fix is often a new profile version (a missing account mapping), so the replay maps afresh
    const profile = await getProfile(tx, row.connection_id);
    await tx
      .updateTable('postings')
      .set({
        profile_version: profile.version,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        lease_owner: null,
        lease_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await addEvent(tx, id, now, 'replayed', {
      by: writer.actor,
      previousStatus: row.status,
      profileVersion: profile.version,
    });
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'replay',
        entityType: 'Posting',
        entityId: id,
        before: { status: row.status },
        after: { status: 'pending' },
        requestId: writer.requestId,
      },
    ]);
    return toPostingView(await getPosting(tx, id));
  });
}

/** The generic voucher entry (`POST /api/v1/vouchers`). */
export const submitVoucher = (
  db: TenantDb,
  writer: Writer,
  companyCode: string,
  input: Omit<DocumentSubmission, 'kind' | 'document'> & { readonly voucher: unknown },
): Promise<{ posting: PostingView; duplicate: boolean }> => {
  const { voucher, ...rest } = input;
  return submitDocument(db, writer, companyCode, { ...rest, kind: 'voucher', document: voucher });
};
