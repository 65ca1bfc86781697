import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Payments (issue #18; tables declared in src/finance/payments/tables.ts):
 * - `payment_batches`: a batch of transfers out of one bank account (付款批次), draft → approved (by
 *   someone other than its maker) → file generated → sent → paid / partly returned / returned;
 * - `payment_lines`: one transfer to one payee for one payable (a posted claim or advance); a line
 *   without a batch is a payment recorded directly with POST …/pay. `open_key` holds the payable's id
 *   while the line is in an open batch, so a unique key keeps a payable out of two open batches.
 * Claims and advances paid before this migration get a direct line each (its id is the document's,
 * so the bank book entry already written for it is the line's), dated by their `paid_at`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('payment_batches')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('execute_on', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('total_minor', bigint, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('file_format', 'text')
    .addColumn('file_sha256', 'text')
    .addColumn('file_generated_at', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_batches_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('payment_batches_number_key', ['tenant_id', 'number'])
    .addCheckConstraint('payment_batches_total_positive', sql`total_minor > 0`)
    .addForeignKeyConstraint('payment_batches_account_fk', ['tenant_id', 'account_code'], 'bank_accounts', [
      'tenant_id',
      'code',
    ])
    .execute();
  await db.schema
    .createIndex('payment_batches_status_idx')
    .on('payment_batches')
    .columns(['tenant_id', 'status', 'id'])
    .execute();

  await db.schema
    .createTable('payment_lines')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('payable_kind', 'text', (c) => c.notNull())
    .addColumn('payable_id', 'text', (c) => c.notNull())
    .addColumn('payable_number', 'text', (c) => c.notNull())
    .addColumn('payable_title', 'text', (c) => c.notNull())
    .addColumn('open_key', 'text')
    .addColumn('payee_kind', 'text', (c) => c.notNull())
    .addColumn('payee_code', 'text', (c) => c.notNull())
    .addColumn('payee_name', 'text')
    .addColumn('payee_account', 'text')
    .addColumn('payee_bank', 'text')
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('end_to_end_id', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text')
    .addColumn('reference', 'text')
    .addColumn('posting_id', 'text')
    .addColumn('erp_voucher_number', 'text')
    .addColumn('reversal_posting_id', 'text')
    .addColumn('erp_reversal_number', 'text')
    .addColumn('statement_line_id', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('returned_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_lines_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('payment_lines_open_key', ['tenant_id', 'open_key'])
    .addCheckConstraint('payment_lines_amount_positive', sql`amount_minor > 0`)
    .addCheckConstraint(
      'payment_lines_status',
      sql`status in ('pending', 'sent', 'paid', 'returned', 'cancelled')`,
    )
    .addForeignKeyConstraint(
      'payment_lines_batch_fk',
      ['tenant_id', 'batch_id'],
      'payment_batches',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('payment_lines_batch_idx')
    .on('payment_lines')
    .columns(['tenant_id', 'batch_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('payment_lines_payable_idx')
    .on('payment_lines')
    .columns(['tenant_id', 'payable_id'])
    .execute();
  await db.schema
    .createIndex('payment_lines_posting_idx')
    .on('payment_lines')
    .columns(['tenant_id', 'posting_id'])
    .execute();
  await db.schema
    .createIndex('payment_lines_end_to_end_idx')
    .on('payment_lines')
    .columns(['tenant_id', 'end_to_end_id'])
    .execute();

  // what was paid before: one direct line per paid claim or advance, keyed by the document's own id
  await sql`
    insert into payment_lines (tenant_id, id, batch_id, seq, payable_kind, payable_id, payable_number,
      payable_title, open_key, payee_kind, payee_code, payee_name, payee_account, payee_bank,
      amount_minor, currency, status, end_to_end_id, paid_on, reference, created_by, created_at, updated_at)
    select d.tenant_id, d.id, null, 0, d.kind, d.id, d.number, d.title, null, 'employee', d.employee_code,
      null, null, null,
      cast(d.total_minor - coalesce((select sum(o.amount_minor) from advance_offsets o
        where o.tenant_id = d.tenant_id and o.claim_id = d.id), 0) as bigint),
      d.currency, 'paid', d.number, substr(d.paid_at, 1, 10), d.number, 'system:migration', d.paid_at, d.paid_at
    from expense_documents d
    where d.paid_at is not null and d.kind in ('claim', 'advance')
      and d.total_minor - coalesce((select sum(o.amount_minor) from advance_offsets o
        where o.tenant_id = d.tenant_id and o.claim_id = d.id), 0) > 0
  `.execute(db);
}
