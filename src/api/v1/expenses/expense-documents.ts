import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { withdrawExpense } from '../../../finance/expenses/lifecycle/approve.ts';
import { payableDocuments, payExpense, repayAdvance } from '../../../finance/expenses/lifecycle/pay.ts';
import { correctExpense, reverseExpense } from '../../../finance/expenses/lifecycle/reverse.ts';
import { submitExpense } from '../../../finance/expenses/lifecycle/submit.ts';
import { checkSubmission } from '../../../finance/expenses/lifecycle/check.ts';
import { skipLabel } from '../../../finance/approvals/skips.ts';
import { renderMessage, type ErrorCode } from '../../../model/error-codes.ts';
import { previewVoucher } from '../../../finance/expenses/lifecycle/voucher.ts';
import {
  createExpenseDocument,
  getExpenseDocument,
  listExpenseDocuments,
  updateExpenseDocument,
  type DocumentView,
} from '../../../finance/expenses/expense-documents.ts';
import { Code, CalendarDate, Amount } from '../../../model/common.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems, requiredIfMatch } from '../../shared.ts';
import { resolveTenant, type TenantContext } from '../../tenant.ts';
import { expenseContext, employeeOf, KINDS } from './route-helpers.ts';
import {
  ExpenseDocumentSchema,
  PageOf,
  PayablePageSchema,
  SubmissionCheckSchema,
  VoucherPreviewSchema,
} from './schemas.ts';

/** Claims, pre-approval requests and advances: drafted, edited, submitted, withdrawn, paid, reversed, corrected, with their voucher preview. */
export function registerExpenseDocumentRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const today = () => ctx.clock.now().toISOString().slice(0, 10);
  app.get(
    '/api/v1/expense-documents/payable',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'listPayableDocuments',
        summary:
          'Posted claims and advances not yet paid (待付款), oldest first, with the amount to pay and totals per currency',
        tags: ['expenses'],
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PayablePageSchema, ...problems(400) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      return reply.send(
        await payableDocuments((await tenantOf(request)).db, {
          limit: q.limit ?? 200,
          ...(q.cursor === undefined ? {} : { after: q.cursor }),
        }),
      );
    },
  );
  for (const k of KINDS) {
    const base = `/api/v1/${k.path}`;
    const op = (verb: string) =>
      `${verb}${k.kind === 'claim' ? 'ExpenseClaim' : k.kind === 'request' ? 'ExpenseRequest' : 'Advance'}`;
    app.post(
      base,
      {
        config: { policy: needs('claims:write') },
        schema: {
          operationId: op('create'),
          summary: `Draft a new ${k.en} (${k.zh})`,
          tags: ['expenses'],
          body: k.entity,
          response: { 201: ExpenseDocumentSchema, ...problems(400, 403, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const tenant = await tenantOf(request);
        const view = await createExpenseDocument(expenseContext(tenant), k.kind, request.body);
        return reply
          .code(201)
          .header('location', `${base}/${view.id}`)
          .header('etag', `"${view.version}"`)
          .send(view);
      },
    );
    app.get(
      base,
      {
        config: { policy: needs('claims:read') },
        schema: {
          operationId: op('list'),
          summary: `${k.en}s: mine, pending my approval, or by status, employee, department and date`,
          tags: ['expenses'],
          querystring: Type.Object(
            {
              mine: Type.Optional(
                Type.Boolean({ description: 'Only the signed-in employee’s own documents.' }),
              ),
              pending: Type.Optional(
                Type.Boolean({ description: 'Only documents waiting for my approval.' }),
              ),
              status: Type.Optional(
                Type.Union(
                  [
                    'draft',
                    'submitted',
                    'approving',
                    'approved',
                    'posted',
                    'paid',
                    'rejected',
                    'withdrawn',
                    'reversed',
                  ].map((s) => Type.Literal(s)),
                ),
              ),
              employeeCode: Type.Optional(Code),
              departmentCode: Type.Optional(Code),
              riskTag: Type.Optional(
                Type.String({
                  pattern: '^[a-z_]{1,40}$',
                  description: 'Only documents tagged by this rule, e.g. per_diem.',
                }),
              ),
              from: Type.Optional(CalendarDate),
              to: Type.Optional(CalendarDate),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
              cursor: Type.Optional(Type.String({ maxLength: 60 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: PageOf(ExpenseDocumentSchema), ...problems(400, 403) },
        },
      },
      async (request, reply) => {
        const tenant = await tenantOf(request);
        const q = request.query as Record<string, string | number | boolean | undefined>;
        const c = expenseContext(tenant);
        const me =
          q['mine'] === true || q['pending'] === true
            ? employeeOf(tenant, '查看自己的单据', 'list their own documents')
            : undefined;
        // an employee without finance rights sees their own documents and those waiting for them
        const employeeCode =
          q['mine'] === true
            ? me
            : c.privileged || q['pending'] === true
              ? (q['employeeCode'] as string | undefined)
              : (c.actorCode ?? undefined);
        return reply.send(
          await listExpenseDocuments(tenant.db, {
            kind: k.kind,
            limit: Number(q['limit'] ?? 50),
            ...(q['status'] === undefined ? {} : { status: q['status'] as 'draft' }),
            ...(employeeCode === undefined ? {} : { employeeCode }),
            ...(q['pending'] === true && me !== undefined ? { pendingFor: me } : {}),
            ...(q['departmentCode'] === undefined ? {} : { departmentCode: q['departmentCode'] as string }),
            ...(q['riskTag'] === undefined ? {} : { riskTag: q['riskTag'] as string }),
            ...(q['from'] === undefined ? {} : { from: q['from'] as string }),
            ...(q['to'] === undefined ? {} : { to: q['to'] as string }),
            ...(q['cursor'] === undefined ? {} : { after: q['cursor'] as string }),
          }),
        );
      },
    );
    app.get(
      `${base}/:id`,
      {
        config: { policy: needs('claims:read') },
        schema: {
          operationId: op('get'),
          summary: `One ${k.en} with lines, risk tags and every transition`,
          tags: ['expenses'],
          params: IdParams,
          response: { 200: ExpenseDocumentSchema, ...problems(400, 404) },
        },
      },
      async (request, reply) => {
        const view = await getExpenseDocument((await tenantOf(request)).db, request.params.id);
        return reply.header('etag', `"${view.version}"`).send(view);
      },
    );
    app.put(
      `${base}/:id`,
      {
        config: { policy: needs('claims:write') },
        schema: {
          operationId: op('replace'),
          summary: `Change a ${k.en} while it is a draft, rejected or withdrawn (If-Match: its version)`,
          tags: ['expenses'],
          params: IdParams,
          headers: Type.Object({ 'if-match': Type.String({ description: 'The version read, e.g. "2".' }) }),
          body: k.entity,
          response: { 200: ExpenseDocumentSchema, ...problems(400, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const tenant = await tenantOf(request);
        const view = await updateExpenseDocument(
          expenseContext(tenant),
          request.params.id,
          requiredIfMatch(request.headers['if-match']),
          request.body,
        );
        return reply.header('etag', `"${view.version}"`).send(view);
      },
    );
    const action = (
      name: string,
      summary: string,
      body: TSchema | undefined,
      run: (tenant: TenantContext, id: string, body: Record<string, unknown>) => Promise<DocumentView>,
    ) =>
      app.post(
        `${base}/:id/${name}`,
        {
          config: { policy: needs('claims:write') },
          schema: {
            operationId: op(name),
            summary,
            tags: ['expenses'],
            params: IdParams,
            ...(body === undefined ? {} : { body }),
            response: { 200: ExpenseDocumentSchema, ...problems(400, 403, 404, 409, 422) },
          },
        },
        async (request, reply) => {
          const tenant = await tenantOf(request);
          const result = await run(
            tenant,
            request.params.id,
            (request.body as Record<string, unknown> | undefined) ?? {},
          );
          wake();
          return reply.send(result);
        },
      );
    app.get(
      `${base}/:id/submission-check`,
      {
        config: { policy: needs('claims:read') },
        schema: {
          operationId: op('checkSubmissionOf'),
          summary: `Dry-run the submission of a ${k.en}: what would refuse it, its risk tags and approval chain (nothing is changed)`,
          tags: ['expenses'],
          params: IdParams,
          response: { 200: SubmissionCheckSchema, ...problems(400, 403, 404) },
        },
      },
      async (request, reply) => {
        const tenant = await tenantOf(request);
        const check = await checkSubmission(expenseContext(tenant), request.params.id);
        const both = (code: ErrorCode, params: Readonly<Record<string, string | number>>) => ({
          zh: renderMessage(code, 'zh-CN', params),
          en: renderMessage(code, 'en-US', params),
        });
        return reply.send({
          ...check,
          blockers: check.blockers.map((b) => ({
            code: b.code,
            pointer: b.pointer,
            message: both(b.code, b.params ?? {}),
          })),
          approval: {
            ...check.approval,
            steps: check.approval.steps.map(({ skip, ...step }) => ({
              ...step,
              skipped: skip === null ? null : { ...skip, message: skipLabel(skip) },
            })),
          },
        });
      },
    );
    const Comment = Type.Object(
      { comment: Type.Optional(Type.String({ maxLength: 500 })) },
      { additionalProperties: false },
    );
    action('submit', `Submit a ${k.en}: audit rules, budget, approval routing`, undefined, (t, id) =>
      submitExpense(expenseContext(t), id),
    );
    action(
      'withdraw',
      `Withdraw a submitted ${k.en} (budget, invoices and advances are released)`,
      Comment,
      (t, id, b) => withdrawExpense(expenseContext(t), id, b['comment'] as string | undefined),
    );
    if (k.kind !== 'request') {
      action(
        'reverse',
        `Reverse a posted ${k.en} with a red-letter voucher (红冲)`,
        Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        (t, id, b) => reverseExpense(expenseContext(t), id, b['reason'] as string),
      );
      action(
        'pay',
        `Record the payment of a posted ${k.en}`,
        Type.Object(
          { paidOn: CalendarDate, reference: Type.Optional(Type.String({ maxLength: 60 })) },
          { additionalProperties: false },
        ),
        (t, id, b) =>
          payExpense(expenseContext(t), id, {
            paidOn: b['paidOn'] as string,
            ...(b['reference'] === undefined ? {} : { reference: b['reference'] as string }),
          }),
      );
      app.get(
        `${base}/:id/voucher`,
        {
          config: { policy: needs('claims:read') },
          schema: {
            operationId: op('previewVoucherOf'),
            summary: `Preview the voucher the ${k.en} will post (balanced, mapped by the posting rules)`,
            tags: ['expenses'],
            params: IdParams,
            response: { 200: VoucherPreviewSchema, ...problems(400, 404, 409, 422) },
          },
        },
        async (request, reply) => {
          const tenant = await tenantOf(request);
          return reply.send(await previewVoucher(tenant.db, tenant.company.code, request.params.id, today()));
        },
      );
    }
    if (k.kind === 'claim')
      action(
        'corrections',
        'Correct a posted claim: the posted voucher is reversed in red and the new revision is posted (posted vouchers are never edited)',
        Type.Object(
          { claim: k.entity, reason: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        (t, id, b) => correctExpense(expenseContext(t), id, b['claim'], b['reason'] as string),
      );
    if (k.kind === 'advance')
      action(
        'repayments',
        'Record cash repaid on an advance',
        Type.Object({ amount: Amount, repaidOn: CalendarDate }, { additionalProperties: false }),
        (t, id, b) =>
          repayAdvance(expenseContext(t), id, {
            amount: b['amount'] as string,
            repaidOn: b['repaidOn'] as string,
          }),
      );
  }
}
