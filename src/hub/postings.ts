import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Database } from '../platform/store/tables.ts';
import { appendAudit, type AuditEntry, type Writer } from '../platform/audit/audit-log.ts';
import { newId } from '../platform/store/ids.ts';
import { pageById } from '../platform/store/sql-helpers.ts';
import { appendTraceEvents, enqueuePostings, type NewTraceEvent } from '../platform/store/posting-queue.ts';
import { currentTrace } from '../platform/telemetry/index.ts';
import type { PostingsTable, PostingStatus } from '../hub/tables.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { DomainError } from '../model/result.ts';
import { REJECTION_REASONS, isRejectionReason, type RejectionReason } from '../model/erp-rejections.ts';
import type { CanonicalDocument, DocumentKind } from '../connectors/contract.ts';
import { connectorDefinition } from './connector-registry.ts';
import { defaultOrderingKey, documentSummary, parseDocument } from './canonical-documents.ts';
import { getProfile } from './profiles.ts';
import { gateSubmissions } from './gates.ts';

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
  readonly lastError: {
    readonly code: string;
    /** The ERP's message, verbatim, in whatever language the ERP answered. */
    readonly message: string;
    readonly reason: RejectionReason | null;
    /** The reason in the user's languages, for those who do not read the ERP's. */
    readonly reasonText: { readonly 'zh-CN': string; readonly 'en-US': string } | null;
  } | null;
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
      : {
          code: row.last_error_code,
          message: row.last_error_message ?? '',
          reason: isRejectionReason(row.last_error_reason) ? row.last_error_reason : null,
          reasonText: isRejectionReason(row.last_error_reason)
            ? REJECTION_REASONS[row.last_error_reason]
            : null,
        },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  postedAt: row.posted_at,
  profileVersion: row.profile_version,
});

/**
 * Postings with their live queue state: while a posting is not posted, its status, attempts, next
 * attempt and lease are its queue row's (ADR 0017). Select through this and pass each row to `live`.
 */
export const livePostings = (db: TenantDb) =>
  db
    .selectFrom('postings')
    .leftJoin('posting_queue as q', 'q.posting_id', 'postings.id')
    .selectAll('postings')
    .select([
      'q.status as q_status',
      'q.attempts as q_attempts',
      'q.next_attempt_at as q_next_attempt_at',
      'q.lease_owner as q_lease_owner',
      'q.lease_until as q_lease_until',
    ]);

/** A posting's live status: its queue row's while it has one (for filters and groupings). */
const liveStatus = (eb: ExpressionBuilder<Database & { q: Database['posting_queue'] }, 'postings' | 'q'>) =>
  eb.fn.coalesce('q.status', 'postings.status').$castTo<PostingStatus>();

type LiveRow = PostingRow & {
  readonly q_status: PostingStatus | null;
  readonly q_attempts: number | null;
  readonly q_next_attempt_at: string | null;
  readonly q_lease_owner: string | null;
  readonly q_lease_until: string | null;
};

/** A posting record with its queue row's state laid over it, when it has one. */
export function live(row: LiveRow): PostingRow {
  const { q_status, q_attempts, q_next_attempt_at, q_lease_owner, q_lease_until, ...posting } = row;
  if (q_status === null) return posting;
  return {
    ...posting,
    status: q_status,
    attempts: q_attempts ?? posting.attempts,
    next_attempt_at: q_next_attempt_at ?? posting.next_attempt_at,
    lease_owner: q_lease_owner,
    lease_until: q_lease_until,
  };
}

/** Appends trace events to a posting. */
export const addEvents = (
  db: TenantDb,
  postingId: string,
  at: string,
  events: readonly (readonly [string, Record<string, unknown>])[],
): Promise<void> => addEventsToMany(db, at, [[postingId, events]]);

/** Trace events as rows to append: each after its posting's last event, in the order given. */
export function traceEventRows(
  at: string,
  perPosting: readonly (readonly [string, readonly (readonly [string, Record<string, unknown>])[]])[],
): NewTraceEvent[] {
  // with tracing on, each event names the trace (and span) that wrote it (docs/observability.md)
  const traced = currentTrace();
  return perPosting.flatMap(([id, events]) =>
    events.map(([kind, detail], i) => ({
      posting_id: id,
      offset: i + 1,
      at,
      kind,
      detail_json: JSON.stringify(traced === undefined ? detail : { ...detail, ...traced }),
    })),
  );
}

/** Appends trace events to several postings at once (one statement, whatever their number). */
export async function addEventsToMany(
  db: TenantDb,
  at: string,
  perPosting: readonly (readonly [string, readonly (readonly [string, Record<string, unknown>])[]])[],
): Promise<void> {
  await appendTraceEvents(db, traceEventRows(at, perPosting));
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
  /**
   * The posting this document reverses (红冲), when it is a reversal: once the ERP holds it, the
   * subscribers to `reversed` of the reversed document's kind are told (hub/outcomes.ts).
   */
  readonly reverses?: string;
}

/** A document already validated (`parseDocument`), waiting to be stored with its posting. */
export interface ParsedSubmission {
  readonly writer: Writer;
  readonly input: DocumentSubmission;
  readonly document: CanonicalDocument;
}

export type SubmissionOutcome =
  | {
      readonly ok: true;
      readonly posting: PostingView;
      readonly duplicate: boolean;
      /** The posting as stored already claimed by this process's worker (`IntakeClaim`), to hand to it. */
      readonly claimed?: HandedPosting;
    }
  | { readonly ok: false; readonly error: DomainError };

/**
 * A lease the intake may write with the postings it stores (ADR 0023): up to `capacity` of them go
 * into the queue already claimed by this process's worker — `sending`, the attempt counted, due again
 * when the lease runs out — exactly what that worker's claim would have written a moment later. Only a
 * posting without an ordering key qualifies: one with a key waits for the claim, which checks the key.
 */
export interface IntakeClaim {
  readonly owner: string;
  readonly until: string;
  readonly capacity: number;
}

/** A posting stored already claimed, with the document the intake validated: sent without parsing it again. */
export interface HandedPosting extends PostingRow {
  readonly canonical: CanonicalDocument;
}

interface Accepted {
  readonly index: number;
  readonly submission: ParsedSubmission;
  readonly row: PostingRow;
  readonly events: readonly (readonly [string, Record<string, unknown>])[];
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
  const [outcome] = await db.transaction((tx) =>
    storeSubmissions(tx, companyCode, [{ writer, input, document }]),
  );
  if (outcome === undefined) throw new Error('no outcome for the submission');
  if (!outcome.ok) throw outcome.error;
  return outcome;
}

/**
 * Stores several validated submissions of one company in the caller's transaction, with a fixed number
 * of statements whatever their count (the intake's group commit). Each gets its own outcome: a
 * submission naming an unknown or paused connection is refused without touching the others.
 */
export async function storeSubmissions(
  tx: TenantDb,
  companyCode: string,
  submissions: readonly ParsedSubmission[],
  claim?: IntakeClaim,
): Promise<SubmissionOutcome[]> {
  if (submissions.length === 0) return [];
  // the connections and their current profile versions in one round trip (this is the hot path)
  const connections = await tx
    .selectFrom('connections')
    .select(['id', 'name', 'type', 'status'])
    .select((eb) =>
      eb
        .selectFrom('mapping_profiles')
        .select((p) => p.fn.max('mapping_profiles.version').as('v'))
        .whereRef('mapping_profiles.tenant_id', '=', 'connections.tenant_id')
        .whereRef('mapping_profiles.connection_id', '=', 'connections.id')
        .as('profile_version'),
    )
    .where('id', 'in', [...new Set(submissions.map((s) => s.input.connectionId))])
    .execute();
  const connectionOf = new Map(connections.map((c) => [c.id, c]));
  // gates installed by the composition root (hub/gates.ts); a reversal is never held back
  const gated = await gateSubmissions(
    tx,
    submissions.map((s) => ({
      kind: s.input.reverses === undefined ? s.input.kind : 'reversal',
      document: s.input.document,
    })),
  );
  const outcomes: SubmissionOutcome[] = [];
  const accepted: Accepted[] = [];
  for (const [index, submission] of submissions.entries()) {
    const { writer, input, document } = submission;
    const connection = connectionOf.get(input.connectionId);
    const refuse = (error: DomainError) => (outcomes[index] = { ok: false, error });
    if (connection === undefined) {
      refuse(new DomainError('not_found', { resource: 'Connection', id: input.connectionId }));
      continue;
    }
    if (connection.status !== 'active') {
      refuse(new DomainError('connection_paused', { name: connection.name }));
      continue;
    }
    const capability = connectorDefinition(connection.type).manifest.pushes[input.kind];
    if (capability === undefined) {
      refuse(new DomainError('document_kind_unsupported', { connection: connection.name, kind: input.kind }));
      continue;
    }
    const gate = gated[index];
    if (gate !== null && gate !== undefined) {
      refuse(gate);
      continue;
    }
    const id = newId();
    const documentId = input.documentId ?? id;
    const reference = externalReference(companyCode, documentId, input.revision ?? 1);
    const profileVersion = connection.profile_version ?? 0;
    const now = writer.audit.clock.now().toISOString();
    const row: PostingRow = {
      tenant_id: tx.tenantId,
      id,
      connection_id: connection.id,
      document_type: input.kind,
      document_id: documentId,
      document_json: JSON.stringify(input.document),
      external_reference: reference,
      ordering_key: input.orderingKey ?? defaultOrderingKey(document) ?? null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_owner: null,
      lease_until: null,
      erp_id: null,
      erp_number: null,
      last_outcome: null,
      last_error_code: null,
      last_error_message: null,
      last_error_reason: null,
      created_at: now,
      updated_at: now,
      posted_at: null,
      profile_version: profileVersion,
      reverses_posting_id: input.reverses ?? null,
    };
    accepted.push({
      index,
      submission,
      row,
      events: [
        [
          'received',
          {
            by: writer.actor,
            kind: input.kind,
            documentId,
            connection: connection.name,
            ...(input.reverses === undefined ? {} : { reverses: input.reverses }),
          },
        ],
        ['validated', documentSummary(document)],
        [
          'mapped',
          {
            connector: connection.type,
            erpObject: capability.erpObject,
            profileVersion,
            externalReference: reference,
          },
        ],
      ],
    });
  }
  const leased =
    claim === undefined
      ? undefined
      : {
          owner: claim.owner,
          until: claim.until,
          ids: new Set(
            accepted
              .filter(({ row }) => row.ordering_key === null)
              .slice(0, claim.capacity)
              .map(({ row }) => row.id),
          ),
        };
  // the same document and revision again (also twice in one batch): the existing posting answers
  const inserted = await enqueuePostings(
    tx,
    accepted.map(({ row }) => row),
    accepted.flatMap(({ row, events }) => traceEventRows(row.created_at, [[row.id, events]])),
    leased,
  );
  const fresh = accepted.filter((a) => inserted.has(a.row.id));
  const repeated = accepted.filter((a) => !inserted.has(a.row.id));
  if (repeated.length > 0) {
    const existing = await livePostings(tx)
      .where(
        'postings.external_reference',
        'in',
        repeated.map((a) => a.row.external_reference),
      )
      .execute();
    const byReference = new Map(
      existing.map(live).map((e) => [`${e.connection_id}|${e.external_reference}`, e]),
    );
    for (const { index, row } of repeated) {
      const found = byReference.get(`${row.connection_id}|${row.external_reference}`);
      if (found === undefined)
        throw new Error(`posting ${row.external_reference} neither inserted nor found`);
      outcomes[index] = { ok: true, posting: toPostingView(found), duplicate: true };
    }
  }
  for (const { writer, entries } of byAuditContext(fresh)) await appendAudit(tx, writer.audit, entries);
  for (const { index, row, submission } of fresh) {
    if (leased?.ids.has(row.id) !== true) {
      outcomes[index] = { ok: true, posting: toPostingView(row), duplicate: false };
      continue;
    }
    const claimed: HandedPosting = {
      ...row,
      canonical: submission.document,
      status: 'sending',
      attempts: 1,
      next_attempt_at: leased.until,
      lease_owner: leased.owner,
      lease_until: leased.until,
    };
    outcomes[index] = { ok: true, posting: toPostingView(claimed), duplicate: false, claimed };
  }
  return outcomes;
}

/** The audit entries of the stored submissions, grouped by audit context (one per process, in practice). */
function byAuditContext(fresh: readonly Accepted[]): { writer: Writer; entries: AuditEntry[] }[] {
  const groups = new Map<Writer['audit'], { writer: Writer; entries: AuditEntry[] }>();
  for (const { submission, row } of fresh) {
    const { writer, input } = submission;
    const group = groups.get(writer.audit) ?? { writer, entries: [] };
    group.entries.push({
      actor: writer.actor,
      action: 'submit',
      entityType: 'Posting',
      entityId: row.id,
      after: { reference: row.external_reference, documentId: row.document_id, kind: input.kind },
      requestId: writer.requestId,
    });
    groups.set(writer.audit, group);
  }
  return [...groups.values()];
}

export async function getPosting(db: TenantDb, id: string): Promise<PostingRow> {
  const row = await livePostings(db).where('postings.id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Posting', id });
  return live(row);
}

export async function listPostings(
  db: TenantDb,
  query: {
    status?: PostingStatus;
    connectionId?: string;
    errorCode?: string;
    documentId?: string;
    limit: number;
    after?: string;
  },
): Promise<{ items: PostingView[]; nextCursor: string | null }> {
  let select = livePostings(db);
  // a posted posting has left the queue; every other one has its live status there
  if (query.status === 'posted') select = select.where('postings.status', '=', 'posted');
  else if (query.status !== undefined) select = select.where('q.status', '=', query.status);
  if (query.documentId !== undefined) select = select.where('postings.document_id', '=', query.documentId);
  if (query.errorCode !== undefined) select = select.where('postings.last_error_code', '=', query.errorCode);
  if (query.connectionId !== undefined)
    select = select.where('postings.connection_id', '=', query.connectionId);
  if (query.after !== undefined) select = select.where('postings.id', '>', query.after);
  const rows = await select
    .orderBy('postings.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageById(rows.map(live), query.limit);
  return { items: page.map(toPostingView), nextCursor };
}

export interface TraceEvent {
  readonly postingId: string;
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly detail: Record<string, unknown>;
}

/** The canonical document a posting carries, as it was submitted (what a dry run maps again). */
export async function postingDocument(
  db: TenantDb,
  id: string,
): Promise<{ kind: DocumentKind; document: Record<string, unknown> }> {
  const row = await getPosting(db, id);
  return {
    kind: row.document_type as DocumentKind,
    document: JSON.parse(row.document_json) as Record<string, unknown>,
  };
}

/** Every event of every posting of a document (or of one posting), in order. */
export async function traceOf(
  db: TenantDb,
  documentOrPostingId: string,
): Promise<{ postings: PostingView[]; events: TraceEvent[] }> {
  const postings = (
    await livePostings(db)
      .where((eb) =>
        eb.or([
          eb('postings.document_id', '=', documentOrPostingId),
          eb('postings.id', '=', documentOrPostingId),
        ]),
      )
      .orderBy('postings.created_at')
      .execute()
  ).map(live);
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

/** Puts postings back on the queue, pending and due now, their attempts counted afresh (a replay). */
export async function requeue(
  tx: TenantDb,
  postings: readonly Pick<PostingRow, 'id' | 'ordering_key' | 'created_at'>[],
  now: string,
): Promise<void> {
  if (postings.length === 0) return;
  const fresh = {
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: now,
    lease_owner: null,
    lease_until: null,
  };
  await tx
    .insertInto(
      'posting_queue',
      postings.map((p) => ({
        posting_id: p.id,
        ordering_key: p.ordering_key,
        created_at: p.created_at,
        ...fresh,
      })),
    )
    .onConflict((oc) => oc.column('posting_id').doUpdateSet(fresh))
    .execute();
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
    await requeue(tx, [row], now);
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

/** Which parked postings a bulk replay sends again. */
export interface ReplayFilter {
  readonly status: 'rejected' | 'dead';
  readonly connectionId?: string;
  readonly documentType?: string;
  /** The ERP's (or the hub's) error code of the last failure, e.g. after fixing a missing mapping. */
  readonly errorCode?: string;
  /** At most this many at once (oldest first); `more` says whether others match. */
  readonly limit: number;
}

/**
 * Sends every parked posting matching a filter again, oldest first, in one transaction: each is
 * mapped afresh with its connection's current profile, gets its `replayed` trace event and an audit
 * entry, exactly as a single replay does.
 */
export async function replayPostings(
  db: TenantDb,
  writer: Writer,
  filter: ReplayFilter,
): Promise<{ replayed: number; ids: string[]; more: boolean }> {
  return db.transaction(async (tx) => {
    // parked postings keep their queue rows (they hold back their ordering key)
    let select = tx
      .selectFrom('posting_queue')
      .innerJoin('postings', 'postings.id', 'posting_queue.posting_id')
      .select([
        'postings.id',
        'postings.connection_id',
        'posting_queue.status',
        'postings.ordering_key',
        'postings.created_at',
      ])
      .where('posting_queue.status', '=', filter.status);
    if (filter.connectionId !== undefined)
      select = select.where('postings.connection_id', '=', filter.connectionId);
    if (filter.documentType !== undefined)
      select = select.where('postings.document_type', '=', filter.documentType);
    if (filter.errorCode !== undefined)
      select = select.where('postings.last_error_code', '=', filter.errorCode);
    const rows = await select
      .orderBy('postings.created_at')
      .orderBy('postings.id')
      .limit(filter.limit + 1)
      .execute();
    const chosen = rows.slice(0, filter.limit);
    const now = writer.audit.clock.now().toISOString();
    const versions = new Map<string, number>();
    for (const connectionId of new Set(chosen.map((r) => r.connection_id)))
      versions.set(connectionId, (await getProfile(tx, connectionId)).version);
    for (const [connectionId, version] of versions) {
      const ids = chosen.filter((r) => r.connection_id === connectionId).map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500)
        await tx
          .updateTable('postings')
          .set({
            profile_version: version,
            status: 'pending',
            attempts: 0,
            next_attempt_at: now,
            lease_owner: null,
            lease_until: null,
            updated_at: now,
          })
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
    }
    for (let i = 0; i < chosen.length; i += 500) await requeue(tx, chosen.slice(i, i + 500), now);
    await addEventsToMany(
      tx,
      now,
      chosen.map((r) => [
        r.id,
        [
          [
            'replayed',
            {
              by: writer.actor,
              previousStatus: r.status,
              profileVersion: versions.get(r.connection_id),
              bulk: true,
            },
          ],
        ],
      ]),
    );
    await appendAudit(
      tx,
      writer.audit,
      chosen.map((r) => ({
        actor: writer.actor,
        action: 'replay',
        entityType: 'Posting',
        entityId: r.id,
        before: { status: r.status },
        after: { status: 'pending' },
        requestId: writer.requestId,
      })),
    );
    return { replayed: chosen.length, ids: chosen.map((r) => r.id), more: rows.length > filter.limit };
  });
}

/** Upper bounds (seconds) of the age buckets of open postings in the summary, and their names. */
type AgeBand = 'under1m' | 'under10m' | 'under1h' | 'under1d' | 'older';
const AGE_BUCKETS: readonly (readonly [Exclude<AgeBand, 'older'>, number])[] = [
  ['under1m', 60],
  ['under10m', 600],
  ['under1h', 3600],
  ['under1d', 86_400],
];

export interface PostingsSummary {
  readonly at: string;
  readonly total: number;
  readonly byStatus: Readonly<Record<PostingStatus, number>>;
  readonly byConnection: {
    readonly connectionId: string;
    readonly name: string;
    readonly type: string;
    readonly byStatus: Readonly<Record<PostingStatus, number>>;
    /** When the oldest posting still waiting (pending, sending, unknown) was accepted. */
    readonly oldestOpenAt: string | null;
    readonly lastPostedAt: string | null;
  }[];
  /** Postings still waiting, by how long ago they were accepted. */
  readonly openByAge: Readonly<Record<AgeBand, number>>;
  /** Parked postings (rejected, dead) by their last error code, most frequent first. */
  readonly parkedByError: {
    readonly status: 'rejected' | 'dead';
    readonly code: string;
    readonly count: number;
  }[];
}

const STATUSES: readonly PostingStatus[] = ['pending', 'sending', 'unknown', 'posted', 'rejected', 'dead'];
const zeroes = (): Record<PostingStatus, number> =>
  Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<PostingStatus, number>;

/** What an operator checks first: counts by status, connection and age, and why postings are parked. */
export async function summarizePostings(db: TenantDb, now: Date): Promise<PostingsSummary> {
  const connections = await db
    .selectFrom('connections')
    .select(['id', 'name', 'type'])
    .orderBy('name')
    .execute();
  const counts = await db
    .selectFrom('postings')
    .leftJoin('posting_queue as q', 'q.posting_id', 'postings.id')
    .select((eb) => [
      'postings.connection_id',
      liveStatus(eb).as('status'),
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('postings.created_at').as('oldest'),
      eb.fn.max('postings.posted_at').as('lastPosted'),
    ])
    .groupBy((eb) => ['postings.connection_id', liveStatus(eb)])
    .execute();
  const cutoff = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
  // the open and parked postings are the queue's
  const ages = await db
    .selectFrom('posting_queue')
    .select((eb) => [
      ...AGE_BUCKETS.map(([name, seconds]) =>
        eb.fn
          .sum<number | string | null>(
            eb.case().when('posting_queue.created_at', '>=', cutoff(seconds)).then(1).else(0).end(),
          )
          .as(name),
      ),
      eb.fn.countAll<number | string>().as('all'),
    ])
    .where('posting_queue.status', 'in', ['pending', 'sending', 'unknown'])
    .executeTakeFirstOrThrow();
  const parked = await db
    .selectFrom('posting_queue')
    .innerJoin('postings', 'postings.id', 'posting_queue.posting_id')
    .select((eb) => [
      'posting_queue.status',
      'postings.last_error_code',
      eb.fn.countAll<number | string>().as('n'),
    ])
    .where('posting_queue.status', 'in', ['rejected', 'dead'])
    .groupBy(['posting_queue.status', 'postings.last_error_code'])
    .execute();
  const byStatus = zeroes();
  const perConnection = new Map(
    connections.map((c) => [
      c.id,
      { ...c, byStatus: zeroes(), oldestOpenAt: null as string | null, lastPostedAt: null as string | null },
    ]),
  );
  for (const row of counts) {
    const n = Number(row.n);
    byStatus[row.status] += n;
    const entry = perConnection.get(row.connection_id);
    if (entry === undefined) continue;
    entry.byStatus[row.status] += n;
    if (row.status === 'pending' || row.status === 'sending' || row.status === 'unknown')
      if (entry.oldestOpenAt === null || row.oldest < entry.oldestOpenAt) entry.oldestOpenAt = row.oldest;
    if (row.status === 'posted') entry.lastPostedAt = row.lastPosted ?? null;
  }
  // each bucket counts the postings younger than its bound; the summary shows the bands between
  const openByAge: Record<AgeBand, number> = { under1m: 0, under10m: 0, under1h: 0, under1d: 0, older: 0 };
  let younger = 0;
  for (const [name] of AGE_BUCKETS) {
    const within = Number(ages[name] ?? 0);
    openByAge[name] = within - younger;
    younger = within;
  }
  openByAge.older = Number(ages.all) - younger;
  return {
    at: now.toISOString(),
    total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    byConnection: [...perConnection.values()].map(({ id, ...rest }) => ({ connectionId: id, ...rest })),
    openByAge,
    parkedByError: parked
      .map((r) => ({
        status: r.status as 'rejected' | 'dead',
        code: r.last_error_code ?? 'unknown',
        count: Number(r.n),
      }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
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

/**
 * For modules: where a kind of document goes — the oldest active connection whose connector pushes
 * that kind; null when the company has none.
 */
export async function routeFor(db: TenantDb, kind: DocumentKind): Promise<string | null> {
  const rows = await db
    .selectFrom('connections')
    .select(['id', 'type'])
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
  return rows.find((r) => connectorDefinition(r.type).manifest.pushes[kind] !== undefined)?.id ?? null;
}

/** What a module may know of a document it submitted. */
export interface PostingState {
  readonly id: string;
  readonly connectionId: string;
  readonly kind: DocumentKind;
  readonly status: PostingStatus;
  readonly erpNumber: string | null;
  /** The canonical document as submitted. */
  readonly document: Record<string, unknown>;
}

/** For modules: the state of one of their postings, without reading the hub's tables themselves. */
export async function postingState(db: TenantDb, id: string): Promise<PostingState | undefined> {
  const found = await livePostings(db).where('postings.id', '=', id).executeTakeFirst();
  const row = found === undefined ? undefined : live(found);
  return row === undefined
    ? undefined
    : {
        id: row.id,
        connectionId: row.connection_id,
        kind: row.document_type as DocumentKind,
        status: row.status,
        erpNumber: row.erp_number,
        document: JSON.parse(row.document_json) as Record<string, unknown>,
      };
}

/** Where a posting sits in its document's history, for lineage (finance/lineage): no document body. */
export interface PostingTrail {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly documentId: string;
  readonly status: PostingStatus;
  readonly erpNumber: string | null;
  readonly createdAt: string;
  readonly postedAt: string | null;
  /** The posting this one reverses (红冲), when it is a reversal. */
  readonly reverses: string | null;
  /** The postings that reverse this one. */
  readonly reversedBy: readonly string[];
}

/**
 * For modules: the postings of some of their documents, or postings by id, each with what reverses
 * it — so a module can trace its document to the ERP without reading the hub's tables. Oldest first.
 */
export async function postingTrails(
  db: TenantDb,
  by: { readonly documentIds?: readonly string[]; readonly ids?: readonly string[] },
): Promise<PostingTrail[]> {
  const documentIds = by.documentIds ?? [];
  const ids = by.ids ?? [];
  if (documentIds.length === 0 && ids.length === 0) return [];
  const found = await livePostings(db)
    .where((eb) =>
      eb.or([
        ...(documentIds.length === 0 ? [] : [eb('postings.document_id', 'in', [...documentIds])]),
        ...(ids.length === 0 ? [] : [eb('postings.id', 'in', [...ids])]),
      ]),
    )
    .orderBy('postings.created_at')
    .orderBy('postings.id')
    .execute();
  const rows = found.map(live);
  const reversing =
    rows.length === 0
      ? []
      : await db
          .selectFrom('postings')
          .select(['id', 'reverses_posting_id'])
          .where(
            'reverses_posting_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('created_at')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.document_type as DocumentKind,
    documentId: row.document_id,
    status: row.status,
    erpNumber: row.erp_number,
    createdAt: row.created_at,
    postedAt: row.posted_at,
    reverses: row.reverses_posting_id,
    reversedBy: reversing.filter((r) => r.reverses_posting_id === row.id).map((r) => r.id),
  }));
}
