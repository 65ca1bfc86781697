import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { createDelegation } from '../../../finance/approvals/delegations.ts';
import { Code, CalendarDate } from '../../../model/common.ts';
import { DomainError } from '../../../model/result.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { expenseContext, employeeOf } from './route-helpers.ts';
import { DelegationSchema } from './schemas.ts';

/** Dated delegations of approvals to a colleague. */
export function registerDelegationRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
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
        response: { 201: DelegationSchema, ...problems(400, 403, 422) },
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
      return reply.code(201).send(created);
    },
  );
}
