import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { listCompanies } from '../../platform/store/companies.ts';
import type { OpenDatabase } from '../../platform/store/database.ts';
import { tenantDb } from '../../platform/store/tenant-scope.ts';
import { hasUnsettledPostings, reconcilableConnections } from '../../hub/reconciliation.ts';
import { listClosedPeriods } from '../expenses/periods.ts';
import { runReconciliation, type ReconciliationDeps } from './runs.ts';

/**
 * The reconciliation schedule: once a period is closed (结账) and its last voucher has reached the
 * ERP (none still pending, sending or unknown), every active connection that can list vouchers is
 * reconciled for it — once per closing: a period reopened and closed again is reconciled again.
 * A run that could not read the ERP (not_checked) is tried again at the next tick.
 */
export interface ScheduleDeps extends ReconciliationDeps {
  readonly audit: AuditContext;
}

export const SCHEDULE_ACTOR = 'system:reconciliation';

/** Runs the reconciliations that are due now, in every company; how many it ran. */
export async function runDueReconciliations(database: OpenDatabase, deps: ScheduleDeps): Promise<number> {
  let runs = 0;
  const writer = { actor: SCHEDULE_ACTOR, audit: deps.audit };
  for (const company of await listCompanies(database)) {
    const db = tenantDb(database.db, company.id);
    const closed = await listClosedPeriods(db);
    if (closed.length === 0) continue;
    for (const connection of await reconcilableConnections(db)) {
      for (const period of closed) {
        const done = await db
          .selectFrom('erp_reconciliations')
          .select('id')
          .where('connection_id', '=', connection.id)
          .where('period', '=', period.period)
          .where('trigger', '=', 'schedule')
          .where('status', '!=', 'not_checked')
          .where('started_at', '>=', period.closedAt)
          .limit(1)
          .executeTakeFirst();
        if (done !== undefined) continue;
        if (await hasUnsettledPostings(db, connection.id, period.period)) continue;
        await runReconciliation(db, deps, writer, {
          connectionId: connection.id,
          period: period.period,
          trigger: 'schedule',
        });
        runs += 1;
      }
    }
  }
  return runs;
}

export function startReconciliationSchedule(
  database: OpenDatabase,
  deps: ScheduleDeps & { readonly pollMs: number; readonly log?: (error: unknown) => void },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => runDueReconciliations(database, deps)).catch((e: unknown) => deps.log?.(e));
  }, deps.pollMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
