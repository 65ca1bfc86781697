import type { BillForm, DocumentStatus, Ledger, StoredBill, StoredVoucher } from './ledger.ts';
import { billName } from './payables.ts';
import { MSG, failure, responseStatus, type Json, type WireError } from './wire.ts';

/**
 * Submit, Audit, UnAudit and Delete (提交 / 审核 / 反审核 / 删除) of vouchers and bills named by `Ids`
 * or `Numbers`: the status machine Z/A/D → B → C → D, each document answered on its own (a refused one
 * is an error at its DIndex, the others still change), with the system's Chinese messages.
 */
export type Operation = 'submit' | 'audit' | 'unaudit' | 'delete';

type Stored = StoredVoucher | StoredBill;

/** The statuses an operation starts from, the status it leaves, and what it says when it succeeds. */
const TRANSITIONS: Readonly<
  Record<Exclude<Operation, 'delete'>, [readonly DocumentStatus[], DocumentStatus, string]>
> = {
  submit: [['Z', 'A', 'D'], 'B', '提交成功！'],
  audit: [['B'], 'C', '审核成功！'],
  unaudit: [['C'], 'D', '反审核成功！'],
};
const DELETABLE: readonly DocumentStatus[] = ['Z', 'A', 'D'];

export function operate(
  ledger: Ledger,
  now: () => Date,
  op: Operation,
  data: Json,
  bill: BillForm | undefined,
): unknown {
  const targets = selectDocuments(ledger, data, bill);
  const name = bill === undefined ? '凭证' : billName(bill);
  if (targets.length === 0) return failure(MSG.notFound, 10);
  const errors: WireError[] = [];
  const success: Json[] = [];
  const messages: Json[] = [];
  targets.forEach((v, i): void => {
    const say = (text: string): void => {
      errors.push({ Message: `单据编号为“${v.billNo}”的${name}，${text}`, DIndex: i, FieldName: '' });
    };
    if (op === 'delete') {
      if (!DELETABLE.includes(v.status)) {
        say('已审核的单据不允许删除！');
        return;
      }
      if (bill === undefined) ledger.vouchers.delete(v.id);
      else ledger.bills.delete(v.id);
    } else {
      const [from, to, done] = TRANSITIONS[op];
      if (!from.includes(v.status)) {
        say(v.status === 'C' && op === 'audit' ? '单据已经审核！' : '当前状态不允许此操作！');
        return;
      }
      v.status = to;
      v.modifiedAt = now().toISOString();
      keep(ledger, v);
      messages.push({ FieldName: null, Message: `单据编号为“${v.billNo}”的${name}，${done}`, DIndex: i });
    }
    success.push({ Id: v.id, Number: v.billNo, DIndex: i });
  });
  return { Result: { ResponseStatus: responseStatus(errors, 11, success, messages) } };
}

/** Writes a document's changed status back to the book. */
function keep(ledger: Ledger, document: Stored): void {
  if ('form' in document) ledger.bills.set(document.id, document);
  else ledger.vouchers.set(document.id, document);
}

/** The documents an operation names by `Ids` (when given) or `Numbers`, of one form; unknown ones are skipped. */
function selectDocuments(ledger: Ledger, data: Json, bill: BillForm | undefined): Stored[] {
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
