import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { ErpFailure } from '../contract.ts';

/**
 * U8+ OpenAPI answers → the closed set of outcome classes. The relay answers HTTP 200 with
 * `{"errcode":"<string>","errmsg":"<中文>"}`; `"0"` is success (B1, B5). There is no authoritative code
 * table, so besides the code the message decides: the observed `参数token已过期` means re-authenticate;
 * the rest of the vocabulary below is inferred and errs towards `ambiguous` wherever a write may have
 * happened. Anything that is not that JSON shape is `ambiguous`, with the body kept in the message.
 */

/** A parsed U8 answer: `errcode` is always text (some servers may send a number). */
export type U8Body = Readonly<Record<string, unknown>> & {
  readonly errcode: string;
  readonly errmsg: string;
};

export type Classified =
  { readonly ok: true; readonly body: U8Body } | { readonly ok: false; readonly failure: ErpFailure };

const KEPT = 500;
const kept = (text: string): string => text.slice(0, KEPT);

/** Message patterns, most specific first. Only `参数token已过期` is observed; the others are [INF]. */
const BY_MESSAGE: readonly { readonly pattern: RegExp; readonly outcome: ErpFailure['outcome'] }[] = [
  { pattern: /token\s*(已过期|已失效|过期|失效|无效)/i, outcome: 'auth_expired' },
  // the earlier write under this tradeid may have been stored: look it up before anything else
  { pattern: /tradeid.*(已使用|已被使用|重复)/i, outcome: 'ambiguous' },
  { pattern: /频繁|限流|频率|超出.*(次数|限制)/, outcome: 'throttled' },
  // the relay gave up waiting for the customer's U8: it may have done the work
  { pattern: /超时|timeout|timed out/i, outcome: 'ambiguous' },
  // the relay could not reach the customer's U8 at all: nothing was done there
  { pattern: /不在线|离线|未连接|offline/i, outcome: 'transient' },
];

/** Codes of a third-party U8 wrapper's table (B5) whose meaning decides the outcome. */
const BY_CODE: Readonly<Record<string, ErpFailure['outcome']>> = {
  // 意外的错误: an unexpected server-side failure, the write may or may not be stored
  '19999': 'ambiguous',
};

/** A U8 error answer (`errcode` not "0") → its outcome class. */
export function classifyError(errcode: string, errmsg: string): ErpFailure {
  const message = errmsg === '' ? `errcode ${errcode}` : errmsg;
  const byMessage = BY_MESSAGE.find((rule) => rule.pattern.test(errmsg));
  const outcome =
    byMessage?.outcome ?? (Object.hasOwn(BY_CODE, errcode) ? BY_CODE[errcode] : undefined) ?? 'rejected';
  const reason = outcome === 'rejected' ? rejectionReason(errcode, errmsg) : undefined;
  return { outcome, code: errcode, message, ...(reason === undefined ? {} : { reason }) };
}

/**
 * U8's wording of a refused voucher (B5: its business validation comes back in `errmsg`, under one
 * code for every cause, 20001 单据新增失败), first match wins. U8 has no code per cause, so only the
 * message decides.
 */
const REASON_BY_MESSAGE: readonly (readonly [RegExp, RejectionReason])[] = [
  [/已结账/, 'period_closed'],
  [/科目(编码)?\[[^\]]*\](不存在|不是末级科目)/, 'unknown_account'],
  [/供应商编码\[[^\]]*\]不存在/, 'unknown_partner'],
  [/(部门|职员)编码\[[^\]]*\]不存在/, 'unknown_dimension'],
  [/借贷不平衡/, 'unbalanced'],
  [/外部凭证号\[[^\]]*\]已存在/, 'duplicate_reference'],
  [
    /凭证类别\[[^\]]*\]不存在|制单日期\[[^\]]*\]不合法|金额格式不正确|借方金额和贷方金额不能同时为空/,
    'invalid_value',
  ],
];

/** Why U8 refused a voucher, when its message says; undefined when it does not. */
export function rejectionReason(_errcode: string, errmsg: string): RejectionReason | undefined {
  return REASON_BY_MESSAGE.find(([pattern]) => pattern.test(errmsg))?.[1];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type SourceReviver = (key: string, value: unknown, context: { source?: string }) => unknown;
/** Every JSON number as its source text (`1200.00`), so amounts never pass through a float. */
const keepNumberText: SourceReviver = (_key, value, context) =>
  typeof value === 'number' && context.source !== undefined ? context.source : value;

/**
 * Reads one HTTP answer of the relay: success with its body, or a classified failure. `exactNumbers`:
 * the body's numbers as their source text (amounts to read exactly).
 */
export function classifyAnswer(status: number, text: string, exactNumbers = false): Classified {
  if (status === 429)
    return { ok: false, failure: { outcome: 'throttled', code: 'HTTP 429', message: kept(text) } };
  if (status >= 500 || status === 408)
    return { ok: false, failure: { outcome: 'ambiguous', code: `HTTP ${status}`, message: kept(text) } };
  let parsed: unknown;
  try {
    parsed = exactNumbers
      ? JSON.parse(text, keepNumberText as (key: string, value: unknown) => unknown)
      : JSON.parse(text);
  } catch {
    return {
      ok: false,
      failure: {
        outcome: status === 200 ? 'ambiguous' : 'rejected',
        code: `HTTP ${status}`,
        message: kept(text),
      },
    };
  }
  const errcode = isRecord(parsed) ? parsed['errcode'] : undefined;
  if (!isRecord(parsed) || (typeof errcode !== 'string' && typeof errcode !== 'number'))
    return {
      ok: false,
      failure: {
        outcome: status === 200 ? 'ambiguous' : 'rejected',
        code: status === 200 ? 'unknown_answer' : `HTTP ${status}`,
        message: kept(text),
      },
    };
  const errmsg = typeof parsed['errmsg'] === 'string' ? parsed['errmsg'] : '';
  const code = String(errcode);
  if (status !== 200) {
    const failure = classifyError(code, errmsg || kept(text));
    return { ok: false, failure: { ...failure, code: `HTTP ${status}/${code}` } };
  }
  if (code === '0') return { ok: true, body: { ...parsed, errcode: code, errmsg } };
  return { ok: false, failure: classifyError(code, errmsg) };
}
