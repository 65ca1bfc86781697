import { DomainError } from '../../model/result.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { amountOf, getAccount, toAccountView, type BankAccountView } from './accounts.ts';
import { collectExpensePayments, toEntryView, type BookEntryView, type EntryRow } from './book.ts';
import { toLineView, type LineRow, type LineView } from './matches.ts';
import type { Direction } from './tables.ts';

/**
 * 银行存款余额调节表 — the bank reconciliation statement of one account at the end of a period:
 *
 *   book balance (企业银行存款日记账余额)      bank balance (银行对账单余额)
 *   + received by the bank, not in the book    + received in the book, not by the bank
 *     (银行已收、企业未收)                          (企业已收、银行未收)
 *   − paid by the bank, not in the book        − paid in the book, not by the bank
 *     (银行已付、企业未付)                          (企业已付、银行未付)
 *   = adjusted book balance                    = adjusted bank balance
 *
 * The two adjusted balances agree when every difference is a timing difference (未达账项); otherwise
 * the statement shows by how much they differ. An item is outstanding at the end of the period when it
 * is on or before that day and not matched — or matched only with something dated after it. The book
 * balance is the account's opening balance plus its book entries; the bank balance comes from the
 * statements (the latest closing balance on or before the day, plus the lines after it).
 */
export interface Outstanding<T> {
  readonly total: string;
  readonly count: number;
  /** The items, oldest first (the first 500). */
  readonly items: T[];
}

export interface ReconciliationStatement {
  readonly account: BankAccountView;
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly bank: {
    readonly balance: string;
    /** Where the bank balance comes from: the statement whose balance it starts from. */
    readonly statementId: string;
    readonly statementRef: string | null;
    readonly balanceOn: string;
    readonly periodIn: string;
    readonly periodOut: string;
  };
  readonly book: {
    readonly openingBalance: string;
    readonly periodIn: string;
    readonly periodOut: string;
    readonly balance: string;
  };
  /** 银行已收、企业未收 */
  readonly bankReceivedNotInBook: Outstanding<LineView>;
  /** 银行已付、企业未付 */
  readonly bankPaidNotInBook: Outstanding<LineView>;
  /** 企业已收、银行未收 */
  readonly bookReceivedNotByBank: Outstanding<BookEntryView>;
  /** 企业已付、银行未付 */
  readonly bookPaidNotByBank: Outstanding<BookEntryView>;
  readonly adjustedBookBalance: string;
  readonly adjustedBankBalance: string;
  readonly balanced: boolean;
  /** Adjusted bank balance less adjusted book balance; "0.00" when balanced. */
  readonly difference: string;
}

/** One side's item, for the arithmetic. */
export interface ReconItem {
  readonly id: string;
  readonly on: string;
  readonly amountMinor: bigint;
  readonly direction: Direction;
  readonly matchId: string | null;
}

export interface ReconFigures {
  readonly bookOpeningMinor: bigint;
  readonly bookInMinor: bigint;
  readonly bookOutMinor: bigint;
  readonly bookBalanceMinor: bigint;
  readonly bankInMinor: bigint;
  readonly bankOutMinor: bigint;
  readonly bankReceived: readonly ReconItem[];
  readonly bankPaid: readonly ReconItem[];
  readonly bookReceived: readonly ReconItem[];
  readonly bookPaid: readonly ReconItem[];
  readonly adjustedBookMinor: bigint;
  readonly adjustedBankMinor: bigint;
}

const sum = (items: readonly ReconItem[]): bigint => items.reduce((s, i) => s + i.amountMinor, 0n);
const signed = (i: ReconItem): bigint => (i.direction === 'in' ? i.amountMinor : -i.amountMinor);

/**
 * The arithmetic of the statement, pure: `lines` and `entries` are everything from the account's opening
 * day to `to`; `matchLastOn` gives, per match, the latest date among all its items.
 */
export function reconcile(input: {
  readonly from: string;
  readonly to: string;
  readonly bookOpeningMinor: bigint;
  readonly bankBalanceMinor: bigint;
  readonly lines: readonly ReconItem[];
  readonly entries: readonly ReconItem[];
  readonly matchLastOn: ReadonlyMap<string, string>;
}): ReconFigures {
  const { from, to } = input;
  const outstanding = (i: ReconItem) =>
    i.on <= to && (i.matchId === null || (input.matchLastOn.get(i.matchId) ?? '9999-12-31') > to);
  const within = (i: ReconItem) => i.on >= from && i.on <= to;
  const entries = input.entries.filter((e) => e.on <= to);
  const lines = input.lines.filter((l) => l.on <= to);
  const bookBefore =
    input.bookOpeningMinor + entries.filter((e) => e.on < from).reduce((s, e) => s + signed(e), 0n);
  const bookIn = sum(entries.filter((e) => within(e) && e.direction === 'in'));
  const bookOut = sum(entries.filter((e) => within(e) && e.direction === 'out'));
  const bookBalance = bookBefore + bookIn - bookOut;
  const open = { lines: lines.filter(outstanding), entries: entries.filter(outstanding) };
  const bankReceived = open.lines.filter((l) => l.direction === 'in');
  const bankPaid = open.lines.filter((l) => l.direction === 'out');
  const bookReceived = open.entries.filter((e) => e.direction === 'in');
  const bookPaid = open.entries.filter((e) => e.direction === 'out');
  return {
    bookOpeningMinor: bookBefore,
    bookInMinor: bookIn,
    bookOutMinor: bookOut,
    bookBalanceMinor: bookBalance,
    bankInMinor: sum(lines.filter((l) => within(l) && l.direction === 'in')),
    bankOutMinor: sum(lines.filter((l) => within(l) && l.direction === 'out')),
    bankReceived,
    bankPaid,
    bookReceived,
    bookPaid,
    adjustedBookMinor: bookBalance + sum(bankReceived) - sum(bankPaid),
    adjustedBankMinor: input.bankBalanceMinor + sum(bookReceived) - sum(bookPaid),
  };
}

const LISTED = 500;

/** The bank balance at the end of `to` from the statements (see the module comment). */
async function bankBalance(
  db: TenantDb,
  account: string,
  to: string,
): Promise<{ minor: bigint; statementId: string; statementRef: string | null; on: string } | undefined> {
  const net = async (after: string | null, from: string | null): Promise<bigint> => {
    let select = db
      .selectFrom('bank_statement_lines')
      .select((eb) => ['direction', eb.fn.sum('amount_minor').as('total_minor')])
      .where('account_code', '=', account)
      .where('booked_on', '<=', to);
    if (after !== null) select = select.where('booked_on', '>', after);
    if (from !== null) select = select.where('booked_on', '>=', from);
    const rows = await select.groupBy('direction').execute();
    return rows.reduce((s, r) => {
      const v = BigInt(r.total_minor);
      return r.direction === 'in' ? s + v : s - v;
    }, 0n);
  };
  const closing = await db
    .selectFrom('bank_statements')
    .selectAll()
    .where('account_code', '=', account)
    .where('closing_balance_minor', 'is not', null)
    .where('closing_on', '<=', to)
    .orderBy('closing_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (closing?.closing_balance_minor != null && closing.closing_on !== null)
    return {
      minor: closing.closing_balance_minor + (await net(closing.closing_on, null)),
      statementId: closing.id,
      statementRef: closing.statement_ref,
      on: closing.closing_on,
    };
  const opening = await db
    .selectFrom('bank_statements')
    .selectAll()
    .where('account_code', '=', account)
    .where('opening_balance_minor', 'is not', null)
    .where('from_on', '<=', to)
    .orderBy('from_on')
    .orderBy('id')
    .executeTakeFirst();
  if (opening?.opening_balance_minor != null)
    return {
      minor: opening.opening_balance_minor + (await net(null, opening.from_on)),
      statementId: opening.id,
      statementRef: opening.statement_ref,
      on: opening.from_on,
    };
  return undefined;
}

/** The reconciliation statement of an account for the period `from`–`to` (its outstanding items as of `to`). */
export async function reconciliationStatement(
  db: TenantDb,
  query: { account: string; from: string; to: string },
): Promise<ReconciliationStatement> {
  return db.transaction(async (tx) => {
    const account = await getAccount(tx, query.account);
    if (query.to < account.opened_on)
      throw new DomainError('bank_before_opening', {
        date: query.to,
        account: account.code,
        openedOn: account.opened_on,
      });
    if (query.from > query.to) throw new DomainError('invalid_query', { detail: 'from is after to' });
    await collectExpensePayments(tx);
    const bank = await bankBalance(tx, account.code, query.to);
    if (bank === undefined)
      throw new DomainError('bank_balance_unknown', { account: account.code, date: query.to });
    const lineRows = await tx
      .selectFrom('bank_statement_lines')
      .leftJoin('bank_match_items', (j) =>
        j
          .onRef('bank_match_items.item_id', '=', 'bank_statement_lines.id')
          .onRef('bank_match_items.tenant_id', '=', 'bank_statement_lines.tenant_id')
          .on('bank_match_items.side', '=', 'line'),
      )
      .selectAll('bank_statement_lines')
      .select('bank_match_items.match_id')
      .where('bank_statement_lines.account_code', '=', account.code)
      .where('bank_statement_lines.booked_on', '>=', account.opened_on)
      .where('bank_statement_lines.booked_on', '<=', query.to)
      .orderBy('bank_statement_lines.booked_on')
      .orderBy('bank_statement_lines.id')
      .execute();
    const entryRows = await tx
      .selectFrom('bank_book_entries')
      .leftJoin('bank_match_items', (j) =>
        j
          .onRef('bank_match_items.item_id', '=', 'bank_book_entries.id')
          .onRef('bank_match_items.tenant_id', '=', 'bank_book_entries.tenant_id')
          .on('bank_match_items.side', '=', 'entry'),
      )
      .selectAll('bank_book_entries')
      .select('bank_match_items.match_id')
      .where('bank_book_entries.account_code', '=', account.code)
      .where('bank_book_entries.booked_on', '>=', account.opened_on)
      .where('bank_book_entries.booked_on', '<=', query.to)
      .orderBy('bank_book_entries.booked_on')
      .orderBy('bank_book_entries.id')
      .execute();
    const lastOn = new Map<string, string>();
    const note = (rows: readonly { match_id: string; last_on: unknown }[]) => {
      for (const r of rows) {
        const on = String(r.last_on);
        if ((lastOn.get(r.match_id) ?? '') < on) lastOn.set(r.match_id, on);
      }
    };
    note(
      await tx
        .selectFrom('bank_match_items')
        .innerJoin('bank_statement_lines', (j) =>
          j
            .onRef('bank_statement_lines.id', '=', 'bank_match_items.item_id')
            .onRef('bank_statement_lines.tenant_id', '=', 'bank_match_items.tenant_id'),
        )
        .select((eb) => [
          'bank_match_items.match_id',
          eb.fn.max('bank_statement_lines.booked_on').as('last_on'),
        ])
        .where('bank_match_items.side', '=', 'line')
        .where('bank_statement_lines.account_code', '=', account.code)
        .groupBy('bank_match_items.match_id')
        .execute(),
    );
    note(
      await tx
        .selectFrom('bank_match_items')
        .innerJoin('bank_book_entries', (j) =>
          j
            .onRef('bank_book_entries.id', '=', 'bank_match_items.item_id')
            .onRef('bank_book_entries.tenant_id', '=', 'bank_match_items.tenant_id'),
        )
        .select((eb) => ['bank_match_items.match_id', eb.fn.max('bank_book_entries.booked_on').as('last_on')])
        .where('bank_match_items.side', '=', 'entry')
        .where('bank_book_entries.account_code', '=', account.code)
        .groupBy('bank_match_items.match_id')
        .execute(),
    );
    const item = (r: {
      id: string;
      booked_on: string;
      amount_minor: bigint;
      direction: Direction;
      match_id: string | null;
    }): ReconItem => ({
      id: r.id,
      on: r.booked_on,
      amountMinor: r.amount_minor,
      direction: r.direction,
      matchId: r.match_id,
    });
    const figures = reconcile({
      from: query.from,
      to: query.to,
      bookOpeningMinor: account.opening_balance_minor,
      bankBalanceMinor: bank.minor,
      lines: lineRows.map(item),
      entries: entryRows.map(item),
      matchLastOn: lastOn,
    });
    const money = (minor: bigint) => amountOf(minor, account.currency);
    const lineById = new Map<string, LineRow & { match_id: string | null }>(lineRows.map((r) => [r.id, r]));
    const entryById = new Map<string, EntryRow & { match_id: string | null }>(
      entryRows.map((r) => [r.id, r]),
    );
    const lines = (items: readonly ReconItem[]): Outstanding<LineView> => ({
      total: money(sum(items)),
      count: items.length,
      items: items.slice(0, LISTED).flatMap((i) => {
        const row = lineById.get(i.id);
        if (row === undefined) return [];
        const { match_id, ...line } = row;
        return [toLineView(line, match_id)];
      }),
    });
    const entries = (items: readonly ReconItem[]): Outstanding<BookEntryView> => ({
      total: money(sum(items)),
      count: items.length,
      items: items.slice(0, LISTED).flatMap((i) => {
        const row = entryById.get(i.id);
        if (row === undefined) return [];
        const { match_id, ...entry } = row;
        return [toEntryView(entry, match_id)];
      }),
    });
    return {
      account: toAccountView(account),
      from: query.from,
      to: query.to,
      currency: account.currency,
      bank: {
        balance: money(bank.minor),
        statementId: bank.statementId,
        statementRef: bank.statementRef,
        balanceOn: bank.on,
        periodIn: money(figures.bankInMinor),
        periodOut: money(figures.bankOutMinor),
      },
      book: {
        openingBalance: money(figures.bookOpeningMinor),
        periodIn: money(figures.bookInMinor),
        periodOut: money(figures.bookOutMinor),
        balance: money(figures.bookBalanceMinor),
      },
      bankReceivedNotInBook: lines(figures.bankReceived),
      bankPaidNotInBook: lines(figures.bankPaid),
      bookReceivedNotByBank: entries(figures.bookReceived),
      bookPaidNotByBank: entries(figures.bookPaid),
      adjustedBookBalance: money(figures.adjustedBookMinor),
      adjustedBankBalance: money(figures.adjustedBankMinor),
      balanced: figures.adjustedBankMinor === figures.adjustedBookMinor,
      difference: money(figures.adjustedBankMinor - figures.adjustedBookMinor),
    };
  });
}
