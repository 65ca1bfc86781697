import type { ColumnType } from 'kysely';
import type { InvoiceType } from '../model/enums/invoice-types.ts';
import type { Nullable } from '../platform/store/tables.ts';

/**
 * Finance's tables — budgets, vouchers, invoices, expense documents and their lines, approvals, rules,
 * periods, numbering, notifications — with finance's own status vocabularies (expense, invoice, task).
 * The store learns of them by declaration merging (`ModuleTables`), without importing finance.
 */

/** What happens when a budget is exceeded: a warning risk tag, or a refusal. */
export type BudgetControl = 'warn' | 'block';

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
  /** A BudgetControl, checked on input. */
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

export type InvoiceStatus = 'unused' | 'claimed' | 'posted';
export type InvoiceSource = 'structured' | 'xml';

/** One real invoice: `identity_key` (20-digit number, or code + number) is unique per company. */
export interface InvoicesTable {
  tenant_id: string;
  id: string;
  identity_key: string;
  type: InvoiceType;
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
  /** Registered from structured data, or imported from 数电票 XML. */
  source: InvoiceSource;
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
  /** The ERP's number of the red-letter voucher that reversed this document, once posted. */
  erp_reversal_number: Nullable<string>;
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
  from_status: Nullable<ExpenseStatus>;
  to_status: ExpenseStatus;
  comment: Nullable<string>;
}

export type AttachmentStorage = 'inline' | 'blob';

export interface AttachmentsTable {
  tenant_id: string;
  id: string;
  document_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** Empty when `storage` is 'blob': the bytes are in the content-addressed store under `sha256`. */
  content: Buffer;
  /** 'inline' (bytes in `content`, rows written before the blob store) or 'blob' (migration 2026-12-03T1520). */
  storage: ColumnType<AttachmentStorage, AttachmentStorage | undefined, AttachmentStorage>;
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

/** A policy step a submission routed to no one, and why (a closed set: `finance/approvals/skips.ts`). */
export interface ApprovalSkipsTable {
  tenant_id: string;
  document_id: string;
  round: number;
  /** The step's position in the policy (1 = first), as the document's policy version lists it. */
  position: number;
  step_id: string;
  name_zh: string;
  name_en: string;
  reason: string;
  params_json: string;
  created_at: string;
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

export type NotificationKind =
  | 'task_assigned'
  | 'task_reminder'
  | 'document_approved'
  | 'document_rejected'
  | 'callout_failed'
  // post-hoc audit (事后审计): a finding on one's claim asks for rectification (finance/post-audit)
  | 'rectification_requested';

export interface NotificationsTable {
  tenant_id: string;
  id: string;
  recipient_code: string;
  kind: NotificationKind;
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
  status: 'active' | 'inactive';
  created_at: string;
  updated_at: string;
}

declare module '../platform/store/tables.ts' {
  interface ModuleTables {
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
    approval_skips: ApprovalSkipsTable;
    delegations: DelegationsTable;
    budget_uses: BudgetUsesTable;
    advance_offsets: AdvanceOffsetsTable;
    closed_periods: ClosedPeriodsTable;
    document_sequences: DocumentSequencesTable;
    notifications: NotificationsTable;
    external_approvers: ExternalApproversTable;
  }
}
