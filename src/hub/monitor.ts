import { liveBreakers, type BreakerState } from '../platform/store/job-claims.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';

/**
 * What the sync monitor adds to the postings summary: how fast each connection has been posting (a
 * count per minute over the last hour) and whether the workers' circuit breaker for it is open — the
 * two things an operator looks at when "the ERP seems slow".
 */
export interface ConnectionHealth {
  /** The last 60 minutes, oldest first, the current one (so far) last: postings posted in each, all connections together. */
  readonly postedPerMinute: readonly { readonly minute: string; readonly count: number }[];
  readonly connections: ReadonlyMap<
    string,
    { readonly postedLastHour: number; readonly breaker: BreakerState | null }
  >;
}

const MINUTES = 60;

export async function connectionHealth(
  database: OpenDatabase,
  db: TenantDb,
  connectionIds: readonly string[],
  now: Date,
  liveMs: number,
): Promise<ConnectionHealth> {
  // 60 minutes, the current one (filling) last
  const current = Math.floor(now.getTime() / 60_000) * 60_000;
  const start = new Date(current - (MINUTES - 1) * 60_000);
  const end = new Date(now.getTime() + 1);
  // counted by the database per connection and minute (an ISO instant's first 16 characters), so a busy
  // month-end hour is at most 60 rows per connection here
  const rows = await db
    .selectFrom('postings')
    .select((eb) => [
      'connection_id',
      eb.fn<string>('substr', ['posted_at', eb.val(1), eb.val(16)]).as('minute'),
      eb.fn.countAll<number | string>().as('n'),
    ])
    .where('posted_at', '>=', start.toISOString())
    .where('posted_at', '<', end.toISOString())
    .groupBy(['connection_id', 'minute'])
    .execute();
  const perMinute = new Array<number>(MINUTES).fill(0);
  const perConnection = new Map<string, number>();
  for (const row of rows) {
    const slot = Math.floor((Date.parse(`${row.minute}:00.000Z`) - start.getTime()) / 60_000);
    if (!(slot >= 0 && slot < MINUTES)) continue;
    const n = Number(row.n);
    perMinute[slot] = (perMinute[slot] ?? 0) + n;
    perConnection.set(row.connection_id, (perConnection.get(row.connection_id) ?? 0) + n);
  }
  const breakers = await liveBreakers(database, connectionIds, now, liveMs);
  return {
    postedPerMinute: perMinute.map((count, i) => ({
      minute: new Date(start.getTime() + i * 60_000).toISOString(),
      count,
    })),
    connections: new Map(
      connectionIds.map((id) => [
        id,
        { postedLastHour: perConnection.get(id) ?? 0, breaker: breakers.get(id) ?? null },
      ]),
    ),
  };
}
