import type { Nullable } from '../../platform/store/tables.ts';

/**
 * The payables module's table (migration 2026-12-03T1620-supplier-bills): the supplier bills (应付单)
 * submitted through FinBridge. The store learns of it by declaration merging (`ModuleTables`).
 */

/**
 * open (its posting is on the way to the ERP, or was refused) → posted (the ERP holds it) → in_batch
 * (an open payment batch holds it) → paid (the batch was sent); returned when the transfer came back
 * (payable again, like posted). Cancelling the batch puts an in_batch bill back to posted.
 */
export type BillStatus = 'open' | 'posted' | 'in_batch' | 'paid' | 'returned';

export interface SupplierBillsTable {
  tenant_id: string;
  id: string;
  /** The hub document id of the bill's posting (one bill per document id). */
  document_id: string;
  revision: number;
  /** The bill's own number, else its document id. */
  number: string;
  supplier_code: string;
  supplier_name: Nullable<string>;
  /** The supplier's invoice numbers (发票号码) the bill is for, a JSON array of strings. */
  invoice_refs_json: string;
  bill_on: string;
  due_on: Nullable<string>;
  currency: string;
  /** 价税合计: gross, tax included, minor units — what is owed the supplier. */
  total_minor: bigint;
  tax_minor: bigint;
  memo: Nullable<string>;
  /** The first line's department, for the payment voucher's auxiliary dimension. */
  department_code: Nullable<string>;
  status: BillStatus;
  /** The hub posting that carries the bill to the ERP. */
  posting_id: string;
  connection_id: string;
  erp_number: Nullable<string>;
  /** The ERP's last refusal of the bill's posting, while it is open. */
  last_error: Nullable<string>;
  paid_on: Nullable<string>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    supplier_bills: SupplierBillsTable;
  }
}
