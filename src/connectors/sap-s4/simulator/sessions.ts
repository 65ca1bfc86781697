import { randomBytes } from 'node:crypto';

/**
 * Gateway security sessions and their CSRF tokens (§1.4): a call without a live session cookie gets a
 * new session (`Set-Cookie: SAP_SESSIONID_<SID>_<client>` and `sap-usercontext`); a session idles out
 * after `idleTtlS`; `x-csrf-token: Fetch` returns the session's token (a new one when it has none or
 * its token is older than `csrfTtlS`); a write must bring that token *and* the session's cookie.
 */
interface Session {
  readonly user: string;
  lastUsed: number;
  token: { readonly value: string; readonly issuedAt: number } | undefined;
}

export interface SessionTimes {
  /** Idle lifetime of a session, seconds. */
  idleTtlS(): number;
  /** Lifetime of a CSRF token, seconds (0 = as long as its session). */
  csrfTtlS(): number;
}

export class Sessions {
  readonly cookieName: string;
  private readonly sapClient: string;
  private readonly sessions = new Map<string, Session>();
  private readonly times: SessionTimes;
  private readonly now: () => Date;
  private calls = 0;

  constructor(sid: string, sapClient: string, times: SessionTimes, now: () => Date) {
    this.cookieName = `SAP_SESSIONID_${sid}_${sapClient}`;
    this.sapClient = sapClient;
    this.times = times;
    this.now = now;
  }

  private cookieOf(header: string | undefined): string | undefined {
    for (const part of (header ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === this.cookieName) return part.slice(eq + 1).trim();
    }
    return undefined;
  }

  private live(id: string | undefined, user: string): Session | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (session === undefined || session.user !== user) return undefined;
    if (this.now().getTime() - session.lastUsed > this.times.idleTtlS() * 1000) {
      this.sessions.delete(id ?? '');
      return undefined;
    }
    return session;
  }

  /** The caller's live session (touched), or a new one with the cookies that name it. */
  attach(
    cookieHeader: string | undefined,
    user: string,
  ): { readonly id: string; readonly setCookies: readonly string[] } {
    if (++this.calls % 512 === 0) this.sweep();
    const id = this.cookieOf(cookieHeader);
    const session = this.live(id, user);
    const now = this.now().getTime();
    if (session !== undefined && id !== undefined) {
      session.lastUsed = now;
      return { id, setCookies: [] };
    }
    const fresh = randomBytes(24).toString('base64url');
    this.sessions.set(fresh, { user, lastUsed: now, token: undefined });
    // plain http on loopback: no `secure` flag, or a cookie jar would never send it back
    return {
      id: fresh,
      setCookies: [
        `${this.cookieName}=${fresh}; path=/; HttpOnly`,
        `sap-usercontext=sap-client=${this.sapClient}; path=/`,
      ],
    };
  }

  private tokenLive(token: Session['token']): token is NonNullable<Session['token']> {
    const ttl = this.times.csrfTtlS();
    return token !== undefined && (ttl <= 0 || this.now().getTime() - token.issuedAt < ttl * 1000);
  }

  /** `x-csrf-token: Fetch`: the session's token, a new one when it has none that is still good. */
  fetchToken(id: string): string {
    const session = this.sessions.get(id);
    if (session === undefined) return '';
    if (!this.tokenLive(session.token))
      session.token = { value: randomBytes(16).toString('base64'), issuedAt: this.now().getTime() };
    return session.token.value;
  }

  /** Whether a write's token is its session's, and still good. */
  checkToken(id: string, token: string | undefined): boolean {
    const session = this.sessions.get(id);
    return session !== undefined && this.tokenLive(session.token) && session.token.value === token;
  }

  /** Invalidates every CSRF token now (the next write meets `403 x-csrf-token: Required`). */
  expireTokens(): number {
    let n = 0;
    for (const session of this.sessions.values())
      if (session.token !== undefined) {
        session.token = undefined;
        n += 1;
      }
    return n;
  }

  /** Ends every session now, as after an application server restart. */
  expireSessions(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }

  private sweep(): void {
    const limit = this.now().getTime() - this.times.idleTtlS() * 1000;
    for (const [id, s] of this.sessions) if (s.lastUsed < limit) this.sessions.delete(id);
  }
}
