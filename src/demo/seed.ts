import type { Clock } from '../platform/clock.ts';
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

/**
 * Seeds (or re-applies) the demo company through the same services the API uses, so the demo data
 * passes every validation a user's data would. Running it twice changes nothing.
 */
export async function seedDemo(database: OpenDatabase, clock: Clock): Promise<SeedResult> {
  let company = await findCompany(database, DEMO_COMPANY.code);
  const created = company === undefined;
  if (company === undefined) {
    await registerCompany(database, clock, DEMO_COMPANY);
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
        const result = await bulkUpsert(tx, clock, resource, items, true);
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
