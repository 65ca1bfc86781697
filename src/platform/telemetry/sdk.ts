import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  TracerProvider,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { VERSION } from '../../version.ts';
import type { TelemetryConfig } from '../config.ts';
import type { TelemetryOptions } from './options.ts';

/**
 * The OpenTelemetry SDK, imported only by startTelemetry when tracing is on: a tracer provider with
 * the AsyncLocalStorage context manager (a span stays current across awaits), W3C trace-context
 * propagation (`traceparent` headers), and spans batched to the OTLP/HTTP exporter — or handed one by
 * one to the exporter a test passes.
 */
export function startSdk(config: TelemetryConfig, options: TelemetryOptions): { shutdown(): Promise<void> } {
  const processor: SpanProcessor =
    options.exporter !== undefined
      ? new SimpleSpanProcessor({ exporter: options.exporter })
      : new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.otlpEndpoint ?? '' }) });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': config.serviceName,
      'service.version': VERSION,
      ...(options.processKind === undefined ? {} : { 'finbridge.process': options.processKind }),
    }),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
