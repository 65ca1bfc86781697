import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * A narrow queue table apart from the posting record (ADR 0017). `posting_queue` holds the job of every
 * posting not yet posted — status, attempts, next attempt, lease, ordering key — so that a claim and a
 * settlement rewrite a row of a few dozen bytes and two small indexes instead of the posting with its
 * document and five indexes. A posting is written once more, when it is posted (or parked), and none of
 * its remaining indexes holds a column that write changes: on PostgreSQL it is a heap-only update.
 *
 * Existing postings that are not posted get their queue row with their current state and lease; the
 * postings table's queue indexes go (the due and ordering indexes move to the queue, and its index by
 * status has no use left: the open and parked postings are listed from the queue). On SQLite the trace
 * events become a table keyed by (posting, seq) without a rowid: one B-tree written per event, not two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('posting_queue')
    .addColumn('posting_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('ordering_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // SQLite: one B-tree keyed by the posting, not a rowid table beside an index of its key
    .$call((t) => (sqlite ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await db.schema
    .createIndex('posting_queue_due_idx')
    .on('posting_queue')
    .columns(['status', 'next_attempt_at'])
    .where(sql.ref('status'), 'in', sql`('pending', 'unknown', 'sending')`)
    .execute();
  await db.schema
    .createIndex('posting_queue_ordering_idx')
    .on('posting_queue')
    .columns(['tenant_id', 'ordering_key', 'created_at'])
    .where(sql.ref('ordering_key'), 'is not', null)
    .execute();
  await sql`insert into posting_queue
      (posting_id, tenant_id, status, attempts, next_attempt_at, lease_owner, lease_until, ordering_key, created_at)
    select id, tenant_id, status, attempts, next_attempt_at, lease_owner, lease_until, ordering_key, created_at
      from postings where status <> 'posted'`.execute(db);
  await sql`update postings set lease_owner = null, lease_until = null where lease_owner is not null`.execute(
    db,
  );

  await db.schema.dropIndex('postings_due_idx').execute();
  await db.schema.dropIndex('postings_ordering_idx').execute();
  await db.schema.dropIndex('postings_tenant_status_idx').execute();

  if (!sqlite) return;
  // SQLite: trace events keyed by (posting, seq) in one B-tree rather than a rowid table and an index
  await db.schema
    .createTable('posting_events_keyed')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('posting_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('posting_events_pkey', ['posting_id', 'seq'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into posting_events_keyed (tenant_id, posting_id, seq, at, kind, detail_json)
    select tenant_id, posting_id, seq, at, kind, detail_json from posting_events`.execute(db);
  await db.schema.dropTable('posting_events').execute();
  await db.schema.alterTable('posting_events_keyed').renameTo('posting_events').execute();
}
