import type { Nullable } from '../platform/store/tables.ts';

/**
 * Governance's tables (migration 2026-12-03T1540-governance): golden records and their sources,
 * survivorship rules, import batches (for rollback), change policies and change requests. The store
 * learns of them by declaration merging (`ModuleTables`).
 */

/** The master data kept as golden records. */
export type GoldenEntity = 'supplier' | 'employee' | 'account';
export type GoldenStatus = 'active' | 'merged';

export interface GoldenRecordsTable {
  tenant_id: string;
  id: string;
  entity: GoldenEntity;
  name: string;
  /** Field → { value, source }: the surviving value and the source it came from. */
  fields_json: string;
  /** How many fields the sources disagree on. */
  conflicts: number;
  status: GoldenStatus;
  /** Set when merged into another golden record. */
  merged_into: Nullable<string>;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One source's copy of a record, and the golden record it belongs to. */
export interface GoldenSourcesTable {
  tenant_id: string;
  entity: GoldenEntity;
  /** 'finbridge' (the company's master data) or a connection id. */
  source: string;
  /** The record's code in that source (our code, or the ERP's number). */
  source_key: string;
  source_name: string;
  /** 'finbridge' or the connection type (kingdee-k3cloud, yonbip, …). */
  source_type: string;
  golden_id: string;
  name: string;
  /** The source's normalised fields (name, taxId, bankAccount, email, …). */
  fields_json: string;
  /** 'auto' (matched by its keys) or 'manual' (a merge or split put it there). */
  linked_by: 'auto' | 'manual';
  /** When the source last changed the record (its own modification time, or when first seen). */
  changed_at: string;
  seen_at: string;
}

export interface SurvivorshipRulesTable {
  tenant_id: string;
  entity: GoldenEntity;
  field: string;
  /** Sources in the order they win: 'finbridge', a connection type, a connection id, or '*'. */
  precedence_json: string;
  updated_by: string;
  updated_at: string;
}

export type ImportBatchStatus = 'committed' | 'rolled_back';

export interface ImportBatchesTable {
  tenant_id: string;
  id: string;
  /** The master-data resource path (suppliers, employees, …). */
  resource: string;
  file_name: string;
  file_sha256: string;
  status: ImportBatchStatus;
  row_count: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  committed_by: string;
  committed_at: string;
  rolled_back_by: Nullable<string>;
  rolled_back_at: Nullable<string>;
}

/** A record an import batch created or changed: the row before (null when created) and the version it left. */
export interface ImportBatchChangesTable {
  tenant_id: string;
  batch_id: string;
  seq: number;
  record_id: string;
  code: string;
  action: 'create' | 'update';
  before_json: Nullable<string>;
  after_version: number;
}

export interface ChangePoliciesTable {
  tenant_id: string;
  /** What the policy covers: `master-data:suppliers`, `mapping-profile`, … (changes/targets.ts). */
  target: string;
  requires_approval: number;
  updated_by: string;
  updated_at: string;
}

export type ChangeRequestStatus = 'pending' | 'applied' | 'rejected' | 'failed';

export interface ChangeRequestsTable {
  tenant_id: string;
  id: string;
  target: string;
  /** What is changed: a record id or code, a connection id. */
  subject: string;
  summary: string;
  payload_json: string;
  /** [{ path, before, after }] when the request was filed. */
  diff_json: string;
  status: ChangeRequestStatus;
  requested_by: string;
  requested_at: string;
  decided_by: Nullable<string>;
  decided_at: Nullable<string>;
  decision_note: Nullable<string>;
  result_json: Nullable<string>;
  /** The default checker (the entity's data owner, `user:<id>` or `role:<role>`), when one is named. */
  checker: Nullable<string>;
}

declare module '../platform/store/tables.ts' {
  interface ModuleTables {
    golden_records: GoldenRecordsTable;
    golden_sources: GoldenSourcesTable;
    survivorship_rules: SurvivorshipRulesTable;
    import_batches: ImportBatchesTable;
    import_batch_changes: ImportBatchChangesTable;
    change_policies: ChangePoliciesTable;
    change_requests: ChangeRequestsTable;
  }
}
