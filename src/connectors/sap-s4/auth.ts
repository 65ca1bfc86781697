import type { ConnectorContext, ErpFailure } from '../contract.ts';
import { classifyTransport, exchange } from '../http-exchange.ts';

/**
 * How a call signs in (§1.2): a communication user with Basic auth on every call, or an OAuth 2.0
 * client (client credentials at `/sap/bc/sec/oauth2/token`, client id and secret as Basic) whose
 * bearer token is cached, renewed before it runs out, and fetched once for all concurrent callers.
 */
export type S4Auth =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | {
      readonly kind: 'oauth-client-credentials';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly tokenPath: string;
      readonly scope?: string;
    };

export type Authorization = { ok: true; value: string } | { ok: false; failure: ErpFailure };

const basic = (user: string, secret: string): string =>
  `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;

/** Renew once this share of the token's lifetime is used. */
const RENEW_AT = 0.8;
/** Lifetime when the answer names none (S/4 Cloud issues 12 h tokens, §1.2). */
const DEFAULT_LIFETIME_S = 43_200;

export class Authenticator {
  private readonly auth: S4Auth;
  private readonly baseUrl: string;
  private readonly ctx: ConnectorContext;
  private readonly extraHeaders: Readonly<Record<string, string>>;
  private token: { readonly value: string; readonly renewAt: number } | undefined;
  private pending: Promise<Authorization> | undefined;

  constructor(
    auth: S4Auth,
    baseUrl: string,
    ctx: ConnectorContext,
    extraHeaders: Readonly<Record<string, string>>,
  ) {
    this.auth = auth;
    this.baseUrl = baseUrl;
    this.ctx = ctx;
    this.extraHeaders = extraHeaders;
  }

  get kind(): S4Auth['kind'] {
    return this.auth.kind;
  }

  /** The `Authorization` header for the next call. */
  async header(): Promise<Authorization> {
    const auth = this.auth;
    if (auth.kind === 'basic') return { ok: true, value: basic(auth.username, auth.password) };
    const now = this.ctx.now().getTime();
    if (this.token !== undefined && now < this.token.renewAt)
      return { ok: true, value: `Bearer ${this.token.value}` };
    // one token request for every caller that finds the token missing at the same time
    this.pending ??= this.fetchToken(auth).finally(() => (this.pending = undefined));
    return this.pending;
  }

  /**
   * Forgets the token a call was refused with (a 401): the next `header()` fetches a new one. A token
   * renewed meanwhile by another caller is kept. Basic auth has nothing to renew: false.
   */
  refused(authorization: string): boolean {
    if (this.auth.kind === 'basic') return false;
    if (this.token !== undefined && `Bearer ${this.token.value}` === authorization) this.token = undefined;
    return true;
  }

  private async fetchToken(
    auth: Extract<S4Auth, { kind: 'oauth-client-credentials' }>,
  ): Promise<Authorization> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope !== undefined && auth.scope !== '') form.set('scope', auth.scope);
    let answer;
    try {
      answer = await exchange(`${this.baseUrl}${auth.tokenPath}`, {
        method: 'POST',
        headers: {
          ...this.extraHeaders,
          authorization: basic(auth.clientId, auth.clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        timeoutMs: this.ctx.timeoutMs,
      });
    } catch (error) {
      const failure = classifyTransport(error);
      // asking for a token changes nothing in the books: resending is safe
      return { ok: false, failure: { ...failure, outcome: 'transient' } };
    }
    if (answer.status === 401 || answer.status === 400 || answer.status === 403)
      // never retried blindly: failed secrets lock the OAuth client like a user (§1.2)
      return {
        ok: false,
        failure: {
          outcome: 'rejected',
          code: `token HTTP ${answer.status}`,
          message: answer.text.slice(0, 500) || 'the token endpoint refused the client id or secret',
        },
      };
    if (answer.status === 429)
      return {
        ok: false,
        failure: { outcome: 'throttled', code: 'token HTTP 429', message: answer.text.slice(0, 500) },
      };
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    const token =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>)['access_token']
        : undefined;
    if (answer.status !== 200 || typeof token !== 'string' || token === '')
      return {
        ok: false,
        failure: {
          outcome: 'transient',
          code: `token HTTP ${answer.status}`,
          message: answer.text.slice(0, 500) || 'no access token in the answer',
        },
      };
    // `expires_in` may come as a number or a string (§1.2 [unsure])
    const raw = Number((body as Record<string, unknown>)['expires_in'] ?? DEFAULT_LIFETIME_S);
    const lifetimeS = Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_LIFETIME_S;
    this.token = { value: token, renewAt: this.ctx.now().getTime() + lifetimeS * 1000 * RENEW_AT };
    this.ctx.log('sap-s4.token', { expiresIn: lifetimeS });
    return { ok: true, value: `Bearer ${token}` };
  }
}
