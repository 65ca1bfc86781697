import type { SpanExporter } from '@opentelemetry/sdk-trace';

/** How `startTelemetry` starts the SDK (src/platform/telemetry/index.ts). */
export interface TelemetryOptions {
  /** Export here instead of over OTLP (tests: the SDK's InMemorySpanExporter). */
  readonly exporter?: SpanExporter;
  /** What the spans' resource says this process is (serve, worker, …). */
  readonly processKind?: string;
}
