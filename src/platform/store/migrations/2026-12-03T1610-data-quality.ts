import { type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Data quality (issue #19 item 2; tables declared in src/governance/quality/tables.ts):
 * - `quality_rules`: per company and entity, a rule as data (kind, field, params, severity);
 * - `quality_issues`: what a rule found on one record of one source, open until the record is fixed;
 * - `quality_record_scores`: each evaluated record's score (0–100) and `quality_score_days`, per
 *   entity and source, the day's score (one row a day: the trend);
 * - `data_owners` (who answers for an entity or a source) and `quality_gates` (what open issues block a
 *   posting or a sync);
 * - `change_requests.checker`: the default checker of a request (its entity's data owner).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('quality_rules')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quality_rules_pkey', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('quality_issues')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addPrimaryKeyConstraint('quality_issues_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('quality_issues_finding_key', [
      'tenant_id',
      'rule_id',
      'source',
      'record_key',
      'field',
    ])
    .execute();
  await db.schema
    .createIndex('quality_issues_record_idx')
    .on('quality_issues')
    .columns(['tenant_id', 'entity', 'source', 'record_key', 'status'])
    .execute();
  await db.schema
    .createIndex('quality_issues_status_idx')
    .on('quality_issues')
    .columns(['tenant_id', 'status', 'opened_at'])
    .execute();

  await db.schema
    .createTable('quality_record_scores')
    .$call(tenant)
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('open_issues', 'integer', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quality_record_scores_pkey', ['tenant_id', 'entity', 'source', 'record_key'])
    .execute();

  await db.schema
    .createTable('quality_score_days')
    .$call(tenant)
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('day_on', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('open_issues', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quality_score_days_pkey', ['tenant_id', 'entity', 'source', 'day_on'])
    .execute();

  await db.schema
    .createTable('data_owners')
    .$call(tenant)
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_owners_pkey', ['tenant_id', 'scope', 'name'])
    .execute();

  await db.schema
    .createTable('quality_gates')
    .$call(tenant)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('min_severity', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quality_gates_pkey', ['tenant_id', 'kind'])
    .execute();

  await db.schema.alterTable('change_requests').addColumn('checker', 'text').execute();
}
