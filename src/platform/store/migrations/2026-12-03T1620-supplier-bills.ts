import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Supplier bills (应付单) finance keeps (issue #18; table declared in src/finance/payables/tables.ts):
 * every supplier bill submitted through FinBridge, with its amounts in minor units, its due date and
 * the hub posting that carries it to the ERP; open → posted (the ERP holds it) → in_batch (a payment
 * batch holds it) → paid, or returned (the transfer came back: payable again). One bill per document
 * id: a new revision of the document updates it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('supplier_bills')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('supplier_code', 'text', (c) => c.notNull())
    .addColumn('supplier_name', 'text')
    .addColumn('invoice_refs_json', 'text', (c) => c.notNull())
    .addColumn('bill_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_minor', bigint, (c) => c.notNull())
    .addColumn('tax_minor', bigint, (c) => c.notNull())
    .addColumn('memo', 'text')
    .addColumn('department_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('posting_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('erp_number', 'text')
    .addColumn('last_error', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supplier_bills_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('supplier_bills_document_key', ['tenant_id', 'document_id'])
    .addCheckConstraint('supplier_bills_total_positive', sql`total_minor > 0`)
    .addCheckConstraint(
      'supplier_bills_status',
      sql`status in ('open', 'posted', 'in_batch', 'paid', 'returned')`,
    )
    .execute();
  await db.schema
    .createIndex('supplier_bills_status_idx')
    .on('supplier_bills')
    .columns(['tenant_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('supplier_bills_supplier_idx')
    .on('supplier_bills')
    .columns(['tenant_id', 'supplier_code'])
    .execute();
  await db.schema
    .createIndex('supplier_bills_posting_idx')
    .on('supplier_bills')
    .columns(['tenant_id', 'posting_id'])
    .execute();
}
