import type { Nullable } from '../../platform/store/tables.ts';

/**
 * Historical claims and vouchers imported from an old system (migration 2026-12-04T1100-historical-import).
 * Every row names the import batch that brought it; nothing here is ever posted to an ERP.
 */

/** A claim already paid or posted at the source (one per claim number and company). */
export interface HistoricalClaimsTable {
  tenant_id: string;
  id: string;
  batch_id: string;
  number: string;
  employee_code: string;
  currency: string;
  /** What the old system said: paid or posted. */
  source_status: 'paid' | 'posted';
  total_minor: bigint;
  tax_minor: bigint;
  line_count: number;
  /** The claim's content as imported, hashed: the same claim imported again is unchanged. */
  content_sha256: string;
  created_at: string;
}

export interface HistoricalClaimLinesTable {
  tenant_id: string;
  claim_id: string;
  line_no: number;
  category_code: string;
  department_code: string;
  cost_center_code: Nullable<string>;
  project_code: Nullable<string>;
  occurred_on: string;
  amount_minor: bigint;
  tax_minor: bigint;
  description: string;
}

/** A voucher already in an ERP, known by the connection and the ERP's voucher number. */
export interface HistoricalVouchersTable {
  tenant_id: string;
  id: string;
  batch_id: string;
  connection_id: string;
  erp_number: string;
  word: string;
  number: number;
  date_on: string;
  /** YYYY-PP: 01–12, or an adjustment period 13–16. */
  period: string;
  currency: string;
  total_minor: bigint;
  line_count: number;
  content_sha256: string;
  created_at: string;
}

export interface HistoricalVoucherLinesTable {
  tenant_id: string;
  voucher_id: string;
  line_no: number;
  account_code: string;
  summary: string;
  debit_minor: bigint;
  credit_minor: bigint;
  /** Auxiliary dimensions (辅助核算): {department, employee, supplier, customer, project, costCenter}. */
  aux_json: string;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    historical_claims: HistoricalClaimsTable;
    historical_claim_lines: HistoricalClaimLinesTable;
    historical_vouchers: HistoricalVouchersTable;
    historical_voucher_lines: HistoricalVoucherLinesTable;
  }
}
