import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DomainError } from '../../model/result.ts';
import { loadConfig } from '../../platform/config.ts';
import { required, say, str, type Values } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { message, tenantFor, withPlatform } from '../platform.ts';

/** A progress bar on stderr (redrawn in place on a terminal, a line per phase otherwise). */
function progressBar(): {
  update: (phase: string, done: number, total: number) => void;
  end: () => void;
} {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastDrawn = 0;
  return {
    update(phase, done, total) {
      if (!tty) {
        if (phase !== lastPhase) process.stderr.write(`${phase}…\n`);
        lastPhase = phase;
        return;
      }
      const now = performance.now();
      if (phase === lastPhase && done !== total && now - lastDrawn < 100) return;
      lastPhase = phase;
      lastDrawn = now;
      const width = 30;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * width);
      const counts = total > 1 ? ` ${done}/${total}` : '';
      process.stderr.write(
        `\r${phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%${counts}   `,
      );
    },
    end() {
      if (tty && lastPhase !== '') process.stderr.write('\n');
    },
  };
}

/** `header=field,header=field` → a column mapping. */
function mappingOf(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const mapping: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [header, field] = pair.split('=').map((p) => p.trim());
    if (header === undefined || field === undefined || header === '' || field === '')
      throw new CliError(`--map takes header=field pairs separated by commas, not "${pair}"`, EXIT.usage);
    mapping[header] = field;
  }
  return mapping;
}

/**
 * `finbridge governance import FILE --tenant CODE --resource suppliers [--dry-run] [--map h=f,…]
 * [--dedup refuse|first|last]`: the dry run or the commit of POST /api/v1/governance/imports, with a
 * progress bar for large files.
 */
export async function governanceImport(values: Values, files: readonly string[]): Promise<void> {
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0)
    throw new CliError(
      'name exactly one file: finbridge governance import FILE --tenant CODE --resource NAME',
      EXIT.usage,
    );
  const resource = required(values, 'resource');
  const dedup = str(values, 'dedup');
  if (dedup !== undefined && !['refuse', 'first', 'last'].includes(dedup))
    throw new CliError('--dedup is refuse, first or last', EXIT.usage);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${message(error)}`, EXIT.usage);
  }
  const mapping = mappingOf(str(values, 'map'));
  const { commitImport, dryRunImport } = await import('../../governance/imports/batches.ts');
  const history = await import('../../governance/imports/history.ts');
  const bar = progressBar();
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db, company } = await tenantFor(database, values['tenant']);
    const options = {
      maxRows: 1_000_000,
      locale: 'zh-CN' as const,
      summaryOnly: values['dry-run'] !== true,
      ...(mapping === undefined ? {} : { mapping }),
      ...(dedup === undefined ? {} : { cleansing: { dedup: dedup as 'refuse' | 'first' | 'last' } }),
      onProgress: bar.update,
    };
    const input = { fileName: basename(file), bytes };
    try {
      // history from an old system (historical-claims, historical-vouchers) has its own importer
      const isHistory = history.isHistoryResource(resource);
      const historyOptions = { ...options, companyCode: company.code };
      if (values['dry-run'] === true) {
        const result = isHistory
          ? await history.dryRunHistoryImport(db, resource, input, historyOptions)
          : await dryRunImport(db, writer, resource, input, options);
        bar.end();
        say(
          `${file} (dry run, nothing written): ${result.rows} rows — ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped, ${result.refused} refused`,
        );
        for (const item of result.items) {
          if (item.status === 'refused' || item.status === 'skipped')
            for (const r of item.reasons)
              say(`  row ${r.row}${r.column === null ? '' : ` column ${r.column}`} ${r.field}: ${r.message}`);
          else if (item.status === 'updated')
            say(`  row ${item.row} ${item.key ?? ''}: ${item.changes.map((c) => c.field).join(', ')}`);
        }
        if (result.refused > 0) process.exitCode = EXIT.usage;
        return;
      }
      const { batch } = isHistory
        ? await history.commitHistoryImport(db, writer, resource, input, historyOptions)
        : await commitImport(db, writer, resource, input, options);
      bar.end();
      say(
        `${file}: batch ${batch.id} — ${batch.created} created, ${batch.updated} updated, ${batch.unchanged} unchanged (roll back with: finbridge governance rollback ${batch.id} --tenant CODE)`,
      );
    } catch (error) {
      bar.end();
      if (error instanceof DomainError && error.code === 'import_rejected') {
        const rows = (error.extensions['rows'] ?? []) as {
          row: number;
          column: string | null;
          field: string;
          message: string;
        }[];
        for (const r of rows.slice(0, 50))
          say(`  row ${r.row}${r.column === null ? '' : ` column ${r.column}`} ${r.field}: ${r.message}`);
        if (rows.length > 50) say(`  … and ${rows.length - 50} more`);
      }
      throw error;
    }
  });
}

/** `finbridge governance rollback BATCH --tenant CODE`. */
export async function governanceRollback(values: Values, ids: readonly string[]): Promise<void> {
  const [id, ...extra] = ids;
  if (id === undefined || extra.length > 0)
    throw new CliError(
      'name exactly one batch: finbridge governance rollback BATCH --tenant CODE',
      EXIT.usage,
    );
  const { getBatch, rollbackImport } = await import('../../governance/imports/batches.ts');
  const { isHistoryResource, rollbackHistoryImport } = await import('../../governance/imports/history.ts');
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    try {
      const batch = isHistoryResource((await getBatch(db, id)).resource)
        ? await rollbackHistoryImport(db, writer, id)
        : await rollbackImport(db, writer, id);
      say(`batch ${batch.id} rolled back at ${batch.rolledBackAt ?? ''}`);
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === 'import_rollback_blocked' || error.code === 'import_rollback_period_frozen')
      ) {
        const records = (error.extensions['records'] ?? []) as {
          code: string;
          reason: string;
          referencedBy?: string;
        }[];
        for (const r of records)
          say(`  ${r.code}: ${r.reason}${r.referencedBy === undefined ? '' : ` (${r.referencedBy})`}`);
      }
      throw error;
    }
  });
}

/** `finbridge governance refresh --tenant CODE [--entity supplier|employee|account]`. */
export async function governanceRefresh(values: Values): Promise<void> {
  const { refreshGolden } = await import('../../governance/golden/service.ts');
  const { GOLDEN_ENTITIES, isGoldenEntity } = await import('../../governance/golden/sources.ts');
  const entity = str(values, 'entity');
  if (entity !== undefined && !isGoldenEntity(entity))
    throw new CliError(`--entity is one of ${GOLDEN_ENTITIES.join(', ')}`, EXIT.usage);
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    for (const e of entity === undefined ? GOLDEN_ENTITIES : [entity]) {
      const r = await refreshGolden(db, writer, e);
      say(
        `${e}: ${r.sources} source records → ${r.goldenRecords} golden records (${r.created} new, ${r.changed} changed, ${r.removed} removed)`,
      );
    }
  });
}
