import type { ErpRecord, PullCursor } from '../../contract.ts';
import type { MasterLayout } from '../layout/schema.ts';
import { readTable } from '../layout/table-file.ts';

/**
 * Master data from the files the ERP drops: each file's rows become records (the header row names the
 * columns), files are merged so that the latest state of each record wins, and a pull pages through
 * them in (modifiedAt, number) order after the cursor. The watermark is the layout's modifiedAt
 * column, or the file's modification time when the ERP writes none.
 */
export async function recordsOfFile(
  bytes: Uint8Array,
  layout: MasterLayout,
  fileModifiedAt: string,
): Promise<{ readonly records: ErpRecord[] } | { readonly error: string }> {
  const table = await readTable(bytes, {
    format: 'csv',
    encoding: layout.encoding,
    delimiter: layout.delimiter,
  });
  if ('error' in table) return table;
  const [header, ...rows] = table.rows;
  if (header === undefined) return { records: [] };
  const position = new Map<string, number>();
  for (const column of layout.columns) {
    const i = header.findIndex((h) => h.trim() === column.title);
    if (i >= 0) position.set(column.field, i);
  }
  for (const needed of ['number', 'name'])
    if (!position.has(needed))
      return { error: `no ${layout.columns.find((c) => c.field === needed)?.title ?? needed} column` };
  const cell = (row: readonly string[], field: string) => {
    const i = position.get(field);
    return i === undefined ? undefined : (row[i] ?? '').trim();
  };
  const records: ErpRecord[] = [];
  for (const row of rows) {
    const number = cell(row, 'number') ?? '';
    if (number === '') continue;
    const usable = cell(row, 'usable');
    const data = Object.fromEntries(
      [...position.keys()]
        .filter((field) => field.startsWith('data.'))
        .map((field) => [field.slice('data.'.length), cell(row, field) ?? '']),
    );
    records.push({
      number,
      name: cell(row, 'name') ?? '',
      usable: usable === undefined || layout.usableValues.includes(usable),
      modifiedAt: layout.watermark === 'column' ? (cell(row, 'modifiedAt') ?? '') : fileModifiedAt,
      data,
    });
  }
  return { records };
}

const after = (a: ErpRecord, b: { modifiedAt: string; number: string }) =>
  a.modifiedAt > b.modifiedAt || (a.modifiedAt === b.modifiedAt && a.number > b.number);

/** Records of files read oldest first → one record per number, the latest state winning. */
export function latestRecords(files: readonly (readonly ErpRecord[])[]): ErpRecord[] {
  const byNumber = new Map<string, ErpRecord>();
  for (const records of files)
    for (const record of records) {
      const known = byNumber.get(record.number);
      if (known === undefined || record.modifiedAt >= known.modifiedAt) byNumber.set(record.number, record);
    }
  return [...byNumber.values()];
}

/** One page: the records after the cursor in (modifiedAt, number) order, at most `limit`. */
export function pageAfter(records: readonly ErpRecord[], cursor: PullCursor, limit: number): ErpRecord[] {
  const from = { modifiedAt: cursor.modifiedAt ?? '', number: cursor.number ?? '' };
  const start = cursor.modifiedAt === null && cursor.number === null;
  return records
    .filter((r) => start || after(r, from))
    .sort((a, b) => (after(a, b) ? 1 : after(b, a) ? -1 : 0))
    .slice(0, limit);
}
