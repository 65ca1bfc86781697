/**
 * Lineage graph vocabulary (issue #18 item 6).
 *
 * A link provider answers, for one node reference, every link that touches it in either direction:
 * the walker in `walk.ts` calls each provider on each node it reaches, breadth-first, and merges
 * the links into one node/edge graph. Providers live beside the data they read (expenses, bank,
 * payments, archive) and never select from hub tables (ARCHITECTURE §8).
 */
import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * The record types a lineage node may name. Providers use exactly these strings (a type not listed
 * is refused by the API with 422):
 * - `expense_claim` / `expense_advance` / `expense_request`: an expense document's id (报销单/借款/申请单)
 * - `supplier_bill`: a supplier bill's id (应付单, src/finance/payables)
 * - `invoice`: an invoice's id; `approval_task`: an approval task's id
 * - `voucher`: a hub posting of a voucher (its posting id), the claim's voucher or its red reversal
 * - `payment`: a payment's id; `bank_line`: a bank statement line's id; `bank_match`: a match's id
 * - `book_entry`: a bank book entry's id; `archive_item`: an archive item's id
 */
export const LINEAGE_TYPES = [
  'expense_claim',
  'expense_advance',
  'expense_request',
  'supplier_bill',
  'invoice',
  'approval_task',
  'voucher',
  'payment',
  'bank_line',
  'bank_match',
  'book_entry',
  'archive_item',
  'archive_package',
] as const;
export type LineageType = (typeof LINEAGE_TYPES)[number];

/** One node of the lineage graph: a record type (one of `LINEAGE_TYPES`) and its id. */
export interface LineageRef {
  readonly type: string;
  readonly id: string;
}

/**
 * One directed hop between two records. `from` is the upstream record (the one that caused the
 * other), `to` the downstream one; `at` is the UTC ISO instant of the hop and `actor` who made it
 * (a user id, `system`, or null when unknown).
 */
export interface LineageLink {
  readonly from: LineageRef;
  readonly to: LineageRef;
  readonly relation: string;
  readonly at: string;
  readonly actor: string | null;
}

/** A link provider: every link touching `ref`, upstream and downstream. Unknown refs yield []. */
export type LineageLinkProvider = (db: TenantDb, ref: LineageRef) => Promise<LineageLink[]>;
