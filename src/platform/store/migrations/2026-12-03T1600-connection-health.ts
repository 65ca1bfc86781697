import type { Kysely } from 'kysely';

/**
 * What the sync monitor shows of each connection's health (issue #16):
 * - each worker's heartbeat carries the state of its circuit breaker per connection it sends to
 *   (`breakers_json`, `{"<connection id>": "closed" | "half-open" | "open"}`), so the API — in another
 *   process — can say which ERPs the workers have stopped calling for a while;
 * - postings are found by when they were posted (`tenant_id`, `posted_at`), so the throughput of the
 *   last hour is one range scan however many postings a company has.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('worker_heartbeats').addColumn('breakers_json', 'text').execute();
  await db.schema
    .createIndex('postings_posted_at_idx')
    .on('postings')
    .columns(['tenant_id', 'posted_at'])
    .execute();
}
