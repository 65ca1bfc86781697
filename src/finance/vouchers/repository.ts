import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { VoucherLinesTable, VouchersTable } from '../../finance/tables.ts';
import type { VoucherValue } from '../../model/voucher.ts';
import type { Insertable } from 'kysely';

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit (8 columns × 500 = 4,000). */
const LINES_PER_INSERT = 500;

/**
 * Stores validated vouchers — header and lines — in the caller's transaction. Lines carry debit and
 * credit as 64-bit minor units; the database re-checks that each line has exactly one side.
 */
export async function saveVouchers(
  db: TenantDb,
  clock: Clock,
  vouchers: readonly VoucherValue[],
): Promise<string[]> {
  const now = clock.now().toISOString();
  const ids: string[] = [];
  const headers: Omit<Insertable<VouchersTable>, 'tenant_id'>[] = [];
  const lines: Omit<Insertable<VoucherLinesTable>, 'tenant_id'>[] = [];
  for (const v of vouchers) {
    const id = newId();
    ids.push(id);
    headers.push({
      id,
      date_on: v.date,
      period: v.period,
      word: v.word,
      number: v.number ?? null,
      currency: v.currency,
      summary: v.summary,
      total_minor: v.totalMinor,
      line_count: v.lines.length,
      external_reference: v.externalReference ?? null,
      source_document_id: null,
      attributes_json: JSON.stringify({ companyCode: v.companyCode }),
      created_at: now,
    });
    v.lines.forEach((line, i) =>
      lines.push({
        voucher_id: id,
        line_no: i + 1,
        summary: line.summary,
        account_code: line.accountCode,
        debit_minor: line.debitMinor,
        credit_minor: line.creditMinor,
        aux_json: JSON.stringify(line.aux),
      }),
    );
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < headers.length; i += LINES_PER_INSERT) {
      await tx.insertInto('vouchers', headers.slice(i, i + LINES_PER_INSERT)).execute();
    }
    for (let i = 0; i < lines.length; i += LINES_PER_INSERT) {
      await tx.insertInto('voucher_lines', lines.slice(i, i + LINES_PER_INSERT)).execute();
    }
  });
  return ids;
}

export async function countVoucherLines(db: TenantDb): Promise<number> {
  const row = await db
    .selectFrom('voucher_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
