import type { IncomingHttpHeaders } from 'node:http';
import type { ErpFailure } from '../contract.ts';

export type CsrfToken =
  { readonly ok: true; readonly token: string } | { readonly ok: false; readonly failure: ErpFailure };

/**
 * The Gateway session a CSRF token belongs to (§1.4): the cookies S/4 sets (`SAP_SESSIONID_<SID>_<client>`,
 * `sap-usercontext`), sent back on every call, and the CSRF token fetched per OData service. A token
 * is only good with the session cookie it was issued in; both are dropped together when S/4 says the
 * token is no longer valid, and a new one is fetched once for all concurrent writers.
 */
export class GatewaySession {
  private readonly cookies = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private readonly pending = new Map<string, Promise<CsrfToken>>();

  /** Keeps the cookies of an answer (name=value; attributes such as path or HttpOnly do not matter here). */
  remember(headers: IncomingHttpHeaders): void {
    for (const line of headers['set-cookie'] ?? []) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=thu, 01[- ]jan[- ]1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The `Cookie` header, or undefined before S/4 has set any. */
  cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  token(service: string): string | undefined {
    return this.tokens.get(service);
  }

  /**
   * The token of a service, fetched by `fetch` when there is none; concurrent callers share one fetch.
   */
  async tokenFor(service: string, fetch: () => Promise<CsrfToken>): Promise<CsrfToken> {
    const known = this.tokens.get(service);
    if (known !== undefined) return { ok: true, token: known };
    let running = this.pending.get(service);
    if (running === undefined) {
      running = fetch()
        .then((result) => {
          if (result.ok) this.tokens.set(service, result.token);
          return result;
        })
        .finally(() => this.pending.delete(service));
      this.pending.set(service, running);
    }
    return running;
  }

  /** Drops a token S/4 refused (unless another caller has already replaced it). */
  refused(service: string, token: string): void {
    if (this.tokens.get(service) === token) this.tokens.delete(service);
  }
}
