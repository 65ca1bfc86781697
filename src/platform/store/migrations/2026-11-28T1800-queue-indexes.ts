import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * The postings table is a queue: each row is written four times (accepted, leased, sending, posted).
 * - The ordering index holds only postings that have an ordering key (bills and payments per supplier);
 *   vouchers, which have none, no longer pay for an entry in it on every write.
 * - PostgreSQL leaves room on each page, so taking a lease (the one write that changes no indexed
 *   column) is a heap-only update that touches no index at all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('postings_ordering_idx').execute();
  await db.schema
    .createIndex('postings_ordering_idx')
    .on('postings')
    .columns(['tenant_id', 'ordering_key', 'created_at'])
    .where(sql.ref('ordering_key'), 'is not', null)
    .execute();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter))
    await sql`alter table postings set (fillfactor = 80)`.execute(db);
}
