import type { IncomingHttpHeaders } from 'node:http';
import type { S4Book } from './book.ts';
import type { FaultDice } from '../../simulator-kit/faults.ts';
import type { FaultPlan, S4Faults } from './faults.ts';
import type { Gate } from './gate.ts';
import { answerOData, type ServiceData } from './odata/service.ts';
import type { Sessions } from './sessions.ts';
import { SOAP_PATH, TOKEN_PATH } from '../paths.ts';
import { answerJournalEntries } from './soap/journal-entry.ts';

/**
 * The simulated API host's paths (§1.1): the OAuth token endpoint, the journal-entry SOAP service
 * (cloud `scs_ext` path and the on-premise `xip` binding) and the OData v2 services under
 * `/sap/opu/odata/sap/`. Every business call is signed in; OData calls live in a Gateway session and
 * writes need its CSRF token; the throttle answers 429.
 */
export { SOAP_PATH, TOKEN_PATH };
const SOAP_ONPREM_PREFIX = '/sap/bc/srt/xip/sap/journalentrycreaterequestconfi/';
export const ODATA_ROOT = '/sap/opu/odata/sap/';

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: string;
  readonly commits: boolean;
}

export interface RouteContext {
  readonly book: S4Book;
  readonly gate: Gate;
  readonly sessions: Sessions;
  readonly faults: FaultDice<S4Faults>;
  readonly services: ReadonlyMap<string, ServiceData>;
  readonly now: () => Date;
  /** The host's base URL, ending in `/`. */
  readonly baseUrl: () => string;
  readonly stats: Record<string, number>;
}

export interface Incoming {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const html = (status: number, title: string, extra: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...extra },
  body: `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  commits: false,
});

const MODIFYING = new Set(['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE']);

function odata(ctx: RouteContext, request: Incoming, user: string): Reply {
  const rest = request.path.slice(ODATA_ROOT.length);
  const slash = rest.indexOf('/');
  const name = (slash < 0 ? rest : rest.slice(0, slash)).split(';')[0] ?? '';
  const service = ctx.services.get(name);
  if (service === undefined)
    return {
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        error: {
          code: '/IWFND/MED/170',
          message: {
            lang: 'en',
            value: `No service found for namespace '/SAP/', name '${name}', version '0001'`,
          },
        },
      }),
      commits: false,
    };
  const session = ctx.sessions.attach(request.headers.cookie, user);
  const cookies = session.setCookies.length > 0 ? { 'set-cookie': session.setCookies } : {};
  const csrf = request.headers['x-csrf-token'];
  if (
    MODIFYING.has(request.method) &&
    !ctx.sessions.checkToken(session.id, typeof csrf === 'string' ? csrf : undefined)
  ) {
    ctx.stats['csrfRequired'] = (ctx.stats['csrfRequired'] ?? 0) + 1;
    return {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-csrf-token': 'Required', ...cookies },
      body: 'CSRF token validation failed',
      commits: false,
    };
  }
  const fetched =
    typeof csrf === 'string' && csrf.toLowerCase() === 'fetch' && !MODIFYING.has(request.method)
      ? { 'x-csrf-token': ctx.sessions.fetchToken(session.id) }
      : {};
  const root = `${ctx.baseUrl().replace(/\/$/, '')}${ODATA_ROOT}${name}/`;
  const answer = answerOData(service, {
    method: request.method,
    path: decodeURIComponent(slash < 0 ? '' : rest.slice(slash + 1)),
    query: request.query,
    accept: request.headers.accept ?? '',
    body: request.body,
    root,
    now: ctx.now(),
    serverPageSize: ctx.faults.own.serverPageSize,
  });
  return {
    status: answer.status,
    headers: { ...answer.headers, ...fetched, ...cookies },
    body: request.method === 'HEAD' ? '' : answer.body,
    commits: answer.commits,
  };
}

/** One business call (not the admin surface), after the common faults were drawn. */
export function route(ctx: RouteContext, request: Incoming, plan: FaultPlan): Reply {
  if (request.path === TOKEN_PATH && request.method === 'POST') {
    ctx.stats['tokens'] = (ctx.stats['tokens'] ?? 0) + 1;
    const reply = ctx.gate.issueToken(request.headers, request.query, request.body);
    return { ...reply, commits: false };
  }
  const soap = request.path === SOAP_PATH || request.path.startsWith(SOAP_ONPREM_PREFIX);
  if (!soap && !request.path.startsWith(ODATA_ROOT)) return html(404, 'Service cannot be reached');
  const admission = ctx.gate.admit(request.headers, request.query);
  if (!admission.ok) {
    ctx.stats['unauthorized'] = (ctx.stats['unauthorized'] ?? 0) + 1;
    return { ...admission.reply, commits: false };
  }
  if (!ctx.faults.admit()) {
    ctx.stats['throttled'] = (ctx.stats['throttled'] ?? 0) + 1;
    return html(429, 'Too Many Requests', { 'retry-after': '1' });
  }
  if (soap) {
    if (request.method !== 'POST') return html(405, 'Method Not Allowed', { allow: 'POST' });
    if (plan.soapFault) ctx.stats['soapFaults'] = (ctx.stats['soapFaults'] ?? 0) + 1;
    const reply = answerJournalEntries(ctx.book, request.body, {
      now: ctx.now(),
      system: `${ctx.gate.accounts.sid}_${ctx.gate.accounts.sapClient}`,
      fault: plan.soapFault,
    });
    return {
      status: reply.status,
      headers: { 'content-type': reply.contentType },
      body: reply.body,
      commits: reply.commits,
    };
  }
  return odata(ctx, request, admission.user);
}
