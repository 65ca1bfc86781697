import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { createSchemaIfMissing, openDatabase, type OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { findInvoiceByIdentity, registerInvoice } from '../src/finance/invoices/invoices.ts';
import { DomainError } from '../src/model/result.ts';
import { pgBenchUrl } from './store.ts';
import { percentile } from './measure.ts';

/**
 * Duplicate invoice check against a large register: N invoices are generated inside the database (so
 * loading 10 million takes minutes, not hours), then random duplicate checks are timed one by one —
 * the identity lookup the register makes (hits and misses) and a whole registration of an invoice that
 * is already there, which parses, validates, checks and is refused with invoice_duplicate.
 */
export interface InvoiceRow {
  readonly engine: string;
  readonly invoices: number;
  readonly loadSeconds: number;
  readonly check: string;
  readonly checks: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const BUYER = { name: 'Bench 有限公司', taxId: '91110108123456788E' };
const SELLER = '91110000600037341L';
const CHUNK = 1_000_000;
const number = (i: number) => `26317${String(i).padStart(15, '0')}`;

async function load(database: OpenDatabase, tenantId: string, count: number, sqlite: boolean): Promise<void> {
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    const padded = sqlite ? sql`printf('%015d', i)` : sql`lpad(i::text, 15, '0')`;
    const series = sqlite
      ? sql`with recursive seq(i) as (select ${from} union all select i + 1 from seq where i < ${to}) select i from seq`
      : sql`select generate_series(${from}::bigint, ${to}::bigint) as i`;
    await sql`
      insert into invoices (tenant_id, id, identity_key, type, code, number, issued_on, seller_name, seller_tax_id,
        buyer_name, buyer_tax_id, amount_minor, tax_minor, total_minor, currency, status, source, owner_employee_code,
        data_json, file_sha256, created_by, created_at, updated_at)
      select ${tenantId}, 'bench-' || i, 'N:26317' || ${padded}, 'digital_special', null, '26317' || ${padded},
        '2026-11-' || (10 + i % 18), '卖方', ${SELLER}, ${BUYER.name}, ${BUYER.taxId},
        100000 + i % 9000, 6000, 106000 + i % 9000, 'CNY', 'unused', 'structured', null,
        '{"details":{},"warnings":[]}', null, 'system:bench', '2026-11-28T08:00:00.000Z', '2026-11-28T08:00:00.000Z'
      from (${series}) s`.execute(database.db);
    process.stderr.write(`  ${database.engine}: ${to.toLocaleString('en-US')} invoices loaded\n`);
  }
  if (!sqlite) await sql`analyze invoices`.execute(database.db);
}

async function timeChecks(name: string, checks: number, one: (k: number) => Promise<void>) {
  const times: number[] = [];
  for (let k = 0; k < checks; k++) {
    const started = performance.now();
    await one(k);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    check: name,
    checks,
    p50Ms: percentile(times, 50) ?? 0,
    p99Ms: percentile(times, 99) ?? 0,
    maxMs: times.at(-1) ?? 0,
  };
}

async function run(
  engine: 'sqlite' | 'postgres',
  database: OpenDatabase,
  count: number,
): Promise<InvoiceRow[]> {
  const clock = fixedClock('2026-11-28T08:00:00Z');
  await migrateToLatest(database);
  const company = await createCompany(database, clock, {
    code: 'BENCH',
    name: BUYER.name,
    taxId: BUYER.taxId,
    baseCurrency: 'CNY',
  });
  const db = tenantDb(database.db, company.id);
  const writer = { actor: 'system:bench', audit: { key: Buffer.alloc(32, 7), clock } };
  const started = performance.now();
  await load(database, company.id, count, engine === 'sqlite');
  const loadSeconds = (performance.now() - started) / 1000;
  const random = (k: number) => 1 + ((k * 2_654_435_761) % count);
  const rows = [
    await timeChecks('identity lookup, invoice present', 5_000, async (k) => {
      if ((await findInvoiceByIdentity(db, `N:${number(random(k))}`)) === undefined)
        throw new Error('missing');
    }),
    await timeChecks('identity lookup, invoice new', 5_000, async (k) => {
      if ((await findInvoiceByIdentity(db, `N:${number(count + 1 + k)}`)) !== undefined)
        throw new Error('found');
    }),
    await timeChecks('registration refused as duplicate', 2_000, async (k) => {
      const i = random(k + 7);
      try {
        await registerInvoice(
          db,
          writer,
          {
            type: 'digital_special',
            number: number(i),
            issuedOn: '2026-11-20',
            buyerName: BUYER.name,
            buyerTaxId: BUYER.taxId,
            sellerName: '卖方',
            sellerTaxId: SELLER,
            amount: '1000.00',
            tax: '60.00',
            total: '1060.00',
            currency: 'CNY',
          },
          { buyer: BUYER, source: 'structured' },
        );
        throw new Error('a duplicate was registered');
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'invoice_duplicate')) throw error;
      }
    }),
  ];
  return rows.map((r) => ({ engine, invoices: count, loadSeconds, ...r }));
}

export async function invoicesCase(engine: 'sqlite' | 'postgres', count: number): Promise<InvoiceRow[]> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-bench-'));
    const database = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
    try {
      return await run('sqlite', database, count);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = pgBenchUrl();
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await createSchemaIfMissing(url, schema);
  const database = openDatabase(url, { schema });
  try {
    return await run('postgres', database, count);
  } finally {
    await sql.raw(`drop schema if exists "${schema}" cascade`).execute(database.db);
    await database.close();
  }
}

export function printInvoices(rows: readonly InvoiceRow[]): void {
  const header = ['engine', 'invoices', 'load s', 'check', 'checks', 'p50 ms', 'p99 ms', 'max ms'];
  const body = rows.map((r) => [
    r.engine,
    r.invoices.toLocaleString('en-US'),
    r.loadSeconds.toFixed(0),
    r.check,
    String(r.checks),
    r.p50Ms.toFixed(3),
    r.p99Ms.toFixed(3),
    r.maxMs.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  process.stdout.write(
    `\nInvoices: duplicate checks against the stored register, one at a time\n\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${body.map(line).join('\n')}\n`,
  );
}
