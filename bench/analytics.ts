// npm run bench -- analytics   — the spend cube at scale: FINBRIDGE_BENCH_ANALYTICS_PG claim lines on
// PostgreSQL (default 10,000,000) and FINBRIDGE_BENCH_ANALYTICS_SQLITE on SQLite (default 1,000,000).
// Loads the spend facts inside the database, builds the rollup and scans for anomalies as
// `finbridge analytics rebuild` does (timed, with peak RSS), checks the rollup against the facts, then
// times the three dashboard queries as the API runs them — spend by department × month, budget
// execution for the company, top anomalies — plus a drill to one cell's lines: 5 warm-up runs, then 50,
// p50/p95/max. Each engine runs in a child process of its own, so its peak RSS is its own.
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { budgetExecutionBy } from '../src/analytics/budget-execution.ts';
import { querySpend } from '../src/analytics/cube.ts';
import { rebuildRollup } from '../src/analytics/facts.ts';
import { scanAnomalies } from '../src/analytics/anomalies.ts';
import { listAnomalies } from '../src/analytics/findings.ts';
import { cnDayKind } from '../src/standards/cn/holidays.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { type OpenDatabase } from '../src/platform/store/database.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';
import { measure, percentile, type Row } from './measure.ts';
import { childMain, rowsPerEngine } from './engines.ts';

const self = fileURLToPath(import.meta.url);
const SIZES = {
  postgres: Number(process.env['FINBRIDGE_BENCH_ANALYTICS_PG'] ?? 10_000_000),
  sqlite: Number(process.env['FINBRIDGE_BENCH_ANALYTICS_SQLITE'] ?? 1_000_000),
};
const CHUNK = 500_000;
const DEPARTMENTS = 50;
const CATEGORIES = 20;
const EMPLOYEES = 20_000;
const LINES_PER_CLAIM = 4;
const FACTORS = 1_009;
const TODAY = '2026-11-28';
/** The facts' secondary indexes, as src/platform/store/migrations/2026-12-03T1550-analytics.ts makes them. */
const INDEXES = [
  { name: 'analytics_spend_facts_period_idx', columns: ['tenant_id', 'period', 'department_code'] },
  { name: 'analytics_spend_facts_employee_idx', columns: ['tenant_id', 'employee_code', 'occurred_on'] },
  { name: 'analytics_spend_facts_document_idx', columns: ['tenant_id', 'document_id'] },
];

interface QueryRow extends Row {
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly maxMs?: number;
  readonly note?: string;
}

/** Working days of 2025–2026 (CN calendar), plus every 40th weekend or holiday: ~1% of lines. */
function benchDays(): string[] {
  const out: string[] = [];
  let off = 0;
  for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (cnDayKind(day) === 'workday' || off++ % 40 === 0) out.push(day);
  }
  return out;
}

/**
 * Loads the helper tables (days, amount factors, categories) and then the facts, generated in the
 * database a chunk at a time. A category has its own price level (bases spread over three decades, so
 * first digits follow Benford's law across categories); a line is its base × a factor in [1, 3),
 * log-uniform; one line in 2,003 is 25 times that (the planted outliers); one in 1,000 is reversed.
 */
async function load(database: OpenDatabase, tenantId: string, count: number): Promise<void> {
  const sqlite = database.engine === 'sqlite';
  const db = database.db;
  await sql`create table bench_days (n integer primary key, day text not null)`.execute(db);
  await sql`create table bench_factors (n integer primary key, f bigint not null)`.execute(db);
  await sql`create table bench_categories (n integer primary key, code text not null, base bigint not null)`.execute(
    db,
  );
  const days = benchDays();
  for (let i = 0; i < days.length; i += 200)
    await sql`insert into bench_days (n, day) values ${sql.join(days.slice(i, i + 200).map((d, k) => sql`(${i + k}, ${d})`))}`.execute(
      db,
    );
  const factors = Array.from({ length: FACTORS }, (_, k) =>
    Math.floor(1000 * 3 ** (((k * 7919) % FACTORS) / FACTORS)),
  );
  for (let i = 0; i < FACTORS; i += 200)
    await sql`insert into bench_factors (n, f) values ${sql.join(factors.slice(i, i + 200).map((f, k) => sql`(${i + k}, ${f})`))}`.execute(
      db,
    );
  await sql`insert into bench_categories (n, code, base) values ${sql.join(
    Array.from(
      { length: CATEGORIES },
      (_, k) =>
        sql`(${k}, ${`C${String(k).padStart(2, '0')}`}, ${Math.floor(2000 * 10 ** ((3 * k) / CATEGORIES))})`,
    ),
  )}`.execute(db);
  const pad = (x: ReturnType<typeof sql>) =>
    sqlite ? sql`printf('%09d', ${x})` : sql`lpad((${x})::text, 9, '0')`;
  const D = days.length;
  // a bulk load: the secondary indexes are built once after it (the same definitions as the migration's)
  for (const index of INDEXES) await sql`drop index ${sql.id(index.name)}`.execute(db);
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK) - 1;
    const series = sqlite
      ? sql`with recursive seq(i) as (select cast(${from} as integer) union all select i + 1 from seq where i < ${to}) select i from seq`
      : sql`select generate_series(${from}::bigint, ${to}::bigint) as i`;
    await sql`
      insert into analytics_spend_facts (tenant_id, posting_id, line_no, document_id, document_number, period,
        occurred_on, company_code, department_code, cost_center_code, project_code, category_code, employee_code,
        supplier, currency, erp, city, invoice_keys, amount_minor, tax_minor, reversed, posted_at)
      select ${tenantId}, 'p' || ${pad(sql`s.c`)}, s.l, 'd' || ${pad(sql`s.c`)}, 'BX' || ${pad(sql`s.c`)},
        substr(d.day, 1, 7), d.day, 'BENCH', 'D' || (s.e % ${sql.lit(DEPARTMENTS)}), 'CC' || (s.e % ${sql.lit(DEPARTMENTS)} % 10),
        case when s.c % 2 = 0 then '' else 'P' || (s.c % 30) end, k.code, 'E' || s.e, 'S' || (s.i % 200),
        case when s.c % 97 = 0 then 'USD' else 'CNY' end,
        case when s.c % 3 = 0 then 'sap-s4' else 'kingdee-k3cloud' end,
        case s.e % 4 when 0 then '上海' when 1 then '杭州' when 2 then '合肥' else '北京' end, '',
        k.base * f.f / 1000 * (case when s.i % 2003 = 0 then 25 else 1 end),
        k.base * f.f / 1000 * 6 / 106, case when s.c % 1000 = 7 then 1 else 0 end, '2026-11-28T08:00:00.000Z'
      from (select i, i / ${sql.lit(LINES_PER_CLAIM)} as c, i % ${sql.lit(LINES_PER_CLAIM)} + 1 as l,
              (i / ${sql.lit(LINES_PER_CLAIM)}) % ${sql.lit(EMPLOYEES)} as e from (${series}) q) s
        join bench_days d on d.n = (s.c * 13) % ${sql.lit(D)}
        join bench_factors f on f.n = (s.i * 31) % ${sql.lit(FACTORS)}
        join bench_categories k on k.n = (s.i * 7 + (s.c / ${sql.lit(EMPLOYEES)}) * 3) % ${sql.lit(CATEGORIES)}`.execute(
      db,
    );
    process.stderr.write(`  ${database.engine}: ${(to + 1).toLocaleString('en-US')} claim lines loaded\n`);
  }
  for (const index of INDEXES)
    await sql`create index ${sql.id(index.name)} on analytics_spend_facts (${sql.join(index.columns.map((c) => sql.id(c)))})`.execute(
      db,
    );
  await sql`drop table bench_days`.execute(db);
  await sql`drop table bench_factors`.execute(db);
  await sql`drop table bench_categories`.execute(db);
  if (!sqlite) await sql`analyze analytics_spend_facts`.execute(db);
  else await sql`analyze`.execute(db);
}

/** The budgets of 2026: every department × category × month, with actual and occupied spending. */
async function loadBudgets(database: OpenDatabase, tenantId: string): Promise<number> {
  const db = database.db;
  const at = '2026-01-01T00:00:00.000Z';
  const master = (table: string, code: string) =>
    sql`insert into ${sql.table(table)} (id, tenant_id, code, name, status, attributes_json, version, created_at, updated_at)
      values (${`${table}-${code}`}, ${tenantId}, ${code}, ${code}, 'active', '{}', 1, ${at}, ${at})`.execute(
      db,
    );
  for (let d = 0; d < DEPARTMENTS; d++) await master('departments', `D${d}`);
  for (let k = 0; k < CATEGORIES; k++) await master('expense_categories', `C${String(k).padStart(2, '0')}`);
  const rows = [];
  for (let d = 0; d < DEPARTMENTS; d++)
    for (let k = 0; k < CATEGORIES; k++)
      for (let m = 1; m <= 12; m++) {
        const amount = 1_000_000 + ((d * 7 + k * 13 + m) % 50) * 100_000;
        rows.push(
          sql`(${`b-${d}-${k}-${m}`}, ${tenantId}, ${`D${d}`}, ${`C${String(k).padStart(2, '0')}`}, ${`2026-${String(m).padStart(2, '0')}`}, '', ${amount}, 'CNY', 'warn', 1, ${at}, ${at}, ${m < 11 ? 0 : amount / 10}, ${m <= 11 ? Math.floor((amount * (60 + ((d + k + m) % 60))) / 100) : 0})`,
        );
      }
  for (let i = 0; i < rows.length; i += 500)
    await sql`insert into budgets (id, tenant_id, department_code, category_code, period, project_code, amount_minor,
      currency, control, version, created_at, updated_at, occupied_minor, actual_minor) values ${sql.join(rows.slice(i, i + 500))}`.execute(
      db,
    );
  return rows.length;
}

async function timeQuery(
  engine: string,
  name: string,
  rows: number,
  one: () => Promise<unknown>,
  describe: (last: unknown) => string,
): Promise<QueryRow> {
  for (let k = 0; k < 5; k++) await one();
  const times: number[] = [];
  let last: unknown;
  for (let k = 0; k < 50; k++) {
    const started = performance.now();
    last = await one();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const seconds = times.reduce((s, t) => s + t, 0) / 1000;
  return {
    engine,
    case: name,
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    p50Ms: percentile(times, 50) ?? 0,
    p95Ms: percentile(times, 95) ?? 0,
    maxMs: times.at(-1) ?? 0,
    note: describe(last),
  };
}

async function run(engine: 'sqlite' | 'postgres', database: OpenDatabase): Promise<QueryRow[]> {
  const count = SIZES[engine];
  const clock = fixedClock(`${TODAY}T08:00:00Z`);
  await migrateToLatest(database);
  const company = await createCompany(database, clock, {
    code: 'BENCH',
    name: 'Bench 有限公司',
    taxId: '91110108123456788E',
    baseCurrency: 'CNY',
  });
  const db: TenantDb = tenantDb(database.db, company.id);
  const rows: QueryRow[] = [];
  rows.push(
    await measure(engine, 'load claim lines (in the database)', count, () =>
      load(database, company.id, count),
    ),
  );
  let cells = 0;
  rows.push({
    ...(await measure(engine, 'rollup rebuilt from the facts', count, async () => {
      cells = await rebuildRollup(db);
    })),
    note: `${cells.toLocaleString('en-US')} rollup cells`,
  });
  // the rollup says what the facts say
  const total = async (table: 'analytics_spend_rollup' | 'analytics_spend_facts') => {
    let q = db
      .selectFrom(table as 'analytics_spend_facts')
      .select((eb) => eb.fn.sum<string | number>('amount_minor').as('s'));
    if (table === 'analytics_spend_facts') q = q.where('reversed', '=', 0);
    return BigInt((await q.executeTakeFirstOrThrow()).s);
  };
  const [fromRollup, fromFacts] = [
    await total('analytics_spend_rollup'),
    await total('analytics_spend_facts'),
  ];
  if (fromRollup !== fromFacts) throw new Error(`rollup ${fromRollup} ≠ facts ${fromFacts}`);
  let scanned = '';
  rows.push({
    ...(await measure(engine, 'anomaly scan (statistics + every finding)', count, async () => {
      const s = await scanAnomalies(db, clock.now());
      scanned = `${s.anomalies.toLocaleString('en-US')} findings ${JSON.stringify(s.byKind)}`;
    })),
    note: scanned,
  });
  const budgets = await loadBudgets(database, company.id);
  rows.push(
    await timeQuery(
      engine,
      'dashboard: spend by department × month (2026)',
      count,
      () =>
        querySpend(db, {
          rows: ['department'],
          columns: ['period'],
          measures: ['amount', 'count'],
          periodFrom: '2026-01',
          periodTo: '2026-12',
        }),
      (r) =>
        `${(r as { cells: unknown[]; source: string }).cells.length} cells from ${(r as { source: string }).source}`,
    ),
  );
  rows.push(
    await timeQuery(
      engine,
      'dashboard: budget execution for the company (2026)',
      budgets,
      () => budgetExecutionBy(db, { by: 'department', year: '2026', today: TODAY }),
      (r) =>
        `${(r as { items: unknown[] }).items.length} departments from ${budgets.toLocaleString('en-US')} budgets`,
    ),
  );
  rows.push(
    await timeQuery(
      engine,
      'dashboard: top 20 anomalies',
      count,
      () => listAnomalies(db, { limit: 20 }),
      (r) => `top score ${(r as { items: { score: number }[] }).items[0]?.score ?? '—'}`,
    ),
  );
  rows.push(
    await timeQuery(
      engine,
      'drill: one department × month cell’s lines',
      count,
      () =>
        querySpend(db, {
          rows: ['department'],
          columns: ['period'],
          measures: ['amount'],
          filters: { department: ['D7'] },
          drill: { department: 'D7', period: '2026-11' },
        }),
      (r) => `${(r as { lines?: unknown[] }).lines?.length ?? 0} lines`,
    ),
  );
  return rows;
}

await childMain(run);

/** The suite as bench/run.ts runs it: one child process per engine; prints its own query table too. */
export async function analyticsRows(): Promise<Row[]> {
  const rows = await rowsPerEngine<QueryRow>(self);
  const header = [
    'engine',
    'case',
    'claim lines',
    'p50 ms',
    'p95 ms',
    'max ms',
    'seconds',
    'peak RSS MB',
    'note',
  ];
  const body = rows.map((r) => [
    r.engine,
    r.case,
    r.rows.toLocaleString('en-US'),
    r.p50Ms === undefined ? '—' : r.p50Ms.toFixed(1),
    r.p95Ms === undefined ? '—' : r.p95Ms.toFixed(1),
    r.maxMs === undefined ? '—' : r.maxMs.toFixed(1),
    r.p50Ms === undefined ? r.seconds.toFixed(1) : '—',
    r.peakRssMb.toFixed(0),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 && i <= 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  process.stdout.write(
    `\nAnalytics dashboard queries (p50/p95/max of 50 runs after 5 warm-up; loads and scans timed once)\n\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${body.map(line).join('\n')}\n`,
  );
  return rows;
}

export const ANALYTICS_SUITE = {
  title: `Analytics: ${SIZES.postgres.toLocaleString('en-US')} claim lines on PostgreSQL, ${SIZES.sqlite.toLocaleString('en-US')} on SQLite (the table above has the percentiles)`,
  run: analyticsRows,
};
