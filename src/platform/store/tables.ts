import type { ColumnType, Generated } from 'kysely';

/**
 * Table shapes. Conventions: tables are plural snake_case; every table but `companies` carries
 * `tenant_id`; money columns end in `_minor` (64-bit integers, read as bigint); calendar dates end in
 * `_on` and instants in `_at` (both ISO text, so they compare and sort the same on both engines);
 * structured extras end in `_json`.
 */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface CompaniesTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  tax_id: string;
  base_currency: string;
  attributes_json: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Columns a master-data table may promote out of `attributes_json` to be filtered and constrained. */
export interface MasterReferenceColumns {
  parent_code: Nullable<string>;
  department_code: Nullable<string>;
  manager_code: Nullable<string>;
  manager_employee_code: Nullable<string>;
  cost_center_code: Nullable<string>;
  management_account_code: Nullable<string>;
  sales_account_code: Nullable<string>;
  tax_id: Nullable<string>;
  kind: Nullable<string>;
  base_currency: Nullable<string>;
  quote_currency: Nullable<string>;
  effective_on: Nullable<string>;
}

export interface MasterTable extends MasterReferenceColumns {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  status: string;
  attributes_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BudgetsTable {
  tenant_id: string;
  id: string;
  department_code: string;
  category_code: string;
  period: string;
  /** '' when the budget is not for one project (so the slice stays unique). */
  project_code: string;
  amount_minor: bigint;
  currency: string;
  control: string;
  occupied_minor: ColumnType<bigint, bigint | undefined, bigint>;
  actual_minor: ColumnType<bigint, bigint | undefined, bigint>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface VouchersTable {
  tenant_id: string;
  id: string;
  date_on: string;
  period: string;
  word: string;
  number: Nullable<number>;
  currency: string;
  summary: string;
  total_minor: bigint;
  line_count: number;
  external_reference: Nullable<string>;
  source_document_id: Nullable<string>;
  attributes_json: string;
  created_at: string;
}

export interface VoucherLinesTable {
  tenant_id: string;
  voucher_id: string;
  line_no: number;
  summary: string;
  account_code: string;
  debit_minor: bigint;
  credit_minor: bigint;
  aux_json: string;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  public_jwk_json: string;
  private_key_sealed: string;
  status: string;
  created_at: string;
  retired_at: Nullable<string>;
}

export interface PlatformSecretsTable {
  name: string;
  sealed: string;
  created_at: string;
  updated_at: string;
}

export interface SecretsTable {
  id: string;
  tenant_id: string;
  purpose: string;
  sealed: string;
  created_at: string;
  updated_at: string;
}

export interface ApiClientsTable {
  id: string;
  tenant_id: string;
  client_id: string;
  name: string;
  secret_hash: string;
  /** Space-separated, as in OAuth. */
  scopes: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  last_used_at: Nullable<string>;
  version: number;
}

export interface RevokedTokensTable {
  jti: string;
  tenant_id: string;
  expires_at: string;
  revoked_at: string;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  employee_code: Nullable<string>;
  /** Space-separated role names. */
  roles: string;
  password_hash: Nullable<string>;
  oidc_subject: Nullable<string>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Nullable<string>;
  last_login_at: Nullable<string>;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  state: string;
  response_status: Nullable<number>;
  response_headers_json: Nullable<string>;
  response_body: Nullable<string>;
  created_at: string;
  expires_at: string;
}

export interface WebhookReceiptsTable {
  tenant_id: string;
  signature_hash: string;
  source: string;
  received_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  tenant_id: string;
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  request_id: Nullable<string>;
  before_json: Nullable<string>;
  after_json: Nullable<string>;
  prev_hash: string;
  hash: string;
}

/** An audit entry recorded with its change, waiting to be sealed into the chain. */
export interface AuditPendingTable {
  tenant_id: string;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  request_id: Nullable<string>;
  before_json: Nullable<string>;
  after_json: Nullable<string>;
  /** HMAC of the entry's content: an edit made before sealing is detected too. */
  mac: string;
}

export interface AuditHeadsTable {
  tenant_id: string;
  last_seq: number;
  last_hash: string;
}

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
  created_at: string;
  updated_at: string;
  posted_at: Nullable<string>;
  /** The mapping profile version the document was mapped with. */
  profile_version: Nullable<number>;
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

/** Live workers of the cluster (no company data). */
export interface WorkerHeartbeatsTable {
  owner: string;
  seen_at: string;
}

export interface PostingEventsTable {
  tenant_id: string;
  posting_id: string;
  seq: number;
  at: string;
  kind: string;
  detail_json: string;
}

export type InvoiceStatus = 'unused' | 'claimed' | 'posted';

/** One real invoice: `identity_key` (20-digit number, or code + number) is unique per company. */
export interface InvoicesTable {
  tenant_id: string;
  id: string;
  identity_key: string;
  type: string;
  code: Nullable<string>;
  number: string;
  issued_on: string;
  seller_name: string;
  seller_tax_id: Nullable<string>;
  buyer_name: string;
  buyer_tax_id: Nullable<string>;
  amount_minor: bigint;
  tax_minor: bigint;
  total_minor: bigint;
  currency: string;
  status: InvoiceStatus;
  source: string;
  owner_employee_code: Nullable<string>;
  data_json: string;
  file_sha256: Nullable<string>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type ExpenseKind = 'claim' | 'request' | 'advance';
export type ExpenseStatus =
  | 'draft'
  | 'submitted'
  | 'approving'
  | 'approved'
  | 'posted'
  | 'paid'
  | 'rejected'
  | 'withdrawn'
  | 'reversed';

/** Claims (报销单), pre-approval requests (申请单) and advances (借款) share one lifecycle. */
export interface ExpenseDocumentsTable {
  tenant_id: string;
  id: string;
  kind: ExpenseKind;
  number: string;
  status: ExpenseStatus;
  revision: number;
  employee_code: string;
  department_code: string;
  project_code: Nullable<string>;
  title: string;
  currency: string;
  document_on: string;
  total_minor: bigint;
  deductible_tax_minor: bigint;
  /** Advances: the part offset against claims, and the part repaid in cash. */
  offset_minor: ColumnType<bigint, bigint | undefined, bigint>;
  repaid_minor: ColumnType<bigint, bigint | undefined, bigint>;
  request_id: Nullable<string>;
  risk_tags_json: string;
  data_json: string;
  approval_version: Nullable<number>;
  posting_id: Nullable<string>;
  erp_voucher_number: Nullable<string>;
  erp_period: Nullable<string>;
  submitted_at: Nullable<string>;
  approved_at: Nullable<string>;
  posted_at: Nullable<string>;
  paid_at: Nullable<string>;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExpenseLinesTable {
  tenant_id: string;
  document_id: string;
  line_no: number;
  category_code: string;
  description: string;
  occurred_on: string;
  amount_minor: bigint;
  deductible_tax_minor: bigint;
  department_code: string;
  project_code: Nullable<string>;
  data_json: string;
}

/** An invoice attached to a live claim; the (tenant, invoice) key admits one claim per invoice. */
export interface InvoiceUsesTable {
  tenant_id: string;
  invoice_id: string;
  document_id: string;
  line_no: number;
  linked_at: string;
}

export interface DocumentTransitionsTable {
  tenant_id: string;
  document_id: string;
  seq: number;
  at: string;
  actor: string;
  from_status: Nullable<string>;
  to_status: string;
  comment: Nullable<string>;
}

export interface AttachmentsTable {
  tenant_id: string;
  id: string;
  document_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_by: string;
  created_at: string;
}

export type RuleSetKind = 'approval' | 'audit' | 'posting';

export interface RuleSetsTable {
  tenant_id: string;
  kind: RuleSetKind;
  version: number;
  body_json: string;
  note: Nullable<string>;
  created_by: string;
  created_at: string;
}

export type TaskStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface ApprovalTasksTable {
  tenant_id: string;
  id: string;
  document_id: string;
  /** Each submission of a document starts a new round of tasks. */
  round: number;
  step_no: number;
  step_id: string;
  kind: 'person' | 'external';
  /** 'all' = countersign (会签), 'any' = one of them (或签). */
  mode: 'all' | 'any';
  assignee_code: Nullable<string>;
  delegated_from: Nullable<string>;
  status: TaskStatus;
  decided_by: Nullable<string>;
  decided_at: Nullable<string>;
  comment: Nullable<string>;
  due_at: Nullable<string>;
  reminded_at: Nullable<string>;
  reminders: ColumnType<number, number | undefined, number>;
  external_id: Nullable<string>;
  callout_status: Nullable<'pending' | 'sent' | 'failed'>;
  callout_attempts: ColumnType<number, number | undefined, number>;
  callout_next_at: Nullable<string>;
  callout_error: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface DelegationsTable {
  tenant_id: string;
  id: string;
  delegator_code: string;
  delegate_code: string;
  from_on: string;
  to_on: string;
  reason: Nullable<string>;
  created_by: string;
  created_at: string;
}

export interface BudgetUsesTable {
  tenant_id: string;
  document_id: string;
  line_no: number;
  budget_id: string;
  amount_minor: bigint;
  state: 'occupied' | 'actual';
  updated_at: string;
}

export interface AdvanceOffsetsTable {
  tenant_id: string;
  claim_id: string;
  advance_id: string;
  amount_minor: bigint;
  state: 'live' | 'settled';
}

export interface ClosedPeriodsTable {
  tenant_id: string;
  period: string;
  closed_by: string;
  closed_at: string;
}

export interface DocumentSequencesTable {
  tenant_id: string;
  prefix: string;
  last_value: number;
}

export interface NotificationsTable {
  tenant_id: string;
  id: string;
  recipient_code: string;
  kind: string;
  document_id: Nullable<string>;
  task_id: Nullable<string>;
  message_json: string;
  created_at: string;
  read_at: Nullable<string>;
}

export interface ExternalApproversTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  url: string;
  secret_id: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export const MASTER_TABLES = [
  'departments',
  'cost_centers',
  'employees',
  'suppliers',
  'customers',
  'projects',
  'accounts',
  'expense_categories',
  'currencies',
  'exchange_rates',
] as const;
export type MasterTableName = (typeof MASTER_TABLES)[number];

/** Platform-level tables: installation keys, no company data; reached only by platform/security. */
export interface PlatformTables {
  signing_keys: SigningKeysTable;
  platform_secrets: PlatformSecretsTable;
  worker_heartbeats: WorkerHeartbeatsTable;
}

export type Database = PlatformTables & {
  companies: CompaniesTable;
  secrets: SecretsTable;
  api_clients: ApiClientsTable;
  revoked_tokens: RevokedTokensTable;
  users: UsersTable;
  sessions: SessionsTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_receipts: WebhookReceiptsTable;
  connections: ConnectionsTable;
  postings: PostingsTable;
  posting_events: PostingEventsTable;
  mapping_profiles: MappingProfilesTable;
  erp_records: ErpRecordsTable;
  sync_states: SyncStatesTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  audit_pending: AuditPendingTable;
  budgets: BudgetsTable;
  vouchers: VouchersTable;
  voucher_lines: VoucherLinesTable;
  invoices: InvoicesTable;
  expense_documents: ExpenseDocumentsTable;
  expense_lines: ExpenseLinesTable;
  invoice_uses: InvoiceUsesTable;
  document_transitions: DocumentTransitionsTable;
  attachments: AttachmentsTable;
  rule_sets: RuleSetsTable;
  approval_tasks: ApprovalTasksTable;
  delegations: DelegationsTable;
  budget_uses: BudgetUsesTable;
  advance_offsets: AdvanceOffsetsTable;
  closed_periods: ClosedPeriodsTable;
  document_sequences: DocumentSequencesTable;
  notifications: NotificationsTable;
  external_approvers: ExternalApproversTable;
} & {
  [T in MasterTableName]: MasterTable;
};

/** Every table whose rows belong to a tenant — all but the platform tables; a company is its own tenant. */
export type TenantTable = Exclude<keyof Database, keyof PlatformTables>;

export type { Generated };
