import { importX509, jwtVerify, type CryptoKey } from 'jose';
import { x5tOf } from '../auth.ts';

/**
 * Who may call the simulated tenant (§3.1): a user with a password over Basic, or a JWT the client
 * signed with the key of a certificate the tenant trusts (found by the header's `x5t`), from the
 * trusted issuer, naming a known user in `sub`/`prn`, not expired and not older than the tenant's
 * token lifetime (`sessionTtlS`) by the tenant's own clock. Anything else is 401.
 */
export interface TenantUser {
  readonly username: string;
  readonly password: string;
}

export interface TrustedIssuer {
  readonly issuer: string;
  readonly certificate: string;
}

export type Verdict =
  { readonly ok: true; readonly user: string } | { readonly ok: false; readonly reason: string };

export class TenantAuth {
  private readonly users: ReadonlyMap<string, string>;
  private readonly issuer: string;
  private readonly x5t: string;
  private readonly key: Promise<CryptoKey>;
  private readonly ttlS: number;
  private readonly now: () => Date;

  constructor(users: readonly TenantUser[], trusted: TrustedIssuer, ttlS: number, now: () => Date) {
    this.users = new Map(users.map((u) => [u.username, u.password]));
    this.issuer = trusted.issuer;
    this.x5t = x5tOf(trusted.certificate);
    this.key = importX509(trusted.certificate, 'RS256');
    this.ttlS = ttlS;
    this.now = now;
  }

  async check(authorization: string | undefined): Promise<Verdict> {
    if (authorization === undefined || authorization === '') return { ok: false, reason: 'no credentials' };
    const [scheme = '', value = ''] = authorization.split(' ', 2);
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      return colon > 0 && this.users.get(user) === decoded.slice(colon + 1)
        ? { ok: true, user }
        : { ok: false, reason: 'bad user or password' };
    }
    if (scheme.toLowerCase() !== 'bearer') return { ok: false, reason: `unsupported scheme ${scheme}` };
    try {
      const { payload, protectedHeader } = await jwtVerify(value, await this.key, {
        issuer: this.issuer,
        algorithms: ['RS256'],
        currentDate: this.now(),
        maxTokenAge: `${this.ttlS}s`,
        requiredClaims: ['exp', 'iat'],
      });
      if (protectedHeader.x5t !== this.x5t) return { ok: false, reason: 'x5t names no trusted certificate' };
      const user = typeof payload['prn'] === 'string' ? payload['prn'] : (payload.sub ?? '');
      return this.users.has(user) ? { ok: true, user } : { ok: false, reason: `unknown user ${user}` };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
