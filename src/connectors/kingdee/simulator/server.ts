import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorFaults } from '../../contract.ts';
import { answerAdmin, type SimulatedDocument } from '../../simulator-admin.ts';
import { loginSign, verifySignedHeaders } from '../signing.ts';
import { parseEnvelope, type Envelope } from './envelope.ts';
import {
  Ledger,
  type BaseForm,
  type BillForm,
  type DocumentStatus,
  type LedgerSeed,
  type StoredBill,
  type StoredVoucher,
  type VoucherEntry,
} from './ledger.ts';
import {
  billName,
  billRows,
  emptyBill,
  fenOf,
  nextBillNo,
  numberOf,
  validatePayable,
  validatePaybill,
} from './payables.ts';
import { QueryError, runQuery, type BillQuery, type Row } from './query.ts';
import { seededRandom } from './random.ts';

/**
 * A stateful Kingdee K/3 Cloud WebAPI simulator speaking the real wire format (paths, envelopes, auth,
 * cookies, JSON shapes, Chinese errors, MsgCodes), with fault injection for the chaos suite. Run it
 * in-process (tests, the demo) or standalone (`finbridge sim kingdee --port 9101`).
 */
export type { SimulatorFaults };

/**
 * The data-centre list (A2.5): `AccountService.GetDataCenterList`, which the vendor's SDKs call before
 * any login, and the `AuthService.GetDataCenters` spelling some clients use. No sign-in needed.
 */
const isDataCentreList = (path: string): boolean =>
  /^\/k3cloud\/Kingdee\.BOS\.(ServiceFacade\.ServicesStub\.Account\.AccountService\.GetDataCenterList|WebApi\.ServicesStub\.AuthService\.GetDataCenters)\.common\.kdsvc$/i.test(
    path,
  );

export interface SimulatorOptions extends SimulatorFaults {
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  readonly acctId?: string;
  readonly users?: Readonly<Record<string, string>>;
  readonly apps?: readonly { appId: string; appSecret: string }[];
  /** Idle session lifetime, seconds. */
  readonly sessionTtlS?: number;
  readonly queryCeiling?: number;
  readonly ledger?: LedgerSeed;
  readonly now: () => Date;
  /** Keep a log of business calls (time, method, form) — for tests of rate limits and schedules. */
  readonly recordCalls?: boolean;
}

export interface SimulatorCall {
  readonly at: number;
  readonly method: string;
  readonly form: string;
}

export interface KingdeeSimulator {
  /** Base URL to configure a connection with, e.g. http://127.0.0.1:9101/k3cloud/ */
  readonly url: string;
  readonly ledger: Ledger;
  readonly acctId: string;
  /** Settings and credentials a connection reaches this simulator with (its first user, by password). */
  readonly connection: {
    readonly settings: Readonly<Record<string, unknown>>;
    readonly credentials: Readonly<Record<string, string>>;
  };
  /** Business calls, when `recordCalls` is on. */
  readonly calls: SimulatorCall[];
  readonly stats: {
    requests: number;
    committed: number;
    dropped: number;
    hung: number;
    errors: number;
    throttled: number;
  };
  /** Change fault settings on the fly. */
  setFaults(faults: SimulatorFaults): void;
  /** Commit the next `n` changing calls, then reset their connections (an exactly-placed lost response). */
  dropNextCommits(n: number): void;
  close(): Promise<void>;
}

const MSG = {
  sessionLost: '会话信息已丢失，请重新登录',
  noForm: '业务对象不存在',
  throttled: '调用限制：请求过于频繁，请稍后再试',
};

type Json = Record<string, unknown>;

const responseStatus = (
  errors: { FieldName?: string | null; Message: string; DIndex: number }[],
  msgCode: number,
  success: Json[] = [],
  messages: Json[] = [],
) =>
  errors.length === 0
    ? { IsSuccess: true, Errors: [], SuccessEntitys: success, SuccessMessages: messages, MsgCode: 0 }
    : {
        ErrorCode: 500,
        IsSuccess: false,
        Errors: errors.map((e) => ({ FieldName: e.FieldName ?? '', Message: e.Message, DIndex: e.DIndex })),
        SuccessEntitys: success,
        SuccessMessages: messages,
        MsgCode: msgCode,
      };

const failure = (message: string, msgCode: number, field: string | null = null) => ({
  Result: { ResponseStatus: responseStatus([{ FieldName: field, Message: message, DIndex: 0 }], msgCode) },
});

const yuan = (fen: bigint): number => Number(fen) / 100;
const billFormOf = (upper: string): BillForm | undefined =>
  upper === 'AP_PAYABLE' ? 'AP_Payable' : upper === 'AP_PAYBILL' ? 'AP_PAYBILL' : undefined;

export async function startKingdeeSimulator(options: SimulatorOptions): Promise<KingdeeSimulator> {
  const { now } = options;
  const random = seededRandom(options.seed ?? 1);
  const acctId = options.acctId ?? '6512f1a0c3e4b5';
  const users = options.users ?? { demo: '888888' };
  const demoUser = Object.keys(users)[0] ?? 'demo';
  const apps = options.apps ?? [];
  const ttlMs = (options.sessionTtlS ?? 1200) * 1000;
  const ceiling = options.queryCeiling ?? 2000;
  let faults: SimulatorFaults = { ...options };
  const ledger = new Ledger(
    options.ledger ?? { accounts: [], departments: [], employees: [], suppliers: [] },
    now().toISOString(),
  );
  const sessions = new Map<string, { user: string; lastSeen: number }>();
  const stats = { requests: 0, committed: 0, dropped: 0, hung: 0, errors: 0, throttled: 0 };
  const hung = new Set<Socket>();
  let bucket = { tokens: faults.throttleRps ?? 0, at: performance.now() };
  let dropCommits = 0;
  const calls: SimulatorCall[] = [];

  const newSession = (user: string, res: ServerResponse): string => {
    const id = randomUUID();
    sessions.set(id, { user, lastSeen: now().getTime() });
    res.setHeader('set-cookie', [
      `kdservice-sessionid=${id}; path=/`,
      `ASP.NET_SessionId=${randomUUID().replace(/-/g, '').slice(0, 24)}; path=/; HttpOnly`,
    ]);
    return id;
  };

  const loginResult = (ok: boolean, user: string, res: ServerResponse, message?: string) => {
    if (!ok)
      return {
        Message: message ?? '用户名或密码错误',
        MessageCode: '',
        LoginResultType: 0,
        Context: null,
        KDSVCSessionId: null,
        IsSuccessByAPI: true,
      };
    const sid = newSession(user, res);
    return {
      Message: null,
      MessageCode: '',
      LoginResultType: 1,
      Context: {
        UserLocale: 'zh-CN',
        DBid: acctId,
        SessionId: sid.replace(/-/g, '').slice(0, 24),
        UserName: user,
        DataCenterName: '正式账套',
        CurrentOrganizationInfo: { ID: 1, Name: '示例科技有限公司' },
      },
      KDSVCSessionId: sid,
      FormId: null,
      IsSuccessByAPI: true,
    };
  };

  function authService(method: string, env: Envelope, res: ServerResponse): unknown {
    const arg = (i: number, name: string) => env.args[i] ?? env.named[name];
    if (method === 'validateuser') {
      const [acct, user, password] = [arg(0, 'acctid'), arg(1, 'username'), arg(2, 'password')];
      const ok =
        acct === acctId && typeof user === 'string' && Object.hasOwn(users, user) && users[user] === password;
      return loginResult(ok, String(user), res);
    }
    if (method === 'loginbyappsecret') {
      const [acct, user, appId, appSecret] = [
        arg(0, 'acctid'),
        arg(1, 'username'),
        arg(2, 'appid'),
        arg(3, 'appsecret'),
      ];
      const ok =
        acct === acctId &&
        apps.some((a) => a.appId === appId && a.appSecret === appSecret) &&
        typeof user === 'string';
      return loginResult(ok, String(user), res);
    }
    if (method === 'loginbysign') {
      const [acct, user, appId, timestamp, sign] = [
        arg(0, 'acctid'),
        arg(1, 'username'),
        arg(2, 'appid'),
        arg(3, 'timestamp'),
        arg(4, 'sign'),
      ];
      const app = apps.find((a) => a.appId === appId);
      const ok =
        acct === acctId &&
        app !== undefined &&
        typeof user === 'string' &&
        sign === loginSign(acctId, user, app.appId, app.appSecret, String(timestamp));
      return loginResult(ok, typeof user === 'string' ? user : '', res, ok ? undefined : '签名验证失败');
    }
    if (method === 'logout') return { LogoutResultType: 1, Message: '注销成功' };
    return null;
  }

  /** Session from the cookie or header, or a fresh one from valid signed headers; null when neither. */
  function authenticate(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const cookie =
      /kdservice-sessionid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ??
      (req.headers['kdservice-sessionid'] as string | undefined);
    const t = now().getTime();
    if (cookie !== undefined) {
      const session = sessions.get(cookie);
      if (session !== undefined && t - session.lastSeen <= ttlMs) {
        session.lastSeen = t;
        return true;
      }
      sessions.delete(cookie);
    }
    const appKey = req.headers['x-kd-appkey'];
    if (typeof appKey === 'string') {
      const app = apps.find((a) => a.appId === appKey);
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
      );
      if (app !== undefined && verifySignedHeaders(headers, path, app).ok) {
        const stamp = Number(headers['x-api-timestamp']);
        const ms = stamp > 1e12 ? stamp : stamp * 1000;
        if (Math.abs(t - ms) <= 10 * 60_000) {
          newSession('app', res);
          return true;
        }
      }
    }
    return false;
  }

  function voucherRows(): Row[] {
    const rows: Row[] = [];
    for (const v of ledger.vouchers.values()) {
      for (const e of v.entries) {
        rows.push({
          FVOUCHERID: v.id,
          FBILLNO: v.billNo,
          FDATE: `${v.date}T00:00:00`,
          FYEAR: v.year,
          FPERIOD: v.period,
          'FVOUCHERGROUPID.FNUMBER': v.group,
          'FVOUCHERGROUPID.FNAME': ledger.voucherGroups.get(v.group) ?? '',
          FVOUCHERGROUPNO: String(v.groupNo),
          FDOCUMENTSTATUS: v.status,
          'FACCOUNTBOOKID.FNUMBER': v.book,
          FATTACHMENTS: v.attachments,
          FENTITY_FENTRYID: e.entryId,
          FEXPLANATION: e.explanation,
          'FACCOUNTID.FNUMBER': e.account,
          'FACCOUNTID.FNAME': ledger.baseRecord('BD_Account', e.account)?.name ?? '',
          'FCURRENCYID.FNUMBER': e.currency,
          FDEBIT: yuan(e.debit),
          FCREDIT: yuan(e.credit),
          FBUSNO: e.busNo,
          FCREATEDATE: v.createdAt.slice(0, 19),
          FMODIFYDATE: v.modifiedAt.slice(0, 19),
        });
      }
    }
    return rows;
  }

  const BASE_PK: Record<BaseForm, string> = {
    BD_Account: 'FACCTID',
    BD_Currency: 'FCURRENCYID',
    BD_Department: 'FDEPTID',
    BD_Empinfo: 'FID',
    BD_Supplier: 'FSUPPLIERID',
  };

  function baseRows(form: BaseForm): Row[] {
    return [...(ledger.base.get(form)?.values() ?? [])].map((r) => ({
      [BASE_PK[form]]: r.id,
      FNUMBER: r.number,
      FSTAFFNUMBER: r.number,
      FNAME: r.name,
      FDOCUMENTSTATUS: 'C',
      FFORBIDSTATUS: 'A',
      'FUSEORGID.FNUMBER': '100',
      FMODIFYDATE: r.modifiedAt.slice(0, 19),
      ...Object.fromEntries(Object.entries(r.extra).map(([k, v]) => [k.toUpperCase(), v])),
    }));
  }

  function rowsOf(formId: string): Row[] | undefined {
    const form = formId.toUpperCase();
    if (form === 'GL_VOUCHER') return voucherRows();
    const bill = billFormOf(form);
    if (bill !== undefined) return billRows(ledger.bills.values(), bill);
    const base = (['BD_Account', 'BD_Currency', 'BD_Department', 'BD_Empinfo', 'BD_Supplier'] as const).find(
      (f) => f.toUpperCase() === form,
    );
    return base === undefined ? undefined : baseRows(base);
  }

  function saveVoucher(
    model: Json,
    autoAudit: boolean,
  ):
    | { ok: true; voucher: StoredVoucher }
    | { ok: false; field: string | null; message: string; msgCode: number } {
    const refuse = (message: string, field: string | null = null, msgCode = 11) => ({
      ok: false as const,
      field,
      message,
      msgCode,
    });
    const book = numberOf(model['FAccountBookID'] ?? model['FACCOUNTBOOKID']);
    if (book === undefined) return refuse('字段[账簿]是必录字段', 'FAccountBookID');
    if (!ledger.books.has(book)) return refuse(`账簿[${book}]不存在`, 'FAccountBookID', 9);
    const date = typeof model['FDate'] === 'string' ? model['FDate'].slice(0, 10) : '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse('字段[日期]是必录字段', 'FDate');
    const group = numberOf(model['FVOUCHERGROUPID']);
    if (group === undefined || !ledger.voucherGroups.has(group))
      return refuse(`凭证字[${group ?? ''}]不存在`, 'FVOUCHERGROUPID', 9);
    const [year, period] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    if (ledger.closedPeriods.has(date.slice(0, 7)))
      return refuse(`会计期间${year}年第${period}期已结账，不能新增凭证`, 'FDate');
    const billNo =
      typeof model['FBillNo'] === 'string' && model['FBillNo'] !== '' ? model['FBillNo'] : undefined;
    if (billNo !== undefined && ledger.findVoucherByBillNo(billNo) !== undefined) {
      return refuse(`违反字段唯一性要求：编码唯一。[${billNo}]在当前系统中已经被使用。`, 'FBillNo');
    }
    const lines = Array.isArray(model['FEntity']) ? (model['FEntity'] as Json[]) : [];
    if (lines.length === 0) return refuse('凭证分录不能为空', 'FEntity');
    const entries: VoucherEntry[] = [];
    let debit = 0n;
    let credit = 0n;
    for (const [i, line] of lines.entries()) {
      const account = numberOf(line['FACCOUNTID']);
      const record = account === undefined ? undefined : ledger.baseRecord('BD_Account', account);
      if (record === undefined)
        return refuse(`第${i + 1}行分录的科目[${account ?? ''}]不存在`, 'FACCOUNTID', 9);
      if (record.extra['FIsDetail'] === 0)
        return refuse(`第${i + 1}行分录的科目[${account ?? ''}]不是明细科目`, 'FACCOUNTID');
      const currency = numberOf(line['FCURRENCYID']);
      if (currency === undefined || ledger.baseRecord('BD_Currency', currency) === undefined)
        return refuse(`第${i + 1}行分录的币别不存在`, 'FCURRENCYID', 9);
      if (numberOf(line['FEXCHANGERATETYPE']) === undefined)
        return refuse('字段[汇率类型]是必录字段', 'FEXCHANGERATETYPE');
      const d = fenOf(line['FDEBIT']);
      const c = fenOf(line['FCREDIT']);
      if (d === null || c === null) return refuse(`第${i + 1}行分录金额格式不正确`, 'FDEBIT', 8);
      if ((d !== 0n) === (c !== 0n))
        return refuse(`第${i + 1}行分录借方金额和贷方金额必须且只能录入一个`, 'FDEBIT');
      const dims =
        typeof line['FDetailID'] === 'object' && line['FDetailID'] !== null
          ? (line['FDetailID'] as Json)
          : {};
      entries.push({
        entryId: 0,
        explanation: typeof line['FEXPLANATION'] === 'string' ? line['FEXPLANATION'] : '',
        account: record.number,
        currency,
        debit: d,
        credit: c,
        busNo: typeof line['FBUSNO'] === 'string' ? line['FBUSNO'] : '',
        dimensions: Object.fromEntries(Object.entries(dims).map(([k, v]) => [k, numberOf(v) ?? ''])),
      });
      debit += d;
      credit += c;
    }
    if (debit !== credit)
      return refuse(
        `凭证借贷不平衡：借方合计${yuan(debit).toFixed(2)}，贷方合计${yuan(credit).toFixed(2)}`,
        'FEntity',
      );
    const id = ledger.nextVoucherId();
    const stamp = now().toISOString();
    const voucher: StoredVoucher = {
      id,
      billNo: billNo ?? `JZ${String(id).padStart(7, '0')}`,
      book,
      date,
      year,
      period,
      group,
      groupNo: ledger.nextGroupNumber(book, year, period, group),
      attachments: Number(model['FATTACHMENTS'] ?? 0) || 0,
      status: autoAudit ? 'C' : 'A',
      entries: entries.map((e, i) => ({ ...e, entryId: id * 100 + i + 1 })),
      createdAt: stamp,
      modifiedAt: stamp,
    };
    ledger.vouchers.set(id, voucher);
    return { ok: true, voucher };
  }

  /** The documents an operation names by `Ids` or `Numbers`, of one form. */
  type Stored = StoredVoucher | StoredBill;
  /** Writes a document's changed status back to the book. */
  const keep = (document: Stored): void => {
    if ('form' in document) ledger.bills.set(document.id, document);
    else ledger.vouchers.set(document.id, document);
  };
  function selectDocuments(data: Json, bill: BillForm | undefined): Stored[] {
    const byId = (id: number): Stored | undefined => {
      if (bill === undefined) return ledger.vouchers.get(id);
      const b = ledger.bills.get(id);
      return b?.form === bill ? b : undefined;
    };
    const byNumber = (n: string): Stored | undefined =>
      bill === undefined ? ledger.findVoucherByBillNo(n) : ledger.findBillByNo(bill, n);
    const ids =
      typeof data['Ids'] === 'string' && data['Ids'] !== ''
        ? data['Ids'].split(',').map((s) => Number(s.trim()))
        : [];
    if (ids.length > 0) return ids.map(byId).filter((v): v is Stored => v !== undefined);
    const numbers = Array.isArray(data['Numbers']) ? (data['Numbers'] as unknown[]).map(String) : [];
    return numbers.map(byNumber).filter((v): v is Stored => v !== undefined);
  }

  function operate(op: string, data: Json, bill: BillForm | undefined): unknown {
    const targets = selectDocuments(data, bill);
    const name = bill === undefined ? '凭证' : billName(bill);
    if (targets.length === 0) return failure('未找到对应数据', 10);
    const errors: { Message: string; DIndex: number; FieldName: string | null }[] = [];
    const success: Json[] = [];
    const messages: Json[] = [];
    targets.forEach((v, i): void => {
      const say = (text: string): void => {
        errors.push({ Message: `单据编号为“${v.billNo}”的${name}，${text}`, DIndex: i, FieldName: '' });
      };
      const allowed: Record<string, [readonly string[], string, string]> = {
        submit: [['Z', 'A', 'D'], 'B', '提交成功！'],
        audit: [['B'], 'C', '审核成功！'],
        unaudit: [['C'], 'D', '反审核成功！'],
      };
      if (op === 'delete') {
        if (!['Z', 'A', 'D'].includes(v.status)) {
          say('已审核的单据不允许删除！');
          return;
        }
        if (bill === undefined) ledger.vouchers.delete(v.id);
        else ledger.bills.delete(v.id);
      } else {
        const rule = allowed[op];
        if (rule === undefined) {
          say('不支持的操作');
          return;
        }
        if (!rule[0].includes(v.status)) {
          say(v.status === 'C' && op === 'audit' ? '单据已经审核！' : '当前状态不允许此操作！');
          return;
        }
        v.status = rule[1] as DocumentStatus;
        v.modifiedAt = now().toISOString();
        keep(v);
        messages.push({
          FieldName: null,
          Message: `单据编号为“${v.billNo}”的${name}，${rule[2]}`,
          DIndex: i,
        });
      }
      success.push({ Id: v.id, Number: v.billNo, DIndex: i });
    });
    return { Result: { ResponseStatus: responseStatus(errors, 11, success, messages) } };
  }

  function saveBill(
    form: BillForm,
    model: Json,
    autoAudit: boolean,
  ):
    | { ok: true; id: number; billNo: string }
    | { ok: false; field: string | null; message: string; msgCode: number } {
    const checked = form === 'AP_Payable' ? validatePayable(model, ledger) : validatePaybill(model, ledger);
    if (!checked.ok) return checked;
    const given =
      typeof model['FBillNo'] === 'string' && model['FBillNo'] !== '' ? model['FBillNo'] : undefined;
    if (given !== undefined && ledger.findBillByNo(form, given) !== undefined)
      return {
        ok: false,
        field: 'FBillNo',
        message: `违反字段唯一性要求：编码唯一。[${given}]在当前系统中已经被使用。`,
        msgCode: 11,
      };
    const id = ledger.nextBillId();
    const stamp = now().toISOString();
    const billNo = given ?? nextBillNo(form, id);
    ledger.bills.set(id, {
      ...checked.bill,
      id,
      billNo,
      status: autoAudit ? 'C' : 'A',
      createdAt: stamp,
      modifiedAt: stamp,
    });
    return { ok: true, id, billNo };
  }

  /** Saves one model of the form: a voucher or a bill. */
  function saveOne(
    bill: BillForm | undefined,
    model: Json,
    autoAudit: boolean,
  ):
    | { ok: true; id: number; billNo: string; groupNo: string }
    | { ok: false; field: string | null; message: string; msgCode: number } {
    if (bill !== undefined) {
      const saved = saveBill(bill, model, autoAudit);
      return saved.ok ? { ...saved, groupNo: '' } : saved;
    }
    const saved = saveVoucher(model, autoAudit);
    return saved.ok
      ? {
          ok: true,
          id: saved.voucher.id,
          billNo: saved.voucher.billNo,
          groupNo: String(saved.voucher.groupNo),
        }
      : saved;
  }

  function viewVoucher(data: Json): unknown {
    const v =
      typeof data['Number'] === 'string' && data['Number'] !== ''
        ? ledger.findVoucherByBillNo(data['Number'])
        : ledger.vouchers.get(Number(data['Id']));
    if (v === undefined) return failure('未找到对应数据', 10);
    return {
      Result: {
        ResponseStatus: null,
        Result: {
          Id: v.id,
          BillNo: v.billNo,
          Date: `${v.date}T00:00:00`,
          DocumentStatus: v.status,
          VOUCHERGROUPNO: String(v.groupNo),
          VOUCHERGROUPID: {
            Number: v.group,
            Name: [{ Key: 2052, Value: ledger.voucherGroups.get(v.group) ?? '' }],
          },
          AccountBookID: { Number: v.book },
          Year: v.year,
          Period: v.period,
          Entity: v.entries.map((e) => ({
            Id: e.entryId,
            EXPLANATION: e.explanation,
            ACCOUNTID: { Number: e.account },
            DEBIT: yuan(e.debit),
            CREDIT: yuan(e.credit),
            BUSNO: e.busNo,
          })),
        },
      },
    };
  }

  function dynamicFormService(method: string, env: Envelope): { body: unknown; commits: boolean } {
    if (method === 'executebillquery' || method === 'billquery') {
      const query = env.data as unknown as BillQuery & { FormId?: string };
      const rows = rowsOf(query.FormId ?? '');
      if (rows === undefined) return { body: [[failure(MSG.noForm, 5)]], commits: false };
      try {
        const known = new Set(Object.keys(rows[0] ?? templateOf((query.FormId ?? '').toUpperCase())));
        const result = runQuery(rows, known, query, ceiling);
        if (method === 'billquery') {
          const keys = query.FieldKeys.split(',').map((k) => k.trim());
          return {
            body: result.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]]))),
            commits: false,
          };
        }
        return { body: result, commits: false };
      } catch (error) {
        if (error instanceof QueryError) return { body: [[failure(error.message, 9)]], commits: false };
        throw error;
      }
    }
    const form = env.formid?.toUpperCase();
    const bill = billFormOf(form ?? '');
    if (form !== 'GL_VOUCHER' && bill === undefined) return { body: failure(MSG.noForm, 5), commits: false };
    const data = env.data;
    const autoAudit = data['IsAutoSubmitAndAudit'] === true || data['IsAutoSubmitAndAudit'] === 'true';
    const needReturn = Array.isArray(data['NeedReturnFields']) ? (data['NeedReturnFields'] as string[]) : [];
    const returned = (saved: { id: number; billNo: string; groupNo: string }): Json =>
      Object.fromEntries(
        needReturn.map((k): [string, unknown] => {
          const key = k.toUpperCase();
          if (key === 'FVOUCHERGROUPNO') return [k, saved.groupNo];
          if (key === 'FBILLNO') return [k, saved.billNo];
          if (key === 'FVOUCHERID' || key === 'FID') return [k, saved.id];
          return [k, null];
        }),
      );
    switch (method) {
      case 'save': {
        const model =
          typeof data['Model'] === 'object' && data['Model'] !== null ? (data['Model'] as Json) : {};
        const result = saveOne(bill, model, autoAudit);
        if (!result.ok)
          return { body: failure(result.message, result.msgCode, result.field), commits: false };
        return {
          body: {
            Result: {
              ResponseStatus: responseStatus([], 0, [{ Id: result.id, Number: result.billNo, DIndex: 0 }]),
              Id: result.id,
              Number: result.billNo,
              NeedReturnData: [returned(result)],
            },
          },
          commits: true,
        };
      }
      case 'batchsave': {
        const models = Array.isArray(data['Model']) ? (data['Model'] as Json[]) : [];
        const errors: { Message: string; DIndex: number; FieldName: string | null }[] = [];
        const success: Json[] = [];
        const back: Json[] = [];
        ledger.atomically(() => {
          models.forEach((model, i) => {
            const r = saveOne(bill, model, autoAudit);
            if (r.ok) {
              success.push({ Id: r.id, Number: r.billNo, DIndex: i });
              back.push(returned(r));
            } else errors.push({ Message: r.message, DIndex: i, FieldName: r.field });
          });
        });
        return {
          body: { Result: { ResponseStatus: responseStatus(errors, 11, success), NeedReturnData: back } },
          commits: success.length > 0,
        };
      }
      case 'submit':
      case 'audit':
      case 'unaudit':
      case 'delete':
        return { body: operate(method, data, bill), commits: true };
      case 'view':
        return bill === undefined
          ? { body: viewVoucher(data), commits: false }
          : { body: viewBill(bill, data), commits: false };
      default:
        return { body: failure(`不支持的服务：${method}`, 4), commits: false };
    }
  }

  function viewBill(form: BillForm, data: Json): unknown {
    const b =
      typeof data['Number'] === 'string' && data['Number'] !== ''
        ? ledger.findBillByNo(form, data['Number'])
        : ledger.bills.get(Number(data['Id']));
    if (b?.form !== form) return failure('未找到对应数据', 10);
    return {
      Result: {
        ResponseStatus: null,
        Result: {
          Id: b.id,
          BillNo: b.billNo,
          Date: `${b.date}T00:00:00`,
          DocumentStatus: b.status,
          BillTypeID: { Number: b.billType },
          CurrencyID: { Number: b.currency },
          ...(form === 'AP_Payable'
            ? { SUPPLIERID: { Number: b.counterparty }, AP_Remark: b.remark }
            : { CONTACTUNIT: { Number: b.counterparty }, REMARK: b.remark }),
          Total: Number(b.total) / 100,
        },
      },
    };
  }

  const voucherTemplate: Row = {
    FVOUCHERID: 0,
    FBILLNO: '',
    FDATE: '',
    FYEAR: 0,
    FPERIOD: 0,
    'FVOUCHERGROUPID.FNUMBER': '',
    'FVOUCHERGROUPID.FNAME': '',
    FVOUCHERGROUPNO: '',
    FDOCUMENTSTATUS: '',
    'FACCOUNTBOOKID.FNUMBER': '',
    FATTACHMENTS: 0,
    FENTITY_FENTRYID: 0,
    FEXPLANATION: '',
    'FACCOUNTID.FNUMBER': '',
    'FACCOUNTID.FNAME': '',
    'FCURRENCYID.FNUMBER': '',
    FDEBIT: 0,
    FCREDIT: 0,
    FBUSNO: '',
    FCREATEDATE: '',
    FMODIFYDATE: '',
  };
  const baseTemplate: Row = {
    FNUMBER: '',
    FNAME: '',
    FDOCUMENTSTATUS: '',
    FFORBIDSTATUS: '',
    'FUSEORGID.FNUMBER': '',
    FMODIFYDATE: '',
  };

  const templateOf = (form: string): Row => {
    if (form === 'GL_VOUCHER') return voucherTemplate;
    const bill = billFormOf(form);
    return bill === undefined ? baseTemplate : (billRows([emptyBill(bill)], bill)[0] ?? baseTemplate);
  };

  const takeToken = (): boolean => {
    const rps = faults.throttleRps ?? 0;
    if (rps <= 0) return true;
    const t = performance.now();
    bucket = { tokens: Math.min(rps, bucket.tokens + ((t - bucket.at) / 1000) * rps), at: t };
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  const setFaults = (next: SimulatorFaults) => {
    faults = { ...faults, ...next };
    bucket = { tokens: faults.throttleRps ?? 0, at: performance.now() };
  };

  /** The platform call clients make before signing in (A2.5): the data centres this site serves. */
  const dataCentres = () => [{ Id: acctId, Number: '001', Name: '演示账套（模拟器）', DataCenterType: 1 }];

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    stats.requests += 1;
    const path = (req.url ?? '').split('?')[0] ?? '';
    const m = /^\/k3cloud\/(.+)\.common\.kdsvc$/i.exec(path);
    const send = (status: number, payload: unknown, type = 'application/json; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    const admin = answerAdmin(req.method ?? '', path, body, {
      stats: () => ({ ...stats, vouchers: ledger.vouchers.size }),
      documents: () => documentsIn(ledger),
      faults: () => ({ ...faults }),
      setFaults,
    });
    if (admin !== undefined) return send(admin.status, admin.body);
    if (isDataCentreList(path)) return send(200, dataCentres());
    if (req.method !== 'POST' || !m?.[1])
      return send(404, '<html><body><h2>404 - File or directory not found.</h2></body></html>', 'text/html');
    const service = m[1];
    const method = service.split('.').at(-1)?.toLowerCase() ?? '';
    const latency = faults.latencyMs ?? 0;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (random() < (faults.errorRate ?? 0)) {
      stats.errors += 1;
      return send(
        500,
        "<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/k3cloud' Application.</h1></body></html>",
        'text/html',
      );
    }
    const hang = random() < (faults.timeoutRate ?? 0);
    const commitBeforeHang = random() < 0.5;
    const drop = random() < (faults.dropAfterCommitRate ?? 0);
    const swallow = () => {
      stats.hung += 1;
      hung.add(req.socket);
      req.socket.once('close', () => hung.delete(req.socket));
    };
    if (hang && !commitBeforeHang) return swallow();

    const env = parseEnvelope(body, req.headers['content-type'], service);
    let payload: unknown;
    let committed = false;
    if (service.toLowerCase().startsWith('kingdee.bos.webapi.servicesstub.authservice.')) {
      payload = authService(method, env, res);
      if (payload === null) return send(200, `response_error:未找到服务 ${service}`, 'text/plain');
    } else if (service.toLowerCase().startsWith('kingdee.bos.webapi.servicesstub.dynamicformservice.')) {
      const query = method === 'executebillquery' || method === 'billquery';
      if (!authenticate(req, res, path))
        payload = query ? [[failure(MSG.sessionLost, 1)]] : failure(MSG.sessionLost, 1);
      else if (!takeToken()) {
        stats.throttled += 1;
        payload = query ? [[failure(MSG.throttled, 14)]] : failure(MSG.throttled, 14);
      } else {
        if (options.recordCalls === true)
          calls.push({
            at: performance.now(),
            method,
            form: env.formid ?? (typeof env.data['FormId'] === 'string' ? env.data['FormId'] : ''),
          });
        const result = dynamicFormService(method, env);
        payload = result.body;
        committed = result.commits;
      }
    } else {
      return send(200, `response_error:未找到服务 ${service}`, 'text/plain');
    }
    if (committed) stats.committed += 1;
    if (hang) return swallow();
    const dropThis = committed && dropCommits > 0;
    if (dropThis) dropCommits -= 1;
    if ((drop || dropThis) && committed) {
      stats.dropped += 1;
      req.socket.destroy();
      return;
    }
    send(200, payload);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`response_error:${error instanceof Error ? error.message : String(error)}`);
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/k3cloud/`,
    ledger,
    acctId,
    connection: {
      settings: { acctId, username: demoUser, authKind: 'password' },
      credentials: { password: users[demoUser] ?? '' },
    },
    calls,
    stats,
    dropNextCommits: (n) => {
      dropCommits = n;
    },
    setFaults,
    close: async () => {
      for (const socket of hung) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      ledger.close();
    },
  };
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
