import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { ErpFailure } from './contract.ts';

/**
 * One request/answer exchange with an ERP over keep-alive HTTP(S), the answer read whole as text.
 *
 * Connectors use this instead of `fetch`: fetch ties every call's request, answer and body stream to
 * weak references and finalizers, which V8 only clears in a full collection, so at thousands of calls
 * a second each call's objects are promoted to the old generation and the heap grows to several times
 * its live size between collections (ADR 0010). The deadline covers the whole exchange, answer included.
 */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface HttpExchange {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

/** Raised when the deadline passes; `name` is `TimeoutError`, as for an aborted fetch. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

const keepAlive = { keepAlive: true, scheduling: 'lifo' } as const;
const agents = { http: new http.Agent(keepAlive), https: new https.Agent(keepAlive) };

/**
 * With tracing on, an exchange made inside a traced piece of work (a posting's send, a connection test)
 * is a CLIENT span of it: method, host, path (never the query, where some ERPs put tokens), status.
 */
export function exchange(url: string, call: HttpExchange): Promise<HttpAnswer> {
  const parent = context.active();
  if (trace.getSpan(parent) === undefined) return send(url, call);
  const target = new URL(url);
  const span = trace.getTracer('finbridge').startSpan(
    call.method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': call.method,
        'server.address': target.hostname,
        'server.port': Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
        'url.scheme': target.protocol.replace(':', ''),
        'url.path': target.pathname,
      },
    },
    parent,
  );
  return send(url, call).then(
    (answer) => {
      span.setAttribute('http.response.status_code', answer.status);
      if (answer.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      return answer;
    },
    (error: unknown) => {
      span.recordException(error instanceof Error ? error : String(error));
      span.setAttribute('error.type', error instanceof Error ? error.name : 'error');
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      throw error;
    },
  );
}

function send(url: string, call: HttpExchange): Promise<HttpAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const headers: Record<string, string | number> = { ...call.headers };
  if (call.body !== undefined) headers['content-length'] = Buffer.byteLength(call.body);
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    // the first outcome wins; the timer doubles as the "not settled yet" flag
    const settle = (outcome: { error: Error } | { answer: HttpAnswer }) => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.answer);
    };
    const request = (secure ? https : http).request(
      target,
      { method: call.method, headers, agent: secure ? agents.https : agents.http },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => settle({ error }));
        response.on('close', () => {
          if (!response.complete)
            settle({ error: Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' }) });
        });
        response.on('end', () =>
          settle({
            answer: {
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            },
          }),
        );
      },
    );
    timer = setTimeout(
      () => request.destroy(new HttpTimeoutError(`no answer within ${call.timeoutMs} ms`)),
      call.timeoutMs,
    );
    request.on('error', (error) => settle({ error }));
    request.end(call.body);
  });
}

/** Failures that happen before the request can have reached the ERP. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The outcome class of an exchange that failed without an answer. A connection refused or a name not
 * resolved is transient: nothing reached the ERP. Anything else (the deadline, a reset, an answer cut
 * off) may have reached it, so it is ambiguous and the document must be looked up before a resend.
 */
export function classifyTransport(error: unknown): ErpFailure {
  if (!(error instanceof Error)) return { outcome: 'ambiguous', code: 'network', message: String(error) };
  if (error instanceof HttpTimeoutError)
    return { outcome: 'ambiguous', code: 'timeout', message: error.message };
  const systemCode = (error as { code?: unknown }).code;
  const code = typeof systemCode === 'string' ? systemCode : 'network';
  const message = typeof systemCode === 'string' ? `${error.message} (${systemCode})` : error.message;
  return { outcome: NOT_SENT.has(code) ? 'transient' : 'ambiguous', code, message };
}
