import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { startSapB1Simulator, type SapB1Simulator } from '../src/connectors/sap-b1/simulator/server.ts';
import { FolderShare } from '../src/connectors/file-exchange/transport/folder-share.ts';
import { ShareError } from '../src/connectors/file-exchange/transport/share.ts';
import { tracedShare } from '../src/connectors/file-exchange/transport/traced-share.ts';
import { inSpan, startTelemetry, type Telemetry } from '../src/platform/telemetry/index.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ENGINES } from './support/engines.ts';
import { postThroughHub, TRAVEL_VOUCHER } from './support/through-hub.ts';
import { MASTER } from './connectors/master-data.ts';

/**
 * Tracing (docs/observability.md): a voucher's request, its store queries and the ERP call it causes
 * are one trace, whose id the document's trace events and the log lines carry; with tracing off, no
 * part of the OpenTelemetry SDK is loaded.
 */
const exporter = new InMemorySpanExporter();
let telemetry: Telemetry | undefined;

before(async () => {
  telemetry = await startTelemetry(
    { otlpEndpoint: undefined, serviceName: 'finbridge-test' },
    { exporter, processKind: 'test' },
  );
});
after(async () => {
  await telemetry?.shutdown();
});

const traceOf = (spans: readonly ReadableSpan[], traceId: string) =>
  spans.filter((s) => s.spanContext().traceId === traceId);

for (const engine of ENGINES) {
  describe(`tracing a posted voucher on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: SapB1Simulator;
    let auth: Record<string, string>;

    before(async () => {
      sim = await startSapB1Simulator({ master: MASTER, now: () => new Date(), seed: 7 });
      t = await startTestApp(engine, {}, { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } });
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read']);
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('records the request, its store queries and the ERP call as one trace, whose id the document trace and the log show', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: { name: 'SAP B1 traced', type: 'sap-b1', baseUrl: sim.url, ...sim.connection },
      });
      assert.equal(created.statusCode, 201, created.body);
      exporter.reset();
      const documentId = `TRACED-${engine.engine}`;
      const posted = await postThroughHub(t, auth, {
        connectionId: created.json<{ id: string }>().id,
        documentId,
        voucher: TRAVEL_VOUCHER,
      });
      const spans = exporter.getFinishedSpans();
      const request = spans.find(
        (s) =>
          s.kind === SpanKind.SERVER &&
          s.attributes['http.route'] === '/api/v1/vouchers' &&
          s.attributes['http.request.method'] === 'POST',
      );
      assert.ok(request, `no span for POST /api/v1/vouchers among ${spans.map((s) => s.name).join(', ')}`);
      assert.equal(request.attributes['http.response.status_code'], 202);
      const traceId = request.spanContext().traceId;
      const inTrace = traceOf(spans, traceId);

      // the request's own queries are its children
      const queries = inTrace.filter((s) => s.attributes['db.system.name'] !== undefined);
      const expected = engine.engine === 'sqlite' ? 'sqlite' : 'postgresql';
      assert.ok(
        queries.some(
          (q) =>
            q.parentSpanContext?.spanId === request.spanContext().spanId &&
            /^insert/i.test(String(q.attributes['db.query.text'])),
        ),
        'the submission’s INSERT is a child of the request span',
      );
      assert.ok(queries.every((q) => q.attributes['db.system.name'] === expected));

      // the worker's send continues the submission's trace, and the ERP call is its child
      const send = inTrace.find((s) => s.name === 'finbridge.posting.send');
      assert.ok(send, 'the worker’s send is in the request’s trace');
      assert.equal(send.parentSpanContext?.spanId, request.spanContext().spanId);
      const erpCall = inTrace.find(
        (s) =>
          s.kind === SpanKind.CLIENT &&
          s.attributes['http.request.method'] === 'POST' &&
          String(s.attributes['url.path']).includes('/b1s/') &&
          s.attributes['http.response.status_code'] === 201,
      );
      assert.ok(erpCall, `no ERP call in the trace: ${inTrace.map((s) => s.name).join(', ')}`);
      const ancestors = (span: ReadableSpan): string[] => {
        const parent = inTrace.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);
        return parent === undefined ? [] : [parent.spanContext().spanId, ...ancestors(parent)];
      };
      assert.ok(ancestors(erpCall).includes(send.spanContext().spanId), 'the ERP call is within the send');
      assert.ok(
        queries.some((q) => ancestors(q).includes(send.spanContext().spanId)),
        'the worker’s queries are within the send',
      );
      assert.ok(!JSON.stringify(erpCall.attributes).includes('Password'), 'no credentials on the span');

      // the document trace names the same trace, from submission to posted
      const trace = await t.request({ url: `/api/v1/documents/${documentId}/trace`, headers: auth });
      assert.equal(trace.statusCode, 200, trace.body);
      const events = trace.json<{ events: { kind: string; detail: Record<string, unknown> }[] }>().events;
      assert.ok(events.length >= 2, trace.body);
      for (const event of events) assert.equal(event.detail['traceId'], traceId, event.kind);
      assert.ok(events.some((e) => e.kind === 'posted'));
      assert.equal(posted.status, 'posted');

      // and so do the log lines: the request's own, and those written within the worker's send
      const logged = t.logLines.filter((l) => l.includes(`"traceId":"${traceId}"`));
      assert.ok(
        logged.some((l) => l.includes('"msg":"request completed"') && l.includes('"statusCode":202')),
        'the request’s completion is logged with its trace id',
      );
      assert.ok(
        logged.some((l) => l.includes('"event":"sap-b1.login"')),
        'the worker’s log lines within the send carry the trace id',
      );
    });
  });
}

describe('tracing the file exchange', () => {
  it('records each request to an SFTP share within a traced send as a span, naming a refusal’s kind', async () => {
    const root = mkdtempSync(join(tmpdir(), 'finbridge-traced-share-'));
    try {
      const share = tracedShare(new FolderShare(root), 'sftp.example.test', 22);
      const deadline = performance.now() + 5000;
      exporter.reset();
      await share.write('outbox/a.tmp', Buffer.from('x'), deadline);
      const sftpSpans = () => exporter.getFinishedSpans().filter((s) => s.name.startsWith('SFTP '));
      assert.equal(sftpSpans().length, 0, 'outside a trace: no span');
      await inSpan('finbridge.posting.send', {}, async () => {
        await share.write('outbox/b.tmp', Buffer.from('y'), deadline);
        await assert.rejects(share.renameNew('outbox/b.tmp', 'outbox/a.tmp', deadline), ShareError);
      });
      const spans = exporter.getFinishedSpans();
      const send = spans.find((s) => s.name === 'finbridge.posting.send');
      assert.ok(send);
      const write = spans.find((s) => s.name === 'SFTP write');
      const rename = spans.find((s) => s.name === 'SFTP rename');
      assert.equal(write?.parentSpanContext?.spanId, send.spanContext().spanId);
      assert.equal(write.attributes['server.address'], 'sftp.example.test');
      assert.equal(write.attributes['file.path'], 'outbox/b.tmp');
      assert.equal(rename?.attributes['error.type'], 'exists');
      assert.equal(rename.status.code, SpanStatusCode.ERROR);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('tracing off', () => {
  const script = fileURLToPath(new URL('./support/telemetry-off.ts', import.meta.url));
  const run = (env: Record<string, string>) => {
    const out = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', FINBRIDGE_OTLP_ENDPOINT: '', ...env },
    });
    assert.equal(out.status, 0, out.stderr);
    return JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as {
      sdkModules: string[];
      tracing: boolean;
      healthz: number;
    };
  };

  it('loads no part of the OpenTelemetry SDK when no endpoint is set, and serves all the same', () => {
    const off = run({});
    assert.equal(off.healthz, 200);
    assert.equal(off.tracing, false);
    assert.deepEqual(off.sdkModules, []);
  });

  it('loads the SDK once an endpoint is set (the check above can see it)', () => {
    const on = run({ FINBRIDGE_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    assert.equal(on.tracing, true);
    assert.ok(
      on.sdkModules.some((m) => m.includes('@opentelemetry/sdk-trace')),
      on.sdkModules.join('\n'),
    );
  });
});
