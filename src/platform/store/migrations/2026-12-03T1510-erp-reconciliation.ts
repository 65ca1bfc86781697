import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/**
 * Hub ↔ ERP reconciliation (issue #18; tables declared in src/finance/reconciliation/tables.ts):
 * - `erp_reconciliations`: one run for a connection and a period, its status (a run that could not
 *   read the ERP is `not_checked`, never `matched`), counts, totals and the per word/account summary;
 * - `erp_reconciliation_differences`: what the run found, each with how it was resolved (re-posted,
 *   marked deliberately deleted, acknowledged) by whom and why.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('erp_reconciliations')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('our_count', 'integer', (c) => c.notNull())
    .addColumn('erp_count', 'integer', (c) => c.notNull())
    .addColumn('matched_count', 'integer', (c) => c.notNull())
    .addColumn('difference_count', 'integer', (c) => c.notNull())
    .addColumn('our_debit_minor', 'text', (c) => c.notNull())
    .addColumn('erp_debit_minor', 'text', (c) => c.notNull())
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addPrimaryKeyConstraint('erp_reconciliations_pkey', ['tenant_id', 'id'])
    .addCheckConstraint(
      'erp_reconciliations_status',
      sql`status in ('running', 'matched', 'differences', 'not_checked')`,
    )
    .execute();
  await db.schema
    .createIndex('erp_reconciliations_period_idx')
    .on('erp_reconciliations')
    .columns(['tenant_id', 'connection_id', 'period', 'started_at'])
    .execute();

  await db.schema
    .createTable('erp_reconciliation_differences')
    .$call(tenant)
    .addColumn('reconciliation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('posting_id', 'text')
    .addColumn('document_id', 'text')
    .addColumn('erp_id', 'text')
    .addColumn('erp_number', 'text')
    .addColumn('word', 'text')
    .addColumn('our_amount_minor', 'text')
    .addColumn('erp_amount_minor', 'text')
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolution_reason', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addPrimaryKeyConstraint('erp_reconciliation_differences_pkey', ['tenant_id', 'reconciliation_id', 'seq'])
    .addForeignKeyConstraint(
      'erp_reconciliation_differences_run_fk',
      ['tenant_id', 'reconciliation_id'],
      'erp_reconciliations',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}
