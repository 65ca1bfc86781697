import type { Failure } from '../../model/result.ts';

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
  'bank:read': 'Read bank accounts, imported bank statements, matches and reconciliation statements',
  'bank:write': 'Import bank statements, record book entries, match and unmatch, manage bank accounts',
  'payments:read': 'Read payment batches, their transfers and the payables open for payment',
  'payments:write':
    'Make, approve (not one’s own), send and cancel payment batches; write bank payment files; record what the bank sends back',
  'post_audit:read': 'Read post-hoc audit (事后审计) sampling plans, runs, samples and findings',
  'post_audit:write':
    'Define sampling plans, run samples, record findings, request rectification and close findings',
  'analytics:read': 'Read spend analytics, budget execution and cost anomalies (and run an anomaly scan)',
  'archive:read': 'Read electronic accounting archive packages, their items, files and verification reports',
  'archive:write': 'Build the accounting archive of a closed period and verify archive packages',
  'reconciliations:read': 'Read Hub ↔ ERP reconciliation (对账) reports, their differences and workbooks',
  'reconciliations:write':
    'Run Hub ↔ ERP reconciliations and resolve their differences (re-post, mark deliberately deleted, acknowledge)',
  'rules:admin': 'Change approval, audit and posting rules, external approvers and period closing',
  'connections:admin': 'Manage ERP connections and mapping profiles',
  'clients:admin': 'Manage API clients',
  'users:admin': 'Manage console users and their roles',
  'audit:read': 'Read and verify the audit log',
  'metrics:read': 'Read Prometheus metrics (when they are not public)',
  'events:read': "Read the company's business event log (GET /api/v1/events)",
  'webhooks:admin': 'Manage webhook subscriptions, their secrets and deliveries',
  'governance:read': 'Read golden records, import batches, change requests and governance policies',
  'governance:write': 'Import master data, refresh, merge and split golden records, file change requests',
  'governance:approve':
    'Approve or reject change requests filed by someone else; set which changes need approval',
} as const;

/**
 * Installation-wide powers, held only by people (the `operator` role), never granted to an API client
 * and never part of a company's own administration: registering and editing companies (tenants) and
 * rotating the token-signing and master keys, which every company shares.
 */
export const PLATFORM_SCOPES = {
  'platform:admin': 'Register and edit companies (tenants); rotate the token-signing and master keys',
} as const;

export type ClientScope = keyof typeof SCOPES;
export type Scope = ClientScope | keyof typeof PLATFORM_SCOPES;
/** Every scope an API client may be granted (the platform scopes are not among them). */
export const ALL_SCOPES = Object.keys(SCOPES) as ClientScope[];
/** A scope an API client may hold. */
export const isScope = (value: string): value is ClientScope => Object.hasOwn(SCOPES, value);
export const READ_SCOPES = ALL_SCOPES.filter((s) => s.endsWith(':read'));

/**
 * Refuses a grant that hands on a power the granting caller lacks (e.g. a role carrying
 * platform:admin given by a company admin). `wanted` lists, per position of the request field, the
 * scopes that entry would give that need checking.
 */
export function grantWithin(
  held: ReadonlySet<Scope>,
  field: string,
  wanted: readonly (readonly Scope[])[],
): Failure[] {
  const failures: Failure[] = [];
  wanted.forEach((scopes, index) => {
    const missing = scopes.filter((s) => !held.has(s));
    if (missing.length > 0)
      failures.push({
        code: 'scope_not_held',
        pointer: `/${field}/${index}`,
        params: { scopes: missing.join(' ') },
      });
  });
  return failures;
}
