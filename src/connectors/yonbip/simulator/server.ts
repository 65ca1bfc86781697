import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorFaults, SimulatorStartOptions } from '../../contract.ts';
import { beijingTime } from '../connector.ts';
import { parseKeepingNumbers } from './amounts.ts';
import { ANSWERS, type YonAnswer } from './answers.ts';
import { Auth, DEMO_TENANT, type TenantApp } from './auth.ts';
import { openYonBook } from './book-file.ts';
import type { YonBook } from './book.ts';
import { answerAdmin } from '../../simulator-admin.ts';
import { FaultDice } from '../../simulator-kit/faults.ts';
import { listVendors } from './vendor.ts';
import { addVoucher, queryVoucherById, queryVouchers } from './voucher.ts';

/**
 * A YonBIP open-platform simulator on loopback (Part C, D3): the data-centre lookup at its root, the
 * token service under `/iuap-api-auth`, the gateway under `/iuap-api-gateway/yonbip/…` serving voucher
 * save and queries and the vendor list; with the common faults.
 */
export interface YonBipSimulatorOptions extends SimulatorStartOptions {
  readonly now: () => Date;
  readonly tenant?: Partial<TenantApp>;
  /** Closed periods, `YYYY-MM`. */
  readonly closedPeriods?: readonly string[];
  /** HTTP status of the throttle answer 310046: 200 (default) or 429, as one client sees it. */
  readonly throttleStatus?: 200 | 429;
}

export interface YonBipSimulator {
  /** The data-centre lookup host, e.g. http://127.0.0.1:9103/ */
  readonly url: string;
  readonly book: YonBook;
  readonly tenant: TenantApp;
  readonly connection: {
    readonly settings: Readonly<Record<string, unknown>>;
    readonly credentials: Readonly<Record<string, string>>;
  };
  readonly stats: {
    requests: number;
    tokens: number;
    committed: number;
    dropped: number;
    silenced: number;
    throttled: number;
  };
  /** Gateway calls that passed the token check, in order. */
  readonly calls: { readonly path: string; readonly body: unknown }[];
  setFaults(faults: SimulatorFaults): void;
  dropNextCommits(n: number): void;
  hangNextCommits(n: number): void;
  expireTokens(): void;
  close(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly answer: YonAnswer;
  readonly commits?: boolean;
}

const TOKEN_PATHS = new Set([
  '/iuap-api-auth/open-auth/selfAppAuth/base/v1/getAccessToken',
  '/iuap-api-auth/open-auth/selfAppAuth/getAccessToken',
  // the sandbox also answers under the gateway prefix (C2)
  '/iuap-api-gateway/open-auth/selfAppAuth/base/v1/getAccessToken',
  '/iuap-api-gateway/open-auth/selfAppAuth/getAccessToken',
]);
const GATEWAY = '/iuap-api-gateway';

export async function startYonBipSimulator(options: YonBipSimulatorOptions): Promise<YonBipSimulator> {
  const { now } = options;
  const auth = new Auth({ ...DEMO_TENANT, ...options.tenant }, options.sessionTtlS ?? 7200, now);
  const { book, save } = openYonBook(options.master, beijingTime(now()), options.bookFile);
  for (const p of options.closedPeriods ?? []) book.closedPeriods.add(p);
  const dice = new FaultDice(options, {}, options.seed ?? 7);
  const stats = { requests: 0, tokens: 0, committed: 0, dropped: 0, silenced: 0, throttled: 0 };
  const calls: { path: string; body: unknown }[] = [];
  const silent = new Set<Socket>();
  let base = '';

  const OPERATIONS: Readonly<Record<string, (body: unknown) => Reply>> = {
    '/fi/ficloud/openapi/voucher/addVoucher': (body) => ({
      status: 200,
      ...addVoucher(book, body, beijingTime(now())),
    }),
    '/fi/ficloud/openapi/voucher/queryVouchers': (body) => ({
      status: 200,
      answer: queryVouchers(book, body),
    }),
    '/EFI/openapi/voucher/queryVoucherById': (body) => ({
      status: 200,
      answer: queryVoucherById(book, body),
    }),
    '/digitalModel/vendor/list': (body) => ({ status: 200, answer: listVendors(book, body) }),
  };

  function gateway(method: string, path: string, q: URLSearchParams, text: string): Reply {
    const operation = Object.hasOwn(OPERATIONS, path) ? OPERATIONS[path] : undefined;
    // the path is checked before the token (C6)
    if (operation === undefined || method !== 'POST')
      return { status: 404, answer: ANSWERS.unknownPath(`/yonbip${path}`) };
    const refused = auth.check(q.get('access_token') ?? undefined);
    if (refused !== null) return { status: 200, answer: refused };
    if (!dice.admit()) {
      stats.throttled += 1;
      return { status: options.throttleStatus ?? 200, answer: ANSWERS.throttled() };
    }
    let body: unknown;
    try {
      body = parseKeepingNumbers(text);
    } catch {
      return { status: 200, answer: ANSWERS.notJson() };
    }
    calls.push({ path, body });
    return operation(body);
  }

  function route(method: string, url: URL, text: string): Reply | undefined {
    const path = url.pathname;
    const q = Object.fromEntries(url.searchParams);
    if (path === '/open-auth/dataCenter/getGatewayAddress')
      return { status: 200, answer: auth.gatewayAddress(q, base) };
    if (TOKEN_PATHS.has(path)) {
      stats.tokens += 1;
      return { status: 200, answer: auth.issue(q) };
    }
    if (path.startsWith(`${GATEWAY}/yonbip/`))
      return gateway(method, path.slice(`${GATEWAY}/yonbip`.length), url.searchParams, text);
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
    stats.requests += 1;
    const admin = answerAdmin(req.method ?? '', new URL(req.url ?? '/', 'http://sim').pathname, text, {
      stats: () => ({ ...stats, vouchers: book.vouchers.length }),
      documents: () =>
        book.vouchers.map((v) => ({
          kind: 'voucher' as const,
          erpId: v.id,
          erpNumber: String(v.billCode),
          reference: v.externalSourceDataId || v.businessId,
        })),
      faults: () => dice.current,
      setFaults: (common) => dice.set(common),
      tamper: (change) => book.tamper(change.reference, change.change, change.account),
    });
    if (admin !== undefined) {
      res.writeHead(admin.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(admin.body));
      return;
    }
    const fate = dice.draw();
    if (fate.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fate.latencyMs));
    if (fate.serverError) {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const goSilent = () => {
      stats.silenced += 1;
      silent.add(req.socket);
      req.socket.once('close', () => silent.delete(req.socket));
    };
    if (fate.hang === 'before') return goSilent();
    const reply = route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://sim'), text);
    if (reply === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    if (reply.commits === true) {
      stats.committed += 1;
      if (dice.hangsCommit(fate)) return goSilent();
      if (dice.dropsCommit(fate)) {
        stats.dropped += 1;
        req.socket.destroy();
        return;
      }
    } else if (fate.hang === 'after') return goSilent();
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.answer));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: '999', message: `服务端逻辑异常: ${String(error)}` }));
      });
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  base = `http://${address.address}:${address.port}/`;
  return {
    url: base,
    book,
    tenant: auth.app,
    connection: {
      settings: { tenantId: auth.app.tenantId, authKind: 'self-app' },
      credentials: { appKey: auth.app.appKey, appSecret: auth.app.appSecret },
    },
    stats,
    calls,
    setFaults: (next) => dice.set(next),
    dropNextCommits: (n) => dice.dropNextCommits(n),
    hangNextCommits: (n) => dice.hangNextCommits(n),
    expireTokens: () => auth.expireAll(),
    close: async () => {
      for (const socket of silent) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      save();
    },
  };
}
