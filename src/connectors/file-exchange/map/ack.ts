import type { AckField, AckLayout } from '../layout/schema.ts';
import { readTable } from '../layout/table-file.ts';

/**
 * The ERP's acknowledgement of one voucher file, read for one reference. An answer that cannot be
 * read for sure — bytes wrong for the declared encoding, a row cut off, a status that is neither OK
 * nor ERROR, no row for the reference — is `malformed`: the caller treats it as ambiguous, never as a
 * refusal, because the voucher may well be in the ERP.
 */
export type AckReading =
  | { readonly kind: 'ok'; readonly erpId: string; readonly erpNumber: string; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'malformed'; readonly reason: string };

/** The position of each field in the ack's rows: from the header when there is one, else the layout order. */
function positions(layout: AckLayout, header: readonly string[] | undefined): Map<AckField, number> | string {
  const at = new Map<AckField, number>();
  for (const [i, column] of layout.columns.entries()) {
    if (column.field === 'ignore') continue;
    const position = header === undefined ? i : header.findIndex((h) => h.trim() === column.title);
    if (position < 0) {
      if (column.field === 'reference' || column.field === 'status')
        return `the acknowledgement has no ${column.title} column`;
      continue;
    }
    at.set(column.field, position);
  }
  return at;
}

export async function readAck(bytes: Uint8Array, layout: AckLayout, reference: string): Promise<AckReading> {
  const table = await readTable(bytes, {
    format: 'csv',
    encoding: layout.encoding,
    delimiter: layout.delimiter,
  });
  if ('error' in table) return { kind: 'malformed', reason: table.error };
  const [first, ...rest] = table.rows;
  const rows = layout.headerRow ? rest : table.rows;
  const at = positions(layout, layout.headerRow ? (first ?? []) : undefined);
  if (typeof at === 'string') return { kind: 'malformed', reason: at };
  const cell = (row: readonly string[], field: AckField) => {
    const i = at.get(field);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const needed = Math.max(...at.values()) + 1;
  const mine = rows.filter((row) => cell(row, 'reference') === reference);
  // a file the ERP could not read at all is refused in one row without a reference
  const whole = rows.filter(
    (row) => cell(row, 'reference') === '' && layout.errorValues.includes(cell(row, 'status')),
  );
  const [row] = mine.length > 0 ? mine : whole;
  if (row === undefined)
    return { kind: 'malformed', reason: `the acknowledgement has no row for ${reference}` };
  if (mine.length > 1)
    return { kind: 'malformed', reason: `the acknowledgement has ${mine.length} rows for ${reference}` };
  if (row.length < needed) return { kind: 'malformed', reason: `the row for ${reference} is cut off` };
  const status = cell(row, 'status');
  const message = cell(row, 'message');
  if (layout.errorValues.includes(status))
    return { kind: 'error', message: message === '' ? status : message };
  if (!layout.okValues.includes(status))
    return {
      kind: 'malformed',
      reason: `status ${status} is neither ${layout.okValues[0] ?? 'OK'} nor ${layout.errorValues[0] ?? 'ERROR'}`,
    };
  const erpNumber = cell(row, 'erpNumber');
  const erpId = cell(row, 'erpId') || erpNumber;
  if (erpNumber === '' && erpId === '')
    return { kind: 'malformed', reason: `${status} for ${reference} without a document number` };
  return { kind: 'ok', erpId, erpNumber: erpNumber || erpId, message };
}

/** Writes acknowledgement rows (the simulated ERP's side), header first when the layout has one. */
export function ackRows(
  layout: AckLayout,
  entries: readonly {
    readonly reference: string;
    readonly ok: boolean;
    readonly erpNumber: string;
    readonly erpId: string;
    readonly message: string;
  }[],
): string[][] {
  const value = (field: AckField, e: (typeof entries)[number]): string => {
    switch (field) {
      case 'reference':
        return e.reference;
      case 'status':
        return (e.ok ? layout.okValues[0] : layout.errorValues[0]) ?? '';
      case 'erpNumber':
        return e.erpNumber;
      case 'erpId':
        return e.erpId;
      case 'message':
        return e.message;
      case 'ignore':
        return '';
    }
  };
  const rows = entries.map((e) => layout.columns.map((c) => value(c.field, e)));
  return layout.headerRow ? [layout.columns.map((c) => c.title), ...rows] : rows;
}
