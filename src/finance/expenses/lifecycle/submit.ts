import { appendAudit } from '../../../platform/audit/audit-log.ts';
import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import { DomainError } from '../../../model/result.ts';
import type { RoutingFacts } from '../../approvals/policy.ts';
import { startApproval } from '../../approvals/workflow.ts';
import { occupyBudget } from '../../budgets/budgets.ts';
import { getRuleSet } from '../../rules/rule-sets.ts';
import { runAuditRules } from '../audit-rules.ts';
import {
  ensureOwn,
  entityName,
  getExpenseDocument,
  getLines,
  getRow,
  stateError,
  storeLines,
  type DocumentRow,
  type DocumentView,
  type ExpenseContext,
  type NormalLine,
} from '../expense-documents.ts';
import type { RiskTag } from '../risk.ts';
import { ensureOpenPeriod } from '../periods.ts';
import { canDo } from '../states.ts';
import { approve } from './approve.ts';
import { LIVE, setStatus, toNormalLines } from './status.ts';

/**
 * Submitting a claim, request or advance: its period, audit rules, budget occupation, advance offsets and
 * approval routing, in one transaction.
 */
export async function submitExpense(ctx: ExpenseContext, id: string): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    let row = await getRow(tx, id);
    ensureOwn(ctx, row.employee_code);
    if (!canDo('submit', row.status)) throw stateError(row, 'submit');
    await ensureOpenPeriod(tx, row.document_on, row.kind === 'claim' ? '/claimedOn' : '/requestedOn');
    const now = ctx.writer.audit.clock.now();
    const at = now.toISOString();
    const lines = toNormalLines(await getLines(tx, id));
    const tags: RiskTag[] = [];
    let requestRemainingMinor: bigint | undefined;
    let deductibleMinor = row.deductible_tax_minor;
    if (row.kind === 'claim') {
      // a rejected or withdrawn claim gave its invoices back: they are linked again (or refused) here
      deductibleMinor = await storeLines(tx, id, lines, at);
      if (row.request_id !== null) requestRemainingMinor = await requestRemaining(tx, row);
    }
    const audit = await getRuleSet(tx, 'audit');
    if (row.kind === 'claim') {
      tags.push(
        ...runAuditRules(
          await auditFacts(tx, row, lines, audit.body.splitWindowDays, requestRemainingMinor),
          audit.body,
        ),
      );
      const blockers = tags.filter((t) => t.severity === 'block');
      const first = blockers[0];
      if (first !== undefined)
        throw new DomainError(
          'audit_rule_blocked',
          { ruleZh: first.rule, ruleEn: first.rule, detailZh: first.zh, detailEn: first.en },
          blockers.map((b) => ({
            code: 'audit_rule_blocked' as const,
            pointer: b.pointer ?? '',
            params: { ruleZh: b.rule, ruleEn: b.rule, detailZh: b.zh, detailEn: b.en },
          })),
          { riskTags: tags },
        );
      tags.push(
        ...(await occupyBudget(
          tx,
          id,
          lines.map((l) => ({ ...l })),
          at,
        )),
      );
      await offsetAdvances(tx, row);
    }
    const policy = await getRuleSet(tx, 'approval');
    row = await setStatus(tx, row, 'submitted', ctx.writer.actor, at, {
      submitted_at: at,
      deductible_tax_minor: deductibleMinor,
      risk_tags_json: JSON.stringify(tags),
      approval_version: policy.version,
    });
    const started = await startApproval(
      tx,
      {
        id,
        number: row.number,
        title: row.title,
        employeeCode: row.employee_code,
        facts: routingFacts(row, lines),
      },
      policy.body,
      now,
    );
    const skipped = started.skipped.length > 0 ? `跳过 / skipped: ${started.skipped.join('; ')}` : null;
    if (started.outcome === 'approved')
      await approve(tx, ctx.writer, ctx.company.code, row, now, skipped ?? 'no approval step applies');
    else await setStatus(tx, row, 'approving', ctx.writer.actor, at, {}, skipped);
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'submit',
        entityType: entityName(row.kind),
        entityId: id,
        after: { riskTags: tags.length },
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

/** What the approval policy looks at in a document. */
export const routingFacts = (row: DocumentRow, lines: readonly NormalLine[]): RoutingFacts => ({
  kind: row.kind,
  totalMinor: row.total_minor,
  departmentCode: row.department_code,
  categories: [...new Set(lines.map((l) => l.categoryCode))],
  projects: [...new Set(lines.flatMap((l) => (l.projectCode === null ? [] : [l.projectCode])))],
});

/** What is left of the request a claim draws down; refuses a request that is not approved. */
export async function requestRemaining(tx: TenantDb, claim: DocumentRow): Promise<bigint> {
  const request = await tx
    .selectFrom('expense_documents')
    .selectAll()
    .where('id', '=', claim.request_id ?? '')
    .executeTakeFirst();
  if (request?.kind !== 'request' || !['approved', 'posted', 'paid'].includes(request.status))
    throw new DomainError(
      'request_not_usable',
      { number: request?.number ?? claim.request_id ?? '', status: request?.status ?? 'missing' },
      [
        {
          code: 'request_not_usable',
          pointer: '/requestId',
          params: { number: request?.number ?? '', status: request?.status ?? 'missing' },
        },
      ],
    );
  const drawn = await tx
    .selectFrom('expense_documents')
    .select((eb) => eb.fn.sum<string>('total_minor').as('drawn_minor'))
    .where('request_id', '=', request.id)
    .where('id', '<>', claim.id)
    .where('status', 'in', LIVE)
    .executeTakeFirst();
  return request.total_minor - BigInt(drawn?.drawn_minor ?? 0);
}

/** What the audit rules look at in a claim: its invoices, near-duplicates, the claimant's recent claims. */
export async function auditFacts(
  tx: TenantDb,
  row: DocumentRow,
  lines: readonly NormalLine[],
  windowDays: number,
  requestRemainingMinor?: bigint,
) {
  const invoiceIds = lines.flatMap((l) => l.invoiceIds);
  const invoices =
    invoiceIds.length === 0
      ? []
      : await tx.selectFrom('invoices').selectAll().where('id', 'in', invoiceIds).execute();
  const nearDuplicates: { number: string; other: string }[] = [];
  for (const invoice of invoices) {
    if (invoice.seller_tax_id === null) continue;
    const others = await tx
      .selectFrom('invoices')
      .select(['number'])
      .where('seller_tax_id', '=', invoice.seller_tax_id)
      .where('total_minor', '=', invoice.total_minor)
      .where('issued_on', '=', invoice.issued_on)
      .where('id', '<>', invoice.id)
      .limit(3)
      .execute();
    for (const other of others) nearDuplicates.push({ number: invoice.number, other: other.number });
  }
  const employee = await tx
    .selectFrom('employees')
    .select(['attributes_json'])
    .where('code', '=', row.employee_code)
    .executeTakeFirst();
  const grade =
    employee === undefined
      ? null
      : ((JSON.parse(employee.attributes_json) as { grade?: string }).grade ?? null);
  const since = new Date(Date.parse(`${row.document_on}T00:00:00Z`) - windowDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const recent = await tx
    .selectFrom('expense_documents')
    .select(['id', 'number', 'total_minor'])
    .where('kind', '=', 'claim')
    .where('employee_code', '=', row.employee_code)
    .where('status', 'in', LIVE)
    .where('id', '<>', row.id)
    .where('document_on', '>=', since)
    .where('document_on', '<=', row.document_on)
    .execute();
  const recentLines =
    recent.length === 0
      ? []
      : await tx
          .selectFrom('expense_lines')
          .select(['document_id', 'category_code'])
          .where(
            'document_id',
            'in',
            recent.map((r) => r.id),
          )
          .execute();
  const byId = new Map(invoices.map((i) => [i.id, i]));
  return {
    employeeGrade: grade,
    totalMinor: row.total_minor,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      categoryCode: l.categoryCode,
      occurredOn: l.occurredOn,
      amountMinor: l.amountMinor,
      ...(l.extra as { city?: string; nights?: number; days?: number; tripEndOn?: string }),
      invoices: l.invoiceIds.flatMap((i) => {
        const inv = byId.get(i);
        return inv === undefined ? [] : [{ number: inv.number, issuedOn: inv.issued_on }];
      }),
    })),
    nearDuplicates,
    recentClaims: recent.map((r) => ({
      number: r.number,
      totalMinor: r.total_minor,
      categories: recentLines.filter((l) => l.document_id === r.id).map((l) => l.category_code),
    })),
    ...(requestRemainingMinor === undefined ? {} : { requestRemainingMinor }),
  };
}

/**
 * One advance a claim names (at `index` in its advanceIds), checked: the claimant's own, paid out;
 * with what it still has outstanding. Refuses it otherwise (`advance_not_usable` on /advanceIds/i).
 */
export async function usableAdvance(
  tx: TenantDb,
  claim: DocumentRow,
  advanceId: string,
  index: number,
): Promise<{ number: string; outstandingMinor: bigint }> {
  const advance = await tx
    .selectFrom('expense_documents')
    .selectAll()
    .where('id', '=', advanceId)
    .executeTakeFirst();
  if (advance?.kind !== 'advance') throw advanceRefusal(advanceId, index, 'not found');
  if (advance.employee_code !== claim.employee_code)
    throw advanceRefusal(advance.number, index, `it was lent to ${advance.employee_code}`);
  if (advance.status !== 'posted' && advance.status !== 'paid')
    throw advanceRefusal(advance.number, index, `it is ${advance.status}, not yet paid out`);
  return {
    number: advance.number,
    outstandingMinor: advance.total_minor - advance.offset_minor - advance.repaid_minor,
  };
}

const advanceRefusal = (number: string, index: number, reason: string) =>
  new DomainError('advance_not_usable', { number, reason }, [
    { code: 'advance_not_usable', pointer: `/advanceIds/${index}`, params: { number, reason } },
  ]);

export const advanceIdsOf = (claim: DocumentRow): string[] =>
  (JSON.parse(claim.data_json) as { advanceIds?: string[] }).advanceIds ?? [];

/** A claim naming advances offsets what they still have outstanding, oldest first, up to its total. */
async function offsetAdvances(tx: TenantDb, claim: DocumentRow): Promise<void> {
  let left = claim.total_minor;
  for (const [i, advanceId] of advanceIdsOf(claim).entries()) {
    const { number, outstandingMinor } = await usableAdvance(tx, claim, advanceId, i);
    const amount = outstandingMinor < left ? outstandingMinor : left;
    if (amount <= 0n) continue;
    const updated = await tx
      .updateTable('expense_documents')
      .set((eb) => ({ offset_minor: eb('offset_minor', '+', amount) }))
      .where('id', '=', advanceId)
      .where((eb) =>
        eb(eb(eb('total_minor', '-', eb.ref('offset_minor')), '-', eb.ref('repaid_minor')), '>=', amount),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw advanceRefusal(number, i, 'its outstanding amount changed; try again');
    await tx
      .insertInto('advance_offsets', [
        { claim_id: claim.id, advance_id: advanceId, amount_minor: amount, state: 'live' },
      ])
      .execute();
    left -= amount;
  }
}
