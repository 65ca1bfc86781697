import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  ConfigError,
  RATE_LIMIT_SETTINGS,
  TELEMETRY_SETTINGS,
  WORKER_DEFAULTS,
  WORKER_SETTINGS,
  loadConfig,
} from './config.ts';

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

describe('tracing settings', () => {
  it('leave tracing off (no endpoint) unless an OTLP endpoint is set', () => {
    assert.equal(loadConfig({}).telemetry.otlpEndpoint, undefined);
    assert.equal(loadConfig({}).telemetry.serviceName, 'finbridge');
  });

  it('take the traces URL from the FinBridge setting, the standard variable, or the traces-only one', () => {
    assert.equal(
      loadConfig({ FINBRIDGE_OTLP_ENDPOINT: 'http://collector:4318/' }).telemetry.otlpEndpoint,
      'http://collector:4318/v1/traces',
    );
    assert.equal(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com' }).telemetry.otlpEndpoint,
      'https://otel.example.com/v1/traces',
    );
    assert.deepEqual(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/ingest',
        OTEL_SERVICE_NAME: 'finbridge-eu',
      }).telemetry,
      { otlpEndpoint: 'https://traces.example.com/ingest', serviceName: 'finbridge-eu' },
    );
  });

  it('are switched off by OTEL_SDK_DISABLED whatever the endpoint', () => {
    const config = loadConfig({
      FINBRIDGE_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SDK_DISABLED: 'true',
    });
    assert.equal(config.telemetry.otlpEndpoint, undefined);
  });

  it('refuse an endpoint that is not an http(s) URL', () => {
    assert.throws(
      () => loadConfig({ FINBRIDGE_OTLP_ENDPOINT: 'collector:4318' }),
      (error: unknown) => error instanceof ConfigError && /OTLP endpoint must be an http/.test(error.message),
    );
  });

  it('are listed in docs/observability.md', () => {
    const doc = readFileSync(new URL('../../docs/observability.md', import.meta.url), 'utf8');
    for (const setting of Object.values(TELEMETRY_SETTINGS))
      assert.match(doc, new RegExp(`\`${setting.env}\``));
  });
});
