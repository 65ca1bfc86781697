import type { Selectable } from 'kysely';
import { exponentOf, isCurrencyCode } from '../../model/currencies.ts';
import { formatMinor, parseMoney } from '../../model/money.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { BankAccountsTable } from './tables.ts';
import { cleanAccount } from './values.ts';

/**
 * The company's bank accounts (银行账户): each has our code (what a Payment's bankAccountCode names),
 * the bank's account number (what statements name), a currency, and the day FinBridge's book of it
 * starts with the book balance on that day (启用日期、期初余额). One account per currency may be the
 * default: payments that name no account are booked on it.
 */
export type AccountRow = Selectable<BankAccountsTable>;

export interface BankAccountInput {
  readonly code: string;
  readonly accountNumber: string;
  readonly name: string;
  readonly bankName?: string;
  readonly currency: string;
  readonly openedOn: string;
  readonly openingBalance: string;
  readonly default?: boolean;
}

export interface BankAccountView {
  readonly code: string;
  readonly accountNumber: string;
  readonly name: string;
  readonly bankName: string | null;
  readonly currency: string;
  readonly openedOn: string;
  readonly openingBalance: string;
  readonly default: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Minor units as the wire's decimal string, with the currency's digits. */
export const amountOf = (minor: bigint, currency: string): string =>
  formatMinor(minor, isCurrencyCode(currency) ? exponentOf(currency) : 2);

export const toAccountView = (row: AccountRow): BankAccountView => ({
  code: row.code,
  accountNumber: row.account_number,
  name: row.name,
  bankName: row.bank_name,
  currency: row.currency,
  openedOn: row.opened_on,
  openingBalance: amountOf(row.opening_balance_minor, row.currency),
  default: row.is_default === 1,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function getAccount(db: TenantDb, code: string): Promise<AccountRow> {
  const row = await db.selectFrom('bank_accounts').selectAll().where('code', '=', code).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'BankAccount', id: code });
  return row;
}

/** The account a caller names: by our code, or by its account number. */
export async function accountNamed(db: TenantDb, codeOrNumber: string): Promise<AccountRow | undefined> {
  const byCode = await db
    .selectFrom('bank_accounts')
    .selectAll()
    .where('code', '=', codeOrNumber)
    .executeTakeFirst();
  if (byCode !== undefined) return byCode;
  const number = cleanAccount(codeOrNumber);
  return number === null
    ? undefined
    : db.selectFrom('bank_accounts').selectAll().where('account_number', '=', number).executeTakeFirst();
}

export async function accountByNumber(db: TenantDb, number: string): Promise<AccountRow | undefined> {
  return db.selectFrom('bank_accounts').selectAll().where('account_number', '=', number).executeTakeFirst();
}

export async function listAccounts(db: TenantDb): Promise<BankAccountView[]> {
  const rows = await db.selectFrom('bank_accounts').selectAll().orderBy('code').execute();
  return rows.map(toAccountView);
}

function checked(input: Omit<BankAccountInput, 'code'>): { number: string; balance: bigint } {
  const number = cleanAccount(input.accountNumber);
  const money = parseMoney(input.openingBalance, input.currency, '/openingBalance');
  if (!money.ok) throw refusal(money.failures);
  if (number === null || !/^[0-9A-Z]{4,40}$/.test(number))
    throw refusal([
      { code: 'invalid_field', pointer: '/accountNumber', params: { detail: 'accountNumber' } },
    ]);
  return { number, balance: money.value.minor };
}

/** Only one default account per currency: making one the default stops the other being it. */
async function clearDefault(tx: TenantDb, currency: string, except: string): Promise<void> {
  await tx
    .updateTable('bank_accounts')
    .set({ is_default: 0 })
    .where('currency', '=', currency)
    .where('code', '!=', except)
    .where('is_default', '=', 1)
    .execute();
}

export async function registerAccount(
  db: TenantDb,
  writer: Writer,
  input: BankAccountInput,
): Promise<BankAccountView> {
  const { number, balance } = checked(input);
  return db.transaction(async (tx) => {
    if ((await accountNamed(tx, input.code))?.code === input.code)
      throw new DomainError('duplicate_code', { code: input.code });
    if ((await accountByNumber(tx, number)) !== undefined)
      throw new DomainError('already_exists', { field: 'accountNumber' }, [
        { code: 'already_exists', pointer: '/accountNumber', params: { field: 'accountNumber' } },
      ]);
    const at = writer.audit.clock.now().toISOString();
    if (input.default === true) await clearDefault(tx, input.currency, input.code);
    await tx
      .insertInto('bank_accounts', [
        {
          code: input.code,
          account_number: number,
          name: input.name,
          bank_name: input.bankName ?? null,
          currency: input.currency,
          opened_on: input.openedOn,
          opening_balance_minor: balance,
          is_default: input.default === true ? 1 : 0,
          version: 1,
          created_by: writer.actor,
          created_at: at,
          updated_at: at,
        },
      ])
      .execute();
    const view = toAccountView(await getAccount(tx, input.code));
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'BankAccount',
        entityId: input.code,
        after: view,
        requestId: writer.requestId,
      },
    ]);
    return view;
  });
}

/**
 * Changes an account (not its code). The currency stays while the account has statement lines or book
 * entries; `expectedVersion` (If-Match) guards against overwriting someone else's change.
 */
export async function updateAccount(
  db: TenantDb,
  writer: Writer,
  code: string,
  input: Omit<BankAccountInput, 'code'>,
  expectedVersion?: number,
): Promise<BankAccountView> {
  const { number, balance } = checked(input);
  return db.transaction(async (tx) => {
    const row = await getAccount(tx, code);
    if (expectedVersion !== undefined && expectedVersion !== row.version)
      throw new DomainError('version_conflict', { current: row.version });
    const other = await accountByNumber(tx, number);
    if (other !== undefined && other.code !== code)
      throw new DomainError('already_exists', { field: 'accountNumber' }, [
        { code: 'already_exists', pointer: '/accountNumber', params: { field: 'accountNumber' } },
      ]);
    if (input.currency !== row.currency) {
      const used =
        (await tx
          .selectFrom('bank_statement_lines')
          .select('id')
          .where('account_code', '=', code)
          .limit(1)
          .executeTakeFirst()) ??
        (await tx
          .selectFrom('bank_book_entries')
          .select('id')
          .where('account_code', '=', code)
          .limit(1)
          .executeTakeFirst());
      if (used !== undefined)
        throw refusal([
          {
            code: 'value_not_allowed',
            pointer: '/currency',
            params: { field: 'currency', rule: 'the account already has statement lines or book entries' },
          },
        ]);
    }
    const at = writer.audit.clock.now().toISOString();
    if (input.default === true) await clearDefault(tx, input.currency, code);
    await tx
      .updateTable('bank_accounts')
      .set({
        account_number: number,
        name: input.name,
        bank_name: input.bankName ?? null,
        currency: input.currency,
        opened_on: input.openedOn,
        opening_balance_minor: balance,
        is_default: input.default === true ? 1 : 0,
        version: row.version + 1,
        updated_at: at,
      })
      .where('code', '=', code)
      .where('version', '=', row.version)
      .execute();
    const view = toAccountView(await getAccount(tx, code));
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'update',
        entityType: 'BankAccount',
        entityId: code,
        before: toAccountView(row),
        after: view,
        requestId: writer.requestId,
      },
    ]);
    return view;
  });
}

/** The account's lock for changes to its lines, entries and matches: one writer at a time per account. */
export async function lockAccount(tx: TenantDb, code: string): Promise<AccountRow> {
  // a write first, so that the row (PostgreSQL) or the database (SQLite) is held before anything is read
  await tx
    .updateTable('bank_accounts')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('code', '=', code)
    .execute();
  return getAccount(tx, code);
}
