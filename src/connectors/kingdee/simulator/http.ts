import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  answerAdmin,
  type AdminControls,
  type SimulatedDocument,
  type VoucherTamper,
} from '../../simulator-admin.ts';
import type { FaultDice } from '../../simulator-kit/faults.ts';
import type { Sessions } from './auth.ts';
import { dataCentres, isDataCentreList } from './data-centres.ts';
import { dynamicFormService, type FormContext } from './dynamic-form.ts';
import { parseEnvelope } from './envelope.ts';
import type { Ledger } from './ledger.ts';
import { isQuery } from './bill-query.ts';
import { MSG, failure } from './wire.ts';

/**
 * The simulator's HTTP shell: IIS in front of K/3 Cloud. Routes `/k3cloud/<service>.common.kdsvc`
 * posts to AuthService or DynamicFormService, answers the data-centre list, the `/__sim/` controls at
 * the server root, and 404 pages for anything else; applies the faults around each call and counts
 * what happened.
 */
export interface SimulatorStats {
  requests: number;
  committed: number;
  dropped: number;
  hung: number;
  errors: number;
  throttled: number;
}

export interface SimulatorCall {
  readonly at: number;
  readonly method: string;
  readonly form: string;
}

/** Everything a request may touch. */
export interface Shell {
  readonly acctId: string;
  readonly sessions: Sessions;
  readonly faults: FaultDice;
  readonly form: FormContext;
  readonly stats: SimulatorStats;
  /** Business calls are logged here when recording is on. */
  readonly calls: SimulatorCall[] | undefined;
  /** Connections that never get their answer, reset on close. */
  readonly hung: Set<Socket>;
}

const SERVICE = /^\/k3cloud\/(.+)\.common\.kdsvc$/i;
const NOT_FOUND_PAGE = '<html><body><h2>404 - File or directory not found.</h2></body></html>';
const RUNTIME_ERROR_PAGE =
  "<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/k3cloud' Application.</h1></body></html>";
const AUTH_SERVICE = 'kingdee.bos.webapi.servicesstub.authservice.';
const DYNAMIC_FORM_SERVICE = 'kingdee.bos.webapi.servicesstub.dynamicformservice.';

export function createShell(shell: Shell): Server {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(shell, req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`response_error:${error instanceof Error ? error.message : String(error)}`);
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

async function handle(shell: Shell, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const { stats, faults } = shell;
  stats.requests += 1;
  const path = (req.url ?? '').split('?')[0] ?? '';
  const send = (status: number, payload: unknown, type = 'application/json; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type });
    res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
  };
  const admin = answerAdmin(req.method ?? '', path, body, controls(shell));
  if (admin !== undefined) return send(admin.status, admin.body);
  if (isDataCentreList(path)) return send(200, dataCentres(shell.acctId));
  const m = SERVICE.exec(path);
  if (req.method !== 'POST' || !m?.[1]) return send(404, NOT_FOUND_PAGE, 'text/html');
  const service = m[1];
  const method = service.split('.').at(-1)?.toLowerCase() ?? '';
  const fate = faults.draw();
  if (fate.latencyMs > 0) await new Promise((r) => setTimeout(r, fate.latencyMs));
  if (fate.serverError) {
    stats.errors += 1;
    return send(500, RUNTIME_ERROR_PAGE, 'text/html');
  }
  const swallow = () => {
    stats.hung += 1;
    shell.hung.add(req.socket);
    req.socket.once('close', () => shell.hung.delete(req.socket));
  };
  if (fate.hang === 'before') return swallow();

  const env = parseEnvelope(body, req.headers['content-type'], service);
  let payload: unknown;
  let committed = false;
  const lower = service.toLowerCase();
  if (lower.startsWith(AUTH_SERVICE)) {
    payload = shell.sessions.authService(method, env, res);
    if (payload === null) return send(200, `response_error:未找到服务 ${service}`, 'text/plain');
  } else if (lower.startsWith(DYNAMIC_FORM_SERVICE)) {
    // a query's failure comes wrapped as its rows would
    const refuse = (message: string, msgCode: number) =>
      isQuery(method) ? [[failure(message, msgCode)]] : failure(message, msgCode);
    if (!shell.sessions.authenticate(req, res, path)) payload = refuse(MSG.sessionLost, 1);
    else if (!faults.admit()) {
      stats.throttled += 1;
      payload = refuse(MSG.throttled, 14);
    } else {
      shell.calls?.push({
        at: performance.now(),
        method,
        form: env.formid ?? (typeof env.data['FormId'] === 'string' ? env.data['FormId'] : ''),
      });
      const result = dynamicFormService(shell.form, method, env);
      payload = result.body;
      committed = result.commits;
    }
  } else {
    return send(200, `response_error:未找到服务 ${service}`, 'text/plain');
  }
  if (committed) stats.committed += 1;
  if (committed ? faults.hangsCommit(fate) : fate.hang === 'after') return swallow();
  if (committed && faults.dropsCommit(fate)) {
    stats.dropped += 1;
    req.socket.destroy();
    return;
  }
  send(200, payload);
}

function controls(shell: Shell): AdminControls {
  const { ledger } = shell.form;
  return {
    stats: () => ({ ...shell.stats, vouchers: ledger.vouchers.size }),
    documents: () => documentsIn(ledger),
    faults: () => shell.faults.current,
    setFaults: (common) => shell.faults.set(common),
    tamper: (change) => tamperVoucher(ledger, change),
  };
}

/** A user's change to a voucher in the book, behind the integration's back (reconciliation tests). */
function tamperVoucher(ledger: Ledger, change: VoucherTamper): boolean {
  const voucher = [...ledger.vouchers.values()].find((v) =>
    v.entries.some((e) => e.busNo === change.reference),
  );
  if (voucher === undefined) return false;
  if (change.change === 'delete') {
    ledger.vouchers.delete(voucher.id);
    return true;
  }
  const debit = voucher.entries.findIndex((e) => e.debit > 0n);
  const credit = voucher.entries.findIndex((e) => e.credit > 0n);
  const entries = voucher.entries.map((e, i) => {
    if (change.account !== undefined) return i === 0 ? { ...e, account: change.account } : e;
    if (i === debit) return { ...e, debit: e.debit + 1n };
    if (i === credit) return { ...e, credit: e.credit + 1n };
    return e;
  });
  ledger.vouchers.set(voucher.id, { ...voucher, entries });
  return true;
}

/** The book's documents with our reference: a voucher's is on its lines (FBUSNO), a bill's in its remark. */
function documentsIn(ledger: Ledger): SimulatedDocument[] {
  const vouchers = [...ledger.vouchers.values()].map((v) => ({
    kind: 'voucher' as const,
    erpId: String(v.id),
    erpNumber: v.billNo,
    reference: v.entries[0]?.busNo ?? '',
  }));
  const bills = [...ledger.bills.values()].map((b) => ({
    kind: b.form === 'AP_PAYBILL' ? ('payment' as const) : ('supplier_bill' as const),
    erpId: String(b.id),
    erpNumber: b.billNo,
    reference: b.remark,
  }));
  return [...vouchers, ...bills];
}
