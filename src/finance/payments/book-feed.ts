import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { PayableKind } from './tables.ts';

/**
 * Payments as the bank book learns of them (src/finance/bank/book.ts): every transfer out of the
 * company's account — a batch line sent to the bank, or a claim or advance paid directly with …/pay —
 * and every transfer that came back (退票). Only what is not on the book yet: a line is booked once as
 * `expense` (out) and, when returned, once as `expense_return` (in), both keyed by the line's id.
 */
export interface PaymentMovement {
  readonly lineId: string;
  readonly direction: 'out' | 'in';
  /** The batch's account; null for a direct payment (booked on the currency's default account). */
  readonly accountCode: string | null;
  readonly payableKind: PayableKind;
  readonly payableNumber: string;
  readonly payableTitle: string;
  readonly payeeKind: 'employee' | 'supplier';
  readonly payeeCode: string;
  readonly payeeName: string | null;
  readonly payeeAccount: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly on: string;
  readonly reference: string | null;
  readonly returnReason: string | null;
  readonly at: string;
}

export async function unbookedPayments(tx: TenantDb, currency: string): Promise<PaymentMovement[]> {
  const notBooked = (source: 'expense' | 'expense_return') =>
    tx
      .selectFrom('payment_lines')
      .leftJoin('payment_batches', (j) =>
        j
          .onRef('payment_batches.id', '=', 'payment_lines.batch_id')
          .onRef('payment_batches.tenant_id', '=', 'payment_lines.tenant_id'),
      )
      .selectAll('payment_lines')
      .select('payment_batches.account_code')
      .where('payment_lines.currency', '=', currency)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('bank_book_entries')
              .select('bank_book_entries.id')
              .whereRef('bank_book_entries.tenant_id', '=', 'payment_lines.tenant_id')
              .whereRef('bank_book_entries.source_id', '=', 'payment_lines.id')
              .where('bank_book_entries.source', '=', source),
          ),
        ),
      );
  const out = await notBooked('expense')
    .where('payment_lines.status', 'in', ['sent', 'paid', 'returned'])
    .where('payment_lines.paid_on', 'is not', null)
    .orderBy('payment_lines.id')
    .execute();
  const back = await notBooked('expense_return')
    .where('payment_lines.status', '=', 'returned')
    .where('payment_lines.returned_on', 'is not', null)
    .orderBy('payment_lines.id')
    .execute();
  const movement = (l: (typeof out)[number], direction: 'out' | 'in'): PaymentMovement => ({
    lineId: l.id,
    direction,
    accountCode: l.account_code,
    payableKind: l.payable_kind,
    payableNumber: l.payable_number,
    payableTitle: l.payable_title,
    payeeKind: l.payee_kind,
    payeeCode: l.payee_code,
    payeeName: l.payee_name,
    payeeAccount: l.payee_account,
    amountMinor: l.amount_minor,
    currency: l.currency,
    on: (direction === 'out' ? l.paid_on : l.returned_on) ?? '',
    reference: l.reference ?? l.end_to_end_id,
    returnReason: l.return_reason,
    at: direction === 'out' ? l.created_at : l.updated_at,
  });
  return [...out.map((l) => movement(l, 'out')), ...back.map((l) => movement(l, 'in'))];
}
