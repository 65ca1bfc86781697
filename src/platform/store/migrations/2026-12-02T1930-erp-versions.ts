import type { Kysely } from 'kysely';

/**
 * The ERP version a connection's last test found (`POST /connections/{id}/test`), so a mapping profile
 * can record the version it was saved against, and an upgrade of the ERP shows up as a difference.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('connections').addColumn('erp_version', 'text').execute();
  await db.schema.alterTable('connections').addColumn('erp_version_checked_at', 'text').execute();
}
