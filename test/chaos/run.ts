// npm run test:chaos -- [--vouchers 1000] [--workers 3] [--engine sqlite|postgres|both] [--seed N] [--restart-postgres]
// The full chaos run (see test/chaos/chaos.ts); a failing seed replays with --seed.
import { parseArgs } from 'node:util';
import { runChaos } from './chaos.ts';

const { values } = parseArgs({
  options: {
    vouchers: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '3' },
    engine: { type: 'string', default: 'both' },
    seed: { type: 'string' },
    'restart-postgres': { type: 'boolean', default: false },
  },
});
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const engines =
  values.engine === 'both' ? (['sqlite', 'postgres'] as const) : ([values.engine] as ['sqlite' | 'postgres']);
let failed = false;
for (const engine of engines) {
  const report = await runChaos({
    engine,
    vouchers: Number(values.vouchers),
    workers: Number(values.workers),
    seed,
    ...(process.env['FINBRIDGE_TEST_PG_URL'] ? { pgUrl: process.env['FINBRIDGE_TEST_PG_URL'] } : {}),
    killEveryMs: [500, 2500],
    restartPostgres: values['restart-postgres'],
    timeoutMs: 20 * 60_000,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const ok =
    report.inErp === report.vouchers &&
    report.distinctReferences === report.vouchers &&
    report.statuses['posted'] === report.vouchers;
  process.stdout.write(
    `${ok ? 'PASS' : 'FAIL'} ${engine}: ${report.vouchers} submitted, ${report.inErp} in the ERP (${report.distinctReferences} distinct references), ${report.kills} worker kills, ${report.postgresRestarts} PostgreSQL restarts, ${report.seconds} s, seed ${seed}\n`,
  );
  failed ||= !ok;
}
process.exitCode = failed ? 1 : 0;
