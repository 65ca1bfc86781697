import { type CreateTableBuilder, type Kysely, SqliteAdapter } from 'kysely';

/**
 * Analytics (issue #19; tables declared in src/analytics/tables.ts, design in ADR 0021):
 * - `analytics_spend_facts`: one row per claim line once its voucher posted, carrying every dimension
 *   of the spend cube; a reversal marks it (`reversed` = 1) rather than deleting it;
 * - `analytics_spend_rollup`: spend per (period, company, department, category, currency), changed in the
 *   transaction that posts or reverses, so the dashboards never scan the facts;
 * - `analytics_peer_stats`: median and MAD per peer group, which new lines are scored against;
 * - `analytics_anomalies`: the findings, read by score.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('analytics_spend_facts')
    .$call(tenant)
    .addColumn('posting_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('company_code', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('cost_center_code', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('employee_code', 'text', (c) => c.notNull())
    .addColumn('supplier', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('erp', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('invoice_keys', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('tax_minor', bigint, (c) => c.notNull())
    .addColumn('reversed', 'integer', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_spend_facts_pkey', ['tenant_id', 'posting_id', 'line_no'])
    .execute();
  for (const [name, columns] of [
    ['analytics_spend_facts_period_idx', ['tenant_id', 'period', 'department_code']],
    ['analytics_spend_facts_employee_idx', ['tenant_id', 'employee_code', 'occurred_on']],
    ['analytics_spend_facts_document_idx', ['tenant_id', 'document_id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('analytics_spend_facts')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('analytics_spend_rollup')
    .$call(tenant)
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('company_code', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('tax_minor', bigint, (c) => c.notNull())
    .addColumn('line_count', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_spend_rollup_pkey', [
      'tenant_id',
      'period',
      'company_code',
      'department_code',
      'category_code',
      'currency',
    ])
    .execute();

  await db.schema
    .createTable('analytics_peer_stats')
    .$call(tenant)
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('city_tier', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('median_minor', bigint, (c) => c.notNull())
    .addColumn('mad_minor', bigint, (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_peer_stats_pkey', [
      'tenant_id',
      'category_code',
      'department_code',
      'city_tier',
      'currency',
    ])
    .execute();

  await db.schema
    .createTable('analytics_anomalies')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('document_number', 'text')
    .addColumn('posting_id', 'text')
    .addColumn('line_no', 'integer')
    .addColumn('employee_code', 'text')
    .addColumn('department_code', 'text')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint)
    .addColumn('currency', 'text')
    .addColumn('explanation_zh', 'text', (c) => c.notNull())
    .addColumn('explanation_en', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_anomalies_pkey', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('analytics_anomalies_score_idx')
    .on('analytics_anomalies')
    .columns(['tenant_id', 'score desc', 'id'])
    .execute();
  await db.schema
    .createIndex('analytics_anomalies_posting_idx')
    .on('analytics_anomalies')
    .columns(['tenant_id', 'posting_id'])
    .execute();
}
