import type { Nullable } from '../../platform/store/tables.ts';

/**
 * Data quality's tables (migration 2026-12-03T1610-data-quality): rules, issues, scores (per record and
 * the daily trend per entity and source), data owners and quality gates. Declared to the store by
 * declaration merging (`ModuleTables`).
 */
export type QualitySeverity = 'info' | 'warning' | 'error' | 'critical';
export type IssueStatus = 'open' | 'resolved';

export interface QualityRulesTable {
  tenant_id: string;
  id: string;
  /** supplier, employee, account, … (quality/entities.ts). */
  entity: string;
  kind: string;
  /** The (dotted) field the rule checks; null for record-wide rules (stale) and any-field conflicts. */
  field: Nullable<string>;
  params_json: string;
  severity: QualitySeverity;
  enabled: number;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface QualityIssuesTable {
  tenant_id: string;
  id: string;
  rule_id: string;
  entity: string;
  /** 'finbridge' (the company's master data), a connection id (its pulled copy), or 'golden'. */
  source: string;
  /** The record's code in that source, or the golden record's id. */
  record_key: string;
  /** The field, or '' for record-wide findings. */
  field: string;
  kind: string;
  severity: QualitySeverity;
  value: Nullable<string>;
  message: string;
  suggestion: string;
  status: IssueStatus;
  opened_at: string;
  seen_at: string;
  resolved_at: Nullable<string>;
}

export interface QualityRecordScoresTable {
  tenant_id: string;
  entity: string;
  source: string;
  record_key: string;
  score: number;
  open_issues: number;
  evaluated_at: string;
}

/**
 * The duplicate index (migration 2026-12-04T1300-duplicate-values): per `duplicate` rule, each of
 * FinBridge's own records' normalised values of the rule's field, kept in the transaction that writes
 * the record, so a write finds the records sharing its values by an index lookup instead of reading the
 * whole entity. Pulled copies are compared by the sweep only.
 */
export interface QualityDuplicateValuesTable {
  tenant_id: string;
  entity: string;
  rule_id: string;
  /** The record's code (FinBridge's own master data). */
  record_key: string;
  /** rules.ts `normaliseForDuplicate` of the value. */
  normalised: string;
  /** The value as written (the first one with this normalised form). */
  value: string;
}

/** One day's score of an entity in one source ('*' = all sources of the entity). */
export interface QualityScoreDaysTable {
  tenant_id: string;
  entity: string;
  source: string;
  day_on: string;
  score: number;
  records: number;
  open_issues: number;
  updated_at: string;
}

export interface DataOwnersTable {
  tenant_id: string;
  /** 'entity' or 'source'. */
  scope: 'entity' | 'source';
  /** The entity name or the source ('finbridge' or a connection id). */
  name: string;
  /** `user:<id>` or `role:<role>`. */
  owner: string;
  updated_by: string;
  updated_at: string;
}

export interface QualityGatesTable {
  tenant_id: string;
  /** 'posting' or 'sync'. */
  kind: 'posting' | 'sync';
  min_severity: QualitySeverity;
  enabled: number;
  updated_by: string;
  updated_at: string;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    quality_rules: QualityRulesTable;
    quality_issues: QualityIssuesTable;
    quality_record_scores: QualityRecordScoresTable;
    quality_duplicate_values: QualityDuplicateValuesTable;
    quality_score_days: QualityScoreDaysTable;
    data_owners: DataOwnersTable;
    quality_gates: QualityGatesTable;
  }
}
