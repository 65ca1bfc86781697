import type { ErpRecord, PullCursor } from '../../contract.ts';
import { quoted } from './identifiers.ts';

/**
 * Suppliers pulled incrementally from `GET /suppliers` (§3.4): ordered by LastUpdateDate then
 * SupplierNumber, resumed after the cursor with a `q` row-match expression (framework 2+), one page of
 * at most 500. LastUpdateDate is kept as Oracle writes it (ISO-8601 with its offset), so the cursor
 * compares like the ERP does.
 */
export const PULL_RESOURCES: Readonly<Record<string, string>> = { suppliers: 'suppliers' };

/** `q` for the rows after the cursor (undefined: from the start). */
export function afterCursorQuery(after: PullCursor): string | undefined {
  if (after.modifiedAt === null || after.modifiedAt === '') return undefined;
  const at = quoted(after.modifiedAt);
  if (after.number === null) return `LastUpdateDate >= ${at}`;
  return `LastUpdateDate > ${at} or (LastUpdateDate = ${at} and SupplierNumber > ${quoted(after.number)})`;
}

export const SUPPLIER_ORDER = 'LastUpdateDate:asc,SupplierNumber:asc';

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** One supplier item → an ErpRecord keyed by SupplierNumber; usable while ACTIVE and not inactivated. */
export function supplierRecord(item: Readonly<Record<string, unknown>>, today: string): ErpRecord {
  const { SupplierNumber, Supplier, LastUpdateDate, links: _links, ...data } = item;
  const inactive = text(item['InactiveDate']);
  return {
    number: text(SupplierNumber),
    name: text(Supplier),
    usable: text(item['Status']).toUpperCase() === 'ACTIVE' && (inactive === '' || inactive > today),
    modifiedAt: text(LastUpdateDate),
    data,
  };
}
