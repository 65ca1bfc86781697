import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { companyConnectedTo } from '../src/demo/erp.ts';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import { createIntake, type IntakeTenant } from '../src/hub/intake.ts';
import type { PostingRow } from '../src/hub/postings.ts';
import { startWorker, type LocalClaim, type Worker } from '../src/hub/worker.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createKeyring, type Keyring } from '../src/platform/security/keyring.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import type { TenantDb } from '../src/platform/store/tenant-scope.ts';
import { ENGINES } from './support/engines.ts';
import { demoLedger } from './support/kingdee.ts';

/**
 * A stand-in for this process's worker that takes the intake's postings and never sends them — as a
 * process killed right after the intake committed would: what it was handed, and how often it was woken.
 */
function deadWorker(capacity: number, until: string) {
  const handed: PostingRow[] = [];
  const seen = { wakes: 0, released: 0 };
  const worker: Pick<Worker, 'reserve' | 'wake'> = {
    reserve: (): LocalClaim => ({
      lease: { owner: 'worker-killed', until, capacity },
      hand: (postings) => handed.push(...postings),
      release: () => (seen.released += 1),
    }),
    wake: () => (seen.wakes += 1),
  };
  return { worker, handed, seen };
}

for (const engine of ENGINES) {
  describe(`intake hands postings to this process's worker on ${engine.engine}`, () => {
    let database: OpenDatabase;
    let sim: KingdeeSimulator;
    let db: TenantDb;
    let keyring: Keyring;
    let connectionId: string;
    const writer = { actor: 'user:handover-test', audit: { key: randomBytes(32), clock: systemClock } };
    let tenant: IntakeTenant;

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 7 });
      database = await engine.open();
      await migrateToLatest(database);
      keyring = createKeyring(randomBytes(32));
      ({ db, connectionId } = await companyConnectedTo(sim, database, keyring, writer, 'HAND', 100));
      tenant = { db, writer, companyCode: 'HAND' };
    });
    after(async () => {
      await database.close();
      await sim.close();
    });

    const queueRow = (postingId: string) =>
      db
        .selectFrom('posting_queue')
        .selectAll()
        .where('posting_id', '=', postingId)
        .executeTakeFirstOrThrow();
    const submit = (intake: ReturnType<typeof createIntake>, documentId: string, orderingKey?: string) =>
      intake.submit(tenant, {
        connectionId,
        kind: 'voucher',
        documentId,
        document: sampleReimbursement(Number(documentId.replace(/\D/g, '')), 'HAND'),
        ...(orderingKey === undefined ? {} : { orderingKey }),
      });
    const untilPosted = async (ids: readonly string[]) => {
      for (let waited = 0; waited < 15_000; waited += 50) {
        const open = await db
          .selectFrom('posting_queue')
          .select('posting_id')
          .where('posting_id', 'in', ids)
          .execute();
        if (open.length === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.fail('postings still open after 15 s');
    };

    it('commits a handed-over posting as sending under the worker’s lease, its attempt counted, before any call', async () => {
      const until = new Date(Date.now() + 60_000).toISOString();
      const { worker, handed, seen } = deadWorker(10, until);
      const answer = await submit(createIntake({ worker }), 'H-1');
      assert.equal(answer.posting.status, 'sending');
      assert.equal(answer.posting.attempts, 1);
      assert.deepEqual(
        handed.map((p) => p.id),
        [answer.posting.id],
      );
      const row = await queueRow(answer.posting.id);
      assert.equal(row.status, 'sending');
      assert.equal(row.attempts, 1);
      assert.equal(row.lease_owner, 'worker-killed');
      assert.equal(row.lease_until, until);
      assert.equal(row.next_attempt_at, until, 'due again when the lease runs out');
      assert.equal(seen.wakes, 0, 'nothing left for a claim');
      assert.equal(sim.ledger.vouchers.size, 0, 'not sent: the stand-in never calls');
    });

    it('leaves a posting with an ordering key, and those beyond the worker’s room, to the claim, and wakes the worker', async () => {
      const { worker, handed, seen } = deadWorker(1, new Date(Date.now() + 60_000).toISOString());
      const intake = createIntake({ worker });
      const answers = await Promise.all([
        submit(intake, 'K-1', 'supplier:S001'),
        submit(intake, 'K-2'),
        submit(intake, 'K-3'),
      ]);
      assert.deepEqual(
        answers.map((a) => a.posting.status),
        ['pending', 'sending', 'pending'],
      );
      assert.deepEqual(
        handed.map((p) => p.document_id),
        ['K-2'],
      );
      for (const answer of answers) {
        const row = await queueRow(answer.posting.id);
        assert.equal(row.status, answer.posting.status);
        assert.equal(row.lease_owner, answer.posting.status === 'sending' ? 'worker-killed' : null);
      }
      assert.ok(seen.wakes >= 1, 'the worker is woken for the postings it was not handed');
    });

    it('a posting handed to a worker killed before its call is looked up and sent exactly once after the lease', async () => {
      // the lease the dead worker took has run out
      const { worker: dead } = deadWorker(10, new Date(Date.now() - 1000).toISOString());
      const answers = await Promise.all(
        ['L-1', 'L-2', 'L-3'].map((id) => submit(createIntake({ worker: dead }), id)),
      );
      const live = startWorker({ database, keyring, clock: systemClock, pollMs: 20 });
      try {
        live.wake();
        await untilPosted(answers.map((a) => a.posting.id));
      } finally {
        await live.stop();
      }
      const references = answers.map((a) => a.posting.externalReference);
      const inErp = [...sim.ledger.vouchers.values()]
        .map((v) => v.entries[0]?.busNo ?? '')
        .filter((reference) => references.includes(reference));
      const events = await db
        .selectFrom('posting_events')
        .select(['posting_id', 'kind', 'detail_json'])
        .where('posting_id', '=', answers[0]!.posting.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.map((e) => e.kind),
        ['received', 'validated', 'mapped', 'lease_expired', 'lookup', 'attempt', 'posted'],
      );
      assert.match(events[4]!.detail_json, /"found":false/);
      assert.deepEqual(inErp.sort(), [...references].sort(), 'each in the ERP once');
      const posted = await db
        .selectFrom('postings')
        .select(['status', 'attempts'])
        .where(
          'id',
          'in',
          answers.map((a) => a.posting.id),
        )
        .execute();
      assert.deepEqual(
        posted.map((p) => [p.status, p.attempts]),
        [
          ['posted', 2],
          ['posted', 2],
          ['posted', 2],
        ],
      );
    });

    it('hands nothing over while postings wait in the queue: they go first, in their order', async () => {
      const faults = async (body: Record<string, number>) => {
        const res = await fetch(new URL('/__sim/faults', sim.url), {
          method: 'PUT',
          body: JSON.stringify(body),
        });
        assert.equal(res.status, 200, await res.text());
      };
      await faults({ latencyMs: 40 });
      // concurrency 1 and batches of 5: a claim takes at most 15, so 40 waiting make a backlog
      const worker = startWorker({ database, keyring, clock: systemClock, concurrency: 1, batchSize: 5 });
      try {
        const backlog = await Promise.all(
          Array.from({ length: 40 }, (_, i) => submit(createIntake(), `B-${i + 1}`)),
        );
        worker.wake();
        await new Promise((r) => setTimeout(r, 100));
        const behind = await submit(createIntake({ worker }), 'B-41');
        assert.equal(behind.posting.status, 'pending', 'not handed over past the backlog');
        await untilPosted([...backlog, behind].map((a) => a.posting.id));
        await faults({ latencyMs: 0 });
        // caught up: the claims come back short, and the next one is handed over
        await new Promise((r) => setTimeout(r, 500));
        const next = await submit(createIntake({ worker }), 'B-42');
        assert.equal(next.posting.status, 'sending');
        await untilPosted([next.posting.id]);
      } finally {
        await faults({ latencyMs: 0 });
        await worker.stop();
      }
    });

    it('posts through a live worker without waiting for its claim', async () => {
      const worker = startWorker({ database, keyring, clock: systemClock, pollMs: 60_000 });
      try {
        // a first claim finds nothing; the next poll is a minute away, so only the hand-over can post
        await new Promise((r) => setTimeout(r, 200));
        const intake = createIntake({ worker });
        const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(intake, `W-${i + 1}`)));
        assert.ok(answers.every((a) => a.posting.status === 'sending'));
        await untilPosted(answers.map((a) => a.posting.id));
        const kinds = await db
          .selectFrom('posting_events')
          .select('kind')
          .where('posting_id', '=', answers[0]!.posting.id)
          .orderBy('seq')
          .execute();
        assert.deepEqual(
          kinds.map((k) => k.kind),
          ['received', 'validated', 'mapped', 'attempt', 'posted'],
        );
      } finally {
        await worker.stop();
      }
    });
  });
}
