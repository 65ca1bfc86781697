import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { storeTracing } from '../telemetry/index.ts';
import { ColumnTypesPlugin } from './column-types-plugin.ts';
import type { Database } from './tables.ts';

export type Engine = 'sqlite' | 'postgres';

/** An open database: the Kysely instance is for the store package only (see tenant-scope.ts). */
export interface OpenDatabase {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Where it lives, with any password masked — for logs and `finbridge version`. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (created if missing); tests use one schema each. */
  readonly schema?: string;
  readonly poolSize?: number;
}

const INT8_OID = 20;

/** 64-bit integers (money columns) arrive as bigint, never as a lossy number or a string. */
const int8AsBigInt = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8_OID
    ? (value: string) => BigInt(value)
    : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(
        oid,
        format,
      )) as typeof pg.types.getTypeParser;

/** With tracing on, each query is a span of the current trace (src/platform/telemetry). */
function traced(system: 'sqlite' | 'postgresql'): { log?: (event: LogEvent) => void } {
  const log = storeTracing(system);
  return log === undefined ? {} : { log };
}

export function openDatabase(url: string, options: OpenOptions = {}): OpenDatabase {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  throw new Error(`unsupported database URL: ${maskUrl(url)}`);
}

function openSqlite(file: string): OpenDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  // 8 MB of page cache, not better-sqlite3's 16: the hub's writes touch few pages, reads past the cache
  // come from the OS's, and the pipeline and analytics benchmarks ran no slower with it (ADR 0024)
  connection.pragma('cache_size = -8000');
  connection.defaultSafeIntegers(true);
  const checkpoints = file === ':memory:' ? undefined : checkpointInBackground(connection, file);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
    plugins: [new ColumnTypesPlugin()],
    ...traced('sqlite'),
  });
  return {
    engine: 'sqlite',
    db,
    location: `sqlite:${file}`,
    close: async () => {
      await checkpoints?.stop();
      await db.destroy();
    },
  };
}

/** The log size past which checkpoints move to a thread of their own. */
const BACKGROUND_CHECKPOINT_BYTES = 4 << 20;

/**
 * Checkpoints of a busy file move off the process's thread (sqlite-checkpointer.js): once the
 * write-ahead log has passed 4 MB, a thread checkpoints it every 250 ms, and the connection's own
 * automatic checkpoint is only a backstop (64 MB). Quiet files (tests, a small company) never start
 * the thread.
 */
function checkpointInBackground(connection: SQLite.Database, file: string): { stop(): Promise<void> } {
  let thread: { readonly worker: Worker; readonly exited: Promise<unknown> } | undefined;
  let stopped = false;
  const watch = setInterval(() => {
    void stat(`${file}-wal`).then(
      (wal) => {
        if (stopped || thread !== undefined || wal.size < BACKGROUND_CHECKPOINT_BYTES) return;
        connection.pragma('wal_autocheckpoint = 16384');
        const worker = new Worker(new URL('./sqlite-checkpointer.js', import.meta.url), {
          argv: [file, 250],
        });
        worker.unref();
        // a thread that failed hands checkpoints back to the connection (and has exited: stop() must not wait)
        worker.on('error', () => connection.pragma('wal_autocheckpoint = 1000'));
        thread = { worker, exited: new Promise((resolve) => worker.once('exit', resolve)) };
        clearInterval(watch);
      },
      () => {},
    );
  }, 1000);
  watch.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(watch);
      if (thread === undefined) return;
      thread.worker.postMessage('stop');
      await thread.exited;
    },
  };
}

/**
 * Kysely prepares a new better-sqlite3 statement for every query. Each holds native memory that V8's
 * garbage collector cannot see, so under load the process grew by gigabytes before statements were
 * finalized. Reusing prepared statements per SQL text (bounded, least recently used out) keeps memory
 * flat and saves the re-parse; Kysely runs one query at a time per connection, so reuse is safe.
 */
function withStatementCache(connection: SQLite.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare: (text: string) => {
      const cached = cache.get(text);
      if (cached !== undefined) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = connection.prepare(text);
      cache.set(text, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

function openPostgres(url: string, options: OpenOptions): OpenDatabase {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`bad schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: { getTypeParser: int8AsBigInt },
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
  // discards it and the next query opens a new one.
  pool.on('error', () => {});
  // The same for a connection in use: its query fails (and is handled); the process lives on.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async () => {},
    }),
    plugins: [new ColumnTypesPlugin()],
    ...traced('postgresql'),
  });
  return {
    engine: 'postgres',
    db,
    location: maskUrl(url) + (schema ? `#${schema}` : ''),
    close: () => db.destroy(),
  };
}

export async function createSchemaIfMissing(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists "${schema}"`);
  } finally {
    await client.end();
  }
}

export async function ping(database: OpenDatabase): Promise<void> {
  await sql`select 1`.execute(database.db);
}

export const maskUrl = (url: string): string => url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
