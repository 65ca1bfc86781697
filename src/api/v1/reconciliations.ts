import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { connectionLabel, reconcilableConnections } from '../../hub/reconciliation.ts';
import {
  allDifferences,
  getReconciliation,
  listReconciliations,
  resolveDifference,
  runReconciliation,
} from '../../finance/reconciliation/runs.ts';
import { reconciliationWorkbook } from '../../finance/reconciliation/workbook.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * Hub ↔ ERP reconciliation (对账, docs/reconciliation.md): run one for a connection and a period, list
 * and read the reports with their per word/account summary and differences, export one as a workbook,
 * and resolve a difference (re-post what the ERP lost, mark it deliberately deleted, acknowledge it).
 */
const tags = ['reconciliations'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });
const Period = Type.String({
  minLength: 7,
  maxLength: 7,
  description: 'Accounting period YYYY-MM (adjustment periods 13–16 as YYYY-13 … YYYY-16).',
  examples: ['2026-11'],
});
const Minor = Type.String({
  description: 'Minor units (分), exact, as decimal text (e.g. "120000" for 1,200.00).',
});
const Kind = Type.Union(
  [
    Type.Literal('missing_in_erp'),
    Type.Literal('extra_in_erp'),
    Type.Literal('amount_differs'),
    Type.Literal('account_differs'),
    Type.Literal('reversed_only_in_finbridge'),
    Type.Literal('reversed_only_in_erp'),
  ],
  { description: 'What differs between what FinBridge posted and what the ERP holds.' },
);
const Action = Type.Union([
  Type.Literal('repost'),
  Type.Literal('mark_deleted'),
  Type.Literal('acknowledge'),
]);

const RunSchema = Type.Object({
  id: Type.String(),
  connectionId: Type.String(),
  period: Type.String(),
  status: Type.Union(
    [
      Type.Literal('running'),
      Type.Literal('matched'),
      Type.Literal('differences'),
      Type.Literal('not_checked'),
    ],
    {
      description:
        'not_checked: the ERP could not be read (unreachable, or its connector lists no vouchers) — never reported as matched.',
    },
  ),
  trigger: Type.String({ description: 'manual or schedule.' }),
  startedBy: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  ourCount: Type.Integer({ description: 'Vouchers FinBridge posted through the connection for the period.' }),
  erpCount: Type.Integer({
    description: 'Vouchers the ERP listed for the period (with or without our reference).',
  }),
  matchedCount: Type.Integer(),
  differenceCount: Type.Integer(),
  openCount: Type.Integer({ description: 'Differences not yet resolved.' }),
  ourDebitMinor: Minor,
  erpDebitMinor: Minor,
  failure: Nullable(
    Type.Object({
      reason: Type.String({ description: 'unreachable or unsupported.' }),
      code: Type.String(),
      message: Type.String({ description: 'The ERP’s message, verbatim.' }),
    }),
  ),
});
const SummarySchema = Type.Object({
  word: Type.String({ description: 'Voucher word (记, …) or the ERP’s document type.' }),
  account: Type.String({
    description: 'ERP account number, or partner:<supplier> for a line the ERP books to the supplier.',
  }),
  ourVouchers: Type.Integer(),
  erpVouchers: Type.Integer(),
  ourDebit: Minor,
  erpDebit: Minor,
  ourCredit: Minor,
  erpCredit: Minor,
});
const DifferenceSchema = Type.Object({
  seq: Type.Integer(),
  kind: Kind,
  reference: Nullable(Type.String(), 'Our external reference.'),
  postingId: Nullable(Type.String()),
  documentId: Nullable(Type.String()),
  erpId: Nullable(Type.String()),
  erpNumber: Nullable(Type.String()),
  word: Nullable(Type.String()),
  ourAmountMinor: Nullable(Minor),
  erpAmountMinor: Nullable(Minor),
  detail: Type.Object(
    {
      why: Type.Optional(
        Type.Union([Type.Literal('not_posted_by_finbridge'), Type.Literal('held_twice')], {
          description: 'Of an extra: FinBridge did not post it, or the ERP holds our voucher twice.',
        }),
      ),
      accounts: Type.Optional(
        Type.Array(
          Type.Object(
            { account: Type.String(), ours: Minor, erp: Minor },
            { description: 'Net (debit − credit) per account on each side.' },
          ),
        ),
      ),
      reverses: Type.Optional(Type.String({ description: 'The posting a missing reversal reverses.' })),
    },
    { additionalProperties: false },
  ),
  resolution: Nullable(
    Type.Union([
      Type.Literal('reposted'),
      Type.Literal('deliberately_deleted'),
      Type.Literal('acknowledged'),
    ]),
  ),
  resolutionReason: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  actions: Type.Array(Action, { description: 'The repairs this difference allows now.' }),
});
const ReportSchema = Type.Object({
  reconciliation: RunSchema,
  summary: Type.Array(SummarySchema),
  differences: Type.Array(DifferenceSchema),
  nextSeq: Nullable(Type.Integer(), 'Pass as afterSeq for the next page of differences; null on the last.'),
});

export function registerReconciliationRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const read = needs('reconciliations:read');
  const write = needs('reconciliations:write');
  const deps = { keyring: ctx.security.keyring, clock: ctx.clock };

  app.post(
    '/api/v1/reconciliations',
    {
      config: { policy: write },
      schema: {
        operationId: 'runReconciliation',
        summary:
          'Reconcile a connection’s period now: read what the ERP holds through its connector and compare it with what FinBridge posted',
        tags,
        body: Type.Object(
          { connectionId: Type.String({ format: 'uuid' }), period: Period },
          { additionalProperties: false },
        ),
        response: { 201: RunSchema, ...problems(400, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await runReconciliation(tenant.db, deps, tenant.writer, request.body);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/v1/reconciliations/connections',
    {
      config: { policy: read },
      schema: {
        operationId: 'listReconcilableConnections',
        summary:
          'The active connections whose ERP can be reconciled (its connector lists vouchers), oldest first',
        tags,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), type: Type.String() })),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => ({ items: await reconcilableConnections((await tenantOf(request)).db) }),
  );

  app.get(
    '/api/v1/reconciliations',
    {
      config: { policy: read },
      schema: {
        operationId: 'listReconciliations',
        summary: 'Reconciliation runs, newest first',
        tags,
        querystring: Type.Object(
          {
            connectionId: Type.Optional(Type.String({ format: 'uuid' })),
            period: Type.Optional(Period),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(RunSchema), nextCursor: Nullable(Type.String()) }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listReconciliations((await tenantOf(request)).db, {
        limit: q.limit ?? 50,
        ...(q.connectionId === undefined ? {} : { connectionId: q.connectionId }),
        ...(q.period === undefined ? {} : { period: q.period }),
        ...(q.cursor === undefined ? {} : { before: q.cursor }),
      });
    },
  );

  app.get(
    '/api/v1/reconciliations/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getReconciliation',
        summary:
          'A reconciliation report: the run, its summary per voucher word and account, and a page of differences',
        tags,
        params: IdParams,
        querystring: Type.Object(
          {
            kind: Type.Optional(Kind),
            open: Type.Optional(Type.Boolean({ description: 'Only differences not yet resolved.' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
            afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReportSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const q = request.query;
      return getReconciliation((await tenantOf(request)).db, request.params.id, {
        limit: q.limit ?? 200,
        ...(q.afterSeq === undefined ? {} : { afterSeq: q.afterSeq }),
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.open === undefined ? {} : { open: q.open }),
      });
    },
  );

  app.get(
    '/api/v1/reconciliations/:id/workbook',
    {
      config: { policy: read },
      schema: {
        operationId: 'exportReconciliation',
        summary:
          'A reconciliation report as an Excel workbook (.xlsx): the run, the summary, every difference',
        tags,
        params: IdParams,
        response: {
          200: {
            description: 'An xlsx workbook.',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: Type.String({ format: 'binary' }),
              },
            },
          },
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const report = await getReconciliation(tenant.db, request.params.id, { limit: 1 });
      const run = report.reconciliation;
      const connection = await connectionLabel(tenant.db, run.connectionId);
      const bytes = await reconciliationWorkbook(
        run,
        connection,
        report.summary,
        allDifferences(tenant.db, run.id),
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="reconciliation-${run.period}.xlsx"`)
        .send(bytes as never);
    },
  );

  app.post(
    '/api/v1/reconciliations/:id/differences/:seq/resolve',
    {
      config: { policy: write },
      schema: {
        operationId: 'resolveReconciliationDifference',
        summary:
          'Resolve one difference: re-post what the ERP lost (repost), record it as deliberately deleted in the ERP (mark_deleted), or acknowledge it',
        tags,
        params: Type.Object({ id: Type.String({ format: 'uuid' }), seq: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          { action: Action, reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: DifferenceSchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return resolveDifference(tenant.db, tenant.writer, {
        reconciliationId: request.params.id,
        seq: request.params.seq,
        action: request.body.action,
        reason: request.body.reason,
      });
    },
  );
}
