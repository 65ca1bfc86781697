import { sql } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import type { OpenDatabase } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { seedSqlitePlannerStatistics } from './planner-statistics.ts';

export class MigrationError extends Error {}

/**
 * On PostgreSQL the migration tables are pinned to the connection's current schema: Kysely looks for
 * them across all schemas otherwise, and would mistake another schema's table (a neighbouring test
 * run, another installation in the same database) for ours.
 */
async function migrator(database: OpenDatabase): Promise<Migrator> {
  const schema =
    database.engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]
          ?.schema
      : undefined;
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
}

/**
 * Before it migrates, Kysely looks for its own tables through an introspection query over every schema's
 * columns, which calls `pg_get_serial_sequence` on each. A column dropped meanwhile by another session
 * (another installation or test run dropping its schema) fails that query with "column … does not
 * exist" or "schema … does not exist" although nothing is wrong with ours; such a failure, before any
 * migration ran, is retried.
 */
const CATALOG_RACE = new Set(['42703', '42P01', '3F000']);
const lostCatalogRace = (error: unknown, results: readonly MigrationResult[] | undefined): boolean =>
  results === undefined &&
  error instanceof Error &&
  CATALOG_RACE.has(String((error as Error & { code?: unknown }).code));

/** Applies every pending migration (each in a transaction, under the engine's migration lock). */
export async function migrateToLatest(database: OpenDatabase): Promise<readonly MigrationResult[]> {
  let outcome = await (await migrator(database)).migrateToLatest();
  for (let retry = 1; retry <= 5 && lostCatalogRace(outcome.error, outcome.results); retry++) {
    await new Promise((resolve) => setTimeout(resolve, 20 * retry));
    outcome = await (await migrator(database)).migrateToLatest();
  }
  const { error, results } = outcome;
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  await seedSqlitePlannerStatistics(database);
  return results ?? [];
}

/** Applies migrations up to and including `name` (a restore brings a backup's schema level first). */
export async function migrateTo(database: OpenDatabase, name: string): Promise<void> {
  const { error, results } = await (await migrator(database)).migrateTo(name);
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
}

/**
 * Names of migrations not yet applied; empty when the schema is current. Read from our own migration
 * table in the connection's schema, not through Kysely's introspection of every schema in the
 * database: that would fail whenever another installation or test run drops its schema meanwhile.
 */
export async function pendingMigrations(database: OpenDatabase): Promise<string[]> {
  let applied: ReadonlySet<string>;
  try {
    const { rows } = await sql<{ name: string }>`select name from schema_migrations`.execute(database.db);
    applied = new Set(rows.map((r) => r.name));
  } catch (error) {
    if (!isMissingTable(error)) throw error;
    applied = new Set();
  }
  return Object.keys(MIGRATIONS)
    .filter((name) => !applied.has(name))
    .sort();
}

const isMissingTable = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '42P01' || (typeof message === 'string' && message.includes('no such table'));
};
