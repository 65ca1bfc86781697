// npm run bench -- <suite>   (suites: store, pipeline, month-end, invoices, backup, console, analytics)   — prints a
// results table per suite. `console` (the web console in Debian's Chromium against `serve --demo`, with
// its budgets and PASS/FAIL; FINBRIDGE_BENCH_INBOX_TASKS sets the inbox size, default 10,000) runs only
// when named.
// FINBRIDGE_BENCH_VOUCHERS sets the pipeline size (default 100,000); FINBRIDGE_BENCH_LINES the month-end
// run's voucher lines (default 1,000,000); FINBRIDGE_BENCH_INVOICES the invoice register size (default
// 10,000,000).
// Every case runs in a child process of its own, so "peak RSS" is that case's high-water mark.
// The pipeline's children start with the heap sizing FinBridge ships (src/cli/heap-sizing.ts), as the
// hub's processes do; FINBRIDGE_BENCH_NODE_FLAGS replaces it ("" for V8's defaults, which size the
// young generation by the machine's memory: up to 64 MB per semi-space on this one).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NODE_HEAP_FLAGS } from '../src/cli/heap-sizing.ts';
import { printTable, type Row } from './measure.ts';
import { STORE_CASES, postgresReachable, storeCase } from './store.ts';
import { monthEndVouchersFor, VOUCHERS, type ChildCase, type PipelineRow } from './pipeline.ts';
import { invoicesCase, printInvoices, type InvoiceRow } from './invoices.ts';
import { backupCases } from './backup.ts';
import { consoleBench } from './console.ts';

const self = fileURLToPath(import.meta.url);
const PIPELINE_CHILD = fileURLToPath(new URL('./pipeline-child.ts', import.meta.url));

const INVOICES = Number(process.env['FINBRIDGE_BENCH_INVOICES'] ?? 10_000_000);
const LINES = Number(process.env['FINBRIDGE_BENCH_LINES'] ?? 1_000_000);
/** The slow ERP of the pipeline suite: its answer time, and how many vouchers (it runs at 500/s). */
const SLOW_ERP_MS = 20;
const SLOW_ERP_VOUCHERS = Math.min(VOUCHERS, 10_000);

if (process.argv[2] === '--invoices') {
  const rows = await invoicesCase(process.argv[3] as 'sqlite' | 'postgres', INVOICES);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(rows.map((r) => ({ ...r, peakRssMb }))) + '\n');
  process.exit(0);
}

if (process.argv[2] === '--case') {
  const [, , , engine, which] = process.argv;
  const row = await storeCase(engine as 'sqlite' | 'postgres', which as (typeof STORE_CASES)[number]);
  const peakRssMb = Math.max(row.peakRssMb, process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ...row, peakRssMb }) + '\n');
  process.exit(0);
}

function inChild(engine: string, which: string): Row {
  const out = execFileSync(process.execPath, ['--expose-gc', self, '--case', engine, which], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Row;
}

const NODE_FLAGS = (process.env['FINBRIDGE_BENCH_NODE_FLAGS'] ?? NODE_HEAP_FLAGS.join(' '))
  .split(' ')
  .filter((f) => f !== '');

function pipelineInChild(which: string, options: ChildCase = {}): PipelineRow {
  const out = execFileSync(
    process.execPath,
    [...NODE_FLAGS, PIPELINE_CHILD, which, JSON.stringify(options)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as PipelineRow;
}

function printPipeline(title: string, rows: readonly PipelineRow[]): void {
  const withLines = rows.some((r) => r.lines !== undefined);
  // each hub row against the fastest run of each baseline
  const baselines = [...new Set(rows.filter((r) => r.case.startsWith('raw')).map((r) => r.case))].map(
    (name) =>
      rows
        .filter((r) => r.case === name)
        .reduce((best, r) => (r.vouchersPerSecond > best.vouchersPerSecond ? r : best)),
  );
  const header = [
    'engine',
    'case',
    'vouchers',
    'seconds',
    'vouchers/s',
    'p50 ms',
    'p99 ms',
    ...(withLines ? ['lines/s'] : []),
    'peak RSS MB',
    'CPU µs/voucher',
    'PG server µs/voucher',
    'ERP CPU µs/voucher',
    'ERP peak RSS MB',
    ...baselines.map((b) => `hub/raw (${b.case.replace('raw: map + ', '')})`),
  ];
  const body = rows.map((r) => [
    r.engine,
    r.case,
    String(r.vouchers),
    r.seconds.toFixed(1),
    Math.round(r.vouchersPerSecond).toLocaleString('en-US'),
    r.p50Ms === null ? '—' : r.p50Ms.toFixed(0),
    r.p99Ms === null ? '—' : r.p99Ms.toFixed(0),
    ...(withLines ? [Math.round((r.lines ?? 0) / r.seconds).toLocaleString('en-US')] : []),
    r.peakRssMb.toFixed(0),
    r.cpuUsPerVoucher === undefined ? '—' : r.cpuUsPerVoucher.toFixed(0),
    r.serverCpuUsPerVoucher === undefined || r.serverCpuUsPerVoucher === null
      ? '—'
      : r.serverCpuUsPerVoucher.toFixed(0),
    r.erpCpuUsPerVoucher === undefined || r.erpCpuUsPerVoucher === null
      ? '—'
      : r.erpCpuUsPerVoucher.toFixed(0),
    r.erpPeakRssMb === undefined || r.erpPeakRssMb === null ? '—' : r.erpPeakRssMb.toFixed(0),
    ...baselines.map((b) =>
      r.case.startsWith('raw') ? '—' : (r.vouchersPerSecond / b.vouchersPerSecond).toFixed(2),
    ),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  process.stdout.write(
    `\n${title} (node ${NODE_FLAGS.length > 0 ? NODE_FLAGS.join(' ') : 'with V8 default heap sizing'})` +
      `\n\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${body.map(line).join('\n')}\n`,
  );
}

const SUITES: Record<string, { title: string; run: () => Promise<Row[]> }> = {
  'bank-match': (await import('./bank-match.ts')).BANK_MATCH_SUITE,
  'post-audit': (await import('./post-audit.ts')).POST_AUDIT_SUITE,
  reconcile: (await import('./reconcile.ts')).RECONCILE_SUITE,
  import: (await import('./import.ts')).IMPORT_SUITE,
  backup: {
    title: `Backup and restore: the demo company plus ${Number(process.env['FINBRIDGE_BENCH_BACKUP_ROWS'] ?? 200_000).toLocaleString('en-US')} trace events (rows counted: trace events + employees)`,
    run: async () => backupCases(await postgresReachable()),
  },
  store: {
    title: 'Store: supplier bulk upsert (through validation and reference checks) and voucher-line insert',
    run: async () => {
      const engines = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
      return engines.flatMap((engine) => STORE_CASES.map((which) => inChild(engine, which)));
    },
  },
};

function invoicesInChild(engine: string): InvoiceRow[] {
  const out = execFileSync(process.execPath, [self, '--invoices', engine], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as InvoiceRow[];
}

const pgReachable = await postgresReachable();
const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : [...Object.keys(SUITES), 'pipeline'];
for (const name of names) {
  if (name === 'startup') {
    await (await import('./startup.ts')).startupSuite(); // FINBRIDGE_BENCH_STARTUP_RUNS, default 5
    continue;
  }
  if (name === 'invoices') {
    const engines = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
    printInvoices(engines.flatMap(invoicesInChild));
    continue;
  }
  if (name === 'analytics') {
    // 10,000,000 claim lines on PostgreSQL and 1,000,000 on SQLite by default: run only when named
    const { ANALYTICS_SUITE } = await import('./analytics.ts');
    await ANALYTICS_SUITE.run(); // prints its own table (percentiles beside loads and scans)
    continue;
  }
  if (name === 'console') {
    if (!(await consoleBench())) process.exitCode = 1;
    continue;
  }
  if (name === 'pipeline') {
    const engines = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
    // Two baselines, each run before and after the hub (this machine's speed drifts over minutes; each
    // ratio is taken against the faster run): a Save per voucher, and the BatchSave calls the hub's
    // worker itself makes, which shows what the hub costs beyond the ERP calls it saves by batching.
    const before = ['raw', 'raw-batch'].map((which) => pipelineInChild(which));
    const hub = engines.map((which) => pipelineInChild(which));
    // the same with every posting left to the worker's claims, as before the intake handed them over
    const claimed = { handOver: false, name: 'hub, every posting claimed (no hand-over)' };
    const hubClaiming = engines.map((which) => pipelineInChild(which, claimed));
    const after = ['raw-batch', 'raw'].map((which) => pipelineInChild(which));
    printPipeline(
      `Pipeline: ${VOUCHERS.toLocaleString('en-US')} vouchers into the Kingdee simulator (${process.env['FINBRIDGE_BENCH_ERP'] === 'inline' ? 'inside the benchmark process' : 'a process of its own'})`,
      [...before, ...hub, ...hubClaiming, ...after],
    );
    // A slow ERP: every call answered after 20 ms and one call in flight, BatchSave of 10 — a pace (500
    // vouchers/s) that the ERP sets, not the machine; raw and hub make the same calls. The hub should
    // keep the ERP as busy as the raw client does: its database work between two calls must not hold up
    // the next call.
    const slow = { erpLatencyMs: SLOW_ERP_MS, inFlight: 1, batchSize: 10, vouchers: SLOW_ERP_VOUCHERS };
    const slowTitle = `${SLOW_ERP_MS} ms ERP, BatchSave of 10, 1 call in flight`;
    const slowRaw = () => pipelineInChild('raw-batch', { ...slow, name: `raw: ${slowTitle}` });
    printPipeline(
      `Pipeline with a slow ERP: ${SLOW_ERP_VOUCHERS.toLocaleString('en-US')} vouchers, ${slowTitle}`,
      [
        slowRaw(),
        ...engines.map((which) => pipelineInChild(which, { ...slow, name: `hub, ${slowTitle}` })),
        slowRaw(),
      ],
    );
    // Half load: submissions arrive at half the rate the hub managed on the same engine in this run, and
    // the latency from acceptance to posted is what a caller waits.
    const half = hub.flatMap((row) =>
      [true, false].map((handOver) =>
        pipelineInChild(row.engine, {
          ratePerSecond: Math.round(row.vouchersPerSecond / 2),
          vouchers: Math.min(VOUCHERS, Math.round(row.vouchersPerSecond * 10)),
          handOver,
          name: `hub at half load (${Math.round(row.vouchersPerSecond / 2).toLocaleString('en-US')}/s offered)${handOver ? '' : ', no hand-over'}`,
        }),
      ),
    );
    printPipeline('Pipeline at half load: accept → posted latency', [...before, ...half, ...after]);
    continue;
  }
  if (name === 'month-end') {
    const engines = (process.env['FINBRIDGE_BENCH_MONTH_END_ENGINES'] ?? 'postgres')
      .split(',')
      .filter((e) => e === 'sqlite' || (e === 'postgres' && pgReachable));
    const vouchers = monthEndVouchersFor(LINES);
    printPipeline(
      `Month-end: ${LINES.toLocaleString('en-US')} lines in ${vouchers.toLocaleString('en-US')} vouchers (2–999 lines each) through the hub`,
      engines.map((which) =>
        pipelineInChild(which, { vouchers, monthEnd: true, name: 'hub: month-end close' }),
      ),
    );
    continue;
  }
  const suite = SUITES[name];
  if (suite === undefined) {
    process.stderr.write(
      `unknown benchmark suite "${name}"; known: ${Object.keys(SUITES).join(', ')}, pipeline, month-end, invoices, analytics, console, startup\n`,
    );
    process.exit(2);
  }
  printTable(suite.title, await suite.run());
}
process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}\n`);
