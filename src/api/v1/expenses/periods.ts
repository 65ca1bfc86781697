import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { setPeriodStatus } from '../../../finance/expenses/periods.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { PeriodStatusSchema } from './schemas.ts';

/** Closing and reopening accounting periods for expense postings. */
export function registerPeriodRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
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
        response: { 200: PeriodStatusSchema, ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply.send(
        await setPeriodStatus(tenant.db, tenant.writer, request.params.period, request.body.status),
      );
    },
  );
}
