import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Fewer writes per posting (measured in ADR 0011):
 * - The due index holds only postings a claim can take (pending, unknown, sending): a posted, rejected
 *   or dead posting leaves it, so it stays the size of the open queue and the final status write
 *   inserts no entry into it.
 * - A trace event no longer carries a foreign key to its posting. Events are appended only by the hub,
 *   beside a posting it has just written or holds the lease of, and postings are never deleted; on
 *   PostgreSQL the key's check locked the posting row for every event (a WAL record and a dirtied page
 *   each time) on the queue's hottest row. SQLite cannot drop a constraint, so the table is rebuilt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('postings_due_idx').execute();
  await db.schema
    .createIndex('postings_due_idx')
    .on('postings')
    .columns(['status', 'next_attempt_at'])
    .where(sql.ref('status'), 'in', sql`('pending', 'unknown', 'sending')`)
    .execute();

  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table posting_events drop constraint posting_events_posting_id_fkey`.execute(db);
    return;
  }
  await db.schema
    .createTable('posting_events_unkeyed')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('posting_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('posting_events_pkey', ['posting_id', 'seq'])
    .execute();
  await sql`insert into posting_events_unkeyed (tenant_id, posting_id, seq, at, kind, detail_json)
    select tenant_id, posting_id, seq, at, kind, detail_json from posting_events`.execute(db);
  await db.schema.dropTable('posting_events').execute();
  await db.schema.alterTable('posting_events_unkeyed').renameTo('posting_events').execute();
}
