import type { Nullable } from '../platform/store/tables.ts';

/**
 * Analytics' own tables (docs/analytics.md, ADR 0021): the spend facts (one row per claim line once its
 * voucher is posted), the spend rollup the dashboards read, the peer-group statistics new lines are
 * scored against, and the anomalies found. Fed only by the hub's outcome subscriptions and the
 * rebuild, through finance's exported read functions; nothing else writes them.
 */

/** One posted claim line with its dimensions; `reversed` = 1 once the red-letter voucher posted. */
export interface AnalyticsSpendFactsTable {
  tenant_id: string;
  posting_id: string;
  line_no: number;
  document_id: string;
  document_number: string;
  /** YYYY-MM: the ERP period the voucher posted in (the line's month when the voucher named none). */
  period: string;
  occurred_on: string;
  company_code: string;
  department_code: string;
  /** '' when the line names none (so group keys stay comparable on both engines). */
  cost_center_code: string;
  project_code: string;
  category_code: string;
  employee_code: string;
  supplier: string;
  currency: string;
  /** The ERP the voucher posted into: its connection type (e.g. kingdee-k3cloud). */
  erp: string;
  city: string;
  /** The invoices' identity keys, comma-separated ('' none). */
  invoice_keys: string;
  amount_minor: bigint;
  tax_minor: bigint;
  reversed: number;
  posted_at: string;
}

/** Spend per (period, company, department, category, currency), kept in step with the facts. */
export interface AnalyticsSpendRollupTable {
  tenant_id: string;
  period: string;
  company_code: string;
  department_code: string;
  category_code: string;
  currency: string;
  amount_minor: bigint;
  tax_minor: bigint;
  line_count: number;
}

/** Median and MAD of line amounts per peer group (category × department × city tier). */
export interface AnalyticsPeerStatsTable {
  tenant_id: string;
  category_code: string;
  department_code: string;
  city_tier: string;
  currency: string;
  line_count: number;
  median_minor: bigint;
  mad_minor: bigint;
  computed_at: string;
}

export type AnomalyKind =
  'peer_outlier' | 'split_claim' | 'weekend_holiday' | 'round_amount' | 'benford' | 'duplicate';

/** One finding: a score 0–100, why (zh + en), and the claim it points at (none for Benford). */
export interface AnalyticsAnomaliesTable {
  tenant_id: string;
  id: string;
  kind: AnomalyKind;
  score: number;
  document_id: Nullable<string>;
  document_number: Nullable<string>;
  posting_id: Nullable<string>;
  line_no: Nullable<number>;
  employee_code: Nullable<string>;
  department_code: Nullable<string>;
  period: string;
  amount_minor: Nullable<bigint>;
  currency: Nullable<string>;
  explanation_zh: string;
  explanation_en: string;
  params_json: string;
  detected_at: string;
}

declare module '../platform/store/tables.ts' {
  interface ModuleTables {
    analytics_spend_facts: AnalyticsSpendFactsTable;
    analytics_spend_rollup: AnalyticsSpendRollupTable;
    analytics_peer_stats: AnalyticsPeerStatsTable;
    analytics_anomalies: AnalyticsAnomaliesTable;
  }
}
