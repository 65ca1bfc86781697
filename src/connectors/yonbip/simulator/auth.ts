import { randomBytes } from 'node:crypto';
import { signParameters } from '../signing.ts';
import { ANSWERS, platformOk, type YonAnswer } from './answers.ts';

/** The simulated tenant and its self-built app (well-known loopback demo credentials). */
export interface TenantApp {
  readonly tenantId: string;
  readonly appKey: string;
  readonly appSecret: string;
}

export const DEMO_TENANT: TenantApp = {
  tenantId: 'demotenant01',
  appKey: '41832a3d2df94989b500da6a22268747',
  appSecret: 'c5a0f2e9b7d14c3a8e6f1b2d9a7c4e08',
};

/** How far a token request's timestamp may be from the simulator's clock ([INF]: undocumented). */
const SKEW_MS = 10 * 60_000;

type Query = Readonly<Record<string, string>>;

/**
 * Data-centre discovery (C1), signed token issue (C2) and token checks (C3): tokens carry `+ / =` and
 * `-` so a client that does not URL-encode them fails, and live `ttlS` from issue.
 */
export class Auth {
  readonly app: TenantApp;
  private readonly tokens = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(app: TenantApp, ttlS: number, now: () => Date) {
    this.app = app;
    this.ttlMs = ttlS * 1000;
    this.now = now;
  }

  gatewayAddress(q: Query, base: string): YonAnswer {
    if (q['tenantId'] !== this.app.tenantId) return ANSWERS.badTenant();
    return platformOk({ gatewayUrl: `${base}iuap-api-gateway`, tokenUrl: `${base}iuap-api-auth` });
  }

  /** Checks appKey, timestamp (ms, or seconds as one ISV example used) and the signature. */
  issue(q: Query): YonAnswer {
    if (q['appKey'] !== this.app.appKey) return ANSWERS.appDisabled();
    const raw = Number(q['timestamp'] ?? '');
    const ms = raw < 1e12 ? raw * 1000 : raw;
    if (!Number.isFinite(ms) || Math.abs(this.now().getTime() - ms) > SKEW_MS)
      return ANSWERS.staleTimestamp();
    const { signature, ...signed } = q;
    // URLSearchParams has already decoded the query once
    if (signature !== signParameters(signed, this.app.appSecret)) return ANSWERS.badSignature();
    const token = `YT5_TGYonBip-${randomBytes(24).toString('base64')}`;
    this.tokens.set(token, this.now().getTime() + this.ttlMs);
    return platformOk({ access_token: token, expire: this.ttlMs / 1000 });
  }

  /** Null when the token is live, else the gateway's refusal. */
  check(token: string | undefined): YonAnswer | null {
    if (token === undefined || token === '') return ANSWERS.tokenMissing();
    const expires = this.tokens.get(token);
    return expires === undefined || this.now().getTime() >= expires ? ANSWERS.tokenInvalid() : null;
  }

  /** Lapses every issued token at once. */
  expireAll(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }
}
