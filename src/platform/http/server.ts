import { registerDeprecations } from './deprecation.ts';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { renderMessage } from '../../model/error-codes.ts';
import { DomainError, type Failure } from '../../model/result.ts';
import { unstorableText } from '../../model/text.ts';
import { compileBody, compileText, toFailures } from '../../model/validate.ts';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Metrics } from '../metrics.ts';
import { constraintFields, dataException, describeConstraint } from '../store/errors.ts';
import { tracingActive } from '../telemetry/index.ts';
import { installHttpTracing, traceLogFields } from '../telemetry/http.ts';
import { negotiateLocale, toProblem } from './problem.ts';

export interface HttpOptions {
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly metrics: Metrics;
  /** Where logs go; tests pass a stream to scan every line. */
  readonly logStream?: NodeJS.WritableStream;
}

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Query parameters that may carry credentials (misused clients put them in URLs) are never logged. */
const SENSITIVE_QUERY =
  /([?&](?:client_secret|password|token|access_token|refresh_token|code|secret|api_key)=)[^&#]*/gi;
export const maskQuery = (url: string): string => url.replace(SENSITIVE_QUERY, '$1[redacted]');

/**
 * The HTTP shell: Fastify with JSON Schema 2020-12 validation, pino JSON logs with request ids,
 * Prometheus timings, and one error handler that answers every failure as RFC 9457 problem+json.
 */
export function createHttpServer(options: HttpOptions): App {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: maskQuery(request.url),
          remoteAddress: request.ip,
        }),
      },
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
      // with tracing on, each line written inside a span names its trace (docs/observability.md)
      ...(tracingActive() ? { mixin: traceLogFields } : {}),
    },
    bodyLimit: options.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    ajv: { customOptions: {} },
    // Response serializers are compiled on a route's first answer rather than all at start-up, where
    // building some hundreds of them took seconds before the server could listen (bench/startup.ts).
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    // Refusals the router makes before any route runs (a bad percent-encoding, an over-long path
    // parameter) go through the same problem+json rendering as every other error.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(request, reply, toDomainError(error, request));
    },
    // Requests Node's HTTP parser refuses (headers or URL over 16 KiB, a timeout, garbage) never
    // become a request object; they are answered on the socket, as problem+json all the same.
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (tracingActive()) installHttpTracing(app);

  // compiled on a route's first request too (and cached per schema by compileBody / compileText)
  app.setValidatorCompiler(({ schema, httpPart }) => {
    let validate: ValidateFunction | undefined;
    return (data: unknown) => {
      validate ??= httpPart === 'body' ? compileBody(schema) : compileText(schema);
      return validate(data)
        ? { value: data }
        : { error: Object.assign(new Error('validation'), { validation: validate.errors }) };
    };
  });

  // Text no store can keep exactly (NUL, unpaired surrogates) and absurd nesting are refused before
  // any route's validation or handler sees them, wherever they arrive: body, query or path.
  app.addHook('preValidation', async (request) => {
    const inBody = unstorableText(request.body);
    if (inBody.length > 0) throw new DomainError('validation_failed', {}, inBody);
    const inText = [...unstorableText(request.params, '/path'), ...unstorableText(request.query, '/query')];
    if (inText.length > 0) {
      const detail = inText
        .map((f) => `${f.pointer} ${renderMessage(f.code, 'en-US', f.params ?? {})}`)
        .join('; ');
      throw new DomainError('invalid_query', { detail }, inText);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  registerDeprecations(app);

  app.addHook('onResponse', async (request, reply) => {
    options.metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.setNotFoundHandler(async (request, reply) =>
    sendProblem(
      request,
      reply,
      new DomainError('route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' }),
    ),
  );

  app.setErrorHandler(async (error: FastifyError, request, reply) =>
    sendProblem(request, reply, toDomainError(error, request)),
  );

  return app;
}

const buildSerializer = SerializerSelector();

/** Fastify's own serializer compiler (fast-json-stringify), each route's serializer built when first used. */
function lazySerializers(...args: Parameters<typeof buildSerializer>): ReturnType<typeof buildSerializer> {
  const compile = buildSerializer(...args);
  return (route) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => (serialize ??= compile(route))(data);
  };
}

type ValidationError = FastifyError & { validation?: unknown; validationContext?: string };

/** Longest path parameter the router accepts (ids are 36 characters, codes 40). */
/** The longest path value the router matches (an id, a code); longer ones are refused with 414. */
export const MAX_PARAM_LENGTH = 100;

const CLIENT_ERRORS: Record<string, DomainError> = {
  HPE_HEADER_OVERFLOW: new DomainError('headers_too_large'),
  ERR_HTTP_REQUEST_TIMEOUT: new DomainError('request_timeout'),
};

function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal =
    (error.code === undefined ? undefined : CLIENT_ERRORS[error.code]) ?? new DomainError('bad_request');
  this.log.debug({ err: error }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(toProblem(refusal, 'zh-CN', '', randomUUID()));
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\nContent-Language: zh-CN\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * A constraint the database enforced that no domain check caught first: still the caller's input,
 * so a 409/422 naming the field, never a 500. Logged as a warning — the domain should have refused it.
 */
function constraintRefusal(error: unknown, request: FastifyRequest): DomainError | undefined {
  const detail = describeConstraint(error);
  if (detail === undefined) return undefined;
  request.log.warn({ constraint: detail }, 'database constraint refused a request');
  const fields = constraintFields(detail);
  const field = fields.join(', ') || (detail.constraint ?? detail.kind);
  const failures = (code: Failure['code'], params: Record<string, string>): Failure[] =>
    fields.map((f) => ({ code, pointer: `/${f}`, params }));
  switch (detail.kind) {
    case 'unique':
      return new DomainError('already_exists', { field }, failures('already_exists', { field }));
    case 'foreign_key':
      return new DomainError('reference_missing', { field }, failures('reference_missing', { field }));
    case 'not_null':
      return new DomainError('missing_field', { field }, failures('missing_field', { field }));
    case 'check': {
      const params = { field, rule: detail.constraint ?? 'check' };
      return new DomainError('value_not_allowed', params, failures('value_not_allowed', params));
    }
  }
}

/** Maps whatever was thrown to a registered problem code; unknown errors become 500 and are logged. */
export function toDomainError(error: ValidationError, request: FastifyRequest): DomainError {
  if (error instanceof DomainError) return error;
  if (Array.isArray(error.validation)) {
    const failures = toFailures(error.validation);
    if (error.validationContext === 'body') return new DomainError('validation_failed', {}, failures);
    const part = error.validationContext === 'params' ? 'path' : 'query';
    const detail = failures
      .map((f) => `${f.pointer || '/'} ${renderMessage(f.code, 'en-US', f.params ?? {})}`)
      .join('; ');
    return new DomainError(
      'invalid_query',
      { detail },
      failures.map((f): Failure => ({ ...f, pointer: `/${part}${f.pointer}` })),
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('payload_too_large', { limit: request.routeOptions.bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('unsupported_media_type', { type: request.headers['content-type'] ?? '' });
    case 'FST_ERR_BAD_URL':
      return new DomainError('malformed_url', { detail: 'bad percent-encoding' });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new DomainError('path_segment_too_long', { limit: MAX_PARAM_LENGTH });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError('invalid_json');
    default:
      break;
  }
  const refused = constraintRefusal(error, request);
  if (refused !== undefined) return refused;
  const unstorable = dataException(error);
  if (unstorable !== undefined) {
    request.log.warn({ reason: unstorable }, 'database refused a value');
    return new DomainError('value_not_storable', { reason: unstorable });
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new DomainError('invalid_json');
  if (error.statusCode === 415)
    return new DomainError('unsupported_media_type', { type: request.headers['content-type'] ?? '' });
  if (error.statusCode === 413)
    return new DomainError('payload_too_large', { limit: request.routeOptions.bodyLimit });
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new DomainError('invalid_field', { detail: error.message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return new DomainError('internal_error', { requestId: request.id });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: DomainError): FastifyReply {
  const locale = negotiateLocale(request.headers['accept-language']);
  const problem = toProblem(error, locale, request.url.split('?')[0] ?? '', request.id);
  if (error.status >= 500) request.log.error({ code: error.code }, 'request failed');
  // Sent pre-serialised so no route's success schema is applied to a problem document.
  return reply
    .code(error.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', locale)
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(problem);
}
