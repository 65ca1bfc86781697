import type { BillForm } from './ledger.ts';

/**
 * The shapes K/3 Cloud answers in, shared by every service of the simulator: the ResponseStatus
 * envelope with its Errors, SuccessEntitys and MsgCode, and the Chinese messages several services use.
 */
export type Json = Record<string, unknown>;

/** One entry of ResponseStatus.Errors. */
export interface WireError {
  readonly Message: string;
  readonly DIndex: number;
  readonly FieldName: string | null;
}

/** A refused change, before it is put into the envelope. */
export interface Refusal {
  readonly ok: false;
  readonly field: string | null;
  readonly message: string;
  readonly msgCode: number;
}

export const MSG = {
  sessionLost: '会话信息已丢失，请重新登录',
  noForm: '业务对象不存在',
  throttled: '调用限制：请求过于频繁，请稍后再试',
  notFound: '未找到对应数据',
} as const;

export const responseStatus = (
  errors: readonly { FieldName?: string | null; Message: string; DIndex: number }[],
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

/** The answer of a call that failed as a whole. */
export const failure = (message: string, msgCode: number, field: string | null = null) => ({
  Result: { ResponseStatus: responseStatus([{ FieldName: field, Message: message, DIndex: 0 }], msgCode) },
});

/** Fen as the JSON number of yuan K/3 Cloud answers with. */
export const yuan = (fen: bigint): number => Number(fen) / 100;

/** The bill form an upper-cased FormId names, if it is one. */
export const billFormOf = (upper: string): BillForm | undefined =>
  upper === 'AP_PAYABLE' ? 'AP_Payable' : upper === 'AP_PAYBILL' ? 'AP_PAYBILL' : undefined;

/** The number given in `FBillNo`, when one is given. */
export const givenBillNo = (model: Json): string | undefined =>
  typeof model['FBillNo'] === 'string' && model['FBillNo'] !== '' ? model['FBillNo'] : undefined;

export const refuse = (message: string, field: string | null = null, msgCode = 11): Refusal => ({
  ok: false,
  field,
  message,
  msgCode,
});

/** The refusal of a number already in use (the unique-number rule of every form). */
export const duplicateNumber = (billNo: string): Refusal =>
  refuse(`违反字段唯一性要求：编码唯一。[${billNo}]在当前系统中已经被使用。`, 'FBillNo');
