import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * The electronic accounting archive and attachments out of the database row (issue #18 items 4 and 7;
 * tables declared in src/finance/archive/tables.ts; layout in docs/adr/0020-accounting-archive-package.md):
 * - `attachments.storage`: 'inline' (the bytes in `content`, as before) or 'blob' (the bytes in the
 *   content-addressed store under `sha256`, `content` left empty);
 * - `archive_packages` (one per closed period), `archive_items` (one per voucher, with its 档号),
 *   `archive_files` (every file of an item with its size, SM3 and SHA-256, and the record it came from)
 *   and `archive_verifications` (each verification's report, appended);
 * - triggers on both engines: archive rows are never updated or deleted; an archived claim, its lines,
 *   its invoices and attachments keep what was archived (a claim may still become paid); the period of
 *   an archive package cannot be reopened. A refusal's message starts with `finbridge_archived`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .alterTable('attachments')
    .addColumn('storage', 'text', (c) => c.notNull().defaultTo('inline'))
    .execute();

  await db.schema
    .createTable('archive_packages')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('hash_algorithm', 'text', (c) => c.notNull())
    .addColumn('manifest_hash', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('total_bytes', bigint, (c) => c.notNull())
    .addColumn('built_by', 'text', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_packages_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('archive_packages_period_key', ['tenant_id', 'period'])
    .execute();

  await db.schema
    .createTable('archive_items')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('archive_code', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('voucher_word', 'text')
    .addColumn('voucher_number', 'text')
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text', (c) => c.notNull())
    .addColumn('metadata_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_items_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('archive_items_code_key', ['tenant_id', 'archive_code'])
    .addUniqueConstraint('archive_items_source_key', ['tenant_id', 'source_type', 'source_id'])
    .addUniqueConstraint('archive_items_seq_key', ['tenant_id', 'package_id', 'seq'])
    .addForeignKeyConstraint('archive_items_package_fk', ['tenant_id', 'package_id'], 'archive_packages', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('archive_items_source_idx')
    .on('archive_items')
    .columns(['tenant_id', 'source_id'])
    .execute();

  await db.schema
    .createTable('archive_files')
    .$call(tenant)
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', bigint, (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addPrimaryKeyConstraint('archive_files_pkey', ['tenant_id', 'item_id', 'path'])
    .addForeignKeyConstraint('archive_files_item_fk', ['tenant_id', 'item_id'], 'archive_items', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('archive_files_source_idx')
    .on('archive_files')
    .columns(['tenant_id', 'source_type', 'source_id'])
    .execute();

  await db.schema
    .createTable('archive_verifications')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_verifications_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'archive_verifications_package_fk',
      ['tenant_id', 'package_id'],
      'archive_packages',
      ['tenant_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('archive_verifications_package_idx')
    .on('archive_verifications')
    .columns(['tenant_id', 'package_id', 'verified_at'])
    .execute();

  for (const statement of sqlite ? sqliteTriggers() : postgresTriggers())
    await sql.raw(statement).execute(db);
}

/** The archive's own tables: never updated, never deleted. */
const ARCHIVE_TABLES = ['archive_packages', 'archive_items', 'archive_files', 'archive_verifications'];

/** What an archived claim keeps (its status may still move to paid). */
const DOCUMENT_COLUMNS = [
  'kind',
  'number',
  'employee_code',
  'department_code',
  'project_code',
  'title',
  'currency',
  'document_on',
  'total_minor',
  'deductible_tax_minor',
  'data_json',
  'posting_id',
  'erp_voucher_number',
  'erp_period',
  'posted_at',
];
const ATTACHMENT_COLUMNS = ['document_id', 'file_name', 'content_type', 'size_bytes', 'sha256'];
const INVOICE_COLUMNS = [
  'identity_key',
  'type',
  'code',
  'number',
  'issued_on',
  'seller_name',
  'seller_tax_id',
  'buyer_name',
  'buyer_tax_id',
  'amount_minor',
  'tax_minor',
  'total_minor',
  'currency',
  'data_json',
  'file_sha256',
];

const changed = (columns: readonly string[], distinct: string) =>
  columns.map((c) => `NEW.${c} ${distinct} OLD.${c}`).join(' OR ');

const archivedDocument = (id: string) =>
  `EXISTS (SELECT 1 FROM archive_items a WHERE a.tenant_id = OLD.tenant_id AND a.source_type = 'expense_document' AND a.source_id = ${id})`;
const archivedFile = (type: string) =>
  `EXISTS (SELECT 1 FROM archive_files f WHERE f.tenant_id = OLD.tenant_id AND f.source_type = '${type}' AND f.source_id = OLD.id)`;
const archivedPeriod = `EXISTS (SELECT 1 FROM archive_packages p WHERE p.tenant_id = OLD.tenant_id AND p.period = OLD.period)`;

function sqliteTriggers(): string[] {
  const refuse = (name: string, event: string, table: string, when: string | null, what: string) =>
    `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW${when === null ? '' : ` WHEN ${when}`}
     BEGIN SELECT RAISE(ABORT, 'finbridge_archived: ${what}'); END`;
  return [
    ...ARCHIVE_TABLES.flatMap((t) => [
      refuse(`${t}_no_update`, 'UPDATE', t, null, `${t} rows are never changed`),
      refuse(`${t}_no_delete`, 'DELETE', t, null, `${t} rows are never deleted`),
    ]),
    refuse(
      'expense_documents_archived_update',
      'UPDATE',
      'expense_documents',
      `${archivedDocument('OLD.id')} AND (${changed(DOCUMENT_COLUMNS, 'IS NOT')} OR (NEW.status IS NOT OLD.status AND NEW.status <> 'paid'))`,
      'the expense document is archived',
    ),
    refuse(
      'expense_documents_archived_delete',
      'DELETE',
      'expense_documents',
      archivedDocument('OLD.id'),
      'the expense document is archived',
    ),
    refuse(
      'expense_lines_archived_update',
      'UPDATE',
      'expense_lines',
      archivedDocument('OLD.document_id'),
      'the expense document is archived',
    ),
    refuse(
      'expense_lines_archived_delete',
      'DELETE',
      'expense_lines',
      archivedDocument('OLD.document_id'),
      'the expense document is archived',
    ),
    refuse(
      'attachments_archived_update',
      'UPDATE',
      'attachments',
      `${archivedFile('attachment')} AND (${changed(ATTACHMENT_COLUMNS, 'IS NOT')})`,
      'the attachment is archived',
    ),
    refuse(
      'attachments_archived_delete',
      'DELETE',
      'attachments',
      archivedFile('attachment'),
      'the attachment is archived',
    ),
    refuse(
      'invoices_archived_update',
      'UPDATE',
      'invoices',
      `${archivedFile('invoice')} AND (${changed(INVOICE_COLUMNS, 'IS NOT')})`,
      'the invoice is archived',
    ),
    refuse(
      'invoices_archived_delete',
      'DELETE',
      'invoices',
      archivedFile('invoice'),
      'the invoice is archived',
    ),
    refuse(
      'closed_periods_archived_update',
      'UPDATE',
      'closed_periods',
      archivedPeriod,
      'the period is archived',
    ),
    refuse(
      'closed_periods_archived_delete',
      'DELETE',
      'closed_periods',
      archivedPeriod,
      'the period is archived',
    ),
  ];
}

function postgresTriggers(): string[] {
  const fn = (name: string, body: string) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${body}
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`;
  const raise = (what: string) => `RAISE EXCEPTION 'finbridge_archived: ${what}' USING ERRCODE = 'P0001';`;
  const guard = (table: string, name: string, archived: string, columns: string | null, what: string) => [
    fn(
      name,
      `IF ${archived} THEN
         IF TG_OP = 'DELETE' THEN ${raise(what)} END IF;
         ${columns === null ? raise(what) : `IF ${columns} THEN ${raise(what)} END IF;`}
       END IF;`,
    ),
    `CREATE TRIGGER ${name} BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  ];
  return [
    fn(
      'finbridge_archive_immutable',
      `RAISE EXCEPTION 'finbridge_archived: % rows are never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';`,
    ),
    ...ARCHIVE_TABLES.map(
      (t) =>
        `CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION finbridge_archive_immutable()`,
    ),
    ...guard(
      'expense_documents',
      'expense_documents_archived',
      archivedDocument('OLD.id'),
      `${changed(DOCUMENT_COLUMNS, 'IS DISTINCT FROM')} OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'paid')`,
      'the expense document is archived',
    ),
    ...guard(
      'expense_lines',
      'expense_lines_archived',
      archivedDocument('OLD.document_id'),
      null,
      'the expense document is archived',
    ),
    ...guard(
      'attachments',
      'attachments_archived',
      archivedFile('attachment'),
      changed(ATTACHMENT_COLUMNS, 'IS DISTINCT FROM'),
      'the attachment is archived',
    ),
    ...guard(
      'invoices',
      'invoices_archived',
      archivedFile('invoice'),
      changed(INVOICE_COLUMNS, 'IS DISTINCT FROM'),
      'the invoice is archived',
    ),
    ...guard('closed_periods', 'closed_periods_archived', archivedPeriod, null, 'the period is archived'),
  ];
}
