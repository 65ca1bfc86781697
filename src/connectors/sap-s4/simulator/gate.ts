import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may call the simulated tenant (§1.2): one communication user (Basic auth on every call) and one
 * OAuth client (client credentials at `/sap/bc/sec/oauth2/token`, bearer tokens living `tokenTtlS`).
 * An on-premise `sap-client` other than the tenant's is refused like bad credentials (§5.1).
 */
export interface GateAccounts {
  readonly username: string;
  readonly password: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The system id and client, as in `SAP_SESSIONID_<SID>_<client>`. */
  readonly sid: string;
  readonly sapClient: string;
}

/** The demo tenant's well-known credentials (a loopback simulator's, like a demo user's password). */
export const DEFAULT_ACCOUNTS: GateAccounts = {
  username: 'FINBRIDGE_COMM',
  password: 'S4sim-Welcome-2026',
  clientId: 'FINBRIDGE_OAUTH',
  clientSecret: 'b2c1f0e9d8c7b6a5f4e3d2c1b0a9f8e7',
  sid: 'S4H',
  sapClient: '100',
};

export interface GateReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type Admission =
  { readonly ok: true; readonly user: string } | { readonly ok: false; readonly reply: GateReply };

const basicCredentials = (authorization: string): [string, string] | undefined => {
  const m = /^Basic\s+(\S+)$/i.exec(authorization);
  if (m === null) return undefined;
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
};

export class Gate {
  readonly accounts: GateAccounts;
  private readonly tokens = new Map<string, number>();
  private readonly tokenTtlS: () => number;
  private readonly now: () => Date;
  private issued = 0;

  constructor(accounts: GateAccounts, tokenTtlS: () => number, now: () => Date) {
    this.accounts = accounts;
    this.tokenTtlS = tokenTtlS;
    this.now = now;
  }

  private get realm(): string {
    return `SAP NetWeaver Application Server [${this.accounts.sid}/${this.accounts.sapClient}]`;
  }

  /** The 401 of the ICF logon: an HTML page, never JSON (§1.2). */
  private unauthorized(scheme: 'Basic' | 'Bearer'): GateReply {
    return {
      status: 401,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'www-authenticate':
          scheme === 'Basic'
            ? `Basic realm="${this.realm}"`
            : `Bearer realm="${this.realm}", error="invalid_token"`,
      },
      body: '<html><head><title>Logon Error Message</title></head><body><h2>Anmeldung fehlgeschlagen / Logon failed</h2></body></html>',
    };
  }

  /** Whether a call names the tenant's client (or none). */
  private clientOk(headers: IncomingHttpHeaders, query: URLSearchParams): boolean {
    const named = headers['sap-client'] ?? query.get('sap-client') ?? undefined;
    return named === undefined || named === this.accounts.sapClient;
  }

  /** `POST /sap/bc/sec/oauth2/token` with client credentials (§1.2). */
  issueToken(headers: IncomingHttpHeaders, query: URLSearchParams, body: string): GateReply {
    const json = (status: number, value: unknown): GateReply => ({
      status,
      headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
      body: JSON.stringify(value),
    });
    const client = basicCredentials(headers.authorization ?? '');
    if (
      client === undefined ||
      client[0] !== this.accounts.clientId ||
      client[1] !== this.accounts.clientSecret ||
      !this.clientOk(headers, query)
    )
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials')
      return json(400, {
        error: 'unsupported_grant_type',
        error_description: `grant_type ${form.get('grant_type') ?? ''} is not supported`,
      });
    const token = randomBytes(24).toString('base64url');
    const ttl = this.tokenTtlS();
    this.tokens.set(token, this.now().getTime() + ttl * 1000);
    this.issued += 1;
    if (this.issued % 256 === 0) this.sweep();
    return json(200, {
      access_token: token,
      token_type: 'Bearer',
      expires_in: ttl,
      scope: form.get('scope') ?? 'API_BUSINESS_PARTNER_0001 API_SUPPLIERINVOICE_PROCESS_SRV_0001',
    });
  }

  /** Checks the `Authorization` header of a business call. */
  admit(headers: IncomingHttpHeaders, query: URLSearchParams): Admission {
    const authorization = headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (bearer !== null) {
      const expires = this.tokens.get(bearer[1] ?? '');
      if (expires === undefined || this.now().getTime() >= expires || !this.clientOk(headers, query))
        return { ok: false, reply: this.unauthorized('Bearer') };
      return { ok: true, user: this.accounts.clientId };
    }
    const basic = basicCredentials(authorization);
    if (
      basic === undefined ||
      basic[0].toUpperCase() !== this.accounts.username ||
      basic[1] !== this.accounts.password ||
      !this.clientOk(headers, query)
    )
      return { ok: false, reply: this.unauthorized('Basic') };
    return { ok: true, user: this.accounts.username };
  }

  /** Ends every bearer token now (what `POST /__sim/s4/expire-oauth-tokens` does). */
  expireTokens(): number {
    const n = this.tokens.size;
    this.tokens.clear();
    return n;
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [token, expires] of this.tokens) if (expires <= now) this.tokens.delete(token);
  }
}
