import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { ErpFailure } from '../contract.ts';
import type { AckReading } from './map/ack.ts';
import { ShareError } from './transport/share.ts';

/**
 * File-exchange failures → the closed set of outcome classes. What decides is whether the ERP can have
 * received the voucher: only the rename that puts the finished file into the outbox hands it over, so
 * a read or a temporary write that failed in any way is `transient`, and a rename is `ambiguous` only
 * when its answer was lost (the session dropped, no answer in time). The ERP's refusals arrive in its
 * acknowledgement, verbatim; an acknowledgement that cannot be read for sure is `ambiguous`.
 */
export type Phase = 'read' | 'write' | 'commit';

/** What the ERP says when it already holds a voucher with the reference (its unique-reference check). */
export const DUPLICATE = /已存在|重复|duplicate|already exists/i;

/**
 * The import log's wording (the ERP has no codes in its acknowledgement, only a message per voucher:
 * 第N行：科目编码[…]不存在, 凭证借贷不平衡, …已结账, 业务号[…]已存在), first match wins.
 */
const REASON_BY_MESSAGE: readonly (readonly [RegExp, RejectionReason])[] = [
  [DUPLICATE, 'duplicate_reference'],
  [/已结账/, 'period_closed'],
  [/科目(编码)?\[[^\]]*\](不存在|不是末级科目)/, 'unknown_account'],
  [/供应商编码\[[^\]]*\]不存在/, 'unknown_partner'],
  [/(部门|个人|职员)编码\[[^\]]*\]不存在/, 'unknown_dimension'],
  [/借贷不平衡/, 'unbalanced'],
  [/凭证类别\[[^\]]*\]不存在|格式不正确|借方金额和贷方金额必须/, 'invalid_value'],
];

/** Why the ERP refused an imported voucher, when its acknowledgement's message says; else undefined. */
export function rejectionReason(message: string): RejectionReason | undefined {
  return REASON_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

export function failureOf(error: unknown, phase: Phase): ErpFailure {
  if (!(error instanceof ShareError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: phase === 'commit' ? 'ambiguous' : 'transient', code: 'io', message };
  }
  const { kind, message } = error;
  switch (kind) {
    case 'lost':
    case 'timeout':
      return { outcome: phase === 'commit' ? 'ambiguous' : 'transient', code: kind, message };
    case 'throttled':
      return { outcome: 'throttled', code: kind, message };
    case 'auth':
      // refused credentials or a host key that is not the pinned one: asking again cannot help
      return { outcome: 'rejected', code: kind, message };
    case 'not_found':
      return { outcome: phase === 'read' ? 'transient' : 'rejected', code: 'folder_missing', message };
    case 'denied':
      // a file the ERP holds locked is read later; a folder we may not write to needs an administrator
      return { outcome: phase === 'read' ? 'transient' : 'rejected', code: 'permission_denied', message };
    case 'exists':
    case 'failure':
    case 'unreachable':
    case 'not_sent':
      return { outcome: 'transient', code: kind, message };
  }
}

/** The ERP's acknowledgement of our file → success, its refusal, or ambiguous when it cannot be read. */
export function outcomeOfAck(
  reading: AckReading,
): { readonly outcome: 'success'; readonly erpId: string; readonly erpNumber: string } | ErpFailure {
  switch (reading.kind) {
    case 'ok':
      return { outcome: 'success', erpId: reading.erpId, erpNumber: reading.erpNumber };
    case 'error': {
      const reason = rejectionReason(reading.message);
      return {
        outcome: 'rejected',
        code: DUPLICATE.test(reading.message) ? 'duplicate_reference' : 'import_refused',
        message: reading.message,
        ...(reason === undefined ? {} : { reason }),
      };
    }
    case 'malformed':
      return { outcome: 'ambiguous', code: 'malformed_ack', message: reading.reason };
  }
}
