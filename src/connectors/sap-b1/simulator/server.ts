import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorFaults, SimulatorStartOptions } from '../../contract.ts';
import { pickFaults } from '../../simulator-kit/fault-keys.ts';
import { FaultDice } from '../../simulator-kit/faults.ts';
import type { ODataVersion } from '../client.ts';
import { DEFAULT_SAP_B1_SETTINGS } from '../map/profile.ts';
import { answerB1Admin } from './admin.ts';
import { errorBody, jsonType, proxyErrorPage, throttlePage } from './answers.ts';
import { handleBatch } from './batch.ts';
import { B1Book, type VendorRefCheck } from './book.ts';
import { B1_FAULT_KEYS, drawB1, type B1Faults } from './faults.ts';
import { loginAnswer, sessionOf } from './gate.ts';
import { handleResource, type Answer, type ServiceContext } from './service.ts';
import { Sessions, type Credentials } from './sessions.ts';
import { pageSizeOf } from './query.ts';

/**
 * A SAP Business One Service Layer simulator on loopback (§2, checklist §5.2): `/b1s/v1/` (OData v3
 * flavour) and `/b1s/v2/` (OData v4 flavour) side by side, a session from one accepted by the other;
 * `Login`/`Logout` with the `B1SESSION` (no path, trailing semicolon) and `ROUTEID` cookies; idle
 * session expiry; `JournalEntries`, `PurchaseInvoices`, `VendorPayments` (write and read),
 * `BusinessPartners` and `ChartOfAccounts` (read) with OData paging; `$batch` with changesets; the
 * common faults and B1's own (session timeout, node failover, parallel-login failure).
 */
export interface SapB1SimulatorOptions extends SimulatorStartOptions {
  readonly credentials?: Partial<Credentials>;
  /** Locked posting periods, `YYYY-MM`. */
  readonly closedPeriods?: readonly string[];
  /** Load-balanced nodes (`ROUTEID` .node1 … .nodeN); 1 = no balancer, no ROUTEID. Default 2. */
  readonly nodes?: number;
  readonly routeSwitchRate?: number;
  readonly maxParallelLogins?: number;
  /** The company's duplicate vendor reference rule on A/P invoices (default none, as B1 ships). */
  readonly vendorRefCheck?: VendorRefCheck;
  readonly localCurrency?: string;
  /** VAT group / tax code → rate; default the profile's default codes. */
  readonly taxCodes?: Readonly<Record<string, string>>;
  /** The B1 server's offset from UTC, minutes (its local dates and update stamps). Default +480. */
  readonly utcOffsetMinutes?: number;
  /** `Version` the login answers with. */
  readonly b1Version?: string;
}

export interface SapB1Simulator {
  /** Base URL of the server, e.g. http://127.0.0.1:9103/ (the service is under b1s/v1/ and b1s/v2/). */
  readonly url: string;
  readonly book: B1Book;
  readonly credentials: Credentials;
  readonly connection: {
    readonly settings: Readonly<Record<string, unknown>>;
    readonly credentials: Readonly<Record<string, string>>;
  };
  readonly stats: Record<string, number>;
  /** Service calls in order (last 1000), for tests of what a client sent. */
  readonly calls: {
    readonly method: string;
    readonly resource: string;
    readonly search: string;
    readonly headers: Readonly<Record<string, string>>;
  }[];
  setFaults(faults: SimulatorFaults & B1Faults): void;
  /** Commit the next `n` writes, then reset their connections. */
  dropNextCommits(n: number): void;
  /** Commit the next `n` writes, then never answer them. */
  hangNextCommits(n: number): void;
  /** Ends every session now; returns how many there were. */
  expireSessions(): number;
  /** Changes one master record (its update stamp moves on); returns its number. */
  touch(object: string): string;
  close(): Promise<void>;
}

export const DEFAULT_CREDENTIALS: Credentials = {
  companyDb: 'SBODEMOCN',
  userName: 'manager',
  password: 'B1demo#2026',
};

const DEFAULT_TAX_CODES = Object.fromEntries(
  Object.entries(DEFAULT_SAP_B1_SETTINGS.taxCodes).map(([rate, code]) => [code, rate]),
);

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

export async function startSapB1Simulator(options: SapB1SimulatorOptions): Promise<SapB1Simulator> {
  const { now } = options;
  const offsetMs = (options.utcOffsetMinutes ?? 480) * 60_000;
  /** B1's local stamp `YYYY-MM-DDTHH:MM:SS` of an instant. */
  const local = (at: Date) => new Date(at.getTime() + offsetMs).toISOString().slice(0, 19);
  const credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const book = new B1Book(options.master, {
    seededAt: local(new Date(now().getTime() - 86_400_000)),
    localCurrency: options.localCurrency ?? DEFAULT_SAP_B1_SETTINGS.localCurrency,
    taxCodes: options.taxCodes ?? DEFAULT_TAX_CODES,
    closedPeriods: options.closedPeriods ?? [],
    vendorRefCheck: options.vendorRefCheck ?? 'none',
    ...(options.bookFile === undefined ? {} : { file: options.bookFile }),
  });
  const nodes = options.nodes ?? 2;
  const sessions = new Sessions(credentials, options.sessionTtlS ?? 1800, nodes, now);
  sessions.maxParallelLogins = options.maxParallelLogins ?? 0;
  const faults = new FaultDice<B1Faults>(
    options,
    {
      ...pickFaults(options, B1_FAULT_KEYS),
      sessionTtlS: sessions.ttlS,
      maxParallelLogins: sessions.maxParallelLogins,
    },
    options.seed ?? 1,
  );
  const counters = { requests: 0, committed: 0, dropped: 0, hung: 0, errors: 0, throttled: 0, batches: 0 };
  const calls: SapB1Simulator['calls'] = [];
  const hung = new Set<Socket>();
  let origin = '';

  /** The common faults to the dice; B1's own to the dice too, and the session ones on to the sessions. */
  const setFaults = (common: SimulatorFaults, own: B1Faults) => {
    faults.set(common, own);
    sessions.ttlS = faults.own.sessionTtlS ?? sessions.ttlS;
    sessions.maxParallelLogins = faults.own.maxParallelLogins ?? sessions.maxParallelLogins;
  };
  const stats = () => ({
    ...counters,
    ...sessions.stats,
    activeSessions: sessions.active,
    journalEntries: book.journalEntries.length,
    purchaseInvoices: book.purchaseInvoices.length,
    vendorPayments: book.vendorPayments.length,
  });

  async function service(
    req: IncomingMessage,
    version: ODataVersion,
    resource: string,
    search: string,
    body: string,
    routeSwitch: boolean,
  ): Promise<Answer> {
    const method = req.method ?? 'GET';
    const base = `${origin}b1s/${version}/`;
    calls.push({
      method,
      resource,
      search,
      headers: Object.fromEntries(
        ['cookie', 'prefer', 'content-type', 'b1s-pagesize'].flatMap((h) => {
          const v = header(req, h);
          return v === undefined ? [] : [[h, v]];
        }),
      ),
    });
    if (calls.length > 1000) calls.shift();
    const cookie = header(req, 'cookie');
    if (resource === 'Login' && method === 'POST')
      return loginAnswer(sessions, version, base, body, cookie, options.b1Version ?? '1000190', nodes > 1);
    const session = sessionOf(sessions, version, cookie, routeSwitch, nodes > 1);
    if ('status' in session) return session;
    if (resource === 'Logout' && method === 'POST') {
      sessions.logout(session.id);
      return { status: 204, headers: {}, body: '', commits: false };
    }
    const ctx: ServiceContext = {
      book,
      version,
      base,
      today: local(now()).slice(0, 10),
      pageSize: pageSizeOf(header(req, 'prefer'), header(req, 'b1s-pagesize')),
      caseInsensitive: header(req, 'b1s-caseinsensitive') === 'true',
      returnNoContent: /return-no-content/i.test(header(req, 'prefer') ?? ''),
    };
    if (resource === '$batch' && method === 'POST') {
      counters.batches += 1;
      return handleBatch(ctx, header(req, 'content-type'), body);
    }
    return handleResource(ctx, method, resource, search, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    counters.requests += 1;
    const target = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const control = answerB1Admin(method, target.pathname, body, {
      stats,
      documents: () => book.documents(),
      faults: () => faults.current,
      setFaults,
      expireSessions: () => sessions.expireAll(),
      tamper: (change) => book.tamper(change),
    });
    if (control !== undefined) {
      res.writeHead(control.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(control.body));
      return;
    }
    const m = /^\/b1s\/(v1|v2)\/(.*)$/.exec(target.pathname);
    if (m === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    const version = m[1] as ODataVersion;
    const plan = drawB1(faults);
    if (plan.latencyMs > 0) await new Promise((r) => setTimeout(r, plan.latencyMs));
    if (plan.serverError) {
      counters.errors += 1;
      res.writeHead(502, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(proxyErrorPage(method, target.pathname));
      return;
    }
    const swallow = () => {
      counters.hung += 1;
      hung.add(req.socket);
      req.socket.once('close', () => hung.delete(req.socket));
    };
    if (plan.hang === 'before') return swallow();
    if (!faults.admit()) {
      counters.throttled += 1;
      res.writeHead(429, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '1' });
      res.end(throttlePage);
      return;
    }
    let resource: string;
    try {
      resource = decodeURIComponent(m[2] ?? '');
    } catch {
      resource = m[2] ?? '';
    }
    const answer = await service(
      req,
      version,
      resource,
      target.search,
      body,
      plan.routeSwitch && resource !== 'Login',
    );
    if (answer.commits) {
      counters.committed += 1;
      book.save();
    }
    if (answer.commits ? faults.hangsCommit(plan) : plan.hang === 'after') return swallow();
    if (answer.commits && faults.dropsCommit(plan)) {
      counters.dropped += 1;
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': jsonType('v1') });
        res.end(
          errorBody('v1', {
            status: 500,
            code: -1,
            message: `Internal error: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}/`;
  return {
    url: origin,
    book,
    credentials,
    connection: {
      settings: { companyDb: credentials.companyDb, odataVersion: 'v1', authKind: 'password' },
      credentials: { userName: credentials.userName, password: credentials.password },
    },
    get stats() {
      return stats();
    },
    calls,
    setFaults: (next) => setFaults(next, pickFaults(next, B1_FAULT_KEYS)),
    dropNextCommits: (n) => faults.dropNextCommits(n),
    hangNextCommits: (n) => faults.hangNextCommits(n),
    expireSessions: () => sessions.expireAll(),
    touch(object) {
      if (object !== 'suppliers')
        throw new Error(`the simulator tracks changes of suppliers only, not ${object}`);
      const [code] = [...book.partners.keys()].sort();
      if (code === undefined) throw new Error('no supplier to touch');
      book.touchPartner(code, local(now()));
      return code;
    },
    close: async () => {
      for (const socket of hung) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
