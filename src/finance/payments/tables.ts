import type { Nullable } from '../../platform/store/tables.ts';

/**
 * The payments module's tables (migration 2026-12-03T1500-payments): payment batches (付款批次) and
 * their lines, one transfer each. The store learns of them by declaration merging (`ModuleTables`).
 */

/**
 * A batch's life: draft → approved (by someone other than its maker) → file_generated → sent → paid,
 * or partly_returned / returned when the bank sends transfers back; cancelled before it is sent.
 */
export type BatchStatus =
  'draft' | 'approved' | 'file_generated' | 'sent' | 'paid' | 'partly_returned' | 'returned' | 'cancelled';

/** A line: pending in an unsent batch, sent to the bank, confirmed paid, returned (退票), or cancelled. */
export type LineStatus = 'pending' | 'sent' | 'paid' | 'returned' | 'cancelled';

/** What a line pays: an expense claim or advance, or a supplier bill (src/finance/payables). */
export type PayableKind = 'claim' | 'advance' | 'supplier_bill';

export interface PaymentBatchesTable {
  tenant_id: string;
  id: string;
  number: string;
  /** The bank account (src/finance/bank) the money goes out of. */
  account_code: string;
  currency: string;
  status: BatchStatus;
  /** The day the bank is asked to execute the transfers (期望付款日). */
  execute_on: string;
  purpose: Nullable<string>;
  line_count: number;
  total_minor: bigint;
  created_by: string;
  created_at: string;
  approved_by: Nullable<string>;
  approved_at: Nullable<string>;
  file_format: Nullable<string>;
  file_sha256: Nullable<string>;
  file_generated_at: Nullable<string>;
  sent_by: Nullable<string>;
  sent_at: Nullable<string>;
  version: number;
  updated_at: string;
}

export interface PaymentLinesTable {
  tenant_id: string;
  id: string;
  /** Null for a payment recorded directly (POST /expense-claims/{id}/pay). */
  batch_id: Nullable<string>;
  seq: number;
  payable_kind: PayableKind;
  payable_id: string;
  payable_number: string;
  payable_title: string;
  /** The payable's id while the line is in an open batch (unique), else null. */
  open_key: Nullable<string>;
  payee_kind: 'employee' | 'supplier';
  payee_code: string;
  payee_name: Nullable<string>;
  payee_account: Nullable<string>;
  payee_bank: Nullable<string>;
  amount_minor: bigint;
  currency: string;
  status: LineStatus;
  /** The reference the bank carries through (pain.001 EndToEndId, 业务参考号/用途 in CSV). */
  end_to_end_id: string;
  paid_on: Nullable<string>;
  /** The bank's or cashier's reference of the payment. */
  reference: Nullable<string>;
  /** The payment voucher's posting in the hub (claims and supplier bills: an advance's own voucher credits the bank). */
  posting_id: Nullable<string>;
  erp_voucher_number: Nullable<string>;
  reversal_posting_id: Nullable<string>;
  erp_reversal_number: Nullable<string>;
  /** The bank statement line the payment was matched to. */
  statement_line_id: Nullable<string>;
  return_reason: Nullable<string>;
  returned_on: Nullable<string>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    payment_batches: PaymentBatchesTable;
    payment_lines: PaymentLinesTable;
  }
}
