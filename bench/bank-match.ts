// npm run bench -- bank-match   — automatic matching of 100,000 bank statement lines against 100,000
// book entries (payments and receipts) on each engine: load, the whole auto-match as the API runs it
// (read the open items, match, write the matches, in one transaction) and the pure matcher alone, with
// the peak RSS of each. FINBRIDGE_BENCH_BANK_LINES sets the size (default 100,000).
// Each engine runs in a child process of its own, so its peak RSS is its own.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { lockAccount, registerAccount } from '../src/finance/bank/accounts.ts';
import { autoMatch } from '../src/finance/bank/matches.ts';
import { proposeMatches, type MatchEntry, type MatchLine } from '../src/finance/bank/matching.ts';
import { dateOfDay, dayNumber } from '../src/finance/bank/values.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createCompany } from '../src/platform/store/companies.ts';
import { type OpenDatabase } from '../src/platform/store/database.ts';
import { newId } from '../src/platform/store/ids.ts';
import { migrateToLatest } from '../src/platform/store/migrate.ts';
import { tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';
import { measure, type Row } from './measure.ts';
import { childMain, rowsPerEngine } from './engines.ts';

const self = fileURLToPath(import.meta.url);
const COUNT = Number(process.env['FINBRIDGE_BENCH_BANK_LINES'] ?? 100_000);
const ACCOUNT = 'BENCH-01';

/** A small deterministic generator, so every run matches the same data. */
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

const FULL_WIDTH = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/**
 * N book entries and N statement lines over a year, per hundred entries: 90 with their own line (dates
 * up to 3 days apart, names abbreviated or in full-width digits, references in half of the lines), 3 paid
 * in one batch line, 2 split by the bank into two lines each, 5 the bank has not seen; and 5 lines the
 * book does not know (fees, interest).
 */
export function generate(count: number): { lines: MatchLine[]; entries: MatchEntry[] } {
  const next = random(20261203);
  const start = dayNumber('2026-01-01');
  const lines: MatchLine[] = [];
  const entries: MatchEntry[] = [];
  const line = (
    over: Partial<MatchLine> & Pick<MatchLine, 'bookedOn' | 'amountMinor' | 'direction'>,
  ): void => {
    lines.push({
      id: newId(),
      valueOn: null,
      counterpartyName: null,
      counterpartyAccount: null,
      reference: null,
      description: null,
      bankTxnId: `T${lines.length}`,
      ...over,
    });
  };
  for (let i = 0; i < count; i += 1) {
    const slot = i % 100;
    const party = Math.floor(next() * 3000);
    const name = `供应商${party}有限公司`;
    const account = `6222${String(party).padStart(8, '0')}`;
    // the year's days in order, about count / 360 entries a day; a batch's three entries share a day
    const day = start + Math.floor(((slot >= 91 && slot <= 92 ? i - slot + 90 : i) * 360) / count);
    const direction = next() < 0.7 ? 'out' : 'in';
    const amountMinor = BigInt(10_000 + Math.floor(next() * 9_990_000));
    const reference = `FK-${i}`;
    const entry: MatchEntry = {
      id: newId(),
      bookedOn: dateOfDay(day),
      amountMinor,
      direction: slot >= 90 && slot <= 92 ? 'out' : direction,
      counterpartyName: name,
      counterpartyAccount: account,
      reference,
      description: null,
    };
    entries.push(entry);
    if (slot < 90)
      line({
        bookedOn: dateOfDay(day + Math.floor(next() * 4)),
        amountMinor,
        direction: entry.direction,
        counterpartyName: next() < 0.5 ? name.replace('有限公司', '') : FULL_WIDTH(name),
        counterpartyAccount: next() < 0.8 ? account : null,
        description: next() < 0.5 ? `货款 ${reference}` : '货款',
      });
    else if (slot === 92) {
      const batch = entries.slice(-3);
      line({
        bookedOn: dateOfDay(day),
        amountMinor: batch.reduce((s, e) => s + e.amountMinor, 0n),
        direction: 'out',
        description: '批量代发',
      });
    } else if (slot === 93 || slot === 94) {
      const first = (amountMinor * 3n) / 5n;
      for (const part of [first, amountMinor - first])
        line({
          bookedOn: dateOfDay(day + 1),
          amountMinor: part,
          direction: entry.direction,
          counterpartyName: name,
          reference,
        });
    } else if (slot === 99)
      for (let k = 0; k < 5; k += 1)
        line({
          bookedOn: dateOfDay(start + Math.floor(next() * 360)),
          amountMinor: BigInt(1 + Math.floor(next() * 5_000)),
          direction: k === 4 ? 'in' : 'out',
          description: k === 4 ? '利息' : '手续费',
        });
  }
  return { lines: lines.slice(0, count), entries };
}

const CHUNK = 500;

async function load(db: TenantDb, data: { lines: MatchLine[]; entries: MatchEntry[] }): Promise<void> {
  const at = '2026-12-03T08:00:00.000Z';
  await db.transaction(async (tx) => {
    await lockAccount(tx, ACCOUNT);
    const importId = newId();
    const statementId = newId();
    await tx
      .insertInto('bank_imports', [
        {
          id: importId,
          file_sha256: randomBytes(32).toString('hex'),
          file_name: 'bench',
          format: 'csv',
          layout: 'generic',
          statement_count: 1,
          line_count: data.lines.length,
          new_line_count: data.lines.length,
          imported_by: 'system:bench',
          imported_at: at,
        },
      ])
      .execute();
    await tx
      .insertInto('bank_statements', [
        {
          id: statementId,
          import_id: importId,
          account_code: ACCOUNT,
          statement_ref: null,
          from_on: '2026-01-01',
          to_on: '2026-12-31',
          opening_balance_minor: null,
          closing_balance_minor: null,
          closing_on: null,
          line_count: data.lines.length,
          new_line_count: data.lines.length,
        },
      ])
      .execute();
    for (let i = 0; i < data.lines.length; i += CHUNK)
      await tx
        .insertInto(
          'bank_statement_lines',
          data.lines.slice(i, i + CHUNK).map((l, k) => ({
            id: l.id,
            account_code: ACCOUNT,
            statement_id: statementId,
            natural_key: `k${i + k}`,
            seq: i + k + 1,
            booked_on: l.bookedOn,
            value_on: l.valueOn,
            amount_minor: l.amountMinor,
            currency: 'CNY',
            direction: l.direction,
            counterparty_name: l.counterpartyName,
            counterparty_account: l.counterpartyAccount,
            reference: l.reference,
            description: l.description,
            bank_txn_id: l.bankTxnId,
            balance_minor: null,
            created_at: at,
          })),
        )
        .execute();
    for (let i = 0; i < data.entries.length; i += CHUNK)
      await tx
        .insertInto(
          'bank_book_entries',
          data.entries.slice(i, i + CHUNK).map((e) => ({
            id: e.id,
            account_code: ACCOUNT,
            source: 'manual' as const,
            source_id: e.id,
            booked_on: e.bookedOn,
            amount_minor: e.amountMinor,
            currency: 'CNY',
            direction: e.direction,
            counterparty_name: e.counterpartyName,
            counterparty_account: e.counterpartyAccount,
            reference: e.reference,
            description: e.description,
            created_by: 'system:bench',
            created_at: at,
          })),
        )
        .execute();
  });
}

interface BankRow extends Row {
  readonly matches?: number;
  readonly shapes?: string;
  readonly open?: string;
}

async function run(engine: 'sqlite' | 'postgres', database: OpenDatabase): Promise<BankRow[]> {
  const clock = fixedClock('2026-12-03T08:00:00Z');
  await migrateToLatest(database);
  const company = await createCompany(database, clock, {
    code: 'BENCH',
    name: '基准测试有限公司',
    taxId: '91110108123456788E',
    baseCurrency: 'CNY',
  });
  const db = tenantDb(database.db, company.id);
  const writer = { actor: 'system:bench', audit: { key: Buffer.alloc(32, 7), clock } };
  await registerAccount(db, writer, {
    code: ACCOUNT,
    accountNumber: '6222000000000001',
    name: '基准测试有限公司',
    currency: 'CNY',
    openedOn: '2026-01-01',
    openingBalance: '0.00',
  });
  const data = generate(COUNT);
  const rows: BankRow[] = [];
  rows.push(
    await measure(
      engine,
      `load ${data.lines.length.toLocaleString('en-US')} lines + ${data.entries.length.toLocaleString('en-US')} entries`,
      data.lines.length + data.entries.length,
      () => load(db, data),
    ),
  );
  const pure = { count: 0 };
  rows.push(
    await measure(engine, 'matcher alone (pure, in memory)', data.lines.length, async () => {
      pure.count = proposeMatches(data.lines, data.entries).length;
    }),
  );
  let result: Awaited<ReturnType<typeof autoMatch>> | undefined;
  const matched = await measure(
    engine,
    'auto-match: read, match, write (one transaction)',
    data.lines.length,
    async () => {
      result = await autoMatch(db, writer, { account: ACCOUNT });
    },
  );
  if (result === undefined || result.matches !== pure.count)
    throw new Error('the stored run and the pure run differ');
  rows.push({
    ...matched,
    matches: result.matches,
    shapes: `${result.shapes.oneToOne}/${result.shapes.manyToOne}/${result.shapes.oneToMany}`,
    open: `${result.openLines}/${result.openEntries}`,
  });
  return rows;
}

await childMain(run);

/** The suite as bench/run.ts runs it: one child process per engine. */
export async function bankMatchRows(): Promise<Row[]> {
  const rows = await rowsPerEngine<BankRow>(self);
  for (const r of rows)
    if (r.matches !== undefined)
      process.stdout.write(
        `${r.engine}: ${r.matches.toLocaleString('en-US')} matches (one-to-one/many-to-one/one-to-many ${r.shapes ?? ''}), open lines/entries ${r.open ?? ''}\n`,
      );
  return rows;
}

/** The suite bench/run.ts lists. */
export const BANK_MATCH_SUITE = {
  title: `Bank matching: ${COUNT.toLocaleString('en-US')} statement lines against ${COUNT.toLocaleString('en-US')} book entries (rows: lines; the load counts lines + entries)`,
  run: bankMatchRows,
};
