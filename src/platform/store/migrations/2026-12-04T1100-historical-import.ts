import { type CreateTableBuilder, type Kysely, SqliteAdapter } from 'kysely';

/**
 * Historical claims and vouchers imported from an old system (issue #19; tables declared in
 * src/governance/imports/history-tables.ts, docs/governance.md#historical-claims-and-vouchers):
 * - `historical_claims` and `historical_claim_lines`: claims already paid or posted at the source, one
 *   header per claim number, each with the import batch that brought it (`batch_id`);
 * - `historical_vouchers` and `historical_voucher_lines`: vouchers already in an ERP, known by the
 *   connection and the ERP's voucher number.
 * Nothing here is ever posted: the hub never sees these rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('historical_claims')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('employee_code', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('source_status', 'text', (c) => c.notNull())
    .addColumn('total_minor', bigint, (c) => c.notNull())
    .addColumn('tax_minor', bigint, (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('historical_claims_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('historical_claims_number_key', ['tenant_id', 'number'])
    .execute();
  await db.schema
    .createIndex('historical_claims_batch_idx')
    .on('historical_claims')
    .columns(['tenant_id', 'batch_id'])
    .execute();
  await db.schema
    .createTable('historical_claim_lines')
    .$call(tenant)
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('cost_center_code', 'text')
    .addColumn('project_code', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('tax_minor', bigint, (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('historical_claim_lines_pkey', ['tenant_id', 'claim_id', 'line_no'])
    .addForeignKeyConstraint(
      'historical_claim_lines_claim_fk',
      ['tenant_id', 'claim_id'],
      'historical_claims',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('historical_vouchers')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('erp_number', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('date_on', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_minor', bigint, (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('historical_vouchers_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('historical_vouchers_erp_key', ['tenant_id', 'connection_id', 'erp_number'])
    .execute();
  await db.schema
    .createIndex('historical_vouchers_batch_idx')
    .on('historical_vouchers')
    .columns(['tenant_id', 'batch_id'])
    .execute();
  await db.schema
    .createTable('historical_voucher_lines')
    .$call(tenant)
    .addColumn('voucher_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('debit_minor', bigint, (c) => c.notNull())
    .addColumn('credit_minor', bigint, (c) => c.notNull())
    .addColumn('aux_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('historical_voucher_lines_pkey', ['tenant_id', 'voucher_id', 'line_no'])
    .addForeignKeyConstraint(
      'historical_voucher_lines_voucher_fk',
      ['tenant_id', 'voucher_id'],
      'historical_vouchers',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}
