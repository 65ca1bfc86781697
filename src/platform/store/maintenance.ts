import type { Clock } from '../clock.ts';
import type { OpenDatabase } from './database.ts';

/**
 * Housekeeping across all companies: expired idempotency keys, sessions and revocation entries of
 * tokens that have expired anyway. Deletes only rows whose expiry has passed, whatever the tenant.
 */
export async function purgeExpired(database: OpenDatabase, clock: Clock): Promise<Record<string, number>> {
  const now = clock.now().toISOString();
  const counts: Record<string, number> = {};
  for (const table of ['idempotency_keys', 'sessions', 'revoked_tokens', 'webhook_receipts'] as const) {
    const result = await database.db.deleteFrom(table).where('expires_at', '<=', now).executeTakeFirst();
    counts[table] = Number(result.numDeletedRows);
  }
  return counts;
}
