import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigError, RATE_LIMIT_SETTINGS, WORKER_DEFAULTS, WORKER_SETTINGS, loadConfig } from './config.ts';

const SETTINGS = [...Object.values(WORKER_SETTINGS), ...Object.values(RATE_LIMIT_SETTINGS)];

describe('worker and rate-limit settings', () => {
  it('read each variable, falling back to its default', () => {
    const config = loadConfig({ FINBRIDGE_WORKER_BATCH_SIZE: '7', FINBRIDGE_RATE_LIMIT_IP: '99' });
    assert.deepEqual(config.worker, { ...WORKER_DEFAULTS, batchSize: 7 });
    assert.equal(config.security.rateLimitPerIp, 99);
    assert.equal(config.security.rateLimitPerPrincipal, RATE_LIMIT_SETTINGS.rateLimitPerPrincipal.default);
  });

  it('refuse a value out of bounds, naming the variable and the bounds', () => {
    for (const setting of SETTINGS)
      assert.throws(
        () => loadConfig({ [setting.env]: String(setting.max + 1) }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message ===
            `${setting.env} must be an integer between ${setting.min} and ${setting.max}, got "${setting.max + 1}"`,
      );
  });

  it('are listed in docs/hub.md with their defaults and bounds', () => {
    const doc = readFileSync(new URL('../../docs/hub.md', import.meta.url), 'utf8');
    for (const setting of SETTINGS)
      assert.match(
        doc,
        new RegExp(`\\| \`${setting.env}\` +\\| +${setting.default} \\| ${setting.min}–${setting.max} +\\|`),
        setting.env,
      );
  });
});
