import type { TSchema } from 'typebox';
import { type ExpenseContext } from '../../../finance/expenses/expense-documents.ts';
import { DomainError } from '../../../model/result.ts';
import { ENTITIES } from '../../../model/schemas.ts';
import type { ExpenseKind } from '../../../finance/tables.ts';
import { type TenantContext } from '../../tenant.ts';

/** What the expense route modules share: the caller as an expense actor, the document kinds. (Response shapes: schemas.ts.) */
export function expenseContext(tenant: TenantContext): ExpenseContext {
  const p = tenant.principal;
  return {
    db: tenant.db,
    writer: tenant.writer,
    company: tenant.company,
    actorCode: p.kind === 'user' ? p.employeeCode : null,
    privileged: p.kind === 'client' || p.roles.includes('finance') || p.roles.includes('admin'),
  };
}

/** Invoices registered by a signed-in employee are theirs (`mine=true` lists them). */
export const invoiceOwner = (tenant: TenantContext): { ownerEmployeeCode?: string } =>
  tenant.principal.kind === 'user' && tenant.principal.employeeCode !== null
    ? { ownerEmployeeCode: tenant.principal.employeeCode }
    : {};

export function employeeOf(tenant: TenantContext, zh: string, en: string): string {
  const p = tenant.principal;
  if (p.kind !== 'user' || p.employeeCode === null)
    throw new DomainError('not_an_employee', { actionZh: zh, actionEn: en });
  return p.employeeCode;
}

export const KINDS: readonly { kind: ExpenseKind; path: string; entity: TSchema; zh: string; en: string }[] =
  [
    {
      kind: 'claim',
      path: 'expense-claims',
      entity: ENTITIES.ExpenseClaim.input,
      zh: '报销单',
      en: 'expense claim',
    },
    {
      kind: 'request',
      path: 'expense-requests',
      entity: ENTITIES.ExpenseRequest.input,
      zh: '申请单',
      en: 'expense request',
    },
    { kind: 'advance', path: 'advances', entity: ENTITIES.Advance.input, zh: '借款单', en: 'advance' },
  ];
