import type { Insertable, Selectable } from 'kysely';
import type { PostedDocument, ReversedDocument } from '../../hub/outcomes.ts';
import { parseMoney } from '../../model/money.ts';
import { parsePayment } from '../../model/payables.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { amountOf, lockAccount, type AccountRow } from './accounts.ts';
import type { BankBookEntriesTable, Direction } from './tables.ts';
import { cleanAccount } from './values.ts';
import { unbookedPayments } from '../payments/book-feed.ts';

/**
 * The book side of reconciliation (企业银行日记账): what FinBridge recorded as money through an account.
 * Its sources, each written once (unique by source and source id):
 * - `expense`: a claim or advance paid — in a payment batch (on the batch's account) or with POST …/pay
 *   (on the default account of its currency) — the amount paid out (a claim's total less the advances
 *   it offsets), on the day and with the reference the payment recorded, to the employee's salary card
 *   or the supplier (对公报销), one entry per payment line (src/finance/payments); `expense_return`: a
 *   transfer the bank sent back (退票), money back in (both collected when matching or reconciling:
 *   `collectExpensePayments`);
 * - `payment`: a Payment (POST /api/v1/payments) the ERP has posted, told by the hub's `posted` outcome;
 *   booked on the account its bankAccountCode names, or the default account; cash payments are not
 *   bank movements; `payment_reversal`: its red-letter reversal, money back in;
 * - `manual`: an entry the cashier records (a receipt, a bank fee, interest), POST …/book-entries.
 * Entries dated before an account's opening day are part of its opening balance and are not written.
 */
export type EntryRow = Selectable<BankBookEntriesTable>;

export interface BookEntryView {
  readonly id: string;
  readonly accountCode: string;
  readonly source: string;
  readonly sourceId: string;
  readonly date: string;
  readonly amount: string;
  readonly currency: string;
  readonly direction: Direction;
  readonly counterpartyName: string | null;
  readonly counterpartyAccount: string | null;
  readonly reference: string | null;
  readonly description: string | null;
  readonly matchId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export const toEntryView = (row: EntryRow, matchId: string | null): BookEntryView => ({
  id: row.id,
  accountCode: row.account_code,
  source: row.source,
  sourceId: row.source_id,
  date: row.booked_on,
  amount: amountOf(row.amount_minor, row.currency),
  currency: row.currency,
  direction: row.direction,
  counterpartyName: row.counterparty_name,
  counterpartyAccount: row.counterparty_account,
  reference: row.reference,
  description: row.description,
  matchId,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

type NewEntry = Omit<Insertable<BankBookEntriesTable>, 'tenant_id'>;

const CHUNK = 400;

async function insertEntries(tx: TenantDb, rows: readonly NewEntry[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await tx
      .insertInto('bank_book_entries', rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['tenant_id', 'source', 'source_id']).doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
}

interface Party {
  readonly name: string | null;
  readonly account: string | null;
}

/** Names and bank accounts of employees, suppliers or customers by code (master data). */
async function parties(
  tx: TenantDb,
  table: 'employees' | 'suppliers' | 'customers',
  codes: readonly string[],
): Promise<Map<string, Party>> {
  const out = new Map<string, Party>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await tx
      .selectFrom(table)
      .select(['code', 'name', 'attributes_json'])
      .where('code', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      const attributes = JSON.parse(row.attributes_json) as {
        bankAccount?: unknown;
        bankAccounts?: { accountNumber?: unknown; primary?: unknown }[];
      };
      const listed = Array.isArray(attributes.bankAccounts) ? attributes.bankAccounts : [];
      const primary = listed.find((a) => a.primary === true) ?? listed[0];
      const account =
        typeof attributes.bankAccount === 'string'
          ? attributes.bankAccount
          : typeof primary?.accountNumber === 'string'
            ? primary.accountNumber
            : null;
      out.set(row.code, { name: row.name, account: cleanAccount(account) });
    }
  }
  return out;
}

/**
 * Writes the book entries of payments of claims and advances not yet on the book, as the payments
 * module records them (src/finance/payments/book-feed.ts): a batch's transfers on the batch's account,
 * direct payments (…/pay) on the default account of their currency; a returned transfer (退票) brings
 * the money back in. Returns how many were added.
 */
export async function collectExpensePayments(tx: TenantDb): Promise<number> {
  const accounts = await tx.selectFrom('bank_accounts').selectAll().execute();
  let added = 0;
  for (const currency of [...new Set(accounts.map((a) => a.currency))]) {
    const movements = await unbookedPayments(tx, currency);
    if (movements.length === 0) continue;
    const fallback = accounts.find((a) => a.currency === currency && a.is_default === 1);
    const needParty = movements.filter((m) => m.payeeName === null || m.payeeAccount === null);
    const suppliers = await parties(
      tx,
      'suppliers',
      needParty.filter((m) => m.payeeKind === 'supplier').map((m) => m.payeeCode),
    );
    const employees = await parties(
      tx,
      'employees',
      needParty.filter((m) => m.payeeKind === 'employee').map((m) => m.payeeCode),
    );
    const rows: NewEntry[] = [];
    for (const m of movements) {
      const account = m.accountCode === null ? fallback : accounts.find((a) => a.code === m.accountCode);
      // recorded before the account's book starts: part of its opening balance
      if (account === undefined || m.on < account.opened_on) continue;
      const party = (m.payeeKind === 'supplier' ? suppliers : employees).get(m.payeeCode);
      const what = `${{ claim: '报销', advance: '借款', supplier_bill: '货款' }[m.payableKind]} ${m.payableNumber} ${m.payableTitle}`;
      rows.push({
        id: newId(),
        account_code: account.code,
        source: m.direction === 'out' ? 'expense' : 'expense_return',
        source_id: m.lineId,
        booked_on: m.on,
        amount_minor: m.amountMinor,
        currency: m.currency,
        direction: m.direction,
        counterparty_name: m.payeeName ?? party?.name ?? null,
        counterparty_account: cleanAccount(m.payeeAccount) ?? party?.account ?? null,
        reference: m.reference,
        description: m.direction === 'out' ? what : `退票 / returned: ${what} ${m.returnReason ?? ''}`.trim(),
        created_by: 'system:payments',
        created_at: m.at,
      });
    }
    added += await insertEntries(tx, rows);
  }
  return added;
}

/** The account a payment goes out of: the one it names, or the default account of its currency. */
async function paymentAccount(
  tx: TenantDb,
  code: string | undefined,
  currency: string,
): Promise<AccountRow | undefined> {
  const select = tx.selectFrom('bank_accounts').selectAll();
  return code !== undefined
    ? select.where('code', '=', code).executeTakeFirst()
    : select.where('is_default', '=', 1).where('currency', '=', currency).executeTakeFirst();
}

/**
 * The hub's `posted` outcome for payments (subscribed in src/modules.ts, in the transaction that records
 * the posting): each bank payment the ERP now holds becomes a book entry.
 */
export async function bookPostedPayments(tx: TenantDb, posted: readonly PostedDocument[]): Promise<void> {
  const rows: NewEntry[] = [];
  const payments = posted.flatMap((p) => {
    const parsed = parsePayment(p.document);
    return parsed.ok && parsed.value.method !== 'cash' ? [{ posting: p, payment: parsed.value }] : [];
  });
  if (payments.length === 0) return;
  const byKind = {
    employee: await parties(
      tx,
      'employees',
      payments.filter((p) => p.payment.payeeKind === 'employee').map((p) => p.payment.payeeCode),
    ),
    supplier: await parties(
      tx,
      'suppliers',
      payments.filter((p) => p.payment.payeeKind === 'supplier').map((p) => p.payment.payeeCode),
    ),
    customer: await parties(
      tx,
      'customers',
      payments.filter((p) => p.payment.payeeKind === 'customer').map((p) => p.payment.payeeCode),
    ),
  };
  for (const { posting, payment } of payments) {
    const account = await paymentAccount(tx, payment.bankAccountCode, payment.currency);
    if (account?.currency !== payment.currency || payment.paidOn < account.opened_on) continue;
    const party = byKind[payment.payeeKind].get(payment.payeeCode);
    rows.push({
      id: newId(),
      account_code: account.code,
      source: 'payment',
      source_id: posting.documentId,
      booked_on: payment.paidOn,
      amount_minor: payment.amountMinor,
      currency: payment.currency,
      direction: 'out',
      counterparty_name: party?.name ?? null,
      counterparty_account: cleanAccount(payment.payeeBankAccount) ?? party?.account ?? null,
      reference: payment.number ?? posting.documentId,
      description: [`付款单 ${payment.number ?? posting.documentId}`, payment.memo].filter(Boolean).join(' '),
      created_by: 'system:hub',
      created_at: posting.postedAt,
    });
  }
  await insertEntries(tx, rows);
}

/** The hub's `reversed` outcome for payments: the red-letter reversal brings the money back on the book. */
export async function bookReversedPayments(
  tx: TenantDb,
  reversed: readonly ReversedDocument[],
): Promise<void> {
  if (reversed.length === 0) return;
  const originals = await tx
    .selectFrom('bank_book_entries')
    .selectAll()
    .where('source', '=', 'payment')
    .where(
      'source_id',
      'in',
      reversed.map((r) => r.documentId),
    )
    .execute();
  const rows: NewEntry[] = [];
  for (const r of reversed) {
    const original = originals.find((o) => o.source_id === r.documentId);
    if (original === undefined) continue;
    const { tenant_id: _tenant, ...copy } = original;
    rows.push({
      ...copy,
      id: newId(),
      source: 'payment_reversal',
      booked_on: r.reversal.postedAt.slice(0, 10),
      direction: 'in',
      description: `红冲 / reversal ${r.reversal.erpNumber}: ${original.description ?? ''}`.trim(),
      created_by: 'system:hub',
      created_at: r.reversal.postedAt,
    });
  }
  await insertEntries(tx, rows);
}

export interface ManualEntryInput {
  readonly account: string;
  readonly date: string;
  readonly amount: string;
  readonly direction: Direction;
  readonly counterpartyName?: string;
  readonly counterpartyAccount?: string;
  readonly reference?: string;
  readonly description?: string;
}

/** A book entry the cashier records: a receipt (收款), a bank fee, interest — what FinBridge does not know yet. */
export async function recordManualEntry(
  db: TenantDb,
  writer: Writer,
  input: ManualEntryInput,
): Promise<BookEntryView> {
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, input.account).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'not_found')
        throw refusal([
          {
            code: 'reference_not_found',
            pointer: '/account',
            params: { resource: 'BankAccount', id: input.account },
          },
        ]);
      throw error;
    });
    const money = parseMoney(input.amount, account.currency, '/amount');
    if (!money.ok) throw refusal(money.failures);
    if (money.value.minor <= 0n)
      throw refusal([{ code: 'amount_not_positive', pointer: '/amount', params: { value: input.amount } }]);
    if (input.date < account.opened_on)
      throw new DomainError('bank_before_opening', {
        date: input.date,
        account: account.code,
        openedOn: account.opened_on,
      });
    const id = newId();
    const at = writer.audit.clock.now().toISOString();
    await tx
      .insertInto('bank_book_entries', [
        {
          id,
          account_code: account.code,
          source: 'manual',
          source_id: id,
          booked_on: input.date,
          amount_minor: money.value.minor,
          currency: account.currency,
          direction: input.direction,
          counterparty_name: input.counterpartyName ?? null,
          counterparty_account: cleanAccount(input.counterpartyAccount),
          reference: input.reference ?? null,
          description: input.description ?? null,
          created_by: writer.actor,
          created_at: at,
        },
      ])
      .execute();
    const view = toEntryView(
      await tx.selectFrom('bank_book_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      null,
    );
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'BankBookEntry',
        entityId: id,
        after: view,
        requestId: writer.requestId,
      },
    ]);
    return view;
  });
}
