import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Registry } from 'prom-client';
import { startTestApp, type TestApp } from './support/app.ts';
import { ENGINES } from './support/engines.ts';

/**
 * docs/observability.md (and its Chinese twin) list every metric a running FinBridge registers — name,
 * type and labels — and no other; the Grafana dashboard shipped beside them queries only those.
 */
const docs = ['observability.md', 'observability.zh-CN.md'].map((name) => ({
  name,
  text: readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8'),
}));

interface Documented {
  readonly type: string;
  readonly labels: readonly string[];
}

/** The metric tables' rows: | `name` | type | `label`, … | meaning | */
function documented(text: string): Map<string, Documented> {
  const rows = new Map<string, Documented>();
  for (const [, name, type, labels] of text.matchAll(
    /^\| `(finbridge_[a-z0-9_]+)` +\| ([a-z]+) +\| ([^|]*)\|/gm,
  )) {
    assert.ok(!rows.has(name!), `${name} is listed twice`);
    rows.set(name!, { type: type!, labels: [...labels!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!) });
  }
  return rows;
}

interface Registered {
  readonly type: string;
  readonly labels: readonly string[];
}

async function registered(registry: Registry): Promise<Map<string, Registered>> {
  const metrics = new Map<string, Registered>();
  for (const metric of await registry.getMetricsAsJSON()) {
    const declared = (registry.getSingleMetric(metric.name) as unknown as { labelNames?: string[] })
      .labelNames;
    metrics.set(metric.name, { type: String(metric.type), labels: declared ?? [] });
  }
  return metrics;
}

describe('the metrics documentation and the Grafana dashboard', () => {
  let t: TestApp;
  let metrics: Map<string, Registered>;

  before(async () => {
    t = await startTestApp(ENGINES[0]!);
    metrics = await registered(t.running.context.metrics.registry);
  });
  after(async () => {
    await t.close();
  });

  for (const doc of docs)
    it(`lists in ${doc.name} exactly the metrics FinBridge registers, with their types`, () => {
      const listed = documented(doc.text);
      assert.deepEqual([...listed.keys()].sort(), [...metrics.keys()].sort());
      for (const [name, metric] of metrics) assert.equal(listed.get(name)?.type, metric.type, name);
    });

  it('names the labels of FinBridge’s own metrics as they are declared', () => {
    for (const doc of docs)
      for (const [name, row] of documented(doc.text)) {
        const declared = metrics.get(name)?.labels ?? [];
        if (declared.length > 0)
          assert.deepEqual([...row.labels].sort(), [...declared].sort(), `${doc.name}: ${name}`);
      }
  });

  const dashboard = JSON.parse(
    readFileSync(new URL('../docs/grafana/finbridge-dashboard.json', import.meta.url), 'utf8'),
  ) as {
    schemaVersion: number;
    uid: string;
    title: string;
    panels: {
      id: number;
      type: string;
      title: string;
      gridPos: { h: number; w: number; x: number; y: number };
      targets?: { refId: string; expr: string }[];
    }[];
    templating: { list: { name: string; query: { query: string } }[] };
  };
  const queries = [
    ...dashboard.panels.flatMap((p) =>
      (p.targets ?? []).map((target) => ({ panel: p.title, expr: target.expr })),
    ),
    ...dashboard.templating.list.map((v) => ({ panel: `$${v.name}`, expr: v.query.query })),
  ];

  it('ships a dashboard Grafana can import: schema version, uid, panels laid out on the 24-column grid', () => {
    assert.ok(dashboard.schemaVersion >= 36);
    assert.match(dashboard.uid, /^[a-z0-9-]{1,40}$/);
    const ids = dashboard.panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
    for (const p of dashboard.panels) {
      assert.ok(p.title !== '' && p.type !== '', JSON.stringify(p));
      assert.ok(p.gridPos.x >= 0 && p.gridPos.w > 0 && p.gridPos.x + p.gridPos.w <= 24, p.title);
      if (p.type !== 'row') assert.ok((p.targets ?? []).length > 0, `${p.title} queries something`);
      for (const target of p.targets ?? []) assert.match(target.refId, /^[A-Z]$/);
    }
  });

  it('queries only metrics FinBridge registers', () => {
    const series = new Set<string>();
    for (const [name, metric] of metrics) {
      series.add(name);
      if (metric.type === 'histogram')
        for (const suffix of ['_bucket', '_sum', '_count']) series.add(name + suffix);
    }
    for (const { panel, expr } of queries) {
      const used = [...expr.matchAll(/\bfinbridge_[a-z0-9_]+/g)].map((m) => m[0]);
      assert.ok(used.length > 0, `${panel}: ${expr} names no FinBridge metric`);
      for (const name of used) assert.ok(series.has(name), `${panel}: ${name} is not a registered metric`);
    }
  });

  it('has panels for throughput, failures by class, queue depth, breakers and latency p50/p99', () => {
    const all = queries.map((q) => q.expr).join('\n');
    assert.match(all, /rate\(finbridge_posting_attempts_total\{outcome=~"success/);
    assert.match(all, /sum by \(outcome\) \(rate\(finbridge_posting_attempts_total\{outcome!~"success/);
    assert.match(all, /finbridge_postings\{status=~"pending\|sending\|unknown"\}/);
    assert.match(all, /finbridge_connection_breaker_state/);
    for (const q of ['0.5', '0.99'])
      assert.match(
        all,
        new RegExp(
          `histogram_quantile\\(${q.replace('.', '\\.')}, [^\\n]*finbridge_posting_latency_seconds_bucket`,
        ),
      );
  });
});
