import { writeFileSync } from 'node:fs';
import { loadConfig } from '../../platform/config.ts';
import { systemClock } from '../../platform/clock.ts';
import { formatMinor } from '../../model/money.ts';
import { say, str, type Values } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { tenantFor, withPlatform } from '../platform.ts';

/**
 * `finbridge reconcile --tenant CODE --connection ID --period YYYY-MM [--xlsx FILE]`, as
 * POST /api/v1/reconciliations does: reads what the ERP holds for the period, compares it with what
 * FinBridge posted, stores the report and prints it; `--xlsx` also writes the workbook. Exits non-zero
 * when the ERP could not be checked, so a scheduler never takes "not checked" for "matched".
 */
export async function reconcileCommand(values: Values): Promise<void> {
  const connectionId = str(values, 'connection');
  const period = str(values, 'period');
  if (connectionId === undefined || period === undefined)
    throw new CliError(
      'name the connection and the period: finbridge reconcile --tenant CODE --connection ID --period YYYY-MM',
      EXIT.usage,
    );
  const xlsx = str(values, 'xlsx');
  const [
    { runReconciliation, getReconciliation, allDifferences },
    { reconciliationWorkbook },
    { connectionLabel },
  ] = await Promise.all([
    import('../../finance/reconciliation/runs.ts'),
    import('../../finance/reconciliation/workbook.ts'),
    import('../../hub/reconciliation.ts'),
  ]);
  const status = await withPlatform(loadConfig(), async ({ database, security, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    const run = await runReconciliation(db, { keyring: security.keyring, clock: systemClock }, writer, {
      connectionId,
      period,
    });
    const yuan = (minor: string) => formatMinor(BigInt(minor), 2);
    say(`reconciliation ${run.id}: ${run.period}, ${run.status}`);
    say(
      `  FinBridge ${run.ourCount} voucher(s), debits ${yuan(run.ourDebitMinor)}; ERP ${run.erpCount} voucher(s), debits ${yuan(run.erpDebitMinor)}; ${run.matchedCount} matched, ${run.differenceCount} difference(s)`,
    );
    if (run.failure !== null)
      say(`  not checked (${run.failure.reason}): ${run.failure.code} ${run.failure.message}`);
    const report = await getReconciliation(db, run.id, { limit: 50 });
    for (const d of report.differences)
      say(
        `  #${d.seq} ${d.kind} ${d.reference ?? ''} ${d.erpNumber ?? ''} ${d.ourAmountMinor === null ? '' : yuan(d.ourAmountMinor)} ${d.erpAmountMinor === null ? '' : `→ ${yuan(d.erpAmountMinor)}`}`.trimEnd(),
      );
    if (report.nextSeq !== null)
      say(`  … ${run.differenceCount - report.differences.length} more (see the API or --xlsx)`);
    if (xlsx !== undefined) {
      const connection = await connectionLabel(db, run.connectionId);
      writeFileSync(
        xlsx,
        await reconciliationWorkbook(run, connection, report.summary, allDifferences(db, run.id)),
      );
      say(`  workbook written to ${xlsx}`);
    }
    return run.status;
  });
  if (status === 'not_checked') throw new CliError('the ERP could not be checked', EXIT.refused);
}
