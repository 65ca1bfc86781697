import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * The expense lifecycle: invoices (one row per real invoice — its identity is unique per company), the
 * link of an invoice to the one live claim that uses it (unique, so no invoice is reimbursed twice even
 * when two claims race), claims / requests / advances with their lines and every state transition,
 * attachments, versioned rule sets (approval, audit, posting), approval tasks and delegations, budget
 * occupation, advance offsets, closed periods, notifications and external approvers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bigint = sqlite ? 'integer' : 'bigint';
  const blob = sqlite ? 'blob' : 'bytea';
  const tenantFk =
    (name: string, columns: string[], table: string, target: string[]) =>
    <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
      t.addForeignKeyConstraint(name, columns as never, table, target, (fk) => fk.onDelete('cascade'));
  const tenant = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

  await db.schema
    .createTable('invoices')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('seller_name', 'text', (c) => c.notNull())
    .addColumn('seller_tax_id', 'text')
    .addColumn('buyer_name', 'text', (c) => c.notNull())
    .addColumn('buyer_tax_id', 'text')
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('tax_minor', bigint, (c) => c.notNull())
    .addColumn('total_minor', bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('owner_employee_code', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoices_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('invoices_identity_key', ['tenant_id', 'identity_key'])
    .addCheckConstraint('invoices_total_is_sum', sql`total_minor = amount_minor + tax_minor`)
    .execute();
  await db.schema
    .createIndex('invoices_near_duplicate_idx')
    .on('invoices')
    .columns(['tenant_id', 'seller_tax_id', 'total_minor', 'issued_on'])
    .execute();

  await db.schema
    .createTable('expense_documents')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('employee_code', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('document_on', 'text', (c) => c.notNull())
    .addColumn('total_minor', bigint, (c) => c.notNull())
    .addColumn('deductible_tax_minor', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('offset_minor', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('repaid_minor', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('request_id', 'text')
    .addColumn('risk_tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('data_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('approval_version', 'integer')
    .addColumn('posting_id', 'text')
    .addColumn('erp_voucher_number', 'text')
    .addColumn('erp_period', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('posted_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('expense_documents_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('expense_documents_number_key', ['tenant_id', 'number'])
    .addCheckConstraint(
      'expense_documents_settled_within_total',
      sql`offset_minor >= 0 and repaid_minor >= 0 and offset_minor + repaid_minor <= total_minor`,
    )
    .$call(
      tenantFk('expense_documents_employee_fk', ['tenant_id', 'employee_code'], 'employees', [
        'tenant_id',
        'code',
      ]),
    )
    .$call(
      tenantFk('expense_documents_department_fk', ['tenant_id', 'department_code'], 'departments', [
        'tenant_id',
        'code',
      ]),
    )
    .execute();
  for (const columns of [
    ['tenant_id', 'status', 'updated_at'],
    ['tenant_id', 'employee_code', 'created_at'],
    ['tenant_id', 'department_code', 'document_on'],
    ['tenant_id', 'posting_id'],
  ]) {
    await db.schema
      .createIndex(`expense_documents_${columns.slice(1).join('_')}_idx`)
      .on('expense_documents')
      .columns(columns)
      .execute();
  }

  await db.schema
    .createTable('expense_lines')
    .$call(tenant)
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('deductible_tax_minor', bigint, (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('expense_lines_pkey', ['tenant_id', 'document_id', 'line_no'])
    .$call(
      tenantFk('expense_lines_document_fk', ['tenant_id', 'document_id'], 'expense_documents', [
        'tenant_id',
        'id',
      ]),
    )
    .$call(
      tenantFk('expense_lines_category_fk', ['tenant_id', 'category_code'], 'expense_categories', [
        'tenant_id',
        'code',
      ]),
    )
    .execute();

  // One row per invoice in use: the primary key is what makes "at most one live claim" hold.
  await db.schema
    .createTable('invoice_uses')
    .$call(tenant)
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoice_uses_pkey', ['tenant_id', 'invoice_id'])
    .$call(tenantFk('invoice_uses_invoice_fk', ['tenant_id', 'invoice_id'], 'invoices', ['tenant_id', 'id']))
    .$call(
      tenantFk('invoice_uses_document_fk', ['tenant_id', 'document_id'], 'expense_documents', [
        'tenant_id',
        'id',
      ]),
    )
    .execute();
  await db.schema
    .createIndex('invoice_uses_document_idx')
    .on('invoice_uses')
    .columns(['tenant_id', 'document_id'])
    .execute();

  await db.schema
    .createTable('document_transitions')
    .$call(tenant)
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('document_transitions_pkey', ['tenant_id', 'document_id', 'seq'])
    .execute();

  await db.schema
    .createTable('attachments')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachments_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('attachments_document_sha_key', ['tenant_id', 'document_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('rule_sets')
    .$call(tenant)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rule_sets_pkey', ['tenant_id', 'kind', 'version'])
    .execute();

  await db.schema
    .createTable('approval_tasks')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('step_no', 'integer', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('assignee_code', 'text')
    .addColumn('delegated_from', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .addColumn('due_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_id', 'text')
    .addColumn('callout_status', 'text')
    .addColumn('callout_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('callout_next_at', 'text')
    .addColumn('callout_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_tasks_pkey', ['tenant_id', 'id'])
    .$call(
      tenantFk('approval_tasks_document_fk', ['tenant_id', 'document_id'], 'expense_documents', [
        'tenant_id',
        'id',
      ]),
    )
    .execute();
  await db.schema
    .createIndex('approval_tasks_assignee_idx')
    .on('approval_tasks')
    .columns(['tenant_id', 'assignee_code', 'status'])
    .execute();
  await db.schema
    .createIndex('approval_tasks_document_idx')
    .on('approval_tasks')
    .columns(['tenant_id', 'document_id', 'round', 'step_no'])
    .execute();
  await db.schema
    .createIndex('approval_tasks_due_idx')
    .on('approval_tasks')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('approval_tasks_callout_idx')
    .on('approval_tasks')
    .columns(['callout_status', 'callout_next_at'])
    .execute();

  await db.schema
    .createTable('delegations')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('delegator_code', 'text', (c) => c.notNull())
    .addColumn('delegate_code', 'text', (c) => c.notNull())
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('delegations_pkey', ['tenant_id', 'id'])
    .addCheckConstraint('delegations_dates', sql`to_on >= from_on and delegator_code <> delegate_code`)
    .execute();

  await db.schema
    .alterTable('budgets')
    .addColumn('occupied_minor', bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('budgets')
    .addColumn('actual_minor', bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('budget_uses')
    .$call(tenant)
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('budget_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_uses_pkey', ['tenant_id', 'document_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('advance_offsets')
    .$call(tenant)
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('advance_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', bigint, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('advance_offsets_pkey', ['tenant_id', 'claim_id', 'advance_id'])
    .execute();

  await db.schema
    .createTable('closed_periods')
    .$call(tenant)
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('closed_periods_pkey', ['tenant_id', 'period'])
    .execute();

  await db.schema
    .createTable('document_sequences')
    .$call(tenant)
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_sequences_pkey', ['tenant_id', 'prefix'])
    .execute();

  await db.schema
    .createTable('notifications')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('recipient_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('message_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('notifications_pkey', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_recipient_idx')
    .on('notifications')
    .columns(['tenant_id', 'recipient_code', 'created_at'])
    .execute();

  await db.schema
    .createTable('external_approvers')
    .$call(tenant)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('external_approvers_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('external_approvers_code_key', ['tenant_id', 'code'])
    .execute();
}
