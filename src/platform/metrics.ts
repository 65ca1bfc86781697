import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per running app (tests start several in one process). */
export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'finbridge' });
  collectDefaultMetrics({ register: registry, prefix: 'finbridge_' });
  const httpDuration = new Histogram({
    name: 'finbridge_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpDuration };
}
