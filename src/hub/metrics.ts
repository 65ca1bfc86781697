import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { OpenDatabase } from '../platform/store/database.ts';
import { lastSyncs, postingCountsByStatus } from '../platform/store/job-claims.ts';

/** Prometheus metrics of the hub, per connection. */
export interface HubMetrics {
  readonly outcomes: Counter<'connection' | 'outcome'>;
  readonly latency: Histogram<'connection'>;
  /** 0 closed, 1 half-open, 2 open — as this process's worker sees it. */
  readonly breaker: Gauge<'connection'>;
  readonly pulled: Counter<'connection' | 'object'>;
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
  const breaker = new Gauge({
    name: 'finbridge_connection_breaker_state',
    help: 'Circuit breaker per connection: 0 closed, 1 half-open, 2 open',
    labelNames: ['connection'] as const,
    registers: [registry],
  });
  const pulled = new Counter({
    name: 'finbridge_pulled_records_total',
    help: 'Master-data records pulled from the ERP, by connection and object',
    labelNames: ['connection', 'object'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'finbridge_last_successful_sync_timestamp_seconds',
    help: 'When each object was last pulled completely from the ERP (Unix seconds)',
    labelNames: ['connection', 'object'] as const,
    registers: [registry],
    async collect() {
      const rows = await lastSyncs(database);
      this.reset();
      for (const row of rows)
        if (row.at !== null)
          this.set({ connection: row.connection, object: row.object }, Date.parse(row.at) / 1000);
    },
  });
  return { outcomes, latency, breaker, pulled };
}
