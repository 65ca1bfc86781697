import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { yuanOf } from '../../model/money.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { check } from '../../model/validate.ts';
import type { RiskTag } from '../expenses/risk.ts';
import { PlanBody, planFailures } from './plans.ts';
import { sample, type ClaimFacts, type SampleReason } from './sampling.ts';

/**
 * Sampling plans and sample runs (抽样): a run takes the posted claims dated within its range —
 * posted or paid, the ones in the books — and keeps the claims its plan picks, with the reasons.
 */

/** Claims in the books: a post-hoc audit looks at nothing else. */
export const AUDITABLE_STATUSES = ['posted', 'paid'] as const;

export interface PlanView {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly body: PlanBody;
  readonly createdBy: string;
  readonly createdAt: string;
}

interface PlanRow {
  id: string;
  name: string;
  description: string | null;
  body_json: string;
  created_by: string;
  created_at: string;
}
const toPlanView = (r: PlanRow): PlanView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  body: JSON.parse(r.body_json) as PlanBody,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function createPlan(
  db: TenantDb,
  writer: Writer,
  input: { readonly name: string; readonly description?: string; readonly body: unknown },
): Promise<PlanView> {
  const failures = check(PlanBody, input.body, '/body');
  if (failures.length > 0) throw refusal(failures);
  const semantic = planFailures(input.body as PlanBody);
  if (semantic.length > 0) throw refusal(semantic);
  const at = writer.audit.clock.now().toISOString();
  const row: PlanRow = {
    id: newId(),
    name: input.name,
    description: input.description ?? null,
    body_json: JSON.stringify(input.body),
    created_by: writer.actor,
    created_at: at,
  };
  try {
    await db.transaction(async (tx) => {
      await tx.insertInto('post_audit_plans', [row]).execute();
      await appendAudit(tx, writer.audit, [
        {
          actor: writer.actor,
          action: 'create',
          entityType: 'PostAuditPlan',
          entityId: row.id,
          after: { name: row.name, body: input.body },
          requestId: writer.requestId,
        },
      ]);
    });
  } catch (error) {
    if (constraintViolation(error) === 'unique') throw new DomainError('already_exists', { field: 'name' });
    throw error;
  }
  return toPlanView(row);
}

export async function listPlans(db: TenantDb): Promise<PlanView[]> {
  const rows = await db
    .selectFrom('post_audit_plans')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toPlanView);
}

async function getPlan(db: TenantDb, id: string): Promise<PlanView> {
  const row = await db.selectFrom('post_audit_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'PostAuditPlan', id });
  return toPlanView(row);
}

/** The facts sampling needs of every posted claim dated within the range. */
export async function claimFacts(db: TenantDb, from: string, to: string): Promise<ClaimFacts[]> {
  const docs = await db
    .selectFrom('expense_documents')
    .select(['id', 'number', 'employee_code', 'document_on', 'total_minor', 'risk_tags_json'])
    .where('kind', '=', 'claim')
    .where('status', 'in', [...AUDITABLE_STATUSES])
    .where('document_on', '>=', from)
    .where('document_on', '<=', to)
    .orderBy('number')
    .execute();
  if (docs.length === 0) return [];
  const facts: ClaimFacts[] = [];
  // lines and invoices in chunks, well under either engine's parameter limit
  for (let i = 0; i < docs.length; i += 500) {
    const chunk = docs.slice(i, i + 500);
    const ids = chunk.map((d) => d.id);
    const [lines, sellers] = await Promise.all([
      db
        .selectFrom('expense_lines')
        .select(['document_id', 'occurred_on', 'category_code'])
        .where('document_id', 'in', ids)
        .orderBy('document_id')
        .orderBy('line_no')
        .execute(),
      db
        .selectFrom('invoice_uses')
        .innerJoin('invoices', (j) =>
          j
            .onRef('invoices.id', '=', 'invoice_uses.invoice_id')
            .onRef('invoices.tenant_id', '=', 'invoice_uses.tenant_id'),
        )
        .select(['invoice_uses.document_id', 'invoices.seller_name', 'invoices.seller_tax_id'])
        .where('invoice_uses.document_id', 'in', ids)
        .execute(),
    ]);
    const linesOf = Map.groupBy(lines, (l) => l.document_id);
    const sellersOf = Map.groupBy(sellers, (s) => s.document_id);
    for (const d of chunk)
      facts.push({
        id: d.id,
        number: d.number,
        employeeCode: d.employee_code,
        documentOn: d.document_on,
        totalMinor: d.total_minor,
        riskTags: JSON.parse(d.risk_tags_json) as RiskTag[],
        lines: (linesOf.get(d.id) ?? []).map((l) => ({
          occurredOn: l.occurred_on,
          categoryCode: l.category_code,
        })),
        merchants: (sellersOf.get(d.id) ?? []).map((s) => ({
          key: s.seller_tax_id ?? s.seller_name,
          name: s.seller_name,
        })),
      });
  }
  return facts;
}

export interface RunView {
  readonly id: string;
  readonly planId: string;
  readonly planName: string;
  readonly plan: PlanBody;
  readonly from: string;
  readonly to: string;
  readonly population: number;
  readonly sampled: number;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface SampleView {
  readonly documentId: string;
  readonly number: string;
  readonly title: string;
  readonly employeeCode: string;
  readonly documentOn: string;
  readonly total: string;
  readonly currency: string;
  readonly riskScore: number;
  readonly reasons: readonly SampleReason[];
  /** Findings recorded on the claim in this run. */
  readonly findings: number;
}

export async function runSample(
  db: TenantDb,
  writer: Writer,
  input: { readonly planId: string; readonly from: string; readonly to: string },
): Promise<RunView & { readonly samples: readonly SampleView[] }> {
  if (input.from > input.to)
    throw refusal([
      { code: 'date_range_invalid', pointer: '/to', params: { start: input.from, end: input.to } },
    ]);
  const id = await db.transaction(async (tx) => {
    const plan = await getPlan(tx, input.planId);
    const facts = await claimFacts(tx, input.from, input.to);
    const picked = sample(facts, plan.body);
    const at = writer.audit.clock.now().toISOString();
    const runId = newId();
    await tx
      .insertInto('post_audit_runs', [
        {
          id: runId,
          plan_id: plan.id,
          plan_json: JSON.stringify({ name: plan.name, body: plan.body }),
          from_on: input.from,
          to_on: input.to,
          population: facts.length,
          sampled: picked.length,
          created_by: writer.actor,
          created_at: at,
        },
      ])
      .execute();
    for (let i = 0; i < picked.length; i += 500)
      await tx
        .insertInto(
          'post_audit_samples',
          picked.slice(i, i + 500).map((s) => ({
            run_id: runId,
            document_id: s.documentId,
            risk_score: s.riskScore,
            reasons_json: JSON.stringify(s.reasons),
          })),
        )
        .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'run',
        entityType: 'PostAuditRun',
        entityId: runId,
        after: {
          planId: plan.id,
          from: input.from,
          to: input.to,
          population: facts.length,
          sampled: picked.length,
        },
        requestId: writer.requestId,
      },
    ]);
    return runId;
  });
  return getRun(db, id);
}

interface RunRow {
  id: string;
  plan_id: string;
  plan_json: string;
  from_on: string;
  to_on: string;
  population: number;
  sampled: number;
  created_by: string;
  created_at: string;
}
const toRunView = (r: RunRow): RunView => {
  const plan = JSON.parse(r.plan_json) as { name: string; body: PlanBody };
  return {
    id: r.id,
    planId: r.plan_id,
    planName: plan.name,
    plan: plan.body,
    from: r.from_on,
    to: r.to_on,
    population: r.population,
    sampled: r.sampled,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
};

export async function listRuns(db: TenantDb, limit: number): Promise<RunView[]> {
  const rows = await db
    .selectFrom('post_audit_runs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRunView);
}

export async function getRun(
  db: TenantDb,
  id: string,
): Promise<RunView & { readonly samples: readonly SampleView[] }> {
  const row = await db.selectFrom('post_audit_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'PostAuditRun', id });
  const samples = await db
    .selectFrom('post_audit_samples')
    .innerJoin('expense_documents as d', (j) =>
      j
        .onRef('d.id', '=', 'post_audit_samples.document_id')
        .onRef('d.tenant_id', '=', 'post_audit_samples.tenant_id'),
    )
    .select([
      'post_audit_samples.document_id',
      'post_audit_samples.risk_score',
      'post_audit_samples.reasons_json',
      'd.number',
      'd.title',
      'd.employee_code',
      'd.document_on',
      'd.total_minor',
      'd.currency',
    ])
    .where('post_audit_samples.run_id', '=', id)
    .orderBy('d.number')
    .execute();
  const findings = await db
    .selectFrom('post_audit_findings')
    .select(['document_id'])
    .where('run_id', '=', id)
    .execute();
  return {
    ...toRunView(row),
    samples: samples.map((s) => ({
      documentId: s.document_id,
      number: s.number,
      title: s.title,
      employeeCode: s.employee_code,
      documentOn: s.document_on,
      total: yuanOf(s.total_minor),
      currency: s.currency,
      riskScore: s.risk_score,
      reasons: JSON.parse(s.reasons_json) as SampleReason[],
      findings: findings.filter((f) => f.document_id === s.document_id).length,
    })),
  };
}
