import type { ColumnType, Generated } from 'kysely';

/**
 * Table shapes. Conventions: tables are plural snake_case; every table but `companies` carries
 * `tenant_id`; money columns end in `_minor` (64-bit integers, read as bigint); calendar dates end in
 * `_on` and instants in `_at` (both ISO text, so they compare and sort the same on both engines);
 * structured extras end in `_json`.
 */
export type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

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

/** Live workers of the cluster (no company data). */
export interface WorkerHeartbeatsTable {
  owner: string;
  seen_at: string;
  /** The worker's circuit breakers: `{"<connection id>": "closed" | "half-open" | "open"}`. */
  breakers_json: ColumnType<string | null, string | null | undefined, string | null>;
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

/**
 * The tables a domain module owns, with its own status vocabularies: each module declares them in its
 * `tables.ts` by augmenting this interface (`declare module '…/platform/store/tables.ts'`), so the store
 * types every query without importing any module (src/hub/tables.ts, src/finance/tables.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ModuleTables {}

export type Database = PlatformTables &
  ModuleTables & {
    companies: CompaniesTable;
    secrets: SecretsTable;
    api_clients: ApiClientsTable;
    revoked_tokens: RevokedTokensTable;
    users: UsersTable;
    sessions: SessionsTable;
    idempotency_keys: IdempotencyKeysTable;
    webhook_receipts: WebhookReceiptsTable;
    audit_log: AuditLogTable;
    audit_heads: AuditHeadsTable;
    audit_pending: AuditPendingTable;
  } & {
    [T in MasterTableName]: MasterTable;
  };

/** Every table whose rows belong to a tenant — all but the platform tables; a company is its own tenant. */
export type TenantTable = Exclude<keyof Database, keyof PlatformTables>;

export type { Generated };
