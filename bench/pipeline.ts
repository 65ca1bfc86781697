import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { KingdeeClient } from '../src/connectors/kingdee/client.ts';
import { EMPTY_VALUE_MAPS } from '../src/connectors/contract.ts';
import { DEFAULT_KINGDEE_SETTINGS } from '../src/connectors/kingdee/map/profile.ts';
import { renderGlVoucher } from '../src/connectors/kingdee/map/voucher.ts';
import { companyConnectedTo } from '../src/demo/erp.ts';
import { CONNECTORS } from '../src/connectors/index.ts';
import { installConnectors } from '../src/hub/connector-registry.ts';
import { startDemoKingdee } from '../test/support/kingdee-simulator.ts';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import { createIntake } from '../src/hub/intake.ts';
import { startWorker } from '../src/hub/worker.ts';
import { onPosted } from '../src/hub/outcomes.ts';
import { sealAll, startAuditSealer } from '../src/platform/audit/audit-log.ts';
import { parseVoucher } from '../src/model/voucher.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createKeyring } from '../src/platform/security/keyring.ts';
import { createSchemaIfMissing, openDatabase, type OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import type { TenantDb } from '../src/platform/store/tenant-scope.ts';
import { pgBenchUrl } from './store.ts';
import { percentile } from './measure.ts';

installConnectors(CONNECTORS);

/**
 * Pipeline benchmark: N vouchers accepted by the hub (validated, stored with their posting in one
 * transaction) and posted into the in-process Kingdee simulator by the worker; against a raw baseline
 * that maps the same vouchers and posts them over keep-alive HTTP with nothing persisted.
 */
export interface PipelineRow {
  readonly engine: string;
  readonly case: string;
  readonly vouchers: number;
  readonly seconds: number;
  readonly vouchersPerSecond: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly peakRssMb: number;
}

const CONCURRENCY = 32;

const wire = (i: number) => sampleReimbursement(i, 'BENCH');

async function openBench(
  engine: 'sqlite' | 'postgres',
): Promise<{ database: OpenDatabase; cleanup: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-pipeline-'));
    return {
      database: openDatabase(`sqlite:${join(dir, 'bench.db')}`),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = pgBenchUrl();
  const schema = `pipe_${randomBytes(4).toString('hex')}`;
  await createSchemaIfMissing(url, schema);
  return {
    database: openDatabase(url, { schema, poolSize: 20 }),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema "${schema}" cascade`);
      await client.end();
    },
  };
}

export async function hubCase(engine: 'sqlite' | 'postgres', n: number): Promise<PipelineRow> {
  const sim = await startDemoKingdee({});
  const { database, cleanup } = await openBench(engine);
  try {
    await migrateToLatest(database);
    const keyring = createKeyring(randomBytes(32));
    const audit = { key: randomBytes(32), clock: systemClock };
    const writer = { actor: 'system:bench', audit };
    const { db, connectionId } = await companyConnectedTo(sim, database, keyring, writer, 'BENCH', 1_000_000);
    let posted = 0;
    const unsubscribe = onPosted('voucher', async (_tx, documents) => {
      posted += documents.length;
    });
    const worker = startWorker({
      database,
      keyring,
      clock: systemClock,
      concurrency: CONCURRENCY,
      leaseMs: 120_000,
      callTimeoutMs: 30_000,
      log: (event, fields) => {
        if (event.endsWith('_failed'))
          process.stderr.write(`${event} ${JSON.stringify(fields).slice(0, 300)}\n`);
      },
    });
    // the audit chain is sealed in the background, as `serve` does
    const sealer = startAuditSealer(database, audit.key);
    const started = performance.now();
    // Clients submit concurrently, as API callers would, through the intake behind POST /api/v1/vouchers.
    const intake = createIntake();
    const tenant = { db, writer, companyCode: 'BENCH' };
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < n; i = next++) {
          await intake.submit(tenant, {
            connectionId,
            kind: 'voucher',
            documentId: String(i),
            document: wire(i),
          });
          worker.wake(); // as POST /api/v1/vouchers does
          // A real caller's next request arrives through the event loop; without this yield the
          // synchronous SQLite driver lets in-process submitters starve every socket (the ERP calls).
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    worker.wake();
    // Done when every posting is posted: counted as the worker commits them, then confirmed once by the
    // database. (Polling a count of the open set would itself be a load on a table full of dead row
    // versions when the server's autovacuum is off, as on this machine.)
    for (let checked = 0; ;) {
      if (posted >= n || performance.now() - checked > 5000) {
        checked = performance.now();
        if ((await openPostings(db)) === 0) break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    await worker.stop();
    unsubscribe();
    await sealer.stop();
    await sealAll(database, audit.key);
    const unsealed = await db
      .selectFrom('audit_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (unsealed.n !== 0) throw new Error(`${unsealed.n} audit entries left unsealed`);
    const times = await db.selectFrom('postings').select(['created_at', 'posted_at']).execute();
    const latencies = times
      .map((t) => Date.parse(t.posted_at ?? t.created_at) - Date.parse(t.created_at))
      .sort((a, b) => a - b);
    if (sim.ledger.vouchers.size !== n)
      throw new Error(`simulator holds ${sim.ledger.vouchers.size} vouchers, expected ${n}`);
    return {
      engine,
      case: 'hub: accept → posted',
      vouchers: n,
      seconds,
      vouchersPerSecond: n / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb: 0,
    };
  } finally {
    await database.close();
    await cleanup();
    await sim.close();
  }
}

const openPostings = async (db: TenantDb): Promise<number> =>
  (
    await db
      .selectFrom('postings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'sending', 'unknown'])
      .executeTakeFirstOrThrow()
  ).n;

const PROFILE = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_KINGDEE_SETTINGS };

/**
 * The raw baseline: map each voucher and post it, nothing persisted. `batchSize` 1 sends a Save per
 * voucher; more sends the same BatchSave calls the hub's worker makes (up to its default batch of 50),
 * so the ratio measures what the hub adds, not what batching saves.
 */
export async function rawCase(n: number, batchSize: number): Promise<PipelineRow> {
  const sim = await startDemoKingdee({});
  try {
    const client = new KingdeeClient(
      {
        baseUrl: sim.url,
        acctId: sim.acctId,
        username: 'demo',
        lcid: 2052,
        orgNumber: '0',
        auth: { kind: 'password', password: '888888' },
      },
      { now: () => new Date(), log: () => {}, timeoutMs: 30_000 },
    );
    const render = (i: number) => {
      const parsed = parseVoucher(wire(i));
      if (!parsed.ok) throw new Error('bad voucher');
      return renderGlVoucher(parsed.value, `RAW-${i}`, PROFILE);
    };
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const i = next;
          if (i >= n) break;
          const end = Math.min(n, i + batchSize);
          next = end;
          const t0 = performance.now();
          const rendered = Array.from({ length: end - i }, (_, k) => render(i + k));
          const [first] = rendered;
          if (first === undefined) throw new Error('empty batch');
          const result =
            rendered.length === 1
              ? await client.call('Save', { formid: first.erpObject, data: first.payload })
              : await client.call(
                  'BatchSave',
                  {
                    formid: first.erpObject,
                    data: { ...first.payload, Model: rendered.map((r) => r.payload['Model']) },
                  },
                  { perItem: true },
                );
          if (!result.ok) throw new Error(result.failure.message);
          const ms = performance.now() - t0;
          for (let k = i; k < end; k++) latencies.push(ms);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (sim.ledger.vouchers.size !== n)
      throw new Error(`${sim.ledger.vouchers.size} of ${n} vouchers in the ERP`);
    latencies.sort((a, b) => a - b);
    return {
      engine: '—',
      case: batchSize === 1 ? 'raw: map + Save each' : `raw: map + BatchSave of ${batchSize}`,
      vouchers: n,
      seconds,
      vouchersPerSecond: n / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb: 0,
    };
  } finally {
    await sim.close();
  }
}
