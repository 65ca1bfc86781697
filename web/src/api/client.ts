import createClient, { type Middleware } from 'openapi-fetch';
import { takeOpening } from './opening.ts';
import { currentLocale } from '../i18n/i18n.tsx';
import type { components, paths } from './schema';

/**
 * The one way the console talks to FinBridge: openapi-fetch over the types generated from the
 * server's OpenAPI document (schema.d.ts, `npm run client:generate`), so every request and answer
 * has the shape the server declares. Same origin, session cookie, the CSRF token on unsafe methods,
 * the reader's language as Accept-Language.
 */
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

/** Called when a request comes back 401: the session is gone (expired, signed out elsewhere). */
let onSessionLost: (() => void) | undefined;
export const whenSessionLost = (handler: (() => void) | undefined): void => {
  onSessionLost = handler;
};

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLocale());
    if (UNSAFE.has(request.method) && csrfToken !== undefined) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/login'))
      onSessionLost?.();
    return response;
  },
};

export const api = createClient<paths>({
  // the server's drawing of a page (entry-server.tsx) asks nothing: its answers are given to it
  baseUrl: typeof window === 'undefined' ? 'http://console.invalid' : window.location.origin,
  credentials: 'same-origin',
  // the opening page's first answers, when the server put them into the page (opening.ts)
  fetch: (request) => Promise.resolve(takeOpening(request) ?? globalThis.fetch(request)),
});
api.use(session);

/** A request that did not succeed: the server's problem document (when it sent one) and request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly requestId: string | undefined;
  constructor(status: number, problem: Problem | undefined, requestId: string | undefined, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.requestId = requestId;
  }
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string' &&
  typeof (value as { detail?: unknown }).detail === 'string';

/** The answer's data, or an ApiError carrying the problem and the request id. */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw new ApiError(0, undefined, undefined, cause instanceof Error ? cause.message : String(cause));
  }
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data;
  const problem = isProblem(error) ? error : undefined;
  const requestId = problem?.requestId ?? response.headers.get('x-request-id') ?? undefined;
  throw new ApiError(response.status, problem, requestId, problem?.detail ?? `HTTP ${response.status}`);
}
