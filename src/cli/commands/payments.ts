import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../platform/config.ts';
import { say, str, type Values } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { message, tenantFor, withPlatform } from '../platform.ts';

/**
 * `finbridge payments file BATCH --tenant CODE --format pain001|icbc|ccb|cmb|boc [--out FILE]`: the bank
 * file of an approved batch, as GET /api/v1/payment-batches/{id}/file gives it.
 */
export async function paymentsFile(values: Values, args: readonly string[]): Promise<void> {
  const [batch, ...extra] = args;
  if (batch === undefined || extra.length > 0)
    throw new CliError(
      'name exactly one batch (its number or id): finbridge payments file BATCH --tenant CODE --format …',
      EXIT.usage,
    );
  const format = str(values, 'format') ?? 'pain001';
  const out = str(values, 'out');
  const { findBatch, generateFile } = await import('../../finance/payments/batches.ts');
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    const row = await findBatch(db, batch);
    const file = await generateFile(db, writer, row.id, format);
    const target = out ?? file.fileName;
    try {
      writeFileSync(target, file.bytes);
    } catch (error) {
      throw new CliError(`cannot write ${target}: ${message(error)}`, EXIT.usage);
    }
    say(
      `${row.number}: ${row.line_count} transfer(s), ${format} written to ${target} (${file.bytes.length} bytes)`,
    );
  });
}

/**
 * `finbridge payments result FILE --tenant CODE [--batch BATCH]`: the bank's result file (pain.002 or a
 * result CSV) read back, as POST /api/v1/payment-batches/results does: paid lines confirmed, returned
 * ones reopened for payment with their payment vouchers reversed; a bad file changes nothing.
 */
export async function paymentsResult(values: Values, files: readonly string[]): Promise<void> {
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0)
    throw new CliError(
      'name exactly one result file: finbridge payments result FILE --tenant CODE',
      EXIT.usage,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${message(error)}`, EXIT.usage);
  }
  const batch = str(values, 'batch');
  const { findBatch } = await import('../../finance/payments/batches.ts');
  const { importResultFile } = await import('../../finance/payments/status-back.ts');
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db, company } = await tenantFor(database, values['tenant']);
    const batchId = batch === undefined ? undefined : (await findBatch(db, batch)).id;
    const summary = await importResultFile(db, writer, company.code, bytes, batchId);
    say(
      `${file}: ${summary.format}; ${summary.paid} paid, ${summary.returned} returned, ${summary.pending} pending, ${summary.unchanged} unchanged`,
    );
  });
}
