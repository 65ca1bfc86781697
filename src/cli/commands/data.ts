import { loadConfig } from '../../platform/config.ts';
import { required, say, str, type Values } from '../command.ts';
import {
  BACKUP_FORMATS,
  backup,
  describeTarget,
  migrateEngine,
  progressPrinter,
  restore,
  type BackupFormat,
  type RestoreReport,
} from '../backup.ts';
import { CliError, EXIT } from '../exit-codes.ts';

/** What a restore put back, and whether every company's audit chain verified; refused if not. */
function sayRestored(what: string, report: RestoreReport): void {
  say(`${what}: ${report.rows} rows in ${Object.keys(report.tables).length} tables`);
  for (const chain of report.auditChains)
    say(
      `  ${chain.company}: audit chain ${chain.problems === 0 ? 'intact' : 'BROKEN'} (${chain.entries} entries)`,
    );
  const broken = report.auditChains.filter((c) => c.problems > 0).length;
  if (broken > 0) throw new CliError(`${broken} audit chain(s) did not verify`, EXIT.refused);
}

/** `finbridge backup` */
export async function backupCommand(values: Values): Promise<void> {
  const file = required(values, 'out');
  const format = str(values, 'format') ?? 'finbridge';
  if (!BACKUP_FORMATS.some((f) => f === format))
    throw new CliError(`--format must be one of ${BACKUP_FORMATS.join(', ')}; got "${format}"`, EXIT.usage);
  const started = performance.now();
  const summary = await backup(loadConfig(), file, progressPrinter(), format as BackupFormat);
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  say(
    `backed up ${rows} rows of ${Object.keys(summary.tables).length} tables to ${file} (${summary.format === 'pg_dump' ? 'pg_dump custom format, ' : ''}${Math.round(summary.bytes / 1024)} KiB, sha256 ${summary.sha256.slice(0, 16)}…) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** `finbridge restore` */
export async function restoreCommand(values: Values): Promise<void> {
  const config = loadConfig();
  const file = required(values, 'from');
  const target = { url: str(values, 'to') ?? config.databaseUrl };
  sayRestored(
    `restored into ${describeTarget(target)}`,
    await restore(config, file, target, progressPrinter()),
  );
}

/** `finbridge migrate-engine` */
export async function migrateEngineCommand(values: Values): Promise<void> {
  const config = loadConfig();
  const target = { url: required(values, 'to') };
  if (target.url === config.databaseUrl) throw new CliError('--to names the database in use', EXIT.usage);
  const report = await migrateEngine(config, target, progressPrinter());
  sayRestored(`moved to ${describeTarget(target)}`, report);
  say(`start FinBridge on it with DATABASE_URL=${describeTarget(target)} (the same master key)`);
}
