import { loadConfig } from '../../platform/config.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { say, type Values } from '../command.ts';
import { tenantFor, withPlatform } from '../platform.ts';

/**
 * `finbridge analytics rebuild --tenant CODE`: the spend facts anew from the posted claims, then the
 * rollup, the peer statistics and the anomalies (for claims posted before analytics was installed).
 */
export async function analyticsRebuild(values: Values): Promise<void> {
  const { rebuildAnalytics } = await import('../../analytics/facts.ts');
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { company, db } = await tenantFor(database, values['tenant']);
    const started = performance.now();
    const summary = await rebuildAnalytics(db, company.code, writer.audit.clock.now());
    await appendAudit(db, writer.audit, [
      {
        actor: writer.actor,
        action: 'rebuild',
        entityType: 'AnalyticsSpend',
        entityId: company.code,
        after: summary,
      },
    ]);
    say(
      `${company.code}: ${summary.lines} claim line(s) of ${summary.claims} posted claim(s), ${summary.rollupCells} rollup cell(s), ${summary.anomalies} anomaly(ies) — ${Math.round(performance.now() - started)} ms`,
    );
  });
}

/** `finbridge analytics scan --tenant CODE`: the peer statistics and every anomaly recomputed. */
export async function analyticsScan(values: Values): Promise<void> {
  const { scanAnomalies } = await import('../../analytics/anomalies.ts');
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { company, db } = await tenantFor(database, values['tenant']);
    const summary = await scanAnomalies(db, writer.audit.clock.now());
    await appendAudit(db, writer.audit, [
      {
        actor: writer.actor,
        action: 'scan',
        entityType: 'AnalyticsAnomalies',
        entityId: company.code,
        after: summary,
      },
    ]);
    say(
      `${company.code}: ${summary.lines} line(s), ${summary.peerGroups} peer group(s), ${summary.anomalies} anomaly(ies) ${JSON.stringify(summary.byKind)}`,
    );
  });
}
