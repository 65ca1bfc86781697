import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { decideExpenseTask, delegateExpenseTask } from '../../../finance/expenses/lifecycle/approve.ts';
import { inboxTask, taskCounts, tasksOf, tasksOfDocument } from '../../../finance/approvals/workflow.ts';
import { Code } from '../../../model/common.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ExpenseKind, TaskStatus } from '../../../finance/tables.ts';
import { DomainError } from '../../../model/result.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { employeeOf } from './route-helpers.ts';
import {
  ApprovalTaskCountsSchema,
  ApprovalTaskSchema,
  ExpenseKindSchema,
  MyApprovalTaskSchema,
  PageOf,
  TaskDecisionSchema,
} from './schemas.ts';

/**
 * Approval tasks: mine (keyset pages, filters, counts, one by id), a document's, and their decisions
 * (approve, reject, delegate).
 */
export function registerApprovalTaskRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  app.get(
    '/api/v1/approval-tasks',
    {
      config: { policy: needs('approvals:write') },
      schema: {
        operationId: 'listMyApprovalTasks',
        summary:
          'My approval tasks (pending by default), oldest first, with the document and its risk tags, in keyset pages',
        tags: ['approvals'],
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union(['pending', 'approved', 'rejected', 'cancelled'].map((s) => Type.Literal(s))),
            ),
            kind: Type.Optional(ExpenseKindSchema),
            overdue: Type.Optional(
              Type.Boolean({ description: 'Only tasks past their due time (pending ones).' }),
            ),
            risky: Type.Optional(Type.Boolean({ description: 'Only tasks whose document has risk tags.' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            after: Type.Optional(
              Type.String({
                maxLength: 200,
                description: 'The `nextCursor` of the previous page: this page starts after its last task.',
              }),
            ),
            cursor: Type.Optional(
              Type.String({ maxLength: 200, description: 'The same as `after` (the name other lists use).' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(MyApprovalTaskSchema), ...problems(400, 403) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '查看审批任务', 'list approval tasks');
      const q = request.query as {
        status?: TaskStatus;
        kind?: ExpenseKind;
        overdue?: boolean;
        risky?: boolean;
        limit?: number;
        after?: string;
        cursor?: string;
      };
      if (q.after !== undefined && q.cursor !== undefined && q.after !== q.cursor)
        throw new DomainError('invalid_query', { detail: 'after and cursor differ; give one of them' });
      const after = q.after ?? q.cursor;
      return reply.send(
        await tasksOf(tenant.db, {
          assignee: me,
          status: q.status ?? 'pending',
          limit: q.limit ?? 100,
          now: ctx.clock.now(),
          ...(after === undefined ? {} : { after }),
          ...(q.kind === undefined ? {} : { kind: q.kind }),
          ...(q.overdue === undefined ? {} : { overdue: q.overdue }),
          ...(q.risky === undefined ? {} : { risky: q.risky }),
        }),
      );
    },
  );
  app.get(
    '/api/v1/approval-tasks/counts',
    {
      config: { policy: needs('approvals:write') },
      schema: {
        operationId: 'countMyApprovalTasks',
        summary: 'How many tasks wait for me: pending, due soon, overdue and risky, in total and by kind',
        tags: ['approvals'],
        querystring: Type.Object(
          {
            soonHours: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 720,
                default: 4,
                description: 'A task is due soon when it falls due within this many hours.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ApprovalTaskCountsSchema, ...problems(400, 403) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '查看审批任务', 'list approval tasks');
      const now = ctx.clock.now();
      const soonHours = request.query.soonHours ?? 4;
      const counts = await taskCounts(tenant.db, me, now, soonHours);
      return reply.send({ asOf: now.toISOString(), soonHours, ...counts.total, byKind: counts.byKind });
    },
  );
  app.get(
    '/api/v1/approval-tasks/:id',
    {
      config: { policy: needs('approvals:write') },
      schema: {
        operationId: 'getMyApprovalTask',
        summary: 'One task assigned to me, with its document (whatever its status)',
        tags: ['approvals'],
        params: IdParams,
        response: { 200: MyApprovalTaskSchema, ...problems(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '查看审批任务', 'list approval tasks');
      const task = await inboxTask(tenant.db, request.params.id);
      if (task.kind !== 'person' || task.assignee !== me)
        throw new DomainError('task_not_yours', { assignee: task.assignee ?? task.externalApprover ?? '?' });
      return reply.send(task);
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
        response: { 200: PageOf(ApprovalTaskSchema), ...problems(400) },
      },
    },
    async (request, reply) => {
      const items = await tasksOfDocument((await tenantOf(request)).db, request.params.id);
      return reply.send({ items, nextCursor: null });
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
          response: { 200: TaskDecisionSchema, ...problems(400, 403, 404, 409, 422) },
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
        return reply.send(result);
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
        response: { 200: ApprovalTaskSchema, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '转交审批', 'delegate approval tasks');
      return reply.send(
        await delegateExpenseTask(tenant.db, tenant.writer, me, {
          taskId: request.params.id,
          to: request.body.to,
          ...(request.body.comment === undefined ? {} : { comment: request.body.comment }),
        }),
      );
    },
  );
}
