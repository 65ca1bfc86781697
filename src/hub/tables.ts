import type { Generated } from 'kysely';
import type { Nullable } from '../platform/store/tables.ts';

/**
 * The hub's tables — connections, the posting queue and its trace, mapping profiles, pulled ERP
 * records and pull schedules — with the hub's own status vocabulary. The store learns of them by
 * declaration merging (`ModuleTables`), without importing the hub.
 */

export interface ConnectionsTable {
  id: string;
  tenant_id: string;
  name: string;
  type: string;
  base_url: string;
  settings_json: string;
  credentials_secret_id: Nullable<string>;
  rate_limit_rps: number;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** The ERP version its last successful test found, and when. */
  erp_version: Nullable<string>;
  erp_version_checked_at: Nullable<string>;
}

export type PostingStatus = 'pending' | 'sending' | 'unknown' | 'posted' | 'rejected' | 'dead';

export interface PostingsTable {
  id: string;
  tenant_id: string;
  connection_id: string;
  document_type: string;
  document_id: string;
  document_json: string;
  external_reference: string;
  ordering_key: Nullable<string>;
  status: PostingStatus;
  attempts: number;
  next_attempt_at: string;
  lease_owner: Nullable<string>;
  lease_until: Nullable<string>;
  erp_id: Nullable<string>;
  erp_number: Nullable<string>;
  last_outcome: Nullable<string>;
  last_error_code: Nullable<string>;
  last_error_message: Nullable<string>;
  /** Why the ERP refused it, when its connector recognised the answer (src/model/erp-rejections.ts). */
  last_error_reason: Nullable<string>;
  created_at: string;
  updated_at: string;
  posted_at: Nullable<string>;
  /** The mapping profile version the document was mapped with. */
  profile_version: Nullable<number>;
  /** The posting this one reverses (红冲), when it is a reversal. */
  reverses_posting_id: Nullable<string>;
}

export interface MappingProfilesTable {
  tenant_id: string;
  connection_id: string;
  version: number;
  profile_json: string;
  note: Nullable<string>;
  created_by: string;
  created_at: string;
}

/** The ERP's master data as last pulled (what exists there, for profile checks and lookups). */
export interface ErpRecordsTable {
  tenant_id: string;
  connection_id: string;
  object: string;
  erp_number: string;
  name: string;
  /** 'active', or 'disabled' when the ERP forbids or has not approved it. */
  status: string;
  data_json: string;
  erp_modified_at: string;
  pulled_at: string;
}

/** Incremental pull state and schedule per connection and object. */
export interface SyncStatesTable {
  tenant_id: string;
  connection_id: string;
  object: string;
  every_seconds: Nullable<number>;
  next_run_at: Nullable<string>;
  watermark_at: Nullable<string>;
  watermark_key: Nullable<string>;
  lease_owner: Nullable<string>;
  lease_until: Nullable<string>;
  last_run_at: Nullable<string>;
  last_success_at: Nullable<string>;
  last_count: Generated<number>;
  total_count: Generated<number>;
  last_error: Nullable<string>;
}

/**
 * The job of a posting not yet posted: its live queue state, apart from the posting record so that
 * claiming and settling rewrite a narrow row (ADR 0017). A row exists from acceptance until the posting
 * is posted; a parked posting (rejected, dead) keeps its row, so that it still holds back the postings
 * that share its ordering key. While the row exists, its status, attempts, next attempt and lease are
 * the posting's; the posting record's copies are those of its last settled state.
 */
export interface PostingQueueTable {
  posting_id: string;
  tenant_id: string;
  status: PostingStatus;
  attempts: number;
  next_attempt_at: string;
  lease_owner: Nullable<string>;
  lease_until: Nullable<string>;
  ordering_key: Nullable<string>;
  created_at: string;
}

export interface PostingEventsTable {
  tenant_id: string;
  posting_id: string;
  seq: number;
  at: string;
  kind: string;
  detail_json: string;
}

declare module '../platform/store/tables.ts' {
  interface ModuleTables {
    connections: ConnectionsTable;
    postings: PostingsTable;
    posting_queue: PostingQueueTable;
    posting_events: PostingEventsTable;
    mapping_profiles: MappingProfilesTable;
    erp_records: ErpRecordsTable;
    sync_states: SyncStatesTable;
  }
}
