import type { Kysely } from 'kysely';

/**
 * Integration hub: ERP connections, postings (the outbox and the job queue in one: a posting row is
 * claimed by a worker with a lease) and their trace events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('credentials_secret_id', 'text', (c) => c.references('secrets.id'))
    .addColumn('rate_limit_rps', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('connections_tenant_name_key', ['tenant_id', 'name'])
    .addUniqueConstraint('connections_tenant_id_key', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('external_reference', 'text', (c) => c.notNull())
    .addColumn('ordering_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('erp_id', 'text')
    .addColumn('erp_number', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .addUniqueConstraint('postings_reference_key', ['tenant_id', 'connection_id', 'external_reference'])
    .addForeignKeyConstraint(
      'postings_connection_fk',
      ['tenant_id', 'connection_id'],
      'connections',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('restrict'),
    )
    .execute();
  await db.schema
    .createIndex('postings_due_idx')
    .on('postings')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('postings_tenant_status_idx')
    .on('postings')
    .columns(['tenant_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('postings_document_idx')
    .on('postings')
    .columns(['tenant_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('postings_ordering_idx')
    .on('postings')
    .columns(['tenant_id', 'ordering_key', 'created_at'])
    .execute();

  await db.schema
    .createTable('posting_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('posting_id', 'text', (c) => c.notNull().references('postings.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('posting_events_pkey', ['posting_id', 'seq'])
    .execute();
}
