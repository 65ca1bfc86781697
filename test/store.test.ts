import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { ENGINES } from './support/engines.ts';
import { openDatabase, type OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest, pendingMigrations } from '../src/platform/store/migrate.ts';
import { TenantRequiredError, tenantDb } from '../src/platform/store/tenant-scope.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { fixedClock } from '../src/platform/clock.ts';

async function schemaFingerprint(database: OpenDatabase): Promise<string> {
  if (database.engine === 'sqlite') {
    const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
      select type, name, sql from sqlite_master order by type, name`.execute(database.db);
    const migrations = await sql`select count(*) as n from schema_migrations`.execute(database.db);
    return JSON.stringify({ rows, migrations: migrations.rows });
  }
  const columns = await sql`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
    where table_schema = current_schema() order by table_name, column_name`.execute(database.db);
  const indexes =
    await sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() order by indexname`.execute(
      database.db,
    );
  const constraints = await sql`
    select conname, pg_get_constraintdef(oid) as def from pg_constraint
    where connamespace = current_schema()::regnamespace order by conname`.execute(database.db);
  const migrations = await sql`select count(*) as n from schema_migrations`.execute(database.db);
  return JSON.stringify({
    columns: columns.rows,
    indexes: indexes.rows,
    constraints: constraints.rows,
    migrations: migrations.rows,
  });
}

const clock = fixedClock('2026-11-28T08:00:00Z');

for (const engine of ENGINES) {
  describe(`store on ${engine.engine}`, () => {
    let database: OpenDatabase;
    before(async () => {
      database = await engine.open();
    });
    after(async () => database.close());

    it('migrates an empty database, and migrating twice changes nothing', async () => {
      assert.ok((await pendingMigrations(database)).length > 0);
      const first = await migrateToLatest(database);
      assert.ok(first.length > 0 && first.every((r) => r.status === 'Success'));
      const before = await schemaFingerprint(database);
      const second = await migrateToLatest(database);
      assert.equal(second.length, 0);
      assert.equal(await schemaFingerprint(database), before);
      assert.deepEqual(await pendingMigrations(database), []);
    });

    it('tells pending migrations from its own schema while other schemas are created and dropped', async () => {
      await migrateToLatest(database);
      // other installations (or test runs) in the same database come and go meanwhile
      const churning = { on: true };
      const churn = (async () => {
        for (let i = 0; churning.on; i++) {
          const other = engine.engine === 'postgres' ? `churn_${process.pid}_${i}` : `churn_${i}`;
          if (engine.engine === 'postgres') {
            await sql.raw(`create schema ${other}`).execute(database.db);
            await sql.raw(`create table ${other}.t (id serial primary key, a text)`).execute(database.db);
            await sql.raw(`drop schema ${other} cascade`).execute(database.db);
          } else {
            await sql.raw(`create table ${other} (a text)`).execute(database.db);
            await sql.raw(`drop table ${other}`).execute(database.db);
          }
        }
      })();
      try {
        for (let i = 0; i < 50; i++) assert.deepEqual(await pendingMigrations(database), []);
      } finally {
        churning.on = false;
        await churn;
      }
      const { rows } = await sql<{
        name: string;
        timestamp: string;
      }>`select name, timestamp from schema_migrations order by name desc limit 1`.execute(database.db);
      const last = rows[0]!;
      await sql`delete from schema_migrations where name = ${last.name}`.execute(database.db);
      assert.deepEqual(await pendingMigrations(database), [last.name], 'a migration not applied is pending');
      await sql`insert into schema_migrations (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(
        database.db,
      );
      assert.deepEqual(await pendingMigrations(database), []);
    });

    it('refuses data access without a tenant', () => {
      for (const bad of ['', undefined, null, 'not-a-uuid', 42]) {
        assert.throws(() => tenantDb(database.db, bad as never), TenantRequiredError);
      }
    });

    it('scopes reads, updates and deletes to the tenant and stamps inserts', async () => {
      const a = await createCompany(database, clock, {
        code: 'A',
        name: 'A 公司',
        taxId: '91110000600037341L',
        baseCurrency: 'CNY',
      });
      const b = await createCompany(database, clock, {
        code: 'B',
        name: 'B 公司',
        taxId: '91310115MA1K3BTP2B',
        baseCurrency: 'CNY',
      });
      const row = (tenant: string, code: string) => ({
        id: crypto.randomUUID(),
        code,
        name: `${tenant}-${code}`,
        status: 'active',
        attributes_json: '{}',
        version: 1,
        created_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      });
      const ta = tenantDb(database.db, a.id);
      const tb = tenantDb(database.db, b.id);
      await ta.insertInto('departments', [row('A', 'D1'), row('A', 'D2')]).execute();
      await tb.insertInto('departments', [row('B', 'D1')]).execute();

      const seenByA = await ta
        .selectFrom('departments')
        .select(['code', 'tenant_id'])
        .orderBy('code')
        .execute();
      assert.deepEqual(seenByA, [
        { code: 'D1', tenant_id: a.id },
        { code: 'D2', tenant_id: a.id },
      ]);

      const updated = await tb.updateTable('departments').set({ name: 'hijacked' }).execute();
      assert.equal(Number(updated[0]?.numUpdatedRows), 1, 'B updates only its own row');
      const namesA = await ta.selectFrom('departments').select('name').execute();
      assert.ok(namesA.every((r) => r.name !== 'hijacked'));

      await tb.deleteFrom('departments').execute();
      assert.equal((await ta.selectFrom('departments').select('id').execute()).length, 2);

      assert.throws(
        () => ta.insertInto('departments', [{ ...row('A', 'D3'), tenant_id: b.id } as never]),
        TenantRequiredError,
      );
    });

    it('keeps references inside the tenant with composite foreign keys', async () => {
      const c = await createCompany(database, clock, {
        code: 'C',
        name: 'C',
        taxId: '9144030071526726XG',
        baseCurrency: 'CNY',
      });
      const d = await createCompany(database, clock, {
        code: 'D',
        name: 'D',
        taxId: '121200004013590816',
        baseCurrency: 'CNY',
      });
      const now = clock.now().toISOString();
      const base = { status: 'active', attributes_json: '{}', version: 1, created_at: now, updated_at: now };
      await tenantDb(database.db, c.id)
        .insertInto('departments', [{ ...base, id: crypto.randomUUID(), code: 'ONLY-IN-C', name: 'x' }])
        .execute();
      const td = tenantDb(database.db, d.id);
      await assert.rejects(
        td.transaction(async (tx) => {
          await tx
            .insertInto('employees', [
              { ...base, id: crypto.randomUUID(), code: 'E1', name: 'e', department_code: 'ONLY-IN-C' },
            ])
            .execute();
        }),
      );
      assert.equal((await td.selectFrom('employees').select('id').execute()).length, 0);
    });

    it('stores money as 64-bit integers and reads it back as bigint on both engines', async () => {
      const e = await createCompany(database, clock, {
        code: 'E',
        name: 'E',
        taxId: '91620105L015101280',
        baseCurrency: 'CNY',
      });
      const te = tenantDb(database.db, e.id);
      const id = crypto.randomUUID();
      const big = 9_007_199_254_740_993n; // beyond 2^53
      await te.transaction(async (tx) => {
        await tx
          .insertInto('vouchers', [
            {
              id,
              date_on: '2026-11-28',
              period: '2026-11',
              word: '记',
              currency: 'CNY',
              summary: 'big',
              total_minor: big,
              line_count: 2,
              attributes_json: '{}',
              created_at: clock.now().toISOString(),
            },
          ])
          .execute();
        await tx
          .insertInto('voucher_lines', [
            {
              voucher_id: id,
              line_no: 1,
              summary: 's',
              account_code: '6602',
              debit_minor: big,
              credit_minor: 0n,
              aux_json: '{}',
            },
            {
              voucher_id: id,
              line_no: 2,
              summary: 's',
              account_code: '1002',
              debit_minor: 0n,
              credit_minor: big,
              aux_json: '{}',
            },
          ])
          .execute();
      });
      const lines = await te
        .selectFrom('voucher_lines')
        .select(['line_no', 'debit_minor', 'credit_minor'])
        .orderBy('line_no')
        .execute();
      assert.deepEqual(lines, [
        { line_no: 1, debit_minor: big, credit_minor: 0n },
        { line_no: 2, debit_minor: 0n, credit_minor: big },
      ]);
    });
  });
}

describe('store on an SQLite file', () => {
  it('opens it with a write-ahead log, normal syncs and 8 MB of page cache (ADR 0024)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-pragmas-'));
    const database = openDatabase(`sqlite:${join(dir, 'f.db')}`);
    try {
      const one = async (name: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.db)).rows[0] ?? {},
        )[0];
      assert.deepEqual(
        [
          await one('journal_mode'),
          await one('synchronous'),
          await one('cache_size'),
          await one('foreign_keys'),
        ],
        ['wal', 1, -8000, 1],
      );
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checkpoints a busy write-ahead log in a thread of its own, so the log stops growing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-wal-'));
    const file = join(dir, 'busy.db');
    const database = openDatabase(`sqlite:${file}`);
    const autocheckpoint = async () =>
      Number(
        (await sql<{ wal_autocheckpoint: bigint }>`pragma wal_autocheckpoint`.execute(database.db)).rows[0]
          ?.wal_autocheckpoint,
      );
    const write = async (megabytes: number) => {
      for (let i = 0; i < megabytes * 4; i++)
        await sql`insert into filler (body) values (${randomBytes(256 * 1024)})`.execute(database.db);
    };
    try {
      await sql`create table filler (id integer primary key, body blob not null)`.execute(database.db);
      // past 4 MB of log the thread starts, and the connection's own checkpoint moves out to 64 MB
      await write(6);
      for (let waited = 0; (await autocheckpoint()) !== 16384; waited += 100) {
        assert.ok(waited < 10_000, 'the checkpoint thread did not start');
        await sleep(100);
      }
      // 40 MB more, written over a few seconds: the thread checkpoints as it goes, so the log is reused
      for (let round = 0; round < 20; round++) {
        await write(2);
        await sleep(150);
      }
      // a thread that failed to load hands checkpoints back to the connection (1,000 pages)
      assert.equal(await autocheckpoint(), 16384, 'the checkpoint thread failed');
      const wal = statSync(`${file}-wal`).size;
      assert.ok(wal < 30 << 20, `the log grew to ${(wal / 2 ** 20).toFixed(1)} MB: nothing checkpointed it`);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
