import { toFen, yuanLiteral } from './amounts.ts';
import { ANSWERS, success, type YonAnswer } from './answers.ts';
import type { SavedVoucher, VoucherLine, YonBook } from './book.ts';

/**
 * addVoucher's checks (C4, D3): book, voucher type, maker, period open, lines with description and a
 * known postable account, debit XOR credit with original and book amounts both filled, known
 * auxiliary codes, a balanced voucher in book currency, and one voucher per `businessId`. Refusals are
 * `{"code":"404","message":"凭证保存不成功,…","data":{}}`.
 */
type Json = Readonly<Record<string, unknown>>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The simulated tenant's auxiliary items (filedCode) that refer to master data, with their names. */
const AUX_ITEMS: Readonly<Record<string, { label: string; has: (b: YonBook, code: string) => boolean }>> = {
  '0001': { label: '部门', has: (b, c) => b.departments.has(c) },
  '0003': { label: '人员', has: (b, c) => b.employees.has(c) },
  '0004': { label: '供应商', has: (b, c) => b.vendors.has(c) },
};

function lineOf(book: YonBook, raw: Json, row: number): VoucherLine | string {
  const description = str(raw['description']);
  if (description === '') return `第${row}行分录摘要不能为空！`;
  const account = str(raw['accsubjectCode']);
  const known = book.accounts.get(account);
  if (known === undefined) return `第${row}行科目编码[${account}]不存在！`;
  if (!known.postable) return `第${row}行科目[${account}]不是末级科目！`;
  const amounts = ['debitOriginal', 'debitOrg', 'creditOriginal', 'creditOrg'].map((k) => toFen(raw[k]));
  if (amounts.includes(null)) return `第${row}行金额格式不正确！`;
  const [dOriginal, dOrg, cOriginal, cOrg] = amounts as (bigint | undefined)[];
  const debit = dOriginal !== undefined || dOrg !== undefined;
  const credit = cOriginal !== undefined || cOrg !== undefined;
  if (debit === credit) return `第${row}行借方金额和贷方金额必须且只能填写一个！`;
  if (debit ? dOriginal === undefined || dOrg === undefined : cOriginal === undefined || cOrg === undefined)
    return `第${row}行原币金额和本币金额都必须填写！`;
  const auxiliary: { filedCode: string; valueCode: string }[] = [];
  const list = raw['clientAuxiliaryList'];
  for (const item of Array.isArray(list) ? list.filter(isJson) : []) {
    const filedCode = str(item['filedCode']);
    const valueCode = str(item['valueCode']);
    const known = Object.hasOwn(AUX_ITEMS, filedCode) ? AUX_ITEMS[filedCode] : undefined;
    if (known !== undefined && !known.has(book, valueCode))
      return `第${row}行辅助核算${known.label}[${valueCode}]不存在！`;
    auxiliary.push({ filedCode, valueCode });
  }
  return { description, account, debitFen: dOrg ?? 0n, creditFen: cOrg ?? 0n, auxiliary };
}

export function addVoucher(
  book: YonBook,
  body: unknown,
  ts: string,
): { answer: YonAnswer; commits: boolean } {
  const refuse = (reason: string) => ({ answer: ANSWERS.voucherRefused(reason), commits: false });
  if (!isJson(body)) return refuse('请求参数不能为空！');
  const accbookCode = str(body['accbookCode']);
  if (accbookCode === '') return refuse('账簿code不能为空！');
  const accbookName = book.accbooks.get(accbookCode);
  if (accbookName === undefined) return refuse(`账簿[${accbookCode}]不存在！`);
  const voucherTypeCode = str(body['voucherTypeCode']);
  if (!book.voucherTypes.has(voucherTypeCode)) return refuse(`凭证类型[${voucherTypeCode}]不存在！`);
  if (str(body['makerMobile']) === '' && str(body['makerEmail']) === '')
    return refuse('制单人手机号和邮箱不能同时为空！');
  const makeTime = str(body['makeTime']);
  const period = str(body['period']) || makeTime.slice(0, 7);
  if (!/^\d{4}-\d{2}$/.test(period)) return refuse(`会计期间[${period}]格式不正确！`);
  if (book.closedPeriods.has(period)) return refuse(`会计期间[${period}]已结账，不能保存凭证！`);
  const bodies = body['bodies'];
  if (!Array.isArray(bodies) || bodies.length === 0) return refuse('凭证分录不能为空！');
  const lines: VoucherLine[] = [];
  for (const [i, raw] of bodies.entries()) {
    const line = isJson(raw) ? lineOf(book, raw, i + 1) : `第${i + 1}行分录格式不正确！`;
    if (typeof line === 'string') return refuse(line);
    lines.push(line);
  }
  const debit = lines.reduce((s, l) => s + l.debitFen, 0n);
  const credit = lines.reduce((s, l) => s + l.creditFen, 0n);
  if (debit !== credit) return refuse('借贷不平衡！');
  const businessId = str(body['businessId']);
  const externalSourceDataId = str(body['externalSourceDataId']);
  for (const ref of [businessId, externalSourceDataId])
    if (ref !== '' && book.byReference(ref) !== undefined)
      return refuse(`外部来源[${ref}]的凭证已存在，不能重复保存！`);
  const saved = book.save({
    accbookCode,
    voucherTypeCode,
    period,
    makeTime,
    description: str(body['description']),
    businessId,
    externalSourceDataId,
    ts,
    lines,
  });
  return {
    commits: true,
    answer: success(
      {
        voucherId: saved.id,
        voucherStatus: '01',
        period: saved.period,
        billCode: saved.billCode,
        totalDebitOrg: yuanLiteral(debit),
        totalCreditOrg: yuanLiteral(credit),
        accbook: { id: '1971500567562289169', code: accbookCode, name: accbookName },
        voucherType: { id: voucherTypeCode },
      },
      'OK',
    ),
  };
}

/** The simulated book's currency: addVoucher takes rate-1 lines only, so every amount is in it. */
const BOOK_CURRENCY = 'CNY';

/** A voucher as `queryVouchers` lists it: lower-case header keys (C4). */
function listed(book: YonBook, v: SavedVoucher): Json {
  const total = v.lines.reduce((s, l) => s + l.debitFen, 0n);
  return {
    header: {
      id: v.id,
      billcode: v.billCode,
      displayname: `${book.voucherTypes.get(v.voucherTypeCode) ?? ''}-${v.billCode}`,
      voucherstatus: '01',
      vouchertype: { code: v.voucherTypeCode, name: book.voucherTypes.get(v.voucherTypeCode) ?? '' },
      period: v.period,
      maketime: v.makeTime,
      description: v.description,
      businessid: v.businessId,
      externalsourcedataid: v.externalSourceDataId,
      totaldebit_org: yuanLiteral(total),
      totalcredit_org: yuanLiteral(total),
      ts: v.ts,
      maker: { name: 'demo' },
    },
    body: v.lines.map((l, i) => ({
      recordnumber: i + 1,
      description: l.description,
      accsubject: { code: l.account },
      currency: { code: BOOK_CURRENCY },
      debit_org: yuanLiteral(l.debitFen),
      credit_org: yuanLiteral(l.creditFen),
    })),
  };
}

/** queryVouchers: book, period and ts windows, `pager` (page size at most 1000). */
export function queryVouchers(book: YonBook, body: unknown): YonAnswer {
  const q = isJson(body) ? body : {};
  const pager = isJson(q['pager']) ? q['pager'] : {};
  const pageIndex = Math.max(1, Number(str(pager['pageIndex'])) || 1);
  const pageSize = Math.min(1000, Math.max(1, Number(str(pager['pageSize'])) || 200));
  const within = (value: string, from: unknown, to: unknown) =>
    (str(from) === '' || value >= str(from)) && (str(to) === '' || value <= str(to));
  const rows = book.vouchers.filter(
    (v) =>
      (str(q['accbookCode']) === '' || v.accbookCode === str(q['accbookCode'])) &&
      within(v.period, q['periodStart'], q['periodEnd']) &&
      within(v.ts, q['tsStart'], q['tsEnd']),
  );
  return success(
    {
      pageIndex,
      pageSize,
      recordCount: rows.length,
      recordList: rows.slice((pageIndex - 1) * pageSize, pageIndex * pageSize).map((v) => listed(book, v)),
    },
    'OK',
  );
}

/** queryVoucherById (C4): the voucher, or the observed `凭证不存在！`. */
export function queryVoucherById(book: YonBook, body: unknown): YonAnswer {
  const id = isJson(body) ? str(body['voucherId']) : '';
  const found = book.vouchers.find((v) => v.id === id);
  return found === undefined ? ANSWERS.voucherNotFound() : success(listed(book, found), 'OK');
}
