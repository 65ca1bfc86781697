import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorFaults, SimulatorStartOptions } from '../../contract.ts';
import { answerAdmin, type AdminControls } from '../../simulator-admin.ts';
import { pickFaults } from '../../simulator-kit/fault-keys.ts';
import { FaultDice } from '../../simulator-kit/faults.ts';
import { TenantAuth, type TenantUser } from './auth.ts';
import { OracleBook, stamp } from './book.ts';
import { loadBook, saveBook } from './book-file.ts';
import { selfSignedCertificate, type KeyAndCertificate } from './certificate.ts';
import type { IntegrationsContext } from './erp-integrations.ts';
import { ORACLE_FAULT_KEYS, type OracleFaults } from './faults.ts';
import { serveResource } from './resources.ts';
import { errorAnswer, MEDIA, type Answer, type Caller } from './rest.ts';
import { tenantOf, type TenantSetup } from './tenant.ts';

/**
 * An Oracle Fusion Cloud ERP simulator on loopback, speaking fscmRestApi 11.13.18.05 (§3, §5.3): Basic
 * and JWT bearer sign-in, suppliers, Payables invoices, ERP Integrations with Journal Import (FBDI zip,
 * ESS status, execution details) and read-only journal batches; the common faults and Journal Import's
 * own (slow requests, rejected groups, the status of a request that rejected some).
 */
export interface OracleSimulatorOptions extends SimulatorStartOptions, OracleFaults {
  /** Closed GL and AP periods, YYYY-MM. */
  readonly closedPeriods?: readonly string[];
  readonly users?: readonly TenantUser[];
  /** Most items a collection page holds, below the asked limit (default 500): Oracle's short pages. */
  readonly pageCap?: number;
}

export interface OracleSimulator {
  /** e.g. http://127.0.0.1:9000/ */
  readonly url: string;
  readonly book: OracleBook;
  readonly tenant: TenantSetup;
  readonly users: readonly TenantUser[];
  /** The trusted issuer and the key and certificate a JWT bearer client signs with. */
  readonly jwt: { readonly issuer: string; readonly certificate: string; readonly privateKey?: string };
  readonly connection: {
    readonly settings: Readonly<Record<string, unknown>>;
    readonly credentials: Readonly<Record<string, string>>;
  };
  readonly stats: Record<
    'requests' | 'committed' | 'dropped' | 'hung' | 'errors' | 'throttled' | 'unauthorized',
    number
  >;
  /** Business calls in order, for tests of what the connector sent. */
  readonly calls: { readonly method: string; readonly path: string; readonly query: string }[];
  setFaults(faults: SimulatorFaults & OracleFaults): void;
  dropNextCommits(n: number): void;
  hangNextCommits(n: number): void;
  close(): Promise<void>;
}

const ROOT = '/fscmRestApi/resources/11.13.18.05';
export const DEMO_USER: TenantUser = { username: 'FIN_INTEGRATION', password: 'Welcome1#' };
const ISSUER = 'finbridge-simulator';

let keysOfThisProcess: KeyAndCertificate | undefined;
/** One key and certificate per process for simulators without a book file (RSA key generation is slow). */
const demoKeys = (now: Date): KeyAndCertificate =>
  (keysOfThisProcess ??= selfSignedCertificate('FinBridge Oracle Fusion simulator', now));

/** JSON with every number kept as its source text (amounts are summed exactly, never as floats). */
function parseExact(text: string): unknown {
  const reviver = (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && context?.source !== undefined ? context.source : value;
  return JSON.parse(text, reviver);
}

const OHS_503 =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>\n';

/** A whole number from a `--credential` value, when it is one in range. */
const numeric = (value: string | undefined, min: number, max: number): number | undefined => {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** What a connection needs to reach the simulator: a JWT bearer when it has a key to sign with, else Basic. */
function connectionOf(
  user: TenantUser,
  issuer: string,
  certificate: string,
  privateKey: string | undefined,
  signIn: Readonly<Record<string, string>>,
): OracleSimulator['connection'] {
  const framework = signIn['restFrameworkVersion'] ?? '4';
  const common = {
    restFrameworkVersion: /^[2-9]$/.test(framework) ? framework : '4',
    essPollMs: numeric(signIn['essPollMs'], 10, 60_000) ?? 20,
  };
  return privateKey === undefined
    ? {
        settings: { authKind: 'basic', ...common },
        credentials: { username: user.username, password: user.password },
      }
    : {
        settings: {
          authKind: 'jwt-bearer',
          jwtIssuer: issuer,
          jwtLifetimeS: numeric(signIn['jwtLifetimeS'], 30, 3600) ?? 300,
          ...common,
        },
        credentials: { username: user.username, privateKey, certificate },
      };
}

export async function startOracleSimulator(options: OracleSimulatorOptions): Promise<OracleSimulator> {
  const { now } = options;
  const book = new OracleBook(options.master, now());
  const saved = options.bookFile === undefined ? undefined : loadBook(options.bookFile);
  if (saved !== undefined) book.restore(saved);
  book.keys ??= demoKeys(now());
  const signIn = options.signIn ?? {};
  // the customer's own certificate (with its key, so the printed connection can sign) replaces the demo one
  const certificate = signIn['certificate'] ?? book.keys.certificate;
  const privateKey = signIn['certificate'] === undefined ? book.keys.privateKey : signIn['privateKey'];
  const issuer = signIn['jwtIssuer'] ?? ISSUER;
  const tenant = tenantOf(options.master, options.closedPeriods);
  const users = options.users ?? [
    {
      username: signIn['username'] ?? DEMO_USER.username,
      password: signIn['password'] ?? DEMO_USER.password,
    },
  ];
  const auth = new TenantAuth(users, { issuer, certificate }, options.sessionTtlS ?? 3600, now);
  const faults = new FaultDice<OracleFaults>(
    options,
    pickFaults(options, ORACLE_FAULT_KEYS),
    options.seed ?? 1,
  );
  const save = () => {
    if (options.bookFile !== undefined) saveBook(options.bookFile, book.snapshot());
  };
  save();
  const ctx: IntegrationsContext = {
    book,
    tenant,
    get faults() {
      return faults.own;
    },
    random: () => faults.random(),
    now,
    changed: save,
  };
  const stats = { requests: 0, committed: 0, dropped: 0, hung: 0, errors: 0, throttled: 0, unauthorized: 0 };
  const calls: OracleSimulator['calls'] = [];
  const hung = new Set<Socket>();
  let baseUrl = '';

  const adminControls: AdminControls<OracleFaults> = {
    stats: () => ({
      ...stats,
      invoices: book.invoices.length,
      journalBatches: book.batches.length,
      essRequests: book.jobs.size,
      interfaceRows: book.interfaceRows.length,
    }),
    documents: () => book.documents(),
    faults: () => faults.current,
    setFaults: (common, own) => faults.set(common, own),
    tamper: (change) => {
      // the simulated chart's natural account is its Account segment
      const changed = book.tamper(
        change,
        tenant.segments.findIndex((s) => s.name === 'Account'),
      );
      if (changed) save();
      return changed;
    },
  };

  /** `/__sim/…`: the shared controls, Journal Import's faults taken by a faults change with the common ones. */
  const admin = (method: string, path: string, body: string) =>
    answerAdmin(method, path, body, adminControls, ORACLE_FAULT_KEYS);

  const send = (res: ServerResponse, answer: Answer, framework: number) => {
    res.writeHead(answer.status, {
      'content-type': answer.type,
      'rest-framework-version': String(framework),
      'cache-control': 'no-cache, no-store, must-revalidate',
      ...answer.headers,
    });
    res.end(answer.body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    stats.requests += 1;
    const target = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const managed = admin(method, target.pathname, body);
    if (managed !== undefined) {
      res.writeHead(managed.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(managed.body));
      return;
    }
    const plan = faults.draw();
    if (plan.latencyMs > 0) await new Promise((r) => setTimeout(r, plan.latencyMs));
    if (plan.serverError) {
      stats.errors += 1;
      res.writeHead(503, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(OHS_503);
      return;
    }
    const swallow = () => {
      stats.hung += 1;
      hung.add(req.socket);
      req.socket.once('close', () => hung.delete(req.socket));
    };
    if (plan.hang === 'before') return swallow();
    const requested = Number(req.headers['rest-framework-version'] ?? '1');
    const framework = Number.isInteger(requested) && requested >= 1 && requested <= 9 ? requested : 1;
    const accept = req.headers.accept ?? '';
    const caller: Caller = {
      framework,
      structuredErrors: accept.includes(MEDIA.error),
      root: `${baseUrl.replace(/\/$/, '')}${ROOT}`,
      pageCap: options.pageCap ?? 500,
    };
    if (!target.pathname.startsWith(`${ROOT}/`)) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
      return;
    }
    const verdict = await auth.check(req.headers.authorization);
    if (!verdict.ok) {
      stats.unauthorized += 1;
      res.writeHead(401, { 'www-authenticate': 'Basic realm="fusion"', 'content-length': '0' });
      res.end();
      return;
    }
    if (!faults.admit()) {
      stats.throttled += 1;
      return send(
        res,
        {
          ...errorAnswer(caller, 429, [{ detail: 'Too many requests. Try again later.' }]),
          headers: { 'retry-after': '1' },
        },
        framework,
      );
    }
    calls.push({ method, path: target.pathname.slice(ROOT.length + 1), query: target.search });
    if (calls.length > 10_000) calls.splice(0, calls.length - 10_000);
    let parsed: unknown;
    if (method === 'POST') {
      const type = req.headers['content-type'] ?? '';
      if (!/json/i.test(type))
        return send(
          res,
          errorAnswer(caller, 415, [{ detail: `The media type ${type || '(none)'} isn't supported.` }]),
          framework,
        );
      try {
        parsed = parseExact(body);
      } catch {
        return send(
          res,
          errorAnswer(caller, 400, [{ detail: 'The request payload isn’t valid JSON.' }]),
          framework,
        );
      }
    }
    const parts = target.pathname
      .slice(ROOT.length + 1)
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    const { answer, commits } = serveResource(
      ctx,
      caller,
      method,
      parts,
      Object.fromEntries(target.searchParams),
      parsed,
    );
    if (commits) {
      stats.committed += 1;
      save();
    }
    if (commits ? faults.hangsCommit(plan) : plan.hang === 'after') return swallow();
    if (commits && faults.dropsCommit(plan)) {
      stats.dropped += 1;
      req.socket.destroy();
      return;
    }
    send(res, answer, framework);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=UTF-8' });
        res.end(
          `JBO-29000: Unexpected exception caught: ${error instanceof Error ? error.message : String(error)}`,
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
  const [user = DEMO_USER] = users;
  return {
    url: baseUrl,
    book,
    tenant,
    users,
    jwt: { issuer, certificate, ...(privateKey === undefined ? {} : { privateKey }) },
    connection: connectionOf(user, issuer, certificate, privateKey, signIn),
    stats,
    calls,
    setFaults: (next) => faults.set(next, pickFaults(next, ORACLE_FAULT_KEYS)),
    dropNextCommits: (n) => faults.dropNextCommits(n),
    hangNextCommits: (n) => faults.hangNextCommits(n),
    close: async () => {
      for (const socket of hung) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { stamp };
