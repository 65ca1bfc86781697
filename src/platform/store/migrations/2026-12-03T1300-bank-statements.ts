import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Bank statements and their reconciliation (issue #18; tables declared in src/finance/bank/tables.ts):
 * - `bank_accounts`: the company's accounts, each with the day its book starts and the book balance then;
 *   at most one default account per currency (payments that name no account go out of it);
 * - `bank_imports` (one per file, its SHA-256 unique per company), `bank_statements` (per account) and
 *   `bank_statement_lines`, unique per account by their natural key, so an overlapping statement adds
 *   only the lines not yet there;
 * - `bank_book_entries`: the book side, one row per source record (a paid claim, a posted Payment, a
 *   manual entry);
 * - `bank_matches` with `bank_match_items` (a line or an entry belongs to one match at most) and
 *   `bank_match_vetoes` (pairs someone unmatched, never matched automatically again).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));
  const toAccount = <T extends string, C extends string>(name: string, t: CreateTableBuilder<T, C>) =>
    t.addForeignKeyConstraint(
      name,
      ['tenant_id', 'account_code'] as never,
      'bank_accounts',
      ['tenant_id', 'code'],
      (fk) => fk.onDelete('cascade'),
    );

  await db.schema
    .createTable('bank_accounts')
    .$call(tenant)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('opening_balance_minor', bigint, (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_accounts_pkey', ['tenant_id', 'code'])
    .addUniqueConstraint('bank_accounts_number_key', ['tenant_id', 'account_number'])
    .addCheckConstraint('bank_accounts_is_default_flag', sql`is_default in (0, 1)`)
    .execute();
  await db.schema
    .createIndex('bank_accounts_default_key')
    .on('bank_accounts')
    .columns(['tenant_id', 'currency'])
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();

  await db.schema
    .createTable('bank_imports')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('layout', 'text')
    .addColumn('statement_count', 'integer', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('new_line_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_imports_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('bank_imports_file_key', ['tenant_id', 'file_sha256'])
    .execute();

  await db.schema
    .createTable('bank_statements')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('statement_ref', 'text')
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('opening_balance_minor', bigint)
    .addColumn('closing_balance_minor', bigint)
    .addColumn('closing_on', 'text')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('new_line_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_statements_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'bank_statements_import_fk',
      ['tenant_id', 'import_id'],
      'bank_imports',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .$call((t) => toAccount('bank_statements_account_fk', t))
    .execute();
  await db.schema
    .createIndex('bank_statements_account_idx')
    .on('bank_statements')
    .columns(['tenant_id', 'account_code', 'closing_on'])
    .execute();

  await db.schema
    .createTable('bank_statement_lines')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('statement_id', 'text', (c) => c.notNull())
    .addColumn('natural_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('booked_on', 'text', (c) => c.notNull())
    .addColumn('value_on', 'text')
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_account', 'text')
    .addColumn('reference', 'text')
    .addColumn('description', 'text')
    .addColumn('bank_txn_id', 'text')
    .addColumn('balance_minor', bigint)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_statement_lines_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('bank_statement_lines_natural_key', ['tenant_id', 'account_code', 'natural_key'])
    .addCheckConstraint('bank_statement_lines_amount_positive', sql`amount_minor > 0`)
    .addCheckConstraint('bank_statement_lines_direction', sql`direction in ('in', 'out')`)
    .addForeignKeyConstraint(
      'bank_statement_lines_statement_fk',
      ['tenant_id', 'statement_id'],
      'bank_statements',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .$call((t) => toAccount('bank_statement_lines_account_fk', t))
    .execute();
  await db.schema
    .createIndex('bank_statement_lines_account_idx')
    .on('bank_statement_lines')
    .columns(['tenant_id', 'account_code', 'booked_on'])
    .execute();

  await db.schema
    .createTable('bank_book_entries')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('booked_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_account', 'text')
    .addColumn('reference', 'text')
    .addColumn('description', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_book_entries_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('bank_book_entries_source_key', ['tenant_id', 'source', 'source_id'])
    .addCheckConstraint('bank_book_entries_amount_positive', sql`amount_minor > 0`)
    .addCheckConstraint('bank_book_entries_direction', sql`direction in ('in', 'out')`)
    .$call((t) => toAccount('bank_book_entries_account_fk', t))
    .execute();
  await db.schema
    .createIndex('bank_book_entries_account_idx')
    .on('bank_book_entries')
    .columns(['tenant_id', 'account_code', 'booked_on'])
    .execute();

  await db.schema
    .createTable('bank_matches')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_matches_pkey', ['tenant_id', 'id'])
    .$call((t) => toAccount('bank_matches_account_fk', t))
    .execute();
  await db.schema
    .createIndex('bank_matches_account_idx')
    .on('bank_matches')
    .columns(['tenant_id', 'account_code', 'id'])
    .execute();

  await db.schema
    .createTable('bank_match_items')
    .$call(tenant)
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('match_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_match_items_pkey', ['tenant_id', 'side', 'item_id'])
    .addCheckConstraint('bank_match_items_side', sql`side in ('line', 'entry')`)
    .addForeignKeyConstraint(
      'bank_match_items_match_fk',
      ['tenant_id', 'match_id'],
      'bank_matches',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('bank_match_items_match_idx')
    .on('bank_match_items')
    .columns(['tenant_id', 'match_id'])
    .execute();

  await db.schema
    .createTable('bank_match_vetoes')
    .$call(tenant)
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_match_vetoes_pkey', ['tenant_id', 'line_id', 'entry_id'])
    .execute();
}
