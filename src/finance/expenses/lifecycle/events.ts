import { exponentOf, isCurrencyCode, type CurrencyCode } from '../../../model/currencies.ts';
import type { EventType } from '../../../model/events.ts';
import { formatMinor } from '../../../model/money.ts';
import { appendEvents } from '../../../platform/events/log.ts';
import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import type { ExpenseStatus } from '../../tables.ts';
import type { DocumentRow } from '../expense-documents.ts';

/**
 * The events an expense document's status changes publish (src/model/events.ts), appended by
 * `setStatus` in the transaction that makes the change. `approving` is a step inside the approval and
 * publishes nothing of its own.
 */
const EVENT_OF: Partial<Record<ExpenseStatus, EventType & `expense.${string}`>> = {
  submitted: 'expense.submitted',
  approved: 'expense.approved',
  rejected: 'expense.rejected',
  withdrawn: 'expense.withdrawn',
  posted: 'expense.posted',
  paid: 'expense.paid',
  reversed: 'expense.reversed',
};

export async function publishStatusChange(
  tx: TenantDb,
  row: DocumentRow,
  from: ExpenseStatus,
  change: { readonly actor: string; readonly at: string; readonly comment: string | null },
): Promise<void> {
  const type = EVENT_OF[row.status];
  if (type === undefined) return;
  // the document's currency was checked when it was drafted
  const currency = row.currency as CurrencyCode;
  const digits = isCurrencyCode(row.currency) ? exponentOf(currency) : 2;
  await appendEvents(tx, [
    {
      type,
      subjectId: row.id,
      occurredAt: change.at,
      data: {
        id: row.id,
        kind: row.kind,
        number: row.number,
        status: row.status,
        previousStatus: from,
        employeeCode: row.employee_code,
        departmentCode: row.department_code,
        total: { amount: formatMinor(row.total_minor, digits), currency },
        actor: change.actor,
        comment: change.comment,
        erpVoucherNumber: row.erp_voucher_number,
      },
    },
  ]);
}
