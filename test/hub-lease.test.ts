import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { companyConnectedTo, startDemoKingdee } from '../src/demo/erp.ts';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import type { KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { submitVoucher } from '../src/hub/postings.ts';
import { startWorker } from '../src/hub/worker.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createKeyring } from '../src/platform/security/keyring.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { ENGINES } from './support/engines.ts';
import { untilEveryPostingPosted } from './support/wait.ts';

/**
 * A batch that outlived its lease could be claimed again meanwhile — by another worker or by the same
 * one — and both would send. So a batch sends only on its own claim's lease, still running, and one
 * that would wait for the rate limit longer than its lease allows goes back to the queue instead of
 * waiting. Here most batches would wait far longer than the lease: every document still gets posted,
 * each exactly once.
 */
for (const engine of ENGINES) {
  describe(`leases on ${engine.engine}`, () => {
    let sim: KingdeeSimulator;
    let database: OpenDatabase;

    before(async () => {
      sim = await startDemoKingdee({});
      database = await engine.open();
      await migrateToLatest(database);
    });
    after(async () => {
      await database.close();
      await sim.close();
    });

    it('posts every document once when the rate limit holds batches longer than their lease', async () => {
      const keyring = createKeyring(randomBytes(32));
      const writer = { actor: 'system:lease', audit: { key: randomBytes(32), clock: systemClock } };
      const { db, connectionId } = await companyConnectedTo(sim, database, keyring, writer, 'LEASE', 2);
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
    });
  });
}
