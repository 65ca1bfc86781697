import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openSecurity } from '../src/app.ts';
import { backup, migrateEngine, restore } from '../src/cli/backup.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { BackupError } from '../src/platform/store/backup.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { ENGINES, type EngineUnderTest } from './support/engines.ts';

const masterKey = randomBytes(32).toString('base64');

/** Rows per table, read through the store (what a restore must give back). */
async function rowCounts(database: OpenDatabase, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables)
    out[table] = Number(
      (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db))
        .rows[0]?.n ?? 0,
    );
  return out;
}

/** A table's rows, sorted, as JSON text (money and integers compared exactly). */
async function dump(database: OpenDatabase, table: string): Promise<string[]> {
  const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db))
    .rows;
  return rows
    .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
    .sort();
}

/** Verifying a restored audit chain seals its pending entries first: they count as one. */
const sealed = (counts: Readonly<Record<string, number>>): Record<string, number> => {
  const { audit_pending: pending = 0, audit_log: log = 0, ...rest } = counts;
  return { ...rest, audit: pending + log };
};

const other = (engine: EngineUnderTest) => ENGINES.find((e) => e !== engine) ?? engine;

for (const engine of ENGINES) {
  describe(`backup and restore from ${engine.engine}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-backup-test-'));
    const file = join(dir, 'demo.fbk');
    let source: OpenDatabase;
    let config: Config;
    const opened: OpenDatabase[] = [];
    const fresh = async (on: EngineUnderTest) => {
      const database = await on.open();
      opened.push(database);
      return { database, target: { url: on.urlOf(database) } };
    };

    before(async () => {
      source = await engine.open();
      config = loadConfig({
        DATABASE_URL: engine.urlOf(source),
        FINBRIDGE_DATA_DIR: dir,
        FINBRIDGE_MASTER_KEY: masterKey,
        LOG_LEVEL: 'silent',
      });
      await migrateToLatest(source);
      const security = await openSecurity(config, source, systemClock);
      await seedDemo(source, security.audit);
    });

    after(async () => {
      for (const database of opened) await database.close();
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('round-trips the demo company into an empty database of either engine, verified', async () => {
      const summary = await backup(config, file);
      assert.ok(summary.tables['companies'] === 1 && (summary.tables['employees'] ?? 0) > 0);
      for (const to of new Set([engine, other(engine)])) {
        const { database, target } = await fresh(to);
        const report = await restore(config, file, target);
        assert.deepEqual(
          report.auditChains.map((c) => [c.company, c.problems]),
          [['DEMO', 0]],
          to.engine,
        );
        assert.ok((report.auditChains[0]?.entries ?? 0) > 0);
        assert.deepEqual(
          sealed(await rowCounts(database, Object.keys(summary.tables))),
          sealed(summary.tables),
          to.engine,
        );
        // every character back as it was (a chunk of the file may end inside a Chinese one)
        for (const table of ['accounts', 'departments', 'employees', 'suppliers', 'expense_categories'])
          assert.deepEqual(
            await dump(database, table),
            await dump(source, table),
            `${table} on ${to.engine}`,
          );
      }
    });

    it('refuses a database that holds data, and a damaged or cut-short backup, before writing anything', async () => {
      await backup(config, file);
      const { target } = await fresh(engine);
      await restore(config, file, target);
      await assert.rejects(restore(config, file, target), /not empty/);

      const cut = join(dir, 'cut.fbk');
      writeFileSync(cut, readFileSync(file).subarray(0, 400));
      const tampered = join(dir, 'tampered.fbk');
      writeFileSync(
        tampered,
        gzipSync(gunzipSync(readFileSync(file)).toString().replace('"DEMO"', '"DEMX"')),
      );
      for (const bad of [cut, tampered]) {
        const empty = await fresh(engine);
        await assert.rejects(restore(config, bad, empty.target), (error: unknown) => {
          assert.ok(error instanceof BackupError, String(error));
          assert.match(error.message, /damaged/);
          return true;
        });
        const tables = await sql<{ n: number }>`select 1 as n from ${sql.table('schema_migrations')}`
          .execute(empty.database.db)
          .then(() => 'migrated')
          .catch(() => 'untouched');
        assert.equal(tables, 'untouched', 'nothing was written, not even the schema');
      }
    });

    it('resumes an interrupted restore where it stopped', async () => {
      await backup(config, file);
      const { database, target } = await fresh(engine);
      let tables = 0;
      await assert.rejects(
        restore(config, file, target, ({ done, total }) => {
          if (done >= total && (tables += 1) === 3) throw new Error('the power went out');
        }),
        /power went out/,
      );
      const report = await restore(config, file, target);
      assert.deepEqual(
        report.auditChains.map((c) => c.problems),
        [0],
      );
      const summary = await backup(config, join(dir, 'again.fbk'));
      assert.deepEqual(
        sealed(await rowCounts(database, Object.keys(summary.tables))),
        sealed(summary.tables),
      );
    });

    if (engine.engine === 'sqlite' && ENGINES.length > 1)
      it('moves the installation to PostgreSQL with migrate-engine, verified, and leaves no backup behind', async () => {
        const { database, target } = await fresh(other(engine));
        const moved = await migrateEngine(config, target);
        assert.deepEqual(
          moved.auditChains.map((c) => [c.company, c.problems]),
          [['DEMO', 0]],
        );
        const summary = await backup(config, join(dir, 'source.fbk'));
        assert.deepEqual(
          sealed(await rowCounts(database, Object.keys(summary.tables))),
          sealed(summary.tables),
        );
        assert.throws(() => readFileSync(moved.file), /ENOENT/);
      });
  });
}
