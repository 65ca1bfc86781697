import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { companyConnectedTo } from '../../src/demo/erp.ts';
import { CONNECTORS } from '../../src/connectors/index.ts';
import { installConnectors } from '../../src/hub/connector-registry.ts';
import { startDemoKingdee } from '../support/kingdee-simulator.ts';
import { sampleReimbursement } from '../../src/demo/sample-vouchers.ts';
import { seededRandom } from '../../src/connectors/kingdee/simulator/random.ts';
import { submitVoucher } from '../../src/hub/postings.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createKeyring } from '../../src/platform/security/keyring.ts';
import { createSchemaIfMissing, openDatabase, type OpenDatabase } from '../../src/platform/store/database.ts';
import { migrateToLatest } from '../../src/platform/store/migrate.ts';

installConnectors(CONNECTORS);

/**
 * The chaos run: N vouchers through worker *processes* that are SIGKILLed at random moments and
 * restarted, against a simulator injecting every fault at once (and, on PostgreSQL, optionally a
 * database restart). Passes when the simulator's own ExecuteBillQuery holds exactly N vouchers with N
 * distinct references and every posting is terminal, with no manual step. Every run prints its seed.
 */
export interface ChaosOptions {
  readonly engine: 'sqlite' | 'postgres';
  readonly vouchers: number;
  readonly workers: number;
  readonly seed: number;
  readonly pgUrl?: string;
  readonly killEveryMs: readonly [number, number];
  readonly restartPostgres?: boolean;
  readonly timeoutMs: number;
  readonly log?: (line: string) => void;
}

export interface ChaosReport {
  readonly seed: number;
  readonly engine: string;
  readonly vouchers: number;
  readonly inErp: number;
  readonly distinctReferences: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly kills: number;
  readonly postgresRestarts: number;
  readonly seconds: number;
  readonly simulator: Readonly<Record<string, number>>;
}

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;

async function openChaosDatabase(
  options: ChaosOptions,
): Promise<{ database: OpenDatabase; url: string; cleanup: () => Promise<void> }> {
  if (options.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-chaos-'));
    const url = `sqlite:${join(dir, 'chaos.db')}`;
    return {
      database: openDatabase(url),
      url,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = options.pgUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `chaos_${randomBytes(4).toString('hex')}`;
  await createSchemaIfMissing(base, schema);
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    database: openDatabase(base, { schema }),
    url,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

/** Counts vouchers in the simulator through its own WebAPI (login + paged ExecuteBillQuery). */
async function vouchersInErp(url: string, acctId: string): Promise<Map<number, string>> {
  const login = await fetch(`${url}Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ acctID: acctId, username: 'demo', password: '888888', lcid: 2052 }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const byVoucher = new Map<number, string>();
  for (let start = 0; ; start += 2000) {
    const res = await fetch(
      `${url}Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery.common.kdsvc`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          data: {
            FormId: 'GL_VOUCHER',
            FieldKeys: 'FVOUCHERID,FBUSNO',
            FilterString: "FBUSNO like 'FB-CHAOS-%'",
            OrderString: 'FVOUCHERID ASC',
            StartRow: start,
            Limit: 2000,
          },
        }),
      },
    );
    const rows = (await res.json()) as [number, string][];
    for (const [id, reference] of rows) byVoucher.set(id, reference);
    if (rows.length < 2000) break;
  }
  return byVoucher;
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const started = Date.now();
  log(
    `chaos: seed ${options.seed}, ${options.engine}, ${options.vouchers} vouchers, ${options.workers} worker processes`,
  );
  const sim = await startDemoKingdee({
    seed: options.seed,
    errorRate: 0.05,
    timeoutRate: 0.03,
    dropAfterCommitRate: 0.08,
    throttleRps: 400,
    latencyMs: 1,
    sessionTtlS: 5,
  });
  const { database, url, cleanup } = await openChaosDatabase(options);
  const masterKey = randomBytes(32);
  const workers = new Set<ChildProcess>();
  let kills = 0;
  let postgresRestarts = 0;
  let stopping = false;
  try {
    await migrateToLatest(database);
    const keyring = createKeyring(masterKey);
    const audit = { key: randomBytes(32), clock: fixedClock('2026-11-28T08:00:00Z') };
    const writer = { actor: 'system:chaos', audit };
    const { db, connectionId } = await companyConnectedTo(sim, database, keyring, writer, 'CHAOS', 500);
    for (let i = 0; i < options.vouchers; i++) {
      await submitVoucher(db, writer, 'CHAOS', {
        connectionId,
        documentId: String(i),
        voucher: sampleReimbursement(i, 'CHAOS'),
      });
    }
    const env = {
      ...process.env,
      DATABASE_URL: url,
      FINBRIDGE_MASTER_KEY: masterKey.toString('base64'),
      LOG_LEVEL: 'warn',
      FINBRIDGE_WORKER_CONCURRENCY: '8',
      FINBRIDGE_WORKER_LEASE_MS: '3000',
      FINBRIDGE_WORKER_CALL_TIMEOUT_MS: '800',
      FINBRIDGE_WORKER_POLL_MS: '25',
      FINBRIDGE_WORKER_BACKOFF_MS: '50',
      FINBRIDGE_WORKER_BACKOFF_MAX_MS: '1000',
      FINBRIDGE_WORKER_MAX_ATTEMPTS: '200',
    };
    const spawnWorker = () => {
      const child = spawn(process.execPath, [CLI, 'worker'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      workers.add(child);
      // A worker that dies on its own (e.g. its database went away) is replaced like a killed one.
      child.once('exit', (code, signal) => {
        workers.delete(child);
        if (!stopping && signal !== 'SIGKILL') {
          log(`chaos: worker exited by itself (${String(code ?? signal)}), restarting it`);
          spawnWorker();
        }
      });
    };
    for (let i = 0; i < options.workers; i++) spawnWorker();

    const counts = async (): Promise<Record<string, number>> => {
      const rows = await db
        .selectFrom('postings')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    };
    let nextKill = Date.now() + options.killEveryMs[0];
    let restartedPostgres = false;
    for (;;) {
      let statuses: Record<string, number>;
      try {
        statuses = await counts();
      } catch {
        await new Promise((r) => setTimeout(r, 500)); // the database is restarting
        continue;
      }
      const open = (statuses['pending'] ?? 0) + (statuses['sending'] ?? 0) + (statuses['unknown'] ?? 0);
      if (open === 0) break;
      if (Date.now() - started > options.timeoutMs)
        throw new Error(`chaos timed out (seed ${options.seed}): ${JSON.stringify(statuses)}`);
      if (Date.now() >= nextKill && workers.size > 0) {
        const victims = [...workers];
        const victim = victims[Math.floor(random() * victims.length)];
        victim?.kill('SIGKILL');
        kills += 1;
        spawnWorker();
        nextKill =
          Date.now() + options.killEveryMs[0] + random() * (options.killEveryMs[1] - options.killEveryMs[0]);
      }
      if (
        options.engine === 'postgres' &&
        options.restartPostgres === true &&
        !restartedPostgres &&
        (statuses['posted'] ?? 0) > options.vouchers / 3
      ) {
        restartedPostgres = true;
        log('chaos: restarting PostgreSQL');
        const restart = spawn(
          'bash',
          ['-c', 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart'],
          { stdio: 'inherit' },
        );
        await new Promise((resolve) => restart.once('exit', resolve));
        postgresRestarts += 1;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    stopping = true;
    for (const w of workers) w.kill('SIGTERM');
    sim.setFaults({ errorRate: 0, timeoutRate: 0, dropAfterCommitRate: 0, throttleRps: 0, latencyMs: 0 });
    const inErp = await vouchersInErp(sim.url, sim.acctId);
    const report: ChaosReport = {
      seed: options.seed,
      engine: options.engine,
      vouchers: options.vouchers,
      inErp: inErp.size,
      distinctReferences: new Set(inErp.values()).size,
      statuses: await counts(),
      kills,
      postgresRestarts,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      simulator: { ...sim.stats },
    };
    log(`chaos: ${JSON.stringify(report)}`);
    if (report.inErp !== report.distinctReferences)
      await explainDuplicates(database, inErp, (id) => sim.ledger.vouchers.get(id)?.createdAt, log);
    return report;
  } finally {
    stopping = true;
    for (const w of workers) w.kill('SIGKILL');
    await sim.close();
    await database.close();
    await cleanup();
  }
}

/** For a failed run: each reference the ERP holds more than once, with its posting's trace. */
async function explainDuplicates(
  database: OpenDatabase,
  inErp: ReadonlyMap<number, string>,
  createdAt: (voucherId: number) => string | undefined,
  log: (line: string) => void,
): Promise<void> {
  const vouchersOf = new Map<string, number[]>();
  for (const [id, reference] of inErp) vouchersOf.set(reference, [...(vouchersOf.get(reference) ?? []), id]);
  for (const [reference, ids] of vouchersOf) {
    if (ids.length < 2) continue;
    const events = await database.db
      .selectFrom('posting_events as e')
      .innerJoin('postings as p', 'p.id', 'e.posting_id')
      .select(['e.seq', 'e.at', 'e.kind', 'e.detail_json'])
      .where('p.external_reference', '=', reference)
      .orderBy('e.seq')
      .execute();
    log(
      `chaos: ${reference} is in the ERP ${ids.length} times (${ids.map((id) => `voucher ${id} created ${createdAt(id) ?? '?'}`).join(', ')}); its trace:`,
    );
    for (const e of events) log(`  ${e.seq} ${e.at} ${e.kind} ${e.detail_json.slice(0, 240)}`);
  }
}
