import { appendAudit } from '../../../platform/audit/audit-log.ts';
import { yuanOf } from '../../../model/money.ts';
import { DomainError, refusal } from '../../../model/result.ts';
import { voucherOrThrow } from '../../../model/voucher.ts';
import { postingState, submitDocument } from '../../../hub/postings.ts';
import { occupyBudget } from '../../budgets/budgets.ts';
import { reversalOf, type WireVoucher } from '../../posting-rules/expense-voucher.ts';
import {
  entityName,
  getExpenseDocument,
  getRow,
  checkReferences,
  normalise,
  stateError,
  storeLines,
  type DocumentView,
  type ExpenseContext,
} from '../expense-documents.ts';
import { ensureOpenPeriod } from '../periods.ts';
import { canDo } from '../states.ts';
import { releaseAll, setStatus } from './status.ts';
import { voucherFor } from './voucher.ts';

/**
 * Red-letter reversal (红冲) of a posted document, and correction (更正): reverse, then post anew.
 */
/**
 * Red-letter reversal (红冲) of a posted document: a negated copy of its posted voucher goes to the
 * ERP through the hub; budget, invoices and advance offsets are given back. The posted voucher itself
 * is never touched.
 */
export async function reverseExpense(ctx: ExpenseContext, id: string, reason: string): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (!canDo('reverse', row.status)) throw stateError(row, 'reverse');
    if (row.kind === 'advance' && row.offset_minor > 0n)
      throw new DomainError('advance_not_usable', {
        number: row.number,
        reason: 'claims have offset it; reverse them first',
      });
    const now = ctx.writer.audit.clock.now();
    const date = now.toISOString().slice(0, 10);
    await ensureOpenPeriod(tx, date, '/date');
    const posting = row.posting_id === null ? undefined : await postingState(tx, row.posting_id);
    if (posting !== undefined) {
      const reversal = reversalOf(posting.document as unknown as WireVoucher, date, reason);
      await submitDocument(tx, ctx.writer, ctx.company.code, {
        connectionId: posting.connectionId,
        kind: 'voucher',
        document: reversal,
        documentId: `${row.id}-R`,
        revision: row.revision,
        reverses: posting.id,
      });
    }
    await releaseAll(tx, id, now.toISOString());
    await setStatus(tx, row, 'reversed', ctx.writer.actor, now.toISOString(), {}, reason);
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'reverse',
        entityType: entityName(row.kind),
        entityId: id,
        after: { reason },
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}

/**
 * Correcting a posted claim (更正): the posted voucher is reversed in red, the claim takes its new
 * content as the next revision, and the new voucher is posted — all in one transaction. Budget and
 * invoices move from the old content to the new; a blocking budget or an invoice in use refuses it.
 */
export async function correctExpense(
  ctx: ExpenseContext,
  id: string,
  raw: unknown,
  reason: string,
): Promise<DocumentView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id);
    if (row.kind !== 'claim' || !canDo('correct', row.status)) throw stateError(row, 'correct');
    const { doc, lines, totalMinor } = normalise('claim', raw);
    if (doc.employeeCode !== row.employee_code)
      throw refusal([
        {
          code: 'invalid_field',
          pointer: '/employeeCode',
          params: { detail: 'a correction keeps the claimant' },
        },
      ]);
    await checkReferences(tx, 'claim', doc, lines);
    const now = ctx.writer.audit.clock.now();
    const at = now.toISOString();
    const date = at.slice(0, 10);
    await ensureOpenPeriod(tx, date, '/date');
    const posting = row.posting_id === null ? undefined : await postingState(tx, row.posting_id);
    if (posting?.status !== 'posted') throw stateError(row, 'correct');
    await submitDocument(tx, ctx.writer, ctx.company.code, {
      connectionId: posting.connectionId,
      kind: 'voucher',
      document: reversalOf(posting.document as unknown as WireVoucher, date, reason),
      documentId: `${row.id}-R`,
      revision: row.revision,
      reverses: posting.id,
    });
    await releaseAll(tx, id, at);
    const reversed = await setStatus(tx, row, 'reversed', ctx.writer.actor, at, {}, reason);
    const deductibleMinor = await storeLines(tx, id, lines, at);
    await occupyBudget(tx, id, lines, at);
    const revised = await setStatus(
      tx,
      reversed,
      'approved',
      ctx.writer.actor,
      at,
      {
        revision: row.revision + 1,
        title: doc.title,
        total_minor: totalMinor,
        deductible_tax_minor: deductibleMinor,
        erp_voucher_number: null,
        erp_period: null,
        posted_at: null,
        paid_at: null,
      },
      `更正为第 ${row.revision + 1} 版 / corrected to revision ${row.revision + 1}`,
    );
    const { voucher } = await voucherFor(tx, ctx.company.code, revised, date);
    voucherOrThrow(voucher);
    const { posting: next } = await submitDocument(tx, ctx.writer, ctx.company.code, {
      connectionId: posting.connectionId,
      kind: 'voucher',
      document: voucher,
      documentId: row.id,
      revision: row.revision + 1,
    });
    await tx.updateTable('expense_documents').set({ posting_id: next.id }).where('id', '=', id).execute();
    await appendAudit(tx, ctx.writer.audit, [
      {
        actor: ctx.writer.actor,
        action: 'correct',
        entityType: 'ExpenseClaim',
        entityId: id,
        before: { revision: row.revision, total: yuanOf(row.total_minor) },
        after: raw,
        requestId: ctx.writer.requestId,
      },
    ]);
    return getExpenseDocument(tx, id);
  });
}
