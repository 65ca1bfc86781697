import type { Writer } from '../platform/audit/audit-log.ts';
import { systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Security } from '../platform/security/context.ts';
import { openSecurity } from '../platform/security/open-security.ts';
import { findCompany, type CompanyRecord } from '../platform/store/companies.ts';
import { openDatabase, type OpenDatabase } from '../platform/store/database.ts';
import { migrateToLatest } from '../platform/store/migrate.ts';
import { tenantDb, type TenantDb } from '../platform/store/tenant-scope.ts';
import { CliError, EXIT } from './exit-codes.ts';

/** What a CLI command works with: a migrated database and the installation's keys. */
export interface Platform {
  readonly database: OpenDatabase;
  readonly security: Security;
  /** Changes made from the CLI are audited as `cli:<os user>`. */
  readonly writer: Writer;
}

export const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function withDatabase<T>(
  config: Config,
  work: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  // the connectors and the modules' outcome subscriptions, as in every FinBridge process
  (await import('../modules.ts')).installModules();
  let database: OpenDatabase;
  try {
    database = openDatabase(config.databaseUrl);
  } catch (error) {
    throw new CliError(`cannot open the database: ${message(error)}`, EXIT.database);
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export async function withPlatform<T>(config: Config, work: (platform: Platform) => Promise<T>): Promise<T> {
  return withDatabase(config, async (database) => {
    await migrateToLatest(database);
    const security = await openSecurity(config, database, systemClock);
    const actor = `cli:${process.env['USER'] ?? process.env['LOGNAME'] ?? 'operator'}`;
    return work({ database, security, writer: { actor, audit: security.audit } });
  });
}

export async function tenantFor(
  database: OpenDatabase,
  code: unknown,
): Promise<{ company: CompanyRecord; db: TenantDb }> {
  if (typeof code !== 'string' || code === '')
    throw new CliError('--tenant CODE is required (the company code, e.g. DEMO)', EXIT.usage);
  const company = await findCompany(database, code);
  if (company === undefined) throw new CliError(`no company with code or id "${code}"`, EXIT.refused);
  return { company, db: tenantDb(database.db, company.id) };
}

export const list = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : [];
