import { ALL_SCOPES, READ_SCOPES, type Scope } from './scopes.ts';

/**
 * Console roles and what they may do, as scopes. Record-level limits (an employee sees only their own
 * claims, an approver what is routed to them) are applied by the finance services on top of these.
 */
export const ROLES = {
  employee: {
    zh: '员工',
    en: 'Employee',
    scopes: ['companies:read', 'master-data:read', 'claims:read', 'claims:write', 'approvals:write'],
  },
  approver: {
    zh: '审批人',
    en: 'Approver',
    scopes: [
      'companies:read',
      'master-data:read',
      'claims:read',
      'claims:write',
      'approvals:write',
      'budgets:read',
      // managers see their company's spend, budget execution and cost anomalies (issue #19)
      'analytics:read',
    ],
  },
  finance: {
    zh: '财务',
    en: 'Finance',
    scopes: [
      'companies:read',
      'master-data:read',
      'master-data:write',
      'vouchers:read',
      'vouchers:write',
      'claims:read',
      'claims:write',
      'approvals:write',
      'budgets:read',
      'budgets:write',
      // the cashier's side of finance: bank statements and their reconciliation (银行对账)
      'bank:read',
      'bank:write',
      // payment batches (付款): made by one finance user, approved by another (maker–checker)
      'payments:read',
      'payments:write',
      // spend analytics, budget execution and cost anomalies (issue #19)
      'analytics:read',
      // post-hoc audit of posted claims (事后审计): sampling, findings, rectification
      'post_audit:read',
      'post_audit:write',
      // the electronic accounting archive of closed periods (会计档案): build and verify
      'archive:read',
      'archive:write',
      // Hub ↔ ERP reconciliation (对账): run it, read it, repair what is safe to repair
      'reconciliations:read',
      'reconciliations:write',
      // finance owns the expense rules it audits by, and closes its accounting periods (结账)
      'rules:admin',
      // master-data governance: imports, golden records, and checking each other's changes (复核)
      'governance:read',
      'governance:write',
      'governance:approve',
    ],
  },
  admin: { zh: '管理员', en: 'Administrator', scopes: ALL_SCOPES },
  // auditors read everything; the one thing they write is their own post-hoc audit work (事后审计)
  auditor: { zh: '审计', en: 'Auditor', scopes: [...READ_SCOPES, 'post_audit:write'] },
  integration: { zh: '系统集成', en: 'Integration (API clients)', scopes: [] },
  // the installation's operators: companies (tenants) and the shared keys; usually held with `admin`
  operator: { zh: '平台运维', en: 'Installation operator', scopes: ['companies:read', 'platform:admin'] },
} as const satisfies Record<string, { zh: string; en: string; scopes: readonly Scope[] }>;

export type Role = keyof typeof ROLES;
export const ALL_ROLES = Object.keys(ROLES) as Role[];
export const isRole = (value: string): value is Role => Object.hasOwn(ROLES, value);

export function scopesOfRoles(roles: readonly Role[]): Set<Scope> {
  return new Set(roles.flatMap((r) => ROLES[r].scopes));
}
