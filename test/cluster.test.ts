import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { companyConnectedTo } from '../src/demo/erp.ts';
import { startDemoKingdee } from './support/kingdee.ts';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import type { KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { submitDocument, submitVoucher } from '../src/hub/postings.ts';
import { setSchedules } from '../src/hub/pulls.ts';
import { startWorker, type Worker } from '../src/hub/worker.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createKeyring } from '../src/platform/security/keyring.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import type { TenantDb } from '../src/platform/store/tenant-scope.ts';
import { ENGINES } from './support/engines.ts';
import { until, untilEveryPostingPosted } from './support/wait.ts';

/**
 * The hub's cluster contract, one suite for both deployments: SQLite with the worker in the same
 * process, PostgreSQL with three `finbridge worker` processes sharing the queue. Every document posted
 * exactly once; a supplier's bill before its payment; a due schedule pulled once by the cluster; the
 * connection's rate limit held by all workers together.
 */
const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const RATE = 5;
const SUPPLIERS = ['S0001', 'S0002', 'S0003', 'S0004'];

for (const engine of ENGINES) {
  const processes = engine.engine === 'postgres' ? 3 : 0;
  describe(`hub cluster contract on ${engine.engine} (${processes > 0 ? `${processes} worker processes` : 'one process'})`, () => {
    let sim: KingdeeSimulator;
    let database: OpenDatabase;
    let db: TenantDb;
    let connectionId: string;
    const children: ChildProcess[] = [];
    let inProcess: Worker | undefined;
    const documents: { kind: string; id: string; supplier?: string }[] = [];

    before(async () => {
      sim = await startDemoKingdee({ recordCalls: true, latencyMs: 2 });
      database = await engine.open();
      await migrateToLatest(database);
      const masterKey = randomBytes(32);
      const keyring = createKeyring(masterKey);
      const writer = { actor: 'system:cluster', audit: { key: randomBytes(32), clock: systemClock } };
      ({ db, connectionId } = await companyConnectedTo(sim, database, keyring, writer, 'CLUSTER', RATE));
      const worker = {
        FINBRIDGE_WORKER_BATCH_SIZE: '1', // one call per document, so the rate limit is what paces them
        FINBRIDGE_WORKER_POLL_MS: '20',
        FINBRIDGE_WORKER_SYNC_POLL_MS: '50',
        // a worker counts as live for three heartbeats: wide enough that a loaded CI machine's stall does not
        // drop one from the others' count (each would then take a bigger share of the rate limit)
        FINBRIDGE_WORKER_HEARTBEAT_MS: '1000',
        FINBRIDGE_WORKER_BACKOFF_MS: '50',
      };
      if (processes > 0) {
        for (let i = 0; i < processes; i++)
          children.push(
            spawn(process.execPath, [CLI, 'worker'], {
              env: {
                ...process.env,
                ...worker,
                DATABASE_URL: engine.urlOf(database),
                FINBRIDGE_MASTER_KEY: masterKey.toString('base64'),
                LOG_LEVEL: 'warn',
              },
              stdio: ['ignore', 'ignore', 'inherit'],
            }),
          );
        // every worker has announced itself before work arrives
        await until(
          'three live workers',
          async () => {
            const row = await database.db
              .selectFrom('worker_heartbeats')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow();
            return row.n >= processes;
          },
          60_000,
        );
        // …and each has counted the others since (a worker's share changes at its own heartbeat)
        const joined = new Date().toISOString();
        await until(
          'every worker to see the whole cluster',
          async () => {
            const row = await database.db
              .selectFrom('worker_heartbeats')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('seen_at', '>', joined)
              .executeTakeFirstOrThrow();
            return row.n >= processes;
          },
          60_000,
        );
      } else {
        inProcess = startWorker({
          database,
          keyring,
          clock: systemClock,
          batchSize: 1,
          pollMs: 20,
          syncPollMs: 50,
          heartbeatMs: 100,
          backoff: { baseMs: 50, maxMs: 500 },
        });
      }
      for (let i = 0; i < 24; i++) {
        const { posting } = await submitVoucher(db, writer, 'CLUSTER', {
          connectionId,
          documentId: `V-${i}`,
          voucher: sampleReimbursement(i, 'CLUSTER'),
        });
        documents.push({ kind: 'voucher', id: posting.id });
      }
      for (const supplier of SUPPLIERS) {
        for (const kind of ['supplier_bill', 'payment'] as const) {
          const { posting } = await submitDocument(db, writer, 'CLUSTER', {
            connectionId,
            kind,
            documentId: `${kind}-${supplier}`,
            document:
              kind === 'supplier_bill'
                ? {
                    supplierCode: supplier,
                    date: '2026-11-20',
                    currency: 'CNY',
                    lines: [
                      { description: '服务费', categoryCode: 'SERVICE', amount: '1060.00', taxRate: '0.06' },
                    ],
                  }
                : {
                    payeeKind: 'supplier',
                    payeeCode: supplier,
                    amount: { amount: '1060.00', currency: 'CNY' },
                    paidOn: '2026-11-28',
                    method: 'bank_transfer',
                  },
          });
          documents.push({ kind, id: posting.id, supplier });
        }
      }
      await db.transaction((tx) =>
        setSchedules(tx, systemClock, connectionId, ['suppliers'], { suppliers: 3600 }),
      );
    });
    after(async () => {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))),
      );
      await inProcess?.stop();
      await database.close();
      await sim.close();
    });

    it('posts every document exactly once', async () => {
      await untilEveryPostingPosted(db, 60_000);
      const refs = [
        ...[...sim.ledger.vouchers.values()].map((v) => v.entries[0]?.busNo ?? ''),
        ...[...sim.ledger.bills.values()].map((b) => b.remark),
      ].filter((r) => r.startsWith('FB-CLUSTER-'));
      assert.equal(refs.length, documents.length);
      assert.equal(new Set(refs).size, documents.length);
    });

    it('posts each supplier’s bill before its payment', () => {
      for (const supplier of SUPPLIERS) {
        const bill = [...sim.ledger.bills.values()].find(
          (b) => b.remark === `FB-CLUSTER-supplier_bill-${supplier}-1`,
        );
        const pay = [...sim.ledger.bills.values()].find(
          (b) => b.remark === `FB-CLUSTER-payment-${supplier}-1`,
        );
        assert.ok(bill !== undefined && pay !== undefined, supplier);
        assert.ok(bill.id < pay.id, `${supplier}: bill ${bill.id} before payment ${pay.id}`);
      }
    });

    it('pulls a due schedule once for the whole cluster', async () => {
      await until(
        'the scheduled pull',
        async () => {
          const s = await db
            .selectFrom('sync_states')
            .select('last_success_at')
            .where('object', '=', 'suppliers')
            .executeTakeFirst();
          return s?.last_success_at != null;
        },
        60_000,
      );
      await new Promise((r) => setTimeout(r, 500)); // long enough for a second worker to pull too, if it could
      const pulls = sim.calls.filter((c) => c.method === 'executebillquery' && c.form === 'BD_Supplier');
      assert.equal(pulls.length, 1, `${pulls.length} pulls of BD_Supplier`);
    });

    it('holds the connection’s rate limit across all workers together', () => {
      const saves = sim.calls.filter((c) => c.method === 'save' || c.method === 'batchsave').map((c) => c.at);
      assert.equal(saves.length, documents.length, 'one call per document');
      // the token-bucket contract: any stretch of w seconds carries at most the burst (one second's
      // worth) plus w seconds at the rate — three workers each using the full rate would break it at once
      let worst = 0;
      for (let i = 0; i < saves.length; i++)
        for (let j = i; j < saves.length; j++) {
          const w = ((saves[j] ?? 0) - (saves[i] ?? 0)) / 1000;
          worst = Math.max(worst, j - i + 1 - (RATE + RATE * w));
        }
      assert.ok(worst <= 3, `${worst.toFixed(1)} calls over the limit of ${RATE}/s (burst ${RATE})`);
    });
  });
}
