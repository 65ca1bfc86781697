import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { listClosedPeriods, setPeriodStatus } from '../../../finance/expenses/periods.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { ClosedPeriodSchema, PageOf, PeriodStatusSchema } from './schemas.ts';

/** Closing and reopening accounting periods for expense postings. */
export function registerPeriodRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  app.get(
    '/api/v1/periods',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listClosedPeriods',
        summary:
          'The closed accounting periods, newest first, with who closed each and when (any other is open)',
        tags: ['rules'],
        response: { 200: PageOf(ClosedPeriodSchema), ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.send({ items: await listClosedPeriods((await tenantOf(request)).db), nextCursor: null }),
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
        response: { 200: PeriodStatusSchema, ...problems(400, 409, 422) },
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
