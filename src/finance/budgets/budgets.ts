import type { Selectable } from 'kysely';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import { newId } from '../../platform/store/ids.ts';
import type { BudgetControl, BudgetsTable } from '../../finance/tables.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { parseMoney, yuanOf } from '../../model/money.ts';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { ENTITIES } from '../../model/schemas.ts';
import { check } from '../../model/validate.ts';
import type { RiskTag } from '../expenses/risk.ts';

/**
 * Budgets (预算) by department × expense category × period (month, quarter or year), optionally for
 * one project. A submitted document occupies budget, a rejected or withdrawn one releases it, a posted
 * one turns it into actual spending. Occupying is one conditional UPDATE, so a `block` budget can
 * never be overrun, even by two claims submitted at the same moment; a `warn` budget lets it through
 * with a risk tag that shows the numbers.
 */
export type BudgetRow = Selectable<BudgetsTable>;

export interface BudgetLine {
  readonly lineNo: number;
  readonly departmentCode: string;
  readonly categoryCode: string;
  readonly projectCode: string | null;
  readonly occurredOn: string;
  readonly amountMinor: bigint;
}

/** The periods a date falls in, most specific first: 2026-11, 2026-Q4, 2026. */
export const periodsOf = (date: string): string[] => {
  const month = Number(date.slice(5, 7));
  return [date.slice(0, 7), `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`, date.slice(0, 4)];
};

/** The budget a line draws on: the most specific slice that exists, walking up parent categories. */
export async function budgetFor(
  db: TenantDb,
  line: Omit<BudgetLine, 'lineNo' | 'amountMinor'>,
): Promise<BudgetRow | undefined> {
  const periods = periodsOf(line.occurredOn);
  const projects = line.projectCode === null ? [''] : [line.projectCode, ''];
  let category: string | null = line.categoryCode;
  for (let hops = 0; hops < 10 && category !== null; hops++) {
    const candidates = await db
      .selectFrom('budgets')
      .selectAll()
      .where('department_code', '=', line.departmentCode)
      .where('category_code', '=', category)
      .where('period', 'in', periods)
      .where('project_code', 'in', projects)
      .execute();
    const rank = (b: BudgetRow) => periods.indexOf(b.period) * 2 + projects.indexOf(b.project_code);
    const best = candidates.sort((a, b) => rank(a) - rank(b))[0];
    if (best !== undefined) return best;
    const parent: { parent_code: string | null } | undefined = await db
      .selectFrom('expense_categories')
      .select(['parent_code'])
      .where('code', '=', category)
      .executeTakeFirst();
    category = parent?.parent_code ?? null;
  }
  return undefined;
}

export const sliceOf = (b: BudgetRow) =>
  `${b.department_code}/${b.category_code}/${b.period}${b.project_code === '' ? '' : `/${b.project_code}`}`;

const available = (b: BudgetRow) => b.amount_minor - b.occupied_minor - b.actual_minor;

/** A document's lines grouped by the budget each draws on (lines with no budget are left out). */
async function linesByBudget(
  db: TenantDb,
  lines: readonly BudgetLine[],
): Promise<{ budget: BudgetRow; amount: bigint; lines: BudgetLine[] }[]> {
  const perBudget = new Map<string, { budget: BudgetRow; amount: bigint; lines: BudgetLine[] }>();
  for (const line of lines) {
    const budget = await budgetFor(db, line);
    if (budget === undefined) continue;
    const entry = perBudget.get(budget.id) ?? { budget, amount: 0n, lines: [] };
    entry.amount += line.amountMinor;
    entry.lines.push(line);
    perBudget.set(budget.id, entry);
  }
  return [...perBudget.values()];
}

/** A budget's numbers before a document, and what the document asks of it. */
const numbersOf = (b: BudgetRow, requested: bigint) => ({
  slice: sliceOf(b),
  budget: yuanOf(b.amount_minor),
  occupied: yuanOf(b.occupied_minor),
  actual: yuanOf(b.actual_minor),
  available: yuanOf(available(b)),
  requested: yuanOf(requested),
});

const overBudgetTag = (numbers: ReturnType<typeof numbersOf>): RiskTag => ({
  rule: 'over_budget',
  severity: 'warn',
  zh: `超预算：${numbers.slice} 预算 ${numbers.budget}，已占用 ${numbers.occupied}，已发生 ${numbers.actual}，本次 ${numbers.requested}`,
  en: `Over budget: ${numbers.slice} budget ${numbers.budget}, occupied ${numbers.occupied}, spent ${numbers.actual}, this ${numbers.requested}`,
});

const exceeded = (numbers: ReturnType<typeof numbersOf>, used: readonly BudgetLine[]): Failure => ({
  code: 'budget_exceeded',
  pointer: `/lines/${(used[0]?.lineNo ?? 1) - 1}/amount`,
  params: numbers,
});

/**
 * What occupying would do, without doing it (a submission's dry run): the over-budget warnings of
 * `warn` budgets, and the refusal each `block` budget would give, with the numbers as they stand.
 */
export async function budgetPreview(
  db: TenantDb,
  lines: readonly BudgetLine[],
): Promise<{ tags: RiskTag[]; failures: Failure[] }> {
  const tags: RiskTag[] = [];
  const failures: Failure[] = [];
  for (const { budget, amount, lines: used } of await linesByBudget(db, lines)) {
    if (available(budget) >= amount) continue;
    const numbers = numbersOf(budget, amount);
    if (budget.control === 'block') failures.push(exceeded(numbers, used));
    else tags.push(overBudgetTag(numbers));
  }
  return { tags, failures };
}

/** Occupies budget for a document's lines; throws budget_exceeded for a `block` budget it would overrun. */
export async function occupyBudget(
  tx: TenantDb,
  documentId: string,
  lines: readonly BudgetLine[],
  at: string,
): Promise<RiskTag[]> {
  const tags: RiskTag[] = [];
  for (const { budget, amount, lines: used } of await linesByBudget(tx, lines)) {
    const updated = await tx
      .updateTable('budgets')
      .set((eb) => ({ occupied_minor: eb('occupied_minor', '+', amount) }))
      .where('id', '=', budget.id)
      .where((eb) =>
        eb.or([
          eb('control', '<>', 'block'),
          eb(
            eb(eb('amount_minor', '-', eb.ref('occupied_minor')), '-', eb.ref('actual_minor')),
            '>=',
            amount,
          ),
        ]),
      )
      .returning(['amount_minor', 'occupied_minor', 'actual_minor'])
      .executeTakeFirst();
    // the numbers as they were before this document: from the update, or as they stand if refused
    const now =
      updated === undefined
        ? await tx.selectFrom('budgets').selectAll().where('id', '=', budget.id).executeTakeFirstOrThrow()
        : { ...budget, ...updated, occupied_minor: updated.occupied_minor - amount };
    const numbers = numbersOf(now, amount);
    if (updated === undefined) throw new DomainError('budget_exceeded', numbers, [exceeded(numbers, used)]);
    if (available(now) < amount) tags.push(overBudgetTag(numbers));
    await tx
      .insertInto(
        'budget_uses',
        used.map((l) => ({
          document_id: documentId,
          line_no: l.lineNo,
          budget_id: budget.id,
          amount_minor: l.amountMinor,
          state: 'occupied' as const,
          updated_at: at,
        })),
      )
      .execute();
  }
  return tags;
}

/** Gives back what a document occupied (rejected, withdrawn) or spent (reversed). */
export async function releaseBudget(tx: TenantDb, documentId: string): Promise<void> {
  const uses = await tx.selectFrom('budget_uses').selectAll().where('document_id', '=', documentId).execute();
  for (const use of uses) {
    const column = use.state === 'occupied' ? 'occupied_minor' : 'actual_minor';
    await tx
      .updateTable('budgets')
      .set((eb) => ({ [column]: eb(column, '-', use.amount_minor) }))
      .where('id', '=', use.budget_id)
      .execute();
  }
  await tx.deleteFrom('budget_uses').where('document_id', '=', documentId).execute();
}

/** A posted document's occupation becomes actual spending. */
export async function budgetToActual(tx: TenantDb, documentId: string, at: string): Promise<void> {
  const uses = await tx
    .selectFrom('budget_uses')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('state', '=', 'occupied')
    .execute();
  for (const use of uses)
    await tx
      .updateTable('budgets')
      .set((eb) => ({
        occupied_minor: eb('occupied_minor', '-', use.amount_minor),
        actual_minor: eb('actual_minor', '+', use.amount_minor),
      }))
      .where('id', '=', use.budget_id)
      .execute();
  await tx
    .updateTable('budget_uses')
    .set({ state: 'actual', updated_at: at })
    .where('document_id', '=', documentId)
    .where('state', '=', 'occupied')
    .execute();
}

export const toBudgetView = (b: BudgetRow) => ({
  id: b.id,
  departmentCode: b.department_code,
  categoryCode: b.category_code,
  period: b.period,
  projectCode: b.project_code === '' ? null : b.project_code,
  amount: { amount: yuanOf(b.amount_minor), currency: b.currency },
  control: b.control as BudgetControl,
  occupied: yuanOf(b.occupied_minor),
  actual: yuanOf(b.actual_minor),
  available: yuanOf(available(b)),
  version: b.version,
  updatedAt: b.updated_at,
});
export type BudgetView = ReturnType<typeof toBudgetView>;

export interface ExecutionQuery {
  readonly departmentCode?: string;
  readonly categoryCode?: string;
  readonly period?: string;
  readonly projectCode?: string;
}

/** Budget execution (预算执行) for any slice: each budget and the totals of the slice. */
export async function budgetExecution(db: TenantDb, query: ExecutionQuery) {
  let select = db.selectFrom('budgets').selectAll();
  if (query.departmentCode !== undefined) select = select.where('department_code', '=', query.departmentCode);
  if (query.categoryCode !== undefined) select = select.where('category_code', '=', query.categoryCode);
  if (query.period !== undefined) select = select.where('period', 'like', `${query.period}%`);
  if (query.projectCode !== undefined) select = select.where('project_code', '=', query.projectCode);
  const rows = await select
    .orderBy('department_code')
    .orderBy('category_code')
    .orderBy('period')
    .limit(5000)
    .execute();
  const total = (pick: (b: BudgetRow) => bigint) => yuanOf(rows.reduce((s, b) => s + pick(b), 0n));
  return {
    items: rows.map(toBudgetView),
    totals: {
      budget: total((b) => b.amount_minor),
      occupied: total((b) => b.occupied_minor),
      actual: total((b) => b.actual_minor),
      available: total(available),
    },
  };
}

export async function createBudget(db: TenantDb, writer: Writer, input: unknown): Promise<BudgetView> {
  const failures = check(ENTITIES.Budget.input, input);
  if (failures.length > 0) throw refusal(failures);
  const b = input as {
    departmentCode: string;
    categoryCode: string;
    period: string;
    projectCode?: string;
    amount: { amount: string; currency: string };
    control: BudgetControl;
  };
  const amount = parseMoney(b.amount.amount, b.amount.currency, '/amount/amount');
  if (!amount.ok) throw refusal(amount.failures);
  if (amount.value.minor < 0n)
    throw refusal([
      { code: 'amount_negative', pointer: '/amount/amount', params: { value: b.amount.amount } },
    ]);
  const now = writer.audit.clock.now().toISOString();
  const row = {
    id: newId(),
    department_code: b.departmentCode,
    category_code: b.categoryCode,
    period: b.period,
    project_code: b.projectCode ?? '',
    amount_minor: amount.value.minor,
    currency: b.amount.currency,
    control: b.control,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return db.transaction(async (tx) => {
    try {
      await tx.insertInto('budgets', [row]).execute();
    } catch (error) {
      const violation = constraintViolation(error);
      if (violation === 'unique')
        throw new DomainError('duplicate_code', {
          code: `${b.departmentCode}/${b.categoryCode}/${b.period}`,
        });
      if (violation === 'foreign_key')
        throw refusal([
          {
            code: 'reference_not_found',
            pointer: '/departmentCode',
            params: {
              resource: 'departments / expense-categories',
              code: `${b.departmentCode} / ${b.categoryCode}`,
            },
          },
        ]);
      throw error;
    }
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'Budget',
        entityId: row.id,
        after: input,
        requestId: writer.requestId,
      },
    ]);
    return toBudgetView({ ...row, tenant_id: tx.tenantId, occupied_minor: 0n, actual_minor: 0n });
  });
}

/** Changes a budget's amount or control; optimistic: `version` must be the one read. */
export async function updateBudget(
  db: TenantDb,
  writer: Writer,
  id: string,
  version: number,
  patch: { amount?: string; control?: 'warn' | 'block' },
): Promise<BudgetView> {
  return db.transaction(async (tx) => {
    const row = await tx.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new DomainError('not_found', { resource: 'Budget', id });
    if (row.version !== version) throw new DomainError('version_conflict', { version: row.version });
    let amountMinor = row.amount_minor;
    if (patch.amount !== undefined) {
      const parsed = parseMoney(patch.amount, row.currency, '/amount');
      if (!parsed.ok) throw refusal(parsed.failures);
      if (parsed.value.minor < 0n)
        throw refusal([{ code: 'amount_negative', pointer: '/amount', params: { value: patch.amount } }]);
      amountMinor = parsed.value.minor;
    }
    const now = writer.audit.clock.now().toISOString();
    await tx
      .updateTable('budgets')
      .set({
        amount_minor: amountMinor,
        control: patch.control ?? row.control,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'update',
        entityType: 'Budget',
        entityId: id,
        before: toBudgetView(row),
        after: patch,
        requestId: writer.requestId,
      },
    ]);
    return toBudgetView(
      await tx.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}
