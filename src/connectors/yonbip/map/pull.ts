import type { ErpRecord, PullCursor } from '../../contract.ts';

/**
 * Vendors from `POST /yonbip/digitalModel/vendor/list` (C5). A vendor appears once per using org
 * (`vendorApplyRangeId`); records are keyed by code and carry `pubts` (the incremental field) as
 * their watermark.
 */
export const PULL_OBJECTS: Readonly<Record<string, string>> = { suppliers: '/digitalModel/vendor/list' };

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** One vendor row → an ErpRecord: stopped (停用) vendors are not usable. */
export function vendorRecord(row: Readonly<Record<string, unknown>>): ErpRecord {
  const { code, name, pubts, ...data } = row;
  return {
    number: text(code),
    name: text(name),
    usable: row['stopstatus'] !== true,
    modifiedAt: text(pubts),
    data,
  };
}

const compare = (a: ErpRecord, b: ErpRecord): number =>
  a.modifiedAt !== b.modifiedAt
    ? a.modifiedAt < b.modifiedAt
      ? -1
      : 1
    : a.number < b.number
      ? -1
      : a.number > b.number
        ? 1
        : 0;

/**
 * One record per code (the latest `pubts` of its rows), strictly after the cursor in
 * (modifiedAt, number) order, at most `limit`.
 */
export function pageAfter(rows: readonly ErpRecord[], after: PullCursor, limit: number): ErpRecord[] {
  const latest = new Map<string, ErpRecord>();
  for (const r of rows) {
    if (r.number === '') continue;
    const seen = latest.get(r.number);
    if (seen === undefined || seen.modifiedAt < r.modifiedAt) latest.set(r.number, r);
  }
  const cursor: ErpRecord | undefined =
    after.modifiedAt === null && after.number === null
      ? undefined
      : { number: after.number ?? '', name: '', usable: true, modifiedAt: after.modifiedAt ?? '', data: {} };
  return [...latest.values()]
    .filter((r) => cursor === undefined || compare(r, cursor) > 0)
    .sort(compare)
    .slice(0, limit);
}
