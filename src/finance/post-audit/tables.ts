import type { Nullable } from '../../platform/store/tables.ts';

/**
 * Post-hoc audit's tables (migration 2026-12-03T1530-post-audit; docs/post-audit.md). "Post-hoc audit"
 * (事后审计) is the review of claims already posted, by sample — not the audit log (审计日志) and not
 * the audit rules checked at submission (审核规则).
 */

export type FindingSeverity = 'low' | 'medium' | 'high';
export type FindingStatus = 'open' | 'rectification_requested' | 'responded' | 'closed' | 'waived';

export interface PostAuditPlansTable {
  tenant_id: string;
  id: string;
  name: string;
  description: Nullable<string>;
  /** A PlanBody (plans.ts). */
  body_json: string;
  created_by: string;
  created_at: string;
}

export interface PostAuditRunsTable {
  tenant_id: string;
  id: string;
  plan_id: string;
  /** The plan as it was run (plans are not changed, but a run must say what it did on its own). */
  plan_json: string;
  from_on: string;
  to_on: string;
  /** Posted claims in the range. */
  population: number;
  sampled: number;
  created_by: string;
  created_at: string;
}

export interface PostAuditSamplesTable {
  tenant_id: string;
  run_id: string;
  document_id: string;
  risk_score: number;
  /** SampleReason[] (sampling.ts). */
  reasons_json: string;
}

export interface PostAuditFindingsTable {
  tenant_id: string;
  id: string;
  document_id: string;
  run_id: Nullable<string>;
  severity: FindingSeverity;
  title: string;
  /** Evidence (findings.ts): fields, invoices, notes. */
  evidence_json: string;
  status: FindingStatus;
  /** The claim's employee: the one asked to rectify. */
  claimant_code: string;
  due_on: Nullable<string>;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PostAuditFindingEventsTable {
  tenant_id: string;
  finding_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  from_status: Nullable<FindingStatus>;
  to_status: FindingStatus;
  text: Nullable<string>;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    post_audit_plans: PostAuditPlansTable;
    post_audit_runs: PostAuditRunsTable;
    post_audit_samples: PostAuditSamplesTable;
    post_audit_findings: PostAuditFindingsTable;
    post_audit_finding_events: PostAuditFindingEventsTable;
  }
}
