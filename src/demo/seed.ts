import { randomBytes } from 'node:crypto';
import type { AuditContext, Writer } from '../platform/audit/audit-log.ts';
import { createClient, rotateClientSecret } from '../platform/security/clients.ts';
import { createUser, setPassword } from '../platform/security/users.ts';
import { findCompany, type CompanyRecord } from '../platform/store/companies.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import { newId } from '../platform/store/ids.ts';
import { tenantDb } from '../platform/store/tenant-scope.ts';
import { registerCompany } from '../governance/companies.ts';
import { resourceByPath } from '../governance/master-data/resources.ts';
import { bulkUpsert } from '../governance/master-data/service.ts';
import { DomainError } from '../model/result.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_BUDGETS,
  DEMO_COMPANY,
  DEMO_COST_CENTERS,
  DEMO_CURRENCIES,
  DEMO_CUSTOMERS,
  DEMO_DEPARTMENTS,
  DEMO_EMPLOYEES,
  DEMO_EXPENSE_CATEGORIES,
  DEMO_PROJECTS,
  DEMO_SUPPLIERS,
  demoExchangeRates,
} from './demo-company.ts';

export interface SeedResult {
  readonly company: CompanyRecord;
  /** False when the demo company already existed (its data was re-applied idempotently). */
  readonly created: boolean;
  readonly counts: Readonly<Record<string, number>>;
}

export interface DemoCredentials {
  readonly users: readonly { username: string; password: string; roles: readonly string[]; name: string }[];
  readonly client: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly scopes: readonly string[];
  };
}

/**
 * Seeds (or re-applies) the demo company through the same services the API uses, so the demo data
 * passes every validation a user's data would. Running it twice changes nothing.
 */
export async function seedDemo(database: OpenDatabase, audit: AuditContext): Promise<SeedResult> {
  const clock = audit.clock;
  const writer: Writer = { actor: 'system:demo', audit };
  let company = await findCompany(database, DEMO_COMPANY.code);
  const created = company === undefined;
  if (company === undefined) {
    await registerCompany(database, writer, DEMO_COMPANY);
    company = await findCompany(database, DEMO_COMPANY.code);
    if (company === undefined) throw new Error('demo company vanished after creation');
  }
  const db = tenantDb(database.db, company.id);
  const today = clock.now().toISOString().slice(0, 10);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const withoutManagers = DEMO_DEPARTMENTS.map(({ managerEmployeeCode: _manager, ...rest }) => rest);
  const steps: [string, Record<string, unknown>[]][] = [
    ['currencies', DEMO_CURRENCIES],
    ['exchange-rates', demoExchangeRates(firstOfMonth)],
    ['accounts', DEMO_ACCOUNTS],
    ['cost-centers', DEMO_COST_CENTERS],
    ['departments', created ? withoutManagers : DEMO_DEPARTMENTS],
    ['employees', DEMO_EMPLOYEES],
    ['departments', DEMO_DEPARTMENTS],
    ['expense-categories', DEMO_EXPENSE_CATEGORIES],
    ['suppliers', DEMO_SUPPLIERS],
    ['customers', DEMO_CUSTOMERS],
    ['projects', DEMO_PROJECTS],
  ];
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const [path, items] of steps) {
      const resource = resourceByPath(path);
      if (resource === undefined) throw new Error(`unknown resource ${path}`);
      try {
        const result = await bulkUpsert(tx, writer, resource, items, true);
        counts[path] = result.items.length;
      } catch (error) {
        if (error instanceof DomainError)
          throw new Error(`demo ${path} refused: ${JSON.stringify(error.extensions)}`, { cause: error });
        throw error;
      }
    }
    const period = today.slice(0, 7);
    const now = clock.now().toISOString();
    await tx
      .insertInto(
        'budgets',
        DEMO_BUDGETS.map((b) => ({
          id: newId(),
          department_code: b.department,
          category_code: b.category,
          period,
          project_code: '',
          amount_minor: BigInt(b.yuan) * 100n,
          currency: 'CNY',
          control: b.control,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'department_code', 'category_code', 'period', 'project_code']).doNothing(),
      )
      .execute();
    counts['budgets'] = DEMO_BUDGETS.length;
  });
  return { company, created, counts };
}

/** Demo sign-ins, one per role, tied to demo employees where that makes sense. */
const DEMO_USERS = [
  // the demo's administrator also operates the installation (companies, keys)
  { username: 'admin', name: '系统管理员', roles: ['admin', 'operator'], employeeCode: undefined },
  { username: 'li.min', name: '李敏（财务经理）', roles: ['finance', 'approver'], employeeCode: 'E002' },
  { username: 'zhao.jing', name: '赵静（会计）', roles: ['finance'], employeeCode: 'E003' },
  {
    username: 'chen.wei',
    name: '陈伟（华东销售经理）',
    roles: ['approver', 'employee'],
    employeeCode: 'E010',
  },
  { username: 'zhang.san', name: '张三（销售）', roles: ['employee'], employeeCode: 'E011' },
  { username: 'auditor', name: '审计员', roles: ['auditor'], employeeCode: undefined },
] as const;

export const DEMO_CLIENT_NAME = 'Demo integration';
const DEMO_CLIENT_SCOPES = [
  'companies:read',
  'master-data:read',
  'master-data:write',
  'vouchers:read',
  'vouchers:write',
  'claims:read',
  'claims:write',
  'budgets:read',
];

/**
 * Fresh demo credentials for this start: the demo users get new random passwords and the demo API
 * client a new secret, printed once by `finbridge serve --demo` (only hashes are stored).
 */
export async function issueDemoCredentials(
  database: OpenDatabase,
  audit: AuditContext,
  company: CompanyRecord,
): Promise<DemoCredentials> {
  const db = tenantDb(database.db, company.id);
  const actor = 'system:demo';
  const users: DemoCredentials['users'][number][] = [];
  for (const u of DEMO_USERS) {
    const password = `demo-${randomBytes(6).toString('base64url')}`;
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', u.username)
      .executeTakeFirst();
    if (exists === undefined) {
      await createUser(db, audit, {
        username: u.username,
        displayName: u.name,
        roles: u.roles,
        password,
        ...(u.employeeCode === undefined ? {} : { employeeCode: u.employeeCode }),
        actor,
      });
    } else {
      await setPassword(db, audit, u.username, password, actor);
    }
    users.push({ username: u.username, password, roles: u.roles, name: u.name });
  }
  const existing = await db
    .selectFrom('api_clients')
    .select(['id', 'client_id'])
    .where('name', '=', DEMO_CLIENT_NAME)
    .executeTakeFirst();
  if (existing === undefined) {
    const { client, clientSecret } = await createClient(db, audit, {
      name: DEMO_CLIENT_NAME,
      scopes: DEMO_CLIENT_SCOPES,
      actor,
    });
    return { users, client: { clientId: client.clientId, clientSecret, scopes: DEMO_CLIENT_SCOPES } };
  }
  const clientSecret = await rotateClientSecret(db, audit, existing.id, actor);
  return { users, client: { clientId: existing.client_id, clientSecret, scopes: DEMO_CLIENT_SCOPES } };
}
