import type { ConnectorContext, ErpFailure } from '../contract.ts';
import { classifyTransport, exchange } from '../http-exchange.ts';
import type { Authorizer } from './auth.ts';
import { classifyAnswer, type Classified } from './errors.ts';

/**
 * The Oracle Fusion REST wire (§3.1, §3.2): `https://<pod>/fscmRestApi/resources/11.13.18.05/<resource>`,
 * credentials on every call, `REST-Framework-Version` (2+ for `q` expressions), structured errors asked
 * for in Accept. A 401 to a signed token gets one fresh token and one more try — Oracle did nothing
 * with a call it did not authenticate. A read that failed without an answer did nothing either, so it
 * is transient; a write that failed so is ambiguous. Calls of one operation share a deadline. No
 * mapping here.
 */
export const REST_ROOT = '/fscmRestApi/resources/11.13.18.05';

export const MEDIA = {
  item: 'application/vnd.oracle.adf.resourceitem+json',
  json: 'application/json',
} as const;

export interface OracleEndpoint {
  /** The pod, e.g. https://abcd.fa.us2.oraclecloud.com */
  readonly baseUrl: string;
  readonly restFrameworkVersion: string;
  readonly auth: Authorizer;
}

/** When an operation's calls must be done by (performance.now() time). */
export interface Deadline {
  readonly at: number;
}

const failed = (failure: ErpFailure): Classified => ({ ok: false, failure });

/** A read that failed without a usable answer created nothing: resending it is safe. */
const asRead = (result: Classified): Classified =>
  !result.ok && result.failure.outcome === 'ambiguous'
    ? failed({ ...result.failure, outcome: 'transient' })
    : result;

export class OracleClient {
  private readonly endpoint: OracleEndpoint;
  private readonly ctx: ConnectorContext;
  private framework: string | undefined;

  constructor(endpoint: OracleEndpoint, ctx: ConnectorContext) {
    this.endpoint = { ...endpoint, baseUrl: endpoint.baseUrl.replace(/\/+$/, '') };
    this.ctx = ctx;
  }

  /** A deadline `ctx.timeoutMs` from now: the budget of one push, lookup or pull. */
  deadline(): Deadline {
    return { at: performance.now() + this.ctx.timeoutMs };
  }

  /** The REST-Framework-Version Oracle last answered with, if it names one. */
  frameworkVersion(): string | undefined {
    return this.framework;
  }

  url(resource: string, params: Readonly<Record<string, string>> = {}): string {
    const query = new URLSearchParams(params).toString();
    return `${this.endpoint.baseUrl}${REST_ROOT}/${resource}${query === '' ? '' : `?${query}`}`;
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    deadline: Deadline,
    body?: { readonly text: string; readonly type: string },
    exact = false,
  ): Promise<Classified> {
    const remaining = Math.floor(deadline.at - performance.now());
    if (remaining <= 0)
      return failed({
        outcome: 'transient',
        code: 'deadline',
        message: 'the deadline passed before the call was made',
      });
    let authorization: string;
    try {
      authorization = await this.endpoint.auth.header();
    } catch (error) {
      return failed({
        outcome: 'rejected',
        code: 'bad_credentials',
        message: `cannot sign the JWT: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    try {
      const answer = await exchange(url, {
        method,
        headers: {
          accept: 'application/json, application/vnd.oracle.adf.error+json',
          'rest-framework-version': this.endpoint.restFrameworkVersion,
          authorization,
          ...(body === undefined ? {} : { 'content-type': body.type }),
        },
        ...(body === undefined ? {} : { body: body.text }),
        timeoutMs: Math.min(this.ctx.timeoutMs, remaining),
      });
      const framework = answer.headers['rest-framework-version'];
      if (typeof framework === 'string' && framework !== '') this.framework = framework;
      const type = answer.headers['content-type'];
      return classifyAnswer(answer.status, typeof type === 'string' ? type : '', answer.text, exact);
    } catch (error) {
      return failed(classifyTransport(error));
    }
  }

  /** A call with one fresh token after a 401 to a cached one (basic credentials are not retried). */
  private async authorized(call: () => Promise<Classified>, what: string): Promise<Classified> {
    const first = await call();
    if (first.ok || first.failure.outcome !== 'auth_expired') return first;
    if (this.endpoint.auth.kind === 'basic')
      return failed({
        ...first.failure,
        message: `Oracle refused the user and password: ${first.failure.message}`,
      });
    this.ctx.log('oracle.token_refused', { call: what });
    this.endpoint.auth.refresh();
    const second = await call();
    return second.ok || second.failure.outcome !== 'auth_expired'
      ? second
      : failed({ ...second.failure, message: `Oracle refused a fresh JWT: ${second.failure.message}` });
  }

  /** A read of a resource; `exact` keeps the answer's numbers as Oracle's text (amounts). */
  get(
    resource: string,
    params: Readonly<Record<string, string>>,
    deadline: Deadline,
    exact = false,
  ): Promise<Classified> {
    const url = this.url(resource, params);
    return this.authorized(
      async () => asRead(await this.send('GET', url, deadline, undefined, exact)),
      resource,
    );
  }

  /**
   * A POST. `write` says whether it may change the ERP: a write that got no answer is ambiguous; a
   * POST that only reads (downloadESSJobExecutionDetails) is transient then.
   */
  post(
    resource: string,
    body: unknown,
    options: { readonly type: string; readonly write: boolean; readonly deadline: Deadline },
  ): Promise<Classified> {
    const text = JSON.stringify(body);
    const url = this.url(resource);
    return this.authorized(async () => {
      const result = await this.send('POST', url, options.deadline, { text, type: options.type });
      return options.write ? result : asRead(result);
    }, resource);
  }
}
