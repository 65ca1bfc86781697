import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorFaults, SimulatorStartOptions } from '../../contract.ts';
import { S4Book, type Company } from './book.ts';
import { FaultDice } from '../../simulator-kit/faults.ts';
import { answerS4Admin, applyFaultsFromCode, type AdminParts } from './admin.ts';
import { drawS4, type S4Faults } from './faults.ts';
import { DEFAULT_ACCOUNTS, Gate, type GateAccounts } from './gate.ts';
import type { ServiceData } from './odata/service.ts';
import { route, SOAP_PATH, TOKEN_PATH, type Reply, type RouteContext } from './routes.ts';
import { businessPartnerData } from './services/business-partner.ts';
import { accountingCubeData, journalItemData } from './services/journal-items.ts';
import { costCenterData, glAccountData } from './services/master-data.ts';
import { supplierInvoiceData } from './services/supplier-invoice.ts';
import { Sessions } from './sessions.ts';
import { DEFAULT_TAX_PROCEDURE } from './tax-codes.ts';

/**
 * An SAP S/4HANA API host on loopback (§5.1): the journal-entry SOAP service, the OData v2 services
 * the connector uses (with `$metadata` for each), Basic and OAuth sign-in, Gateway sessions with CSRF
 * tokens; the common faults and S/4's own (faults.ts, drawn by the simulator kit's dice); the admin surface under `/__sim/`.
 */
export interface S4SimulatorOptions extends SimulatorStartOptions {
  readonly accounts?: Partial<GateAccounts>;
  readonly company?: Partial<Company>;
  /** S/4's own faults at start (they can be changed later through `PUT /__sim/faults`). */
  readonly s4Faults?: Partial<S4Faults>;
}

export interface S4Simulator {
  /** The API host, e.g. http://127.0.0.1:9103/ */
  readonly url: string;
  readonly book: S4Book;
  readonly accounts: GateAccounts;
  /** Settings and credentials of a connection signing in as the communication user. */
  readonly connection: {
    readonly settings: Record<string, unknown>;
    readonly credentials: Record<string, string>;
  };
  /** The same as an OAuth client. */
  readonly oauthConnection: {
    readonly settings: Record<string, unknown>;
    readonly credentials: Record<string, string>;
  };
  readonly stats: Record<string, number>;
  /** Business calls in order, for tests of what the connector sent. */
  readonly calls: {
    readonly method: string;
    readonly path: string;
    readonly query: string;
    readonly csrf: string;
  }[];
  setFaults(faults: SimulatorFaults & Partial<S4Faults>): void;
  dropNextCommits(n: number): void;
  hangNextCommits(n: number): void;
  /** Every CSRF token invalid now. */
  expireCsrfTokens(): number;
  /** Every Gateway session ended now. */
  expireSessions(): number;
  /** Every OAuth token invalid now. */
  expireOAuthTokens(): number;
  /** Changes one supplier or G/L account (its change time moves on); returns its number. */
  touch(object: string): string;
  close(): Promise<void>;
}

const DEFAULT_S4_FAULTS: Omit<S4Faults, 'sessionTtlS'> = {
  csrfTokenTtlS: 0,
  soapFaultRate: 0,
  serverPageSize: 0,
  journalItemsWithoutAccountingDocument: false,
  duplicateInvoiceCheck: 'warning',
  closedPeriods: [],
};

function companyOf(options: S4SimulatorOptions): Company {
  const codes = new Set(options.master.accounts.map((a) => a.code));
  return {
    companyCode: '1010',
    chartOfAccounts: 'YCOA',
    controllingArea: 'A000',
    currency: 'CNY',
    logicalSystem: 'S4HCLNT100',
    reconciliationAccount: codes.has('2202') ? '2202' : '21100000',
    inputTaxAccount: codes.has('22210101') ? '22210101' : '15400000',
    taxProcedure: DEFAULT_TAX_PROCEDURE,
    ...options.company,
  };
}

export async function startS4Simulator(options: S4SimulatorOptions): Promise<S4Simulator> {
  const { now } = options;
  const faults = new FaultDice<S4Faults>(
    options,
    { ...DEFAULT_S4_FAULTS, sessionTtlS: options.sessionTtlS ?? 1800, ...options.s4Faults },
    options.seed ?? 1,
  );
  const book = new S4Book(
    options.master,
    companyOf(options),
    Math.floor(now().getTime() / 1000) * 1000,
    options.bookFile,
  );
  const applyPeriods = () => {
    book.closedPeriods.clear();
    for (const p of faults.own.closedPeriods) book.closedPeriods.add(p);
  };
  applyPeriods();
  const gate = new Gate({ ...DEFAULT_ACCOUNTS, ...options.accounts }, () => faults.own.sessionTtlS, now);
  const sessions = new Sessions(
    gate.accounts.sid,
    gate.accounts.sapClient,
    { idleTtlS: () => faults.own.sessionTtlS, csrfTtlS: () => faults.own.csrfTokenTtlS },
    now,
  );
  const services = new Map<string, ServiceData>(
    [
      businessPartnerData(book),
      supplierInvoiceData(book, () => faults.own.duplicateInvoiceCheck, now),
      journalItemData(book, () => !faults.own.journalItemsWithoutAccountingDocument),
      accountingCubeData(book),
      glAccountData(book),
      costCenterData(book),
    ].map((data) => [data.model.name, data]),
  );
  const stats: Record<string, number> = {
    requests: 0,
    committed: 0,
    dropped: 0,
    hung: 0,
    errors: 0,
    throttled: 0,
  };
  const calls: S4Simulator['calls'] = [];
  const hung = new Set<Socket>();
  let baseUrl = '';
  const ctx: RouteContext = { book, gate, sessions, faults, services, now, baseUrl: () => baseUrl, stats };
  const parts: AdminParts = { book, faults, sessions, gate, stats, applyPeriods };
  const setFaults = (next: SimulatorFaults & Partial<S4Faults>) => applyFaultsFromCode(parts, next);
  const admin = (method: string, path: string, body: string) => answerS4Admin(parts, method, path, body);

  function write(res: ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    stats['requests'] = (stats['requests'] ?? 0) + 1;
    const target = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const administered = admin(method, target.pathname, body);
    if (administered !== undefined) {
      write(res, {
        status: administered.status,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(administered.body),
        commits: false,
      });
      return;
    }
    const plan = drawS4(faults);
    if (plan.latencyMs > 0) await new Promise((r) => setTimeout(r, plan.latencyMs));
    if (plan.serverError) {
      stats['errors'] = (stats['errors'] ?? 0) + 1;
      write(res, {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<html><head><title>Service Unavailable</title></head><body><h1>503 Service Unavailable</h1><p>SAP Web Dispatcher: no server available</p></body></html>',
        commits: false,
      });
      return;
    }
    const swallow = () => {
      stats['hung'] = (stats['hung'] ?? 0) + 1;
      hung.add(req.socket);
      req.socket.once('close', () => hung.delete(req.socket));
    };
    if (plan.hang === 'before') return swallow();
    // a request whose caller hung up before a work process took it is dropped by the ICM, not run
    // late: a simulator under load must not commit what its caller already gave up on [inferred]
    if (req.socket.destroyed) {
      stats['abandoned'] = (stats['abandoned'] ?? 0) + 1;
      return;
    }
    // the call log is for tests: a long-running simulator keeps only the latest calls
    if (calls.length >= 20_000) calls.splice(0, 10_000);
    if (target.pathname !== TOKEN_PATH)
      calls.push({
        method,
        path: target.pathname,
        query: target.search,
        csrf: typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : '',
      });
    const reply = route(
      ctx,
      { method, path: target.pathname, query: target.searchParams, headers: req.headers, body },
      plan,
    );
    if (reply.commits) stats['committed'] = (stats['committed'] ?? 0) + 1;
    if (reply.commits ? faults.hangsCommit(plan) : plan.hang === 'after') return swallow();
    if (reply.commits && faults.dropsCommit(plan)) {
      stats['dropped'] = (stats['dropped'] ?? 0) + 1;
      req.socket.destroy();
      return;
    }
    write(res, reply);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<html><body><h1>500 Internal Server Error</h1><p>${error instanceof Error ? error.message : String(error)}</p></body></html>`,
        );
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address}:${address.port}/`;
  const { username, password, clientId, clientSecret } = gate.accounts;
  return {
    url: baseUrl,
    book,
    accounts: gate.accounts,
    connection: { settings: { authKind: 'basic' }, credentials: { username, password } },
    oauthConnection: {
      settings: { authKind: 'oauth-client-credentials' },
      credentials: { clientId, clientSecret },
    },
    stats,
    calls,
    setFaults,
    dropNextCommits: (n) => faults.dropNextCommits(n),
    hangNextCommits: (n) => faults.hangNextCommits(n),
    expireCsrfTokens: () => sessions.expireTokens(),
    expireSessions: () => sessions.expireSessions(),
    expireOAuthTokens: () => gate.expireTokens(),
    touch: (object) => {
      if (object !== 'suppliers' && object !== 'accounts')
        throw new Error(`${object} carries no change time`);
      return book.touch(object, now().getTime());
    },
    close: async () => {
      for (const socket of hung) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { SOAP_PATH, TOKEN_PATH };
