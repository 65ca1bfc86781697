import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import { resourceByPath } from '../src/governance/master-data/resources.ts';
import { toRowContent } from '../src/governance/master-data/records.ts';
import { bulkUpsert, createRecord, onRecordsWritten } from '../src/governance/master-data/service.ts';
import { installDataQuality } from '../src/governance/quality/install.ts';
import { listIssues } from '../src/governance/quality/service.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import type { OpenDatabase } from '../src/platform/store/database.ts';
import { migrateTo, migrateToLatest } from '../src/platform/store/migrate.ts';
import { MIGRATIONS } from '../src/platform/store/migrations/index.ts';
import { executorOf, tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';

/**
 * The duplicate index of data quality (migration 2026-12-04T1300-duplicate-values), on both engines:
 * the migration fills it from the master data already there — each enabled `duplicate` rule's
 * normalised values, every value of a many-valued field, a field kept in a column of another name
 * (an account's `type` in `kind`), nothing for a disabled rule — and a write
 * after it finds its duplicates among those records by the index alone, with no sweep in between.
 */

const MIGRATION = '2026-12-04T1300-duplicate-values';
const names = Object.keys(MIGRATIONS);
const BEFORE = names[names.indexOf(MIGRATION) - 1] ?? '';
const clock = fixedClock('2026-12-04T13:00:00.000Z');
const writer = { actor: 'system:test', audit: { key: Buffer.alloc(32, 9), clock } };
const suppliers = resourceByPath('suppliers');
const accounts = resourceByPath('accounts');
if (suppliers === undefined || accounts === undefined) throw new Error('no suppliers or accounts resource');
const taxId = syntheticUscc('310115', 'MA1DUP01');
const account = (accountNumber: string) => ({ bankName: '招商银行', accountNumber, primary: false });

for (const engine of ENGINES) {
  describe(`the duplicate index on ${engine.engine}`, () => {
    let database: OpenDatabase;
    let db: TenantDb;
    const rules = { taxId: 'r-tax', name: 'r-name', account: 'r-account', type: 'r-type' };

    before(async () => {
      database = await engine.open();
      await migrateTo(database, BEFORE);
      const company = await createCompany(database, clock, {
        code: 'DUP',
        name: '重复测试有限公司',
        taxId: '91110108123456788E',
        baseCurrency: 'CNY',
      });
      db = tenantDb(database.db, company.id);
      const now = clock.now().toISOString();
      const rule = (id: string, field: string, enabled: number, entity = 'supplier') => ({
        id,
        entity,
        kind: 'duplicate',
        field,
        params_json: '{}',
        severity: 'error' as const,
        enabled,
        updated_by: 'system:test',
        created_at: now,
        updated_at: now,
      });
      await db
        .insertInto('quality_rules', [
          rule(rules.taxId, 'taxId', 1),
          rule(rules.name, 'name', 0),
          rule(rules.account, 'bankAccounts.*.accountNumber', 1),
          // an account's `type` is kept in the column `kind`: the backfill reads it as the field
          rule(rules.type, 'type', 1, 'account'),
        ])
        .execute();
      // rows written before this migration (with no data-quality listener: raw rows, as a restore writes them)
      const items = [
        { code: 'D1', name: '甲', taxId, bankAccounts: [account('6225-8800 0000 1111')] },
        {
          code: 'D2',
          name: '乙',
          taxId: syntheticUscc('310115', 'MA1DUP02'),
          bankAccounts: [account('6225880000001111'), account('6225880000002222')],
        },
        { code: 'D3', name: '丙', taxId: syntheticUscc('310115', 'MA1DUP03'), bankAccounts: [] },
      ];
      await db
        .insertInto(
          suppliers.table,
          items.map((item, n) => {
            const content = toRowContent(suppliers, item);
            return {
              id: `00000000-0000-4000-8000-00000000000${n}`,
              code: content.code,
              name: content.name,
              status: content.status,
              attributes_json: content.attributes_json,
              ...content.promoted,
              version: 1,
              created_at: now,
              updated_at: now,
            };
          }),
        )
        .execute();
      await db
        .insertInto(
          accounts.table,
          [
            { code: '6601', name: '销售费用', type: 'expense', balanceDirection: 'debit' },
            { code: '6602', name: '管理费用', type: 'expense', balanceDirection: 'debit' },
          ].map((item, n) => {
            const content = toRowContent(accounts, item);
            return {
              id: `00000000-0000-4000-8000-00000000010${n}`,
              code: content.code,
              name: content.name,
              status: content.status,
              attributes_json: content.attributes_json,
              ...content.promoted,
              version: 1,
              created_at: now,
              updated_at: now,
            };
          }),
        )
        .execute();
    });
    after(async () => {
      await database.close();
    });

    const indexed = async () =>
      (
        await db
          .selectFrom('quality_duplicate_values')
          .select(['rule_id', 'record_key', 'normalised', 'value'])
          .execute()
      )
        .map((r) => `${r.rule_id} ${r.record_key} ${r.normalised} ${r.value}`)
        .sort();

    it('is filled by the migration from the records already there, for enabled rules only', async () => {
      await migrateToLatest(database);
      assert.deepEqual(await indexed(), [
        'r-account D1 6225880000001111 6225-8800 0000 1111',
        'r-account D2 6225880000001111 6225880000001111',
        'r-account D2 6225880000002222 6225880000002222',
        `r-tax D1 ${taxId} ${taxId}`,
        `r-tax D2 ${syntheticUscc('310115', 'MA1DUP02')} ${syntheticUscc('310115', 'MA1DUP02')}`,
        `r-tax D3 ${syntheticUscc('310115', 'MA1DUP03')} ${syntheticUscc('310115', 'MA1DUP03')}`,
        'r-type 6601 EXPENSE expense',
        'r-type 6602 EXPENSE expense',
      ]);
      await migrateToLatest(database);
      assert.equal((await indexed()).length, 8, 'migrating again changes nothing');
    });

    it('lets a later write find its duplicates among the backfilled records without a sweep', async () => {
      installDataQuality();
      await createRecord(db, writer, suppliers, {
        code: 'D4',
        name: '丁',
        taxId,
        bankAccounts: [account('6225 8800 0000 2222')],
      });
      const open = await listIssues(db, { status: 'open', kind: 'duplicate', limit: 50, offset: 0 });
      assert.deepEqual(open.items.map((i) => `${i.ruleId} ${i.record}`).sort(), [
        'r-account D2',
        'r-account D4',
        'r-tax D1',
        'r-tax D4',
      ]);
      const d1 = open.items.find((i) => i.ruleId === rules.taxId && i.record === 'D1');
      assert.equal(d1?.message, `taxId ${taxId} is also on D4`);
    });

    it('evaluates a 1,200-row bulk write through the index, planning its reads with the rows it wrote', async () => {
      // inside the writing transaction, once the rows are in: what the planner knows of the table —
      // PostgreSQL's row count (refreshed by the bulk write; else the count of the table before it),
      // SQLite's plan for a read of 500 of them (from the seeded statistics)
      const seen: string[] = [];
      let watching = true;
      onRecordsWritten(async (tx, resource, codes) => {
        if (!watching || resource.path !== 'suppliers') return;
        const part = codes.slice(0, 500);
        const store = executorOf(tx);
        if (engine.engine === 'sqlite') {
          const query = sql`select * from suppliers where tenant_id = ${tx.tenantId} and code in (${sql.join(part)})`;
          const plan = await sql<{ detail: string }>`explain query plan ${query}`.execute(store);
          seen.push(plan.rows.map((r) => r.detail).join('; '));
        } else {
          const count = await sql<{ n: number }>`select reltuples::int as n from pg_class
            where relname = 'suppliers' and relnamespace = current_schema()::regnamespace`.execute(store);
          seen.push(`${count.rows[0]?.n ?? 0} rows`);
        }
      });
      const items = Array.from({ length: 1_200 }, (_, i) => {
        const n = i + 1;
        const code = `B${String(n).padStart(4, '0')}`;
        return {
          code,
          name: `批量供应商${n}`,
          // the last one has D1's tax id; B0001 and B0700 (in different chunks of the write) one account
          taxId: n === 1_200 ? taxId : syntheticUscc('310115', `MB${String(n).padStart(6, '0')}`),
          bankAccounts: [account(n === 700 ? '6225 8800 0010 001' : `6225880000${String(10_000 + n)}`)],
        };
      });
      try {
        const result = await bulkUpsert(db, writer, suppliers, items, true);
        assert.equal(result.created, 1_200);
      } finally {
        watching = false;
      }
      assert.equal(seen.length, 1);
      if (engine.engine === 'sqlite')
        assert.match(seen[0] ?? '', /USING INDEX \S+ \(tenant_id=\? AND code=\?\)/);
      else assert.ok(Number.parseInt(seen[0] ?? '') >= 1_203, seen[0]);
      const open = await listIssues(db, { status: 'open', kind: 'duplicate', limit: 50, offset: 0 });
      assert.deepEqual(open.items.map((i) => `${i.ruleId} ${i.record}`).sort(), [
        'r-account B0001',
        'r-account B0700',
        'r-account D2',
        'r-account D4',
        'r-tax B1200',
        'r-tax D1',
        'r-tax D4',
      ]);
      const d1 = open.items.find((i) => i.ruleId === rules.taxId && i.record === 'D1');
      assert.equal(d1?.message, `taxId ${taxId} is also on B1200, D4`);
    });
  });
}
