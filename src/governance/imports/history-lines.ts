import type { SpendLine } from '../../finance/expenses/spend-lines.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * Imported historical claims as spend lines (the shape analytics reads of posted claims): analytics'
 * rebuild takes them with finance's posted claims, so imported history survives a rebuild. The claim's
 * id stands for its posting (there is none: the claim is already in the ERP).
 */
export async function historicalSpendLines(
  db: TenantDb,
  claimIds: readonly string[] | null,
  after: string | null = null,
  claims = 500,
): Promise<{ lines: SpendLine[]; next: string | null }> {
  let select = db.selectFrom('historical_claims').selectAll();
  if (claimIds !== null) {
    if (claimIds.length === 0) return { lines: [], next: null };
    select = select.where('id', 'in', [...claimIds]);
  }
  if (after !== null) select = select.where('id', '>', after);
  const headers = await select
    .orderBy('id')
    .limit(claims + 1)
    .execute();
  const page = headers.slice(0, claims);
  if (page.length === 0) return { lines: [], next: null };
  const byId = new Map(page.map((h) => [h.id, h]));
  const rows = await db
    .selectFrom('historical_claim_lines')
    .selectAll()
    .where(
      'claim_id',
      'in',
      page.map((h) => h.id),
    )
    .orderBy('claim_id')
    .orderBy('line_no')
    .execute();
  const lines: SpendLine[] = [];
  for (const r of rows) {
    const claim = byId.get(r.claim_id);
    if (claim === undefined) continue;
    lines.push({
      documentId: claim.id,
      documentNumber: claim.number,
      postingId: claim.id,
      lineNo: r.line_no,
      employeeCode: claim.employee_code,
      departmentCode: r.department_code,
      projectCode: r.project_code,
      costCenterCode: r.cost_center_code,
      categoryCode: r.category_code,
      city: null,
      occurredOn: r.occurred_on,
      amountMinor: r.amount_minor,
      taxMinor: r.tax_minor,
      currency: claim.currency,
      supplier: null,
      invoiceKeys: [],
      erpPeriod: null,
      postedAt: claim.created_at,
    });
  }
  return { lines, next: headers.length > claims ? (page.at(-1)?.id ?? null) : null };
}
