import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { LineRow } from './batches.ts';

/**
 * Lineage hops of payments (wired by src/finance/lineage/): a payment line (`payment`, its id) pays a
 * claim, advance or supplier bill (`supplier_bill`, the bill's id); its payment voucher and, when the transfer came back, the red reversal are hub
 * postings (`voucher`, the posting id); it is on the bank book (`book_entry`) and confirmed by a bank
 * statement line (`bank_line`). Given any of these nodes, every hop that touches it.
 */
export interface PaymentRef {
  readonly type: string;
  readonly id: string;
}
export interface PaymentLink {
  readonly from: PaymentRef;
  readonly to: PaymentRef;
  readonly relation: string;
  readonly at: string;
  readonly actor: string | null;
}

const PAYABLE_TYPES = {
  claim: 'expense_claim',
  advance: 'expense_advance',
  supplier_bill: 'supplier_bill',
} as const satisfies Record<LineRow['payable_kind'], string>;
const payableType = (kind: LineRow['payable_kind']) => PAYABLE_TYPES[kind];

async function linksOfLines(db: TenantDb, lines: readonly LineRow[]): Promise<PaymentLink[]> {
  if (lines.length === 0) return [];
  const entries = await db
    .selectFrom('bank_book_entries')
    .select(['id', 'source', 'source_id', 'created_by', 'created_at'])
    .where('source', 'in', ['expense', 'expense_return'])
    .where(
      'source_id',
      'in',
      lines.map((l) => l.id),
    )
    .orderBy('id')
    .execute();
  return lines.flatMap((l) => {
    const payment = { type: 'payment', id: l.id };
    const links: PaymentLink[] = [
      {
        from: { type: payableType(l.payable_kind), id: l.payable_id },
        to: payment,
        relation: 'paid_by',
        at: l.created_at,
        actor: l.created_by,
      },
    ];
    if (l.posting_id !== null)
      links.push({
        from: payment,
        to: { type: 'voucher', id: l.posting_id },
        relation: 'posted_as',
        at: l.paid_on === null ? l.created_at : `${l.paid_on}T00:00:00.000Z`,
        actor: 'system',
      });
    if (l.reversal_posting_id !== null)
      links.push({
        from: payment,
        to: { type: 'voucher', id: l.reversal_posting_id },
        relation: 'reversed_as',
        at: l.returned_on === null ? l.updated_at : `${l.returned_on}T00:00:00.000Z`,
        actor: 'system',
      });
    for (const e of entries.filter((x) => x.source_id === l.id))
      links.push({
        from: payment,
        to: { type: 'book_entry', id: e.id },
        relation: e.source === 'expense' ? 'booked_as' : 'returned_as',
        at: e.created_at,
        actor: e.created_by,
      });
    if (l.statement_line_id !== null)
      links.push({
        from: payment,
        to: { type: 'bank_line', id: l.statement_line_id },
        relation: 'confirmed_by',
        at: l.updated_at,
        actor: 'system',
      });
    return links;
  });
}

export async function paymentLinks(db: TenantDb, ref: PaymentRef): Promise<PaymentLink[]> {
  const lines = db.selectFrom('payment_lines').selectAll().where('status', '!=', 'cancelled');
  switch (ref.type) {
    case 'payment':
      return linksOfLines(db, await lines.where('id', '=', ref.id).execute());
    case 'expense_claim':
    case 'expense_advance':
    case 'supplier_bill':
      return linksOfLines(db, await lines.where('payable_id', '=', ref.id).orderBy('created_at').execute());
    case 'voucher':
      return linksOfLines(
        db,
        await lines
          .where((eb) => eb.or([eb('posting_id', '=', ref.id), eb('reversal_posting_id', '=', ref.id)]))
          .execute(),
      );
    case 'bank_line':
      return linksOfLines(db, await lines.where('statement_line_id', '=', ref.id).execute());
    case 'book_entry': {
      const entry = await db
        .selectFrom('bank_book_entries')
        .select(['source', 'source_id'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      if (entry === undefined || (entry.source !== 'expense' && entry.source !== 'expense_return')) return [];
      return linksOfLines(db, await lines.where('id', '=', entry.source_id).execute());
    }
    default:
      return [];
  }
}
