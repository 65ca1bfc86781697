import { sql } from 'kysely';
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

/** Tables whose rows change many times each: the queues the hub, the sealer and the workers churn. */
const CHURNING = [
  'postings',
  'posting_queue',
  'posting_events',
  'audit_pending',
  'sync_states',
  'approval_tasks',
  'worker_heartbeats',
  'pending_events',
  'webhook_deliveries',
  'inbound_webhooks',
];

export interface StatisticsUpkeep {
  readonly analyzed: string[];
  readonly vacuumed: string[];
}

/**
 * PostgreSQL plans from statistics that autovacuum keeps current. When the server runs without it (it
 * can be switched off, as on the machine these tests run on), the queue tables keep the statistics of
 * an empty table: an update by id is then planned as a scan of the company's whole range, and dead row
 * versions pile up in every index — each posting leaves four. This does what autovacuum would, with its
 * default thresholds, for the tables FinBridge churns, and nothing when autovacuum is on. An advisory
 * lock keeps two workers from doing it at once.
 */
export async function keepStatisticsCurrent(database: OpenDatabase): Promise<StatisticsUpkeep> {
  const done: StatisticsUpkeep = { analyzed: [], vacuumed: [] };
  if (database.engine !== 'postgres') return done;
  // one session throughout: the advisory lock belongs to the session that took it
  return database.db.connection().execute(async (db) => {
    const setting = await sql<{ on: string }>`select current_setting('autovacuum') as "on"`.execute(db);
    if (setting.rows[0]?.on === 'on') return done;
    const lock = sql`hashtext('finbridge.upkeep.' || current_schema())`;
    const won = await sql<{ won: boolean }>`select pg_try_advisory_lock(${lock}) as won`.execute(db);
    if (won.rows[0]?.won !== true) return done;
    try {
      // Not again within 10 s of the last run: dead rows an open transaction elsewhere still sees stay
      // counted after a vacuum, and would have every check vacuum again for nothing.
      const stale = await sql<{ relname: string; analyze: boolean; vacuum: boolean }>`
        select relname,
               n_mod_since_analyze > 50 + 0.1 * n_live_tup
                 and coalesce(greatest(last_analyze, last_autoanalyze), '-infinity') < now() - interval '10 seconds'
                 as "analyze",
               n_dead_tup > 50 + 0.2 * n_live_tup
                 and coalesce(greatest(last_vacuum, last_autovacuum), '-infinity') < now() - interval '10 seconds'
                 as "vacuum"
          from pg_stat_user_tables
         where schemaname = current_schema() and relname in (${sql.join(CHURNING)})`.execute(db);
      for (const table of stale.rows) {
        if (table.vacuum) {
          await sql`vacuum (analyze) ${sql.table(table.relname)}`.execute(db);
          done.vacuumed.push(table.relname);
        } else if (table.analyze) {
          await sql`analyze ${sql.table(table.relname)}`.execute(db);
          done.analyzed.push(table.relname);
        }
      }
    } finally {
      await sql`select pg_advisory_unlock(${lock})`.execute(db);
    }
    return done;
  });
}
