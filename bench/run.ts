// npm run bench -- <suite>   (suites: store)   — prints a results table per suite.
// Every case runs in a child process of its own, so "peak RSS" is that case's high-water mark.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printTable, type Row } from './measure.ts';
import { STORE_CASES, postgresReachable, storeCase } from './store.ts';

const self = fileURLToPath(import.meta.url);

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

const SUITES: Record<string, { title: string; run: () => Promise<Row[]> }> = {
  store: {
    title: 'Store: supplier bulk upsert (through validation and reference checks) and voucher-line insert',
    run: async () => {
      const engines = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
      return engines.flatMap((engine) => STORE_CASES.map((which) => inChild(engine, which)));
    },
  },
};

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(SUITES);
for (const name of names) {
  const suite = SUITES[name];
  if (suite === undefined) {
    process.stderr.write(`unknown benchmark suite "${name}"; known: ${Object.keys(SUITES).join(', ')}\n`);
    process.exit(2);
  }
  printTable(suite.title, await suite.run());
}
process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}\n`);
