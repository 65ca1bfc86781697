import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../../platform/config.ts';
import { say, str, type Values } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { message, tenantFor, withPlatform } from '../platform.ts';

/** `finbridge bank import FILE --tenant CODE [--account …] [--layout …]`, as POST /api/v1/bank-statements does. */
export async function bankImport(values: Values, files: readonly string[]): Promise<void> {
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0)
    throw new CliError(
      'name exactly one statement file: finbridge bank import FILE --tenant CODE',
      EXIT.usage,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${message(error)}`, EXIT.usage);
  }
  const account = str(values, 'account');
  const layout = str(values, 'layout');
  const { importStatementFile } = await import('../../finance/bank/import.ts');
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    const view = await importStatementFile(db, writer, {
      bytes,
      fileName: basename(file),
      ...(account === undefined ? {} : { account }),
      ...(layout === undefined ? {} : { layout }),
    });
    if (view.alreadyImported) {
      say(
        `${file}: already imported on ${view.importedAt} by ${view.importedBy} (import ${view.id}); nothing new was added`,
      );
      return;
    }
    say(
      `${file}: ${view.format}${view.layout === null ? '' : ` (layout ${view.layout})`}, ${view.statements.length} statement(s), ${view.lines} line(s), ${view.newLines} new (import ${view.id})`,
    );
    for (const s of view.statements)
      say(
        `  ${s.accountCode} ${s.from}…${s.to}: ${s.lines} line(s), ${s.newLines} new; closing balance ${s.closingBalance ?? 'not stated'}`,
      );
  });
}
