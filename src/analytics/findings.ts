import { formatMinor } from '../model/money.ts';
import { exponentOf, isCurrencyCode } from '../model/currencies.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { claimLink } from './cube.ts';
import type { AnomalyKind } from './tables.ts';

/**
 * The anomalies found, highest score first. Each names the claim (and line) it points at with the
 * console link; a Benford finding names an employee or a department instead. These are what a
 * post-hoc audit (事后审计) can draw its sample from.
 */
export const ANOMALY_KINDS: readonly AnomalyKind[] = [
  'peer_outlier',
  'split_claim',
  'weekend_holiday',
  'round_amount',
  'benford',
  'duplicate',
];

export interface AnomalyView {
  readonly id: string;
  readonly kind: AnomalyKind;
  readonly score: number;
  readonly claimId: string | null;
  readonly claimNumber: string | null;
  readonly lineNo: number | null;
  readonly employeeCode: string | null;
  readonly departmentCode: string | null;
  readonly period: string;
  readonly amount: string | null;
  readonly currency: string | null;
  readonly explanation: { readonly zh: string; readonly en: string };
  readonly params: Record<string, unknown>;
  readonly link: string | null;
  readonly detectedAt: string;
}

export interface AnomalyQuery {
  readonly kind?: AnomalyKind;
  readonly minScore?: number;
  readonly employeeCode?: string;
  readonly departmentCode?: string;
  readonly claimId?: string;
  readonly period?: string;
  readonly limit: number;
  /** The last item's `id` of the previous page (pages run by score, then id). */
  readonly after?: { score: number; id: string };
}

export async function listAnomalies(
  db: TenantDb,
  query: AnomalyQuery,
): Promise<{ items: AnomalyView[]; next: { score: number; id: string } | null }> {
  let select = db.selectFrom('analytics_anomalies').selectAll();
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.minScore !== undefined) select = select.where('score', '>=', query.minScore);
  if (query.employeeCode !== undefined) select = select.where('employee_code', '=', query.employeeCode);
  if (query.departmentCode !== undefined) select = select.where('department_code', '=', query.departmentCode);
  if (query.claimId !== undefined) select = select.where('document_id', '=', query.claimId);
  if (query.period !== undefined) select = select.where('period', '=', query.period);
  const after = query.after;
  if (after !== undefined)
    select = select.where((eb) =>
      eb.or([
        eb('score', '<', after.score),
        eb.and([eb('score', '=', after.score), eb('id', '>', after.id)]),
      ]),
    );
  const rows = await select
    .orderBy('score', 'desc')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      score: r.score,
      claimId: r.document_id,
      claimNumber: r.document_number,
      lineNo: r.line_no,
      employeeCode: r.employee_code,
      departmentCode: r.department_code,
      period: r.period,
      amount:
        r.amount_minor === null
          ? null
          : formatMinor(
              r.amount_minor,
              r.currency !== null && isCurrencyCode(r.currency) ? exponentOf(r.currency) : 2,
            ),
      currency: r.currency,
      explanation: { zh: r.explanation_zh, en: r.explanation_en },
      params: JSON.parse(r.params_json) as Record<string, unknown>,
      link: r.document_id === null ? null : claimLink(r.document_id),
      detectedAt: r.detected_at,
    })),
    next: rows.length > query.limit && last !== undefined ? { score: last.score, id: last.id } : null,
  };
}
