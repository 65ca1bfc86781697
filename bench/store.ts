import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { createSchemaIfMissing, openDatabase, type OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { resourceByPath } from '../src/governance/master-data/resources.ts';
import { bulkUpsert } from '../src/governance/master-data/service.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import { countVoucherLines, saveVouchers } from '../src/finance/vouchers/repository.ts';
import type { VoucherValue } from '../src/model/voucher.ts';
import { measure, type Row } from './measure.ts';

const SUPPLIERS = 10_000;
const VOUCHERS = 25_000; // × 4 lines = 100,000 voucher lines
const VOUCHERS_PER_TRANSACTION = 1_000;

function suppliers(round: number): Record<string, unknown>[] {
  return Array.from({ length: SUPPLIERS }, (_, i) => ({
    code: `S${String(i).padStart(6, '0')}`,
    name: `供应商 ${i} 有限公司${round ? '（更新）' : ''}`,
    taxId: syntheticUscc('310115', `MA${String(i).padStart(6, '0')}`),
    bankAccounts: [{ bankName: '招商银行上海分行', accountNumber: `6225${String(i).padStart(11, '0')}` }],
  }));
}

function vouchers(from: number, count: number): VoucherValue[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const amount = BigInt(10_000 + (i % 9_000) * 37);
    const tax = (amount * 6n) / 100n;
    return {
      companyCode: 'BENCH',
      date: '2026-11-28',
      period: '2026-11',
      word: '记',
      currency: 'CNY',
      summary: `报销 ${i}`,
      totalMinor: amount + tax,
      externalReference: `FB-BENCH-${i}`,
      lines: [
        {
          summary: '差旅费',
          accountCode: '660202',
          debitMinor: amount,
          creditMinor: 0n,
          aux: { department: 'SALES', employee: 'E011' },
        },
        { summary: '进项税', accountCode: '22210101', debitMinor: tax, creditMinor: 0n, aux: {} },
        {
          summary: '应付报销款',
          accountCode: '224101',
          debitMinor: 0n,
          creditMinor: amount,
          aux: { employee: 'E011' },
        },
        {
          summary: '应付报销款',
          accountCode: '224101',
          debitMinor: 0n,
          creditMinor: tax,
          aux: { employee: 'E011' },
        },
      ],
    };
  });
}

type Case = 'insert' | 'update' | 'vouchers';
export const STORE_CASES: readonly Case[] = ['insert', 'update', 'vouchers'];

/** Runs one case on a freshly migrated database (the update case first loads the suppliers it changes). */
async function runCase(engine: string, database: OpenDatabase, which: Case): Promise<Row> {
  const clock = fixedClock('2026-11-28T08:00:00Z');
  await migrateToLatest(database);
  const writer = { actor: 'system:bench', audit: { key: Buffer.alloc(32, 7), clock } };
  const company = await createCompany(database, clock, {
    code: 'BENCH',
    name: 'Bench',
    taxId: '91110108123456788E',
    baseCurrency: 'CNY',
  });
  const db = tenantDb(database.db, company.id);
  const resource = resourceByPath('suppliers')!;
  switch (which) {
    case 'insert': {
      const items = suppliers(0);
      return measure(engine, 'supplier bulk upsert — 10,000 new', SUPPLIERS, async () => {
        const r = await bulkUpsert(db, writer, resource, items, true);
        if (r.created !== SUPPLIERS) throw new Error(`created ${r.created}`);
      });
    }
    case 'update': {
      await bulkUpsert(db, writer, resource, suppliers(0), true);
      const items = suppliers(1);
      return measure(engine, 'supplier bulk upsert — 10,000 changed', SUPPLIERS, async () => {
        const r = await bulkUpsert(db, writer, resource, items, true);
        if (r.updated !== SUPPLIERS) throw new Error(`updated ${r.updated}`);
      });
    }
    case 'vouchers':
      return measure(engine, 'voucher lines insert — 100,000 (25,000 vouchers)', VOUCHERS * 4, async () => {
        for (let i = 0; i < VOUCHERS; i += VOUCHERS_PER_TRANSACTION) {
          await saveVouchers(db, clock, vouchers(i, VOUCHERS_PER_TRANSACTION));
        }
        const n = await countVoucherLines(db);
        if (n !== VOUCHERS * 4) throw new Error(`stored ${n} lines`);
      });
  }
}

export const pgBenchUrl = (): string =>
  process.env['FINBRIDGE_BENCH_PG_URL'] ??
  process.env['FINBRIDGE_TEST_PG_URL'] ??
  'postgres://postgres@127.0.0.1:5432/test';

/** One case in this process (the runner starts a process per case, so peak RSS is the case's own). */
export async function storeCase(engine: 'sqlite' | 'postgres', which: Case): Promise<Row> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-bench-'));
    const sqlite = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
    try {
      return await runCase('sqlite', sqlite, which);
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = pgBenchUrl();
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await createSchemaIfMissing(url, schema);
  const postgres = openDatabase(url, { schema });
  try {
    return await runCase('postgres', postgres, which);
  } finally {
    await postgres.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema "${schema}" cascade`);
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgBenchUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    process.stderr.write(`PostgreSQL not reachable (${String(error)}): PostgreSQL rows skipped\n`);
    return false;
  }
}
