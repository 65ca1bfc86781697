import { sql, type Insertable } from 'kysely';
import type { Database, TenantTable } from './tables.ts';
import { executorOf, runsOnSqlite, type TenantDb } from './tenant-scope.ts';

/**
 * The posting queue's bulk writes (ADR 0017): a whole group of postings, their queue rows and their
 * trace events in one statement each, whatever the group's size. Each statement's text is the same
 * for every group — PostgreSQL takes each column as one array (`unnest`), SQLite the rows as one JSON
 * array (`json_each`) — so building it costs the same for 1 row as for 500, SQLite's prepared statement
 * is reused, and no statement runs into a bound-parameter limit.
 */
/** A posting as accepted: pending, no attempt yet, due at once. */
export interface NewPosting {
  readonly id: string;
  readonly connection_id: string;
  readonly document_type: string;
  readonly document_id: string;
  readonly document_json: string;
  readonly external_reference: string;
  readonly ordering_key: string | null;
  readonly created_at: string;
  readonly profile_version: number | null;
  readonly reverses_posting_id: string | null;
}

/** A trace event to append: `offset` is its place after the posting's last event (1, 2, …). */
export interface NewTraceEvent {
  readonly posting_id: string;
  readonly offset: number;
  readonly at: string;
  readonly kind: string;
  readonly detail_json: string;
}

/** Column arrays for `unnest` (PostgreSQL). */
const columns = <T, K extends keyof T>(rows: readonly T[], keys: readonly K[]) =>
  keys.map((k) => rows.map((r) => r[k]));

/**
 * Postings stored already claimed by this process's worker (ADR 0023): their queue rows are written
 * `sending`, the attempt counted, under this lease — what a claim would write, in the intake's own
 * transaction.
 */
export interface IntakeLease {
  readonly owner: string;
  readonly until: string;
  readonly ids: ReadonlySet<string>;
}

/**
 * Stores accepted postings with their queue rows and first trace events (the intake's group, in the
 * caller's transaction). A posting whose reference the connection already has is skipped, and so are
 * its events; returns the ids stored. The postings named by `lease` are queued already claimed.
 */
export async function enqueuePostings(
  db: TenantDb,
  postings: readonly NewPosting[],
  events: readonly NewTraceEvent[],
  lease?: IntakeLease,
): Promise<Set<string>> {
  if (postings.length === 0) return new Set();
  const executor = executorOf(db);
  const tenant = db.tenantId;
  const owner = lease?.owner ?? null;
  const until = lease?.until ?? null;
  const claimed = lease === undefined ? [] : [...lease.ids];
  if (!runsOnSqlite(db)) {
    const p = columns(postings, [
      'id',
      'connection_id',
      'document_type',
      'document_id',
      'document_json',
      'external_reference',
      'ordering_key',
      'created_at',
      'profile_version',
      'reverses_posting_id',
    ]);
    const e = columns(events, ['posting_id', 'offset', 'at', 'kind', 'detail_json']);
    const result = await sql<{ id: string }>`
      with stored as (
        insert into postings (tenant_id, id, connection_id, document_type, document_id, document_json,
            external_reference, ordering_key, status, attempts, next_attempt_at, created_at, updated_at,
            profile_version, reverses_posting_id)
        select ${tenant}::text, r.id, r.connection_id, r.document_type, r.document_id, r.document_json,
               r.external_reference, r.ordering_key, 'pending', 0, r.created_at, r.created_at, r.created_at,
               r.profile_version, r.reverses_posting_id
          from unnest(${p[0]}::text[], ${p[1]}::text[], ${p[2]}::text[], ${p[3]}::text[], ${p[4]}::text[],
                      ${p[5]}::text[], ${p[6]}::text[], ${p[7]}::text[], ${p[8]}::int[], ${p[9]}::text[])
            as r(id, connection_id, document_type, document_id, document_json, external_reference,
                 ordering_key, created_at, profile_version, reverses_posting_id)
        on conflict (tenant_id, connection_id, external_reference) do nothing
        returning id, ordering_key, created_at
      ), queued as (
        insert into posting_queue (posting_id, tenant_id, status, attempts, next_attempt_at, ordering_key,
            created_at, lease_owner, lease_until)
        select id, ${tenant}::text, case when c then 'sending' else 'pending' end, case when c then 1 else 0 end,
               case when c then ${until}::text else created_at end, ordering_key, created_at,
               case when c then ${owner}::text end, case when c then ${until}::text end
          from (select id, ordering_key, created_at, id = any(${claimed}::text[]) as c from stored) s
      ), traced as (
        insert into posting_events (tenant_id, posting_id, seq, at, kind, detail_json)
        select ${tenant}::text, e.posting_id, e.seq, e.at, e.kind, e.detail_json
          from unnest(${e[0]}::text[], ${e[1]}::int[], ${e[2]}::text[], ${e[3]}::text[], ${e[4]}::text[])
            as e(posting_id, seq, at, kind, detail_json)
         where e.posting_id in (select id from stored)
      )
      select id from stored`.execute(executor);
    return new Set(result.rows.map((r) => r.id));
  }
  const rows = postings.map((r) => [
    r.id,
    r.connection_id,
    r.document_type,
    r.document_id,
    r.document_json,
    r.external_reference,
    r.ordering_key,
    r.created_at,
    r.profile_version,
    r.reverses_posting_id,
  ]);
  // `where true`: SQLite's grammar needs it between an INSERT's SELECT and its ON CONFLICT
  const result = await sql<{ id: string }>`
    insert into postings (tenant_id, id, connection_id, document_type, document_id, document_json,
        external_reference, ordering_key, status, attempts, next_attempt_at, created_at, updated_at,
        profile_version, reverses_posting_id)
    select ${tenant}, r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4,
           r.value ->> 5, r.value ->> 6, 'pending', 0, r.value ->> 7, r.value ->> 7, r.value ->> 7,
           r.value ->> 8, r.value ->> 9
      from json_each(${JSON.stringify(rows)}) as r where true
    on conflict (tenant_id, connection_id, external_reference) do nothing
    returning id`.execute(executor);
  const stored = new Set(result.rows.map((r) => r.id));
  if (stored.size === 0) return stored;
  const queued = postings
    .filter((r) => stored.has(r.id))
    .map((r) =>
      lease?.ids.has(r.id) === true
        ? [r.id, r.created_at, r.ordering_key, 'sending', 1, until, owner, until]
        : [r.id, r.created_at, r.ordering_key, 'pending', 0, r.created_at, null, null],
    );
  await sql`
    insert into posting_queue (posting_id, tenant_id, status, attempts, next_attempt_at, ordering_key, created_at,
        lease_owner, lease_until)
    select q.value ->> 0, ${tenant}, q.value ->> 3, q.value ->> 4, q.value ->> 5, q.value ->> 2, q.value ->> 1,
           q.value ->> 6, q.value ->> 7
      from json_each(${JSON.stringify(queued)}) as q`.execute(executor);
  const traced = events
    .filter((e) => stored.has(e.posting_id))
    .map((e) => [e.posting_id, e.offset, e.at, e.kind, e.detail_json]);
  await sql`
    insert into posting_events (tenant_id, posting_id, seq, at, kind, detail_json)
    select ${tenant}, e.value ->> 0, e.value ->> 1, e.value ->> 2, e.value ->> 3, e.value ->> 4
      from json_each(${JSON.stringify(traced)}) as e`.execute(executor);
  return stored;
}

/**
 * The trace events' part of a statement: each event numbered after its posting's last one. PostgreSQL
 * reads the events as arrays; SQLite as a JSON array of [posting, offset, at, kind, detail].
 */
function numberedEvents(db: TenantDb, events: readonly NewTraceEvent[]) {
  const tenant = db.tenantId;
  const next = (
    postingRef: ReturnType<typeof sql.raw>,
  ) => sql`coalesce((select max(x.seq) from posting_events x
      where x.tenant_id = ${tenant} and x.posting_id = ${postingRef}), 0)`;
  if (!runsOnSqlite(db)) {
    const e = columns(events, ['posting_id', 'offset', 'at', 'kind', 'detail_json']);
    return sql`select ${tenant}::text as tenant_id, e.posting_id, ${next(sql.raw('e.posting_id'))} + e.k as seq,
        e.at, e.kind, e.detail_json
      from unnest(${e[0]}::text[], ${e[1]}::int[], ${e[2]}::text[], ${e[3]}::text[], ${e[4]}::text[])
        as e(posting_id, k, at, kind, detail_json)`;
  }
  const rows = events.map((e) => [e.posting_id, e.offset, e.at, e.kind, e.detail_json]);
  return sql`select ${tenant} as tenant_id, e.value ->> 0 as posting_id,
        ${next(sql.raw('(e.value ->> 0)'))} + (e.value ->> 1) as seq,
        e.value ->> 2 as at, e.value ->> 3 as kind, e.value ->> 4 as detail_json
      from json_each(${JSON.stringify(rows)}) as e`;
}

/** Appends trace events, each after its posting's last one, in one statement. */
export async function appendTraceEvents(db: TenantDb, events: readonly NewTraceEvent[]): Promise<void> {
  if (events.length === 0) return;
  const executor = executorOf(db);
  await sql`insert into posting_events (tenant_id, posting_id, seq, at, kind, detail_json)
    ${numberedEvents(db, events)}`.execute(executor);
}

/** A posting the ERP now holds, as the worker settles it. */
export interface PostedItem {
  readonly id: string;
  readonly erpId: string;
  readonly erpNumber: string;
}

/**
 * Marks postings posted — only those still under the lease their claim took (this owner, this expiry) —
 * with their trace events, and takes them off the queue: their queue rows are deleted and their records
 * get the final state (status, attempts, ERP id and number). Events of a posting no longer under the
 * lease are not written. PostgreSQL does it all in one statement; SQLite in three, in the caller's
 * transaction. Returns the ids settled.
 */
export async function settlePostedItems(
  db: TenantDb,
  lease: { readonly owner: string; readonly until: string | null },
  at: string,
  posted: readonly PostedItem[],
  events: readonly NewTraceEvent[],
): Promise<string[]> {
  if (posted.length === 0) return [];
  const executor = executorOf(db);
  const tenant = db.tenantId;
  const ids = posted.map((p) => p.id);
  if (!runsOnSqlite(db)) {
    const result = await sql<{ id: string }>`
      with done as (
        delete from posting_queue
         where tenant_id = ${tenant} and posting_id = any(${ids}::text[])
           and lease_owner = ${lease.owner} and lease_until = ${lease.until}
        returning posting_id, attempts
      ), settled as (
        update postings p
           set status = 'posted', erp_id = v.erp_id, erp_number = v.erp_number, attempts = done.attempts,
               last_outcome = 'success', last_error_code = null, last_error_message = null,
               last_error_reason = null, posted_at = ${at}, updated_at = ${at}
          from done
          join unnest(${ids}::text[], ${posted.map((p) => p.erpId)}::text[], ${posted.map((p) => p.erpNumber)}::text[])
            as v(id, erp_id, erp_number) on v.id = done.posting_id
         where p.tenant_id = ${tenant} and p.id = done.posting_id
      ), traced as (
        insert into posting_events (tenant_id, posting_id, seq, at, kind, detail_json)
        select * from (${numberedEvents(db, events)}) as n
         where n.posting_id in (select posting_id from done)
      )
      select posting_id as id from done`.execute(executor);
    return result.rows.map((r) => r.id);
  }
  // three statements, one transaction (the caller's when it has one)
  return db.transaction((tx) => settleOnSqlite(tx, lease, at, posted, events));
}

async function settleOnSqlite(
  db: TenantDb,
  lease: { readonly owner: string; readonly until: string | null },
  at: string,
  posted: readonly PostedItem[],
  events: readonly NewTraceEvent[],
): Promise<string[]> {
  const executor = executorOf(db);
  const tenant = db.tenantId;
  const ids = posted.map((p) => p.id);
  const done = await sql<{ posting_id: string; attempts: number | bigint }>`
    delete from posting_queue
     where tenant_id = ${tenant} and posting_id in (select value from json_each(${JSON.stringify(ids)}))
       and lease_owner = ${lease.owner} and lease_until = ${lease.until}
    returning posting_id, attempts`.execute(executor);
  if (done.rows.length === 0) return [];
  const attemptsOf = new Map(done.rows.map((r) => [r.posting_id, Number(r.attempts)]));
  const values = posted
    .filter((p) => attemptsOf.has(p.id))
    .map((p) => [p.id, p.erpId, p.erpNumber, attemptsOf.get(p.id)]);
  await sql`
    update postings
       set status = 'posted', erp_id = v.value ->> 1, erp_number = v.value ->> 2, attempts = v.value ->> 3,
           last_outcome = 'success', last_error_code = null, last_error_message = null,
           last_error_reason = null, posted_at = ${at}, updated_at = ${at}
      from json_each(${JSON.stringify(values)}) as v
     where postings.tenant_id = ${tenant} and postings.id = v.value ->> 0`.execute(executor);
  await appendTraceEvents(
    db,
    events.filter((e) => attemptsOf.has(e.posting_id)),
  );
  return [...attemptsOf.keys()];
}

/**
 * Inserts rows of one of the company's tables in one statement whose text depends only on the table and
 * its columns: the rows travel as one JSON parameter (PostgreSQL reads them with
 * `json_populate_recordset`, typed by the table; SQLite with `json_each`). For the bulk writes of the
 * posting path — its audit entries among them — where a multi-row VALUES list would cost a bound
 * parameter, and its building and sending, per value. Values must be JSON: text, numbers, null.
 */
export async function insertRowsAsJson<T extends TenantTable>(
  db: TenantDb,
  table: T,
  rows: readonly Omit<Insertable<Database[T]>, 'tenant_id'>[],
): Promise<void> {
  const [first] = rows;
  if (first === undefined) return;
  const executor = executorOf(db);
  const columns = Object.keys(first).filter((c) => c !== 'tenant_id');
  const list = sql.join([sql.ref('tenant_id'), ...columns.map((c) => sql.ref(c))]);
  const json = JSON.stringify(rows);
  if (!runsOnSqlite(db)) {
    await sql`insert into ${sql.table(table)} (${list})
      select ${db.tenantId}::text, ${sql.join(columns.map((c) => sql.ref(`r.${c}`)))}
        from json_populate_recordset(null::${sql.table(table)}, ${json}::json) as r`.execute(executor);
    return;
  }
  await sql`insert into ${sql.table(table)} (${list})
    select ${db.tenantId}, ${sql.join(columns.map((c) => sql`r.value ->> ${'$.' + c}`))}
      from json_each(${json}) as r`.execute(executor);
}
