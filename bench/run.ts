// npm run bench -- <suite>   (suites: store, pipeline, invoices, backup)   — prints a results table per suite.
// FINBRIDGE_BENCH_VOUCHERS sets the pipeline size (default 100,000); FINBRIDGE_BENCH_INVOICES the
// invoice register size (default 10,000,000).
// Every case runs in a child process of its own, so "peak RSS" is that case's high-water mark.
// The pipeline's children start with the heap sizing FinBridge ships (src/cli/heap-sizing.ts), as the
// hub's processes do; FINBRIDGE_BENCH_NODE_FLAGS replaces it ("" for V8's defaults, which size the
// young generation by the machine's memory: up to 64 MB per semi-space on this one).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NODE_HEAP_FLAGS } from '../src/cli/heap-sizing.ts';
import { printTable, type Row } from './measure.ts';
import { STORE_CASES, postgresReachable, storeCase } from './store.ts';
import { hubCase, rawCase, type PipelineRow } from './pipeline.ts';
import { DEFAULT_BATCH_SIZE } from '../src/hub/worker.ts';
import { invoicesCase, printInvoices, type InvoiceRow } from './invoices.ts';
import { backupCases } from './backup.ts';

const self = fileURLToPath(import.meta.url);

const VOUCHERS = Number(process.env['FINBRIDGE_BENCH_VOUCHERS'] ?? 100_000);

if (process.argv[2] === '--pipeline') {
  const [, , , which] = process.argv;
  const row =
    which === 'raw'
      ? await rawCase(VOUCHERS, 1)
      : which === 'raw-batch'
        ? await rawCase(VOUCHERS, DEFAULT_BATCH_SIZE)
        : await hubCase(which as 'sqlite' | 'postgres', VOUCHERS);
  process.stdout.write(JSON.stringify({ ...row, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

const INVOICES = Number(process.env['FINBRIDGE_BENCH_INVOICES'] ?? 10_000_000);

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

function pipelineInChild(which: string): PipelineRow {
  const out = execFileSync(process.execPath, [...NODE_FLAGS, self, '--pipeline', which], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as PipelineRow;
}

function printPipeline(rows: readonly PipelineRow[]): void {
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
    'peak RSS MB',
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
    r.peakRssMb.toFixed(0),
    ...baselines.map((b) =>
      r.case.startsWith('raw') ? '—' : (r.vouchersPerSecond / b.vouchersPerSecond).toFixed(2),
    ),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  process.stdout.write(
    `\nPipeline: ${VOUCHERS.toLocaleString('en-US')} vouchers into the in-process Kingdee simulator` +
      ` (node ${NODE_FLAGS.length > 0 ? NODE_FLAGS.join(' ') : 'with V8 default heap sizing'})` +
      `\n\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${body.map(line).join('\n')}\n`,
  );
}

const SUITES: Record<string, { title: string; run: () => Promise<Row[]> }> = {
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

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : [...Object.keys(SUITES), 'pipeline'];
for (const name of names) {
  if (name === 'invoices') {
    const engines = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
    printInvoices(engines.flatMap(invoicesInChild));
    continue;
  }
  if (name === 'pipeline') {
    const engines = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
    // Two baselines, each run before and after the hub (this machine's speed drifts over minutes; each
    // ratio is taken against the faster run): a Save per voucher, and the BatchSave calls the hub's
    // worker itself makes, which shows what the hub costs beyond the ERP calls it saves by batching.
    const before = ['raw', 'raw-batch'].map(pipelineInChild);
    const hub = engines.map(pipelineInChild);
    printPipeline([...before, ...hub, ...['raw-batch', 'raw'].map(pipelineInChild)]);
    continue;
  }
  const suite = SUITES[name];
  if (suite === undefined) {
    process.stderr.write(
      `unknown benchmark suite "${name}"; known: ${Object.keys(SUITES).join(', ')}, pipeline, invoices\n`,
    );
    process.exit(2);
  }
  printTable(suite.title, await suite.run());
}
process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}\n`);
