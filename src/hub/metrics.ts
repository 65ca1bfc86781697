import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { OpenDatabase } from '../platform/store/database.ts';
import { postingCountsByStatus } from '../platform/store/job-claims.ts';

/** Prometheus metrics of the hub, per connection. */
export interface HubMetrics {
  readonly outcomes: Counter<'connection' | 'outcome'>;
  readonly latency: Histogram<'connection'>;
}

export function createHubMetrics(registry: Registry, database: OpenDatabase): HubMetrics {
  const outcomes = new Counter({
    name: 'finbridge_posting_attempts_total',
    help: 'ERP posting attempts by connection and outcome class',
    labelNames: ['connection', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'finbridge_posting_latency_seconds',
    help: 'ERP call latency by connection',
    labelNames: ['connection'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'finbridge_postings',
    help: 'Postings by status (queue depth: pending + unknown + sending)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await postingCountsByStatus(database);
      this.reset();
      for (const row of rows) this.set({ status: row.status }, row.n);
    },
  });
  return { outcomes, latency };
}
