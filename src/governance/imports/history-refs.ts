import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * Imported history that names master data (docs/governance.md#historical-claims-and-vouchers): the
 * rollback of a master-data batch is refused while a historical claim or voucher names a record the
 * batch created, as it is for master data that refers to it.
 */

/** Claim header and line columns that name a master-data resource (by its URL path). */
const CLAIM_HEADER: Readonly<Record<string, 'employee_code'>> = { employees: 'employee_code' };
const CLAIM_LINE: Readonly<
  Record<string, 'department_code' | 'cost_center_code' | 'project_code' | 'category_code'>
> = {
  departments: 'department_code',
  'cost-centers': 'cost_center_code',
  projects: 'project_code',
  'expense-categories': 'category_code',
};
/** The auxiliary dimension (辅助核算) of a voucher line that names each resource. */
const VOUCHER_AUX: Readonly<Record<string, string>> = {
  departments: 'department',
  employees: 'employee',
  suppliers: 'supplier',
  customers: 'customer',
  projects: 'project',
  'cost-centers': 'costCenter',
};

export interface HistoryReference {
  /** The master-data code referred to. */
  readonly code: string;
  /** Who refers to it: historical-claims/BX-2025-0001 or historical-vouchers/<connection>/<ERP number>. */
  readonly referencedBy: string;
}

const chunks = <T>(items: readonly T[], size = 200): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** The historical claims and vouchers that name one of `codes` of the master-data resource `path`. */
export async function historyReferencesTo(
  db: TenantDb,
  path: string,
  codes: readonly string[],
): Promise<HistoryReference[]> {
  const out: HistoryReference[] = [];
  if (codes.length === 0) return out;
  const header = CLAIM_HEADER[path];
  const line = CLAIM_LINE[path];
  const aux = VOUCHER_AUX[path];
  for (const part of chunks([...new Set(codes)])) {
    if (header !== undefined)
      for (const r of await db
        .selectFrom('historical_claims')
        .select(['number', header])
        .where(header, 'in', part)
        .orderBy('number')
        .execute())
        out.push({ code: r[header], referencedBy: `historical-claims/${r.number}` });
    if (line !== undefined) {
      const rows = await db
        .selectFrom('historical_claim_lines')
        .innerJoin('historical_claims', (j) =>
          j
            .onRef('historical_claims.id', '=', 'historical_claim_lines.claim_id')
            .onRef('historical_claims.tenant_id', '=', 'historical_claim_lines.tenant_id'),
        )
        .select(['historical_claims.number as number', `historical_claim_lines.${line} as code`])
        .where(`historical_claim_lines.${line}`, 'in', part)
        .orderBy('historical_claims.number')
        .execute();
      for (const r of rows)
        if (r.code !== null) out.push({ code: r.code, referencedBy: `historical-claims/${r.number}` });
    }
    if (path === 'accounts' || aux !== undefined) {
      const rows = await db
        .selectFrom('historical_voucher_lines')
        .innerJoin('historical_vouchers', (j) =>
          j
            .onRef('historical_vouchers.id', '=', 'historical_voucher_lines.voucher_id')
            .onRef('historical_vouchers.tenant_id', '=', 'historical_voucher_lines.tenant_id'),
        )
        .select([
          'historical_vouchers.connection_id as connectionId',
          'historical_vouchers.erp_number as erpNumber',
          'historical_voucher_lines.account_code as accountCode',
          'historical_voucher_lines.aux_json as auxJson',
        ])
        .where((eb) =>
          path === 'accounts'
            ? eb('historical_voucher_lines.account_code', 'in', part)
            : // a first cut by text (aux_json is written by JSON.stringify), checked exactly below
              eb.or(
                part.map((code) =>
                  eb(
                    'historical_voucher_lines.aux_json',
                    'like',
                    `%${JSON.stringify(aux)}:${JSON.stringify(code)}%`,
                  ),
                ),
              ),
        )
        .orderBy('historical_vouchers.erp_number')
        .execute();
      const wanted = new Set(part);
      for (const r of rows) {
        const code =
          path === 'accounts'
            ? r.accountCode
            : (JSON.parse(r.auxJson) as Record<string, string | undefined>)[aux as string];
        if (code !== undefined && wanted.has(code))
          out.push({ code, referencedBy: `historical-vouchers/${r.connectionId}/${r.erpNumber}` });
      }
    }
  }
  // one entry per referring document and code
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.code}|${r.referencedBy}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
