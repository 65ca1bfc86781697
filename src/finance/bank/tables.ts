import type { ColumnType } from 'kysely';
import type { Nullable } from '../../platform/store/tables.ts';

/**
 * The bank module's tables (migration 2026-12-03T1300-bank-statements): the company's bank accounts,
 * imported statement files and their statements and lines (银行流水), the book side (企业银行日记账:
 * what FinBridge recorded as moving money through an account), and the matches between the two. The
 * store learns of them by declaration merging (`ModuleTables`), without importing finance (ADR 0014).
 */

/** Money in (收) or out (付) of the company's account, from the company's point of view. */
export type Direction = 'in' | 'out';

export interface BankAccountsTable {
  tenant_id: string;
  /** Our code for the account, as a Payment's `bankAccountCode` names it (e.g. ICBC-01). */
  code: string;
  /** The bank's account number, kept without spaces or hyphens. */
  account_number: string;
  name: string;
  bank_name: Nullable<string>;
  currency: string;
  /** The day from which FinBridge keeps the book of this account (启用日期). */
  opened_on: string;
  /** The book balance at the start of `opened_on` (启用日账面余额). */
  opening_balance_minor: bigint;
  /** 1: payments that name no account (claims paid with /pay, Payments without bankAccountCode) go out of it. */
  is_default: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One imported file: the same bytes (SHA-256) are imported once per company. */
export interface BankImportsTable {
  tenant_id: string;
  id: string;
  file_sha256: string;
  file_name: Nullable<string>;
  /** camt.053.001.NN, mt940 or csv. */
  format: string;
  /** The CSV layout the file was read with; null for camt.053 and MT940. */
  layout: Nullable<string>;
  statement_count: number;
  line_count: number;
  new_line_count: number;
  imported_by: string;
  imported_at: string;
}

/** One statement of a file (a camt.053 Stmt, an MT940 message, a whole CSV export) for one account. */
export interface BankStatementsTable {
  tenant_id: string;
  id: string;
  import_id: string;
  account_code: string;
  statement_ref: Nullable<string>;
  from_on: string;
  to_on: string;
  /** The balance before the statement's first line, when the file states or implies it. */
  opening_balance_minor: Nullable<bigint>;
  /** The balance at the end of `closing_on`, when the file states or implies it. */
  closing_balance_minor: Nullable<bigint>;
  closing_on: Nullable<string>;
  line_count: number;
  new_line_count: number;
}

/** A movement on the account as the bank reported it; one row however many files repeat it. */
export interface BankStatementLinesTable {
  tenant_id: string;
  id: string;
  account_code: string;
  /** The first statement that brought the line. */
  statement_id: string;
  /** What makes the line the same line in an overlapping statement (`naturalKey`, import.ts). */
  natural_key: string;
  /** Its position in that statement. */
  seq: number;
  booked_on: string;
  value_on: Nullable<string>;
  amount_minor: bigint;
  currency: string;
  direction: Direction;
  counterparty_name: Nullable<string>;
  counterparty_account: Nullable<string>;
  /** The payer's reference (EndToEndId, :61: customer reference, 业务参考号). */
  reference: Nullable<string>;
  description: Nullable<string>;
  /** The bank's own id of the transaction (AcctSvcrRef, :61: //bank reference, 流水号). */
  bank_txn_id: Nullable<string>;
  /** The running balance after the line, when the bank gave it. */
  balance_minor: Nullable<bigint>;
  created_at: string;
}

/** Where a book entry came from. */
export type BookSource = 'expense' | 'expense_return' | 'payment' | 'payment_reversal' | 'manual';

/** The book side: money FinBridge recorded as paid out of (or received into) one of the accounts. */
export interface BankBookEntriesTable {
  tenant_id: string;
  id: string;
  account_code: string;
  source: BookSource;
  /** The payment line's id (src/finance/payments), the Payment's document id, or a new id for a manual entry. */
  source_id: string;
  booked_on: string;
  amount_minor: bigint;
  currency: string;
  direction: Direction;
  counterparty_name: Nullable<string>;
  counterparty_account: Nullable<string>;
  reference: Nullable<string>;
  description: Nullable<string>;
  created_by: string;
  created_at: string;
}

export type MatchKind = 'auto' | 'manual';

export interface BankMatchesTable {
  tenant_id: string;
  id: string;
  account_code: string;
  kind: MatchKind;
  score: number;
  /** The scorer's reasons (matching.ts `Reason[]`). */
  reasons_json: string;
  note: Nullable<string>;
  created_by: string;
  created_at: string;
}

/** The lines and entries of a match; the key admits each line and each entry into one match only. */
export interface BankMatchItemsTable {
  tenant_id: string;
  side: 'line' | 'entry';
  item_id: string;
  match_id: string;
}

/** A line and an entry someone unmatched: automatic matching never pairs them again. */
export interface BankMatchVetoesTable {
  tenant_id: string;
  line_id: string;
  entry_id: string;
  created_by: string;
  created_at: ColumnType<string, string, never>;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    bank_accounts: BankAccountsTable;
    bank_imports: BankImportsTable;
    bank_statements: BankStatementsTable;
    bank_statement_lines: BankStatementLinesTable;
    bank_book_entries: BankBookEntriesTable;
    bank_matches: BankMatchesTable;
    bank_match_items: BankMatchItemsTable;
    bank_match_vetoes: BankMatchVetoesTable;
  }
}
