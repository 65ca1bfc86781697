import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { fixedClock } from '../src/platform/clock.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { validateUscc } from '../src/standards/cn/uscc.ts';

for (const engine of ENGINES) {
  describe(`demo company on ${engine.engine}`, () => {
    let database: OpenDatabase;
    const clock = fixedClock('2026-11-28T08:00:00Z');
    const audit = { key: Buffer.alloc(32, 9), clock };
    before(async () => {
      database = await engine.open();
      await migrateToLatest(database);
    });
    after(async () => database.close());

    it('seeds an org chart, staff, suppliers with valid credit codes, a chart of accounts and budgets', async () => {
      const result = await seedDemo(database, audit);
      assert.equal(result.created, true);
      const db = tenantDb(database.db, result.company.id);
      const employees = await db.selectFrom('employees').select(['code', 'manager_code']).execute();
      assert.equal(employees.length, 20);
      assert.equal(employees.filter((e) => e.manager_code === null).length, 1, 'one head of the org chart');
      const suppliers = await db.selectFrom('suppliers').select('tax_id').execute();
      assert.ok(suppliers.length >= 5 && suppliers.every((s) => validateUscc(s.tax_id ?? '').valid));
      const accounts = await db.selectFrom('accounts').select('code').execute();
      assert.ok(['1002', '22210101', '224101', '660202'].every((c) => accounts.some((a) => a.code === c)));
      const departments = await db
        .selectFrom('departments')
        .select(['code', 'manager_employee_code'])
        .execute();
      assert.ok(
        departments.every((d) => d.manager_employee_code !== null),
        'every department has a manager',
      );
      const budgets = await db.selectFrom('budgets').select(['period', 'amount_minor']).execute();
      assert.ok(
        budgets.length > 0 &&
          budgets.every((b) => b.period === '2026-11' && typeof b.amount_minor === 'bigint'),
      );
    });

    it('changes nothing when seeded again', async () => {
      const before = await snapshot(database);
      const again = await seedDemo(database, audit);
      assert.equal(again.created, false);
      assert.deepEqual(await snapshot(database), before);
    });
  });
}

async function snapshot(database: OpenDatabase) {
  const company = await database.db.selectFrom('companies').select('id').executeTakeFirstOrThrow();
  const db = tenantDb(database.db, company.id);
  const tables = [
    'departments',
    'employees',
    'suppliers',
    'accounts',
    'expense_categories',
    'projects',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables)
    out[table] = await db
      .selectFrom(table)
      .select(['code', 'version', 'updated_at'])
      .orderBy('code')
      .execute();
  out['budgets'] = await db
    .selectFrom('budgets')
    .select(['department_code', 'category_code', 'version'])
    .orderBy('id')
    .execute();
  return out;
}
