import { formatMinor } from '../../../model/money.ts';
import type { SimulatedBook, StoredEntry } from './book.ts';
import type { ReadVoucher } from './voucher-read.ts';

/**
 * The simulated ERP's checks on an imported voucher, with its complaints in its own words (the
 * vocabulary of Chinese import logs: 第N行：科目编码[…]不存在, 凭证借贷不平衡, …已结账, 业务号[…]已存在):
 * a reference, a date in an open period, a known voucher word, at least one entry, each entry on one
 * side, postable accounts that exist, auxiliary codes that exist, a balanced voucher, and one voucher
 * per reference.
 */
export type Checked =
  | { readonly ok: true; readonly period: string; readonly entries: readonly StoredEntry[] }
  | { readonly ok: false; readonly message: string };

const AUX: readonly {
  dimension: string;
  label: string;
  has: (book: SimulatedBook, code: string) => boolean;
}[] = [
  { dimension: 'department', label: '部门', has: (b, c) => b.departments.has(c) },
  { dimension: 'supplier', label: '供应商', has: (b, c) => b.suppliers.has(c) },
  { dimension: 'employee', label: '个人', has: (b, c) => b.employees.has(c) },
];

function checkEntries(book: SimulatedBook, voucher: ReadVoucher): readonly StoredEntry[] | string {
  const entries: StoredEntry[] = [];
  for (const line of voucher.lines) {
    const at = `第${line.row}行：`;
    const account = book.accounts.get(line.account);
    if (account === undefined) return `${at}科目编码[${line.account}]不存在`;
    if (!account.postable) return `${at}科目[${line.account}]不是末级科目，不能引入`;
    if ((line.debitMinor === 0n) === (line.creditMinor === 0n))
      return `${at}借方金额和贷方金额必须一方为0、另一方不为0`;
    for (const check of AUX) {
      const code = line.aux[check.dimension];
      if (code !== undefined && !check.has(book, code)) return `${at}${check.label}编码[${code}]不存在`;
    }
    entries.push({
      row: line.row,
      account: line.account,
      summary: line.summary,
      debit: String(line.debitMinor),
      credit: String(line.creditMinor),
      aux: line.aux,
    });
  }
  return entries;
}

export function checkVoucher(book: SimulatedBook, voucher: ReadVoucher): Checked {
  const refuse = (message: string): Checked => ({ ok: false, message });
  if (voucher.reference === '') return refuse('业务号不能为空');
  if (voucher.problem !== undefined) return refuse(voucher.problem);
  if (voucher.date === null) return refuse(`制单日期[${voucher.dateText}]格式不正确`);
  const period = voucher.date.slice(0, 7);
  if (book.closedPeriods.has(period))
    return refuse(`${period.slice(0, 4)}年${Number(period.slice(5))}月已结账，不能引入凭证`);
  if (!book.words.has(voucher.word)) return refuse(`凭证类别[${voucher.word}]不存在`);
  if (voucher.lines.length === 0) return refuse('凭证分录不能为空');
  const entries = checkEntries(book, voucher);
  if (typeof entries === 'string') return refuse(entries);
  const debit = entries.reduce((sum, e) => sum + BigInt(e.debit), 0n);
  const credit = entries.reduce((sum, e) => sum + BigInt(e.credit), 0n);
  if (debit !== credit)
    return refuse(`凭证借贷不平衡：借方合计${formatMinor(debit, 2)}，贷方合计${formatMinor(credit, 2)}`);
  if (book.byReference(voucher.reference) !== undefined)
    return refuse(`业务号[${voucher.reference}]已存在，不能重复引入`);
  return { ok: true, period, entries };
}
