import type { Nullable } from '../../platform/store/tables.ts';

/**
 * Hub ↔ ERP reconciliation (对账, migration 2026-12-03T1510-erp-reconciliation): one row per run, for a
 * connection and an accounting period, and the differences it found, each with how it was resolved.
 * Amounts are minor units kept as decimal text (sums of a month may pass what a float holds exactly).
 */

/** How a run ended: everything agreed, differences found, or the ERP could not be read (never "matched"). */
export type ReconciliationStatus = 'running' | 'matched' | 'differences' | 'not_checked';

export type DifferenceKind =
  /** Posted by FinBridge, not (any longer) in the ERP. */
  | 'missing_in_erp'
  /** In the ERP carrying a reference of ours that FinBridge did not post there (or holds twice). */
  | 'extra_in_erp'
  /** Both hold it, for different totals. */
  | 'amount_differs'
  /** Same totals, on different accounts. */
  | 'account_differs'
  /** FinBridge reversed it (红冲) and the ERP does not hold the reversal. */
  | 'reversed_only_in_finbridge'
  /** The ERP shows it reversed or cancelled, FinBridge did not reverse it. */
  | 'reversed_only_in_erp';

export type Resolution = 'reposted' | 'deliberately_deleted' | 'acknowledged';

export interface ErpReconciliationsTable {
  tenant_id: string;
  id: string;
  connection_id: string;
  period: string;
  status: ReconciliationStatus;
  /** manual (API, CLI) or schedule. */
  trigger: string;
  started_by: string;
  started_at: string;
  finished_at: Nullable<string>;
  our_count: number;
  erp_count: number;
  matched_count: number;
  difference_count: number;
  our_debit_minor: string;
  erp_debit_minor: string;
  /** Per voucher word and account: counts and amounts on each side (JSON array). */
  summary_json: string;
  /** Why the ERP's side was not checked: unreachable or unsupported, with the ERP's code and message. */
  failure_reason: Nullable<string>;
  failure_code: Nullable<string>;
  failure_message: Nullable<string>;
}

export interface ErpReconciliationDifferencesTable {
  tenant_id: string;
  reconciliation_id: string;
  seq: number;
  kind: DifferenceKind;
  reference: Nullable<string>;
  posting_id: Nullable<string>;
  document_id: Nullable<string>;
  erp_id: Nullable<string>;
  erp_number: Nullable<string>;
  word: Nullable<string>;
  our_amount_minor: Nullable<string>;
  erp_amount_minor: Nullable<string>;
  detail_json: string;
  resolution: Nullable<Resolution>;
  resolution_reason: Nullable<string>;
  resolved_by: Nullable<string>;
  resolved_at: Nullable<string>;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    erp_reconciliations: ErpReconciliationsTable;
    erp_reconciliation_differences: ErpReconciliationDifferencesTable;
  }
}
