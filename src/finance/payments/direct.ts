import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { newId } from '../../platform/store/ids.ts';
import { DomainError } from '../../model/result.ts';

/**
 * A claim or advance paid directly (POST /expense-claims/{id}/pay, outside any batch): recorded as a
 * payment line without a batch, so the bank book and lineage learn of it from payments, as of a batch.
 */
export async function recordDirectPayment(
  tx: TenantDb,
  input: {
    readonly payable: {
      readonly id: string;
      readonly kind: 'claim' | 'advance';
      readonly number: string;
      readonly title: string;
      readonly employeeCode: string;
      readonly supplierCode?: string;
      readonly currency: string;
    };
    readonly amountMinor: bigint;
    readonly paidOn: string;
    readonly reference: string | null;
    readonly actor: string;
    readonly at: string;
  },
): Promise<void> {
  if (input.amountMinor <= 0n) return;
  const { payable } = input;
  await tx
    .insertInto('payment_lines', [
      {
        id: newId(),
        batch_id: null,
        seq: 0,
        payable_kind: payable.kind,
        payable_id: payable.id,
        payable_number: payable.number,
        payable_title: payable.title,
        open_key: null,
        payee_kind: payable.supplierCode === undefined ? 'employee' : 'supplier',
        payee_code: payable.supplierCode ?? payable.employeeCode,
        payee_name: null,
        payee_account: null,
        payee_bank: null,
        amount_minor: input.amountMinor,
        currency: payable.currency,
        status: 'paid',
        end_to_end_id: input.reference ?? payable.number,
        paid_on: input.paidOn,
        reference: input.reference ?? payable.number,
        posting_id: null,
        erp_voucher_number: null,
        reversal_posting_id: null,
        erp_reversal_number: null,
        statement_line_id: null,
        return_reason: null,
        returned_on: null,
        created_by: input.actor,
        created_at: input.at,
        updated_at: input.at,
      },
    ])
    .execute();
}

/** A claim or advance in an open payment batch is paid by that batch, not directly. */
export async function assertNotInOpenBatch(tx: TenantDb, payable: { id: string; number: string }) {
  const open = await tx
    .selectFrom('payment_lines')
    .innerJoin('payment_batches', (j) =>
      j
        .onRef('payment_batches.id', '=', 'payment_lines.batch_id')
        .onRef('payment_batches.tenant_id', '=', 'payment_lines.tenant_id'),
    )
    .select('payment_batches.number')
    .where('payment_lines.open_key', '=', payable.id)
    .executeTakeFirst();
  if (open !== undefined)
    throw new DomainError('payment_not_payable', {
      document: payable.number,
      reason: `已在未完成的付款批次 ${open.number} 中`,
      reasonEn: `it is in open payment batch ${open.number}`,
    });
}
