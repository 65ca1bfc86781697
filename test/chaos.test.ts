import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONNECTORS } from '../src/connectors/index.ts';
import { ENGINES } from './support/engines.ts';
import { runChaos } from './chaos/chaos.ts';

// The reduced chaos run inside `npm test`, for every installed ERP: worker processes SIGKILLed at
// random moments while the ERP's simulator injects every fault at once. The full run is
// `npm run test:chaos` (1,000 vouchers per ERP, PostgreSQL restart included). A failing seed replays
// with `npm run test:chaos -- --type <type> --seed N`.
const seed = Number(process.env['FINBRIDGE_CHAOS_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

// A connector that holds sessions (the file exchange's SFTP: a handshake, then a write, then an
// acknowledgement polled) needs more than a second between kills to finish one call; killed every
// 0.6–1.8 s on a loaded two-core machine it mostly reconnects. Every 1.5–4 s still kills it mid-call a
// dozen times per engine.
const killEveryMs = (manifest: (typeof CONNECTORS)[number]['manifest']): [number, number] =>
  manifest.urlSchemes === undefined ? [600, 1800] : [1500, 4000];

for (const { manifest } of CONNECTORS) {
  describe(`chaos (reduced): ${manifest.id}`, () => {
    for (const { engine } of ENGINES) {
      it(`posts every voucher exactly once into ${manifest.id} through killed workers and every fault on ${engine} (seed ${seed})`, async () => {
        const report = await runChaos({
          type: manifest.id,
          engine,
          vouchers: 100,
          workers: 2,
          seed,
          ...(process.env['FINBRIDGE_TEST_PG_URL'] ? { pgUrl: process.env['FINBRIDGE_TEST_PG_URL'] } : {}),
          // A worker process takes about a second to start: kills every 0.3–1.2 s left it mostly
          // starting, and a loaded CI machine near the timeout. Every 0.6–1.8 s still kills it at random
          // points of its work (a dozen or more times per engine) and finishes in well under a minute.
          killEveryMs: killEveryMs(manifest),
          timeoutMs: 240_000,
        });
        console.log(
          `chaos (${manifest.id}, ${engine}, seed ${seed}): ${report.inErp}/${report.vouchers} in the ERP, ${report.kills} kills, ${report.seconds} s, ${JSON.stringify(report.simulator)}`,
        );
        assert.equal(report.inErp, report.vouchers, `seed ${seed}`);
        assert.equal(report.distinctReferences, report.vouchers, `seed ${seed}`);
        assert.deepEqual(report.statuses, { posted: report.vouchers }, `seed ${seed}`);
        assert.equal(report.untraced, 0, `every posted posting's trace says so (seed ${seed})`);
        assert.ok(report.kills > 0, 'workers were killed');
      });
    }
  });
}
