import type { Kysely } from 'kysely';

/**
 * Approval inboxes at scale, and the steps an approval skipped:
 * - an approver's tasks are read in keyset pages, oldest first (`created_at`, then `id`), so the index
 *   holds the whole order and a page is one range scan, however many thousands wait;
 * - each submission records the policy steps it did not route to anyone, and why (the step's conditions
 *   do not hold for the document, the approver is the submitter, the same approver as the step before,
 *   no manager above), so the claimant and the auditor can read it on the approval chain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('approval_tasks_inbox_idx')
    .on('approval_tasks')
    .columns(['tenant_id', 'assignee_code', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('approval_skips')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_skips_pkey', ['tenant_id', 'document_id', 'round', 'step_id'])
    .addForeignKeyConstraint(
      'approval_skips_document_fk',
      ['tenant_id', 'document_id'],
      'expense_documents',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}
