import type { Kysely } from 'kysely';

/**
 * Audit entries are written in the transaction of the change they record, into `audit_pending`, each
 * with its own HMAC; a sealer moves them into the hash chain (`audit_log`) in batches, under the
 * company's chain head. The head row is no longer taken by every change (ADR 0008).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_pending')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('mac', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_pending_pkey', ['tenant_id', 'id'])
    .execute();
}
