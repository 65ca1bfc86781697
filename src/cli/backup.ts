import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openSecurity } from '../platform/security/open-security.ts';
import { verifyAuditChain } from '../platform/audit/audit-log.ts';
import { systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import {
  backupDatabase,
  restoreDatabase,
  verifyBackup,
  type BackupSummary,
  type Progress,
  type Target,
} from '../platform/store/backup.ts';
import { maskUrl, openDatabase } from '../platform/store/database.ts';
import { isPgDumpArchive, pgDumpBackup, pgRestore } from '../platform/store/pg-dump.ts';
import { migrateTo, migrateToLatest } from '../platform/store/migrate.ts';

/**
 * Backup, restore and moving an installation to PostgreSQL, as the CLI runs them: the store's logical
 * backup (src/platform/store/backup.ts) plus what only a whole installation can check after a
 * restore — the schema brought up to date and every company's audit chain verified with this
 * installation's keys (the master key must be the one the backup's secrets were sealed with).
 */

export interface RestoreReport {
  readonly tables: Record<string, number>;
  readonly rows: number;
  /** Per company code: entries in the audit chain, and the problems verification found. */
  readonly auditChains: readonly {
    readonly company: string;
    readonly entries: number;
    readonly problems: number;
  }[];
}

const open = (target: Target) =>
  openDatabase(target.url, target.schema === undefined ? {} : { schema: target.schema });

/** A progress line per table on a pipe; a bar redrawn in place on a terminal. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = '';
  return ({ phase, table, done, total }) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    if (stream.isTTY) {
      const width = 24;
      const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
      stream.write(`\r${phase} ${table.padEnd(28)} ${bar} ${String(done).padStart(9)}/${total}`);
      if (done >= total) stream.write('\n');
    } else if (done >= total && last !== `${phase} ${table}`) {
      last = `${phase} ${table}`;
      stream.write(`${phase} ${table}: ${done} rows\n`);
    }
  };
}

/** The backup formats: FinBridge's logical export (either engine), or pg_dump's archive (PostgreSQL). */
export const BACKUP_FORMATS = ['finbridge', 'pg_dump'] as const;
export type BackupFormat = (typeof BACKUP_FORMATS)[number];

export async function backup(
  config: Config,
  file: string,
  progress?: Progress,
  format: BackupFormat = 'finbridge',
): Promise<BackupSummary & { bytes: number; format: BackupFormat }> {
  const summary =
    format === 'pg_dump'
      ? await pgDumpBackup({ url: config.databaseUrl }, file)
      : await backupDatabase({ url: config.databaseUrl }, file, () => systemClock.now(), progress);
  return { ...summary, format, bytes: statSync(file).size };
}

/**
 * Restores `file` into `target` (an empty database, or one this backup's restore was interrupted in),
 * then migrates it to this build's schema and verifies every company's audit chain.
 */
export async function restore(
  config: Config,
  file: string,
  target: Target,
  progress?: Progress,
): Promise<RestoreReport> {
  // a pg_dump archive is restored by pg_restore (PostgreSQL only); a FinBridge backup by FinBridge
  const restored = isPgDumpArchive(file)
    ? await pgRestore(file, target)
    : await restoreDatabase(
        file,
        target,
        async (migrations) => {
          const database = open(target);
          try {
            const last = migrations.at(-1);
            if (last !== undefined) await migrateTo(database, last);
          } finally {
            await database.close();
          }
        },
        progress,
      );
  const database = open(target);
  try {
    await migrateToLatest(database);
    const security = await openSecurity(config, database, systemClock);
    const companies = new Map(
      (await database.db.selectFrom('companies').select(['id', 'code']).execute()).map((c) => [c.id, c.code]),
    );
    const reports = await verifyAuditChain(database, security.audit.key);
    return {
      tables: restored.tables,
      rows: Object.values(restored.tables).reduce((a, b) => a + b, 0),
      auditChains: reports.map((r) => ({
        company: companies.get(r.tenantId) ?? r.tenantId,
        entries: r.entries,
        problems: r.problems.length,
      })),
    };
  } finally {
    await database.close();
  }
}

/**
 * Moves this installation's data to another database (SQLite → PostgreSQL as it grows): a backup kept
 * in the data folder until the move is verified, so an interrupted move resumes from the same file.
 */
export async function migrateEngine(
  config: Config,
  target: Target,
  progress?: Progress,
): Promise<RestoreReport & { file: string }> {
  const key = createHash('sha256')
    .update(`${target.url}#${target.schema ?? ''}`)
    .digest('hex')
    .slice(0, 12);
  const file = join(config.dataDir, `migrate-engine-${key}.fbk`);
  let reuse = false;
  if (existsSync(file)) {
    try {
      await verifyBackup(file);
      reuse = true; // an interrupted move: its restore resumes from the same backup
    } catch {
      rmSync(file, { force: true });
    }
  }
  if (!reuse) await backupDatabase({ url: config.databaseUrl }, file, () => systemClock.now(), progress);
  const report = await restore(config, file, target, progress);
  if (report.auditChains.every((c) => c.problems === 0)) rmSync(file, { force: true });
  return { ...report, file };
}

export const describeTarget = (target: Target): string =>
  maskUrl(target.url) + (target.schema === undefined ? '' : `#${target.schema}`);
