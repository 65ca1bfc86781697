import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { decideExpenseTask, delegateExpenseTask } from '../../../finance/expenses/lifecycle/approve.ts';
import { tasksOf, tasksOfDocument } from '../../../finance/approvals/workflow.ts';
import { Code } from '../../../model/common.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { TaskStatus } from '../../../finance/tables.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { employeeOf } from './route-helpers.ts';
import { ApprovalTaskSchema, MyApprovalTaskSchema, PageOf, TaskDecisionSchema } from './schemas.ts';

/** Approval tasks: my pending ones, a document's, and their decisions (approve, reject, delegate). */
export function registerApprovalTaskRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
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
        response: { 200: PageOf(MyApprovalTaskSchema), ...problems(400, 403) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '查看审批任务', 'list approval tasks');
      const status = ((request.query.status as string | undefined) ?? 'pending') as TaskStatus;
      return reply.send({
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
