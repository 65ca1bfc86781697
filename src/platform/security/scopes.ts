/**
 * OAuth scopes, one family per group of routes. API clients are granted scopes; console users get
 * them from their roles (roles.ts). Every protected route names exactly one scope it needs.
 */
export const SCOPES = {
  'companies:read': 'Read the company (tenant) record',
  'master-data:read': 'Read master data (departments, employees, suppliers, accounts, …)',
  'master-data:write': 'Create and change master data',
  'vouchers:read': 'Read and validate vouchers',
  'vouchers:write': 'Submit vouchers for posting',
  'claims:read': 'Read expense claims',
  'claims:write': 'Create and change expense claims, requests, advances and invoices',
  'approvals:write': 'Approve, reject and delegate approval tasks assigned to oneself',
  'budgets:read': 'Read budgets and budget execution',
  'budgets:write': 'Create and change budgets',
  'rules:admin': 'Change approval, audit and posting rules, external approvers and period closing',
  'connections:admin': 'Manage ERP connections and mapping profiles',
  'clients:admin': 'Manage API clients',
  'users:admin': 'Manage console users and their roles',
  'audit:read': 'Read and verify the audit log',
  'metrics:read': 'Read Prometheus metrics (when they are not public)',
} as const;

export type Scope = keyof typeof SCOPES;
export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];
export const isScope = (value: string): value is Scope => Object.hasOwn(SCOPES, value);
export const READ_SCOPES = ALL_SCOPES.filter((s) => s.endsWith(':read'));
