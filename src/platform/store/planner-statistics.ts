import { sql } from 'kysely';
import type { OpenDatabase } from './database.ts';

/**
 * SQLite picks indexes from the statistics in `sqlite_stat1`; with none, it guesses that an equality on
 * an index's first column is selective. Every tenant query filters on `tenant_id`, and indexes lead with
 * it, so SQLite would answer `WHERE tenant_id = ? AND id IN (…)` by scanning the tenant's whole index
 * range instead of probing the primary key — quadratic as a table grows. We seed statistics that say
 * what is true of a typical installation (a tenant holds most rows; the other columns narrow things
 * down; a unique index's last column finds one row) for every index that has none yet. Real statistics
 * (`ANALYZE`, `PRAGMA optimize`) replace them and are never overwritten.
 */
const ROWS = 1_000_000;

export async function seedSqlitePlannerStatistics(database: OpenDatabase): Promise<number> {
  if (database.engine !== 'sqlite') return 0;
  const db = database.db;
  await sql`analyze sqlite_schema`.execute(db); // creates sqlite_stat1 when it does not exist yet
  const indexes = (
    await sql<{ name: string; tbl: string }>`select name, tbl_name as tbl from sqlite_master
      where type = 'index' and tbl_name not like 'sqlite_%'`.execute(db)
  ).rows;
  const known = new Set(
    (await sql<{ idx: string }>`select idx from sqlite_stat1`.execute(db)).rows.map((r) => r.idx),
  );
  let seeded = 0;
  for (const { name, tbl } of indexes) {
    if (known.has(name)) continue;
    const columns = (
      await sql<{ name: string }>`select name from pragma_index_info(${name}) order by seqno`.execute(db)
    ).rows;
    const unique = (
      await sql<{
        unique: number;
      }>`select "unique" from pragma_index_list(${tbl}) where name = ${name}`.execute(db)
    ).rows[0]?.unique;
    let rows = ROWS;
    const stat = [String(ROWS)];
    columns.forEach((column, i) => {
      if (Number(unique) === 1 && i === columns.length - 1) rows = 1;
      else if (column.name !== 'tenant_id') rows = Math.max(1, Math.floor(rows / 100));
      stat.push(String(rows));
    });
    await sql`insert into sqlite_stat1 (tbl, idx, stat) values (${tbl}, ${name}, ${stat.join(' ')})`.execute(
      db,
    );
    seeded += 1;
  }
  if (seeded > 0) await sql`analyze sqlite_schema`.execute(db); // reload
  return seeded;
}
