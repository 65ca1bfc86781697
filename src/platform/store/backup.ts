import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.ts';

/**
 * Backups as a logical export that either engine can restore: one gzip'd file of JSON lines — a header
 * (format, engine, the migrations applied), then each table's columns and rows, then a trailer with
 * the row counts and a SHA-256 of every line before it. The export reads one consistent snapshot (on
 * SQLite a copy taken with the online backup API while the server keeps writing; on PostgreSQL a
 * REPEATABLE READ transaction), so a backup taken under load restores to one moment.
 *
 * A restore checks the whole file first (checksum, structure, migrations this build knows) and refuses
 * a non-empty database, before it writes anything. It then writes in chunks, each committed with its
 * progress: interrupted, the same command resumes where it stopped.
 */

export const BACKUP_FORMAT = 'finbridge-backup';
const VERSION = 1;
const CHUNK = 500;
/** Kysely's own bookkeeping and the engines' internal tables are not the company's data. */
const SKIPPED = /^(schema_migrations|schema_migrations_lock|restore_progress|restore_constraints|sqlite_.*)$/;

export class BackupError extends Error {}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly engine: 'sqlite' | 'postgres';
  readonly migrations: readonly string[];
}

export interface Progress {
  (event: {
    readonly phase: string;
    readonly table: string;
    readonly done: number;
    readonly total: number;
  }): void;
}

type Row = readonly unknown[];

/** Raw access to one engine for whole-table copies (the store's Kysely layer is per company). */
interface Engine {
  readonly kind: 'sqlite' | 'postgres';
  /** Tables in an order where every referenced table comes first. */
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  count(table: string): Promise<number>;
  rows(table: string, columns: readonly string[]): AsyncIterable<Row[]>;
  migrations(): Promise<string[]>;
  /** Inserts rows and records the progress marker in one transaction. */
  insert(table: string, columns: readonly string[], rows: readonly Row[], progress: Marker): Promise<void>;
  exec(text: string, values?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * Foreign keys are not enforced while a restore writes (the schema has cycles: a department names
   * its cost centre, the cost centre its department) and are checked in full at the end.
   */
  suspendForeignKeys(): Promise<void>;
  /** Enforces them again; throws BackupError naming what does not hold. */
  checkForeignKeys(): Promise<void>;
  close(): Promise<void>;
}

interface Marker {
  readonly backup: string;
  readonly table: string;
  readonly rows: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Orders tables so that each comes after the tables it references (self-references aside). */
function dependencyOrder(
  tables: readonly string[],
  references: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string) => {
    if (state.get(table) !== undefined) return;
    state.set(table, 'visiting');
    for (const target of references.get(table) ?? [])
      if (target !== table && tables.includes(target)) visit(target);
    state.set(table, 'done');
    out.push(table);
  };
  for (const table of [...tables].sort()) visit(table);
  return out;
}

function sqliteEngine(file: string): Engine {
  const db = new SQLite(file);
  db.defaultSafeIntegers(true);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const all = (text: string, values: readonly unknown[] = []) =>
    db.prepare(text).all(...values) as Record<string, unknown>[];
  return {
    kind: 'sqlite',
    async tables() {
      const names = all(`select name from sqlite_master where type = 'table' order by name`)
        .map((r) => String(r['name']))
        .filter((n) => !SKIPPED.test(n));
      const references = new Map(
        names.map((n) => [
          n,
          new Set(all(`select * from pragma_foreign_key_list(?)`, [n]).map((r) => String(r['table']))),
        ]),
      );
      return dependencyOrder(names, references);
    },
    async columns(table) {
      return all(`select name from pragma_table_info(?) order by cid`, [table]).map((r) => String(r['name']));
    },
    async count(table) {
      return Number(all(`select count(*) as n from ${quote(table)}`)[0]?.['n'] ?? 0);
    },
    async *rows(table, columns) {
      const statement = db.prepare(`select ${columns.map(quote).join(', ')} from ${quote(table)}`).raw(true);
      let chunk: Row[] = [];
      for (const row of statement.iterate() as Iterable<unknown[]>) {
        chunk.push(row);
        if (chunk.length === CHUNK) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield chunk;
    },
    async migrations() {
      const exists = all(
        `select name from sqlite_master where type = 'table' and name = 'schema_migrations'`,
      );
      if (exists.length === 0) return [];
      return all(`select name from schema_migrations order by name`).map((r) => String(r['name']));
    },
    async insert(table, columns, rows, marker) {
      const insert = db.prepare(
        `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      const mark = db.prepare(
        `insert into restore_progress (backup, table_name, rows_done) values (?, ?, ?)
         on conflict (backup, table_name) do update set rows_done = excluded.rows_done`,
      );
      db.transaction(() => {
        for (const row of rows) insert.run(...(row as unknown[]));
        mark.run(marker.backup, marker.table, marker.rows);
      })();
    },
    async exec(text, values = []) {
      const statement = db.prepare(text);
      if (statement.reader) return statement.all(...values) as Record<string, unknown>[];
      statement.run(...values);
      return [];
    },
    async suspendForeignKeys() {
      db.pragma('foreign_keys = OFF');
    },
    async checkForeignKeys() {
      const broken = all(`select * from pragma_foreign_key_check`);
      if (broken.length > 0)
        throw new BackupError(
          `${broken.length} restored rows point at rows that are not there, e.g. ${String(broken[0]?.['table'])} → ${String(broken[0]?.['parent'])}`,
        );
      db.pragma('foreign_keys = ON');
    },
    async close() {
      db.close();
    },
  };
}

const INT8 = 20;

async function postgresEngine(url: string, schema: string | undefined, snapshot: boolean): Promise<Engine> {
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? (value: string) => BigInt(value)
          : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(
              oid,
              format,
            )) as typeof pg.types.getTypeParser,
    },
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  await client.connect();
  client.on('error', () => {});
  // an export reads one snapshot: every table as of the same moment
  if (snapshot) await client.query('begin isolation level repeatable read read only');
  const all = async (text: string, values: readonly unknown[] = []) =>
    (await client.query(text, values as unknown[])).rows as Record<string, unknown>[];
  let cursors = 0;
  return {
    kind: 'postgres',
    async tables() {
      const names = (
        await all(`select table_name from information_schema.tables
                   where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`)
      )
        .map((r) => String(r['table_name']))
        .filter((n) => !SKIPPED.test(n));
      const edges = await all(
        `select cl.relname as source, target.relname as target
           from pg_constraint c
           join pg_class cl on cl.oid = c.conrelid
           join pg_class target on target.oid = c.confrelid
          where c.contype = 'f' and cl.relnamespace = current_schema()::regnamespace`,
      );
      const references = new Map<string, Set<string>>();
      for (const e of edges) {
        const set = references.get(String(e['source'])) ?? new Set<string>();
        set.add(String(e['target']));
        references.set(String(e['source']), set);
      }
      return dependencyOrder(names, references);
    },
    async columns(table) {
      return (
        await all(
          `select column_name from information_schema.columns
            where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
          [table],
        )
      ).map((r) => String(r['column_name']));
    },
    async count(table) {
      return Number((await all(`select count(*)::int as n from ${quote(table)}`))[0]?.['n'] ?? 0);
    },
    async *rows(table, columns) {
      const cursor = `backup_${(cursors += 1)}`;
      await client.query(
        `declare ${cursor} no scroll cursor for select ${columns.map(quote).join(', ')} from ${quote(table)}`,
      );
      for (;;) {
        const page = await client.query({ text: `fetch ${CHUNK} from ${cursor}`, rowMode: 'array' });
        if (page.rows.length === 0) break;
        yield page.rows as Row[];
      }
      await client.query(`close ${cursor}`);
    },
    async migrations() {
      const exists = await all(
        `select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'schema_migrations'`,
      );
      if (exists.length === 0) return [];
      return (await all(`select name from schema_migrations order by name`)).map((r) => String(r['name']));
    },
    async insert(table, columns, rows, marker) {
      await client.query('begin');
      try {
        for (let i = 0; i < rows.length; i += 200) {
          const slice = rows.slice(i, i + 200);
          const values: unknown[] = [];
          const tuples = slice.map((row) => {
            const start = values.length;
            values.push(...row);
            return `(${row.map((_, j) => `$${start + j + 1}`).join(', ')})`;
          });
          await client.query(
            `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`,
            values.map((v) => (typeof v === 'bigint' ? v.toString() : v)),
          );
        }
        await client.query(
          `insert into restore_progress (backup, table_name, rows_done) values ($1, $2, $3)
           on conflict (backup, table_name) do update set rows_done = excluded.rows_done`,
          [marker.backup, marker.table, marker.rows],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
    async exec(text, values = []) {
      return all(text, values);
    },
    // without a superuser's session_replication_role: the constraints are dropped, kept in a table (so
    // an interrupted restore still knows them) and added back at the end, which checks every row
    async suspendForeignKeys() {
      await client.query(
        `create table if not exists restore_constraints (table_name text not null, name text not null, definition text not null, primary key (table_name, name))`,
      );
      const kept = await all(`select 1 from restore_constraints limit 1`);
      if (kept.length > 0) return; // dropped by the run that was interrupted
      await client.query('begin');
      try {
        const constraints = await all(
          `select cl.relname as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
             from pg_constraint c join pg_class cl on cl.oid = c.conrelid
            where c.contype = 'f' and cl.relnamespace = current_schema()::regnamespace`,
        );
        for (const c of constraints) {
          await client.query(
            `insert into restore_constraints (table_name, name, definition) values ($1, $2, $3)`,
            [c['table_name'], c['name'], c['definition']],
          );
          await client.query(
            `alter table ${quote(String(c['table_name']))} drop constraint ${quote(String(c['name']))}`,
          );
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
    async checkForeignKeys() {
      await client.query('begin');
      try {
        for (const c of await all(`select table_name, name, definition from restore_constraints`))
          await client.query(
            `alter table ${quote(String(c['table_name']))} add constraint ${quote(String(c['name']))} ${String(c['definition'])}`,
          );
        await client.query('drop table restore_constraints');
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new BackupError(
          `restored rows point at rows that are not there: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    async close() {
      if (snapshot) await client.query('commit').catch(() => {});
      await client.end();
    },
  };
}

/** A database URL as FinBridge takes it (`sqlite:<file>`, `postgres://…`), with a test's schema. */
export interface Target {
  readonly url: string;
  /** PostgreSQL only: the schema (tests use one each). */
  readonly schema?: string;
}

async function open(target: Target, snapshot: boolean): Promise<{ engine: Engine; cleanup: () => void }> {
  if (target.url.startsWith('sqlite:')) {
    const file = target.url.slice('sqlite:'.length);
    if (!snapshot) return { engine: sqliteEngine(file), cleanup: () => {} };
    // the online backup API copies a consistent snapshot page by page while writers go on
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-backup-'));
    const copy = join(dir, 'snapshot.db');
    const source = new SQLite(file, { readonly: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    return { engine: sqliteEngine(copy), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  return { engine: await postgresEngine(target.url, target.schema, snapshot), cleanup: () => {} };
}

/** A value as one JSON token: bigints beyond a double as {"$n"}, bytes as {"$b"} (base64). */
function encode(value: unknown): unknown {
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : { $n: value.toString() };
  if (value instanceof Uint8Array) return { $b: Buffer.from(value).toString('base64') };
  return value;
}

function decode(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if ('$n' in value) return BigInt(String(value.$n));
  if ('$b' in value) return Buffer.from(String(value.$b), 'base64');
  return value;
}

export interface BackupSummary {
  readonly file: string;
  readonly tables: Readonly<Record<string, number>>;
  readonly sha256: string;
}

/** Writes a backup of the database at `source` to `file` (atomically: a partial file never shows). */
export async function backupDatabase(
  source: Target,
  file: string,
  now: () => Date,
  progress: Progress = () => {},
): Promise<BackupSummary> {
  const { engine, cleanup } = await open(source, true);
  const partial = join(dirname(file), `.${randomUUID()}.partial`);
  try {
    const hash = createHash('sha256');
    const lines = new PassThrough();
    const written = pipeline(lines, createGzip(), createWriteStream(partial));
    const emit = async (value: unknown) => {
      const text = `${JSON.stringify(value)}\n`;
      hash.update(text);
      if (!lines.write(text)) await new Promise((resolve) => lines.once('drain', resolve));
    };
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: VERSION,
      createdAt: now().toISOString(),
      engine: engine.kind,
      migrations: await engine.migrations(),
    };
    await emit(header);
    const counts: Record<string, number> = {};
    for (const table of await engine.tables()) {
      const columns = await engine.columns(table);
      const total = await engine.count(table);
      await emit({ table, columns });
      let done = 0;
      for await (const chunk of engine.rows(table, columns)) {
        for (const row of chunk) await emit(row.map(encode));
        done += chunk.length;
        progress({ phase: 'backup', table, done, total });
      }
      counts[table] = done;
    }
    const sha256 = hash.digest('hex');
    lines.end(`${JSON.stringify({ trailer: true, tables: counts, sha256 })}\n`);
    await written;
    renameSync(partial, file);
    return { file, tables: counts, sha256 };
  } finally {
    rmSync(partial, { force: true });
    await engine.close();
    cleanup();
  }
}

type Item =
  | { readonly kind: 'header'; readonly header: BackupHeader }
  | { readonly kind: 'table'; readonly table: string; readonly columns: string[] }
  | { readonly kind: 'row'; readonly row: unknown[] }
  | { readonly kind: 'trailer'; readonly tables: Record<string, number>; readonly sha256: string };

/**
 * A backup's lines, read with backpressure (the stream pauses while the consumer writes; readline's
 * iterator would buffer the whole file meanwhile). A damaged gzip stream throws BackupError.
 */
async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const decoder = new StringDecoder('utf8'); // a chunk may end inside a character (中文)
  let rest = '';
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) yield part;
    }
  } catch (error) {
    throw new BackupError(`${file} is damaged: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    input.destroy();
  }
  if (rest !== '') yield rest;
}

/** Reads a backup's lines in order; a damaged file throws BackupError. */
async function* items(file: string): AsyncGenerator<Item> {
  let index = 0;
  for await (const line of lines(file)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BackupError(`${file} is damaged: line ${index + 1} is not JSON`);
    }
    index += 1;
    if (index === 1) {
      const header = value as Partial<BackupHeader>;
      if (header.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a FinBridge backup`);
      if (header.version !== VERSION)
        throw new BackupError(
          `${file} is a backup of format version ${header.version}; this build reads ${VERSION}`,
        );
      yield { kind: 'header', header: header as BackupHeader };
    } else if (Array.isArray(value)) yield { kind: 'row', row: value.map(decode) };
    else if (typeof value === 'object' && value !== null && 'trailer' in value)
      yield { kind: 'trailer', ...(value as unknown as { tables: Record<string, number>; sha256: string }) };
    else if (typeof value === 'object' && value !== null && 'table' in value)
      yield { kind: 'table', ...(value as { table: string; columns: string[] }) };
    else throw new BackupError(`${file} is damaged: line ${index} is not a backup line`);
  }
}

/** Reads a whole backup and checks it: its checksum, its shape and its counts. Writes nothing. */
export async function verifyBackup(
  file: string,
): Promise<{ header: BackupHeader; tables: Record<string, number>; sha256: string }> {
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let trailer: { tables: Record<string, number>; sha256: string } | undefined;
  const counts: Record<string, number> = {};
  let table: string | undefined;
  try {
    for await (const line of lines(file)) {
      if (trailer !== undefined) throw new BackupError(`${file} is damaged: lines after its trailer`);
      const value = JSON.parse(line) as unknown;
      if (typeof value === 'object' && value !== null && 'trailer' in value) {
        trailer = value as unknown as { tables: Record<string, number>; sha256: string };
        continue;
      }
      hash.update(`${line}\n`);
      if (header === undefined) header = value as BackupHeader;
      else if (Array.isArray(value)) {
        if (table === undefined) throw new BackupError(`${file} is damaged: a row before any table`);
        counts[table] = (counts[table] ?? 0) + 1;
      } else {
        table = (value as { table: string }).table;
        counts[table] = 0;
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (header?.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a FinBridge backup`);
  if (trailer === undefined)
    throw new BackupError(`${file} is damaged: it ends before its trailer (cut short?)`);
  const sha256 = hash.digest('hex');
  if (sha256 !== trailer.sha256) throw new BackupError(`${file} is damaged: its checksum does not match`);
  for (const [name, n] of Object.entries(trailer.tables))
    if (counts[name] !== n)
      throw new BackupError(`${file} is damaged: ${name} holds ${counts[name] ?? 0} rows, not ${n}`);
  const unknown = header.migrations.filter((m) => !Object.hasOwn(MIGRATIONS, m));
  if (unknown.length > 0)
    throw new BackupError(
      `${file} comes from a newer FinBridge (migrations ${unknown.join(', ')}); upgrade first`,
    );
  return { header, tables: trailer.tables, sha256 };
}

/**
 * Restores a backup into the database at `target`, which must hold no data (its schema migrated to
 * the backup's level by `prepare`); an interrupted restore of the same backup resumes.
 */
export async function restoreDatabase(
  file: string,
  target: Target,
  prepare: (migrations: readonly string[]) => Promise<void>,
  progress: Progress = () => {},
): Promise<{ tables: Record<string, number> }> {
  const checked = await verifyBackup(file);
  await prepare(checked.header.migrations);
  const { engine } = await open(target, false);
  try {
    await engine.exec(
      `create table if not exists restore_progress (backup text not null, table_name text not null, rows_done integer not null, primary key (backup, table_name))`,
    );
    const done = new Map(
      (
        await engine.exec(
          `select table_name, rows_done from restore_progress where backup = ${engine.kind === 'postgres' ? '$1' : '?'}`,
          [checked.sha256],
        )
      ).map((r) => [String(r['table_name']), Number(r['rows_done'])]),
    );
    if (done.size === 0)
      for (const table of await engine.tables()) {
        const rows = await engine.count(table);
        if (rows > 0)
          throw new BackupError(
            `the target database is not empty (${table} holds ${rows} rows); restore into an empty one`,
          );
      }
    await engine.suspendForeignKeys();
    let table: string | undefined;
    let columns: string[] = [];
    let seen = 0;
    let chunk: unknown[][] = [];
    const flush = async () => {
      if (table === undefined || chunk.length === 0) return;
      await engine.insert(table, columns, chunk, { backup: checked.sha256, table, rows: seen });
      progress({ phase: 'restore', table, done: seen, total: checked.tables[table] ?? 0 });
      chunk = [];
    };
    for await (const item of items(file)) {
      if (item.kind === 'table') {
        await flush();
        table = item.table;
        columns = item.columns;
        seen = 0;
        continue;
      }
      if (item.kind !== 'row' || table === undefined) continue;
      seen += 1;
      if (seen <= (done.get(table) ?? 0)) continue; // committed before the interruption
      chunk.push(item.row);
      if (chunk.length === CHUNK) await flush();
    }
    await flush();
    await engine.checkForeignKeys();
    const counts: Record<string, number> = {};
    for (const name of Object.keys(checked.tables)) counts[name] = await engine.count(name);
    for (const [name, n] of Object.entries(checked.tables))
      if (counts[name] !== n)
        throw new BackupError(`restored ${name} holds ${counts[name] ?? 0} rows, the backup ${n}`);
    await engine.exec(`drop table restore_progress`);
    return { tables: counts };
  } finally {
    await engine.close();
  }
}
