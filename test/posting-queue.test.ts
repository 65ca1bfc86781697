import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { companyConnectedTo } from '../src/demo/erp.ts';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import { getPosting, listPostings, traceOf } from '../src/hub/postings.ts';
import { startWorker } from '../src/hub/worker.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createKeyring } from '../src/platform/security/keyring.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateTo, migrateToLatest } from '../src/platform/store/migrate.ts';
import { MIGRATIONS } from '../src/platform/store/migrations/index.ts';
import { newId } from '../src/platform/store/ids.ts';
import { ENGINES } from './support/engines.ts';
import { startDemoKingdee } from './support/kingdee.ts';

/**
 * The narrow queue table (ADR 0017) takes over the queue state of postings stored before it: each
 * posting not yet posted gets its queue row with its status, attempts, due time and lease, its trace
 * stays whole, and the worker carries on with them — a posting whose worker died while sending is
 * looked up before it is sent.
 */
const names = Object.keys(MIGRATIONS);
const BEFORE_QUEUE = names[names.indexOf('2026-12-03T1100-posting-queue') - 1] ?? '';

for (const engine of ENGINES) {
  describe(`the posting queue migration on ${engine.engine}`, () => {
    let database: OpenDatabase;
    let sim: KingdeeSimulator;
    before(async () => {
      sim = await startDemoKingdee({});
      database = await engine.open();
    });
    after(async () => {
      await database.close();
      await sim.close();
    });

    it('moves the queue state of postings not yet posted into the queue, and the worker finishes them', async () => {
      await migrateTo(database, BEFORE_QUEUE);
      const keyring = createKeyring(randomBytes(32));
      const writer = { actor: 'system:test', audit: { key: randomBytes(32), clock: systemClock } };
      const { db, connectionId } = await companyConnectedTo(sim, database, keyring, writer, 'MIGQ', 100);
      const now = new Date().toISOString();
      const past = '2000-01-01T00:00:00.000Z';
      const ids: Record<string, string> = {};
      const shapes = {
        pending: { status: 'pending', attempts: 0, lease_owner: null, lease_until: null },
        lapsed: { status: 'sending', attempts: 1, lease_owner: 'dead-worker', lease_until: past },
        rejected: { status: 'rejected', attempts: 1, lease_owner: null, lease_until: null },
        posted: { status: 'posted', attempts: 1, lease_owner: null, lease_until: null },
      } as const;
      for (const [name, shape] of Object.entries(shapes)) {
        const id = newId();
        ids[name] = id;
        const documentId = `MIG-${name}`;
        await sql`insert into postings (tenant_id, id, connection_id, document_type, document_id, document_json,
            external_reference, ordering_key, status, attempts, next_attempt_at, lease_owner, lease_until,
            created_at, updated_at, profile_version)
          values (${db.tenantId}, ${id}, ${connectionId}, 'voucher', ${documentId},
            ${JSON.stringify(sampleReimbursement(documentId.length, 'MIGQ'))}, ${`FB-MIGQ-${documentId}-1`}, null,
            ${shape.status}, ${shape.attempts}, ${past}, ${shape.lease_owner}, ${shape.lease_until}, ${now}, ${now}, 0)`.execute(
          database.db,
        );
        await sql`insert into posting_events (tenant_id, posting_id, seq, at, kind, detail_json)
          values (${db.tenantId}, ${id}, 1, ${now}, 'received', '{}')`.execute(database.db);
      }

      await migrateToLatest(database);

      const queued = await sql<{
        posting_id: string;
        status: string;
        attempts: number | bigint;
        lease_owner: string | null;
      }>`
        select posting_id, status, attempts, lease_owner from posting_queue order by status`.execute(
        database.db,
      );
      assert.deepEqual(
        queued.rows.map((q) => [q.posting_id, q.status, Number(q.attempts), q.lease_owner]),
        [
          [ids['pending'], 'pending', 0, null],
          [ids['rejected'], 'rejected', 1, null],
          [ids['lapsed'], 'sending', 1, 'dead-worker'],
        ],
        'every posting not yet posted has its queue row, with its state and lease',
      );
      const lapsed = await getPosting(db, ids['lapsed'] ?? '');
      assert.deepEqual(
        [lapsed.status, lapsed.lease_owner],
        ['sending', 'dead-worker'],
        'the live state is the queue’s',
      );
      const parked = await listPostings(db, { status: 'rejected', limit: 10 });
      assert.deepEqual(
        parked.items.map((p) => p.id),
        [ids['rejected']],
      );

      const worker = startWorker({ database, keyring, clock: systemClock, pollMs: 20 });
      try {
        worker.wake();
        await untilOpenPostingsPosted(database, [ids['pending'] ?? '', ids['lapsed'] ?? '']);
      } finally {
        await worker.stop();
      }
      const trace = await traceOf(db, ids['lapsed'] ?? '');
      assert.deepEqual(
        trace.events.map((e) => [e.seq, e.kind]),
        [
          [1, 'received'],
          [2, 'lease_expired'],
          [3, 'lookup'],
          [4, 'attempt'],
          [5, 'posted'],
        ],
        'the trace goes on after its old events: looked up (not found), then sent',
      );
      assert.equal(
        (await getPosting(db, ids['rejected'] ?? '')).status,
        'rejected',
        'a parked posting stays parked',
      );
      const left = await sql<{ posting_id: string }>`select posting_id from posting_queue`.execute(
        database.db,
      );
      assert.deepEqual(
        left.rows.map((r) => r.posting_id),
        [ids['rejected']],
        'posted postings have left the queue; the parked one holds its place',
      );
    });
  });
}

/** Waits until the given postings are posted. */
async function untilOpenPostingsPosted(database: OpenDatabase, ids: readonly string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await database.db
      .selectFrom('postings')
      .select(['id', 'status'])
      .where('id', 'in', ids)
      .execute();
    if (rows.every((r) => r.status === 'posted')) return;
    if (Date.now() > deadline) throw new Error(`not posted in time: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
