import type { ErpRecord, PullCursor } from '../../contract.ts';

/**
 * Master data listed with `GET /api/{resource}/batch_get?page_index&rows_per_page` (B4, B6). Only the
 * vendor list is documented; U8's list answers carry no modification time, so the cursor is the code.
 */
export const PULL_RESOURCES: Readonly<Record<string, string>> = { suppliers: 'vendor' };

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** One U8 record (values come back as strings) → an ErpRecord; the rest of its fields kept as data. */
export function recordOf(row: Readonly<Record<string, unknown>>): ErpRecord {
  const { code, name, ...data } = row;
  return { number: text(code), name: text(name), usable: true, modifiedAt: '', data };
}

/** The records after the cursor, in code order: list answers come in the ERP's order, not ours. */
export function afterCursor(records: readonly ErpRecord[], after: PullCursor, limit: number): ErpRecord[] {
  const from = after.number;
  return records
    .filter((r) => r.number !== '' && (from === null || r.number > from))
    .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
    .slice(0, limit);
}
