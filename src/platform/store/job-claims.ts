import { sql, type Selectable } from 'kysely';
import type { OpenDatabase } from './database.ts';
import type { PostingsTable } from './tables.ts';

/**
 * Claiming due postings for a worker — the job queue's one cross-tenant operation (each claimed
 * posting is then handled through its own tenant's TenantDb). A posting is due when it is waiting
 * (pending / unknown) or was being sent by a worker whose lease ran out (crash), its next attempt time
 * has come, and no older unfinished posting shares its ordering key. PostgreSQL claims with
 * `FOR UPDATE SKIP LOCKED`, so any number of workers share the queue without blocking each other.
 */
export type PostingRow = Selectable<PostingsTable>;

const WAITING = ['pending', 'unknown', 'sending'] as const;
const UNFINISHED = ['pending', 'unknown', 'sending'] as const;

export async function claimDuePostings(
  database: OpenDatabase,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<PostingRow[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const due = database.db
    .selectFrom('postings as p')
    .select('p.id')
    .where('p.status', 'in', WAITING)
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
              .whereRef('q.created_at', '<', 'p.created_at')
              .where('q.status', 'in', UNFINISHED),
          ),
        ),
      ]),
    )
    .orderBy('p.next_attempt_at')
    .limit(limit);
  // The UPDATE re-checks that the posting is still waiting and unleased, so two workers that read the
  // same candidates (SQLite processes sharing one file) can never both claim one.
  const claim = (db: typeof database.db, ids: readonly string[] | typeof due) =>
    db
      .updateTable('postings')
      .set({ lease_owner: owner, lease_until: until })
      .where('id', 'in', ids)
      .where('status', 'in', WAITING)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .returningAll();
  if (database.engine === 'postgres') return claim(database.db, due.forUpdate().skipLocked()).execute();
  return database.db.transaction().execute(async (tx) => {
    const ids = (await tx.selectFrom(due.as('d')).select('d.id').execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return claim(tx, ids).execute();
  });
}

/** Earliest next attempt among waiting postings (for the worker to sleep until), or undefined. */
export async function nextDueAt(database: OpenDatabase): Promise<string | undefined> {
  const row = await database.db
    .selectFrom('postings')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('status', 'in', WAITING)
    .executeTakeFirst();
  return row?.at ?? undefined;
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
