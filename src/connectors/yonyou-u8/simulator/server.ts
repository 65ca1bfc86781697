import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorFaults, SimulatorStartOptions } from '../../contract.ts';
import { ANSWERS, ok, type U8Answer } from './answers.ts';
import { openU8Book } from './book-file.ts';
import type { U8Book } from './book.ts';
import { parseExact } from './exact-json.ts';
import { DEFAULT_ACCOUNTS, Gate, type GateAccounts } from './gate.ts';
import { checkVoucherAdd, voucherView } from './voucher-add.ts';
import { answerAdmin } from '../../simulator-admin.ts';
import { FaultDice } from '../../simulator-kit/faults.ts';

/**
 * A Yonyou U8+ OpenAPI relay simulator on loopback, speaking the wire of Part B: `/system/token`,
 * `/system/tradeid`, `POST /api/voucher/add` (sync and async), `/api/voucher/get` by reserve2,
 * `/api/voucher/batch_get` by period, `/api/vendor/get` and `/api/vendor/batch_get`, `/result?requestid=`; with the common faults.
 */
export interface YonyouSimulatorOptions extends SimulatorStartOptions {
  readonly now: () => Date;
  readonly accounts?: Partial<GateAccounts>;
  /** Closed (已结账) periods, `YYYY-MM`. */
  readonly closedPeriods?: readonly string[];
  /** How long an asynchronous add's result stays "not ready", ms. */
  readonly asyncDelayMs?: number;
}

export interface YonyouSimulator {
  /** Base URL of the relay, e.g. http://127.0.0.1:9102/ */
  readonly url: string;
  readonly book: U8Book;
  readonly accounts: GateAccounts;
  readonly connection: {
    readonly settings: Readonly<Record<string, unknown>>;
    readonly credentials: Readonly<Record<string, string>>;
  };
  readonly stats: {
    requests: number;
    committed: number;
    dropped: number;
    hung: number;
    errors: number;
    throttled: number;
  };
  /** Business calls in order (method and path), for tests of what the connector sent. */
  readonly calls: {
    readonly method: string;
    readonly path: string;
    readonly query: Readonly<Record<string, string>>;
  }[];
  setFaults(faults: SimulatorFaults): void;
  /** Commit the next `n` writes, then reset their connections (an exactly placed lost answer). */
  dropNextCommits(n: number): void;
  /** Commit the next `n` writes, then never answer them (a timeout after commit). */
  hangNextCommits(n: number): void;
  /** Makes every issued token expired, as after the relay forgot them. */
  expireTokens(): void;
  close(): Promise<void>;
}

type Query = Readonly<Record<string, string>>;
interface Handled {
  readonly status: number;
  readonly answer: U8Answer;
  readonly commits: boolean;
}
const answered = (answer: U8Answer, commits = false, status = 200): Handled => ({ status, answer, commits });

/** The vendor record as U8 lists it (B6): codes and names, every value a string. */
const vendorView = (code: string, v: { name: string; seedDate: string }) => ({
  code,
  name: v.name,
  abbrname: v.name.slice(0, 10),
  sort_code: '01',
  bvencargo: '1',
  seed_date: v.seedDate,
  cvenexch_name: '人民币',
});

/** `batch_get` paging (B4): page_index from 1, rows_per_page (default 20), counters as strings. */
function page<T>(rows: readonly T[], q: Query): { wrapper: Record<string, string>; rows: T[] } {
  const size = Math.max(1, Math.min(500, Number(q['rows_per_page'] ?? 20) || 20));
  const index = Math.max(1, Number(q['page_index'] ?? 1) || 1);
  return {
    wrapper: {
      page_index: String(index),
      rows_per_page: String(size),
      row_count: String(rows.length),
      page_count: String(Math.ceil(rows.length / size)),
    },
    rows: rows.slice((index - 1) * size, index * size),
  };
}

export async function startYonyouSimulator(options: YonyouSimulatorOptions): Promise<YonyouSimulator> {
  const { now } = options;
  const gate = new Gate({ ...DEFAULT_ACCOUNTS, ...options.accounts }, options.sessionTtlS ?? 7200, now);
  const { book, save } = openU8Book(options.master, now().toISOString().slice(0, 10), options.bookFile);
  for (const p of options.closedPeriods ?? []) book.closedPeriods.add(p);
  const faults = new FaultDice(options, {}, options.seed ?? 1);
  const pending = new Map<string, { readyAt: number; answer: U8Answer }>();
  const stats = { requests: 0, committed: 0, dropped: 0, hung: 0, errors: 0, throttled: 0 };
  const calls: YonyouSimulator['calls'] = [];
  const hung = new Set<Socket>();
  let baseUrl = '';

  function voucherAdd(q: Query, body: string): Handled {
    const trade = gate.useTradeId(q['tradeid']);
    if (!trade.fresh) return answered(trade.answer);
    let parsed: unknown;
    try {
      parsed = parseExact(body);
    } catch {
      return answered(ANSWERS.addFailed('请求数据不是合法的JSON'));
    }
    const checked = checkVoucherAdd(book, parsed);
    const tradeid = q['tradeid'] ?? '';
    const final = checked.ok
      ? ok({ id: book.add(checked.voucher).id, tradeid })
      : { ...ANSWERS.addFailed(checked.reason), tradeid };
    gate.settle(tradeid, final);
    if (q['sync'] === '1') return answered(final, checked.ok);
    const requestid = randomUUID().replace(/-/g, '');
    pending.set(requestid, { readyAt: now().getTime() + (options.asyncDelayMs ?? 0), answer: final });
    return answered(
      { errcode: '0', errmsg: '提交成功', id: '', tradeid, url: `${baseUrl}result?requestid=${requestid}` },
      checked.ok,
    );
  }

  function business(method: string, path: string, q: Query, body: string): Handled {
    const refused = gate.check(q, true);
    if (refused !== null) return answered(refused);
    if (!faults.admit()) {
      stats.throttled += 1;
      return answered(ANSWERS.throttled());
    }
    calls.push({ method, path, query: q });
    if (method === 'POST' && path === '/api/voucher/add') return voucherAdd(q, body);
    if (method === 'GET' && path === '/api/voucher/get') {
      const voucher = book.byReserve2(q['id'] ?? '');
      return answered(
        voucher === undefined
          ? ANSWERS.notFound(`凭证[${q['id'] ?? ''}]`)
          : ok({ voucher: voucherView(voucher) }),
      );
    }
    if (method === 'GET' && path === '/api/voucher/batch_get') {
      // filtered on the period when the query names one, in the order the vouchers were entered
      const year = Number(q['fiscal_year'] ?? '');
      const period = Number(q['accounting_period'] ?? '');
      const all = book.vouchers.filter(
        (v) =>
          (!Number.isInteger(year) || year === 0 || v.year === year) &&
          (!Number.isInteger(period) || period === 0 || v.period === period),
      );
      const { wrapper, rows } = page(all, q);
      return answered(ok({ ...wrapper, voucher: rows.map(voucherView) }));
    }
    if (method === 'GET' && path === '/api/vendor/get') {
      const vendor = book.vendors.get(q['id'] ?? '');
      return answered(
        vendor === undefined
          ? ANSWERS.notFound(`供应商[${q['id'] ?? ''}]`)
          : ok({ vendor: vendorView(q['id'] ?? '', vendor) }),
      );
    }
    if (method === 'GET' && path === '/api/vendor/batch_get') {
      const all = [...book.vendors]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, v]) => vendorView(code, v));
      const { wrapper, rows } = page(all, q);
      return answered(ok({ ...wrapper, vendor: rows }));
    }
    return answered(ANSWERS.unknownApi(path), false, 404);
  }

  function route(method: string, path: string, q: Query, body: string): Handled {
    if (method === 'GET' && path === '/system/token') return answered(gate.issueToken(q));
    if (method === 'GET' && path === '/system/tradeid')
      return answered(gate.check(q, false) ?? gate.issueTradeId());
    if (method === 'GET' && path === '/result') {
      const result = pending.get(q['requestid'] ?? '');
      if (result === undefined) return answered(ANSWERS.notFound(`请求[${q['requestid'] ?? ''}]`));
      return answered(now().getTime() >= result.readyAt ? result.answer : ANSWERS.resultPending());
    }
    if (path.startsWith('/api/')) return business(method, path, q, body);
    return answered(ANSWERS.unknownApi(path), false, 404);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    stats.requests += 1;
    const target = new URL(req.url ?? '/', 'http://simulator');
    const admin = answerAdmin(req.method ?? '', target.pathname, body, {
      stats: () => ({ ...stats, vouchers: book.vouchers.length }),
      documents: () =>
        book.vouchers.map((v) => ({
          kind: 'voucher' as const,
          erpId: v.id,
          erpNumber: v.id,
          reference: v.reserve2,
        })),
      faults: () => faults.current,
      setFaults: (common) => faults.set(common),
      tamper: (change) => book.tamper(change.reference, change.change, change.account),
    });
    if (admin !== undefined) {
      res.writeHead(admin.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(admin.body));
      return;
    }
    const plan = faults.draw();
    if (plan.latencyMs > 0) await new Promise((r) => setTimeout(r, plan.latencyMs));
    if (plan.serverError) {
      stats.errors += 1;
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const swallow = () => {
      stats.hung += 1;
      hung.add(req.socket);
      req.socket.once('close', () => hung.delete(req.socket));
    };
    if (plan.hang === 'before') return swallow();
    const handled = route(
      req.method ?? 'GET',
      target.pathname,
      Object.fromEntries(target.searchParams),
      body,
    );
    if (handled.commits) stats.committed += 1;
    if (handled.commits ? faults.hangsCommit(plan) : plan.hang === 'after') return swallow();
    if (handled.commits && faults.dropsCommit(plan)) {
      stats.dropped += 1;
      req.socket.destroy();
      return;
    }
    res.writeHead(handled.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(handled.answer));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`服务端逻辑异常: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address}:${address.port}/`;
  const { fromAccount, toAccount, appKey, appSecret } = gate.accounts;
  return {
    url: baseUrl,
    book,
    accounts: gate.accounts,
    connection: {
      settings: { fromAccount, toAccount, authKind: 'app-key' },
      credentials: { appKey, appSecret },
    },
    stats,
    calls,
    setFaults: (next) => faults.set(next),
    dropNextCommits: (n) => faults.dropNextCommits(n),
    hangNextCommits: (n) => faults.hangNextCommits(n),
    expireTokens: () => gate.expireTokens(),
    close: async () => {
      for (const socket of hung) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      save();
    },
  };
}
