import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createSchemaIfMissing, openDatabase, type OpenDatabase } from '../src/platform/store/database.ts';
import { pgBenchUrl, postgresReachable } from './store.ts';

export type BenchEngine = 'sqlite' | 'postgres';

/**
 * What the per-engine benchmarks share: each engine runs in a child process of its own (so one engine's
 * peak RSS is not the other's), on a fresh database — a SQLite file in a temporary folder, or a
 * PostgreSQL schema of its own — removed afterwards. The child prints its rows as one JSON line.
 */
export async function onFreshDatabase<T>(
  engine: BenchEngine,
  run: (engine: BenchEngine, database: OpenDatabase) => Promise<T>,
): Promise<T> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-bench-'));
    const database = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
    try {
      return await run('sqlite', database);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = pgBenchUrl();
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await createSchemaIfMissing(url, schema);
  const database = openDatabase(url, { schema });
  try {
    return await run('postgres', database);
  } finally {
    await database.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema "${schema}" cascade`);
    await client.end();
  }
}

/** In the child (`<script> --child <engine>`): runs and prints the rows, then exits. */
export async function childMain<T>(
  run: (engine: BenchEngine, database: OpenDatabase) => Promise<T[]>,
): Promise<void> {
  if (process.argv[2] !== '--child') return;
  const rows = await onFreshDatabase(process.argv[3] as BenchEngine, run);
  process.stdout.write(JSON.stringify(rows) + '\n');
  process.exit(0);
}

/** In the parent: the script once per reachable engine, each in its own process; their rows in order. */
export async function rowsPerEngine<T>(script: string): Promise<T[]> {
  const engines: BenchEngine[] = ['sqlite', ...((await postgresReachable()) ? (['postgres'] as const) : [])];
  const rows: T[] = [];
  for (const engine of engines) {
    const out = execFileSync(process.execPath, ['--expose-gc', script, '--child', engine], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    rows.push(...(JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as T[]));
  }
  return rows;
}
