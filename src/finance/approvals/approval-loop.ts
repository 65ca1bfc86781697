import type { OpenDatabase } from '../../platform/store/database.ts';
import { listCompanies } from '../../platform/store/companies.ts';
import { tenantDb } from '../../platform/store/tenant-scope.ts';
import { getRuleSet } from '../rules/rule-sets.ts';
import { deliverCallouts, type CalloutDeps } from './external.ts';
import { remindOverdueTasks } from './reminders.ts';

/**
 * The background side of approvals, run by every worker: callouts to external approvers and SLA
 * reminders, company by company.
 */
export async function runApprovalHousekeeping(
  database: OpenDatabase,
  deps: CalloutDeps,
): Promise<{ callouts: number; reminders: number }> {
  let callouts = 0;
  let reminders = 0;
  for (const company of await listCompanies(database)) {
    const db = tenantDb(database.db, company.id);
    callouts += await deliverCallouts(db, deps);
    const policy = await getRuleSet(db, 'approval');
    reminders += await remindOverdueTasks(db, deps.clock.now(), policy.body.slaHours);
  }
  return { callouts, reminders };
}

export function startApprovalLoop(
  database: OpenDatabase,
  deps: CalloutDeps & { readonly pollMs: number; readonly log?: (error: unknown) => void },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => runApprovalHousekeeping(database, deps))
      .catch((e: unknown) => deps.log?.(e));
  }, deps.pollMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
