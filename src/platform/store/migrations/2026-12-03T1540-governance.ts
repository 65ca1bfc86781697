import { type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Master-data governance (issue #19; tables declared in src/governance/tables.ts):
 * - `golden_records`: one per real-world supplier, employee or account, with the surviving value of
 *   each field and the source it came from; `golden_sources` holds each source's own copy (FinBridge's
 *   master data, each connection's pulled records), unique per source and key, and which golden
 *   record it belongs to; `survivorship_rules` says, per entity and field, which source wins;
 * - `import_batches` and `import_batch_changes`: a committed import file and, per record it created
 *   or changed, the row before and the version it left, so a batch can be rolled back;
 * - `change_policies` (which targets need a second person, per company) and `change_requests`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('golden_records')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('conflicts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('golden_records_pkey', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('golden_records_entity_idx')
    .on('golden_records')
    .columns(['tenant_id', 'entity', 'status', 'name'])
    .execute();

  await db.schema
    .createTable('golden_sources')
    .$call(tenant)
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('golden_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('golden_sources_pkey', ['tenant_id', 'entity', 'source', 'source_key'])
    .addForeignKeyConstraint(
      'golden_sources_golden_fk',
      ['tenant_id', 'golden_id'],
      'golden_records',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('golden_sources_golden_idx')
    .on('golden_sources')
    .columns(['tenant_id', 'golden_id'])
    .execute();

  await db.schema
    .createTable('survivorship_rules')
    .$call(tenant)
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('precedence_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survivorship_rules_pkey', ['tenant_id', 'entity', 'field'])
    .execute();

  await db.schema
    .createTable('import_batches')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('created_count', 'integer', (c) => c.notNull())
    .addColumn('updated_count', 'integer', (c) => c.notNull())
    .addColumn('unchanged_count', 'integer', (c) => c.notNull())
    .addColumn('committed_by', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .addColumn('rolled_back_by', 'text')
    .addColumn('rolled_back_at', 'text')
    .addPrimaryKeyConstraint('import_batches_pkey', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('import_batches_committed_idx')
    .on('import_batches')
    .columns(['tenant_id', 'committed_at'])
    .execute();

  await db.schema
    .createTable('import_batch_changes')
    .$call(tenant)
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_batch_changes_pkey', ['tenant_id', 'batch_id', 'seq'])
    .addForeignKeyConstraint(
      'import_batch_changes_batch_fk',
      ['tenant_id', 'batch_id'],
      'import_batches',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('change_policies')
    .$call(tenant)
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('requires_approval', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_policies_pkey', ['tenant_id', 'target'])
    .execute();

  await db.schema
    .createTable('change_requests')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('diff_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('result_json', 'text')
    .addPrimaryKeyConstraint('change_requests_pkey', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('change_requests_status_idx')
    .on('change_requests')
    .columns(['tenant_id', 'status', 'requested_at'])
    .execute();
}
