import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { postingTrails } from '../../hub/postings.ts';
import { yuanOf } from '../../model/money.ts';
import type { LineageRef } from './types.ts';
import { isExpenseType } from './expense-links.ts';

/**
 * What the lineage graph shows of a node: a short label (number, amount) when the record is one
 * finance keeps. `undefined` means the record does not exist; `null` that this module cannot tell
 * (types other modules own, e.g. payments and archive items — they exist when a link names them).
 */
export async function describeNode(db: TenantDb, ref: LineageRef): Promise<string | null | undefined> {
  if (isExpenseType(ref.type)) {
    const doc = await db
      .selectFrom('expense_documents')
      .select(['kind', 'number', 'title', 'total_minor', 'currency'])
      .where('id', '=', ref.id)
      .executeTakeFirst();
    if (doc === undefined || `expense_${doc.kind}` !== ref.type) return undefined;
    return `${doc.number} ${doc.title} ${yuanOf(doc.total_minor)} ${doc.currency}`;
  }
  switch (ref.type) {
    case 'invoice': {
      const inv = await db
        .selectFrom('invoices')
        .select(['number', 'seller_name', 'total_minor', 'currency'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      return inv === undefined
        ? undefined
        : `${inv.number} ${inv.seller_name} ${yuanOf(inv.total_minor)} ${inv.currency}`;
    }
    case 'supplier_bill': {
      const bill = await db
        .selectFrom('supplier_bills')
        .select(['number', 'supplier_code', 'supplier_name', 'total_minor', 'currency', 'status'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      return bill === undefined
        ? undefined
        : `${bill.number} ${bill.supplier_name ?? bill.supplier_code} ${yuanOf(bill.total_minor)} ${bill.currency} ${bill.status}`;
    }
    case 'approval_task': {
      const task = await db
        .selectFrom('approval_tasks')
        .select(['step_id', 'assignee_code', 'status'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      return task === undefined
        ? undefined
        : `${task.step_id} ${task.assignee_code ?? ''} ${task.status}`.replace(/  +/g, ' ');
    }
    case 'voucher': {
      const [p] = await postingTrails(db, { ids: [ref.id] });
      if (p?.kind !== 'voucher') return undefined;
      return `${p.reverses === null ? '' : '红冲 '}${p.erpNumber ?? p.documentId} ${p.status}`;
    }
    case 'bank_line': {
      const line = await db
        .selectFrom('bank_statement_lines')
        .select(['booked_on', 'direction', 'amount_minor', 'currency', 'counterparty_name'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      return line === undefined
        ? undefined
        : `${line.booked_on} ${line.direction === 'in' ? '+' : '-'}${yuanOf(line.amount_minor)} ${line.currency} ${line.counterparty_name ?? ''}`.trim();
    }
    case 'book_entry': {
      const entry = await db
        .selectFrom('bank_book_entries')
        .select(['booked_on', 'direction', 'amount_minor', 'currency', 'counterparty_name'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      return entry === undefined
        ? undefined
        : `${entry.booked_on} ${entry.direction === 'in' ? '+' : '-'}${yuanOf(entry.amount_minor)} ${entry.currency} ${entry.counterparty_name ?? ''}`.trim();
    }
    case 'bank_match': {
      const match = await db
        .selectFrom('bank_matches')
        .select(['kind', 'score'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      return match === undefined ? undefined : `${match.kind} ${match.score}`;
    }
    default:
      return null;
  }
}
