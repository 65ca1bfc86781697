import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { budgetExecution, createBudget, updateBudget } from '../../../finance/budgets/budgets.ts';
import { Code, Amount } from '../../../model/common.ts';
import { ENTITIES } from '../../../model/schemas.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems, requiredIfMatch } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { BudgetExecutionSchema, BudgetSchema } from './schemas.ts';

/** Budgets and their execution (预算执行). */
export function registerBudgetRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
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
        response: { 200: BudgetExecutionSchema, ...problems(400) },
      },
    },
    async (request, reply) => reply.send(await budgetExecution((await tenantOf(request)).db, request.query)),
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
        response: { 201: BudgetSchema, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply.code(201).send(await createBudget(tenant.db, tenant.writer, request.body));
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
        response: { 200: BudgetSchema, ...problems(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply.send(
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
}
