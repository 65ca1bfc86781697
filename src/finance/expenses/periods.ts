import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';

/** Closed accounting periods (结账): nothing new is claimed or posted into them. */
export async function setPeriodStatus(
  db: TenantDb,
  writer: Writer,
  period: string,
  status: 'closed' | 'open',
): Promise<{ period: string; status: 'closed' | 'open' }> {
  await db.transaction(async (tx) => {
    // an archived period stays closed (the database refuses it too: migration 2026-12-03T1520)
    const archived = await tx
      .selectFrom('archive_packages')
      .select(['id'])
      .where('period', '=', period)
      .executeTakeFirst();
    if (archived !== undefined) {
      if (status === 'closed') return;
      throw new DomainError('period_archived', { period, packageId: archived.id });
    }
    await tx.deleteFrom('closed_periods').where('period', '=', period).execute();
    if (status === 'closed')
      await tx
        .insertInto('closed_periods', [
          { period, closed_by: writer.actor, closed_at: writer.audit.clock.now().toISOString() },
        ])
        .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: status === 'closed' ? 'close' : 'reopen',
        entityType: 'Period',
        entityId: period,
        requestId: writer.requestId,
      },
    ]);
  });
  return { period, status };
}

/** The closed periods, newest first, with who closed each and when. */
export async function listClosedPeriods(
  db: TenantDb,
): Promise<{ period: string; status: 'closed'; closedBy: string; closedAt: string }[]> {
  const rows = await db.selectFrom('closed_periods').selectAll().orderBy('period', 'desc').execute();
  return rows.map((r) => ({
    period: r.period,
    status: 'closed' as const,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
  }));
}

/** Refuses a date in a closed period (`pointer` names the field that carries it). */
export async function ensureOpenPeriod(tx: TenantDb, date: string, pointer: string): Promise<void> {
  const period = date.slice(0, 7);
  const closed = await tx
    .selectFrom('closed_periods')
    .select(['period'])
    .where('period', '=', period)
    .executeTakeFirst();
  if (closed !== undefined)
    throw new DomainError('period_closed', { period }, [
      { code: 'period_closed', pointer, params: { period } },
    ]);
}
