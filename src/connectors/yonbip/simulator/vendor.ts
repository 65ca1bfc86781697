import { success, type YonAnswer } from './answers.ts';
import type { YonBook } from './book.ts';

type Json = Readonly<Record<string, unknown>>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `vendor/list` (C5): one row per vendor and using org, ordered by code; `simple.pubts` keeps rows
 * changed at or after it ([INF]: the comparison is not documented); `code` filters by code;
 * pageIndex/pageSize with recordCount and pageCount.
 */
export function listVendors(book: YonBook, body: unknown): YonAnswer {
  const q = isJson(body) ? body : {};
  const pageIndex = Math.max(1, Number(q['pageIndex']) || 1);
  const pageSize = Math.min(500, Math.max(1, Number(q['pageSize']) || 10));
  const since = isJson(q['simple']) && typeof q['simple']['pubts'] === 'string' ? q['simple']['pubts'] : '';
  const code = typeof q['code'] === 'string' ? q['code'] : '';
  const rows = [...book.vendors.values()]
    .filter((v) => (since === '' || v.pubts >= since) && (code === '' || v.code === code))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .flatMap((v) =>
      v.orgs.map((org, i) => ({
        id: v.id,
        code: v.code,
        name: v.name,
        org,
        org_name: '示例集团',
        vendorclass_name: '原材料供应商',
        stopstatus: false,
        freezestatus: '0',
        creditcode: v.creditcode,
        pubts: v.pubts,
        vendorApplyRangeId: `${v.id}-${i}`,
      })),
    );
  return success({
    pageIndex,
    pageSize,
    recordCount: rows.length,
    pageCount: Math.ceil(rows.length / pageSize),
    recordList: rows.slice((pageIndex - 1) * pageSize, pageIndex * pageSize),
  });
}
