import type { PostedDocument, ReversedDocument } from '../../hub/outcomes.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * What the hub tells payments about its vouchers (subscribed in src/modules.ts, in the transaction that
 * records the outcome). A payment voucher is known by its posting id on a payment line, as a claim's
 * voucher is by the claim's; other vouchers find no line and are left to their own modules.
 */
export async function writeBackPaymentVouchers(
  tx: TenantDb,
  posted: readonly PostedDocument[],
): Promise<void> {
  if (posted.length === 0) return;
  const lines = await tx
    .selectFrom('payment_lines')
    .select(['id', 'posting_id'])
    .where(
      'posting_id',
      'in',
      posted.map((p) => p.postingId),
    )
    .execute();
  for (const line of lines) {
    const p = posted.find((x) => x.postingId === line.posting_id);
    if (p === undefined) continue;
    await tx
      .updateTable('payment_lines')
      .set({ erp_voucher_number: p.erpNumber, updated_at: p.postedAt })
      .where('id', '=', line.id)
      .execute();
  }
}

/** A returned payment's red-letter voucher is in the ERP: its number is kept on the line. */
export async function writeBackPaymentReversals(
  tx: TenantDb,
  reversed: readonly ReversedDocument[],
): Promise<void> {
  if (reversed.length === 0) return;
  for (const r of reversed)
    await tx
      .updateTable('payment_lines')
      .set({ erp_reversal_number: r.reversal.erpNumber, updated_at: r.reversal.postedAt })
      .where('posting_id', '=', r.postingId)
      .where('reversal_posting_id', '=', r.reversal.postingId)
      .execute();
}
