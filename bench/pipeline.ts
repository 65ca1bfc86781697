import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { startErpProcess, type ErpAddress, type ErpFigures } from './erp-process.ts';
import { sampleReimbursement } from '../src/demo/sample-vouchers.ts';
import { createIntake } from '../src/hub/intake.ts';
import { DEFAULT_BATCH_SIZE, startWorker } from '../src/hub/worker.ts';
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
  /** Voucher lines, when vouchers have more than two (the month-end run). */
  readonly lines?: number;
  readonly seconds: number;
  readonly vouchersPerSecond: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** The process's peak RSS when the work was done (0: at its end, filled in by bench/pipeline-child.ts). */
  readonly peakRssMb: number;
  /** CPU time of this process (hub, simulator and submitters, or the raw client and simulator) per voucher. */
  readonly cpuUsPerVoucher?: number;
  /** CPU time of the PostgreSQL server's backends serving this process, per voucher. */
  readonly serverCpuUsPerVoucher?: number | null;
  /** CPU time of the ERP simulator's process per voucher (null when it ran inside this process). */
  readonly erpCpuUsPerVoucher?: number | null;
  /** The ERP simulator's process's peak RSS (null when it ran inside this process). */
  readonly erpPeakRssMb?: number | null;
}

/**
 * Where the ERP simulator runs: `process` (the default) a process of its own, as a real ERP is never
 * inside the hub's; `inline` inside the benchmark's process, as the runs before 4 Dec 2026 measured
 * (its book's memory and CPU then count as the hub's, and the raw client's).
 */
const ERP_PLACEMENT = process.env['FINBRIDGE_BENCH_ERP'] === 'inline' ? 'inline' : 'process';

interface BenchErp extends ErpAddress {
  figures(): Promise<ErpFigures | null>;
  vouchers(): Promise<number>;
  close(): Promise<void>;
}

async function startErp(latencyMs: number): Promise<BenchErp> {
  if (ERP_PLACEMENT === 'process') {
    const erp = await startErpProcess({ latencyMs });
    return { ...erp, vouchers: async () => (await erp.figures()).vouchers };
  }
  const sim = await startDemoKingdee({ latencyMs });
  return {
    url: sim.url,
    acctId: sim.acctId,
    connection: sim.connection,
    figures: async () => null,
    vouchers: async () => sim.ledger.vouchers.size,
    close: () => sim.close(),
  };
}

/** The ERP process's CPU per voucher and peak RSS over a case (null for an ERP inside this process). */
const erpFigures = (before: ErpFigures | null, after: ErpFigures | null, n: number) =>
  before === null || after === null
    ? { erpCpuUsPerVoucher: null, erpPeakRssMb: null }
    : { erpCpuUsPerVoucher: ((after.cpuMs - before.cpuMs) * 1000) / n, erpPeakRssMb: after.peakRssMb };

/** Vouchers per case unless set otherwise (FINBRIDGE_BENCH_VOUCHERS). */
export const VOUCHERS = Number(process.env['FINBRIDGE_BENCH_VOUCHERS'] ?? 100_000);

/** Submitters and, unless set otherwise, ERP calls in flight. */
const CONCURRENCY = 32;

const wire = (i: number) => sampleReimbursement(i, 'BENCH');

/** How a case runs: the ERP's latency, calls in flight, and for the hub how documents arrive. */
export interface CaseOptions {
  /** The case's name in the table (defaults by kind). */
  readonly name?: string;
  /** Every ERP call answered after this long (ms). */
  readonly erpLatencyMs?: number;
  /** ERP calls in flight at once (the raw client's, the worker's concurrency). */
  readonly inFlight?: number;
  /** The hub worker's documents per ERP call (default: the worker's default, 50). */
  readonly batchSize?: number;
  /** Open loop: submissions at this rate (per second) instead of as fast as they are answered. */
  readonly ratePerSecond?: number;
  /** Whether the intake hands postings to the worker while it has room (default) or leaves them all to its claims. */
  readonly handOver?: boolean;
  /** The documents (default: the two-line reimbursement). */
  readonly document?: (i: number) => { readonly voucher: Record<string, unknown>; readonly lines: number };
}

const reimbursement = (i: number) => ({ voucher: wire(i), lines: 2 });

/**
 * A month-end voucher as a close produces them: most are small accruals and reclassifications, some
 * allocate an expense across departments and projects (dozens of lines), a few carry a whole ledger's
 * balances (depreciation per asset, profit-and-loss transfer: hundreds of lines, up to the model's
 * 1,000). Debits to 管理费用-差旅费 per line, one credit of the total to 其他应付款.
 */
export function monthEndVoucher(i: number): { voucher: Record<string, unknown>; lines: number } {
  const debits = monthEndDebits(i);
  const summary = `月末结转-${i}`;
  let totalCents = 0;
  const lines: Record<string, unknown>[] = [];
  for (let k = 0; k < debits; k++) {
    const cents = 100 + ((i * 31 + k * 17) % 99_900);
    totalCents += cents;
    lines.push({
      summary,
      accountCode: '660202',
      debit: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
      aux: { department: 'RND', employee: 'E018' },
    });
  }
  lines.push({
    summary,
    accountCode: '224101',
    credit: `${Math.floor(totalCents / 100)}.${String(totalCents % 100).padStart(2, '0')}`,
    aux: { employee: 'E018' },
  });
  return {
    voucher: {
      companyCode: 'BENCH',
      date: '2026-11-30',
      period: '2026-11',
      word: '转',
      currency: 'CNY',
      summary,
      lines,
    },
    lines: lines.length,
  };
}

/** Debit lines of the i-th month-end voucher: 1 in 20 has 200–998, 5 in 20 have 20–100, the rest 1–7. */
function monthEndDebits(i: number): number {
  const band = i % 20;
  return band === 0 ? 200 + ((i * 37) % 799) : band <= 5 ? 20 + ((i * 13) % 81) : 1 + ((i * 7) % 7);
}

/** How many month-end vouchers carry at least `lines` lines between them. */
export function monthEndVouchersFor(lines: number): number {
  let n = 0;
  for (let total = 0; total < lines; n++) total += monthEndDebits(n) + 1;
  return n;
}

/** CPU time (ms) of the PostgreSQL backends serving connections named `application`, by process. */
async function backendCpuMs(url: string, application: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [application],
    );
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        // utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux)
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        out.set(pid, ((Number(fields[11]) || 0) + (Number(fields[12]) || 0)) * 10);
      } catch {
        // a server on another machine: no figures
      }
    }
    return out;
  } finally {
    await client.end();
  }
}

const cpuSpentMs = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

async function openBench(engine: 'sqlite' | 'postgres'): Promise<{
  database: OpenDatabase;
  cleanup: () => Promise<void>;
  serverCpuMs: () => Promise<Map<number, number>>;
}> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-pipeline-'));
    return {
      database: openDatabase(`sqlite:${join(dir, 'bench.db')}`),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      serverCpuMs: async () => new Map(),
    };
  }
  const url = pgBenchUrl();
  const schema = `pipe_${randomBytes(4).toString('hex')}`;
  await createSchemaIfMissing(url, schema);
  // the backends serving this case are told apart by their application name
  const application = `finbridge-bench-${schema}`;
  const named = `${url}${url.includes('?') ? '&' : '?'}application_name=${application}`;
  return {
    database: openDatabase(named, { schema, poolSize: 20 }),
    serverCpuMs: () => backendCpuMs(url, application),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema "${schema}" cascade`);
      await client.end();
    },
  };
}

export async function hubCase(
  engine: 'sqlite' | 'postgres',
  n: number,
  options: CaseOptions = {},
): Promise<PipelineRow> {
  const document = options.document ?? reimbursement;
  const sim = await startErp(options.erpLatencyMs ?? 0);
  const { database, cleanup, serverCpuMs } = await openBench(engine);
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
      concurrency: options.inFlight ?? CONCURRENCY,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      leaseMs: 120_000,
      callTimeoutMs: 30_000,
      log: (event, fields) => {
        if (event.endsWith('_failed'))
          process.stderr.write(`${event} ${JSON.stringify(fields).slice(0, 300)}\n`);
      },
    });
    // the audit chain is sealed in the background, as `serve` does
    const sealer = startAuditSealer(database, audit.key);
    const serverBefore = await serverCpuMs();
    const erpBefore = await sim.figures();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    // Clients submit concurrently, as API callers would, through the intake behind POST /api/v1/vouchers.
    // Without the hand-over the worker claims every posting, as before ADR 0023.
    const intake = createIntake(
      options.handOver === false
        ? { worker: { reserve: () => undefined, wake: () => worker.wake() } }
        : { worker },
    );
    const tenant = { db, writer, companyCode: 'BENCH' };
    let next = 0;
    let lines = 0;
    const submit = async (i: number) => {
      const { voucher, lines: count } = document(i);
      lines += count;
      await intake.submit(tenant, {
        connectionId,
        kind: 'voucher',
        documentId: String(i),
        document: voucher,
      });
      // the intake hands the posting to the worker or wakes it, as behind POST /api/v1/vouchers
    };
    const rate = options.ratePerSecond;
    if (rate === undefined)
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < n; i = next++) {
            await submit(i);
            // A real caller's next request arrives through the event loop; without this yield the
            // synchronous SQLite driver lets in-process submitters starve every socket (the ERP calls).
            await new Promise((resolve) => setImmediate(resolve));
          }
        }),
      );
    else {
      // Open loop: each submission at its own moment, whether or not the ones before it are answered.
      const answers: Promise<void>[] = [];
      while (next < n) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate) + 1;
        while (next < Math.min(n, due)) answers.push(submit(next++));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await Promise.all(answers);
    }
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
    const cpu = process.cpuUsage(cpuBefore);
    const serverMs = cpuSpentMs(serverBefore, await serverCpuMs());
    const erpAfter = await sim.figures();
    await worker.stop();
    unsubscribe();
    await sealer.stop();
    await sealAll(database, audit.key);
    // the hub's high-water mark, before this benchmark reads every posting back for its latencies
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const unsealed = await db
      .selectFrom('audit_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (unsealed.n !== 0) throw new Error(`${unsealed.n} audit entries left unsealed`);
    const times = await db.selectFrom('postings').select(['created_at', 'posted_at']).execute();
    const latencies = times
      .map((t) => Date.parse(t.posted_at ?? t.created_at) - Date.parse(t.created_at))
      .sort((a, b) => a - b);
    const held = await sim.vouchers();
    if (held !== n) throw new Error(`simulator holds ${held} vouchers, expected ${n}`);
    return {
      engine,
      case: options.name ?? 'hub: accept → posted',
      vouchers: n,
      ...(options.document === undefined ? {} : { lines }),
      seconds,
      vouchersPerSecond: n / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb,
      cpuUsPerVoucher: (cpu.user + cpu.system) / n,
      serverCpuUsPerVoucher: engine === 'postgres' ? (serverMs * 1000) / n : null,
      ...erpFigures(erpBefore, erpAfter, n),
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
      .selectFrom('posting_queue')
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
export async function rawCase(n: number, batchSize: number, options: CaseOptions = {}): Promise<PipelineRow> {
  const sim = await startErp(options.erpLatencyMs ?? 0);
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
    const erpBefore = await sim.figures();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.inFlight ?? CONCURRENCY }, async () => {
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
    const cpu = process.cpuUsage(cpuBefore);
    const erpAfter = await sim.figures();
    const held = await sim.vouchers();
    if (held !== n) throw new Error(`${held} of ${n} vouchers in the ERP`);
    latencies.sort((a, b) => a - b);
    return {
      engine: '—',
      case:
        options.name ?? (batchSize === 1 ? 'raw: map + Save each' : `raw: map + BatchSave of ${batchSize}`),
      vouchers: n,
      seconds,
      vouchersPerSecond: n / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb: 0,
      cpuUsPerVoucher: (cpu.user + cpu.system) / n,
      serverCpuUsPerVoucher: null,
      ...erpFigures(erpBefore, erpAfter, n),
    };
  } finally {
    await sim.close();
  }
}

/** A pipeline case's settings as passed to its child process (bench/pipeline-child.ts). */
export interface ChildCase extends Omit<CaseOptions, 'document'> {
  readonly vouchers?: number;
  readonly monthEnd?: boolean;
}

/** Runs one case: `raw` (Save each), `raw-batch` (BatchSave) or the hub on `sqlite` / `postgres`. */
export function runPipelineCase(which: string, settings: ChildCase): Promise<PipelineRow> {
  const { vouchers = VOUCHERS, monthEnd = false, ...options } = settings;
  if (which === 'raw') return rawCase(vouchers, 1, options);
  if (which === 'raw-batch') return rawCase(vouchers, options.batchSize ?? DEFAULT_BATCH_SIZE, options);
  return hubCase(which as 'sqlite' | 'postgres', vouchers, {
    ...options,
    ...(monthEnd ? { document: monthEndVoucher } : {}),
  });
}
