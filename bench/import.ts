// npm run bench -- import   — a 100,000-row supplier workbook (xlsx, written with exceljs) through the
// governance import as the API runs it: the dry run (read, cleanse, check every row, compare with the
// store, nothing written) and the commit (the same, then written as one batch with its rollback
// record, the audit entries, data quality's evaluation with a new company's default rules — the
// duplicate rules looked up in the duplicate index — and the suppliers matched into golden records),
// each on a fresh company, with time and peak RSS. FINBRIDGE_BENCH_IMPORT_ROWS sets the size (default
// 100,000); every 1,000th supplier has the name of the one before, so data quality has duplicates to find.
// Each engine and case runs in a child process of its own, so its peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { commitImport, dryRunImport } from '../src/governance/imports/batches.ts';
import { installDataQuality } from '../src/governance/quality/install.ts';
import { seedDefaultRules } from '../src/governance/quality/service.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { createSchemaIfMissing, openDatabase, type OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { USCC_CHARS } from '../src/standards/cn/uscc.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import { measure, type Row } from './measure.ts';
import { pgBenchUrl, postgresReachable } from './store.ts';

const self = fileURLToPath(import.meta.url);
const COUNT = Number(process.env['FINBRIDGE_BENCH_IMPORT_ROWS'] ?? 100_000);
type Case = 'dry-run' | 'commit';

/** A valid USCC per row: division 310115 and an organisation code made from the row number. */
function uscc(n: number): string {
  let body = '';
  let rest = n;
  for (let i = 0; i < 8; i += 1) {
    body = (USCC_CHARS[rest % 31] ?? '0') + body;
    rest = Math.floor(rest / 31);
  }
  return syntheticUscc('310115', body);
}

/** The workbook a person would fill from the template: code, name, USCC, bank, terms, phone. */
async function writeWorkbook(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet('供应商');
  sheet
    .addRow([
      'code',
      'name',
      'taxId',
      'bankAccounts.0.bankName',
      'bankAccounts.0.accountNumber',
      'paymentTermsDays',
      'phone',
    ])
    .commit();
  for (let i = 1; i <= rows; i += 1) {
    const code = `S${String(i).padStart(7, '0')}`;
    sheet
      .addRow([
        // every tenth code typed full-width, as the cleansing folds it
        i % 10 === 0 ? code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : code,
        `基准供应商${i % 1000 === 0 ? i - 1 : i}号有限公司`,
        uscc(i),
        '中国工商银行上海分行',
        `6222${String(i).padStart(12, '0')}`,
        30,
        `021-${String(i % 100_000_000).padStart(8, '0')}`,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function run(engine: string, database: OpenDatabase, which: Case, file: string): Promise<Row[]> {
  const clock = fixedClock('2026-12-03T08:00:00.000Z');
  await migrateToLatest(database);
  const company = await createCompany(database, clock, {
    code: 'BENCH',
    name: '基准测试有限公司',
    taxId: '91110108123456788E',
    baseCurrency: 'CNY',
  });
  const db = tenantDb(database.db, company.id);
  // as the server runs it: data quality evaluates the written suppliers in the commit's transaction,
  // with a new company's default rules (duplicate tax ids and names through the duplicate index)
  installDataQuality();
  await seedDefaultRules(db, 'system:bench', clock.now().toISOString());
  const writer = { actor: 'system:bench', audit: { key: Buffer.alloc(32, 7), clock } };
  const input = { fileName: 'suppliers.xlsx', bytes: readFileSync(file) };
  const options = { maxRows: COUNT, locale: 'zh-CN' as const, summaryOnly: true };
  let summary = '';
  const row = await measure(engine, which, COUNT, async () => {
    if (which === 'dry-run') {
      const r = await dryRunImport(db, writer, 'suppliers', input, options);
      summary = `${r.created} created, ${r.refused} refused`;
    } else {
      const r = await commitImport(db, writer, 'suppliers', input, options);
      summary = `${r.batch.created} created`;
    }
  });
  if (which === 'commit') {
    const count = async (table: 'quality_issues' | 'quality_duplicate_values') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      );
    const duplicates = await db
      .selectFrom('quality_issues')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('kind', '=', 'duplicate')
      .where('status', '=', 'open')
      .executeTakeFirst();
    summary += `; data quality: ${await count('quality_issues')} issues (${Number(duplicates?.n ?? 0)} open duplicates), ${await count('quality_duplicate_values')} values indexed`;
  }
  process.stderr.write(`${engine} ${which}: ${summary}\n`);
  return [row];
}

async function child(engine: 'sqlite' | 'postgres', which: Case, file: string): Promise<Row[]> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-bench-'));
    const database = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
    try {
      return await run('sqlite', database, which, file);
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
    return await run('postgres', database, which, file);
  } finally {
    await database.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema "${schema}" cascade`);
    await client.end();
  }
}

if (process.argv[2] === '--child') {
  const [, , , engine, which, file] = process.argv;
  const rows = await child(engine as 'sqlite' | 'postgres', which as Case, file ?? '');
  process.stdout.write(JSON.stringify(rows) + '\n');
  process.exit(0);
}

/** The suite as bench/run.ts runs it: the workbook written once, then one child per engine and case. */
export async function importRows(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-bench-import-'));
  const file = join(dir, 'suppliers.xlsx');
  try {
    const started = performance.now();
    await writeWorkbook(file, COUNT);
    const size = readFileSync(file).length;
    process.stderr.write(
      `wrote ${COUNT.toLocaleString('en-US')} rows (${(size / 1024 / 1024).toFixed(1)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    writeFileSync(join(dir, 'rows'), String(COUNT));
    const engines = ['sqlite', ...((await postgresReachable()) ? ['postgres'] : [])];
    const rows: Row[] = [];
    for (const engine of engines)
      for (const which of ['dry-run', 'commit'] as const) {
        const out = execFileSync(process.execPath, ['--expose-gc', self, '--child', engine, which, file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 20,
        });
        rows.push(...(JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as Row[]));
      }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const IMPORT_SUITE = {
  title: `Master-data import: a ${COUNT.toLocaleString('en-US')}-row supplier workbook (xlsx), dry run and commit as one batch (data quality and golden records included)`,
  run: importRows,
};
