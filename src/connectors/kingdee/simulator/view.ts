import type { BillForm, Ledger } from './ledger.ts';
import { MSG, failure, yuan, type Json } from './wire.ts';

/**
 * View (查看): one voucher or bill by `Number` (when given) or `Id`, as K/3 Cloud shows a document —
 * the header with references as `{Number}` objects and a voucher's lines under `Entity`.
 */
export function view(ledger: Ledger, bill: BillForm | undefined, data: Json): unknown {
  return bill === undefined ? viewVoucher(ledger, data) : viewBill(ledger, bill, data);
}

const numberIn = (data: Json): string | undefined =>
  typeof data['Number'] === 'string' && data['Number'] !== '' ? data['Number'] : undefined;

function viewVoucher(ledger: Ledger, data: Json): unknown {
  const number = numberIn(data);
  const v =
    number !== undefined ? ledger.findVoucherByBillNo(number) : ledger.vouchers.get(Number(data['Id']));
  if (v === undefined) return failure(MSG.notFound, 10);
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

function viewBill(ledger: Ledger, form: BillForm, data: Json): unknown {
  const number = numberIn(data);
  const b = number !== undefined ? ledger.findBillByNo(form, number) : ledger.bills.get(Number(data['Id']));
  if (b?.form !== form) return failure(MSG.notFound, 10);
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
        Total: yuan(b.total),
      },
    },
  };
}
