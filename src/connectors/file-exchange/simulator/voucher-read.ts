import { exponentOf, isCurrencyCode } from '../../../model/currencies.ts';
import { parseAmount, parseDate } from '../layout/formats.ts';
import type { VoucherColumn, VoucherLayout } from '../layout/schema.ts';
import { dimensionOf } from '../layout/sources.ts';
import { readTable } from '../layout/table-file.ts';
import { DEFAULT_AMOUNT, DEFAULT_DATE_FORMAT, DEFAULT_LABELS } from '../map/voucher.ts';

/**
 * The simulated ERP's import template: a voucher file read back under the layout it was configured
 * with (what a customer sets up in the ERP's 引入方案), rows grouped into vouchers by their reference in
 * file order. What it cannot read is kept as the ERP's own complaint, in its words, on the voucher (or
 * on the whole file when no row can be placed).
 */
export interface ReadLine {
  readonly row: number;
  readonly account: string;
  readonly summary: string;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  readonly aux: Readonly<Record<string, string>>;
}

export interface ReadVoucher {
  readonly reference: string;
  readonly date: string | null;
  readonly dateText: string;
  readonly word: string;
  readonly currency: string;
  readonly lines: ReadLine[];
  /** The first thing wrong with its rows, in the ERP's words. */
  problem?: string;
}

export type ReadFile = { readonly vouchers: ReadVoucher[] } | { readonly error: string };

function positions(
  layout: VoucherLayout,
  header: readonly string[] | undefined,
): Map<VoucherColumn, number> | string {
  const at = new Map<VoucherColumn, number>();
  for (const [i, column] of layout.columns.entries()) {
    const position = header === undefined ? i : header.findIndex((h) => h.trim() === column.title);
    if (position < 0) return `文件缺少列[${column.title}]`;
    at.set(column, position);
  }
  return at;
}

export async function readVoucherFile(bytes: Uint8Array, layout: VoucherLayout): Promise<ReadFile> {
  const table = await readTable(bytes, layout);
  if ('error' in table) return { error: `文件无法读取：${table.error}` };
  const [first, ...rest] = table.rows;
  const at = positions(layout, layout.headerRow ? (first ?? []) : undefined);
  if (typeof at === 'string') return { error: at };
  const rows = layout.headerRow ? rest : table.rows;
  const offset = layout.headerRow ? 2 : 1;
  const value = (row: readonly string[], source: string) => {
    const column = layout.columns.find((c) => c.source === source);
    return column === undefined ? undefined : (row[at.get(column) ?? -1] ?? '').trim();
  };
  const vouchers = new Map<string, ReadVoucher>();
  for (const [i, row] of rows.entries()) {
    const number = i + offset;
    const reference = value(row, 'reference') ?? '';
    const currency = value(row, 'currency') || 'CNY';
    const exponent = isCurrencyCode(currency) ? exponentOf(currency) : 2;
    const dateColumn = layout.columns.find((c) => c.source === 'date');
    const dateText = value(row, 'date') ?? '';
    let voucher = vouchers.get(reference);
    if (voucher === undefined) {
      voucher = {
        reference,
        date: parseDate(dateText, dateColumn?.dateFormat ?? DEFAULT_DATE_FORMAT),
        dateText,
        word: value(row, 'word') ?? '记',
        currency,
        lines: [],
      };
      vouchers.set(reference, voucher);
    }
    const amounts = lineAmounts(layout, row, at, exponent);
    if (typeof amounts === 'string') {
      voucher.problem ??= `第${number}行：${amounts}`;
      continue;
    }
    const aux: Record<string, string> = {};
    for (const column of layout.columns) {
      const dimension = dimensionOf(column.source);
      const code = (row[at.get(column) ?? -1] ?? '').trim();
      if (dimension !== undefined && code !== '') aux[dimension] = code;
    }
    voucher.lines.push({
      row: number,
      account: value(row, 'line.account') ?? '',
      summary: value(row, 'line.summary') ?? '',
      ...amounts,
      aux,
    });
  }
  return { vouchers: [...vouchers.values()] };
}

/** A row's debit and credit from its amount columns, or what is wrong with them. */
function lineAmounts(
  layout: VoucherLayout,
  row: readonly string[],
  at: Map<VoucherColumn, number>,
  exponent: number,
): { debitMinor: bigint; creditMinor: bigint } | string {
  const read = (source: string) => {
    const column = layout.columns.find((c) => c.source === source);
    if (column === undefined) return { column, text: '', minor: undefined };
    const text = (row[at.get(column) ?? -1] ?? '').trim();
    return { column, text, minor: parseAmount(text, exponent, column.amount ?? DEFAULT_AMOUNT) };
  };
  const debit = read('line.debit');
  const credit = read('line.credit');
  if (debit.column !== undefined) {
    for (const side of [debit, credit]) if (side.minor === null) return `金额[${side.text}]格式不正确`;
    return { debitMinor: debit.minor ?? 0n, creditMinor: credit.minor ?? 0n };
  }
  const amount = read('line.amount');
  if (amount.minor === null) return `金额[${amount.text}]格式不正确`;
  const minor = amount.minor ?? 0n;
  const sign = amount.column?.amount?.sign ?? 'debit-positive';
  if (sign === 'absolute') {
    const direction = layout.columns.find((c) => c.source === 'line.direction');
    const labels = direction?.labels ?? DEFAULT_LABELS;
    const side = direction === undefined ? '' : (row[at.get(direction) ?? -1] ?? '').trim();
    if (side === labels.debit) return { debitMinor: minor, creditMinor: 0n };
    if (side === labels.credit) return { debitMinor: 0n, creditMinor: minor };
    return `借贷方向[${side}]不正确`;
  }
  const signed = sign === 'debit-positive' ? minor : -minor;
  return signed >= 0n ? { debitMinor: signed, creditMinor: 0n } : { debitMinor: 0n, creditMinor: -signed };
}
