import type { ConnectorContext, ErpFailure, PushResult } from '../contract.ts';
import { classifyTransport, exchange, type HttpAnswer } from '../http-exchange.ts';
import { Authenticator, type S4Auth } from './auth.ts';
import { classifyODataAnswer, classifySoapAnswer, needsCsrfToken, type ODataAnswer } from './errors.ts';
import { GatewaySession, type CsrfToken } from './session.ts';

/**
 * The S/4HANA wire (§1.1–§1.4), no mapping: the SOAP journal-entry service and OData v2 services under
 * one API host, signed in as a communication user or an OAuth client; Gateway session cookies kept and
 * sent back; the CSRF handshake for OData writes (fetch with a GET, then token + cookies; a 403
 * `x-csrf-token: Required` refetches once and retries). The SOAP service takes no CSRF token (§1.2).
 */
export interface S4Endpoint {
  /** The API host, e.g. https://my400123-api.s4hana.cloud.sap */
  readonly baseUrl: string;
  readonly auth: S4Auth;
  /** On-premise client (`sap-client` header), absent in the cloud. */
  readonly sapClient?: string;
  /** `sap-language`: the language of SAP's message texts. */
  readonly language: string;
  /** Path of the journal-entry SOAP service (cloud `scs_ext`, or the on-premise `xip` binding). */
  readonly soapPath: string;
  /** Root of the OData v2 services, `/sap/opu/odata/sap`. */
  readonly odataRoot: string;
}

type Sent =
  { readonly ok: true; readonly answer: HttpAnswer } | { readonly ok: false; readonly failure: ErpFailure };

/** A read that failed without a readable answer changed nothing: resending is safe. */
export const asRead = (failure: ErpFailure): ErpFailure =>
  failure.outcome === 'ambiguous' ? { ...failure, outcome: 'transient' } : failure;

export class S4Client {
  private readonly endpoint: S4Endpoint;
  private readonly ctx: ConnectorContext;
  private readonly auth: Authenticator;
  private readonly session = new GatewaySession();

  constructor(endpoint: S4Endpoint, ctx: ConnectorContext) {
    this.endpoint = { ...endpoint, baseUrl: endpoint.baseUrl.replace(/\/+$/, '') };
    this.ctx = ctx;
    this.auth = new Authenticator(endpoint.auth, this.endpoint.baseUrl, ctx, this.systemHeaders());
  }

  private systemHeaders(): Record<string, string> {
    return {
      'sap-language': this.endpoint.language,
      ...(this.endpoint.sapClient === undefined ? {} : { 'sap-client': this.endpoint.sapClient }),
    };
  }

  /** The path of an OData service resource, e.g. `API_BUSINESS_PARTNER/A_Supplier?…`. */
  odataPath(service: string, resource: string): string {
    return `${this.endpoint.odataRoot}/${service}/${resource}`;
  }

  /** One exchange with the session's cookies; the answer's cookies are kept. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Readonly<Record<string, string>>,
    body?: string,
  ): Promise<Sent> {
    const cookie = this.session.cookieHeader();
    try {
      const answer = await exchange(`${this.endpoint.baseUrl}${path}`, {
        method,
        headers: { ...this.systemHeaders(), ...headers, ...(cookie === undefined ? {} : { cookie }) },
        ...(body === undefined ? {} : { body }),
        timeoutMs: this.ctx.timeoutMs,
      });
      this.session.remember(answer.headers);
      return { ok: true, answer };
    } catch (error) {
      return { ok: false, failure: classifyTransport(error) };
    }
  }

  /**
   * A call with the `Authorization` header; a 401 to a bearer token means it expired: S/4 refused the
   * call before doing anything, so it is made once more with a new token.
   */
  private async signed(call: (authorization: string) => Promise<Sent>): Promise<Sent> {
    for (let attempt = 0; ; attempt++) {
      const authorization = await this.auth.header();
      if (!authorization.ok) return { ok: false, failure: authorization.failure };
      const sent = await call(authorization.value);
      if (!sent.ok || sent.answer.status !== 401) return sent;
      const renewable = this.auth.refused(authorization.value);
      if (renewable && attempt === 0) {
        this.ctx.log('sap-s4.token_refused', {});
        continue;
      }
      return {
        ok: false,
        failure: {
          // a refused password is not cured by asking again; a refused fresh token may be, later
          outcome: renewable ? 'auth_expired' : 'rejected',
          code: 'HTTP 401',
          message: renewable
            ? 'S/4 refused a freshly issued OAuth token'
            : `S/4 refused the communication user's credentials (${this.auth.kind})`,
        },
      };
    }
  }

  /**
   * Posts one `JournalEntryBulkCreateRequest` (§1.3) and reads one result per entry, in order.
   * `messageIds` are the entries' `MessageHeader/ID`s, which the confirmations echo.
   */
  async postJournalEntries(
    xml: string,
    soapAction: string,
    messageIds: readonly string[],
  ): Promise<PushResult[]> {
    const sent = await this.signed((authorization) =>
      this.send(
        'POST',
        this.endpoint.soapPath,
        {
          authorization,
          'content-type': 'text/xml; charset=utf-8',
          accept: 'text/xml',
          soapaction: `"${soapAction}"`,
        },
        xml,
      ),
    );
    if (!sent.ok) return messageIds.map(() => sent.failure);
    const { status, headers, text } = sent.answer;
    return classifySoapAnswer(status, headers, text, messageIds);
  }

  /** An OData read (`$format=json` in `resource` or the Accept header asks for JSON, §1.4). */
  async read(
    service: string,
    resource: string,
    extraHeaders: Readonly<Record<string, string>> = {},
  ): Promise<ODataAnswer> {
    const sent = await this.signed((authorization) =>
      this.send('GET', this.odataPath(service, resource), {
        authorization,
        accept: 'application/json',
        ...extraHeaders,
      }),
    );
    if (!sent.ok) return { ok: false, failure: asRead(sent.failure) };
    const answer = classifyODataAnswer(sent.answer.status, sent.answer.headers, sent.answer.text);
    return answer.ok ? answer : { ok: false, failure: asRead(answer.failure) };
  }

  /** Reads an absolute `__next` link of server-driven paging, resolved against our host. */
  async readNext(next: string): Promise<ODataAnswer> {
    const target = new URL(next, `${this.endpoint.baseUrl}/`);
    const sent = await this.signed((authorization) =>
      this.send('GET', `${target.pathname}${target.search}`, { authorization, accept: 'application/json' }),
    );
    if (!sent.ok) return { ok: false, failure: asRead(sent.failure) };
    const answer = classifyODataAnswer(sent.answer.status, sent.answer.headers, sent.answer.text);
    return answer.ok ? answer : { ok: false, failure: asRead(answer.failure) };
  }

  /** `x-csrf-token: Fetch` on the service root (§1.4 step 1). */
  private async fetchCsrf(service: string): Promise<CsrfToken> {
    const sent = await this.signed((authorization) =>
      this.send('GET', this.odataPath(service, ''), {
        authorization,
        accept: 'application/json',
        'x-csrf-token': 'Fetch',
      }),
    );
    if (!sent.ok) return { ok: false, failure: asRead(sent.failure) };
    const answer = classifyODataAnswer(sent.answer.status, sent.answer.headers, sent.answer.text);
    if (!answer.ok) return { ok: false, failure: asRead(answer.failure) };
    const token = sent.answer.headers['x-csrf-token'];
    if (typeof token !== 'string' || token === '' || token.toLowerCase() === 'required')
      return {
        ok: false,
        failure: {
          outcome: 'transient',
          code: 'no_csrf_token',
          message: 'S/4 answered the fetch without a CSRF token',
        },
      };
    this.ctx.log('sap-s4.csrf_token', { service });
    return { ok: true, token };
  }

  /**
   * An OData create: `POST` with the CSRF token and the session cookies it belongs to (§1.4 step 2).
   * A 403 `x-csrf-token: Required` means S/4 refused before doing anything: the token is fetched again
   * and the write made once more.
   */
  async create(service: string, entitySet: string, body: unknown): Promise<ODataAnswer> {
    const json = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      const csrf = await this.session.tokenFor(service, () => this.fetchCsrf(service));
      if (!csrf.ok) return { ok: false, failure: csrf.failure };
      const sent = await this.signed((authorization) =>
        this.send(
          'POST',
          this.odataPath(service, entitySet),
          {
            authorization,
            accept: 'application/json',
            'content-type': 'application/json',
            'x-csrf-token': csrf.token,
          },
          json,
        ),
      );
      if (!sent.ok) return { ok: false, failure: sent.failure };
      const { status, headers, text } = sent.answer;
      if (needsCsrfToken(status, headers) && attempt === 0) {
        this.ctx.log('sap-s4.csrf_required', { service });
        this.session.refused(service, csrf.token);
        continue;
      }
      return classifyODataAnswer(status, headers, text);
    }
  }
}
