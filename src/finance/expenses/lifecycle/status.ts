import type { Updateable } from 'kysely';
import type { ExpenseDocumentsTable, ExpenseStatus } from '../../tables.ts';
import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import { DomainError } from '../../../model/result.ts';
import { releaseBudget } from '../../budgets/budgets.ts';
import { publishStatusChange } from './events.ts';
import type { getLines } from '../expense-documents.ts';
import {
  getRow,
  recordTransition,
  unlinkInvoices,
  type DocumentRow,
  type NormalLine,
} from '../expense-documents.ts';

/**
 * The lifecycle every expense document follows after it is drafted, one stage per file: submit.ts (period,
 * audit rules, budget, advance offsets, approval routing), approve.ts (decisions; the voucher goes to the
 * hub in the approving transaction), outcomes.ts (what the hub tells back: the ERP's voucher number, a
 * refusal, a reversal), pay.ts, reverse.ts (红冲 and 更正). Each step is one transaction: it happens
 * completely or not at all. This file: the document's status changes (each recorded on its timeline) and
 * what a document gives back when it leaves the live states: shared by every stage of the lifecycle.
 */
export const LIVE: readonly ExpenseStatus[] = ['submitted', 'approving', 'approved', 'posted', 'paid'];

export async function setStatus(
  tx: TenantDb,
  row: DocumentRow,
  to: ExpenseStatus,
  actor: string,
  at: string,
  extra: Updateable<ExpenseDocumentsTable> = {},
  comment?: string | null,
): Promise<DocumentRow> {
  const updated = await tx
    .updateTable('expense_documents')
    .set({ ...extra, status: to, version: row.version + 1, updated_at: at })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new DomainError('version_conflict', { version: row.version });
  await recordTransition(tx, row.id, { at, actor, from: row.status, to, comment: comment ?? null });
  const current = await getRow(tx, row.id);
  await publishStatusChange(tx, current, row.status, { actor, at, comment: comment ?? null });
  return current;
}

export async function releaseAdvanceOffsets(tx: TenantDb, claimId: string): Promise<void> {
  const offsets = await tx
    .selectFrom('advance_offsets')
    .selectAll()
    .where('claim_id', '=', claimId)
    .execute();
  for (const o of offsets)
    await tx
      .updateTable('expense_documents')
      .set((eb) => ({ offset_minor: eb('offset_minor', '-', o.amount_minor) }))
      .where('id', '=', o.advance_id)
      .execute();
  await tx.deleteFrom('advance_offsets').where('claim_id', '=', claimId).execute();
}

/** Everything a document holds is given back: budget, invoices, advance offsets. */
export async function releaseAll(tx: TenantDb, id: string, at: string): Promise<void> {
  await releaseBudget(tx, id);
  await unlinkInvoices(tx, id, at);
  await releaseAdvanceOffsets(tx, id);
}

export const toNormalLines = (lines: Awaited<ReturnType<typeof getLines>>): NormalLine[] =>
  lines.map((l) => {
    const { invoiceIds, ...extra } = JSON.parse(l.data_json) as { invoiceIds?: string[] } & Record<
      string,
      unknown
    >;
    return {
      lineNo: l.line_no,
      categoryCode: l.category_code,
      description: l.description,
      occurredOn: l.occurred_on,
      amountMinor: l.amount_minor,
      departmentCode: l.department_code,
      projectCode: l.project_code,
      invoiceIds: invoiceIds ?? [],
      extra,
    };
  });

export const supplierOf = (row: DocumentRow): { supplierCode?: string } => {
  const code = (JSON.parse(row.data_json) as { supplierCode?: string }).supplierCode;
  return code === undefined ? {} : { supplierCode: code };
};
