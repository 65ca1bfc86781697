import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import type { ErrorCode } from '../../../model/error-codes.ts';
import { DomainError, type Failure } from '../../../model/result.ts';
import { budgetPreview } from '../../budgets/budgets.ts';
import { displayIdentity } from '../../invoices/invoice-checks.ts';
import type { Skip } from '../../approvals/skips.ts';
import { planApproval, type PlannedStep } from '../../approvals/workflow.ts';
import { getRuleSet } from '../../rules/rule-sets.ts';
import { runAuditRules } from '../audit-rules.ts';
import {
  ensureOwn,
  getLines,
  getRow,
  stateError,
  type DocumentRow,
  type ExpenseContext,
  type NormalLine,
} from '../expense-documents.ts';
import type { RiskTag } from '../risk.ts';
import { ensureOpenPeriod } from '../periods.ts';
import { canDo } from '../states.ts';
import { toNormalLines } from './status.ts';
import { advanceIdsOf, auditFacts, requestRemaining, routingFacts, usableAdvance } from './submit.ts';

/**
 * A submission's dry run: everything submitting would check, read-only — the document's state and
 * period, for a claim its invoices (still free), the request it draws on, the audit rules, the budgets
 * and the advances it offsets, and the approval chain it would take (who approves each step, which
 * steps are skipped and why). Nothing is written: no budget occupied, no task opened, no audit entry.
 * What would refuse the submission is listed with its registered code and field, as the refusal itself
 * would carry it; warnings are the risk tags the document would get.
 */
export interface SubmissionCheck {
  readonly documentId: string;
  readonly number: string;
  /** Nothing found would refuse the submission (as of now: budgets and invoices may still change). */
  readonly ready: boolean;
  readonly blockers: readonly Failure[];
  readonly riskTags: readonly RiskTag[];
  readonly auditPolicyVersion: number | null;
  readonly approval: {
    readonly policyVersion: number;
    /**
     * approving: tasks would open; approved: no step asks anyone, the document would be approved on
     * submission; refused: a step that applies has no approver at all (`no_approver` among the blockers).
     */
    readonly outcome: 'approving' | 'approved' | 'refused';
    readonly steps: readonly {
      readonly position: number;
      readonly stepId: string;
      readonly name: { readonly zh: string; readonly en: string };
      readonly stage: number | null;
      readonly mode: 'any' | 'all';
      readonly approvers: readonly string[];
      readonly externalApprover: string | null;
      readonly skip: Skip | null;
    }[];
  };
}

/** Runs one check; a refusal it throws becomes blockers instead. */
async function collect(blockers: Failure[], check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    blockers.push(
      ...(error.failures.length > 0
        ? error.failures
        : [{ code: error.code, pointer: '', params: error.params } satisfies Failure]),
    );
  }
}

export async function checkSubmission(ctx: ExpenseContext, id: string): Promise<SubmissionCheck> {
  const db = ctx.db;
  const row = await getRow(db, id);
  ensureOwn(ctx, row.employee_code);
  const blockers: Failure[] = [];
  const tags: RiskTag[] = [];
  if (!canDo('submit', row.status)) {
    const refused = stateError(row, 'submit');
    blockers.push({ code: refused.code, pointer: '', params: refused.params });
  }
  await collect(blockers, () =>
    ensureOpenPeriod(db, row.document_on, row.kind === 'claim' ? '/claimedOn' : '/requestedOn'),
  );
  const lines = toNormalLines(await getLines(db, id));
  let auditPolicyVersion: number | null = null;
  if (row.kind === 'claim') {
    blockers.push(...(await invoicesHeldElsewhere(db, row.id, lines)));
    let requestRemainingMinor: bigint | undefined;
    if (row.request_id !== null)
      await collect(blockers, async () => {
        requestRemainingMinor = await requestRemaining(db, row);
      });
    const audit = await getRuleSet(db, 'audit');
    auditPolicyVersion = audit.version;
    const found = runAuditRules(
      await auditFacts(db, row, lines, audit.body.splitWindowDays, requestRemainingMinor),
      audit.body,
    );
    tags.push(...found);
    blockers.push(
      ...found
        .filter((t) => t.severity === 'block')
        .map((b): Failure => ({
          code: 'audit_rule_blocked',
          pointer: b.pointer ?? '',
          params: { ruleZh: b.rule, ruleEn: b.rule, detailZh: b.zh, detailEn: b.en },
        })),
    );
    const budget = await budgetPreview(db, lines);
    tags.push(...budget.tags);
    blockers.push(...budget.failures);
    await checkAdvances(db, row, blockers);
  }
  const policy = await getRuleSet(db, 'approval');
  let planned: readonly PlannedStep[] | undefined;
  await collect(blockers, async () => {
    planned = await planApproval(
      db,
      { employeeCode: row.employee_code, facts: routingFacts(row, lines) },
      policy.body,
    );
  });
  return {
    documentId: row.id,
    number: row.number,
    ready: blockers.length === 0,
    blockers,
    riskTags: tags,
    auditPolicyVersion,
    approval: {
      policyVersion: policy.version,
      outcome:
        planned === undefined ? 'refused' : planned.some((p) => p.skip === null) ? 'approving' : 'approved',
      steps: (planned ?? []).map((p) => ({
        position: p.position,
        stepId: p.step.id,
        name: { zh: p.step.nameZh, en: p.step.nameEn },
        stage: p.stage,
        mode: p.step.mode ?? 'any',
        approvers: p.approvers,
        externalApprover: p.externalApprover,
        skip: p.skip,
      })),
    },
  };
}

/** Invoices of the claim that another document holds now (submitting links them again). */
async function invoicesHeldElsewhere(
  db: TenantDb,
  documentId: string,
  lines: readonly NormalLine[],
): Promise<Failure[]> {
  const ids = lines.flatMap((l) => l.invoiceIds);
  if (ids.length === 0) return [];
  const held = await db
    .selectFrom('invoice_uses')
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'invoice_uses.document_id')
        .onRef('expense_documents.tenant_id', '=', 'invoice_uses.tenant_id'),
    )
    .innerJoin('invoices', (j) =>
      j
        .onRef('invoices.id', '=', 'invoice_uses.invoice_id')
        .onRef('invoices.tenant_id', '=', 'invoice_uses.tenant_id'),
    )
    .select(['invoices.identity_key', 'expense_documents.number'])
    .where('invoice_uses.invoice_id', 'in', ids)
    .where('invoice_uses.document_id', '<>', documentId)
    .execute();
  const code: ErrorCode = 'invoice_in_use';
  return held.map((h) => ({
    code,
    pointer: '/lines',
    params: { identity: displayIdentity(h.identity_key), number: h.number },
  }));
}

async function checkAdvances(db: TenantDb, claim: DocumentRow, blockers: Failure[]): Promise<void> {
  for (const [i, advanceId] of advanceIdsOf(claim).entries())
    await collect(blockers, async () => {
      await usableAdvance(db, claim, advanceId, i);
    });
}
