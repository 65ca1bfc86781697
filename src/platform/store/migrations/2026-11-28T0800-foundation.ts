import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Foundation: companies (tenants), master data and vouchers. Every reference between tenant rows is a
 * composite foreign key (tenant_id, code) → (tenant_id, code), so a row can never point into another
 * company. Foreign keys are deferred to commit so a bulk load may arrive in any order.
 */
interface Reference {
  readonly column: string;
  readonly table: string;
}

const MASTER: Record<string, { columns: string[]; references: Reference[] }> = {
  departments: {
    columns: ['parent_code', 'manager_employee_code', 'cost_center_code', 'kind'],
    references: [
      { column: 'parent_code', table: 'departments' },
      { column: 'manager_employee_code', table: 'employees' },
      { column: 'cost_center_code', table: 'cost_centers' },
    ],
  },
  cost_centers: {
    columns: ['department_code'],
    references: [{ column: 'department_code', table: 'departments' }],
  },
  employees: {
    columns: ['department_code', 'manager_code'],
    references: [
      { column: 'department_code', table: 'departments' },
      { column: 'manager_code', table: 'employees' },
    ],
  },
  suppliers: { columns: ['tax_id'], references: [] },
  customers: { columns: ['tax_id'], references: [] },
  projects: {
    columns: ['manager_employee_code'],
    references: [{ column: 'manager_employee_code', table: 'employees' }],
  },
  accounts: { columns: ['parent_code', 'kind'], references: [{ column: 'parent_code', table: 'accounts' }] },
  expense_categories: {
    columns: ['parent_code', 'kind', 'management_account_code', 'sales_account_code'],
    references: [
      { column: 'parent_code', table: 'expense_categories' },
      { column: 'management_account_code', table: 'accounts' },
      { column: 'sales_account_code', table: 'accounts' },
    ],
  },
  currencies: { columns: [], references: [] },
  exchange_rates: { columns: ['base_currency', 'quote_currency', 'effective_on'], references: [] },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';

  await db.schema
    .createTable('companies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tax_id', 'text', (c) => c.notNull())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('companies_own_tenant', sql`tenant_id = id`)
    .execute();

  const foreignKeyName = (table: string, column: string) => `${table}_${column}_fk`;

  for (const [table, spec] of Object.entries(MASTER)) {
    let create: CreateTableBuilder<string, string> = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attributes_json', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${table}_tenant_code_key`, ['tenant_id', 'code']);
    for (const column of spec.columns) create = create.addColumn(column, 'text');
    if (sqlite) {
      // SQLite cannot add constraints later; it resolves the referenced table lazily, so cycles are fine.
      for (const ref of spec.references) {
        create = create.addForeignKeyConstraint(
          foreignKeyName(table, ref.column),
          ['tenant_id', ref.column],
          ref.table,
          ['tenant_id', 'code'],
          (fk) => fk.onUpdate('cascade').onDelete('restrict').deferrable().initiallyDeferred(),
        );
      }
    }
    await create.execute();
    await db.schema.createIndex(`${table}_name_idx`).on(table).columns(['tenant_id', 'name', 'id']).execute();
    await db.schema
      .createIndex(`${table}_updated_idx`)
      .on(table)
      .columns(['tenant_id', 'updated_at', 'id'])
      .execute();
    for (const column of spec.columns) {
      await db.schema
        .createIndex(`${table}_${column}_idx`)
        .on(table)
        .columns(['tenant_id', column])
        .execute();
    }
  }

  if (!sqlite) {
    for (const [table, spec] of Object.entries(MASTER)) {
      for (const ref of spec.references) {
        await db.schema
          .alterTable(table)
          .addForeignKeyConstraint(
            foreignKeyName(table, ref.column),
            ['tenant_id', ref.column],
            ref.table,
            ['tenant_id', 'code'],
            (fk) => fk.onUpdate('cascade').onDelete('restrict').deferrable().initiallyDeferred(),
          )
          .execute();
      }
    }
  }

  await db.schema
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('control', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('budgets_slice_key', [
      'tenant_id',
      'department_code',
      'category_code',
      'period',
      'project_code',
    ])
    .addForeignKeyConstraint(
      'budgets_department_fk',
      ['tenant_id', 'department_code'],
      'departments',
      ['tenant_id', 'code'],
      (fk) => fk.onUpdate('cascade').onDelete('restrict'),
    )
    .addForeignKeyConstraint(
      'budgets_category_fk',
      ['tenant_id', 'category_code'],
      'expense_categories',
      ['tenant_id', 'code'],
      (fk) => fk.onUpdate('cascade').onDelete('restrict'),
    )
    .addCheckConstraint('budgets_amount_not_negative', sql`amount_minor >= 0`)
    .execute();

  await db.schema
    .createTable('vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('date_on', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('total_minor', bigint, (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('external_reference', 'text')
    .addColumn('source_document_id', 'text')
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vouchers_tenant_id_key', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('vouchers_date_idx').on('vouchers').columns(['tenant_id', 'date_on']).execute();
  await db.schema
    .createIndex('vouchers_external_reference_key')
    .on('vouchers')
    .columns(['tenant_id', 'external_reference'])
    .unique()
    .where(sql.ref('external_reference'), 'is not', null)
    .execute();

  await db.schema
    .createTable('voucher_lines')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('debit_minor', bigint, (c) => c.notNull())
    .addColumn('credit_minor', bigint, (c) => c.notNull())
    .addColumn('aux_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('voucher_lines_pkey', ['voucher_id', 'line_no'])
    .addForeignKeyConstraint(
      'voucher_lines_voucher_fk',
      ['tenant_id', 'voucher_id'],
      'vouchers',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('voucher_lines_one_side', sql`(debit_minor = 0) <> (credit_minor = 0)`)
    .execute();
  await db.schema
    .createIndex('voucher_lines_account_idx')
    .on('voucher_lines')
    .columns(['tenant_id', 'account_code'])
    .execute();
}
