import { REJECTION_REASONS } from '../../../model/erp-rejections.ts';
import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import type { PostedDocument, RejectedDocument, ReversedDocument } from '../../../hub/outcomes.ts';
import { budgetToActual } from '../../budgets/budgets.ts';
import { recordTransition } from '../expense-documents.ts';
import { setStatus } from './status.ts';

/** What the hub tells finance about its postings (subscribed by src/modules.ts): posted, rejected, reversed. */
/**
 * Called by the worker in the transaction that marks postings posted: the document becomes posted
 * with the ERP's voucher number and period, its invoices posted, its budget actual spending.
 */
export async function writeBackPostings(tx: TenantDb, posted: readonly PostedDocument[]): Promise<void> {
  if (posted.length === 0) return;
  const rows = await tx
    .selectFrom('expense_documents')
    .selectAll()
    .where(
      'posting_id',
      'in',
      posted.map((p) => p.postingId),
    )
    .where('status', '=', 'approved')
    .execute();
  for (const row of rows) {
    const p = posted.find((x) => x.postingId === row.posting_id);
    if (p === undefined) continue;
    const at = p.postedAt;
    const period = typeof p.document['period'] === 'string' ? p.document['period'] : null;
    await setStatus(
      tx,
      row,
      'posted',
      'system:hub',
      at,
      { erp_voucher_number: p.erpNumber, erp_period: period, posted_at: at },
      `ERP 凭证 / voucher ${p.erpNumber}`,
    );
    const uses = await tx
      .selectFrom('invoice_uses')
      .select(['invoice_id'])
      .where('document_id', '=', row.id)
      .execute();
    if (uses.length > 0)
      await tx
        .updateTable('invoices')
        .set({ status: 'posted', updated_at: at })
        .where(
          'id',
          'in',
          uses.map((u) => u.invoice_id),
        )
        .execute();
    await budgetToActual(tx, row.id, at);
    await tx
      .updateTable('advance_offsets')
      .set({ state: 'settled' })
      .where('claim_id', '=', row.id)
      .execute();
  }
}

/** The expense documents behind postings (a document's current posting), with their status. */
const documentsPostedBy = (tx: TenantDb, postingIds: readonly string[]) =>
  tx
    .selectFrom('expense_documents')
    .select(['id', 'status', 'posting_id'])
    .where('posting_id', 'in', postingIds)
    .execute();

/**
 * The ERP refused a document's voucher, or the hub gave up on it: the document stays approved (the
 * posting is parked in the hub, replayable once fixed), and its timeline says why, in the ERP's words.
 */
export async function noteRejectedPostings(
  tx: TenantDb,
  rejected: readonly RejectedDocument[],
): Promise<void> {
  if (rejected.length === 0) return;
  const rows = await documentsPostedBy(
    tx,
    rejected.map((r) => r.postingId),
  );
  for (const row of rows) {
    const r = rejected.find((x) => x.postingId === row.posting_id);
    if (r === undefined) continue;
    const reason =
      r.reason === null
        ? ''
        : ` — ${REJECTION_REASONS[r.reason]['zh-CN']} / ${REJECTION_REASONS[r.reason]['en-US']}`;
    const why =
      r.status === 'rejected'
        ? `ERP 拒绝记账 / refused by the ERP${reason}: ${r.code} ${r.message}`
        : `记账已停止重试 / posting given up: ${r.code} ${r.message}`;
    await recordTransition(tx, row.id, {
      at: r.at,
      actor: 'system:hub',
      from: row.status,
      to: row.status,
      comment: why.slice(0, 1000),
    });
  }
}

/**
 * A document's red-letter voucher (红冲) is in the ERP: its number is kept beside the original's. (Its
 * timeline already has the reversal; the ERP's side of it is on the reversal posting's trace.)
 */
export async function writeBackReversals(tx: TenantDb, reversed: readonly ReversedDocument[]): Promise<void> {
  for (const r of reversed)
    await tx
      .updateTable('expense_documents')
      .set({ erp_reversal_number: r.reversal.erpNumber })
      .where('id', '=', r.documentId)
      .execute();
}
