import type { FastifyRequest } from 'fastify';
import { listNotifications } from '../../../finance/approvals/notifications.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { employeeOf } from './route-helpers.ts';
import { NotificationSchema, PageOf } from './schemas.ts';

/** The signed-in user's notifications. */
export function registerNotificationRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  app.get(
    '/api/v1/notifications',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listMyNotifications',
        summary: 'My notifications: new tasks, reminders, decisions',
        tags: ['approvals'],
        response: { 200: PageOf(NotificationSchema), ...problems(400, 403) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply.send({
        items: await listNotifications(tenant.db, employeeOf(tenant, '查看通知', 'read notifications'), 100),
        nextCursor: null,
      });
    },
  );
}
