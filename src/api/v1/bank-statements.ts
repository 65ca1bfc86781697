import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { listAccounts, registerAccount, updateAccount } from '../../finance/bank/accounts.ts';
import { recordManualEntry } from '../../finance/bank/book.ts';
import { CSV_LAYOUTS } from '../../finance/bank/csv-layouts.ts';
import { getImport, importStatementFile, listImports } from '../../finance/bank/import.ts';
import {
  autoMatch,
  getMatch,
  listEntries,
  listLines,
  listMatches,
  manualMatch,
  unmatch,
} from '../../finance/bank/matches.ts';
import { REASON_CODES } from '../../finance/bank/matching.ts';
import { reconciliationStatement } from '../../finance/bank/reconciliation.ts';
import { Amount, CalendarDate, Code, CurrencyCode, Id } from '../../model/common.ts';
import { DomainError } from '../../model/result.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, parseIfMatch, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * Bank statements and their reconciliation (docs/bank.md): accounts, statement import (camt.053,
 * MT940, bank CSV), statement lines and book entries, automatic and manual matches, and the bank
 * reconciliation statement (银行存款余额调节表).
 */
const tags = ['bank statements'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });
const Direction = Type.Union([Type.Literal('in'), Type.Literal('out')], {
  description: 'Money into (收) or out of (付) the company’s account.',
});
const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String(), 'Pass as `cursor` for the next page; null on the last page.'),
  });

const AccountFields = {
  accountNumber: Type.String({ pattern: '^[0-9A-Za-z -]{4,40}$', description: 'The bank account number.' }),
  name: Type.String({ minLength: 1, maxLength: 200, description: 'Account name (户名).' }),
  bankName: Type.Optional(Type.String({ maxLength: 200, description: 'Bank and branch (开户行).' })),
  currency: CurrencyCode,
  openedOn: Type.String({
    ...CalendarDate,
    description: 'The day FinBridge’s book of the account starts (启用日期).',
  }),
  openingBalance: Type.String({
    ...Amount,
    description: 'The book balance at the start of openedOn (启用日账面余额), e.g. "100000.00".',
  }),
  default: Type.Optional(
    Type.Boolean({
      description:
        'Payments that name no account (claims and advances paid with …/pay, Payments without bankAccountCode) are booked on the default account of their currency.',
    }),
  ),
};
const AccountInput = Type.Object({ code: Code, ...AccountFields }, { additionalProperties: false });
const AccountUpdate = Type.Object(AccountFields, { additionalProperties: false });
const AccountSchema = Type.Object({
  code: Type.String(),
  accountNumber: Type.String(),
  name: Type.String(),
  bankName: Nullable(Type.String()),
  currency: Type.String(),
  openedOn: Type.String({ format: 'date' }),
  openingBalance: Type.String(),
  default: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const StatementSchema = Type.Object({
  id: Type.String(),
  accountCode: Type.String(),
  statementRef: Nullable(Type.String(), 'camt Stmt/Id, or MT940 :20: and :28C:.'),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  openingBalance: Nullable(Type.String()),
  closingBalance: Nullable(Type.String()),
  closingOn: Nullable(Type.String({ format: 'date' })),
  lines: Type.Integer({ description: 'Lines the statement lists.' }),
  newLines: Type.Integer({ description: 'Lines not already imported by an earlier statement.' }),
});
const ImportSchema = Type.Object({
  id: Type.String(),
  alreadyImported: Type.Boolean({
    description: 'True when this very file (same SHA-256) was imported before: nothing new was added.',
  }),
  fileSha256: Type.String(),
  fileName: Nullable(Type.String()),
  format: Type.String({ description: 'camt.053.001.NN, mt940 or csv.' }),
  layout: Nullable(Type.String({ description: 'The CSV layout the file was read with.' })),
  importedAt: Type.String({ format: 'date-time' }),
  importedBy: Type.String(),
  statements: Type.Array(StatementSchema),
  lines: Type.Integer(),
  newLines: Type.Integer(),
});

const LineSchema = Type.Object({
  id: Type.String(),
  accountCode: Type.String(),
  statementId: Type.String(),
  bookedOn: Type.String({ format: 'date' }),
  valueOn: Nullable(Type.String({ format: 'date' })),
  amount: Type.String(),
  currency: Type.String(),
  direction: Direction,
  counterpartyName: Nullable(Type.String()),
  counterpartyAccount: Nullable(Type.String()),
  reference: Nullable(Type.String(), 'The payer’s reference (EndToEndId, :61: reference, 业务参考号).'),
  bankReference: Nullable(Type.String(), 'The bank’s own transaction id (AcctSvcrRef, 流水号).'),
  memo: Nullable(Type.String()),
  balance: Nullable(Type.String(), 'The running balance after the line, when the bank gave it.'),
  matchId: Nullable(Type.String()),
});
const EntrySchema = Type.Object({
  id: Type.String(),
  accountCode: Type.String(),
  source: Type.String({
    description:
      'expense (a claim or advance paid), expense_return (its transfer returned), payment (a posted Payment), payment_reversal, manual.',
  }),
  sourceId: Type.String(),
  date: Type.String({ format: 'date' }),
  amount: Type.String(),
  currency: Type.String(),
  direction: Direction,
  counterpartyName: Nullable(Type.String()),
  counterpartyAccount: Nullable(Type.String()),
  reference: Nullable(Type.String()),
  description: Nullable(Type.String()),
  matchId: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
const ReasonSchema = Type.Object({
  code: Type.Enum(REASON_CODES, {
    description: 'Why the items belong together (docs/bank.md lists the points of each).',
  }),
  points: Type.Integer(),
  days: Type.Optional(Type.Integer({ description: 'date: how many days apart.' })),
  match: Type.Optional(Type.Union([Type.Literal('masked'), Type.Literal('contains')])),
  members: Type.Optional(Type.Integer({ description: 'amount of a group: how many items add up.' })),
});
const MatchSchema = Type.Object({
  id: Type.String(),
  accountCode: Type.String(),
  kind: Type.Union([Type.Literal('auto'), Type.Literal('manual')]),
  shape: Type.Union([Type.Literal('one_to_one'), Type.Literal('many_to_one'), Type.Literal('one_to_many')], {
    description:
      'one_to_one; many_to_one: several book entries, one bank line; one_to_many: one book entry, several bank lines.',
  }),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  reasons: Type.Array(ReasonSchema),
  note: Nullable(Type.String()),
  lines: Type.Array(LineSchema),
  entries: Type.Array(EntrySchema),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
const OutstandingLines = Type.Object({
  total: Type.String(),
  count: Type.Integer(),
  items: Type.Array(LineSchema, { description: 'Oldest first; the first 500.' }),
});
const OutstandingEntries = Type.Object({
  total: Type.String(),
  count: Type.Integer(),
  items: Type.Array(EntrySchema, { description: 'Oldest first; the first 500.' }),
});
const ReconciliationSchema = Type.Object({
  account: AccountSchema,
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  currency: Type.String(),
  bank: Type.Object({
    balance: Type.String({ description: 'Bank balance at the end of `to` (银行对账单余额).' }),
    statementId: Type.String(),
    statementRef: Nullable(Type.String()),
    balanceOn: Type.String({
      format: 'date',
      description: 'The day of the statement balance it starts from.',
    }),
    periodIn: Type.String(),
    periodOut: Type.String(),
  }),
  book: Type.Object({
    openingBalance: Type.String({ description: 'Book balance at the start of `from`.' }),
    periodIn: Type.String(),
    periodOut: Type.String(),
    balance: Type.String({ description: 'Book balance at the end of `to` (企业银行存款日记账余额).' }),
  }),
  bankReceivedNotInBook: Type.Object(OutstandingLines.properties, { description: '银行已收、企业未收' }),
  bankPaidNotInBook: Type.Object(OutstandingLines.properties, { description: '银行已付、企业未付' }),
  bookReceivedNotByBank: Type.Object(OutstandingEntries.properties, { description: '企业已收、银行未收' }),
  bookPaidNotByBank: Type.Object(OutstandingEntries.properties, { description: '企业已付、银行未付' }),
  adjustedBookBalance: Type.String(),
  adjustedBankBalance: Type.String(),
  balanced: Type.Boolean(),
  difference: Type.String({ description: 'Adjusted bank balance less adjusted book balance.' }),
});
const AutoMatchSchema = Type.Object({
  accountCode: Type.String(),
  collected: Type.Integer({ description: 'Book entries of paid claims and advances added first.' }),
  matches: Type.Integer(),
  shapes: Type.Object({ oneToOne: Type.Integer(), manyToOne: Type.Integer(), oneToMany: Type.Integer() }),
  linesMatched: Type.Integer(),
  entriesMatched: Type.Integer(),
  openLines: Type.Integer(),
  openEntries: Type.Integer(),
});
const LayoutsSchema = Type.Object({
  formats: Type.Array(Type.Object({ name: Type.String(), title: Type.String() })),
  layouts: Type.Array(
    Type.Object({
      name: Type.String(),
      title: Type.Object({ zh: Type.String(), en: Type.String() }),
      source: Type.Union([Type.Literal('public'), Type.Literal('assumed')]),
      note: Type.String(),
      direction: Type.Union([Type.Literal('columns'), Type.Literal('sign'), Type.Literal('indicator')]),
      signature: Type.Array(Type.String()),
    }),
  ),
});

const ItemQuery = Type.Object(
  {
    account: Type.Optional(Code),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    direction: Type.Optional(Direction),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('matched')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
type ItemQueryValue = {
  account?: string;
  from?: string;
  to?: string;
  direction?: 'in' | 'out';
  status?: 'open' | 'matched';
  limit?: number;
  cursor?: string;
};
const itemQuery = (q: ItemQueryValue) => ({
  limit: q.limit ?? 100,
  ...(q.account === undefined ? {} : { account: q.account }),
  ...(q.from === undefined ? {} : { from: q.from }),
  ...(q.to === undefined ? {} : { to: q.to }),
  ...(q.direction === undefined ? {} : { direction: q.direction }),
  ...(q.status === undefined ? {} : { status: q.status }),
  ...(q.cursor === undefined ? {} : { after: q.cursor }),
});

/** A statement file as uploaded: base64 within the JSON body (files may be GBK, so not a JSON string). */
const IMPORT_BODY_LIMIT = 28 * 1024 * 1024;

/** The first and last day of a period YYYY-MM. */
function periodDays(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

export function registerBankStatementRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const read = needs('bank:read');
  const write = needs('bank:write');

  app.get(
    '/api/v1/bank-statements/layouts',
    {
      config: { policy: read },
      schema: {
        operationId: 'listBankStatementLayouts',
        summary:
          'The statement formats and bank CSV layouts the import reads (which are assumed, which published)',
        tags,
        response: { 200: LayoutsSchema, ...problems(400) },
      },
    },
    async () => ({
      formats: [
        { name: 'camt053', title: 'ISO 20022 camt.053 (BankToCustomerStatement), versions 001.02 to 001.13' },
        { name: 'mt940', title: 'SWIFT MT940 customer statement' },
      ],
      layouts: CSV_LAYOUTS.map((l) => ({
        name: l.name,
        title: l.title,
        source: l.source,
        note: l.note,
        direction: l.direction,
        signature: [...l.signature],
      })),
    }),
  );

  app.post(
    '/api/v1/bank-statements/accounts',
    {
      config: { policy: write },
      schema: {
        operationId: 'createBankAccount',
        summary: 'Register a company bank account, with the day its book starts and the book balance then',
        tags,
        body: AccountInput,
        response: { 201: AccountSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const { bankName, default: isDefault, ...rest } = request.body;
      const view = await registerAccount(tenant.db, tenant.writer, {
        ...rest,
        ...(bankName === undefined ? {} : { bankName }),
        ...(isDefault === undefined ? {} : { default: isDefault }),
      });
      return reply.code(201).header('etag', `"${view.version}"`).send(view);
    },
  );
  app.get(
    '/api/v1/bank-statements/accounts',
    {
      config: { policy: read },
      schema: {
        operationId: 'listBankAccounts',
        summary: 'The company’s bank accounts',
        tags,
        response: { 200: Page(AccountSchema), ...problems(400) },
      },
    },
    async (request) => ({ items: await listAccounts((await tenantOf(request)).db), nextCursor: null }),
  );
  app.put(
    '/api/v1/bank-statements/accounts/:code',
    {
      config: { policy: write },
      schema: {
        operationId: 'updateBankAccount',
        summary:
          'Change a bank account (If-Match: its version); its currency stays once it has lines or entries',
        tags,
        params: Type.Object({ code: Code }),
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) }),
        body: AccountUpdate,
        response: { 200: AccountSchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const { bankName, default: isDefault, ...rest } = request.body;
      const view = await updateAccount(
        tenant.db,
        tenant.writer,
        request.params.code,
        {
          ...rest,
          ...(bankName === undefined ? {} : { bankName }),
          ...(isDefault === undefined ? {} : { default: isDefault }),
        },
        parseIfMatch(request.headers['if-match']),
      );
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.post(
    '/api/v1/bank-statements',
    {
      config: { policy: write },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        operationId: 'importBankStatement',
        summary: 'Import a bank statement file (camt.053, MT940 or a bank’s CSV export): all of it or none',
        description:
          'The file travels base64-encoded. Its format is read from the content; `layout` names a CSV layout ' +
          '(GET /api/v1/bank-statements/layouts) or insists on camt053 / mt940. A wrong line refuses the whole file ' +
          '(422 bank_file_invalid, every wrong line in errors[] by line and field); nothing is written. The same file ' +
          'again answers 200 with alreadyImported and adds nothing; an overlapping statement adds only the lines not ' +
          'yet there (201).',
        tags,
        body: Type.Object(
          {
            content: Type.String({
              minLength: 1,
              maxLength: IMPORT_BODY_LIMIT,
              pattern: '^[A-Za-z0-9+/]*={0,2}$',
              description: 'The file, base64.',
            }),
            fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
            account: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 40,
                description:
                  'The account’s code or number; needed when the file does not name it (most CSV).',
              }),
            ),
            layout: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 40,
                description: 'A CSV layout name, camt053 or mt940.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: ImportSchema, 200: ImportSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const body = request.body;
      const view = await importStatementFile(tenant.db, tenant.writer, {
        bytes: Buffer.from(body.content, 'base64'),
        ...(body.fileName === undefined ? {} : { fileName: body.fileName }),
        ...(body.account === undefined ? {} : { account: body.account }),
        ...(body.layout === undefined ? {} : { layout: body.layout }),
      });
      return reply
        .code(view.alreadyImported ? 200 : 201)
        .header('location', `/api/v1/bank-statements/${view.id}`)
        .send(view);
    },
  );
  app.get(
    '/api/v1/bank-statements',
    {
      config: { policy: read },
      schema: {
        operationId: 'listBankStatementImports',
        summary: 'Imported statement files, newest first',
        tags,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(ImportSchema), ...problems(400) },
      },
    },
    async (request) => {
      const q = request.query;
      return listImports((await tenantOf(request)).db, {
        limit: q.limit ?? 50,
        ...(q.cursor === undefined ? {} : { after: q.cursor }),
      });
    },
  );

  app.get(
    '/api/v1/bank-statements/lines',
    {
      config: { policy: read },
      schema: {
        operationId: 'listBankStatementLines',
        summary: 'Statement lines, filtered by account, booking date, direction and whether they are matched',
        tags,
        querystring: ItemQuery,
        response: { 200: Page(LineSchema), ...problems(400) },
      },
    },
    async (request) => listLines((await tenantOf(request)).db, itemQuery(request.query)),
  );
  app.get(
    '/api/v1/bank-statements/book-entries',
    {
      config: { policy: read },
      schema: {
        operationId: 'listBankBookEntries',
        summary:
          'Book entries (the company’s side: paid claims and advances, posted Payments, manual entries), filtered like the lines',
        tags,
        querystring: ItemQuery,
        response: { 200: Page(EntrySchema), ...problems(400) },
      },
    },
    async (request) => listEntries((await tenantOf(request)).db, itemQuery(request.query)),
  );
  app.post(
    '/api/v1/bank-statements/book-entries',
    {
      config: { policy: write },
      schema: {
        operationId: 'createBankBookEntry',
        summary: 'Record a book entry FinBridge does not know of yet: a receipt (收款), a bank fee, interest',
        tags,
        body: Type.Object(
          {
            account: Code,
            date: CalendarDate,
            amount: Type.String({ ...Amount, description: 'Positive; the direction says in or out.' }),
            direction: Direction,
            counterpartyName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            counterpartyAccount: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            reference: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: EntrySchema, ...problems(400, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const b = request.body;
      const view = await recordManualEntry(tenant.db, tenant.writer, {
        account: b.account,
        date: b.date,
        amount: b.amount,
        direction: b.direction,
        ...(b.counterpartyName === undefined ? {} : { counterpartyName: b.counterpartyName }),
        ...(b.counterpartyAccount === undefined ? {} : { counterpartyAccount: b.counterpartyAccount }),
        ...(b.reference === undefined ? {} : { reference: b.reference }),
        ...(b.description === undefined ? {} : { description: b.description }),
      });
      return reply.code(201).send(view);
    },
  );

  app.post(
    '/api/v1/bank-statements/matches::auto',
    {
      config: { policy: write },
      schema: {
        operationId: 'autoMatchBankStatement',
        summary:
          'Match an account’s open statement lines to its open book entries by amount, date, counterparty and reference',
        description:
          'One to one first, then groups over what is left (several entries against one line, one entry against several lines) ' +
          'when exactly one group adds up. A line without a match above the threshold stays open. Claims and advances paid ' +
          'since the last run are brought onto the book first.',
        tags,
        body: Type.Object(
          {
            account: Code,
            from: Type.Optional(CalendarDate),
            to: Type.Optional(CalendarDate),
            windowDays: Type.Optional(
              Type.Integer({
                minimum: 0,
                maximum: 31,
                default: 7,
                description: 'Most days apart a pair may be.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: AutoMatchSchema, ...problems(400, 404, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      const b = request.body;
      return autoMatch(tenant.db, tenant.writer, {
        account: b.account,
        ...(b.from === undefined ? {} : { from: b.from }),
        ...(b.to === undefined ? {} : { to: b.to }),
        ...(b.windowDays === undefined ? {} : { windowDays: b.windowDays }),
      });
    },
  );
  app.get(
    '/api/v1/bank-statements/matches',
    {
      config: { policy: read },
      schema: {
        operationId: 'listBankMatches',
        summary: 'Matches with their lines, entries, score and reasons',
        tags,
        querystring: Type.Object(
          {
            account: Type.Optional(Code),
            kind: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('manual')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(MatchSchema), ...problems(400) },
      },
    },
    async (request) => {
      const q = request.query;
      return listMatches((await tenantOf(request)).db, {
        limit: q.limit ?? 100,
        ...(q.account === undefined ? {} : { account: q.account }),
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.cursor === undefined ? {} : { after: q.cursor }),
      });
    },
  );
  app.post(
    '/api/v1/bank-statements/matches',
    {
      config: { policy: write },
      schema: {
        operationId: 'createBankMatch',
        summary:
          'Match lines and entries by hand (one to one, many to one or one to many; the totals must agree)',
        tags,
        body: Type.Object(
          {
            lineIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
            entryIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: MatchSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const b = request.body;
      const view = await manualMatch(tenant.db, tenant.writer, {
        lineIds: b.lineIds,
        entryIds: b.entryIds,
        ...(b.note === undefined ? {} : { note: b.note }),
      });
      return reply.code(201).header('location', `/api/v1/bank-statements/matches/${view.id}`).send(view);
    },
  );
  app.get(
    '/api/v1/bank-statements/matches/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getBankMatch',
        summary: 'One match with its lines, entries, score and reasons',
        tags,
        params: IdParams,
        response: { 200: MatchSchema, ...problems(400, 404) },
      },
    },
    async (request) => getMatch((await tenantOf(request)).db, request.params.id),
  );
  app.delete(
    '/api/v1/bank-statements/matches/:id',
    {
      config: { policy: write },
      schema: {
        operationId: 'deleteBankMatch',
        summary:
          'Unmatch: the lines and entries are open again (and never matched together automatically again)',
        tags,
        params: IdParams,
        response: { 200: MatchSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return unmatch(tenant.db, tenant.writer, request.params.id);
    },
  );

  app.get(
    '/api/v1/bank-statements/reconciliation',
    {
      config: { policy: read },
      schema: {
        operationId: 'getBankReconciliation',
        summary: 'The bank reconciliation statement (银行存款余额调节表) of an account for a period',
        description:
          'Name the period as `period` (YYYY-MM) or as `from` and `to`. Outstanding items are those on or before `to` ' +
          'not matched by then; the adjusted balances agree, or `difference` says by how much they do not.',
        tags,
        querystring: Type.Object(
          {
            account: Code,
            period: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })),
            from: Type.Optional(CalendarDate),
            to: Type.Optional(CalendarDate),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReconciliationSchema, ...problems(400, 404, 422) },
      },
    },
    async (request) => {
      const q = request.query;
      const range =
        q.period !== undefined
          ? periodDays(q.period)
          : q.from !== undefined && q.to !== undefined
            ? { from: q.from, to: q.to }
            : undefined;
      if (range === undefined || (q.period !== undefined && (q.from !== undefined || q.to !== undefined)))
        throw new DomainError('invalid_query', {
          detail: 'name either period (YYYY-MM) or both from and to',
        });
      return reconciliationStatement((await tenantOf(request)).db, { account: q.account, ...range });
    },
  );

  app.get(
    '/api/v1/bank-statements/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getBankStatementImport',
        summary: 'One imported statement file with its statements',
        tags,
        params: IdParams,
        response: { 200: ImportSchema, ...problems(400, 404) },
      },
    },
    async (request) => getImport((await tenantOf(request)).db, request.params.id),
  );
}
