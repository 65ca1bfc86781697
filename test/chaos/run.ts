// npm run test:chaos -- [--type kingdee-k3cloud|yonyou-u8|…|all] [--vouchers 1000] [--workers 3]
//                        [--engine sqlite|postgres|both] [--seed N] [--restart-postgres]
// The full chaos run (see test/chaos/chaos.ts), per connection type; a failing seed replays with --seed.
import { parseArgs } from 'node:util';
import { CONNECTORS } from '../../src/connectors/index.ts';
import { runChaos } from './chaos.ts';

const { values } = parseArgs({
  options: {
    type: { type: 'string', default: 'all' },
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
const types = values.type === 'all' ? CONNECTORS.map((c) => c.manifest.id) : [values.type];
const rows: string[] = [];
let failed = false;
for (const type of types) {
  for (const engine of engines) {
    const report = await runChaos({
      type,
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
      report.statuses['posted'] === report.vouchers &&
      report.untraced === 0;
    rows.push(
      `| ${type} | ${engine} | ${ok ? 'PASS' : 'FAIL'} | ${report.vouchers} | ${report.inErp} | ${report.distinctReferences} | ${report.untraced} | ${report.kills} | ${report.postgresRestarts} | ${report.seconds} |`,
    );
    failed ||= !ok;
  }
}
process.stdout.write(
  [
    `\nchaos, seed ${seed}`,
    '| connector | engine | result | submitted | in the ERP | distinct references | untraced | worker kills | PostgreSQL restarts | seconds |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n'),
);
process.exitCode = failed ? 1 : 0;
