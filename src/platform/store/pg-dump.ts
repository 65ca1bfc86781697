import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import pg from 'pg';
import { BackupError, type Target } from './backup.ts';

/**
 * Backups of a PostgreSQL installation in pg_dump's custom format (docs/backup.md): PostgreSQL's own
 * tools take and restore them — faster than the logical export for large databases, one consistent
 * snapshot taken while FinBridge runs — and FinBridge verifies them the same way. The archive counts
 * its own rows (each table's COPY block, read back through pg_restore), so a restore is checked
 * against the archive itself, table by table, before the installation checks its audit chains.
 *
 * The tools come from PostgreSQL's client package (Debian: postgresql-client), of the server's major
 * version or newer; without them the backup and the restore are refused with that advice.
 */

/** Every custom-format archive starts with these bytes. */
const MAGIC = 'PGDMP';

export interface PgDumpSummary {
  readonly file: string;
  readonly format: 'pg_dump';
  /** Rows per table, as the archive holds them. */
  readonly tables: Readonly<Record<string, number>>;
  readonly sha256: string;
}

/** Whether `file` is a pg_dump custom-format archive (rather than a FinBridge backup). */
export function isPgDumpArchive(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // not there: the FinBridge reader says so in its words
  }
  try {
    const head = Buffer.alloc(MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === MAGIC;
  } finally {
    closeSync(fd);
  }
}

const isPostgres = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/**
 * The connection as the tools take it: the URL without its password (the command line is visible to
 * every user of the machine), the password in PGPASSWORD; the schema a test's URL selects, if any.
 */
function connectionOf(target: Target): { uri: string; env: NodeJS.ProcessEnv; schema: string | undefined } {
  const url = new URL(target.url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password !== '') env['PGPASSWORD'] = decodeURIComponent(url.password);
  url.password = '';
  const searchPath = /search_path\s*=\s*"?([A-Za-z_][A-Za-z0-9_]*)/.exec(
    url.searchParams.get('options') ?? '',
  );
  return { uri: url.toString(), env, schema: target.schema ?? searchPath?.[1] };
}

/** Runs one of PostgreSQL's tools; its standard output line by line to `onLine`, if given. */
function run(
  tool: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onLine?: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      env,
      stdio: ['ignore', onLine === undefined ? 'ignore' : 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    if (onLine !== undefined && child.stdout !== null) {
      const decoder = new StringDecoder('utf8');
      let rest = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const parts = (rest + decoder.write(chunk)).split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) onLine(line);
      });
      child.stdout.on('end', () => {
        if (rest !== '') onLine(rest + decoder.end());
      });
    }
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${tool} is not installed (or not on PATH): install PostgreSQL's client tools of the server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client), or use --format finbridge`,
            )
          : error,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            `${tool} failed (exit ${String(code)}): ${stderr.trim().split('\n').slice(-3).join(' ')}`,
          ),
        );
    });
  });
}

/**
 * Rows per table as the archive holds them: pg_restore writes each table's data as a COPY block, one
 * line per row (line breaks inside values are escaped), ended by `\.`. Reading it through also proves
 * the archive whole.
 */
export async function archiveCounts(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let table: string | undefined;
  await run('pg_restore', ['--data-only', '--file=-', file], process.env, (line) => {
    if (table === undefined) {
      const copy = /^COPY (\S+) .*FROM stdin;$/.exec(line);
      if (copy === null) return;
      table = (copy[1]?.split('.').pop() ?? '').replace(/"/g, '');
      counts[table] = 0;
    } else if (line === '\\.') table = undefined;
    else counts[table] = (counts[table] ?? 0) + 1;
  });
  return counts;
}

/** The schemas whose tables the archive holds (from its table of contents). */
async function archiveSchemas(file: string): Promise<string[]> {
  const schemas = new Set<string>();
  await run('pg_restore', ['--list', file], process.env, (line) => {
    const entry = /^\d+; \d+ \d+ TABLE (?!DATA )(\S+) \S+ /.exec(line);
    if (entry?.[1] !== undefined) schemas.add(entry[1]);
  });
  return [...schemas];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Backs up the PostgreSQL database at `source` with pg_dump (custom format, one consistent snapshot,
 * owners and grants left out so it restores under any role) to `file`, atomically, then reads the
 * archive back to count its rows.
 */
export async function pgDumpBackup(source: Target, file: string): Promise<PgDumpSummary> {
  if (!isPostgres(source.url))
    throw new BackupError(
      '--format pg_dump backs up a PostgreSQL database; this installation runs on SQLite (use --format finbridge)',
    );
  const { uri, env, schema } = connectionOf(source);
  const partial = join(dirname(file), `.${randomUUID()}.partial`);
  try {
    await run(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${partial}`,
        ...(schema === undefined ? [] : [`--schema=${schema}`]),
        `--dbname=${uri}`,
      ],
      env,
    );
    const tables = await archiveCounts(partial);
    const sha256 = await sha256Of(partial);
    renameSync(partial, file);
    return { file, format: 'pg_dump', tables, sha256 };
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Rows per table in the given schemas of a PostgreSQL database. */
async function countRows(client: pg.Client, schemas: readonly string[]): Promise<Record<string, number>> {
  const tables = await client.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_schema = any($1::text[]) and table_type = 'BASE TABLE'`,
    [schemas],
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables.rows) {
    const n = await client.query<{ n: string }>(
      `select count(*)::text as n from ${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`,
    );
    counts[name] = Number(n.rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Restores a pg_dump archive into the PostgreSQL database at `target` with pg_restore, in one
 * transaction (all or nothing), after checking the archive reads whole and the target holds none of
 * its tables; then compares every table's rows with the archive's count.
 */
export async function pgRestore(file: string, target: Target): Promise<{ tables: Record<string, number> }> {
  if (!isPostgres(target.url))
    throw new BackupError(
      'a pg_dump backup restores into PostgreSQL only; to move between engines, back up with --format finbridge',
    );
  const expected = await archiveCounts(file);
  const schemas = await archiveSchemas(file);
  const { uri, env, schema } = connectionOf(target);
  if (schema !== undefined && schemas.some((s) => s !== schema))
    throw new BackupError(
      `the backup holds schema ${schemas.join(', ')}, the target is schema ${schema}: restore into a database where that schema is free`,
    );
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const taken = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_schema = any($1::text[]) limit 1`,
      [schemas],
    );
    const first = taken.rows[0];
    if (first !== undefined)
      throw new BackupError(
        `the target database is not empty (it has ${first.schema}.${first.name}); restore into an empty one`,
      );
    const existing = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname = any($1::text[]) and nspname <> 'public'`,
      [schemas],
    );
    if (existing.rows.length > 0)
      throw new BackupError(
        `schema ${existing.rows.map((r) => r.name).join(', ')} already exists in the target; restore into a new database`,
      );
    await run(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${uri}`, file],
      env,
    );
    const restored = await countRows(client, schemas);
    for (const [table, rows] of Object.entries(expected))
      if (restored[table] !== rows)
        throw new BackupError(`restored ${table} holds ${restored[table] ?? 0} rows, the backup ${rows}`);
    return { tables: restored };
  } finally {
    await client.end();
  }
}
