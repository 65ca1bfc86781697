// npm run bench -- reconcile   — Hub ↔ ERP reconciliation (对账) of a month with 100,000 vouchers on each
// engine: the whole run as the API makes it (read the period's posted vouchers in pages, list the ERP's
// vouchers page by page through the connection's connector, compare, store the report with its
// differences in one transaction), with its time and peak RSS. About 1% differ: deleted in the ERP,
// altered, or extra there with a reference of ours. FINBRIDGE_BENCH_RECONCILE_VOUCHERS sets the size.
// The ERP side is a connector definition answering `listVouchers` from a book generated in this process
// (2,000 vouchers a page, as Kingdee's page size), so the table measures FinBridge's part, not a
// simulator's HTTP. Each engine runs in a child process of its own, so its peak RSS is its own.
import { fileURLToPath } from 'node:url';
import type { ConnectorDefinition, ErpVoucher } from '../src/connectors/contract.ts';
import { KINGDEE } from '../src/connectors/kingdee/definition.ts';
import { runReconciliation } from '../src/finance/reconciliation/runs.ts';
import { installConnectors } from '../src/hub/connector-registry.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { type OpenDatabase } from '../src/platform/store/database.ts';
import { newId } from '../src/platform/store/ids.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';
import { formatMinor } from '../src/model/money.ts';
import { measure, type Row } from './measure.ts';
import { childMain, rowsPerEngine } from './engines.ts';

const self = fileURLToPath(import.meta.url);
const COUNT = Number(process.env['FINBRIDGE_BENCH_RECONCILE_VOUCHERS'] ?? 100_000);
const PAGE = 2000;

interface Generated {
  readonly amount: bigint;
  readonly reference: string;
}

const amountOf = (i: number): bigint => BigInt(10_000 + ((i * 7919) % 9_990_000));

/** The ERP's book of the month: ours, less 0.5% deleted, 0.3% altered, plus 0.2% extras with our prefix. */
function erpBook(count: number): ErpVoucher[] {
  const book: ErpVoucher[] = [];
  for (let i = 0; i < count; i += 1) {
    if (i % 200 === 7) continue;
    const amount = amountOf(i) + (i % 300 === 11 ? 1n : 0n);
    book.push(voucherOf(i, `FB-BENCH-V${i}-1`, amount));
  }
  for (let i = 0; i < count / 500; i += 1) book.push(voucherOf(count + i, `FB-BENCH-X${i}-1`, 12_345n));
  return book;
}

function voucherOf(i: number, reference: string, amount: bigint): ErpVoucher {
  return {
    erpId: String(100_000 + i),
    erpNumber: `记-${i + 1}`,
    word: '记',
    date: '2026-11-28',
    period: '2026-11',
    reference,
    reversed: false,
    lines: [
      { account: '660202', debitMinor: amount, creditMinor: 0n, currency: 'CNY' },
      { account: '224101', debitMinor: 0n, creditMinor: amount, currency: 'CNY' },
    ],
  };
}

/** Kingdee's manifest and mapping, with its vouchers listed from the generated book. */
function benchErp(book: readonly ErpVoucher[]): ConnectorDefinition {
  const manifest = { ...KINGDEE.manifest, id: 'bench-erp' };
  return {
    ...KINGDEE,
    manifest,
    create: () => ({
      ...KINGDEE.create(
        {
          baseUrl: 'http://127.0.0.1:9/',
          settings: { acctId: 'x', username: 'x', authKind: 'password' },
          credentials: { password: 'x' },
        },
        { now: () => new Date(0), log: () => {}, timeoutMs: 1000 },
      ),
      manifest,
      listVouchers: async (query) => {
        const from = query.after === null ? 0 : Number(query.after);
        const page = book.slice(from, from + query.limit);
        return {
          vouchers: page,
          next: from + query.limit >= book.length ? null : String(from + query.limit),
        };
      },
    }),
  };
}

const CHUNK = 500;

async function load(db: TenantDb, connectionId: string, count: number): Promise<Generated[]> {
  const at = '2026-11-30T08:00:00.000Z';
  const made: Generated[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i += CHUNK) {
      const rows = [];
      for (let k = i; k < Math.min(count, i + CHUNK); k += 1) {
        const amount = formatMinor(amountOf(k), 2);
        const reference = `FB-BENCH-V${k}-1`;
        made.push({ amount: amountOf(k), reference });
        rows.push({
          id: newId(),
          connection_id: connectionId,
          document_type: 'voucher',
          document_id: `V${k}`,
          document_json: JSON.stringify({
            companyCode: 'BENCH',
            date: '2026-11-28',
            period: '2026-11',
            word: '记',
            currency: 'CNY',
            summary: '报销差旅费',
            lines: [
              { summary: '差旅费', accountCode: '660202', debit: amount },
              { summary: '应付报销款', accountCode: '224101', credit: amount },
            ],
          }),
          external_reference: reference,
          ordering_key: null,
          status: 'posted' as const,
          attempts: 1,
          next_attempt_at: at,
          lease_owner: null,
          lease_until: null,
          erp_id: String(100_000 + k),
          erp_number: `记-${k + 1}`,
          last_outcome: 'success',
          last_error_code: null,
          last_error_message: null,
          last_error_reason: null,
          created_at: at,
          updated_at: at,
          posted_at: at,
          profile_version: null,
          reverses_posting_id: null,
        });
      }
      await tx.insertInto('postings', rows).execute();
    }
  });
  return made;
}

interface ReconcileRow extends Row {
  readonly differences?: number;
  readonly status?: string;
}

async function run(engine: 'sqlite' | 'postgres', database: OpenDatabase): Promise<ReconcileRow[]> {
  const clock = fixedClock('2026-12-03T08:00:00Z');
  await migrateToLatest(database);
  installConnectors([benchErp(erpBook(COUNT))]);
  const company = await createCompany(database, clock, {
    code: 'BENCH',
    name: '基准测试有限公司',
    taxId: '91110108123456788E',
    baseCurrency: 'CNY',
  });
  const db = tenantDb(database.db, company.id);
  const connectionId = newId();
  await db
    .insertInto('connections', [
      {
        id: connectionId,
        name: 'bench',
        type: 'bench-erp',
        base_url: 'http://127.0.0.1:9/',
        settings_json: '{}',
        credentials_secret_id: null,
        rate_limit_rps: 20,
        status: 'active',
        version: 1,
        created_at: '2026-11-01T00:00:00.000Z',
        updated_at: '2026-11-01T00:00:00.000Z',
        erp_version: null,
        erp_version_checked_at: null,
      },
    ])
    .execute();
  const rows: ReconcileRow[] = [];
  rows.push(
    await measure(engine, `load ${COUNT.toLocaleString('en-US')} posted vouchers`, COUNT, async () => {
      await load(db, connectionId, COUNT);
    }),
  );
  const writer = { actor: 'system:bench', audit: { key: Buffer.alloc(32, 7), clock } };
  let result: Awaited<ReturnType<typeof runReconciliation>> | undefined;
  const measured = await measure(
    engine,
    'reconcile the month (read, list, compare, store)',
    COUNT,
    async () => {
      result = await runReconciliation(db, { keyring: undefined as never, clock }, writer, {
        connectionId,
        period: '2026-11',
      });
    },
  );
  if (result === undefined) throw new Error('no result');
  const expected = Math.ceil(COUNT / 200) + Math.ceil(COUNT / 300) + Math.floor(COUNT / 500);
  if (Math.abs(result.differenceCount - expected) > 2)
    throw new Error(`expected about ${expected} differences, found ${result.differenceCount}`);
  rows.push({ ...measured, differences: result.differenceCount, status: result.status });
  return rows;
}

await childMain(run);

/** The suite as bench/run.ts runs it: one child process per engine. */
export async function reconcileRows(): Promise<Row[]> {
  const rows = await rowsPerEngine<ReconcileRow>(self);
  for (const r of rows)
    if (r.differences !== undefined)
      process.stdout.write(
        `${r.engine}: ${r.status ?? ''}, ${r.differences.toLocaleString('en-US')} differences stored\n`,
      );
  return rows;
}

/** The suite bench/run.ts lists. */
export const RECONCILE_SUITE = {
  title: `Hub ↔ ERP reconciliation: a month of ${COUNT.toLocaleString('en-US')} vouchers (about 1% differing), ERP listed in pages of ${PAGE.toLocaleString('en-US')}`,
  run: reconcileRows,
};
