import type { Selectable } from 'kysely';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { amountOf, lockAccount } from './accounts.ts';
import { collectExpensePayments, toEntryView, type BookEntryView, type EntryRow } from './book.ts';
import {
  explainMatch,
  MATCH_DEFAULTS,
  proposeMatches,
  type MatchEntry,
  type MatchLine,
  type MatchShape,
  type Reason,
} from './matching.ts';
import type { BankStatementLinesTable, Direction, MatchKind } from './tables.ts';
import { dateOfDay, dayNumber } from './values.ts';

/**
 * Statement lines and book entries as the API shows them, and their matches: automatic (the rules of
 * matching.ts over an account's open items), or made and undone by a person — each manual match and
 * unmatch goes to the audit log, and a pair someone unmatched is never matched automatically again.
 */
export type LineRow = Selectable<BankStatementLinesTable>;

export interface LineView {
  readonly id: string;
  readonly accountCode: string;
  readonly statementId: string;
  readonly bookedOn: string;
  readonly valueOn: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly direction: Direction;
  readonly counterpartyName: string | null;
  readonly counterpartyAccount: string | null;
  readonly reference: string | null;
  /** The bank's own transaction id. */
  readonly bankReference: string | null;
  readonly memo: string | null;
  /** The running balance after the line, when the bank gave it. */
  readonly balance: string | null;
  readonly matchId: string | null;
}

export const toLineView = (row: LineRow, matchId: string | null): LineView => ({
  id: row.id,
  accountCode: row.account_code,
  statementId: row.statement_id,
  bookedOn: row.booked_on,
  valueOn: row.value_on,
  amount: amountOf(row.amount_minor, row.currency),
  currency: row.currency,
  direction: row.direction,
  counterpartyName: row.counterparty_name,
  counterpartyAccount: row.counterparty_account,
  reference: row.reference,
  bankReference: row.bank_txn_id,
  memo: row.description,
  balance: row.balance_minor === null ? null : amountOf(row.balance_minor, row.currency),
  matchId,
});

export interface ItemQuery {
  readonly account?: string;
  readonly from?: string;
  readonly to?: string;
  readonly direction?: Direction;
  readonly status?: 'open' | 'matched';
  readonly limit: number;
  readonly after?: string;
}

const CHUNK = 400;

export async function listLines(
  db: TenantDb,
  query: ItemQuery,
): Promise<{ items: LineView[]; nextCursor: string | null }> {
  let select = db
    .selectFrom('bank_statement_lines')
    .leftJoin('bank_match_items', (j) =>
      j
        .onRef('bank_match_items.item_id', '=', 'bank_statement_lines.id')
        .onRef('bank_match_items.tenant_id', '=', 'bank_statement_lines.tenant_id')
        .on('bank_match_items.side', '=', 'line'),
    )
    .selectAll('bank_statement_lines')
    .select('bank_match_items.match_id');
  if (query.account !== undefined)
    select = select.where('bank_statement_lines.account_code', '=', query.account);
  if (query.from !== undefined) select = select.where('bank_statement_lines.booked_on', '>=', query.from);
  if (query.to !== undefined) select = select.where('bank_statement_lines.booked_on', '<=', query.to);
  if (query.direction !== undefined)
    select = select.where('bank_statement_lines.direction', '=', query.direction);
  if (query.status === 'open') select = select.where('bank_match_items.match_id', 'is', null);
  if (query.status === 'matched') select = select.where('bank_match_items.match_id', 'is not', null);
  if (query.after !== undefined) select = select.where('bank_statement_lines.id', '>', query.after);
  const rows = await select
    .orderBy('bank_statement_lines.id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(({ match_id, ...row }) => toLineView(row, match_id)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function listEntries(
  db: TenantDb,
  query: ItemQuery,
): Promise<{ items: BookEntryView[]; nextCursor: string | null }> {
  return db.transaction(async (tx) => {
    await collectExpensePayments(tx);
    let select = tx
      .selectFrom('bank_book_entries')
      .leftJoin('bank_match_items', (j) =>
        j
          .onRef('bank_match_items.item_id', '=', 'bank_book_entries.id')
          .onRef('bank_match_items.tenant_id', '=', 'bank_book_entries.tenant_id')
          .on('bank_match_items.side', '=', 'entry'),
      )
      .selectAll('bank_book_entries')
      .select('bank_match_items.match_id');
    if (query.account !== undefined)
      select = select.where('bank_book_entries.account_code', '=', query.account);
    if (query.from !== undefined) select = select.where('bank_book_entries.booked_on', '>=', query.from);
    if (query.to !== undefined) select = select.where('bank_book_entries.booked_on', '<=', query.to);
    if (query.direction !== undefined)
      select = select.where('bank_book_entries.direction', '=', query.direction);
    if (query.status === 'open') select = select.where('bank_match_items.match_id', 'is', null);
    if (query.status === 'matched') select = select.where('bank_match_items.match_id', 'is not', null);
    if (query.after !== undefined) select = select.where('bank_book_entries.id', '>', query.after);
    const rows = await select
      .orderBy('bank_book_entries.id')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(({ match_id, ...row }) => toEntryView(row, match_id)),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

export interface MatchView {
  readonly id: string;
  readonly accountCode: string;
  readonly kind: MatchKind;
  readonly shape: MatchShape;
  readonly score: number;
  readonly reasons: Reason[];
  readonly note: string | null;
  readonly lines: LineView[];
  readonly entries: BookEntryView[];
  readonly createdBy: string;
  readonly createdAt: string;
}

const shapeOf = (lines: number, entries: number): MatchShape =>
  lines === 1 && entries === 1 ? 'one_to_one' : lines === 1 ? 'many_to_one' : 'one_to_many';

async function matchViews(db: TenantDb, ids: readonly string[]): Promise<MatchView[]> {
  if (ids.length === 0) return [];
  const views: MatchView[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const matches = await db.selectFrom('bank_matches').selectAll().where('id', 'in', chunk).execute();
    const items = await db
      .selectFrom('bank_match_items')
      .selectAll()
      .where('match_id', 'in', chunk)
      .execute();
    const lineIds = items.filter((x) => x.side === 'line').map((x) => x.item_id);
    const entryIds = items.filter((x) => x.side === 'entry').map((x) => x.item_id);
    const lines =
      lineIds.length === 0
        ? []
        : await db.selectFrom('bank_statement_lines').selectAll().where('id', 'in', lineIds).execute();
    const entries =
      entryIds.length === 0
        ? []
        : await db.selectFrom('bank_book_entries').selectAll().where('id', 'in', entryIds).execute();
    for (const match of matches) {
      const mine = new Set(items.filter((x) => x.match_id === match.id).map((x) => x.item_id));
      const ls = lines.filter((l) => mine.has(l.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
      const es = entries.filter((e) => mine.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
      views.push({
        id: match.id,
        accountCode: match.account_code,
        kind: match.kind,
        shape: shapeOf(ls.length, es.length),
        score: match.score,
        reasons: JSON.parse(match.reasons_json) as Reason[],
        note: match.note,
        lines: ls.map((l) => toLineView(l, match.id)),
        entries: es.map((e) => toEntryView(e, match.id)),
        createdBy: match.created_by,
        createdAt: match.created_at,
      });
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return views.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

export async function getMatch(db: TenantDb, id: string): Promise<MatchView> {
  const [view] = await matchViews(db, [id]);
  if (view === undefined) throw new DomainError('not_found', { resource: 'BankMatch', id });
  return view;
}

export async function listMatches(
  db: TenantDb,
  query: { account?: string; kind?: MatchKind; limit: number; after?: string },
): Promise<{ items: MatchView[]; nextCursor: string | null }> {
  let select = db.selectFrom('bank_matches').select('id');
  if (query.account !== undefined) select = select.where('account_code', '=', query.account);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.after !== undefined) select = select.where('id', '>', query.after);
  const rows = await select
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: await matchViews(
      db,
      page.map((r) => r.id),
    ),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

const toMatchLine = (
  row: Pick<
    LineRow,
    | 'id'
    | 'booked_on'
    | 'value_on'
    | 'amount_minor'
    | 'direction'
    | 'counterparty_name'
    | 'counterparty_account'
    | 'reference'
    | 'description'
    | 'bank_txn_id'
  >,
): MatchLine => ({
  id: row.id,
  bookedOn: row.booked_on,
  valueOn: row.value_on,
  amountMinor: row.amount_minor,
  direction: row.direction,
  counterpartyName: row.counterparty_name,
  counterpartyAccount: row.counterparty_account,
  reference: row.reference,
  description: row.description,
  bankTxnId: row.bank_txn_id,
});

const toMatchEntry = (
  row: Pick<
    EntryRow,
    | 'id'
    | 'booked_on'
    | 'amount_minor'
    | 'direction'
    | 'counterparty_name'
    | 'counterparty_account'
    | 'reference'
    | 'description'
  >,
): MatchEntry => ({
  id: row.id,
  bookedOn: row.booked_on,
  amountMinor: row.amount_minor,
  direction: row.direction,
  counterpartyName: row.counterparty_name,
  counterpartyAccount: row.counterparty_account,
  reference: row.reference,
  description: row.description,
});

export interface AutoMatchInput {
  readonly account: string;
  /** Only lines booked in this range are matched (entries within the window around it). */
  readonly from?: string;
  readonly to?: string;
  readonly windowDays?: number;
}

export interface AutoMatchResult {
  readonly accountCode: string;
  /** Book entries of paid claims and advances added before matching. */
  readonly collected: number;
  readonly matches: number;
  readonly shapes: { readonly oneToOne: number; readonly manyToOne: number; readonly oneToMany: number };
  readonly linesMatched: number;
  readonly entriesMatched: number;
  readonly openLines: number;
  readonly openEntries: number;
}

async function insertMatches(
  tx: TenantDb,
  account: string,
  actor: string,
  at: string,
  matches: readonly {
    id: string;
    kind: MatchKind;
    score: number;
    reasons: readonly Reason[];
    note: string | null;
    lineIds: readonly string[];
    entryIds: readonly string[];
  }[],
): Promise<void> {
  for (let i = 0; i < matches.length; i += CHUNK) {
    const chunk = matches.slice(i, i + CHUNK);
    await tx
      .insertInto(
        'bank_matches',
        chunk.map((m) => ({
          id: m.id,
          account_code: account,
          kind: m.kind,
          score: m.score,
          reasons_json: JSON.stringify(m.reasons),
          note: m.note,
          created_by: actor,
          created_at: at,
        })),
      )
      .execute();
    const items = chunk.flatMap((m) => [
      ...m.lineIds.map((id) => ({ side: 'line' as const, item_id: id, match_id: m.id })),
      ...m.entryIds.map((id) => ({ side: 'entry' as const, item_id: id, match_id: m.id })),
    ]);
    for (let j = 0; j < items.length; j += CHUNK * 2)
      await tx.insertInto('bank_match_items', items.slice(j, j + CHUNK * 2)).execute();
  }
}

async function openItems(
  tx: TenantDb,
  account: string,
  range: { from?: string; to?: string },
  windowDays: number,
) {
  let lines = tx
    .selectFrom('bank_statement_lines')
    .select([
      'id',
      'booked_on',
      'value_on',
      'amount_minor',
      'direction',
      'counterparty_name',
      'counterparty_account',
      'reference',
      'description',
      'bank_txn_id',
    ])
    .where('account_code', '=', account)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bank_match_items')
            .select('bank_match_items.item_id')
            .whereRef('bank_match_items.tenant_id', '=', 'bank_statement_lines.tenant_id')
            .whereRef('bank_match_items.item_id', '=', 'bank_statement_lines.id')
            .where('bank_match_items.side', '=', 'line'),
        ),
      ),
    );
  let entries = tx
    .selectFrom('bank_book_entries')
    .select([
      'id',
      'booked_on',
      'amount_minor',
      'direction',
      'counterparty_name',
      'counterparty_account',
      'reference',
      'description',
    ])
    .where('account_code', '=', account)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('bank_match_items')
            .select('bank_match_items.item_id')
            .whereRef('bank_match_items.tenant_id', '=', 'bank_book_entries.tenant_id')
            .whereRef('bank_match_items.item_id', '=', 'bank_book_entries.id')
            .where('bank_match_items.side', '=', 'entry'),
        ),
      ),
    );
  if (range.from !== undefined) {
    lines = lines.where('booked_on', '>=', range.from);
    entries = entries.where('booked_on', '>=', dateOfDay(dayNumber(range.from) - windowDays));
  }
  if (range.to !== undefined) {
    lines = lines.where('booked_on', '<=', range.to);
    entries = entries.where('booked_on', '<=', dateOfDay(dayNumber(range.to) + windowDays));
  }
  return {
    lines: (await lines.orderBy('booked_on').orderBy('id').execute()).map(toMatchLine),
    entries: (await entries.orderBy('booked_on').orderBy('id').execute()).map(toMatchEntry),
  };
}

/** Matches an account's open lines and entries by the rules of matching.ts, in one transaction. */
export async function autoMatch(
  db: TenantDb,
  writer: Writer,
  input: AutoMatchInput,
): Promise<AutoMatchResult> {
  const windowDays = input.windowDays ?? MATCH_DEFAULTS.windowDays;
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, input.account);
    const collected = await collectExpensePayments(tx);
    const { lines, entries } = await openItems(tx, account.code, input, windowDays);
    const vetoRows = await tx
      .selectFrom('bank_match_vetoes')
      .innerJoin('bank_statement_lines', (j) =>
        j
          .onRef('bank_statement_lines.id', '=', 'bank_match_vetoes.line_id')
          .onRef('bank_statement_lines.tenant_id', '=', 'bank_match_vetoes.tenant_id'),
      )
      .select(['bank_match_vetoes.line_id', 'bank_match_vetoes.entry_id'])
      .where('bank_statement_lines.account_code', '=', account.code)
      .execute();
    const vetoes = new Set(vetoRows.map((v) => `${v.line_id}|${v.entry_id}`));
    const proposals = proposeMatches(lines, entries, {
      windowDays,
      vetoed: (line, entry) => vetoes.has(`${line}|${entry}`),
    });
    const at = writer.audit.clock.now().toISOString();
    await insertMatches(
      tx,
      account.code,
      writer.actor,
      at,
      proposals.map((p) => ({ ...p, id: newId(), kind: 'auto' as const, note: null })),
    );
    const count = (shape: MatchShape) => proposals.filter((p) => p.shape === shape).length;
    const linesMatched = proposals.reduce((n, p) => n + p.lineIds.length, 0);
    const entriesMatched = proposals.reduce((n, p) => n + p.entryIds.length, 0);
    const result: AutoMatchResult = {
      accountCode: account.code,
      collected,
      matches: proposals.length,
      shapes: {
        oneToOne: count('one_to_one'),
        manyToOne: count('many_to_one'),
        oneToMany: count('one_to_many'),
      },
      linesMatched,
      entriesMatched,
      openLines: lines.length - linesMatched,
      openEntries: entries.length - entriesMatched,
    };
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'auto_match',
        entityType: 'BankAccount',
        entityId: account.code,
        after: { ...result, from: input.from ?? null, to: input.to ?? null, windowDays },
        requestId: writer.requestId,
      },
    ]);
    return result;
  });
}

export interface ManualMatchInput {
  readonly lineIds: readonly string[];
  readonly entryIds: readonly string[];
  readonly note?: string;
}

async function rowsByIds<T extends { id: string }>(
  load: (ids: string[]) => Promise<T[]>,
  ids: readonly string[],
  field: string,
): Promise<T[]> {
  const rows = await load([...ids]);
  const failures: Failure[] = [];
  const found = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    if (!found.has(id))
      failures.push({
        code: 'reference_not_found',
        pointer: `/${field}/${i}`,
        params: { resource: field === 'lineIds' ? 'BankStatementLine' : 'BankBookEntry', id },
      });
  });
  if (failures.length > 0) throw refusal(failures);
  return ids.map((id) => found.get(id) as T);
}

/** A match a person makes: any lines against any entries of one account and direction whose totals agree. */
export async function manualMatch(db: TenantDb, writer: Writer, input: ManualMatchInput): Promise<MatchView> {
  const duplicates = (ids: readonly string[], field: string): Failure[] =>
    ids.flatMap((id, i) =>
      ids.indexOf(id) === i
        ? []
        : [
            {
              code: 'duplicate_in_batch' as const,
              pointer: `/${field}/${i}`,
              params: { code: id, first: ids.indexOf(id) + 1 },
            },
          ],
    );
  const repeated = [...duplicates(input.lineIds, 'lineIds'), ...duplicates(input.entryIds, 'entryIds')];
  if (repeated.length > 0) throw refusal(repeated);
  const lines = await rowsByIds(
    (ids) => db.selectFrom('bank_statement_lines').selectAll().where('id', 'in', ids).execute(),
    input.lineIds,
    'lineIds',
  );
  const entries = await rowsByIds(
    (ids) => db.selectFrom('bank_book_entries').selectAll().where('id', 'in', ids).execute(),
    input.entryIds,
    'entryIds',
  );
  const first = lines[0];
  if (first === undefined)
    throw refusal([{ code: 'missing_field', pointer: '/lineIds', params: { field: 'lineIds' } }]);
  const mixed = (zh: string, en: string) => new DomainError('bank_match_mixed', { reason: zh, reasonEn: en });
  const all = [...lines, ...entries];
  if (all.some((x) => x.account_code !== first.account_code)) throw mixed('账户不同', 'different accounts');
  if (all.some((x) => x.currency !== first.currency)) throw mixed('币种不同', 'different currencies');
  if (all.some((x) => x.direction !== first.direction)) throw mixed('收付方向不同', 'money in and money out');
  const lineTotal = lines.reduce((s, l) => s + l.amount_minor, 0n);
  const entryTotal = entries.reduce((s, e) => s + e.amount_minor, 0n);
  if (lineTotal !== entryTotal)
    throw new DomainError('bank_match_unbalanced', {
      lines: amountOf(lineTotal, first.currency),
      entries: amountOf(entryTotal, first.currency),
    });
  if (lines.length > 1 && entries.length > 1)
    throw mixed(
      '一个匹配只能一边一笔：一对一、多对一或一对多',
      'one side of a match holds one item: one to one, many to one or one to many',
    );
  const id = await db.transaction(async (tx) => {
    await lockAccount(tx, first.account_code);
    const taken = await tx
      .selectFrom('bank_match_items')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('side', '=', 'line'), eb('item_id', 'in', [...input.lineIds])]),
          eb.and([eb('side', '=', 'entry'), eb('item_id', 'in', [...input.entryIds])]),
        ]),
      )
      .executeTakeFirst();
    if (taken !== undefined)
      throw new DomainError('bank_item_matched', {
        item: `${taken.side === 'line' ? 'BankStatementLine' : 'BankBookEntry'} ${taken.item_id}`,
        matchId: taken.match_id,
      });
    const explained = explainMatch(lines.map(toMatchLine), entries.map(toMatchEntry));
    const matchId = newId();
    const at = writer.audit.clock.now().toISOString();
    await insertMatches(tx, first.account_code, writer.actor, at, [
      {
        id: matchId,
        kind: 'manual',
        score: explained.score,
        reasons: explained.reasons,
        note: input.note ?? null,
        lineIds: input.lineIds,
        entryIds: input.entryIds,
      },
    ]);
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'match',
        entityType: 'BankMatch',
        entityId: matchId,
        after: {
          accountCode: first.account_code,
          lineIds: input.lineIds,
          entryIds: input.entryIds,
          note: input.note ?? null,
        },
        requestId: writer.requestId,
      },
    ]);
    return matchId;
  });
  return getMatch(db, id);
}

/** Undoes a match (automatic or manual): its items are open again, and never auto-matched together again. */
export async function unmatch(db: TenantDb, writer: Writer, id: string, note?: string): Promise<MatchView> {
  return db.transaction(async (tx) => {
    const before = await getMatch(tx, id);
    await lockAccount(tx, before.accountCode);
    const at = writer.audit.clock.now().toISOString();
    const vetoes = before.lines.flatMap((l) =>
      before.entries.map((e) => ({
        line_id: l.id,
        entry_id: e.id,
        created_by: writer.actor,
        created_at: at,
      })),
    );
    for (let i = 0; i < vetoes.length; i += CHUNK)
      await tx
        .insertInto('bank_match_vetoes', vetoes.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['tenant_id', 'line_id', 'entry_id']).doNothing())
        .execute();
    await tx.deleteFrom('bank_match_items').where('match_id', '=', id).execute();
    await tx.deleteFrom('bank_matches').where('id', '=', id).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'unmatch',
        entityType: 'BankMatch',
        entityId: id,
        before: {
          kind: before.kind,
          score: before.score,
          accountCode: before.accountCode,
          lineIds: before.lines.map((l) => l.id),
          entryIds: before.entries.map((e) => e.id),
        },
        after: { note: note ?? null },
        requestId: writer.requestId,
      },
    ]);
    return {
      ...before,
      lines: before.lines.map((l) => ({ ...l, matchId: null })),
      entries: before.entries.map((e) => ({ ...e, matchId: null })),
    };
  });
}
