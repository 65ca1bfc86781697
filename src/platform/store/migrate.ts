import { Migrator, type MigrationResult } from 'kysely/migration';
import type { OpenDatabase } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';

export class MigrationError extends Error {}

const migrator = (database: OpenDatabase): Migrator =>
  new Migrator({
    db: database.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });

/** Applies every pending migration (each in a transaction, under the engine's migration lock). */
export async function migrateToLatest(database: OpenDatabase): Promise<readonly MigrationResult[]> {
  const { error, results } = await migrator(database).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return results ?? [];
}

/** Names of migrations not yet applied; empty when the schema is current. */
export async function pendingMigrations(database: OpenDatabase): Promise<string[]> {
  const all = await migrator(database).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
