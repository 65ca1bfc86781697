import type { Clock } from '../../platform/clock.ts';
import { listCompanies } from '../../platform/store/companies.ts';
import type { OpenDatabase } from '../../platform/store/database.ts';
import { tenantDb } from '../../platform/store/tenant-scope.ts';
import { sweep } from './service.ts';

/**
 * The scheduled data-quality sweep: every company's rules on every record of every source, so stale
 * records, pulled copies and source conflicts are found without a write, and the daily score trend
 * gets its point. The sweep is idempotent (what is found again stays one issue), so two processes
 * sweeping at once cost time, never correctness.
 */
export async function sweepAllCompanies(
  database: OpenDatabase,
  clock: Clock,
): Promise<{ companies: number; opened: number; resolved: number }> {
  let opened = 0;
  let resolved = 0;
  const companies = await listCompanies(database);
  for (const company of companies) {
    const result = await sweep(tenantDb(database.db, company.id), clock.now().toISOString());
    opened += result.opened;
    resolved += result.resolved;
  }
  return { companies: companies.length, opened, resolved };
}

export function startQualitySweepSchedule(
  database: OpenDatabase,
  deps: { readonly clock: Clock; readonly pollMs: number; readonly log?: (error: unknown) => void },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => sweepAllCompanies(database, deps.clock))
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
