import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { pageById } from '../../../platform/store/sql-helpers.ts';
import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import { parseMoney, yuanOf } from '../../../model/money.ts';
import { DomainError, refusal } from '../../../model/result.ts';
import {
  entityName,
  getExpenseDocument,
  getRow,
  recordTransition,
  stateError,
  type DocumentView,
  type ExpenseContext,
} from '../expense-documents.ts';
import { canDo } from '../states.ts';
import { setStatus } from './status.ts';
import { assertNotInOpenBatch, recordDirectPayment } from '../../payments/direct.ts';

/**
 * Payment of a posted claim, and repayment of an advance.
 */
export async function payExpense(
  ctx: ExpenseContext,
  id: string,
  input: { paidOn: string; reference?: string },
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (!canDo('pay', row.status)) throw stateError(row, 'pay');
    await assertNotInOpenBatch(tx, row);
    const at = ctx.writer.audit.clock.now().toISOString();
    const payable = row.kind === 'claim' ? row.total_minor - (await offsetTotal(tx, id)) : row.total_minor;
    await setStatus(
      tx,
      row,
      'paid',
      ctx.writer.actor,
      at,
      { paid_at: at },
      `${input.paidOn} 付款 ${yuanOf(payable)}${input.reference === undefined ? '' : ` (${input.reference})`}`,
    );
    // the payment itself, for the bank book and lineage (src/finance/payments)
    const supplierCode = (JSON.parse(row.data_json) as { supplierCode?: string }).supplierCode;
    await recordDirectPayment(tx, {
      payable: {
        id,
        kind: row.kind === 'advance' ? 'advance' : 'claim',
        number: row.number,
        title: row.title,
        employeeCode: row.employee_code,
        ...(supplierCode === undefined ? {} : { supplierCode }),
        currency: row.currency,
      },
      amountMinor: payable,
      paidOn: input.paidOn,
      reference: input.reference ?? null,
      actor: ctx.writer.actor,
      at,
    });
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'pay',
        entityType: entityName(row.kind),
        entityId: id,
        after: { amount: yuanOf(payable), ...input },
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

async function offsetTotal(tx: TenantDb, claimId: string): Promise<bigint> {
  const rows = await tx
    .selectFrom('advance_offsets')
    .select(['amount_minor'])
    .where('claim_id', '=', claimId)
    .execute();
  return rows.reduce((s, r) => s + r.amount_minor, 0n);
}

/** Cash an employee pays back on an advance (the rest of what claims did not offset). */
export async function repayAdvance(
  ctx: ExpenseContext,
  id: string,
  input: { amount: string; repaidOn: string },
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (row.kind !== 'advance' || (row.status !== 'posted' && row.status !== 'paid'))
      throw stateError(row, 'repay');
    const amount = parseMoney(input.amount, row.currency, '/amount');
    if (!amount.ok) throw refusal(amount.failures);
    if (amount.value.minor <= 0n) throw refusal([{ code: 'amount_not_positive', pointer: '/amount' }]);
    const updated = await tx
      .updateTable('expense_documents')
      .set((eb) => ({ repaid_minor: eb('repaid_minor', '+', amount.value.minor), version: row.version + 1 }))
      .where('id', '=', id)
      .where((eb) =>
        eb(
          eb(eb('total_minor', '-', eb.ref('offset_minor')), '-', eb.ref('repaid_minor')),
          '>=',
          amount.value.minor,
        ),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new DomainError('advance_not_usable', {
        number: row.number,
        reason: `only ${yuanOf(row.total_minor - row.offset_minor - row.repaid_minor)} is outstanding`,
      });
    const at = ctx.writer.audit.clock.now().toISOString();
    await recordTransition(tx, id, {
      at,
      actor: ctx.writer.actor,
      from: row.status,
      to: row.status,
      comment: `${input.repaidOn} 还款 ${input.amount}`,
    });
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'repay',
        entityType: 'Advance',
        entityId: id,
        after: input,
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

/** A posted claim or advance not yet paid, with what is owed on it. */
export interface PayableView {
  readonly id: string;
  readonly kind: 'claim' | 'advance';
  readonly number: string;
  readonly title: string;
  readonly employeeCode: string;
  readonly departmentCode: string;
  readonly supplierCode: string | null;
  readonly currency: string;
  readonly date: string;
  readonly total: string;
  readonly offset: string;
  readonly payable: string;
  readonly postedAt: string | null;
  readonly erpVoucherNumber: string | null;
}

/**
 * What is to be paid (待付款): posted claims and advances not yet paid, oldest first, each with the
 * amount to pay out (a claim's total less the advances it offsets, as `payExpense` records it), and
 * the totals per currency over all of them (not only this page).
 */
export async function payableDocuments(
  db: TenantDb,
  query: { limit: number; after?: string },
): Promise<{
  items: PayableView[];
  totals: { currency: string; count: number; total: string; offset: string; payable: string }[];
  nextCursor: string | null;
}> {
  let select = db
    .selectFrom('expense_documents')
    .selectAll()
    .where('status', '=', 'posted')
    .where('kind', 'in', ['claim', 'advance']);
  if (query.after !== undefined) select = select.where('id', '>', query.after);
  const rows = await select
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageById(rows, query.limit);
  const claimIds = page.filter((r) => r.kind === 'claim').map((r) => r.id);
  const offsets =
    claimIds.length === 0
      ? []
      : await db
          .selectFrom('advance_offsets')
          .select(['claim_id', 'amount_minor'])
          .where('claim_id', 'in', claimIds)
          .execute();
  const offsetOf = (id: string) =>
    offsets.filter((o) => o.claim_id === id).reduce((s, o) => s + o.amount_minor, 0n);
  const items = page.map((r): PayableView => {
    const offset = r.kind === 'claim' ? offsetOf(r.id) : 0n;
    const supplier = (JSON.parse(r.data_json) as { supplierCode?: string }).supplierCode;
    return {
      id: r.id,
      kind: r.kind === 'advance' ? 'advance' : 'claim',
      number: r.number,
      title: r.title,
      employeeCode: r.employee_code,
      departmentCode: r.department_code,
      supplierCode: supplier ?? null,
      currency: r.currency,
      date: r.document_on,
      total: yuanOf(r.total_minor),
      offset: yuanOf(offset),
      payable: yuanOf(r.total_minor - offset),
      postedAt: r.posted_at,
      erpVoucherNumber: r.erp_voucher_number,
    };
  });
  const sums = await db
    .selectFrom('expense_documents')
    .select((eb) => [
      'currency',
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.sum<string | number>('total_minor').as('total_minor'),
    ])
    .where('status', '=', 'posted')
    .where('kind', 'in', ['claim', 'advance'])
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  const offsetSums = await db
    .selectFrom('advance_offsets')
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'advance_offsets.claim_id')
        .onRef('expense_documents.tenant_id', '=', 'advance_offsets.tenant_id'),
    )
    .select((eb) => [
      'expense_documents.currency',
      eb.fn.sum<string | number>('advance_offsets.amount_minor').as('offset_minor'),
    ])
    .where('expense_documents.status', '=', 'posted')
    .where('expense_documents.kind', '=', 'claim')
    .groupBy('expense_documents.currency')
    .execute();
  const big = (v: string | number | bigint | null | undefined) => BigInt(v ?? 0);
  const totals = sums.map((s) => {
    const total = big(s.total_minor);
    const offset = big(offsetSums.find((o) => o.currency === s.currency)?.offset_minor);
    return {
      currency: s.currency,
      count: Number(s.n),
      total: yuanOf(total),
      offset: yuanOf(offset),
      payable: yuanOf(total - offset),
    };
  });
  return { items, totals, nextCursor };
}
