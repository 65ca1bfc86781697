import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loginSign, verifySignedHeaders } from '../signing.ts';
import type { Envelope } from './envelope.ts';

/**
 * Signing in to the simulated data centre: the three login kinds of `AuthService` (ValidateUser with a
 * password, LoginByAppSecret and LoginBySign for a registered third-party app) and Logout; the
 * sessions they open (the `kdservice-sessionid` cookie, idle for at most the session lifetime); and the
 * X-Api-* signed headers that open a session on the first business call without any login.
 */

/** The product version the simulated site reports at sign-in (Context.DisplayVersion). */
export const KINGDEE_VERSION = '8.2.880.9';

export interface SignInSettings {
  readonly acctId: string;
  /** User name → password. */
  readonly users: Readonly<Record<string, string>>;
  /** Registered third-party apps (第三方系统登录授权). */
  readonly apps: readonly { appId: string; appSecret: string }[];
  /** Idle session lifetime, ms. */
  readonly ttlMs: number;
  readonly now: () => Date;
}

/** How far a signed request's X-Api-Timestamp may be from the simulator's clock. */
const SIGNATURE_SKEW_MS = 10 * 60_000;

export class Sessions {
  readonly #settings: SignInSettings;
  readonly #sessions = new Map<string, { user: string; lastSeen: number }>();

  constructor(settings: SignInSettings) {
    this.#settings = settings;
  }

  /** The answer of an `AuthService` method, or null when there is no such method. */
  authService(method: string, env: Envelope, res: ServerResponse): unknown {
    const { acctId, users, apps } = this.#settings;
    const arg = (i: number, name: string) => env.args[i] ?? env.named[name];
    if (method === 'validateuser') {
      const [acct, user, password] = [arg(0, 'acctid'), arg(1, 'username'), arg(2, 'password')];
      const ok =
        acct === acctId && typeof user === 'string' && Object.hasOwn(users, user) && users[user] === password;
      return this.#loginResult(ok, String(user), res);
    }
    if (method === 'loginbyappsecret') {
      const [acct, user, appId, appSecret] = [
        arg(0, 'acctid'),
        arg(1, 'username'),
        arg(2, 'appid'),
        arg(3, 'appsecret'),
      ];
      const ok =
        acct === acctId &&
        apps.some((a) => a.appId === appId && a.appSecret === appSecret) &&
        typeof user === 'string';
      return this.#loginResult(ok, String(user), res);
    }
    if (method === 'loginbysign') {
      const [acct, user, appId, timestamp, sign] = [
        arg(0, 'acctid'),
        arg(1, 'username'),
        arg(2, 'appid'),
        arg(3, 'timestamp'),
        arg(4, 'sign'),
      ];
      const app = apps.find((a) => a.appId === appId);
      const ok =
        acct === acctId &&
        app !== undefined &&
        typeof user === 'string' &&
        sign === loginSign(acctId, user, app.appId, app.appSecret, String(timestamp));
      return this.#loginResult(
        ok,
        typeof user === 'string' ? user : '',
        res,
        ok ? undefined : '签名验证失败',
      );
    }
    if (method === 'logout') return { LogoutResultType: 1, Message: '注销成功' };
    return null;
  }

  /** A live session from the cookie or header, or a fresh one from valid signed headers; false when neither. */
  authenticate(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const cookie =
      /kdservice-sessionid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ??
      (req.headers['kdservice-sessionid'] as string | undefined);
    const t = this.#settings.now().getTime();
    if (cookie !== undefined) {
      const session = this.#sessions.get(cookie);
      if (session !== undefined && t - session.lastSeen <= this.#settings.ttlMs) {
        session.lastSeen = t;
        return true;
      }
      this.#sessions.delete(cookie);
    }
    const appKey = req.headers['x-kd-appkey'];
    if (typeof appKey === 'string') {
      const app = this.#settings.apps.find((a) => a.appId === appKey);
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
      );
      if (app !== undefined && verifySignedHeaders(headers, path, app).ok) {
        const stamp = Number(headers['x-api-timestamp']);
        const ms = stamp > 1e12 ? stamp : stamp * 1000;
        if (Math.abs(t - ms) <= SIGNATURE_SKEW_MS) {
          this.#open('app', res);
          return true;
        }
      }
    }
    return false;
  }

  /** Opens a session and sets its cookies (and the ASP.NET one IIS adds). */
  #open(user: string, res: ServerResponse): string {
    const id = randomUUID();
    this.#sessions.set(id, { user, lastSeen: this.#settings.now().getTime() });
    res.setHeader('set-cookie', [
      `kdservice-sessionid=${id}; path=/`,
      `ASP.NET_SessionId=${randomUUID().replace(/-/g, '').slice(0, 24)}; path=/; HttpOnly`,
    ]);
    return id;
  }

  #loginResult(ok: boolean, user: string, res: ServerResponse, message?: string) {
    if (!ok)
      return {
        Message: message ?? '用户名或密码错误',
        MessageCode: '',
        LoginResultType: 0,
        Context: null,
        KDSVCSessionId: null,
        IsSuccessByAPI: true,
      };
    const sid = this.#open(user, res);
    return {
      Message: null,
      MessageCode: '',
      LoginResultType: 1,
      Context: {
        UserLocale: 'zh-CN',
        DBid: this.#settings.acctId,
        SessionId: sid.replace(/-/g, '').slice(0, 24),
        UserName: user,
        DisplayVersion: KINGDEE_VERSION,
        DataCenterName: '正式账套',
        CurrentOrganizationInfo: { ID: 1, Name: '示例科技有限公司' },
      },
      KDSVCSessionId: sid,
      FormId: null,
      IsSuccessByAPI: true,
    };
  }
}
