import type { Kysely } from 'kysely';

/**
 * Why the ERP refused a posting, in the closed set users read in their language
 * (src/model/erp-rejections.ts), beside the ERP's own code and message.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('postings').addColumn('last_error_reason', 'text').execute();
}
