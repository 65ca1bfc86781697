// npm run bench -- backup   — backup and restore speed (FINBRIDGE_BENCH_BACKUP_ROWS trace events, default 200,000)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { seedDemo } from '../src/demo/seed.ts';
import { systemClock } from '../src/platform/clock.ts';
import { backupDatabase, restoreDatabase, type Target } from '../src/platform/store/backup.ts';
import { createSchemaIfMissing, openDatabase } from '../src/platform/store/database.ts';
import { migrateTo, migrateToLatest } from '../src/platform/store/migrate.ts';
import { measure, type Row } from './measure.ts';
import { pgBenchUrl } from './store.ts';

const ROWS = Number(process.env['FINBRIDGE_BENCH_BACKUP_ROWS'] ?? 200_000);

/** The demo company plus `ROWS` trace events, in a fresh SQLite file. */
async function sourceDatabase(dir: string): Promise<{ file: string; rows: number }> {
  const file = join(dir, 'source.db');
  const database = openDatabase(`sqlite:${file}`);
  await migrateToLatest(database);
  await seedDemo(database, { key: randomBytes(32), clock: systemClock });
  await database.close();
  const raw = new SQLite(file);
  const tenant = (raw.prepare('select id from companies').get() as { id: string }).id;
  const insert = raw.prepare(
    'insert into posting_events (tenant_id, posting_id, seq, at, kind, detail_json) values (?, ?, ?, ?, ?, ?)',
  );
  raw.transaction(() => {
    for (let i = 0; i < ROWS; i++)
      insert.run(
        tenant,
        `p${i % 20_000}`,
        Math.floor(i / 20_000) + 1,
        '2026-12-01T00:00:00.000Z',
        'attempt',
        JSON.stringify({
          attempt: 1,
          latencyMs: 12,
          request: { erpObject: 'GL_VOUCHER', reference: `REF-${i}` },
        }),
      );
  })();
  const total = (
    raw
      .prepare(
        `select sum(n) as n from (select count(*) as n from posting_events union all select count(*) from employees)`,
      )
      .get() as { n: number }
  ).n;
  raw.close();
  return { file, rows: total };
}

const prepare = (target: Target) => async (migrations: readonly string[]) => {
  const database = openDatabase(target.url, target.schema === undefined ? {} : { schema: target.schema });
  try {
    const last = migrations.at(-1);
    if (last !== undefined) await migrateTo(database, last);
  } finally {
    await database.close();
  }
};

export async function backupCases(withPostgres: boolean): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-bench-backup-'));
  try {
    const { file, rows } = await sourceDatabase(dir);
    const backupFile = join(dir, 'bench.fbk');
    const out: Row[] = [];
    out.push(
      await measure('sqlite', 'backup (online snapshot)', rows, async () => {
        await backupDatabase({ url: `sqlite:${file}` }, backupFile, () => new Date());
      }),
    );
    const sqliteTarget = { url: `sqlite:${join(dir, 'restored.db')}` };
    out.push(
      await measure('sqlite', 'restore (verified)', rows, async () => {
        await restoreDatabase(backupFile, sqliteTarget, prepare(sqliteTarget));
      }),
    );
    if (withPostgres) {
      const schema = `bench_backup_${randomBytes(4).toString('hex')}`;
      await createSchemaIfMissing(pgBenchUrl(), schema);
      const target = { url: pgBenchUrl(), schema };
      try {
        out.push(
          await measure('postgres', 'restore (verified)', rows, async () => {
            await restoreDatabase(backupFile, target, prepare(target));
          }),
        );
      } finally {
        const client = new pg.Client({ connectionString: pgBenchUrl() });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
