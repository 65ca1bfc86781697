import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import { getPosting, submitVoucher } from '../src/hub/postings.ts';
import { startWorker } from '../src/hub/worker.ts';
import { systemClock } from '../src/platform/clock.ts';
import { ENGINES } from './support/engines.ts';
import { hubUnderTest } from './support/kingdee.ts';
import { until, untilEveryPostingPosted } from './support/wait.ts';

/**
 * A batch that outlived its lease could be claimed again meanwhile — by another worker or by the same
 * one — and both would send. So a batch sends only while its own claim's lease will outlast the call,
 * and one that would wait for the rate limit longer than its lease allows goes back to the queue
 * instead of waiting, its attempt uncounted. Here most batches would wait far longer than the lease:
 * every document still gets posted, each exactly once.
 */
for (const engine of ENGINES) {
  describe(`leases on ${engine.engine}`, () => {
    const hub = hubUnderTest(engine);

    it('posts every document once when the rate limit holds batches longer than their lease', async () => {
      const { sim, database, keyring } = hub;
      const { db, connectionId, writer } = await hub.company('LEASE', 2);
      const before = sim.ledger.vouchers.size;
      const worker = startWorker({
        database,
        keyring,
        clock: systemClock,
        batchSize: 1,
        concurrency: 8,
        pollMs: 20,
        leaseMs: 300, // two calls a second: most batches wait for the rate limit longer than this
        callTimeoutMs: 100,
        backoff: { baseMs: 20, maxMs: 100 },
      });
      try {
        for (let i = 0; i < 6; i++)
          await submitVoucher(db, writer, 'LEASE', {
            connectionId,
            documentId: `L-${i}`,
            voucher: sampleReimbursement(i, 'LEASE'),
          });
        worker.wake();
        await untilEveryPostingPosted(db, 30_000);
      } finally {
        await worker.stop();
      }
      assert.equal(sim.ledger.vouchers.size - before, 6, 'each voucher in the ERP once');
      const references = [...sim.ledger.vouchers.values()]
        .map((v) => v.entries[0]?.busNo ?? '')
        .filter((r) => r.startsWith('FB-LEASE-'));
      assert.equal(new Set(references).size, 6, 'six distinct references');
      // a batch given back to the queue counts no attempt: every attempt counted is a call in the trace
      // (on a loaded machine a 100 ms call may really time out and be tried again)
      const postings = await db.selectFrom('postings').select(['id', 'attempts']).execute();
      for (const p of postings) {
        const calls = await database.db
          .selectFrom('posting_events')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('posting_id', '=', p.id)
          .where('kind', '=', 'attempt')
          .executeTakeFirstOrThrow();
        assert.equal(p.attempts, Number(calls.n), `${p.id}: attempts counted = calls made`);
      }
    });

    it('sends nothing on a claim delayed until its lease can no longer cover the call', async () => {
      const { sim, database, keyring } = hub;
      const { db, connectionId, writer } = await hub.company('STALL', 100);
      // Every reading of the clock finds 400 ms gone, as if the database stalled between each step: by
      // the time a claimed batch could call, less than two call timeouts of its 900 ms lease are left.
      let stalled = 0;
      const stallingClock = { now: () => new Date(Date.now() + (stalled += 400)) };
      // what the worker logged, to tell a failed give-back (left for lease expiry) from a send
      const logged: string[] = [];
      const worker = startWorker({
        database,
        keyring,
        clock: stallingClock,
        log: (event, fields) => logged.push(`${event} ${JSON.stringify(fields)}`),
        pollMs: 20,
        leaseMs: 900,
        callTimeoutMs: 300,
      });
      const { posting: submitted } = await submitVoucher(db, writer, 'STALL', {
        connectionId,
        documentId: 'S-1',
        voucher: sampleReimbursement(1, 'STALL'),
      });
      try {
        worker.wake();
        await until('the posting claimed and given back', async () => {
          const posting = await getPosting(db, submitted.id);
          return posting.updated_at !== posting.created_at && posting.lease_owner === null;
        });
      } finally {
        await worker.stop();
      }
      const posting = await getPosting(db, submitted.id);
      assert.equal(posting.status, 'pending', `given back; the worker logged:\n${logged.join('\n')}`);
      assert.equal(posting.attempts, 0, 'no attempt was made');
      const references = [...sim.ledger.vouchers.values()].map((v) => v.entries[0]?.busNo ?? '');
      assert.ok(!references.some((r) => r.startsWith('FB-STALL-')), 'nothing reached the ERP');
    });
  });
}
