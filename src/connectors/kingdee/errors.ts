import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { ErpFailure } from '../contract.ts';

/**
 * Kingdee failures → the closed set of outcome classes. Business errors arrive as HTTP 200 with
 * `ResponseStatus.IsSuccess=false` and a MsgCode (A5.6); infrastructure errors as IIS pages,
 * `response_error:` text, gateway 519 or a broken connection.
 */
export function classifyMsgCode(msgCode: number, message: string): ErpFailure {
  const code = `MsgCode ${msgCode}`;
  switch (msgCode) {
    case 1:
      return { outcome: 'auth_expired', code, message };
    case 13:
      return { outcome: 'transient', code, message }; // 网控冲突: another session holds the bill
    case 14:
      return { outcome: 'throttled', code, message }; // 调用限制
    case 4:
      return { outcome: 'ambiguous', code, message }; // server exception: unknown whether it saved
    case 6:
      return { outcome: 'transient', code, message }; // database failure: nothing committed
    default: {
      // 2 权限, 5/9/10 not found, 8 参数, 11 验证, 12 不可操作, 7 许可
      const reason = rejectionReason(msgCode, message);
      return { outcome: 'rejected', code, message, ...(reason === undefined ? {} : { reason }) };
    }
  }
}

/** MsgCodes whose category is itself the reason (A5.6). */
const REASON_BY_MSG_CODE: Readonly<Partial<Record<number, RejectionReason>>> = {
  2: 'not_authorized', // 没有权限
  8: 'invalid_value', // 参数错误
};

/**
 * Kingdee's own wording, for the categories that hold several reasons (9 指定字段/值不存在, 11 验证失败):
 * the messages of A5.7 and of the bill and voucher checks, first match wins.
 */
const REASON_BY_MESSAGE: readonly (readonly [RegExp, RejectionReason])[] = [
  [/违反字段唯一性要求/, 'duplicate_reference'],
  [/期间.*已结账|已结账.*期间/, 'period_closed'],
  [/科目\[[^\]]*\](不存在|不是明细科目)/, 'unknown_account'],
  [/(供应商|往来单位|收款单位)\[[^\]]*\]不存在/, 'unknown_partner'],
  [/借贷不平衡/, 'unbalanced'],
  [
    /是必录字段|格式不正确|(币别|凭证字|账簿|单据类型)(\[[^\]]*\])?不存在|必须且只能录入一个|必须大于0/,
    'invalid_value',
  ],
];

/** Why Kingdee refused a bill or voucher, when its MsgCode or message says; undefined when it does not. */
export function rejectionReason(msgCode: number, message: string): RejectionReason | undefined {
  return REASON_BY_MSG_CODE[msgCode] ?? REASON_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

export function classifyHttp(status: number, body: string): ErpFailure | null {
  if (status === 519) {
    const gateway = /"errcode"\s*:\s*"?(\d+)/.exec(body)?.[1] ?? '';
    return {
      outcome: gateway === '4002' ? 'throttled' : gateway === '4006' ? 'auth_expired' : 'transient',
      code: `HTTP 519/${gateway}`,
      message: body.slice(0, 300),
    };
  }
  if (status === 429) return { outcome: 'throttled', code: 'HTTP 429', message: body.slice(0, 300) };
  if (status >= 500)
    return {
      outcome: 'ambiguous',
      code: `HTTP ${status}`,
      message: body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 300),
    };
  if (status !== 200 && status !== 206)
    return { outcome: 'rejected', code: `HTTP ${status}`, message: body.slice(0, 300) };
  if (body.startsWith('response_error:'))
    return { outcome: 'ambiguous', code: 'response_error', message: body.slice(15, 315) };
  if (body.trimStart().startsWith('<'))
    return { outcome: 'ambiguous', code: 'html', message: body.slice(0, 300) };
  return null;
}
