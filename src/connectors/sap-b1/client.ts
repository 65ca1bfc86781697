import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ConnectorContext, ErpFailure } from '../contract.ts';
import { classifyTransport, exchange } from '../http-exchange.ts';
import { cookiesSet, sessionCookie } from './cookies.ts';
import { asRead, classifyAnswer, readB1Error, type Classified } from './errors.ts';
import { boundaryOf, buildBatch, readBatchAnswer, type BatchAnswer, type BatchRequest } from './multipart.ts';

/**
 * The Service Layer wire (§2.1–§2.6), no mapping: `POST Login` with the company database, user and
 * password; the session kept in the `B1SESSION` and `ROUTEID` cookies, read by hand from
 * `Set-Cookie` and sent back on every call; one login at a time (parallel logins fail with 299, and
 * each session holds a licence), reused until B1 says `301 Invalid session` — then one new login and
 * the call once more (301 means nothing was done) — or until it has been idle for `SessionTimeout`;
 * `POST Logout` on close. Reads whose answer is lost are transient (they changed nothing), writes
 * ambiguous.
 */
export type ODataVersion = 'v1' | 'v2';

export interface B1Endpoint {
  /** The server, e.g. https://b1.example.com:50000 (a trailing /b1s/v1 is accepted and dropped). */
  readonly baseUrl: string;
  readonly companyDb: string;
  readonly userName: string;
  readonly password: string;
  readonly version: ODataVersion;
}

interface Session {
  readonly id: string;
  readonly idleMs: number;
  lastUsedAt: number;
  /** B1's `Version` from the login answer, e.g. 1000190. */
  readonly b1Version: string | undefined;
}

export type Call =
  { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly failure: ErpFailure };

/** An answer with its raw parts, or a failure before there was one. */
type Raw =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: IncomingHttpHeaders;
      readonly text: string;
    }
  | { readonly ok: false; readonly failure: ErpFailure };

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

const failedCall = (failure: ErpFailure): Classified => ({ ok: false, status: 0, failure });

/** SessionTimeout when the login answer names none (§2.1: 30 minutes by default). */
const DEFAULT_IDLE_MIN = 30;

export class B1Client {
  private readonly endpoint: B1Endpoint;
  private readonly ctx: ConnectorContext;
  /** The service root, e.g. https://b1.example.com:50000/b1s/v1 */
  readonly root: string;
  private session: Session | undefined;
  /** The balancer's stickiness cookie: the node this connection's calls go to, login included. */
  private routeId: string | undefined;
  private signingIn: Promise<Call> | undefined;
  #logins = 0;

  constructor(endpoint: B1Endpoint, ctx: ConnectorContext) {
    this.endpoint = endpoint;
    this.ctx = ctx;
    const server = endpoint.baseUrl.replace(/\/+$/, '').replace(/\/b1s\/v[12]$/, '');
    this.root = `${server}/b1s/${endpoint.version}`;
  }

  /** The absolute path of a resource of the service, as `$batch` sub-requests name it (§2.6). */
  pathOf(resource: string): string {
    return `${new URL(this.root).pathname}/${resource}`;
  }

  /** The B1 version the last login reported. */
  get b1Version(): string | undefined {
    return this.session?.b1Version;
  }

  private async send(
    method: 'GET' | 'POST',
    resource: string,
    headers: Readonly<Record<string, string>>,
    body?: string,
  ): Promise<Raw> {
    try {
      const answer = await exchange(`${this.root}/${resource}`, {
        method,
        headers: { accept: 'application/json', ...headers },
        ...(body === undefined ? {} : { body }),
        timeoutMs: this.ctx.timeoutMs,
      });
      return { ok: true, status: answer.status, headers: answer.headers, text: answer.text };
    } catch (error) {
      return { ok: false, failure: classifyTransport(error) };
    }
  }

  /** Logins this client has made (each holds a B1 licence while it lives). */
  get logins(): number {
    return this.#logins;
  }

  private async login(): Promise<Call> {
    this.#logins += 1;
    const { companyDb, userName, password } = this.endpoint;
    const raw = await this.send(
      'POST',
      'Login',
      {
        'content-type': 'application/json',
        ...(this.routeId === undefined ? {} : { cookie: `ROUTEID=${this.routeId}` }),
      },
      JSON.stringify({ CompanyDB: companyDb, UserName: userName, Password: password }),
    );
    // a login creates nothing of the company's: whatever happened to it, trying again is safe
    if (!raw.ok) return { ok: false, failure: asRead(raw.failure) };
    const answer = classifyAnswer(raw.status, header(raw.headers, 'content-type'), raw.text, true);
    if (!answer.ok) {
      const failure = asRead(answer.failure);
      this.ctx.log('sap-b1.login_failed', { code: failure.code, message: failure.message });
      return {
        ok: false,
        failure: failure.outcome === 'auth_expired' ? { ...failure, outcome: 'rejected' } : failure,
      };
    }
    const cookies = cookiesSet(raw.headers['set-cookie']);
    const body = answer.body ?? {};
    const id =
      cookies['B1SESSION'] ?? (typeof body['SessionId'] === 'string' ? body['SessionId'] : undefined);
    if (id === undefined || id === '')
      return {
        ok: false,
        failure: {
          outcome: 'transient',
          code: 'no_session',
          message: `login answered no session: ${raw.text.slice(0, 300)}`,
        },
      };
    const minutes = Number(body['SessionTimeout'] ?? DEFAULT_IDLE_MIN);
    const version = body['Version'];
    if (cookies['ROUTEID'] !== undefined) this.routeId = cookies['ROUTEID'];
    const session: Session = {
      id,
      idleMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_IDLE_MIN) * 60_000,
      lastUsedAt: this.ctx.now().getTime(),
      b1Version: typeof version === 'string' || typeof version === 'number' ? String(version) : undefined,
    };
    this.session = session;
    this.ctx.log('sap-b1.login', { routeId: this.routeId, sessionTimeoutMin: session.idleMs / 60_000 });
    return { ok: true, session };
  }

  /** Whether a session has idled past B1's timeout (less a margin), by the injected clock. */
  private idle(session: Session): boolean {
    const margin = Math.min(60_000, session.idleMs / 10);
    return this.ctx.now().getTime() - session.lastUsedAt >= session.idleMs - margin;
  }

  /** The live session, or one login shared by every caller waiting for it. */
  signIn(): Promise<Call> {
    const current = this.session;
    if (current !== undefined && !this.idle(current)) return Promise.resolve({ ok: true, session: current });
    if (current !== undefined) this.session = undefined;
    if (this.signingIn === undefined) {
      const pending = this.login().finally(() => {
        if (this.signingIn === pending) this.signingIn = undefined;
      });
      this.signingIn = pending;
    }
    return this.signingIn;
  }

  /** Drops a session B1 refused, unless another caller already replaced it. */
  private forget(session: Session): void {
    if (this.session === session) this.session = undefined;
  }

  /**
   * A call in the session. A `401` with code 301 means B1 did nothing with it: the session is
   * dropped, one login made (shared with every concurrent caller) and the call sent once more.
   */
  private async inSession(
    method: 'GET' | 'POST',
    resource: string,
    headers: Readonly<Record<string, string>>,
    body?: string,
  ): Promise<Raw> {
    for (let attempt = 0; ; attempt++) {
      const signed = await this.signIn();
      if (!signed.ok) return signed;
      const { session } = signed;
      const raw = await this.send(
        method,
        resource,
        { ...headers, cookie: sessionCookie(session.id, this.routeId) },
        body,
      );
      if (!raw.ok) return raw;
      // a balancer that moved the connection to another node says so in ROUTEID: follow it
      const route = cookiesSet(raw.headers['set-cookie'])['ROUTEID'];
      if (route !== undefined) this.routeId = route;
      if (raw.status === 401 && readB1Error(raw.text)?.code === '301') {
        this.ctx.log('sap-b1.session_refused', { resource: resource.split('?', 1)[0], attempt });
        this.forget(session);
        if (attempt === 0) continue;
      } else session.lastUsedAt = this.ctx.now().getTime();
      return raw;
    }
  }

  /**
   * A read; `pageSize` asks for `Prefer: odata.maxpagesize` (§2.3); `exact` keeps the answer's numbers
   * as B1's text (amounts). Failures without an answer are transient.
   */
  async get(resource: string, pageSize?: number, exact = false): Promise<Classified> {
    const raw = await this.inSession(
      'GET',
      resource,
      pageSize === undefined ? {} : { prefer: `odata.maxpagesize=${pageSize}` },
    );
    if (!raw.ok) return failedCall(asRead(raw.failure));
    const answer = classifyAnswer(raw.status, header(raw.headers, 'content-type'), raw.text, true, exact);
    return answer.ok ? answer : { ...answer, failure: asRead(answer.failure) };
  }

  /** A write: `POST` of a JSON body, answered 201 with the created record (§2.4). */
  async post(resource: string, body: unknown): Promise<Classified> {
    const raw = await this.inSession(
      'POST',
      resource,
      { 'content-type': 'application/json' },
      JSON.stringify(body),
    );
    if (!raw.ok) return failedCall(raw.failure);
    return classifyAnswer(raw.status, header(raw.headers, 'content-type'), raw.text, true);
  }

  /**
   * `POST $batch` of changesets (§2.6): the answers of each changeset in order — one per request when
   * it was committed, one for the whole of it when it failed — or the failure of the whole call.
   */
  async batch(
    changesets: readonly (readonly BatchRequest[])[],
  ): Promise<
    | { readonly ok: true; readonly answers: BatchAnswer[][] }
    | { readonly ok: false; readonly failure: ErpFailure }
  > {
    const boundary = `batch_${randomUUID()}`;
    const body = buildBatch(
      boundary,
      changesets.map((requests) => ({ boundary: `changeset_${randomUUID()}`, requests })),
    );
    const raw = await this.inSession(
      'POST',
      '$batch',
      { 'content-type': `multipart/mixed; boundary=${boundary}` },
      body,
    );
    if (!raw.ok) return raw;
    const contentType = header(raw.headers, 'content-type');
    const answerBoundary = boundaryOf(contentType);
    if (raw.status !== 200 || answerBoundary === undefined) {
      const answer = classifyAnswer(raw.status, contentType, raw.text, true);
      return {
        ok: false,
        failure: answer.ok
          ? {
              outcome: 'ambiguous',
              code: `HTTP ${raw.status}`,
              message: `a batch answer that is not multipart: ${raw.text.slice(0, 300)}`,
            }
          : answer.failure,
      };
    }
    const answers = readBatchAnswer(raw.text, answerBoundary);
    if (answers?.length !== changesets.length)
      return {
        ok: false,
        failure: {
          outcome: 'ambiguous',
          code: 'unreadable_batch',
          message: `a batch answer with ${answers?.length ?? 'no readable'} parts for ${changesets.length} changesets: ${raw.text.slice(0, 300)}`,
        },
      };
    return { ok: true, answers };
  }

  /** `POST Logout` (§2.1): the session and its licence are given back; failures do not matter. */
  async logout(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session === undefined) return;
    await this.send('POST', 'Logout', { cookie: sessionCookie(session.id, this.routeId) });
  }
}
