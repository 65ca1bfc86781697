import type { ConnectorContext, ErpFailure } from '../contract.ts';
import { classifyTransport, exchange } from '../http-exchange.ts';
import { classifyAnswer, type Classified, type U8Body } from './errors.ts';

/**
 * The U8+ OpenAPI wire (Part B): a token from the app key and secret (B1), cached and renewed before it
 * runs out and when an answer says it has; `from_account`/`to_account`/`app_key`/`token` on every call
 * (B3); a fresh trade id for every write (B2). Writes ask for the synchronous answer (`sync=1`). No
 * mapping here.
 */
export interface U8Endpoint {
  /** The relay, e.g. https://api.yonyouup.com */
  readonly baseUrl: string;
  /** 调用方: the app's own account. */
  readonly fromAccount: string;
  /** 提供方: the customer's enterprise account. */
  readonly toAccount: string;
  /** Which U8 data source (账套) when the enterprise has several. */
  readonly dsSequence?: string;
  readonly appKey: string;
  readonly appSecret: string;
}

export type CallResult = Classified;

/** Lifetime when the token answer names none (B1: 7200 s). */
const DEFAULT_TOKEN_S = 7200;
/** Renew once this share of the lifetime is used (clients renew a 7200 s token at about 6000 s). */
const RENEW_AT = 5 / 6;

const failed = (failure: ErpFailure): CallResult => ({ ok: false, failure });

/** A read that failed without an answer created nothing: resending is safe. */
const readFailure = (failure: ErpFailure): ErpFailure =>
  failure.outcome === 'ambiguous' ? { ...failure, outcome: 'transient' } : failure;

export class U8Client {
  private readonly endpoint: U8Endpoint;
  private readonly ctx: ConnectorContext;
  private token: { readonly id: string; readonly renewAt: number } | undefined;

  constructor(endpoint: U8Endpoint, ctx: ConnectorContext) {
    this.endpoint = { ...endpoint, baseUrl: endpoint.baseUrl.replace(/\/+$/, '') };
    this.ctx = ctx;
  }

  private url(path: string, params: Readonly<Record<string, string>>): string {
    return `${this.endpoint.baseUrl}${path}?${new URLSearchParams(params).toString()}`;
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    exactNumbers = false,
  ): Promise<CallResult> {
    try {
      const answer = await exchange(url, {
        method,
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { accept: 'application/json', 'content-type': 'application/json; charset=UTF-8' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        timeoutMs: this.ctx.timeoutMs,
      });
      return classifyAnswer(answer.status, answer.text, exactNumbers);
    } catch (error) {
      return failed(classifyTransport(error));
    }
  }

  /** The cached token, or a new one when there is none or it is due for renewal (B1). */
  async currentToken(): Promise<{ ok: true; token: string } | { ok: false; failure: ErpFailure }> {
    const now = this.ctx.now().getTime();
    if (this.token !== undefined && now < this.token.renewAt) return { ok: true, token: this.token.id };
    const { fromAccount, appKey, appSecret } = this.endpoint;
    const result = await this.send(
      'GET',
      this.url('/system/token', { from_account: fromAccount, app_key: appKey, app_secret: appSecret }),
    );
    if (!result.ok) {
      const failure = readFailure(result.failure);
      // a refused key or secret is not cured by asking again
      return {
        ok: false,
        failure: failure.outcome === 'auth_expired' ? { ...failure, outcome: 'rejected' } : failure,
      };
    }
    const token = result.body['token'] as { id?: unknown; expiresIn?: unknown } | undefined;
    if (typeof token?.id !== 'string' || token.id === '')
      return {
        ok: false,
        failure: {
          outcome: 'transient',
          code: 'no_token',
          message: JSON.stringify(result.body).slice(0, 500),
        },
      };
    const lifetimeS = Number(token.expiresIn ?? DEFAULT_TOKEN_S);
    const seconds = Number.isFinite(lifetimeS) && lifetimeS > 0 ? lifetimeS : DEFAULT_TOKEN_S;
    this.token = { id: token.id, renewAt: now + seconds * 1000 * RENEW_AT };
    this.ctx.log('yonyou.token', { expiresIn: seconds });
    return { ok: true, token: token.id };
  }

  private common(token: string): Record<string, string> {
    const { fromAccount, toAccount, appKey, dsSequence } = this.endpoint;
    return {
      from_account: fromAccount,
      to_account: toAccount,
      app_key: appKey,
      token,
      ...(dsSequence === undefined ? {} : { ds_sequence: dsSequence }),
    };
  }

  /**
   * A call with the token; an answer saying the token expired means nothing was done, so the call is
   * made once more with a new token (and, for a write, a new trade id).
   */
  private async withToken(call: (token: string) => Promise<CallResult>, what: string): Promise<CallResult> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.currentToken();
      if (!token.ok) return failed(token.failure);
      const result = await call(token.token);
      if (result.ok || result.failure.outcome !== 'auth_expired' || attempt > 0) return result;
      this.ctx.log('yonyou.token_expired', { call: what });
      this.token = undefined;
    }
  }

  /**
   * A read: `GET /api/{resource}/{verb}` with the common parameters. `exactNumbers`: the answer's
   * numbers as their source text (amounts read exactly, never through a float).
   */
  get(path: string, params: Readonly<Record<string, string>>, exactNumbers = false): Promise<CallResult> {
    return this.withToken(async (token) => {
      const result = await this.send(
        'GET',
        this.url(path, { ...this.common(token), ...params }),
        undefined,
        exactNumbers,
      );
      return result.ok ? result : failed(readFailure(result.failure));
    }, path);
  }

  /** A trade id for one write (B2). */
  private async tradeId(
    token: string,
  ): Promise<{ ok: true; id: string } | { ok: false; failure: ErpFailure }> {
    const { fromAccount, appKey } = this.endpoint;
    const result = await this.send(
      'GET',
      this.url('/system/tradeid', { from_account: fromAccount, app_key: appKey, token }),
    );
    if (!result.ok) return { ok: false, failure: readFailure(result.failure) };
    const trade = result.body['trade'] as { id?: unknown } | undefined;
    return typeof trade?.id === 'string' && trade.id !== ''
      ? { ok: true, id: trade.id }
      : {
          ok: false,
          failure: {
            outcome: 'transient',
            code: 'no_tradeid',
            message: JSON.stringify(result.body).slice(0, 500),
          },
        };
  }

  /** A write: `POST {path}` with a fresh trade id and `sync=1`, the body keyed by the resource name. */
  post(path: string, body: Readonly<Record<string, unknown>>): Promise<CallResult> {
    return this.withToken(async (token) => {
      const trade = await this.tradeId(token);
      if (!trade.ok) return failed(trade.failure);
      return this.send('POST', this.url(path, { ...this.common(token), tradeid: trade.id, sync: '1' }), body);
    }, path);
  }
}

export type { U8Body };
