import { createHash } from 'node:crypto';
import { DomainError } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { accountByNumber, accountNamed, amountOf, lockAccount, type AccountRow } from './accounts.ts';
import { sha256Hex } from './decode.ts';
import { parseStatementFile } from './parse.ts';
import type { ParsedLine, ParsedStatement } from './statement-file.ts';

/**
 * Importing a statement file: parsed whole first (a wrong line refuses the file, nothing is written),
 * then stored in one transaction. The same file (its SHA-256) is imported once: a second time answers
 * with the first import and adds nothing. Lines are unique per account by a natural key, so a statement
 * that overlaps one already imported adds only the lines not yet there.
 */
export interface ImportInput {
  readonly bytes: Uint8Array;
  readonly fileName?: string;
  /** The account's code or number; needed when the file does not name the account (most CSV). */
  readonly account?: string;
  /** A CSV layout name, or camt053 / mt940; detected from the content when absent. */
  readonly layout?: string;
}

export interface StatementView {
  readonly id: string;
  readonly accountCode: string;
  readonly statementRef: string | null;
  readonly from: string;
  readonly to: string;
  readonly openingBalance: string | null;
  readonly closingBalance: string | null;
  readonly closingOn: string | null;
  readonly lines: number;
  readonly newLines: number;
}

export interface ImportView {
  readonly id: string;
  /** True when this very file was imported before: nothing new was added. */
  readonly alreadyImported: boolean;
  readonly fileSha256: string;
  readonly fileName: string | null;
  readonly format: string;
  readonly layout: string | null;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly statements: StatementView[];
  readonly lines: number;
  readonly newLines: number;
}

/**
 * What makes two lines one movement: the bank's transaction id when it gives one, else the day,
 * direction, amount, counterparty account, reference and text; and, for lines identical in all that
 * (two equal fees on one day), their occurrence within the file.
 */
export function naturalKey(line: ParsedLine, occurrence: number): string {
  const parts =
    line.bankTxnId !== null
      ? ['t', line.bankTxnId, line.bookedOn, line.direction, String(line.amountMinor), occurrence]
      : [
          'h',
          line.bookedOn,
          line.direction,
          String(line.amountMinor),
          line.counterpartyAccount,
          line.reference,
          line.description,
          occurrence,
        ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

async function importView(db: TenantDb, id: string, alreadyImported: boolean): Promise<ImportView> {
  const row = await db.selectFrom('bank_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const statements = await db
    .selectFrom('bank_statements')
    .innerJoin('bank_accounts', (j) =>
      j
        .onRef('bank_accounts.code', '=', 'bank_statements.account_code')
        .onRef('bank_accounts.tenant_id', '=', 'bank_statements.tenant_id'),
    )
    .selectAll('bank_statements')
    .select('bank_accounts.currency')
    .where('bank_statements.import_id', '=', id)
    .orderBy('bank_statements.id')
    .execute();
  return {
    id: row.id,
    alreadyImported,
    fileSha256: row.file_sha256,
    fileName: row.file_name,
    format: row.format,
    layout: row.layout,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    statements: statements.map((s) => ({
      id: s.id,
      accountCode: s.account_code,
      statementRef: s.statement_ref,
      from: s.from_on,
      to: s.to_on,
      openingBalance: s.opening_balance_minor === null ? null : amountOf(s.opening_balance_minor, s.currency),
      closingBalance: s.closing_balance_minor === null ? null : amountOf(s.closing_balance_minor, s.currency),
      closingOn: s.closing_on,
      lines: s.line_count,
      newLines: alreadyImported ? 0 : s.new_line_count,
    })),
    lines: row.line_count,
    newLines: alreadyImported ? 0 : row.new_line_count,
  };
}

const CHUNK = 400;

export async function importStatementFile(
  db: TenantDb,
  writer: Writer,
  input: ImportInput,
): Promise<ImportView> {
  const sha = sha256Hex(input.bytes);
  const earlier = await db
    .selectFrom('bank_imports')
    .select('id')
    .where('file_sha256', '=', sha)
    .executeTakeFirst();
  if (earlier !== undefined) return importView(db, earlier.id, true);

  const named = input.account === undefined ? undefined : await accountNamed(db, input.account);
  if (input.account !== undefined && named === undefined)
    throw new DomainError('reference_not_found', { resource: 'BankAccount', id: input.account }, [
      {
        code: 'reference_not_found',
        pointer: '/account',
        params: { resource: 'BankAccount', id: input.account },
      },
    ]);
  const parsed = parseStatementFile(input.bytes, {
    currency: named?.currency ?? 'CNY',
    ...(input.layout === undefined ? {} : { layout: input.layout }),
  });
  const placed: { statement: ParsedStatement; account: AccountRow }[] = [];
  for (const statement of parsed.statements) {
    let account = named;
    if (statement.accountNumber !== null) {
      if (named !== undefined && named.account_number !== statement.accountNumber)
        throw new DomainError('bank_account_mismatch', {
          fileAccount: statement.accountNumber,
          account: named.code,
          number: named.account_number,
        });
      account ??= await accountByNumber(db, statement.accountNumber);
      if (account === undefined)
        throw new DomainError('reference_not_found', {
          resource: 'BankAccount',
          id: statement.accountNumber,
        });
    }
    if (account === undefined)
      throw new DomainError('missing_field', { field: 'account' }, [
        { code: 'missing_field', pointer: '/account', params: { field: 'account' } },
      ]);
    const currency = statement.currency ?? account.currency;
    if (currency !== account.currency)
      throw new DomainError('currency_mismatch', { currency, expected: account.currency });
    placed.push({ statement, account });
  }

  const id = await db.transaction(async (tx) => {
    for (const code of [...new Set(placed.map((p) => p.account.code))].sort()) await lockAccount(tx, code);
    const raced = await tx
      .selectFrom('bank_imports')
      .select('id')
      .where('file_sha256', '=', sha)
      .executeTakeFirst();
    if (raced !== undefined) return { id: raced.id, fresh: false };
    const importId = newId();
    const at = writer.audit.clock.now().toISOString();
    const lineCount = placed.reduce((n, p) => n + p.statement.lines.length, 0);
    await tx
      .insertInto('bank_imports', [
        {
          id: importId,
          file_sha256: sha,
          file_name: input.fileName ?? null,
          format: parsed.format,
          layout: parsed.layout,
          statement_count: placed.length,
          line_count: lineCount,
          new_line_count: 0,
          imported_by: writer.actor,
          imported_at: at,
        },
      ])
      .execute();
    const occurrences = new Map<string, number>();
    let newLines = 0;
    for (const { statement, account } of placed) {
      const statementId = newId();
      await tx
        .insertInto('bank_statements', [
          {
            id: statementId,
            import_id: importId,
            account_code: account.code,
            statement_ref: statement.ref,
            from_on: statement.fromOn,
            to_on: statement.toOn,
            opening_balance_minor: statement.opening?.minor ?? null,
            closing_balance_minor: statement.closing?.minor ?? null,
            closing_on: statement.closing?.on ?? null,
            line_count: statement.lines.length,
            new_line_count: 0,
          },
        ])
        .execute();
      const rows = statement.lines.map((line) => {
        const base = `${account.code}|${naturalKey(line, 0)}`;
        const occurrence = occurrences.get(base) ?? 0;
        occurrences.set(base, occurrence + 1);
        return {
          id: newId(),
          account_code: account.code,
          statement_id: statementId,
          natural_key: naturalKey(line, occurrence),
          seq: line.seq,
          booked_on: line.bookedOn,
          value_on: line.valueOn,
          amount_minor: line.amountMinor,
          currency: line.currency,
          direction: line.direction,
          counterparty_name: line.counterpartyName,
          counterparty_account: line.counterpartyAccount,
          reference: line.reference,
          description: line.description,
          bank_txn_id: line.bankTxnId,
          balance_minor: line.balanceMinor,
          created_at: at,
        };
      });
      let added = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const inserted = await tx
          .insertInto('bank_statement_lines', rows.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['tenant_id', 'account_code', 'natural_key']).doNothing())
          .returning('id')
          .execute();
        added += inserted.length;
      }
      newLines += added;
      await tx
        .updateTable('bank_statements')
        .set({ new_line_count: added })
        .where('id', '=', statementId)
        .execute();
    }
    await tx
      .updateTable('bank_imports')
      .set({ new_line_count: newLines })
      .where('id', '=', importId)
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'import',
        entityType: 'BankStatementImport',
        entityId: importId,
        after: {
          fileSha256: sha,
          fileName: input.fileName ?? null,
          format: parsed.format,
          layout: parsed.layout,
          accounts: [...new Set(placed.map((p) => p.account.code))],
          lines: lineCount,
          newLines,
        },
        requestId: writer.requestId,
      },
    ]);
    return { id: importId, fresh: true };
  });
  return importView(db, id.id, !id.fresh);
}

export async function getImport(db: TenantDb, id: string): Promise<ImportView> {
  const row = await db.selectFrom('bank_imports').select('id').where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'BankStatementImport', id });
  return importView(db, id, false);
}

export async function listImports(
  db: TenantDb,
  query: { limit: number; after?: string },
): Promise<{ items: ImportView[]; nextCursor: string | null }> {
  let select = db.selectFrom('bank_imports').select('id');
  if (query.after !== undefined) select = select.where('id', '<', query.after);
  const rows = await select
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const items: ImportView[] = [];
  for (const row of page) items.push(await importView(db, row.id, false));
  return { items, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
