import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  context,
  trace,
  type Attributes,
  type Link,
  type SpanContext,
  type Tracer,
} from '@opentelemetry/api';
import type { LogEvent } from 'kysely';
import type { TelemetryConfig } from '../config.ts';
import type { TelemetryOptions } from './options.ts';

export type { TelemetryOptions } from './options.ts';

/**
 * OpenTelemetry traces (docs/observability.md): HTTP requests, store queries and ERP calls become
 * spans of one trace per document, exported over OTLP/HTTP. Off unless an endpoint is configured; when
 * off, nothing of the SDK is loaded (this module needs only the small @opentelemetry/api, which
 * answers every call with a no-op) and no hook, logger mixin or store callback is installed.
 */
/** A running SDK: flushes and stops on shutdown. */
export interface Telemetry {
  shutdown(): Promise<void>;
}

/** The instrumentation scope every FinBridge span is created under. */
export const TRACER_NAME = 'finbridge';

let running: Telemetry | undefined;

/** Whether spans are being recorded in this process (an SDK was started). */
export const tracingActive = (): boolean => running !== undefined;

/**
 * Starts the SDK when the configuration asks for it (or an exporter is given) and returns it; returns
 * undefined, having loaded nothing, when tracing is off. Once per process: later calls return the
 * running one.
 */
export async function startTelemetry(
  config: TelemetryConfig,
  options: TelemetryOptions = {},
): Promise<Telemetry | undefined> {
  if (running !== undefined) return running;
  if (config.otlpEndpoint === undefined && options.exporter === undefined) return undefined;
  const { startSdk } = await import('./sdk.ts');
  const sdk = startSdk(config, options);
  running = {
    shutdown: async () => {
      running = undefined;
      await sdk.shutdown();
    },
  };
  return running;
}

const tracer = (): Tracer => trace.getTracer(TRACER_NAME);

/** The current trace and span ids (for log lines and trace events); undefined outside a recorded span. */
export function currentTrace(): { readonly traceId: string; readonly spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (span === undefined) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  return (traceFlags & TraceFlags.SAMPLED) === 0 ? undefined : { traceId, spanId };
}

/**
 * Runs `work` in a new span, a child of the current one (or of `parents[0]`, a span recorded elsewhere —
 * a posting's submission — with links to the others). Without tracing it is `work()`.
 */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
  parents: readonly { readonly traceId: string; readonly spanId: string }[] = [],
): Promise<T> {
  if (!tracingActive()) return work();
  const remote = parents.map((p): SpanContext => ({
    traceId: p.traceId,
    spanId: p.spanId,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  }));
  const [first, ...others] = remote;
  const parent = first === undefined ? context.active() : trace.setSpanContext(ROOT_CONTEXT, first);
  const links: Link[] = others.map((spanContext) => ({ context: spanContext }));
  const span = tracer().startSpan(name, { kind: SpanKind.INTERNAL, attributes, links }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Kysely's `log` callback that records each query as a span of the current trace (Kysely calls it
 * after the query, in the caller's context, with its duration): `db.system.name`, the operation and the
 * SQL text with its placeholders (never the values). Undefined when tracing is off, so the store runs
 * without it.
 */
export function storeTracing(system: 'sqlite' | 'postgresql'): ((event: LogEvent) => void) | undefined {
  if (!tracingActive()) return undefined;
  return (event) => {
    const parent = context.active();
    if (trace.getSpan(parent) === undefined) return; // queries outside any traced work (timers, upkeep)
    const end = performance.timeOrigin + performance.now();
    const sql = event.query.sql;
    const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'QUERY';
    const span = tracer().startSpan(
      `${operation} ${system}`,
      {
        kind: SpanKind.CLIENT,
        startTime: end - event.queryDurationMillis,
        attributes: {
          'db.system.name': system,
          'db.operation.name': operation,
          'db.query.text': sql.length > 2000 ? `${sql.slice(0, 2000)}…` : sql,
        },
      },
      parent,
    );
    if (event.level === 'error') {
      span.recordException(event.error instanceof Error ? event.error : String(event.error));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end(end);
  };
}
