import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { ApprovalStep } from '../rules/rule-sets.ts';
import type { SkipReason } from './skips.ts';

/**
 * Who approves a step, from the org chart: the claimant's manager chain, the head of the document's
 * department (or of its parent when the claimant heads it), the top of the chain, everyone with a
 * console role, named employees, or an external system. The claimant never approves their own
 * document: they are left out, and a step left with no one is skipped.
 */
export type Resolution =
  | { readonly kind: 'people'; readonly codes: readonly string[] }
  | { readonly kind: 'external'; readonly approver: string }
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'none'; readonly reason: string };

interface OrgChart {
  managerOf(employee: string): Promise<string | null>;
  headOf(department: string): Promise<{ head: string | null; parent: string | null }>;
}

function orgChart(db: TenantDb): OrgChart {
  return {
    async managerOf(employee) {
      const row = await db
        .selectFrom('employees')
        .select(['manager_code'])
        .where('code', '=', employee)
        .executeTakeFirst();
      return row?.manager_code ?? null;
    },
    async headOf(department) {
      const row = await db
        .selectFrom('departments')
        .select(['manager_employee_code', 'parent_code'])
        .where('code', '=', department)
        .executeTakeFirst();
      return { head: row?.manager_employee_code ?? null, parent: row?.parent_code ?? null };
    },
  };
}

export async function resolveApprovers(
  db: TenantDb,
  step: ApprovalStep,
  claimant: string,
  departmentCode: string,
): Promise<Resolution> {
  const org = orgChart(db);
  const approvers = step.approvers;
  const people = (codes: readonly (string | null)[], emptyReason: string): Resolution => {
    const found = [...new Set(codes.filter((c): c is string => c !== null))];
    const others = found.filter((c) => c !== claimant);
    if (others.length > 0) return { kind: 'people', codes: others };
    return found.length > 0
      ? { kind: 'skip', reason: 'approver_is_submitter' }
      : { kind: 'none', reason: emptyReason };
  };
  switch (approvers.kind) {
    case 'manager': {
      let current: string | null = claimant;
      for (let level = 0; level < (approvers.levels ?? 1) && current !== null; level++)
        current = await org.managerOf(current);
      return current === null
        ? { kind: 'skip', reason: 'no_manager_above' }
        : people([current], 'no manager');
    }
    case 'top_manager': {
      let current = claimant;
      for (let hops = 0; hops < 50; hops++) {
        const up = await org.managerOf(current);
        if (up === null) break;
        current = up;
      }
      return people([current], 'no top manager');
    }
    case 'department_head': {
      let department: string | null = departmentCode;
      for (let hops = 0; hops < 20 && department !== null; hops++) {
        const { head, parent }: { head: string | null; parent: string | null } = await org.headOf(department);
        if (head !== null && head !== claimant) return { kind: 'people', codes: [head] };
        department = parent;
      }
      return { kind: 'skip', reason: 'submitter_heads_department' };
    }
    case 'role': {
      const users = await db
        .selectFrom('users')
        .select(['employee_code', 'roles'])
        .where('status', '=', 'active')
        .where('employee_code', 'is not', null)
        .execute();
      const holders = users
        .filter((u) => u.roles.split(' ').includes(approvers.role))
        .map((u) => u.employee_code);
      return people(holders, `no active user with role ${approvers.role} is linked to an employee`);
    }
    case 'employees': {
      const rows = await db
        .selectFrom('employees')
        .select(['code'])
        .where('code', 'in', approvers.codes)
        .where('status', '=', 'active')
        .execute();
      return people(
        rows.map((r) => r.code),
        `none of ${approvers.codes.join(', ')} is an active employee`,
      );
    }
    case 'external': {
      const row = await db
        .selectFrom('external_approvers')
        .select(['code'])
        .where('code', '=', approvers.approver)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return row === undefined
        ? { kind: 'none', reason: `external approver ${approvers.approver} is not configured` }
        : { kind: 'external', approver: row.code };
    }
  }
}

/** The delegate standing in for an approver today, if a delegation covers the date. */
export async function delegateOf(db: TenantDb, approver: string, today: string): Promise<string | null> {
  const row = await db
    .selectFrom('delegations')
    .select(['delegate_code'])
    .where('delegator_code', '=', approver)
    .where('from_on', '<=', today)
    .where('to_on', '>=', today)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.delegate_code ?? null;
}
