import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createSchemaIfMissing,
  openDatabase,
  type Engine,
  type OpenDatabase,
} from '../../src/platform/store/database.ts';
import { CONNECTORS } from '../../src/connectors/index.ts';
import { installConnectors } from '../../src/hub/connector-registry.ts';

/**
 * The engines every store test runs on: SQLite always; PostgreSQL when FINBRIDGE_TEST_PG_URL is set
 * (each database opened gets a schema of its own, dropped on close). In CI the PostgreSQL URL is
 * mandatory, so the PostgreSQL suite can never be skipped silently there.
 */
export interface EngineUnderTest {
  readonly engine: Engine;
  /** A fresh, empty database; closing it removes it. */
  open(): Promise<OpenDatabase>;
  /** The connection URL of a database opened by `open` (for child processes). */
  urlOf(database: OpenDatabase): string;
}

// Tests are composition roots too: the hub finds connectors by type in its registry.
installConnectors(CONNECTORS);

const pgUrl = process.env['FINBRIDGE_TEST_PG_URL'];
if (process.env['CI'] && !pgUrl) {
  throw new Error('CI requires FINBRIDGE_TEST_PG_URL: the PostgreSQL suite must run, not be skipped');
}

const urls = new WeakMap<OpenDatabase, string>();

const sqliteEngine: EngineUnderTest = {
  engine: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const database = openDatabase(url);
    const opened: OpenDatabase = {
      ...database,
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    urls.set(opened, url);
    return opened;
  },
  urlOf: (database) => urls.get(database) ?? '',
};

function postgresEngine(url: string): EngineUnderTest {
  return {
    engine: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await createSchemaIfMissing(url, schema);
      const database = openDatabase(url, { schema, poolSize: 5 });
      const schemaUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      urls.set(database, schemaUrl);
      const opened: OpenDatabase = {
        ...database,
        close: async () => {
          await database.close();
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`drop schema if exists "${schema}" cascade`);
          await client.end();
        },
      };
      urls.set(opened, schemaUrl);
      return opened;
    },
    urlOf: (database) => urls.get(database) ?? '',
  };
}

export const ENGINES: readonly EngineUnderTest[] = pgUrl
  ? [sqliteEngine, postgresEngine(pgUrl)]
  : [sqliteEngine];
