import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ERROR_CODES } from '../src/model/error-codes.ts';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const engine = ENGINES[0]!;

describe('platform endpoints', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(engine);
  });
  after(async () => t.close());

  it('answers liveness and readiness', async () => {
    assert.deepEqual((await t.request({ url: '/healthz' })).json(), { status: 'ok' });
    const ready = await t.request({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', engine: engine.engine, migrations: 'current' });
  });

  it('publishes OpenAPI 3.1 with the canonical schemas as components', async () => {
    const doc = (await t.request({ url: '/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const name of ['Voucher', 'Invoice', 'ExpenseClaim', 'Supplier', 'SupplierInput', 'Problem']) {
      assert.ok(doc.components.schemas[name], `component ${name}`);
    }
    assert.equal(
      doc.paths['/api/v1/suppliers'].post.requestBody.content['application/json'].schema.$ref,
      '#/components/schemas/SupplierInput',
    );
    assert.ok(doc.paths['/api/v1/suppliers:bulk-upsert'], 'bulk route keeps its literal colon');
  });

  it('publishes every schema as a valid JSON Schema 2020-12 document', async () => {
    const index = (await t.request({ url: '/schemas' })).json();
    assert.ok(index.items.length >= 40);
    const ajv = new Ajv2020({ strict: false });
    for (const item of index.items) {
      const res = await t.request({ url: item.url });
      assert.equal(res.statusCode, 200, item.url);
      assert.match(res.headers['content-type'] as string, /application\/schema\+json/);
      const schema = res.json();
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
      assert.equal(ajv.validateSchema(schema), true, `${item.name}: ${JSON.stringify(ajv.errors)}`);
      ajv.compile({ ...schema, $id: undefined });
    }
    const missing = await t.request({ url: '/schemas/Nope.json' });
    assert.equal(missing.statusCode, 404);
  });

  it('publishes the field standards with both labels, and tax rates by date', async () => {
    const index = (await t.request({ url: '/standards' })).json();
    assert.ok(index.items.some((s: { name: string }) => s.name === 'expense-categories'));
    const categories = (await t.request({ url: '/standards/expense-categories' })).json();
    assert.deepEqual(
      categories.items.find((c: { code: string }) => c.code === 'entertainment'),
      { code: 'entertainment', zh: '业务招待费', en: 'Business entertainment', inputVat: 'never' },
    );
    const rates2018 = (await t.request({ url: '/standards/tax-rates?on=2018-06-01' }))
      .json()
      .items.map((r: { rate: string }) => r.rate);
    assert.ok(rates2018.includes('0.16') && !rates2018.includes('0.13'));
    const rates2026 = (await t.request({ url: '/standards/tax-rates?on=2026-11-28' }))
      .json()
      .items.map((r: { rate: string }) => r.rate);
    assert.ok(rates2026.includes('0.13') && !rates2026.includes('0.16'));
    assert.equal((await t.request({ url: '/standards/tax-rates?on=2026-02-30' })).statusCode, 400);
  });

  it('serves Swagger UI and Prometheus metrics', async () => {
    const docs = await t.request({ url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
    const metrics = await t.request({ url: '/metrics' });
    assert.equal(metrics.statusCode, 200);
    assert.match(metrics.body, /finbridge_http_request_duration_seconds_bucket/);
    assert.match(metrics.body, /finbridge_process_cpu_user_seconds_total/);
  });

  it('logs JSON lines with the request id it returns', async () => {
    const res = await t.request({ url: '/healthz', headers: { 'x-request-id': 'trace-me-123' } });
    assert.equal(res.headers['x-request-id'], 'trace-me-123');
    const lines = t.logLines.map((l) => JSON.parse(l) as { reqId?: string });
    assert.ok(lines.some((l) => l.reqId === 'trace-me-123'));
  });

  it('answers unknown routes with problem+json in the client’s language', async () => {
    const zh = await t.request({ url: '/api/v1/nothing-here' });
    assert.equal(zh.statusCode, 404);
    assert.match(zh.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(zh.json().code, 'route_not_found');
    assert.match(zh.json().detail, /接口不存在/);
    const en = await t.request({
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    assert.match(en.json().detail, /No such endpoint/);
    assert.equal(en.headers['content-language'], 'en-US');
  });

  it('reports not ready once the database is gone', async () => {
    const other = await startTestApp(engine);
    await other.database.close();
    const res = await other.request({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().code, 'not_ready');
    await other.running.close();
  });
});

describe('error registry', () => {
  it('lists every code in docs/errors.md with its status, and nothing else', () => {
    const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\|\s*`([a-z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    const documented = Object.fromEntries(rows);
    const registry = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, e]) => [code, e.status]));
    assert.deepEqual(documented, registry);
    assert.equal(rows.length, Object.keys(ERROR_CODES).length, 'no code documented twice');
  });
});
