import { exponentOf, isCurrencyCode } from '../../../model/currencies.ts';
import type { ErpVoucher, ErpVoucherLine } from '../../contract.ts';
import { formatAmount, formatDate, parseAmount, parseDate } from '../layout/formats.ts';
import type { VoucherListField, VoucherListLayout } from '../layout/schema.ts';
import { readTable, writeTable } from '../layout/table-file.ts';
import { matchesPattern } from './names.ts';

/**
 * The voucher list (对账) as files: our request (period and a request id), the ERP's export parts (one
 * row per entry) and its done file — names and columns from the connection's `VoucherListLayout`.
 * Pure: bytes in, vouchers out, and the other way round for the simulated ERP.
 */

/** `YYYY-MM` with a month 01–16 (adjustment periods 13–16), or undefined. */
export function listPeriod(period: string): string | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m === null) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 16 ? period : undefined;
}

const fill = (pattern: string, values: Readonly<Record<string, string>>): string =>
  Object.entries(values).reduce((name, [key, value]) => name.replace(`{${key}}`, value), pattern);

export const partLabel = (part: number): string => String(part).padStart(3, '0');

export const requestFileName = (layout: VoucherListLayout, period: string, request: string): string =>
  fill(layout.requestFile, { period, request });
export const partFileName = (
  layout: VoucherListLayout,
  period: string,
  request: string,
  part: number,
): string => fill(layout.partFile, { period, request, part: partLabel(part) });
export const doneFileName = (layout: VoucherListLayout, period: string, request: string): string =>
  fill(layout.doneFile, { period, request });

/** Whether a name is a request file for the period (any request id). */
export const isRequestFor = (layout: VoucherListLayout, period: string, name: string): boolean =>
  matchesPattern(name, fill(layout.requestFile, { period, request: '*' }));

/** The request id of a request file's name, given its period; undefined for another file. */
export function requestIdIn(layout: VoucherListLayout, period: string, name: string): string | undefined {
  const [before = '', after = ''] = fill(layout.requestFile, { period }).split('{request}');
  if (!name.startsWith(before) || !name.endsWith(after) || name.length <= before.length + after.length)
    return undefined;
  const id = name.slice(before.length, name.length - after.length);
  return /^[A-Za-z0-9_-]+$/.test(id) ? id : undefined;
}

/** A request id: the instant it was asked at and a random tail, safe in any file name. */
export const newRequestId = (at: Date, random: string): string =>
  `${at.toISOString().replace(/[-:.]/g, '')}-${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}`;

const shapeOf = (layout: VoucherListLayout) =>
  ({ format: 'csv', encoding: layout.encoding, delimiter: layout.delimiter, lineEnding: 'crlf' }) as const;

/** Rows with a header row → one record per row, keyed by field (columns not in the layout ignored). */
async function recordsOf<F extends string>(
  bytes: Uint8Array,
  layout: VoucherListLayout,
  columns: readonly { readonly title: string; readonly field: F }[],
): Promise<{ records: Map<F, string>[] } | { error: string }> {
  const table = await readTable(bytes, shapeOf(layout));
  if ('error' in table) return table;
  const [header, ...rows] = table.rows;
  if (header === undefined) return { error: 'no header row' };
  const at = new Map<F, number>();
  for (const column of columns) {
    const i = header.findIndex((title) => title.trim() === column.title.trim());
    if (i < 0) return { error: `no column titled ${column.title}` };
    at.set(column.field, i);
  }
  return {
    records: rows
      .filter((row) => row.some((cell) => cell.trim() !== ''))
      .map((row) => new Map([...at].map(([field, i]) => [field, (row[i] ?? '').trim()]))),
  };
}

export async function requestFile(
  layout: VoucherListLayout,
  period: string,
  request: string,
  requestedAt: string,
): Promise<Buffer> {
  const value = { period, request, requestedAt } as const;
  return writeTable(
    [layout.requestColumns.map((c) => c.title), layout.requestColumns.map((c) => value[c.field])],
    shapeOf(layout),
  );
}

export async function readRequest(
  bytes: Uint8Array,
  layout: VoucherListLayout,
): Promise<{ period: string; request: string } | { error: string }> {
  const read = await recordsOf(bytes, layout, layout.requestColumns);
  if ('error' in read) return read;
  const first = read.records[0];
  const period = first?.get('period') ?? '';
  const request = first?.get('request') ?? '';
  return period === '' || request === '' ? { error: 'no period or request id' } : { period, request };
}

export async function doneFile(layout: VoucherListLayout, parts: number, vouchers: number): Promise<Buffer> {
  const value = { parts: String(parts), vouchers: String(vouchers) } as const;
  return writeTable(
    [layout.doneColumns.map((c) => c.title), layout.doneColumns.map((c) => value[c.field])],
    shapeOf(layout),
  );
}

export async function readDone(
  bytes: Uint8Array,
  layout: VoucherListLayout,
): Promise<{ parts: number } | { error: string }> {
  const read = await recordsOf(bytes, layout, layout.doneColumns);
  if ('error' in read) return read;
  const parts = Number(read.records[0]?.get('parts') ?? '');
  return Number.isInteger(parts) && parts >= 0 ? { parts } : { error: 'no part count' };
}

/** One entry of a voucher as the export writes it (the simulated ERP's side). */
export interface ExportEntry {
  readonly erpId: string;
  readonly erpNumber: string;
  readonly word: string;
  readonly date: string;
  readonly period: string;
  readonly reference: string;
  readonly account: string;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  readonly currency: string;
  readonly reversed: boolean;
}

export async function partFile(layout: VoucherListLayout, entries: readonly ExportEntry[]): Promise<Buffer> {
  const cell = (e: ExportEntry, field: VoucherListField): string => {
    const exponent = isCurrencyCode(e.currency) ? exponentOf(e.currency) : 2;
    switch (field) {
      case 'date':
        return formatDate(e.date, layout.dateFormat);
      case 'debit':
        return formatAmount(e.debitMinor, exponent, layout.amount);
      case 'credit':
        return formatAmount(e.creditMinor, exponent, layout.amount);
      case 'status':
        return e.reversed ? (layout.reversedValues[0] ?? '') : '正常';
      case 'ignore':
        return '';
      default:
        return e[field];
    }
  };
  return writeTable(
    [layout.columns.map((c) => c.title), ...entries.map((e) => layout.columns.map((c) => cell(e, c.field)))],
    shapeOf(layout),
  );
}

/**
 * An export part → its vouchers, in the order they first appear; the rows of one voucher id are its
 * entries. Refuses a part with an amount, date or currency it cannot read exactly.
 */
export async function readPart(
  bytes: Uint8Array,
  layout: VoucherListLayout,
): Promise<{ vouchers: ErpVoucher[] } | { error: string }> {
  const read = await recordsOf(bytes, layout, layout.columns);
  if ('error' in read) return read;
  const byId = new Map<
    string,
    { head: Map<VoucherListField, string>; lines: ErpVoucherLine[]; reversed: boolean }
  >();
  for (const [i, row] of read.records.entries()) {
    const where = `row ${String(i + 2)}`;
    const get = (field: VoucherListField) => row.get(field) ?? '';
    const id = get('erpId');
    if (id === '') return { error: `${where}: no voucher id` };
    const currency = get('currency');
    if (!isCurrencyCode(currency)) return { error: `${where}: unknown currency ${currency}` };
    const exponent = exponentOf(currency);
    const debit = parseAmount(get('debit'), exponent, layout.amount);
    const credit = parseAmount(get('credit'), exponent, layout.amount);
    if (debit === null || credit === null) return { error: `${where}: an amount that is none` };
    let voucher = byId.get(id);
    if (voucher === undefined) {
      voucher = { head: row, lines: [], reversed: false };
      byId.set(id, voucher);
    }
    // the state is the voucher's, repeated on each row: any row saying 作废 makes it so
    if (layout.reversedValues.includes(get('status'))) voucher.reversed = true;
    voucher.lines.push({
      account: get('account'),
      debitMinor: debit ?? 0n,
      creditMinor: credit ?? 0n,
      currency,
    });
  }
  const vouchers: ErpVoucher[] = [];
  for (const [id, { head, lines, reversed }] of byId) {
    const get = (field: VoucherListField) => head.get(field) ?? '';
    const dateText = get('date');
    const date = dateText === '' ? '' : parseDate(dateText, layout.dateFormat);
    if (date === null) return { error: `voucher ${id}: a date that is none (${dateText})` };
    vouchers.push({
      erpId: id,
      erpNumber: get('erpNumber') || id,
      word: get('word'),
      date,
      period: get('period') || date.slice(0, 7),
      reference: get('reference') || null,
      lines,
      reversed,
    });
  }
  return { vouchers };
}

/** Where a listing stands: the request answered, its part count, the part and the vouchers read of it. */
export interface ListCursor {
  readonly request: string;
  readonly parts: number;
  readonly part: number;
  readonly skip: number;
}

export const cursorText = (c: ListCursor): string => `${c.request}/${c.parts}/${c.part}/${c.skip}`;

export function cursorOf(text: string): ListCursor | undefined {
  const m = /^([A-Za-z0-9_-]{1,80})\/(\d{1,6})\/(\d{1,6})\/(\d{1,9})$/.exec(text);
  if (m === null) return undefined;
  const [parts, part, skip] = [Number(m[2]), Number(m[3]), Number(m[4])];
  return part >= 1 && part <= parts ? { request: m[1] ?? '', parts, part, skip } : undefined;
}
