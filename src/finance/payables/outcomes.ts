import type { PostedDocument, RejectedDocument } from '../../hub/outcomes.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * What the hub tells payables of its supplier bills (subscribed in src/modules.ts, in the transaction
 * that records the outcome). A bill is known by the posting that carries it; a posting of an older
 * revision, or of a bill submitted before finance kept them, finds no bill and changes nothing.
 */
export async function writeBackSupplierBills(tx: TenantDb, posted: readonly PostedDocument[]): Promise<void> {
  for (const p of posted)
    await tx
      .updateTable('supplier_bills')
      .set((eb) => ({
        status: eb
          .case()
          .when('status', '=', 'open')
          .then('posted' as const)
          .else(eb.ref('status'))
          .end(),
        erp_number: p.erpNumber,
        last_error: null,
        updated_at: p.postedAt,
      }))
      .where('posting_id', '=', p.postingId)
      .execute();
}

/** The ERP refused a bill (or the hub gave up on it): it stays open, with the ERP's message. */
export async function noteRejectedSupplierBills(
  tx: TenantDb,
  rejected: readonly RejectedDocument[],
): Promise<void> {
  for (const r of rejected)
    await tx
      .updateTable('supplier_bills')
      .set({ last_error: `${r.code}: ${r.message}`.slice(0, 1000), updated_at: r.at })
      .where('posting_id', '=', r.postingId)
      .where('status', '=', 'open')
      .execute();
}
