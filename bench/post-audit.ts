// npm run bench -- post-audit   — a post-hoc audit sample run over a year of posted claims on each
// engine: load N claims (two lines each, one in five with an invoice), then a run of a plan with every
// selector (random 200, risk ≥ 20, an amount band, weekend/holiday, split claims, repeat sellers) as the
// API runs it (read the claims, sample, write the samples, in one transaction), the pure sampler alone,
// and a lineage walk from one claim. FINBRIDGE_BENCH_CLAIMS sets N (default 50,000).
// Each engine runs in a child process of its own, so its peak RSS is its own.
import { fileURLToPath } from 'node:url';
import { walkLineage } from '../src/finance/lineage/walk.ts';
import type { PlanBody } from '../src/finance/post-audit/plans.ts';
import { claimFacts, createPlan, runSample } from '../src/finance/post-audit/runs.ts';
import { sample } from '../src/finance/post-audit/sampling.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { type OpenDatabase } from '../src/platform/store/database.ts';
import { newId } from '../src/platform/store/ids.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';
import { measure, type Row } from './measure.ts';
import { childMain, rowsPerEngine } from './engines.ts';

const self = fileURLToPath(import.meta.url);
const COUNT = Number(process.env['FINBRIDGE_BENCH_CLAIMS'] ?? 50_000);
const CHUNK = 500;
const AT = '2026-12-03T08:00:00.000Z';

const PLAN: PlanBody = {
  random: { count: 200, seed: 'bench' },
  risk: { minScore: 20 },
  amountBands: [{ min: '4000.00', max: '5000.00' }],
  weekendHoliday: true,
  splitClaims: { windowDays: 7, threshold: '5000.00' },
  repeatMerchants: { minClaims: 3 },
};

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const dateOf = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** N posted claims of 500 employees over 2026: two lines each; one in five with an invoice of one of 300 sellers. */
async function load(db: TenantDb): Promise<string> {
  const next = random(20261203);
  let first = '';
  // the master data the claims refer to: one department, two categories, 500 employees
  const master = (code: string, name: string, more: Record<string, string> = {}) => ({
    id: newId(),
    code,
    name,
    status: 'active',
    attributes_json: '{}',
    version: 1,
    created_at: AT,
    updated_at: AT,
    ...more,
  });
  await db.insertInto('departments', [master('SALES', '销售部')] as never).execute();
  await db
    .insertInto('expense_categories', [master('TAXI', '市内交通'), master('MEAL', '餐费')] as never)
    .execute();
  for (let e = 0; e < 500; e += CHUNK)
    await db
      .insertInto(
        'employees',
        Array.from({ length: Math.min(CHUNK, 500 - e) }, (_, k) =>
          master(`E${String(e + k).padStart(4, '0')}`, `员工${e + k}`, { department_code: 'SALES' }),
        ),
      )
      .execute();
  await db.transaction(async (tx) => {
    for (let i = 0; i < COUNT; i += CHUNK) {
      const docs = [];
      const lines = [];
      const invoices = [];
      const uses = [];
      for (let k = i; k < Math.min(COUNT, i + CHUNK); k++) {
        const id = newId();
        if (k === 0) first = id;
        const day = Math.floor((k * 360) / COUNT);
        const a = BigInt(1_000 + Math.floor(next() * 300_000));
        const b = BigInt(1_000 + Math.floor(next() * 200_000));
        const tags =
          next() < 0.1
            ? [{ rule: 'round_amount', severity: 'warn', zh: '整数金额', en: 'Round amount' }]
            : [];
        docs.push({
          id,
          kind: 'claim' as const,
          number: `BX2026-${String(k).padStart(7, '0')}`,
          status: 'posted' as const,
          revision: 1,
          employee_code: `E${String(k % 500).padStart(4, '0')}`,
          department_code: 'SALES',
          project_code: null,
          title: '差旅报销',
          currency: 'CNY',
          document_on: dateOf(day),
          total_minor: a + b,
          deductible_tax_minor: 0n,
          request_id: null,
          risk_tags_json: JSON.stringify(tags),
          data_json: '{}',
          approval_version: 0,
          posting_id: null,
          erp_voucher_number: null,
          erp_reversal_number: null,
          erp_period: null,
          submitted_at: AT,
          approved_at: AT,
          posted_at: AT,
          paid_at: null,
          created_by: 'system:bench',
          version: 1,
          created_at: AT,
          updated_at: AT,
        });
        for (const [n, amount] of [a, b].entries())
          lines.push({
            document_id: id,
            line_no: n + 1,
            category_code: n === 0 ? 'TAXI' : 'MEAL',
            description: '费用',
            occurred_on: dateOf(Math.max(0, day - n)),
            amount_minor: amount,
            deductible_tax_minor: 0n,
            department_code: 'SALES',
            project_code: null,
            data_json: '{}',
          });
        if (k % 5 === 0) {
          const invoiceId = newId();
          const seller = Math.floor(next() * 300);
          invoices.push({
            id: invoiceId,
            identity_key: `2631${String(k).padStart(16, '0')}`,
            type: 'digital_general' as const,
            code: null,
            number: `2631${String(k).padStart(16, '0')}`,
            issued_on: dateOf(day),
            seller_name: `商户${seller}`,
            seller_tax_id: `91310000${String(seller).padStart(10, '0')}`,
            buyer_name: '基准测试有限公司',
            buyer_tax_id: '91110108123456788E',
            amount_minor: a,
            tax_minor: 0n,
            total_minor: a,
            currency: 'CNY',
            status: 'posted' as const,
            source: 'structured' as const,
            owner_employee_code: null,
            data_json: '{}',
            file_sha256: null,
            created_by: 'system:bench',
            created_at: AT,
            updated_at: AT,
          });
          uses.push({ invoice_id: invoiceId, document_id: id, line_no: 1, linked_at: AT });
        }
      }
      await tx.insertInto('expense_documents', docs).execute();
      await tx.insertInto('expense_lines', lines).execute();
      if (invoices.length > 0) {
        await tx.insertInto('invoices', invoices).execute();
        await tx.insertInto('invoice_uses', uses).execute();
      }
    }
  });
  return first;
}

interface AuditRow extends Row {
  readonly sampled?: number;
}

async function run(engine: 'sqlite' | 'postgres', database: OpenDatabase): Promise<AuditRow[]> {
  const clock = fixedClock(AT);
  await migrateToLatest(database);
  const company = await createCompany(database, clock, {
    code: 'BENCH',
    name: '基准测试有限公司',
    taxId: '91110108123456788E',
    baseCurrency: 'CNY',
  });
  const db = tenantDb(database.db, company.id);
  const writer = { actor: 'system:bench', audit: { key: Buffer.alloc(32, 7), clock } };
  const rows: AuditRow[] = [];
  let first = '';
  rows.push(
    await measure(engine, `load ${COUNT.toLocaleString('en-US')} posted claims`, COUNT, async () => {
      first = await load(db);
    }),
  );
  const plan = await createPlan(db, writer, { name: 'bench', body: PLAN });
  const facts = await claimFacts(db, '2026-01-01', '2026-12-31');
  let pure = 0;
  rows.push(
    await measure(engine, 'sampler alone (pure, in memory)', facts.length, async () => {
      pure = sample(facts, PLAN).length;
    }),
  );
  let sampled = 0;
  const timed = await measure(
    engine,
    'sample run: read, sample, write (one transaction)',
    COUNT,
    async () => {
      sampled = (await runSample(db, writer, { planId: plan.id, from: '2026-01-01', to: '2026-12-31' }))
        .sampled;
    },
  );
  if (sampled !== pure) throw new Error('the stored run and the pure run differ');
  rows.push({ ...timed, sampled });
  rows.push(
    await measure(engine, 'lineage walk from one claim', 1, async () => {
      await walkLineage(db, { type: 'expense_claim', id: first });
    }),
  );
  return rows;
}

await childMain(run);

async function postAuditRows(): Promise<Row[]> {
  const rows = await rowsPerEngine<AuditRow>(self);
  for (const r of rows)
    if (r.sampled !== undefined)
      process.stdout.write(`${r.engine}: ${r.sampled.toLocaleString('en-US')} claims sampled\n`);
  return rows;
}

/** The suite bench/run.ts lists. */
export const POST_AUDIT_SUITE = {
  title: `Post-hoc audit: a sample run with every selector over ${COUNT.toLocaleString('en-US')} posted claims, and a lineage walk`,
  run: postAuditRows,
};
