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

export type Database = {
  companies: CompaniesTable;
  budgets: BudgetsTable;
  vouchers: VouchersTable;
  voucher_lines: VoucherLinesTable;
} & {
  [T in MasterTableName]: MasterTable;
};

/** Every table whose rows belong to a tenant — all of them: a company is its own tenant. */
export type TenantTable = keyof Database;

export type { Generated };
