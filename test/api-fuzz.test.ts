import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { runFuzz } from './fuzz/fuzz.ts';
import { formatFindings } from './fuzz/report.ts';

/**
 * A fixed-seed run of the API fuzzer (test/fuzz/) on every engine: every operation of the OpenAPI
 * document, valid, one-field-mutated and garbage requests; `npm run fuzz` runs the long version.
 */
const SEED = 20261128;
const REQUESTS = { sqlite: 3000, postgres: 3000 } as const;

describe('API fuzzing', () => {
  for (const engine of ENGINES) {
    it(
      `answers every operation of the OpenAPI document with problem+json and changes nothing when it refuses (${engine.engine})`,
      { timeout: 180_000 },
      async () => {
        const report = await runFuzz({ engine, requests: REQUESTS[engine.engine], seed: SEED });
        const findings = formatFindings(report);
        assert.deepEqual(report.uncovered, [], 'every operation is exercised');
        assert.equal(report.operationsCovered, report.operationsTotal);
        assert.equal(report.serverErrors, 0, `5xx answers (seed ${SEED}):\n${findings}`);
        assert.equal(
          report.nonProblem,
          0,
          `4xx answers that are not problem+json (seed ${SEED}):\n${findings}`,
        );
        assert.equal(report.halfWrites, 0, `refusals that changed data (seed ${SEED}):\n${findings}`);
        assert.equal(report.leaks, 0, `answers with another company's data (seed ${SEED}):\n${findings}`);
        assert.equal(report.crossTenant, 0, `other company's X-Tenant served (seed ${SEED}):\n${findings}`);
        assert.equal(report.errorLogLines, 0, `error log lines (seed ${SEED}):\n${findings}`);
      },
    );
  }
});
