import type { Connector, ErpFailure, PullCursor } from '../connectors/contract.ts';
import { DomainError } from '../model/result.ts';
import type { Clock } from '../platform/clock.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import type { SyncStatesTable } from '../hub/tables.ts';
import { syncFinished } from './events.ts';
import { gatePull } from './gates.ts';
import type { Selectable, Updateable } from 'kysely';

/**
 * Scheduled, incremental pulls of the ERP's master data. Each page is read after a keyset cursor
 * (modify date, number) and stored in one transaction together with the advanced cursor, so a crash
 * between pages loses nothing and repeats nothing. A lease on the sync state keeps two pulls of the
 * same object (a schedule and a manual run, or two workers) from running at once.
 */
export type SyncStateRow = Selectable<SyncStatesTable>;

export interface SyncStateView {
  readonly object: string;
  readonly everySeconds: number | null;
  readonly nextRunAt: string | null;
  readonly watermark: { readonly modifiedAt: string; readonly number: string | null } | null;
  readonly running: boolean;
  readonly lastRunAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastCount: number;
  readonly totalCount: number;
  readonly lastError: string | null;
}

export const toSyncStateView = (row: SyncStateRow, now: string): SyncStateView => ({
  object: row.object,
  everySeconds: row.every_seconds,
  nextRunAt: row.next_run_at,
  watermark: row.watermark_at === null ? null : { modifiedAt: row.watermark_at, number: row.watermark_key },
  running: row.lease_until !== null && row.lease_until > now,
  lastRunAt: row.last_run_at,
  lastSuccessAt: row.last_success_at,
  lastCount: row.last_count,
  totalCount: row.total_count,
  lastError: row.last_error,
});

async function ensureState(db: TenantDb, connectionId: string, object: string): Promise<void> {
  await db
    .insertInto('sync_states', [
      {
        connection_id: connectionId,
        object,
        every_seconds: null,
        next_run_at: null,
        watermark_at: null,
        watermark_key: null,
        lease_owner: null,
        lease_until: null,
        last_run_at: null,
        last_success_at: null,
        last_error: null,
      },
    ])
    .onConflict((oc) => oc.columns(['tenant_id', 'connection_id', 'object']).doNothing())
    .execute();
}

/** Sets (or clears, with null) the pull schedule of each object. */
export async function setSchedules(
  db: TenantDb,
  clock: Clock,
  connectionId: string,
  known: readonly string[],
  schedules: Readonly<Record<string, number | null>>,
): Promise<void> {
  const now = clock.now().toISOString();
  for (const [object, everySeconds] of Object.entries(schedules)) {
    if (!known.includes(object))
      throw new DomainError('unknown_sync_object', { object, known: known.join(', ') });
    await ensureState(db, connectionId, object);
    const state = await db
      .selectFrom('sync_states')
      .select('last_success_at')
      .where('connection_id', '=', connectionId)
      .where('object', '=', object)
      .executeTakeFirstOrThrow();
    // due an interval after the last complete pull, or at once if there was none
    const next =
      everySeconds === null
        ? null
        : state.last_success_at === null
          ? now
          : new Date(Date.parse(state.last_success_at) + everySeconds * 1000).toISOString();
    await db
      .updateTable('sync_states')
      .set({ every_seconds: everySeconds, next_run_at: next })
      .where('connection_id', '=', connectionId)
      .where('object', '=', object)
      .execute();
  }
}

export async function syncStates(db: TenantDb, clock: Clock, connectionId: string): Promise<SyncStateView[]> {
  const rows = await db
    .selectFrom('sync_states')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('object')
    .execute();
  const now = clock.now().toISOString();
  return rows.map((r) => toSyncStateView(r, now));
}

export interface PullOutcome {
  readonly object: string;
  readonly pages: number;
  readonly records: number;
  readonly watermark: PullCursor;
  readonly failure?: ErpFailure;
}

/** Takes the pull lease of one object; false when another pull holds it. */
export async function leaseSync(
  db: TenantDb,
  clock: Clock,
  connectionId: string,
  object: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  await ensureState(db, connectionId, object);
  const now = clock.now();
  const result = await db
    .updateTable('sync_states')
    .set({ lease_owner: owner, lease_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('connection_id', '=', connectionId)
    .where('object', '=', object)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Pulls everything changed since the watermark, page by page, while this owner holds the lease.
 * Releases the lease at the end; an ERP failure is recorded on the state and returned.
 */
export async function runPull(
  db: TenantDb,
  clock: Clock,
  connector: Connector,
  connectionId: string,
  object: string,
  owner: string,
  leaseMs: number,
): Promise<PullOutcome> {
  const capability = Object.hasOwn(connector.manifest.pulls, object)
    ? connector.manifest.pulls[object]
    : undefined;
  if (capability === undefined)
    throw new DomainError('unknown_sync_object', {
      object,
      known: Object.keys(connector.manifest.pulls).join(', '),
    });
  const state = await db
    .selectFrom('sync_states')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .where('object', '=', object)
    .executeTakeFirstOrThrow();
  let cursor: PullCursor = { modifiedAt: state.watermark_at, number: state.watermark_key };
  let pages = 0;
  let records = 0;
  const mine = (tx: TenantDb, changes: Updateable<SyncStatesTable>) =>
    tx
      .updateTable('sync_states')
      .set(changes)
      .where('connection_id', '=', connectionId)
      .where('object', '=', object)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
  for (;;) {
    const page = await connector.pull(object, cursor, capability.pageLimit);
    const now = clock.now().toISOString();
    if (!('records' in page)) {
      const failed = { object, pages, records, watermark: cursor, failure: page };
      await db.transaction(async (tx) => {
        const ended = await mine(tx, {
          last_run_at: now,
          last_error: `${page.code}: ${page.message}`.slice(0, 500),
          lease_owner: null,
          lease_until: null,
        });
        if (Number(ended.numUpdatedRows) === 1) await syncFinished(tx, connectionId, failed, now);
      });
      return failed;
    }
    const last = page.records.at(-1);
    const next: PullCursor =
      last === undefined ? cursor : { modifiedAt: last.modifiedAt, number: last.number };
    const done = page.records.length < capability.pageLimit;
    const stillMine = await db.transaction(async (tx) => {
      const moved = await mine(tx, {
        watermark_at: next.modifiedAt,
        watermark_key: next.number,
        last_run_at: now,
        total_count: state.total_count + records + page.records.length,
        ...(done
          ? {
              last_success_at: now,
              last_count: records + page.records.length,
              last_error: null,
              lease_owner: null,
              lease_until: null,
            }
          : { lease_until: new Date(clock.now().getTime() + leaseMs).toISOString() }),
      });
      if (Number(moved.numUpdatedRows) !== 1) return false;
      if (page.records.length > 0)
        await tx
          .insertInto(
            'erp_records',
            page.records.map((r) => ({
              connection_id: connectionId,
              object,
              erp_number: r.number,
              name: r.name,
              status: r.usable ? 'active' : 'disabled',
              data_json: JSON.stringify(r.data),
              erp_modified_at: r.modifiedAt,
              pulled_at: now,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'connection_id', 'object', 'erp_number']).doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              status: eb.ref('excluded.status'),
              data_json: eb.ref('excluded.data_json'),
              erp_modified_at: eb.ref('excluded.erp_modified_at'),
              pulled_at: eb.ref('excluded.pulled_at'),
            })),
          )
          .execute();
      if (done)
        await syncFinished(
          tx,
          connectionId,
          { object, pages: pages + 1, records: records + page.records.length, watermark: next },
          now,
        );
      return true;
    });
    if (!stillMine) return { object, pages, records, watermark: cursor };
    pages += 1;
    records += page.records.length;
    cursor = next;
    if (done) return { object, pages, records, watermark: cursor };
  }
}

/** Pulls one object now, if no other pull holds it (`sync_running` otherwise). */
export async function pullNow(
  db: TenantDb,
  clock: Clock,
  connector: Connector,
  connectionId: string,
  object: string,
  owner: string,
  leaseMs = 5 * 60_000,
): Promise<PullOutcome> {
  const known = Object.keys(connector.manifest.pulls);
  if (!known.includes(object))
    throw new DomainError('unknown_sync_object', { object, known: known.join(', ') });
  const gate = await gatePull(db, connectionId, object);
  if (gate !== null) throw gate;
  if (!(await leaseSync(db, clock, connectionId, object, owner, leaseMs)))
    throw new DomainError('sync_running', { object });
  return runPull(db, clock, connector, connectionId, object, owner, leaseMs);
}
