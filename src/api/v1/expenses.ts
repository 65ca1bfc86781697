import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { unstorableText } from '../../model/text.ts';
import {
  correctExpense,
  decideExpenseTask,
  delegateExpenseTask,
  payExpense,
  previewVoucher,
  repayAdvance,
  reverseExpense,
  submitExpense,
  withdrawExpense,
} from '../../finance/expenses/lifecycle.ts';
import {
  createExpenseDocument,
  getExpenseDocument,
  listExpenseDocuments,
  updateExpenseDocument,
  type ExpenseContext,
} from '../../finance/expenses/documents.ts';
import {
  getInvoice,
  importInvoiceXml,
  listInvoices,
  registerInvoice,
} from '../../finance/invoices/invoices.ts';
import { tasksOf, tasksOfDocument } from '../../finance/approvals/workflow.ts';
import { createDelegation } from '../../finance/approvals/delegations.ts';
import { attachFile, listAttachments } from '../../finance/expenses/attachments.ts';
import { setPeriodStatus } from '../../finance/expenses/periods.ts';
import { listNotifications } from '../../finance/approvals/notifications.ts';
import {
  createExternalApprover,
  listExternalApprovers,
  verifyCallback,
} from '../../finance/approvals/external.ts';
import { budgetExecution, createBudget, updateBudget } from '../../finance/budgets/budgets.ts';
import { getRuleSet, listRuleSets, RULE_SET_KINDS, saveRuleSet } from '../../finance/rules/rule-sets.ts';
import { Code, CalendarDate, Amount } from '../../model/common.ts';
import { DomainError } from '../../model/result.ts';
import { ENTITIES } from '../../model/schemas.ts';
import { tenantDb } from '../../platform/store/tenant-scope.ts';
import { findCompany } from '../../platform/store/companies.ts';
import { needs, PUBLIC } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ExpenseKind, RuleSetKind, TaskStatus } from '../../platform/store/tables.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems, requiredIfMatch } from '../shared.ts';
import { resolveTenant, type TenantContext } from '../tenant.ts';

/**
 * The expense lifecycle's API: invoices (structured and 数电票 XML), claims, requests and advances with
 * their transitions, approval tasks, delegations, budgets and their execution, rule sets, external
 * approvers and their signed callbacks, closed periods and notifications. Responses are documented
 * loosely and serialised as they are (documents carry nested lines and risk tags).
 */
const Loose = Type.Object({}, { additionalProperties: true });
const Page = Type.Object({ items: Type.Array(Loose), nextCursor: Type.Union([Type.String(), Type.Null()]) });
const json = (payload: unknown) => JSON.stringify(payload);

function expenseContext(tenant: TenantContext): ExpenseContext {
  const p = tenant.principal;
  return {
    db: tenant.db,
    writer: tenant.writer,
    company: tenant.company,
    actorCode: p.kind === 'user' ? p.employeeCode : null,
    privileged: p.kind === 'client' || p.roles.includes('finance') || p.roles.includes('admin'),
  };
}

/** Invoices registered by a signed-in employee are theirs (`mine=true` lists them). */
const invoiceOwner = (tenant: TenantContext): { ownerEmployeeCode?: string } =>
  tenant.principal.kind === 'user' && tenant.principal.employeeCode !== null
    ? { ownerEmployeeCode: tenant.principal.employeeCode }
    : {};

function employeeOf(tenant: TenantContext, zh: string, en: string): string {
  const p = tenant.principal;
  if (p.kind !== 'user' || p.employeeCode === null)
    throw new DomainError('not_an_employee', { actionZh: zh, actionEn: en });
  return p.employeeCode;
}

const KINDS: readonly { kind: ExpenseKind; path: string; entity: TSchema; zh: string; en: string }[] = [
  {
    kind: 'claim',
    path: 'expense-claims',
    entity: ENTITIES.ExpenseClaim.input,
    zh: '报销单',
    en: 'expense claim',
  },
  {
    kind: 'request',
    path: 'expense-requests',
    entity: ENTITIES.ExpenseRequest.input,
    zh: '申请单',
    en: 'expense request',
  },
  { kind: 'advance', path: 'advances', entity: ENTITIES.Advance.input, zh: '借款单', en: 'advance' },
];

export function registerExpenseRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const today = () => ctx.clock.now().toISOString().slice(0, 10);

  // invoices
  app.post(
    '/api/v1/invoices',
    {
      config: { policy: needs('claims:write') },
      schema: {
        operationId: 'registerInvoice',
        summary: 'Register an invoice from structured data (checked, and refused if already registered)',
        tags: ['invoices'],
        body: ENTITIES.Invoice.input,
        response: { 201: Loose, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await registerInvoice(tenant.db, tenant.writer, request.body, {
        buyer: { name: tenant.company.name, taxId: tenant.company.taxId },
        source: 'structured',
        ...invoiceOwner(tenant),
      });
      return reply.code(201).serializer(json).send(view);
    },
  );
  app.post(
    '/api/v1/invoices/import',
    {
      config: { policy: needs('claims:write') },
      schema: {
        operationId: 'importInvoiceXml',
        summary:
          'Import a fully-digital e-invoice (数电票) XML file; the original file is kept with its SHA-256',
        tags: ['invoices'],
        body: Type.Object(
          {
            xml: Type.String({ minLength: 1, maxLength: 2_000_000 }),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Loose, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await importInvoiceXml(tenant.db, tenant.writer, request.body.xml, {
        buyer: { name: tenant.company.name, taxId: tenant.company.taxId },
        ...(request.body.fileName === undefined ? {} : { fileName: request.body.fileName }),
        ...invoiceOwner(tenant),
      });
      return reply.code(201).serializer(json).send(view);
    },
  );
  app.get(
    '/api/v1/invoices',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listInvoices',
        summary: 'Invoices, filtered by status (unused, claimed, posted), owner, seller or issue date',
        tags: ['invoices'],
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union([Type.Literal('unused'), Type.Literal('claimed'), Type.Literal('posted')]),
            ),
            mine: Type.Optional(Type.Boolean()),
            sellerTaxId: Type.Optional(Type.String({ maxLength: 18 })),
            from: Type.Optional(CalendarDate),
            to: Type.Optional(CalendarDate),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page, ...problems(400) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const q = request.query;
      const mine =
        q.mine === true ? employeeOf(tenant, '查看自己的发票', 'list their own invoices') : undefined;
      return reply.serializer(json).send(
        await listInvoices(tenant.db, {
          limit: q.limit ?? 100,
          ...(q.status === undefined ? {} : { status: q.status }),
          ...(mine === undefined ? {} : { ownerEmployeeCode: mine }),
          ...(q.sellerTaxId === undefined ? {} : { sellerTaxId: q.sellerTaxId }),
          ...(q.from === undefined ? {} : { from: q.from }),
          ...(q.to === undefined ? {} : { to: q.to }),
          ...(q.cursor === undefined ? {} : { after: q.cursor }),
        }),
      );
    },
  );
  app.get(
    '/api/v1/invoices/:id',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'getInvoice',
        summary: 'One invoice, with the claim using it',
        tags: ['invoices'],
        params: IdParams,
        response: { 200: Loose, ...problems(400, 404) },
      },
    },
    async (request, reply) =>
      reply.serializer(json).send(await getInvoice((await tenantOf(request)).db, request.params.id)),
  );

  // claims, requests, advances
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
          response: { 201: Loose, ...problems(400, 403, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const tenant = await tenantOf(request);
        const view = await createExpenseDocument(expenseContext(tenant), k.kind, request.body);
        return reply
          .code(201)
          .header('location', `${base}/${view.id}`)
          .header('etag', `"${view.version}"`)
          .serializer(json)
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
          response: { 200: Page, ...problems(400, 403) },
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
        return reply.serializer(json).send(
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
          response: { 200: Loose, ...problems(400, 404) },
        },
      },
      async (request, reply) => {
        const view = await getExpenseDocument((await tenantOf(request)).db, request.params.id);
        return reply.header('etag', `"${view.version}"`).serializer(json).send(view);
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
          response: { 200: Loose, ...problems(400, 403, 404, 409, 413, 415, 422) },
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
        return reply.header('etag', `"${view.version}"`).serializer(json).send(view);
      },
    );
    const action = (
      name: string,
      summary: string,
      body: TSchema | undefined,
      run: (tenant: TenantContext, id: string, body: Record<string, unknown>) => Promise<unknown>,
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
            response: { 200: Loose, ...problems(400, 403, 404, 409, 422) },
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
          return reply.serializer(json).send(result as Record<string, unknown>);
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
            response: { 200: Loose, ...problems(400, 404, 409, 422) },
          },
        },
        async (request, reply) => {
          const tenant = await tenantOf(request);
          return reply
            .serializer(json)
            .send(await previewVoucher(tenant.db, tenant.company.code, request.params.id, today()));
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

  // attachments
  app.post(
    '/api/v1/expense-documents/:id/attachments',
    {
      config: { policy: needs('claims:write') },
      schema: {
        operationId: 'attachFile',
        summary: 'Attach a file (receipt, contract) to a claim, request or advance; stored with its SHA-256',
        tags: ['expenses'],
        params: IdParams,
        body: Type.Object(
          {
            fileName: Type.String({ minLength: 1, maxLength: 200 }),
            contentType: Type.String({ minLength: 3, maxLength: 100 }),
            contentBase64: Type.String({
              minLength: 1,
              maxLength: 14_000_000,
              pattern: '^[A-Za-z0-9+/=\\s]+$',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Loose, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await attachFile(tenant.db, tenant.writer, request.params.id, {
        name: request.body.fileName,
        contentType: request.body.contentType,
        content: Buffer.from(request.body.contentBase64, 'base64'),
      });
      return reply.code(201).serializer(json).send(view);
    },
  );
  app.get(
    '/api/v1/expense-documents/:id/attachments',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listAttachments',
        summary: 'Files attached to a document (or an imported invoice), with SHA-256',
        tags: ['expenses'],
        params: IdParams,
        response: { 200: Page, ...problems(400) },
      },
    },
    async (request, reply) => {
      const items = await listAttachments((await tenantOf(request)).db, request.params.id);
      return reply.serializer(json).send({ items, nextCursor: null });
    },
  );

  // approval tasks
  app.get(
    '/api/v1/approval-tasks',
    {
      config: { policy: needs('approvals:write') },
      schema: {
        operationId: 'listMyApprovalTasks',
        summary: 'My approval tasks (pending by default), with the document and its risk tags',
        tags: ['approvals'],
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union(['pending', 'approved', 'rejected', 'cancelled'].map((s) => Type.Literal(s))),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page, ...problems(400, 403) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '查看审批任务', 'list approval tasks');
      const status = ((request.query.status as string | undefined) ?? 'pending') as TaskStatus;
      return reply.serializer(json).send({
        items: await tasksOf(tenant.db, me, status, request.query.limit ?? 100),
        nextCursor: null,
      });
    },
  );
  app.get(
    '/api/v1/expense-documents/:id/approval-tasks',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listDocumentTasks',
        summary: 'Every approval task of a document, round by round',
        tags: ['approvals'],
        params: IdParams,
        response: { 200: Page, ...problems(400) },
      },
    },
    async (request, reply) => {
      const items = await tasksOfDocument((await tenantOf(request)).db, request.params.id);
      return reply.serializer(json).send({ items, nextCursor: null });
    },
  );
  for (const decision of ['approve', 'reject'] as const)
    app.post(
      `/api/v1/approval-tasks/:id/${decision}`,
      {
        config: { policy: needs('approvals:write') },
        schema: {
          operationId: `${decision}Task`,
          summary:
            decision === 'approve'
              ? 'Approve a task assigned to me'
              : 'Reject a task assigned to me (a comment is required)',
          tags: ['approvals'],
          params: IdParams,
          body: Type.Object(
            { comment: Type.Optional(Type.String({ maxLength: 500 })) },
            { additionalProperties: false },
          ),
          response: { 200: Loose, ...problems(400, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const tenant = await tenantOf(request);
        const me = employeeOf(tenant, '审批', 'decide approval tasks');
        const result = await decideExpenseTask(tenant.db, tenant.writer, tenant.company.code, me, {
          taskId: request.params.id,
          decision,
          ...(request.body.comment === undefined ? {} : { comment: request.body.comment }),
        });
        wake();
        return reply.serializer(json).send(result);
      },
    );
  app.post(
    '/api/v1/approval-tasks/:id/delegate',
    {
      config: { policy: needs('approvals:write') },
      schema: {
        operationId: 'delegateTask',
        summary: 'Hand a task assigned to me to another employee (转交)',
        tags: ['approvals'],
        params: IdParams,
        body: Type.Object(
          { to: Code, comment: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '转交审批', 'delegate approval tasks');
      return reply.serializer(json).send(
        await delegateExpenseTask(tenant.db, tenant.writer, me, {
          taskId: request.params.id,
          to: request.body.to,
          ...(request.body.comment === undefined ? {} : { comment: request.body.comment }),
        }),
      );
    },
  );
  app.post(
    '/api/v1/delegations',
    {
      config: { policy: needs('approvals:write') },
      schema: {
        operationId: 'createDelegation',
        summary: 'Let another employee approve in my place between two dates (finance may set it for anyone)',
        tags: ['approvals'],
        body: Type.Object(
          {
            delegatorCode: Type.Optional(Code),
            delegateCode: Code,
            fromOn: CalendarDate,
            toOn: CalendarDate,
            reason: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Loose, ...problems(400, 403, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const c = expenseContext(tenant);
      const delegator = request.body.delegatorCode ?? employeeOf(tenant, '设置代理', 'delegate');
      if (!c.privileged && delegator !== c.actorCode)
        throw new DomainError('document_not_yours', { employee: delegator });
      const created = await createDelegation(tenant.db, tenant.writer, {
        delegatorCode: delegator,
        delegateCode: request.body.delegateCode,
        fromOn: request.body.fromOn,
        toOn: request.body.toOn,
        ...(request.body.reason === undefined ? {} : { reason: request.body.reason }),
      });
      return reply.code(201).serializer(json).send(created);
    },
  );
  app.get(
    '/api/v1/notifications',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listMyNotifications',
        summary: 'My notifications: new tasks, reminders, decisions',
        tags: ['approvals'],
        response: { 200: Page, ...problems(400, 403) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply.serializer(json).send({
        items: await listNotifications(tenant.db, employeeOf(tenant, '查看通知', 'read notifications'), 100),
        nextCursor: null,
      });
    },
  );

  // budgets
  app.get(
    '/api/v1/budgets',
    {
      config: { policy: needs('budgets:read') },
      schema: {
        operationId: 'budgetExecution',
        summary: 'Budget execution for any slice: budget, occupied, actual, available',
        tags: ['budgets'],
        querystring: Type.Object(
          {
            departmentCode: Type.Optional(Code),
            categoryCode: Type.Optional(Code),
            period: Type.Optional(Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$' })),
            projectCode: Type.Optional(Code),
          },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.serializer(json).send(await budgetExecution((await tenantOf(request)).db, request.query)),
  );
  app.post(
    '/api/v1/budgets',
    {
      config: { policy: needs('budgets:write') },
      schema: {
        operationId: 'createBudget',
        summary: 'Set a budget for a department × category × period slice',
        tags: ['budgets'],
        body: ENTITIES.Budget.input,
        response: { 201: Loose, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply
        .code(201)
        .serializer(json)
        .send(await createBudget(tenant.db, tenant.writer, request.body));
    },
  );
  app.patch(
    '/api/v1/budgets/:id',
    {
      config: { policy: needs('budgets:write') },
      schema: {
        operationId: 'updateBudget',
        summary: 'Change a budget’s amount or control (If-Match: its version)',
        tags: ['budgets'],
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.String() }),
        body: Type.Object(
          {
            amount: Type.Optional(Amount),
            control: Type.Optional(Type.Union([Type.Literal('warn'), Type.Literal('block')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...problems(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply
        .serializer(json)
        .send(
          await updateBudget(
            tenant.db,
            tenant.writer,
            request.params.id,
            requiredIfMatch(request.headers['if-match']),
            request.body,
          ),
        );
    },
  );

  // rules, external approvers, periods
  const KindParams = Type.Object({
    kind: Type.Union(Object.keys(RULE_SET_KINDS).map((k) => Type.Literal(k))),
  });
  app.get(
    '/api/v1/rules/:kind',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'getRules',
        summary: 'The approval, audit or posting rules in force (version 0 = built-in default)',
        tags: ['rules'],
        params: KindParams,
        response: { 200: Loose, ...problems(400) },
      },
    },
    async (request, reply) =>
      reply
        .serializer(json)
        .send(await getRuleSet((await tenantOf(request)).db, request.params.kind as RuleSetKind)),
  );
  app.get(
    '/api/v1/rules/:kind/versions',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listRuleVersions',
        summary: 'Every saved version of a rule set',
        tags: ['rules'],
        params: KindParams,
        response: { 200: Page, ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.serializer(json).send({
        items: await listRuleSets((await tenantOf(request)).db, request.params.kind as RuleSetKind),
        nextCursor: null,
      }),
  );
  app.post(
    '/api/v1/rules/:kind',
    {
      config: { policy: needs('rules:admin') },
      schema: {
        operationId: 'saveRules',
        summary: 'Save a new version of a rule set (applies to documents submitted after it)',
        tags: ['rules'],
        params: KindParams,
        body: Type.Object(
          { body: Loose, note: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 201: Loose, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply
        .code(201)
        .serializer(json)
        .send(
          await saveRuleSet(
            tenant.db,
            tenant.writer,
            request.params.kind,
            request.body.body,
            request.body.note,
          ),
        );
    },
  );
  app.post(
    '/api/v1/external-approvers',
    {
      config: { policy: needs('rules:admin') },
      schema: {
        operationId: 'createExternalApprover',
        summary: 'Register an external approval system; the signing secret is returned once',
        tags: ['rules'],
        body: Type.Object(
          {
            code: Code,
            name: Type.String({ minLength: 1, maxLength: 100 }),
            url: Type.String({ format: 'uri', pattern: '^https?://' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Loose, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply
        .code(201)
        .serializer(json)
        .send(await createExternalApprover(tenant.db, ctx.security.keyring, tenant.writer, request.body));
    },
  );
  app.get(
    '/api/v1/external-approvers',
    {
      config: { policy: needs('rules:admin') },
      schema: {
        operationId: 'listExternalApprovers',
        summary: 'External approval systems (secrets are never returned)',
        tags: ['rules'],
        response: { 200: Page, ...problems(400) },
      },
    },
    async (request, reply) =>
      reply
        .serializer(json)
        .send({ items: await listExternalApprovers((await tenantOf(request)).db), nextCursor: null }),
  );
  app.put(
    '/api/v1/periods/:period',
    {
      config: { policy: needs('rules:admin') },
      schema: {
        operationId: 'setPeriodStatus',
        summary: 'Close an accounting period to new claims and vouchers, or reopen it',
        tags: ['rules'],
        params: Type.Object({ period: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-6])$' }) }),
        body: Type.Object(
          { status: Type.Union([Type.Literal('closed'), Type.Literal('open')]) },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply
        .serializer(json)
        .send(await setPeriodStatus(tenant.db, tenant.writer, request.params.period, request.body.status));
    },
  );

  // the external approver's signed callback: authenticated by its signature, not a token
  void app.register(async (scoped) => {
    scoped.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 65_536 },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scoped.post(
      '/webhooks/approvals/:tenantId/:taskId',
      {
        config: { policy: PUBLIC },
        schema: {
          operationId: 'approvalCallback',
          summary: 'An external approver’s decision, signed with its secret (FinBridge-Signature)',
          tags: ['approvals'],
          params: Type.Object({
            tenantId: Type.String({ format: 'uuid' }),
            taskId: Type.String({ format: 'uuid' }),
          }),
          response: { 200: Loose, ...problems(400, 401, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const { tenantId, taskId } = request.params as { tenantId: string; taskId: string };
        const company = await findCompany(ctx.database, tenantId);
        if (company === undefined)
          throw new DomainError('not_found', { resource: 'ApprovalTask', id: taskId });
        const db = tenantDb(ctx.database.db, company.id);
        const raw = typeof request.body === 'string' ? request.body : '';
        const header = request.headers['finbridge-signature'];
        await verifyCallback(db, ctx.security.keyring, ctx.clock, {
          taskId,
          header: Array.isArray(header) ? header[0] : header,
          body: raw,
        });
        let parsed: { decision?: unknown; comment?: unknown };
        try {
          const value: unknown = JSON.parse(raw);
          if (typeof value !== 'object' || value === null || Array.isArray(value))
            throw new DomainError('validation_failed', {}, [
              { code: 'wrong_type', pointer: '', params: { expected: 'object' } },
            ]);
          parsed = value;
        } catch (error) {
          if (error instanceof DomainError) throw error;
          throw new DomainError('invalid_json');
        }
        const unstorable = unstorableText(parsed);
        if (unstorable.length > 0) throw new DomainError('validation_failed', {}, unstorable);
        if (parsed.decision !== 'accept' && parsed.decision !== 'refuse')
          throw new DomainError('validation_failed', {}, [
            {
              code: 'invalid_field',
              pointer: '/decision',
              params: { detail: 'decision must be "accept" or "refuse"' },
            },
          ]);
        const comment =
          typeof parsed.comment === 'string'
            ? parsed.comment.slice(0, 500)
            : parsed.decision === 'refuse'
              ? '外部系统否决 / refused by the external system'
              : undefined;
        const result = await decideExpenseTask(
          db,
          { actor: `external:${taskId}`, requestId: request.id, audit: ctx.security.audit },
          company.code,
          null,
          {
            taskId,
            decision: parsed.decision === 'accept' ? 'approve' : 'reject',
            ...(comment === undefined ? {} : { comment }),
          },
        );
        wake();
        return reply.serializer(json).send({
          taskId,
          status: result.task.status,
          document: { id: result.document.id, status: result.document.status },
        });
      },
    );
  });
}
