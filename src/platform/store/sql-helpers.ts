import { sql, type RawBuilder } from 'kysely';
import { executorOf, runsOnSqlite, type TenantDb } from './tenant-scope.ts';

/** Case-insensitive "contains" that treats % and _ in the user's text literally, on both engines. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/**
 * One page of rows read in id order with `limit + 1`: the extra row only tells that there is a next
 * page, which starts after the page's last id.
 */
export function pageById<T extends { readonly id: string }>(
  rows: readonly T[],
  limit: number,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * Whether a table exists: for code that may run on a database migrated only part of the way (the
 * tests of older migrations register companies before later migrations have run).
 */
export async function tableExists(tenant: TenantDb, table: string): Promise<boolean> {
  const db = executorOf(tenant);
  const found = await (
    runsOnSqlite(tenant)
      ? sql<{
          n: number | bigint;
        }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`
      : sql<{
          n: number;
        }>`select count(*)::int as n from pg_tables where tablename = ${table} and schemaname = current_schema()`
  ).execute(db);
  return Number(found.rows[0]?.n ?? 0) > 0;
}

/**
 * Brings PostgreSQL's planner statistics of tables up to date inside the current transaction, after a
 * write that grew them by many rows (an import batch). `ANALYZE` counts the transaction's own new rows,
 * so the statements after it in the transaction look rows up by their unique index instead of scanning
 * the company's whole range — the plan for a table whose statistics still say it is nearly empty, which
 * made every chunk of an `in (…)` read after a 100,000-row insert scan all 100,000. SQLite plans from
 * seeded statistics (planner-statistics.ts): nothing to do there. A second `ANALYZE` of the same table
 * (another transaction's) waits for this transaction to end.
 */
export async function refreshStatistics(tenant: TenantDb, tables: readonly string[]): Promise<void> {
  if (runsOnSqlite(tenant)) return;
  const db = executorOf(tenant);
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}
