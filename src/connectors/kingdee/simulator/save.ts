import type { BillForm, Ledger } from './ledger.ts';
import { nextBillNo, validatePayable, validatePaybill } from './payables.ts';
import { saveVoucher } from './voucher-save.ts';
import {
  duplicateNumber,
  givenBillNo,
  responseStatus,
  failure,
  type Json,
  type Refusal,
  type WireError,
} from './wire.ts';

/**
 * Save and BatchSave (保存 / 批量保存) of vouchers and bills: one model or several, each checked and
 * stored under the next id and number, optionally submitted and audited in the same call
 * (`IsAutoSubmitAndAudit`), answered with `NeedReturnFields`. A BatchSave commits its documents as
 * one transaction; the models it refuses are named by DIndex.
 */
export interface SaveContext {
  readonly ledger: Ledger;
  readonly now: () => Date;
}

/** What one saved model answers with: its id, number and (a voucher's) 凭证号. */
export interface Saved {
  readonly ok: true;
  readonly id: number;
  readonly billNo: string;
  readonly groupNo: string;
}

/** Save's answer, and whether it changed the book. */
export interface Answer {
  readonly body: unknown;
  readonly commits: boolean;
}

function saveBill(
  { ledger, now }: SaveContext,
  form: BillForm,
  model: Json,
  autoAudit: boolean,
): { ok: true; id: number; billNo: string } | Refusal {
  const checked = form === 'AP_Payable' ? validatePayable(model, ledger) : validatePaybill(model, ledger);
  if (!checked.ok) return checked;
  const given = givenBillNo(model);
  if (given !== undefined && ledger.findBillByNo(form, given) !== undefined) return duplicateNumber(given);
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

/** Saves one model of the form: a voucher (`bill` undefined) or a bill. */
function saveOne(
  context: SaveContext,
  bill: BillForm | undefined,
  model: Json,
  autoAudit: boolean,
): Saved | Refusal {
  if (bill !== undefined) {
    const saved = saveBill(context, bill, model, autoAudit);
    return saved.ok ? { ...saved, groupNo: '' } : saved;
  }
  const saved = saveVoucher(context.ledger, context.now, model, autoAudit);
  return saved.ok
    ? { ok: true, id: saved.voucher.id, billNo: saved.voucher.billNo, groupNo: String(saved.voucher.groupNo) }
    : saved;
}

/** The `NeedReturnFields` of one saved document (fields the simulator does not keep come back null). */
function returned(needReturn: readonly string[], saved: Saved): Json {
  return Object.fromEntries(
    needReturn.map((k): [string, unknown] => {
      const key = k.toUpperCase();
      if (key === 'FVOUCHERGROUPNO') return [k, saved.groupNo];
      if (key === 'FBILLNO') return [k, saved.billNo];
      if (key === 'FVOUCHERID' || key === 'FID') return [k, saved.id];
      return [k, null];
    }),
  );
}

const needReturnOf = (data: Json): string[] =>
  Array.isArray(data['NeedReturnFields']) ? (data['NeedReturnFields'] as string[]) : [];
const autoAuditOf = (data: Json): boolean =>
  data['IsAutoSubmitAndAudit'] === true || data['IsAutoSubmitAndAudit'] === 'true';

/** Save: one model. */
export function save(context: SaveContext, bill: BillForm | undefined, data: Json): Answer {
  const model = typeof data['Model'] === 'object' && data['Model'] !== null ? (data['Model'] as Json) : {};
  const result = context.ledger.atomically(() => saveOne(context, bill, model, autoAuditOf(data)));
  if (!result.ok) return { body: failure(result.message, result.msgCode, result.field), commits: false };
  return {
    body: {
      Result: {
        ResponseStatus: responseStatus([], 0, [{ Id: result.id, Number: result.billNo, DIndex: 0 }]),
        Id: result.id,
        Number: result.billNo,
        NeedReturnData: [returned(needReturnOf(data), result)],
      },
    },
    commits: true,
  };
}

/** BatchSave: several models in one transaction; each refused one is an error at its DIndex. */
export function batchSave(context: SaveContext, bill: BillForm | undefined, data: Json): Answer {
  const models = Array.isArray(data['Model']) ? (data['Model'] as Json[]) : [];
  const autoAudit = autoAuditOf(data);
  const needReturn = needReturnOf(data);
  const errors: WireError[] = [];
  const success: Json[] = [];
  const back: Json[] = [];
  context.ledger.atomically(() => {
    models.forEach((model, i) => {
      const r = saveOne(context, bill, model, autoAudit);
      if (r.ok) {
        success.push({ Id: r.id, Number: r.billNo, DIndex: i });
        back.push(returned(needReturn, r));
      } else errors.push({ Message: r.message, DIndex: i, FieldName: r.field });
    });
  });
  return {
    body: { Result: { ResponseStatus: responseStatus(errors, 11, success), NeedReturnData: back } },
    commits: success.length > 0,
  };
}
