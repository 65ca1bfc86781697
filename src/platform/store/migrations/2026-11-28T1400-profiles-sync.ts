import type { Kysely } from 'kysely';

/**
 * Mapping profiles (versioned per connection), the ERP's master data as last pulled, incremental pull
 * state per connection and object (watermark + schedule, claimed once per cluster), worker heartbeats
 * (to share a connection's rate limit across workers), and the profile version on each posting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mapping_profiles')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('profile_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mapping_profiles_pkey', ['tenant_id', 'connection_id', 'version'])
    .addForeignKeyConstraint(
      'mapping_profiles_connection_fk',
      ['tenant_id', 'connection_id'],
      'connections',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('erp_records')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('erp_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('erp_modified_at', 'text', (c) => c.notNull())
    .addColumn('pulled_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('erp_records_pkey', ['tenant_id', 'connection_id', 'object', 'erp_number'])
    .addForeignKeyConstraint(
      'erp_records_connection_fk',
      ['tenant_id', 'connection_id'],
      'connections',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('sync_states')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('every_seconds', 'integer')
    .addColumn('next_run_at', 'text')
    .addColumn('watermark_at', 'text')
    .addColumn('watermark_key', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('sync_states_pkey', ['tenant_id', 'connection_id', 'object'])
    .addForeignKeyConstraint(
      'sync_states_connection_fk',
      ['tenant_id', 'connection_id'],
      'connections',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('sync_states_due_idx').on('sync_states').columns(['next_run_at']).execute();

  await db.schema
    .createTable('worker_heartbeats')
    .addColumn('owner', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('postings').addColumn('profile_version', 'integer').execute();
}
