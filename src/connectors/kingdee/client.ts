import type { ConnectorContext, ErpFailure } from '../contract.ts';
import { classifyTransport, exchange, type HttpAnswer } from '../http-exchange.ts';
import { classifyHttp, classifyMsgCode } from './errors.ts';
import { signedHeaders, type AppCredentials } from './signing.ts';

/**
 * The K/3 Cloud wire: POST {base}{Service}.common.kdsvc with the named envelope, session cookies
 * replayed, re-login once when the session is lost, or per-request signed headers. No mapping here.
 */
export type KingdeeAuth =
  | { readonly kind: 'password'; readonly password: string }
  | { readonly kind: 'app-secret'; readonly appId: string; readonly appSecret: string }
  | { readonly kind: 'signed-headers'; readonly appId: string; readonly appSecret: string };

export interface KingdeeEndpoint {
  readonly baseUrl: string;
  readonly acctId: string;
  readonly username: string;
  readonly lcid: number;
  readonly orgNumber: string;
  readonly auth: KingdeeAuth;
}

export type CallResult =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly failure: ErpFailure };

const AUTH = 'Kingdee.BOS.WebApi.ServicesStub.AuthService.';
export const FORM = 'Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.';

export interface ResponseStatus {
  IsSuccess?: boolean | string;
  MsgCode?: number | string;
  Errors?: { Message?: string; FieldName?: string | null; DIndex?: number }[];
  SuccessEntitys?: { Id?: number | string; Number?: string; DIndex?: number }[];
}

/** The ResponseStatus of a business answer, wherever it sits (Result.ResponseStatus or [[{Result}]]). */
export function responseStatusOf(body: unknown): ResponseStatus | undefined {
  const candidate =
    Array.isArray(body) && Array.isArray(body[0]) && typeof body[0][0] === 'object'
      ? (body[0][0] as unknown)
      : body;
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return undefined;
  const result = (candidate as { Result?: { ResponseStatus?: ResponseStatus | null } }).Result;
  return result?.ResponseStatus ?? undefined;
}

export const isSuccess = (status: ResponseStatus | undefined): boolean =>
  status === undefined || status.IsSuccess === true || status.IsSuccess === 'true';

export function failureOf(status: ResponseStatus): ErpFailure {
  const message =
    (status.Errors ?? [])
      .map((e) => (e.FieldName ? `${e.FieldName}: ${e.Message ?? ''}` : (e.Message ?? '')))
      .join('; ') || '未知错误';
  return classifyMsgCode(Number(status.MsgCode ?? 11), message);
}

export class KingdeeClient {
  private readonly cookies = new Map<string, string>();
  private loggedIn = false;
  private readonly endpoint: KingdeeEndpoint;
  private readonly ctx: ConnectorContext;

  constructor(endpoint: KingdeeEndpoint, ctx: ConnectorContext) {
    this.endpoint = {
      ...endpoint,
      baseUrl: endpoint.baseUrl.endsWith('/') ? endpoint.baseUrl : `${endpoint.baseUrl}/`,
    };
    this.ctx = ctx;
  }

  private async post(service: string, payload: unknown): Promise<CallResult> {
    const url = `${this.endpoint.baseUrl}${service}.common.kdsvc`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const auth = this.endpoint.auth;
    if (auth.kind === 'signed-headers') {
      const credentials: AppCredentials = { ...this.endpoint, appId: auth.appId, appSecret: auth.appSecret };
      Object.assign(
        headers,
        signedHeaders(
          credentials,
          new URL(url).pathname,
          String(Math.floor(this.ctx.now().getTime() / 1000)),
        ),
      );
    }
    let answer: HttpAnswer;
    try {
      answer = await exchange(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(payload),
        timeoutMs: this.ctx.timeoutMs,
      });
    } catch (error) {
      return { ok: false, failure: classifyTransport(error) };
    }
    for (const cookie of answer.headers['set-cookie'] ?? []) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const { status, text } = answer;
    const http = classifyHttp(status, text);
    if (http !== null) return { ok: false, failure: http };
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, failure: { outcome: 'ambiguous', code: 'bad_json', message: text.slice(0, 300) } };
    }
  }

  async login(): Promise<CallResult> {
    const { auth, acctId, username, lcid } = this.endpoint;
    if (auth.kind === 'signed-headers') {
      this.loggedIn = true;
      return { ok: true, body: null };
    }
    this.cookies.clear();
    const result =
      auth.kind === 'password'
        ? await this.post(`${AUTH}ValidateUser`, { acctID: acctId, username, password: auth.password, lcid })
        : await this.post(`${AUTH}LoginByAppSecret`, {
            acctid: acctId,
            username,
            appid: auth.appId,
            appsecret: auth.appSecret,
            lcid,
          });
    if (!result.ok)
      return result.failure.outcome === 'ambiguous'
        ? { ok: false, failure: { ...result.failure, outcome: 'transient' } }
        : result;
    const body = result.body as {
      LoginResultType?: number;
      Message?: string | null;
      Context?: { DisplayVersion?: unknown } | null;
    };
    if (body.LoginResultType !== 1) {
      return {
        ok: false,
        failure: {
          outcome: 'rejected',
          code: `LoginResultType ${String(body.LoginResultType)}`,
          message: body.Message ?? '登录失败',
        },
      };
    }
    this.loggedIn = true;
    if (typeof body.Context?.DisplayVersion === 'string') this.displayVersion = body.Context.DisplayVersion;
    return result;
  }

  /** The product version the last sign-in reported (Context.DisplayVersion), when it did. */
  displayVersion: string | undefined;

  /**
   * A business call. A lost session (MsgCode 1) means the call was not processed, so it is repeated
   * once after logging in again; any other failure is returned classified.
   */
  async call(
    method: string,
    payload: Record<string, unknown>,
    options: { readonly perItem?: boolean } = {},
  ): Promise<CallResult> {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!this.loggedIn) {
        const login = await this.login();
        if (!login.ok) return login;
      }
      const result = await this.post(`${FORM}${method}`, payload);
      if (!result.ok) return result;
      const status = responseStatusOf(result.body);
      if (isSuccess(status)) return result;
      const failure = failureOf(status as ResponseStatus);
      // a batch that some items failed validation in: the caller reads the outcome per DIndex
      if (options.perItem === true && failure.outcome === 'rejected') return result;
      if (failure.outcome === 'auth_expired' && attempt === 0) {
        this.ctx.log('kingdee.session_lost', { method });
        this.loggedIn = false;
        continue;
      }
      return { ok: false, failure };
    }
    return {
      ok: false,
      failure: { outcome: 'auth_expired', code: 'MsgCode 1', message: '会话信息已丢失，请重新登录' },
    };
  }
}
