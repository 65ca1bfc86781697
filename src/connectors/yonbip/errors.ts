import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { ErpFailure } from '../contract.ts';

/**
 * YonBIP answers → the closed set of outcome classes (Part C3, C6). The platform answers HTTP 200 with
 * `{"code":…,"message":…,"data":…}`; `code` may be a string or a number and is compared as text.
 * `"200"` is business success, `"00000"` success of the data-centre and token endpoints. Unknown paths
 * come as HTTP 404 (310404); a bad token on some endpoints is the bare text `非法token`. Anything that
 * is not one of these shapes is `ambiguous`, its body kept in the message.
 */
export type YonBody = Readonly<Record<string, unknown>> & { readonly code: string; readonly message: string };

export type Classified =
  { readonly ok: true; readonly body: YonBody } | { readonly ok: false; readonly failure: ErpFailure };

type Outcome = ErpFailure['outcome'];

const KEEP = 500;
const kept = (text: string): string => text.slice(0, KEEP);

/** Success codes: business (200), platform (00000), idempotent duplicate (10004 / 100004, "read data.id"). */
const SUCCESS = new Set(['200', '00000', '10004', '100004']);

/** The platform code table (C6), by the reaction each code calls for. */
const BY_CODE: Readonly<Record<string, Outcome>> = {
  // idempotent request still processing: its outcome is not known yet
  '202': 'ambiguous',
  '10018': 'rejected',
  '310001': 'auth_expired',
  '310036': 'auth_expired',
  '310002': 'rejected',
  '310008': 'rejected',
  '310015': 'rejected',
  '310023': 'rejected',
  '310037': 'rejected',
  '310404': 'rejected',
  '310405': 'rejected',
  '310032': 'throttled',
  '310039': 'throttled',
  '310042': 'throttled',
  '310046': 'throttled',
  // circuit breaker open: refused at the gateway, nothing reached the service
  '310043': 'transient',
  // gateway timeout: the service may have stored it
  '310504': 'ambiguous',
  // one integrator reads it as "voucher already exists", undocumented: look it up before anything
  '310074': 'ambiguous',
  '404': 'rejected',
  '999': 'rejected',
  // the data-centre lookup's "bad tenant"
  '500': 'rejected',
};

/** One YonBIP error code and message → its outcome class. */
export function classifyCode(code: string, message: string): ErpFailure {
  const text = message === '' ? `code ${code}` : message;
  const known = Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
  // another code in the platform's own envelope is a definite refusal ([INF])
  const outcome = known ?? 'rejected';
  const reason = outcome === 'rejected' ? rejectionReason(code, message) : undefined;
  return { outcome, code, message: text, ...(reason === undefined ? {} : { reason }) };
}

/** Platform codes whose meaning is the reason (C6). */
const REASON_BY_CODE: Readonly<Record<string, RejectionReason>> = {
  // API not authorised for this app
  '310037': 'not_authorized',
  // missing required / regex / type validation of a parameter
  '310008': 'invalid_value',
  '310015': 'invalid_value',
  '310023': 'invalid_value',
};

/**
 * The voucher service's wording: every cause comes under code 404 as `凭证保存不成功,<cause>` (C4), so
 * the message decides, first match wins.
 */
const REASON_BY_MESSAGE: readonly (readonly [RegExp, RejectionReason])[] = [
  [/会计期间.*已结账/, 'period_closed'],
  [/科目(编码)?\[[^\]]*\](不存在|不是末级科目)/, 'unknown_account'],
  [/辅助核算供应商\[[^\]]*\]不存在/, 'unknown_partner'],
  [/辅助核算(部门|人员)\[[^\]]*\]不存在/, 'unknown_dimension'],
  [/借贷不平衡/, 'unbalanced'],
  [/凭证已存在，不能重复保存/, 'duplicate_reference'],
  [
    /凭证保存不成功,.*(不能为空|不能同时为空|格式不正确|必须且只能填写一个|都必须填写|(凭证类型|账簿)\[[^\]]*\]不存在)/,
    'invalid_value',
  ],
];

/** Why YonBIP refused a call, by its code first and then its message; undefined when neither says. */
export function rejectionReason(code: string, message: string): RejectionReason | undefined {
  return (
    (Object.hasOwn(REASON_BY_CODE, code) ? REASON_BY_CODE[code] : undefined) ??
    REASON_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1]
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const unreadable = (status: number, text: string): Classified => ({
  ok: false,
  failure: {
    outcome: 'ambiguous',
    code: status === 200 ? 'unknown_answer' : `HTTP ${status}`,
    message: kept(text),
  },
});

type SourceReviver = (key: string, value: unknown, context: { source?: string }) => unknown;
/** Every JSON number as its source text (`1200.50`), so amounts never pass through a float. */
const keepNumberText: SourceReviver = (_key, value, context) =>
  typeof value === 'number' && context.source !== undefined ? context.source : value;

/**
 * Reads one HTTP answer: success with its body, or a classified failure. `exactNumbers`: the body's
 * numbers as their source text (amounts to read exactly).
 */
export function classifyAnswer(status: number, text: string, exactNumbers = false): Classified {
  if (text.trim() === '非法token')
    return { ok: false, failure: { outcome: 'auth_expired', code: '非法token', message: text.trim() } };
  if (status === 429)
    return { ok: false, failure: { outcome: 'throttled', code: 'HTTP 429', message: kept(text) } };
  let parsed: unknown;
  try {
    parsed = exactNumbers
      ? JSON.parse(text, keepNumberText as (key: string, value: unknown) => unknown)
      : JSON.parse(text);
  } catch {
    return unreadable(status, text);
  }
  const rawCode = isRecord(parsed) ? parsed['code'] : undefined;
  if (!isRecord(parsed) || (typeof rawCode !== 'string' && typeof rawCode !== 'number'))
    return unreadable(status, text);
  const code = String(rawCode);
  const message = typeof parsed['message'] === 'string' ? parsed['message'] : '';
  if (status !== 200 && status !== 404) return unreadable(status, text);
  // some APIs fail as {"success":false,"code":0,…}
  if (parsed['success'] === false)
    return { ok: false, failure: { outcome: 'rejected', code, message: message || kept(text) } };
  if (status === 200 && SUCCESS.has(code)) return { ok: true, body: { ...parsed, code, message } };
  const failure = classifyCode(code, message);
  return { ok: false, failure: status === 404 ? { ...failure, code: `HTTP 404/${code}` } : failure };
}
