import type { ConnectorContext, ErpFailure } from '../contract.ts';
import { classifyTransport, exchange } from '../http-exchange.ts';
import { classifyAnswer, type Classified, type YonBody } from './errors.ts';
import { tokenQuery } from './signing.ts';

/**
 * The YonBIP open-platform wire (Part C): the tenant's gateway found once through the data-centre
 * lookup (C1), a signed self-built-app token (C2) cached until shortly before it runs out and renewed
 * when an answer says it is invalid, then business calls `POST {gatewayUrl}/yonbip/<path>?access_token=`
 * with a JSON body (C3). No mapping here.
 */
export interface YonBipEndpoint {
  /** Where the data-centre lookup lives, e.g. https://apigateway.yonyoucloud.com */
  readonly discoveryUrl: string;
  readonly tenantId: string;
  readonly appKey: string;
  readonly appSecret: string;
}

interface Gateway {
  readonly gatewayUrl: string;
  readonly tokenUrl: string;
}

type Got<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ErpFailure };

/** Token lifetime when the answer names none (C2: 7200 s). */
const DEFAULT_EXPIRE_S = 7200;
/** Renew this long before the token runs out, so no call carries a token about to lapse. */
const RENEW_MARGIN_MS = 5 * 60_000;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const shapeFailure = (code: string, body: unknown): ErpFailure => ({
  outcome: 'ambiguous',
  code,
  message: JSON.stringify(body).slice(0, 500),
});

/** A failed read changed nothing: resending it is safe. */
export const asRead = (failure: ErpFailure): ErpFailure =>
  failure.outcome === 'ambiguous' ? { ...failure, outcome: 'transient' } : failure;

export class YonBipClient {
  private readonly endpoint: YonBipEndpoint;
  private readonly ctx: ConnectorContext;
  private gateway: Gateway | undefined;
  private token: { readonly value: string; readonly renewAt: number } | undefined;

  constructor(endpoint: YonBipEndpoint, ctx: ConnectorContext) {
    this.endpoint = { ...endpoint, discoveryUrl: trimSlash(endpoint.discoveryUrl) };
    this.ctx = ctx;
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    exactNumbers = false,
  ): Promise<Classified> {
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
      return { ok: false, failure: classifyTransport(error) };
    }
  }

  /** The tenant's gateway and token hosts (C1), looked up once per client. */
  async resolveGateway(): Promise<Got<Gateway>> {
    if (this.gateway !== undefined) return { ok: true, value: this.gateway };
    const query = new URLSearchParams({ tenantId: this.endpoint.tenantId }).toString();
    const result = await this.send(
      'GET',
      `${this.endpoint.discoveryUrl}/open-auth/dataCenter/getGatewayAddress?${query}`,
    );
    if (!result.ok) return { ok: false, failure: asRead(result.failure) };
    const data = result.body['data'];
    const gatewayUrl = isRecord(data) ? data['gatewayUrl'] : undefined;
    const tokenUrl = isRecord(data) ? data['tokenUrl'] : undefined;
    if (
      typeof gatewayUrl !== 'string' ||
      typeof tokenUrl !== 'string' ||
      gatewayUrl === '' ||
      tokenUrl === ''
    )
      return { ok: false, failure: asRead(shapeFailure('no_gateway', result.body)) };
    this.gateway = { gatewayUrl: trimSlash(gatewayUrl), tokenUrl: trimSlash(tokenUrl) };
    this.ctx.log('yonbip.gateway', { gatewayUrl: this.gateway.gatewayUrl });
    return { ok: true, value: this.gateway };
  }

  /** The cached access token, or a new signed one when there is none or it is about to run out (C2). */
  async accessToken(): Promise<Got<string>> {
    const now = this.ctx.now().getTime();
    if (this.token !== undefined && now < this.token.renewAt) return { ok: true, value: this.token.value };
    const gateway = await this.resolveGateway();
    if (!gateway.ok) return gateway;
    const { appKey, appSecret } = this.endpoint;
    const result = await this.send(
      'GET',
      `${gateway.value.tokenUrl}/open-auth/selfAppAuth/base/v1/getAccessToken?${tokenQuery(appKey, appSecret, now)}`,
    );
    if (!result.ok) {
      const failure = asRead(result.failure);
      // a refused app or signature is not cured by asking again
      return {
        ok: false,
        failure: failure.outcome === 'auth_expired' ? { ...failure, outcome: 'rejected' } : failure,
      };
    }
    // some older deployments nest the token one level deeper (data.data.access_token)
    const outer = result.body['data'];
    const data = isRecord(outer) && isRecord(outer['data']) ? outer['data'] : outer;
    const value = isRecord(data) ? data['access_token'] : undefined;
    if (typeof value !== 'string' || value === '')
      return { ok: false, failure: asRead(shapeFailure('no_token', result.body)) };
    const expire = Number(isRecord(data) ? (data['expire'] ?? DEFAULT_EXPIRE_S) : DEFAULT_EXPIRE_S);
    const lifeMs = (Number.isFinite(expire) && expire > 0 ? expire : DEFAULT_EXPIRE_S) * 1000;
    this.token = { value, renewAt: now + Math.max(lifeMs - RENEW_MARGIN_MS, lifeMs / 2) };
    this.ctx.log('yonbip.token', { expire });
    return { ok: true, value };
  }

  /**
   * A business call (C3) with the token in the query; an answer saying the token is invalid means the
   * call was not served, so it is made once more with a new token. `exactNumbers`: the answer's
   * numbers as their source text (amounts read exactly, never through a float).
   */
  async call(
    method: 'GET' | 'POST',
    path: string,
    body: Readonly<Record<string, unknown>> | undefined,
    query: Readonly<Record<string, string>> = {},
    exactNumbers = false,
  ): Promise<Classified> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      if (!token.ok) return { ok: false, failure: token.failure };
      const gateway = await this.resolveGateway();
      if (!gateway.ok) return { ok: false, failure: gateway.failure };
      const q = new URLSearchParams({ access_token: token.value, ...query }).toString();
      const result = await this.send(
        method,
        `${gateway.value.gatewayUrl}/yonbip${path}?${q}`,
        body,
        exactNumbers,
      );
      if (result.ok || result.failure.outcome !== 'auth_expired' || attempt > 0) return result;
      this.ctx.log('yonbip.token_invalid', { path });
      this.token = undefined;
    }
  }
}

export type { YonBody };
