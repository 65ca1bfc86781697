import type { Kysely } from 'kysely';

/**
 * Reversals the hub can tell apart: a posting may name the posting it reverses (红冲), so that once the
 * ERP holds the reversal the module that owns the reversed document learns its number
 * (`expense_documents.erp_reversal_number`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('postings').addColumn('reverses_posting_id', 'text').execute();
  await db.schema.alterTable('expense_documents').addColumn('erp_reversal_number', 'text').execute();
}
