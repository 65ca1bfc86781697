import { sql, type Selectable } from 'kysely';
import type { OpenDatabase } from './database.ts';
import { settlePostedItems, type NewTraceEvent } from './posting-queue.ts';
import type { Database } from './tables.ts';
import type { TenantDb } from './tenant-scope.ts';

/**
 * Claiming due postings for a worker — the job queue's one cross-tenant operation (each claimed
 * posting is then handled through its own tenant's TenantDb). The queue is `posting_queue`, a narrow
 * row per posting not yet posted, apart from the posting record (ADR 0017). A posting is due when it is
 * waiting (pending / unknown) or was being sent by a worker whose lease ran out (crash), its next attempt
 * time has come, and no older unfinished posting shares its ordering key. PostgreSQL claims with
 * `FOR UPDATE SKIP LOCKED`, so any number of workers share the queue without blocking each other.
 *
 * Claiming a pending posting is the decision to send it: the claim marks it `sending` and counts the
 * attempt in the same write (protocol step 2, committed before the call), with its next attempt due
 * when the lease runs out. A posting whose last send may have reached the ERP (`unknown`, or `sending`
 * under a lapsed lease) is only leased: it is looked up before anything is sent.
 */
export type PostingRow = Selectable<Database['postings']>;

type WaitingStatus = 'pending' | 'unknown' | 'sending';

export interface ClaimedPosting extends PostingRow {
  /** The status the posting had when it was claimed. */
  readonly claimed_from: WaitingStatus;
}

/** The queue's columns that a posting record carries only as of its last settled state. */
interface QueueState {
  readonly q_status: PostingRow['status'];
  readonly q_attempts: number | bigint;
  readonly q_next_attempt_at: string;
  readonly q_lease_owner: string | null;
  readonly q_lease_until: string | null;
}

/** A posting record with its live queue state laid over it. */
function live<R extends PostingRow>(row: R & QueueState): R {
  const { q_status, q_attempts, q_next_attempt_at, q_lease_owner, q_lease_until, ...posting } = row;
  return {
    ...(posting as unknown as R),
    status: q_status,
    attempts: Number(q_attempts),
    next_attempt_at: q_next_attempt_at,
    lease_owner: q_lease_owner,
    lease_until: q_lease_until,
  };
}

/**
 * One status's due postings, earliest first and cut at the limit: one index range of the due index
 * (status, next_attempt_at) each — a single `status IN (…)` query would sort the whole backlog on every
 * claim. Every queue row is unfinished (posted ones leave the queue; parked ones stay), so any older
 * row with the same ordering key holds a posting back. The due index is partial (`status in (…)`);
 * SQLite uses a partial index only when the query repeats its condition word for word (it does not infer
 * it from `status = 'pending'`), so the condition is repeated: without it every claim scanned and sorted
 * the whole queue.
 */
/** The waiting statuses, word for word as the due index's condition (SQLite matches it as text). */
const WAITING = sql.raw(`('pending', 'unknown', 'sending')`);

const dueWith = (status: WaitingStatus, at: string, limit: number, lock: boolean) => sql`
  select q.posting_id, q.next_attempt_at, q.status from posting_queue q
   where q.status = ${status} and q.status in ${WAITING} and q.next_attempt_at <= ${at}
     and (q.lease_until is null or q.lease_until < ${at})
     and (q.ordering_key is null or not exists (
           select 1 from posting_queue o
            where o.tenant_id = q.tenant_id and o.ordering_key = q.ordering_key
              and (o.created_at < q.created_at or (o.created_at = q.created_at and o.posting_id < q.posting_id))))
   order by q.next_attempt_at limit ${limit}${lock ? sql` for update of q skip locked` : sql``}`;

/**
 * SQLite's claim: one UPDATE chooses and claims (a statement is atomic, and it re-checks that each
 * posting is still waiting and unleased, so two processes on one file can never both claim one).
 * RETURNING gives the claimed values. Exported so that a test can check its query plan.
 */
export const sqliteClaim = (owner: string, at: string, until: string, limit: number) =>
  sql<{
    posting_id: string;
    status: WaitingStatus;
    attempts: number | bigint;
    next_attempt_at: string;
    lease_owner: string | null;
    lease_until: string | null;
  }>`
    update posting_queue set ${claimSet(owner, until)}
     where posting_id in (
             select posting_id from (
               select * from (${dueWith('pending', at, limit, false)})
               union all select * from (${dueWith('unknown', at, limit, false)})
               union all select * from (${dueWith('sending', at, limit, false)})
               order by next_attempt_at limit ${limit}))
       and status in ${WAITING} and (lease_until is null or lease_until < ${at})
    returning posting_id, status, attempts, next_attempt_at, lease_owner, lease_until`;

/** The lease, and for a pending posting the send (the right-hand columns are the row's before the claim). */
const claimSet = (owner: string, until: string) => {
  const fresh = sql`posting_queue.status = 'pending'`;
  return sql`lease_owner = ${owner}, lease_until = ${until},
      status = case when ${fresh} then 'sending' else posting_queue.status end,
      attempts = case when ${fresh} then posting_queue.attempts + 1 else posting_queue.attempts end,
      next_attempt_at = case when ${fresh} then ${until} else posting_queue.next_attempt_at end`;
};

export async function claimDuePostings(
  database: OpenDatabase,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedPosting[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const claim = claimSet(owner, until);
  if (database.engine === 'postgres') {
    // One statement, no transaction around it: each status's candidates are locked with SKIP LOCKED
    // (concurrent workers take different ones without waiting), the earliest `limit` of them claimed, and
    // returned with their posting records. A claim is the queue's most frequent statement, and idle
    // workers poll with it.
    const result = await sql<ClaimedPosting & QueueState>`
      with due_pending as (${dueWith('pending', at, limit, true)}),
           due_unknown as (${dueWith('unknown', at, limit, true)}),
           due_sending as (${dueWith('sending', at, limit, true)}),
           due as (
             select * from (select * from due_pending union all select * from due_unknown
                            union all select * from due_sending) d
              order by next_attempt_at limit ${limit}),
           claimed as (
             update posting_queue set ${claim} from due where posting_queue.posting_id = due.posting_id
             returning posting_queue.*, due.status as claimed_from)
      select p.*, c.status as q_status, c.attempts as q_attempts, c.next_attempt_at as q_next_attempt_at,
             c.lease_owner as q_lease_owner, c.lease_until as q_lease_until, c.claimed_from
        from claimed c join postings p on p.id = c.posting_id`.execute(database.db);
    return result.rows.map(live);
  }
  // SQLite: one UPDATE chooses and claims (sqliteClaim); the status before is read from the claimed
  // values: a claimed pending posting is `sending` and due when the new lease runs out, while a lapsed
  // `sending` one keeps its due time, which has passed.
  const claimed = await sqliteClaim(owner, at, until, limit).execute(database.db);
  if (claimed.rows.length === 0) return [];
  const records = await sql<PostingRow>`
    select * from postings
     where id in (select value from json_each(${JSON.stringify(claimed.rows.map((c) => c.posting_id))}))`.execute(
    database.db,
  );
  const recordOf = new Map(records.rows.map((r) => [r.id, r]));
  return claimed.rows.map((c): ClaimedPosting => {
    const record = recordOf.get(c.posting_id);
    if (record === undefined) throw new Error(`claimed posting ${c.posting_id} has no record`);
    const claimedFrom = c.status === 'sending' && c.next_attempt_at === until ? 'pending' : c.status;
    return {
      ...record,
      status: c.status,
      attempts: Number(c.attempts),
      next_attempt_at: c.next_attempt_at,
      lease_owner: c.lease_owner,
      lease_until: c.lease_until,
      claimed_from: claimedFrom,
    };
  });
}

/** Postings per status across all companies (queue depth for metrics). */
export async function postingCountsByStatus(
  database: OpenDatabase,
): Promise<{ status: string; n: number }[]> {
  // a posting's live status is its queue row's while it has one
  const rows = await sql<{ status: string; n: number | bigint | string }>`
    select coalesce(q.status, p.status) as status, count(*) as n
      from postings p left join posting_queue q on q.posting_id = p.id
     group by coalesce(q.status, p.status)`.execute(database.db);
  return rows.rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

export interface DueSync {
  readonly tenant_id: string;
  readonly connection_id: string;
  readonly object: string;
}

/**
 * Claims scheduled pulls whose time has come. The claim moves `next_run_at` on by the interval and
 * takes the lease in one conditional UPDATE, so however many workers race for a due pull exactly one
 * wins it — a schedule fires once per cluster.
 */
export async function claimDueSyncs(
  database: OpenDatabase,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<DueSync[]> {
  const at = now.toISOString();
  const due = await database.db
    .selectFrom('sync_states')
    .select(['tenant_id', 'connection_id', 'object', 'every_seconds', 'next_run_at'])
    .where('every_seconds', 'is not', null)
    .where('next_run_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .orderBy('next_run_at')
    .limit(limit)
    .execute();
  const claimed: DueSync[] = [];
  for (const row of due) {
    if (row.every_seconds === null || row.next_run_at === null) continue;
    const result = await database.db
      .updateTable('sync_states')
      .set({
        next_run_at: new Date(now.getTime() + row.every_seconds * 1000).toISOString(),
        lease_owner: owner,
        lease_until: new Date(now.getTime() + leaseMs).toISOString(),
      })
      .where('tenant_id', '=', row.tenant_id)
      .where('connection_id', '=', row.connection_id)
      .where('object', '=', row.object)
      .where('next_run_at', '=', row.next_run_at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push(row);
  }
  return claimed;
}

/** A circuit breaker's state, as a worker reports it per connection. */
export type BreakerState = 'closed' | 'half-open' | 'open';
const SEVERITY: Readonly<Record<BreakerState, number>> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * Records that a worker is alive, with its circuit breakers per connection, and returns how many
 * workers are (seen within `liveMs`).
 */
export async function heartbeat(
  database: OpenDatabase,
  owner: string,
  now: Date,
  liveMs: number,
  breakers: Readonly<Record<string, BreakerState>> = {},
): Promise<number> {
  const at = now.toISOString();
  const breakers_json = JSON.stringify(breakers);
  await database.db
    .insertInto('worker_heartbeats')
    .values({ owner, seen_at: at, breakers_json })
    .onConflict((oc) => oc.column('owner').doUpdateSet({ seen_at: at, breakers_json }))
    .execute();
  const since = new Date(now.getTime() - liveMs).toISOString();
  await database.db
    .deleteFrom('worker_heartbeats')
    .where('seen_at', '<', new Date(now.getTime() - 10 * liveMs).toISOString())
    .execute();
  const row = await database.db
    .selectFrom('worker_heartbeats')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seen_at', '>=', since)
    .executeTakeFirst();
  return Math.max(1, row?.n ?? 1);
}

/**
 * The circuit breaker of each of these connections, the worst any live worker reports (one worker's
 * open breaker means calls to that ERP are failing); a connection no live worker has called is absent.
 */
export async function liveBreakers(
  database: OpenDatabase,
  connectionIds: readonly string[],
  now: Date,
  liveMs: number,
): Promise<Map<string, BreakerState>> {
  const worst = new Map<string, BreakerState>();
  if (connectionIds.length === 0) return worst;
  const wanted = new Set(connectionIds);
  const rows = await database.db
    .selectFrom('worker_heartbeats')
    .select('breakers_json')
    .where('seen_at', '>=', new Date(now.getTime() - liveMs).toISOString())
    .execute();
  for (const row of rows) {
    const reported = JSON.parse(row.breakers_json ?? '{}') as Record<string, BreakerState>;
    for (const [id, state] of Object.entries(reported)) {
      if (!wanted.has(id) || !(state in SEVERITY)) continue;
      const seen = worst.get(id);
      if (seen === undefined || SEVERITY[state] > SEVERITY[seen]) worst.set(id, state);
    }
  }
  return worst;
}

/** Removes a stopping worker, so the others take over its share of the rate limits at once. */
export async function leaveCluster(database: OpenDatabase, owner: string): Promise<void> {
  await database.db.deleteFrom('worker_heartbeats').where('owner', '=', owner).execute();
}

/** Last successful pull per connection and object, across companies (for metrics). */
export async function lastSyncs(
  database: OpenDatabase,
): Promise<{ connection: string; object: string; at: string | null }[]> {
  const rows = await database.db
    .selectFrom('sync_states')
    .innerJoin('connections', (j) =>
      j
        .onRef('connections.id', '=', 'sync_states.connection_id')
        .onRef('connections.tenant_id', '=', 'sync_states.tenant_id'),
    )
    .select([
      'connections.name as connection',
      'sync_states.object as object',
      'sync_states.last_success_at as at',
    ])
    .execute();
  return rows;
}

/**
 * Marks a batch of postings posted (each with its own ERP id and number) with their trace events, and
 * takes them off the queue; only postings still under the batch's own lease (this owner, this expiry)
 * change. Returns the ids it settled.
 */
export function settlePosted(
  db: TenantDb,
  lease: { readonly owner: string; readonly until: string | null },
  at: string,
  posted: readonly { readonly id: string; readonly erpId: string; readonly erpNumber: string }[],
  events: readonly NewTraceEvent[] = [],
): Promise<string[]> {
  return settlePostedItems(db, lease, at, posted, events);
}
