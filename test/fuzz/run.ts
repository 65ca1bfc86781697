// npm run fuzz -- [--requests 20000] [--seed N] [--engine sqlite|postgres|both] [--examples 3]
// The API fuzzer (see test/fuzz/fuzz.ts); a failing seed replays with --seed.
import { parseArgs } from 'node:util';
import { ENGINES, type EngineUnderTest } from '../support/engines.ts';
import { runFuzz } from './fuzz.ts';
import { failed, formatFindings, formatTable, type FuzzReport } from './report.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    engine: { type: 'string', default: 'both' },
    examples: { type: 'string', default: '3' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const wanted = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine];
if (wanted.includes('postgres') && !process.env['FINBRIDGE_TEST_PG_URL']) {
  say('--engine postgres needs FINBRIDGE_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  process.exit(2);
}
const engines = wanted.map((name) => ENGINES.find((e) => e.engine === name));
if (engines.some((e) => e === undefined)) {
  say(`unknown engine ${values.engine}: use sqlite, postgres or both`);
  process.exit(2);
}
const reports: FuzzReport[] = [];
for (const engine of engines as EngineUnderTest[]) {
  reports.push(
    await runFuzz({
      engine,
      requests: Number(values.requests),
      seed,
      examplesPerGroup: Number(values.examples),
      log: say,
    }),
  );
}
say('');
say(formatTable(reports));
for (const report of reports) {
  if (report.uncovered.length > 0) say(`[${report.engine}] not exercised: ${report.uncovered.join(', ')}`);
  say(`[${report.engine}] statuses: ${JSON.stringify(report.statuses)}`);
  say(
    `[${report.engine}] never answered 2xx (${report.neverSucceeded.length}): ${report.neverSucceeded.join(', ')}`,
  );
}
for (const report of reports) if (failed(report)) say(`\n${formatFindings(report)}`);
const bad = reports.some(failed);
say(`\n${bad ? 'FAIL' : 'PASS'}: seed ${seed}`);
process.exitCode = bad ? 1 : 0;
