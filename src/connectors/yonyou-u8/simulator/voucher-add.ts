import type { StoredEntry, StoredVoucher, U8Book } from './book.ts';
import { fenOf, yuanText } from './exact-json.ts';

/**
 * U8's checks on `voucher/add` (B5, D2): the voucher type, date and open period, at least one entry,
 * one amount per entry, accounts that exist and are postable, auxiliary codes that exist, a balanced
 * voucher, and one external voucher per `reserve2` when `voucher_making_system` is CDM. Accepts the
 * debit/credit split and the flat `entry[]` variant. Returns the voucher to store, or U8's reason.
 */
type Json = Readonly<Record<string, unknown>>;
export type Checked =
  { ok: true; voucher: Omit<StoredVoucher, 'id' | 'number'> } | { ok: false; reason: string };

const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const entriesOf = (node: unknown): Json[] => {
  const list = isJson(node) ? node['entry'] : undefined;
  return Array.isArray(list) ? list.filter(isJson) : isJson(list) ? [list] : [];
};

/** Auxiliary fields whose codes must exist in the book, with U8's name for them. */
const AUX_CHECKS: readonly { field: string; label: string; has: (book: U8Book, code: string) => boolean }[] =
  [
    { field: 'supplier_id', label: '供应商', has: (b, c) => b.vendors.has(c) },
    { field: 'dept_id', label: '部门', has: (b, c) => b.departments.has(c) },
    { field: 'personnel_id', label: '职员', has: (b, c) => b.persons.has(c) },
  ];

function entryOf(book: U8Book, raw: Json, row: number): StoredEntry | string {
  const account = text(raw['account_code']);
  const known = book.accounts.get(account);
  if (known === undefined) return `第${row}行分录科目编码[${account}]不存在`;
  if (!known.postable) return `第${row}行分录科目[${account}]不是末级科目，不能制单`;
  const debit = fenOf(raw['natural_debit_currency']);
  const credit = fenOf(raw['natural_credit_currency']);
  if (debit === null || credit === null) return `第${row}行分录金额格式不正确`;
  if ((debit ?? 0n) === 0n && (credit ?? 0n) === 0n) return `第${row}行分录借方金额和贷方金额不能同时为空`;
  const auxiliary: Record<string, string> = {};
  const aux = isJson(raw['auxiliary']) ? raw['auxiliary'] : {};
  for (const [field, value] of Object.entries(aux)) {
    const code = text(value);
    if (code === '') continue;
    const check = AUX_CHECKS.find((c) => c.field === field);
    if (check !== undefined && !check.has(book, code))
      return `第${row}行分录${check.label}编码[${code}]不存在`;
    auxiliary[field] = code;
  }
  return {
    entryId: Number(text(raw['entry_id']) || row),
    account,
    abstract: text(raw['abstract']),
    debitFen: debit ?? 0n,
    creditFen: credit ?? 0n,
    auxiliary,
  };
}

export function checkVoucherAdd(book: U8Book, body: unknown): Checked {
  const refuse = (reason: string): Checked => ({ ok: false, reason });
  const voucher = isJson(body) ? body['voucher'] : undefined;
  if (!isJson(voucher)) return refuse('单据新增失败：缺少voucher节点');
  const type = text(voucher['voucher_type']);
  if (!book.voucherTypes.has(type)) return refuse(`凭证类别[${type}]不存在`);
  const date = text(voucher['date']);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse(`制单日期[${date}]不合法`);
  const year = Number(text(voucher['fiscal_year']) || date.slice(0, 4));
  const period = Number(text(voucher['accounting_period']) || date.slice(5, 7));
  const month = `${year}-${String(period).padStart(2, '0')}`;
  if (book.closedPeriods.has(month)) return refuse(`${year}年${period}月已结账，不能填制凭证`);
  const raw = [...entriesOf(voucher['debit']), ...entriesOf(voucher['credit']), ...entriesOf(voucher)];
  if (raw.length === 0) return refuse('凭证分录不能为空');
  const entries: StoredEntry[] = [];
  for (const [i, line] of raw.entries()) {
    const entry = entryOf(book, line, i + 1);
    if (typeof entry === 'string') return refuse(entry);
    entries.push(entry);
  }
  const debit = entries.reduce((sum, e) => sum + e.debitFen, 0n);
  const credit = entries.reduce((sum, e) => sum + e.creditFen, 0n);
  if (debit !== credit)
    return refuse(`凭证借贷不平衡：借方合计${yuanText(debit)}，贷方合计${yuanText(credit)}`);
  const makingSystem = text(voucher['voucher_making_system']);
  const reserve2 = text(voucher['reserve2']);
  if (makingSystem === 'CDM' && reserve2 === '') return refuse('外部系统凭证的外部凭证号(reserve2)不能为空');
  if (makingSystem === 'CDM' && book.byReserve2(reserve2) !== undefined)
    return refuse(`外部凭证号[${reserve2}]已存在，不能重复导入`);
  return {
    ok: true,
    voucher: { type, year, period, date, enter: text(voucher['enter']), makingSystem, reserve2, entries },
  };
}

/** A stored voucher as `voucher/get` and `voucher/batch_get` answer: the add body's field names, values as strings (B4). */
export function voucherView(v: StoredVoucher): Readonly<Record<string, unknown>> {
  const entry = (e: StoredEntry) => ({
    entry_id: String(e.entryId),
    account_code: e.account,
    abstract: e.abstract,
    // the simulated account set keeps its books in 人民币 (its 本位币): every entry is in it
    currency: '人民币',
    natural_debit_currency: yuanText(e.debitFen),
    natural_credit_currency: yuanText(e.creditFen),
    ...(Object.keys(e.auxiliary).length > 0 ? { auxiliary: e.auxiliary } : {}),
  });
  return {
    id: v.id,
    voucher_type: v.type,
    fiscal_year: String(v.year),
    accounting_period: String(v.period),
    voucher_id: String(v.number),
    date: v.date,
    enter: v.enter,
    voucher_making_system: v.makingSystem,
    reserve2: v.reserve2,
    revokeflag: '',
    debit: { entry: v.entries.filter((e) => e.debitFen !== 0n).map(entry) },
    credit: { entry: v.entries.filter((e) => e.debitFen === 0n).map(entry) },
  };
}
