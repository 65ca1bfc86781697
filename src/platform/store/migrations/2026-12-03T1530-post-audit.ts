import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/**
 * Post-hoc audit (事后审计, issue #18 item 5; tables declared in src/finance/post-audit/tables.ts):
 * - `post_audit_plans`: sampling plans as data (random with a seed, by risk score, by rules);
 * - `post_audit_runs` (one plan over a date range, with the plan as it was run) and
 *   `post_audit_samples` (the claims a run picked, each with why);
 * - `post_audit_findings` on a claim (severity, evidence, state) and `post_audit_finding_events`, the
 *   finding's history: rectification requests to the claimant, responses, closing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('post_audit_plans')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_audit_plans_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('post_audit_plans_name_key', ['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('post_audit_runs')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('sampled', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_audit_runs_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'post_audit_runs_plan_fkey',
      ['tenant_id', 'plan_id'],
      'post_audit_plans',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('post_audit_runs_created_idx')
    .on('post_audit_runs')
    .columns(['tenant_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('post_audit_samples')
    .$call(tenant)
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('risk_score', 'integer', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_audit_samples_pkey', ['tenant_id', 'run_id', 'document_id'])
    .addForeignKeyConstraint(
      'post_audit_samples_run_fkey',
      ['tenant_id', 'run_id'],
      'post_audit_runs',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('post_audit_findings')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimant_code', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_audit_findings_pkey', ['tenant_id', 'id'])
    .addCheckConstraint('post_audit_findings_severity', sql`severity in ('low', 'medium', 'high')`)
    .addCheckConstraint(
      'post_audit_findings_status',
      sql`status in ('open', 'rectification_requested', 'responded', 'closed', 'waived')`,
    )
    .execute();
  await db.schema
    .createIndex('post_audit_findings_document_idx')
    .on('post_audit_findings')
    .columns(['tenant_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('post_audit_findings_claimant_idx')
    .on('post_audit_findings')
    .columns(['tenant_id', 'claimant_code', 'status'])
    .execute();

  await db.schema
    .createTable('post_audit_finding_events')
    .$call(tenant)
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addPrimaryKeyConstraint('post_audit_finding_events_pkey', ['tenant_id', 'finding_id', 'seq'])
    .addForeignKeyConstraint(
      'post_audit_finding_events_finding_fkey',
      ['tenant_id', 'finding_id'],
      'post_audit_findings',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}
