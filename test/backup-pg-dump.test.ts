import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openSecurity } from '../src/app.ts';
import { backup, restore } from '../src/cli/backup.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { BackupError } from '../src/platform/store/backup.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { isPgDumpArchive } from '../src/platform/store/pg-dump.ts';
import { ENGINES } from './support/engines.ts';

/**
 * `finbridge backup --format pg_dump` and the restore of its archive with pg_restore (docs/backup.md):
 * verified like FinBridge's own backups — rows per table against the archive, every audit chain.
 */
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const masterKey = randomBytes(32).toString('base64');
const postgres = ENGINES.find((e) => e.engine === 'postgres');
const hasTools = spawnSync('pg_dump', ['--version']).status === 0;

/** A database of its own on the test server, dropped by `drop`. */
async function newDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `fb_pgdump_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const withSearchPath = (url: string, schema: string) =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

describe(
  'pg_dump backups of a PostgreSQL installation',
  { skip: postgres === undefined || !hasTools },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-pgdump-test-'));
    const file = join(dir, 'demo.dump');
    const baseUrl = process.env['FINBRIDGE_TEST_PG_URL'] ?? '';
    let source: OpenDatabase;
    let schema: string;
    let config: Config;
    const drops: (() => Promise<void>)[] = [];

    before(async () => {
      source = await postgres!.open();
      const url = postgres!.urlOf(source);
      schema = /search_path%3D(\w+)/.exec(url)?.[1] ?? '';
      config = loadConfig({
        DATABASE_URL: url,
        FINBRIDGE_DATA_DIR: dir,
        FINBRIDGE_MASTER_KEY: masterKey,
        LOG_LEVEL: 'silent',
      });
      await migrateToLatest(source);
      const security = await openSecurity(config, source, systemClock);
      await seedDemo(source, security.audit);
    });

    after(async () => {
      for (const drop of drops) await drop();
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const fresh = async () => {
      const database = await newDatabase(baseUrl);
      drops.push(database.drop);
      return { url: database.url, target: { url: withSearchPath(database.url, schema) } };
    };

    it('backs up with pg_dump and restores with pg_restore into an empty database, rows and audit chains verified', async () => {
      const summary = await backup(config, file, undefined, 'pg_dump');
      assert.equal(summary.format, 'pg_dump');
      assert.ok(isPgDumpArchive(file));
      assert.equal(summary.tables['companies'], 1);
      assert.ok(
        (summary.tables['employees'] ?? 0) > 0 &&
          (summary.tables['audit_log'] ?? 0) + (summary.tables['audit_pending'] ?? 0) > 0,
      );
      const { target } = await fresh();
      const report = await restore(config, file, target);
      assert.deepEqual(
        report.auditChains.map((c) => [c.company, c.problems]),
        [['DEMO', 0]],
      );
      assert.ok((report.auditChains[0]?.entries ?? 0) > 0);
      for (const table of ['companies', 'employees', 'accounts', 'suppliers'])
        assert.equal(report.tables[table], summary.tables[table], table);
    });

    it('refuses a database that holds the tables already, and a cut-short archive, leaving the target as it was', async () => {
      await backup(config, file, undefined, 'pg_dump');
      const used = await fresh();
      await restore(config, file, used.target);
      await assert.rejects(restore(config, file, used.target), (error: unknown) => {
        assert.ok(error instanceof BackupError);
        assert.match(error.message, /not empty/);
        return true;
      });

      const cut = join(dir, 'cut.dump');
      writeFileSync(cut, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)));
      const empty = await fresh();
      await assert.rejects(restore(config, cut, empty.target), BackupError);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const tables = await client.query(
        `select 1 from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
      );
      await client.end();
      assert.equal(tables.rows.length, 0, 'nothing was written');
    });
  },
);

describe('pg_dump backups where they cannot be made', () => {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-pgdump-missing-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  /** `finbridge …` with only node on PATH: no pg_dump, no pg_restore. */
  const cli = (args: readonly string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [MAIN, ...args], {
      encoding: 'utf8',
      env: {
        HOME: dir,
        PATH: dirname(process.execPath),
        FINBRIDGE_DATA_DIR: dir,
        FINBRIDGE_MASTER_KEY: masterKey,
        LOG_LEVEL: 'silent',
        ...env,
      },
    });

  it('says pg_dump is missing and how to install it, and writes no file', () => {
    const out = join(dir, 'x.dump');
    const run = cli(['backup', '--out', out, '--format', 'pg_dump'], {
      DATABASE_URL: 'postgres://finbridge@127.0.0.1:1/finbridge',
    });
    assert.equal(run.status, 5, run.stderr);
    assert.match(run.stderr, /pg_dump is not installed \(or not on PATH\)/);
    assert.match(run.stderr, /apt-get install postgresql-client/);
    assert.throws(() => readFileSync(out));
  });

  it('says pg_restore is missing when a pg_dump archive is to be restored', () => {
    const archive = join(dir, 'archive.dump');
    writeFileSync(archive, Buffer.concat([Buffer.from('PGDMP'), randomBytes(64)]));
    const run = cli(['restore', '--from', archive, '--to', 'postgres://finbridge@127.0.0.1:1/finbridge'], {});
    assert.equal(run.status, 5, run.stderr);
    assert.match(run.stderr, /pg_restore is not installed/);
  });

  it('refuses pg_dump for a SQLite installation and an unknown format, naming the alternatives', () => {
    const sqlite = cli(['backup', '--out', join(dir, 'y.dump'), '--format', 'pg_dump'], {
      DATABASE_URL: `sqlite:${join(dir, 'fb.db')}`,
    });
    assert.equal(sqlite.status, 5, sqlite.stderr);
    assert.match(sqlite.stderr, /this installation runs on SQLite \(use --format finbridge\)/);
    const unknown = cli(['backup', '--out', join(dir, 'z.dump'), '--format', 'zip'], {
      DATABASE_URL: `sqlite:${join(dir, 'fb.db')}`,
    });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--format must be one of finbridge, pg_dump/);
  });
});
