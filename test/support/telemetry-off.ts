// Child process of test/telemetry.test.ts: starts FinBridge as `finbridge serve` does (tracing from
// the environment's settings) on an in-memory database, answers one request, and prints which modules
// of the OpenTelemetry SDK were loaded (the API alone is always there: prom-client uses it).
import { randomBytes } from 'node:crypto';
import { registerHooks } from 'node:module';

const loaded: string[] = [];
registerHooks({
  load(url, context, next) {
    loaded.push(url);
    return next(url, context);
  },
});

const { loadConfig } = await import('../../src/platform/config.ts');
const { startTelemetry, tracingActive } = await import('../../src/platform/telemetry/index.ts');
const { buildApp } = await import('../../src/app.ts');
const config = loadConfig({
  ...process.env,
  DATABASE_URL: 'sqlite::memory:',
  LOG_LEVEL: 'silent',
  FINBRIDGE_MASTER_KEY: randomBytes(32).toString('base64'),
});
await startTelemetry(config.telemetry);
const running = await buildApp({ config, worker: false });
const healthz = (await running.app.inject({ url: '/healthz' })).statusCode;
const sdkModules = loaded.filter((url) =>
  /@opentelemetry\/(sdk-|exporter-|otlp-|context-async-hooks|resources|core)/.test(url),
);
process.stdout.write(`${JSON.stringify({ sdkModules, tracing: tracingActive(), healthz })}\n`);
// a configured exporter is never flushed here: nothing listens at the test's endpoint
process.exit(0);
