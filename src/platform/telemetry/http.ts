import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TRACER_NAME, currentTrace } from './index.ts';

/**
 * A SERVER span per HTTP request (continuing the caller's trace when it sends a W3C `traceparent`),
 * current for everything the request does: the guard's and handlers' store queries, the hub's trace
 * events, log lines. Installed by the HTTP shell only when tracing is on, before any other hook.
 *
 * Fastify runs a request's hooks and handler as one chain of callbacks, except where it waits for the
 * body: the span is made current when the request arrives and again once the body is read.
 */
const spans = new WeakMap<FastifyRequest, { readonly span: Span; readonly context: Context }>();

export function installHttpTracing(app: FastifyInstance): void {
  const tracer = trace.getTracer(TRACER_NAME);
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const route = request.routeOptions.url;
    const span = tracer.startSpan(
      route === undefined ? request.method : `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?')[0] ?? '',
          ...(route === undefined ? {} : { 'http.route': route }),
          'finbridge.request_id': request.id,
        },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    spans.set(request, { span, context: active });
    // the request's own log lines (its completion is logged outside any span) carry its ids
    const { traceId, spanId } = span.spanContext();
    request.log = Object.assign(request.log.child({ traceId, spanId }), { [BOUND]: true });
    context.with(active, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const entry = spans.get(request);
    if (entry === undefined) return done();
    context.with(entry.context, done);
  });
  app.addHook('onError', async (request, _reply, error) => {
    const entry = spans.get(request);
    entry?.span.recordException(error);
  });
  app.addHook('onResponse', async (request, reply) => {
    const entry = spans.get(request);
    if (entry === undefined) return;
    spans.delete(request);
    entry.span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) entry.span.setStatus({ code: SpanStatusCode.ERROR });
    entry.span.end();
  });
}

/** Marks a request's logger, which has the ids bound already. */
const BOUND = Symbol('finbridge.traceBound');

/** pino's mixin: the current trace and span ids on every other log line written inside a span. */
export const traceLogFields = (_merge: object, _level: number, logger: object): Record<string, string> =>
  BOUND in logger ? {} : (currentTrace() ?? {});
