import { randomUUID } from 'node:crypto';
import { cookiesSent } from '../cookies.ts';
import { REFUSALS, type B1Refusal } from './answers.ts';
import { isJson, text } from './checks.ts';

/**
 * Service Layer sessions (§2.1): `POST Login` checks the company database, user and password; a
 * session lives on one node of the load balancer and dies after `ttlS` seconds without a call (each
 * call extends it), at `Logout`, or when its node fails over. A call must carry `B1SESSION` and the
 * `ROUTEID` of its node: with several nodes, a call routed by a missing or other `ROUTEID` lands on a
 * node that does not know the session and gets 301. Too many logins at once fail with 299.
 */
export interface Credentials {
  readonly companyDb: string;
  readonly userName: string;
  readonly password: string;
}

interface Session {
  readonly node: number;
  lastUsedAt: number;
}

export type Checked =
  | { readonly ok: true; readonly id: string; readonly node: number }
  | { readonly ok: false; readonly refusal: B1Refusal; readonly routeTo?: number };

export const routeId = (node: number): string => `.node${node}`;

export class Sessions {
  readonly credentials: Credentials;
  /** Idle lifetime, seconds (switchable while running). */
  ttlS: number;
  /** Logins allowed at once before 299 `SAML Login Failed` (0 = any number). */
  maxParallelLogins = 0;
  readonly stats = { logins: 0, loginsRefused: 0, sessionsRefused: 0, failovers: 0 };
  private readonly sessions = new Map<string, Session>();
  private readonly nodes: number;
  private readonly now: () => Date;
  private turn = 0;
  private inFlight = 0;

  constructor(credentials: Credentials, ttlS: number, nodes: number, now: () => Date) {
    this.credentials = credentials;
    this.ttlS = ttlS;
    this.nodes = Math.max(1, nodes);
    this.now = now;
  }

  /** `SessionTimeout` of the login answer: whole minutes, as B1 writes it. */
  get timeoutMinutes(): number {
    return Math.max(1, Math.ceil(this.ttlS / 60));
  }

  get active(): number {
    return this.sessions.size;
  }

  private nextNode(): number {
    this.turn = (this.turn % this.nodes) + 1;
    return this.turn;
  }

  /** A login, on the node its `ROUTEID` cookie names (the balancer's stickiness) or the next one. */
  async login(
    body: unknown,
    cookieHeader?: string,
  ): Promise<{ readonly id: string; readonly node: number } | B1Refusal> {
    if (this.maxParallelLogins > 0 && this.inFlight >= this.maxParallelLogins) {
      this.stats.loginsRefused += 1;
      return REFUSALS.samlLoginFailed();
    }
    this.inFlight += 1;
    try {
      // a login takes a moment (licence check): others arriving meanwhile run in parallel with it
      if (this.maxParallelLogins > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const json = isJson(body) ? body : {};
      const { companyDb, userName, password } = this.credentials;
      if (text(json['CompanyDB']) !== companyDb) return this.refuse(REFUSALS.unknownCompany());
      if (text(json['UserName']) !== userName || json['Password'] !== password)
        return this.refuse(REFUSALS.badPassword());
      const id = randomUUID();
      const routed = /^\.node(\d+)$/.exec(cookiesSent(cookieHeader)['ROUTEID'] ?? '');
      const asked = routed === null ? 0 : Number(routed[1]);
      const node = asked >= 1 && asked <= this.nodes ? asked : this.nextNode();
      this.sessions.set(id, { node, lastUsedAt: this.now().getTime() });
      this.stats.logins += 1;
      return { id, node };
    } finally {
      this.inFlight -= 1;
    }
  }

  private refuse(refusal: B1Refusal): B1Refusal {
    this.stats.loginsRefused += 1;
    return refusal;
  }

  /** The session of a call's cookies, extended; or 301 (and where the balancer sent the call). */
  check(cookieHeader: string | undefined): Checked {
    const cookies = cookiesSent(cookieHeader);
    const id = cookies['B1SESSION'] ?? '';
    const session = this.sessions.get(id);
    const refused = (routeTo?: number): Checked => {
      this.stats.sessionsRefused += 1;
      return { ok: false, refusal: REFUSALS.invalidSession(), ...(routeTo === undefined ? {} : { routeTo }) };
    };
    const now = this.now().getTime();
    if (session === undefined) return refused();
    if (now - session.lastUsedAt > this.ttlS * 1000) {
      this.sessions.delete(id);
      return refused();
    }
    if (this.nodes > 1 && cookies['ROUTEID'] !== routeId(session.node)) {
      // the balancer routes a call without its node's ROUTEID elsewhere, where the session is unknown
      const node = this.nextNode();
      if (node !== session.node) return refused(node);
    }
    session.lastUsedAt = now;
    return { ok: true, id, node: session.node };
  }

  /** The node of a session fails over: the session is gone and its calls go to another node. */
  failover(id: string): number {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    this.stats.failovers += 1;
    const others = this.nodes === 1 ? 1 : ((session?.node ?? 0) % this.nodes) + 1;
    return others;
  }

  logout(id: string): void {
    this.sessions.delete(id);
  }

  /** Every session dies now (the admin's "expire all sessions"); returns how many there were. */
  expireAll(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }
}
