import type { Ledger, StoredVoucher, VoucherEntry } from './ledger.ts';
import { fenOf, numberOf } from './payables.ts';
import { duplicateNumber, givenBillNo, refuse, yuan, type Json, type Refusal } from './wire.ts';

/**
 * Saving a GL_VOUCHER (凭证) into the book: the checks K/3 Cloud makes, in its order and with its
 * Chinese messages — account book, date in an open period, voucher group (凭证字), a number not in
 * use, lines with a known detail account, a currency and its rate type, debit xor credit, and a
 * balanced total — then the next voucher id and the next 凭证号 of its book, period and group.
 */
export function saveVoucher(
  ledger: Ledger,
  now: () => Date,
  model: Json,
  autoAudit: boolean,
): { ok: true; voucher: StoredVoucher } | Refusal {
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
  const billNo = givenBillNo(model);
  if (billNo !== undefined && ledger.findVoucherByBillNo(billNo) !== undefined)
    return duplicateNumber(billNo);
  const lines = Array.isArray(model['FEntity']) ? (model['FEntity'] as Json[]) : [];
  if (lines.length === 0) return refuse('凭证分录不能为空', 'FEntity');
  const entries: VoucherEntry[] = [];
  let debit = 0n;
  let credit = 0n;
  for (const [i, line] of lines.entries()) {
    const entry = entryOf(ledger, line, i);
    if ('ok' in entry) return entry;
    entries.push(entry);
    debit += entry.debit;
    credit += entry.credit;
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

/** One FEntity line, checked (`i` from 0; the messages count from 1). */
function entryOf(ledger: Ledger, line: Json, i: number): VoucherEntry | Refusal {
  const account = numberOf(line['FACCOUNTID']);
  const record = account === undefined ? undefined : ledger.baseRecord('BD_Account', account);
  if (record === undefined) return refuse(`第${i + 1}行分录的科目[${account ?? ''}]不存在`, 'FACCOUNTID', 9);
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
    typeof line['FDetailID'] === 'object' && line['FDetailID'] !== null ? (line['FDetailID'] as Json) : {};
  return {
    entryId: 0,
    explanation: typeof line['FEXPLANATION'] === 'string' ? line['FEXPLANATION'] : '',
    account: record.number,
    currency,
    debit: d,
    credit: c,
    busNo: typeof line['FBUSNO'] === 'string' ? line['FBUSNO'] : '',
    dimensions: Object.fromEntries(Object.entries(dims).map(([k, v]) => [k, numberOf(v) ?? ''])),
  };
}
