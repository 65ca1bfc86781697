import { sql, type QueryCreator, type Selectable } from 'kysely';
import type { OpenDatabase } from './database.ts';
import type { Database } from './tables.ts';
import type { TenantDb } from './tenant-scope.ts';

/**
 * Claiming due postings for a worker — the job queue's one cross-tenant operation (each claimed
 * posting is then handled through its own tenant's TenantDb). A posting is due when it is waiting
 * (pending / unknown) or was being sent by a worker whose lease ran out (crash), its next attempt time
 * has come, and no older unfinished posting shares its ordering key. PostgreSQL claims with
 * `FOR UPDATE SKIP LOCKED`, so any number of workers share the queue without blocking each other.
 *
 * Claiming a pending posting is the decision to send it: the claim marks it `sending` and counts the
 * attempt in the same write (protocol step 2, committed before the call), with its next attempt due
 * when the lease runs out. A posting whose last send may have reached the ERP (`unknown`, or `sending`
 * under a lapsed lease) is only leased: it is looked up before anything is sent.
 */
export type PostingRow = Selectable<Database['postings']>;
/** The hub's posting statuses (declared with its tables in src/hub/tables.ts). */
type PostingStatus = PostingRow['status'];

const WAITING = ['pending', 'unknown', 'sending'] as const;
type WaitingStatus = (typeof WAITING)[number];

export interface ClaimedPosting extends PostingRow {
  /** The status the posting had when it was claimed. */
  readonly claimed_from: WaitingStatus;
}

// A parked predecessor (rejected, dead) blocks its successors too: a payment must not overtake its bill.
const UNFINISHED = ['pending', 'unknown', 'sending', 'rejected', 'dead'] as const;

export async function claimDuePostings(
  database: OpenDatabase,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedPosting[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  // One index range per status (status, next_attempt_at), each already in order and cut at the limit:
  // a single `status IN (…)` query would sort the whole backlog on every claim.
  const dueWith = (db: QueryCreator<Database>, status: WaitingStatus) =>
    db
      .selectFrom('postings as p')
      .select(['p.id', 'p.next_attempt_at', 'p.status'])
      .where('p.status', '=', status)
      .where('p.next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('p.lease_until', 'is', null), eb('p.lease_until', '<', at)]))
      .where((eb) =>
        eb.or([
          eb('p.ordering_key', 'is', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('postings as q')
                .select(sql.lit(1).as('one'))
                .whereRef('q.tenant_id', '=', 'p.tenant_id')
                .whereRef('q.ordering_key', '=', 'p.ordering_key')
                .where((q) =>
                  q.or([
                    q('q.created_at', '<', q.ref('p.created_at')),
                    q.and([q('q.created_at', '=', q.ref('p.created_at')), q('q.id', '<', q.ref('p.id'))]),
                  ]),
                )
                .where('q.status', 'in', UNFINISHED),
            ),
          ),
        ]),
      )
      .orderBy('p.next_attempt_at')
      .limit(limit)
      .$narrowType<{ status: WaitingStatus }>();
  // The lease, and for a pending posting the send (the columns are the claimed row's, before the claim).
  const column = (name: 'status' | 'attempts' | 'next_attempt_at') => sql.ref(`postings.${name}`);
  const fresh = sql<boolean>`${column('status')} = 'pending'`;
  const claim = {
    lease_owner: owner,
    lease_until: until,
    status: sql<PostingStatus>`case when ${fresh} then 'sending' else ${column('status')} end`,
    attempts: sql<number>`case when ${fresh} then ${column('attempts')} + 1 else ${column('attempts')} end`,
    next_attempt_at: sql<string>`case when ${fresh} then ${until} else ${column('next_attempt_at')} end`,
  };
  if (database.engine === 'postgres') {
    // One statement, no transaction around it: each status's candidates are locked with SKIP LOCKED
    // (concurrent workers take different ones without waiting), the earliest `limit` of them claimed.
    // A claim is the queue's most frequent statement, and idle workers poll with it.
    return database.db
      .with('due_pending', (qc) => dueWith(qc, 'pending').forUpdate().skipLocked())
      .with('due_unknown', (qc) => dueWith(qc, 'unknown').forUpdate().skipLocked())
      .with('due_sending', (qc) => dueWith(qc, 'sending').forUpdate().skipLocked())
      .with('due', (qc) =>
        qc
          .selectFrom((c) =>
            c
              .selectFrom('due_pending')
              .selectAll()
              .unionAll(c.selectFrom('due_unknown').selectAll())
              .unionAll(c.selectFrom('due_sending').selectAll())
              .as('d'),
          )
          .selectAll()
          .orderBy('d.next_attempt_at')
          .limit(limit),
      )
      .updateTable('postings')
      .from('due')
      .set(claim)
      .whereRef('postings.id', '=', 'due.id')
      .returningAll('postings')
      .returning('due.status as claimed_from')
      .execute();
  }
  // SQLite: the UPDATE re-checks that the posting is still waiting and unleased, so two processes that
  // read the same candidates from one file can never both claim one.
  return database.db.transaction().execute(async (tx) => {
    const candidates: { id: string; next_attempt_at: string; status: WaitingStatus }[] = [];
    for (const status of WAITING) candidates.push(...(await dueWith(tx, status).execute()));
    const chosen = candidates
      .sort((a, b) =>
        a.next_attempt_at < b.next_attempt_at ? -1 : a.next_attempt_at > b.next_attempt_at ? 1 : 0,
      )
      .slice(0, limit);
    if (chosen.length === 0) return [];
    const claimedFrom = new Map(chosen.map((c) => [c.id, c.status]));
    const rows = await tx
      .updateTable('postings')
      .set(claim)
      .where(
        'id',
        'in',
        chosen.map((c) => c.id),
      )
      .where('status', 'in', WAITING)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .returningAll()
      .execute();
    return rows.map((row) => {
      const from = claimedFrom.get(row.id);
      if (from === undefined) throw new Error(`claimed posting ${row.id} was not a candidate`);
      return { ...row, claimed_from: from };
    });
  });
}

/** Postings per status across all companies (queue depth for metrics). */
export async function postingCountsByStatus(
  database: OpenDatabase,
): Promise<{ status: string; n: number }[]> {
  const rows = await database.db
    .selectFrom('postings')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: r.n }));
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

/** Records that a worker is alive and returns how many are (seen within `liveMs`). */
export async function heartbeat(
  database: OpenDatabase,
  owner: string,
  now: Date,
  liveMs: number,
): Promise<number> {
  const at = now.toISOString();
  await database.db
    .insertInto('worker_heartbeats')
    .values({ owner, seen_at: at })
    .onConflict((oc) => oc.column('owner').doUpdateSet({ seen_at: at }))
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
 * Marks a batch of postings posted in one statement (each with its own ERP id and number), releasing
 * their leases; only rows still under the batch's own lease (this owner, this expiry) change. Returns
 * the ids it settled.
 */
export async function settlePosted(
  db: TenantDb,
  lease: { readonly owner: string; readonly until: string | null },
  at: string,
  posted: readonly { readonly id: string; readonly erpId: string; readonly erpNumber: string }[],
): Promise<string[]> {
  if (posted.length === 0) return [];
  const caseOf = (pick: (p: (typeof posted)[number]) => string) =>
    sql<string>`case ${sql.ref('id')} ${sql.join(
      posted.map((p) => sql`when ${p.id} then ${pick(p)}`),
      sql` `,
    )} end`;
  const rows = await db
    .updateTable('postings')
    .set({
      status: 'posted',
      erp_id: caseOf((p) => p.erpId),
      erp_number: caseOf((p) => p.erpNumber),
      last_outcome: 'success',
      last_error_code: null,
      last_error_message: null,
      last_error_reason: null,
      posted_at: at,
      updated_at: at,
      lease_owner: null,
      lease_until: null,
    })
    .where(
      'id',
      'in',
      posted.map((p) => p.id),
    )
    .where('lease_owner', '=', lease.owner)
    .where('lease_until', '=', lease.until)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
