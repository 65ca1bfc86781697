import { appendAudit } from '../../../platform/audit/audit-log.ts';
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
