import { Type } from 'typebox';
import type { App } from '../platform/http/server.ts';
import { PUBLIC, needs } from '../platform/http/policy.ts';
import { ping } from '../platform/store/database.ts';
import { pendingMigrations } from '../platform/store/migrate.ts';
import { DomainError } from '../model/result.ts';
import type { ApiContext } from './context.ts';
import { problems } from './shared.ts';

export function registerHealthRoutes(app: App, ctx: ApiContext): void {
  const tags = ['operations'];
  app.get(
    '/healthz',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'liveness',
        summary: 'Liveness: the process answers',
        tags,
        response: { 200: Type.Object({ status: Type.Literal('ok') }), ...problems(400) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'readiness',
        summary: 'Readiness: database reachable and migrations current',
        tags,
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            engine: Type.String(),
            migrations: Type.Literal('current'),
          }),
          ...problems(400, 503),
        },
      },
    },
    async () => {
      try {
        await ping(ctx.database);
      } catch (error) {
        throw new DomainError('not_ready', {
          reason: `database unreachable (${error instanceof Error ? error.message : String(error)})`,
        });
      }
      let pending: string[];
      try {
        pending = await pendingMigrations(ctx.database);
      } catch (error) {
        // a readiness check that cannot tell is not ready: 503, never a 500
        throw new DomainError('not_ready', {
          reason: `migration status unknown (${error instanceof Error ? error.message : String(error)})`,
        });
      }
      if (pending.length > 0)
        throw new DomainError('not_ready', { reason: `pending migrations: ${pending.join(', ')}` });
      return { status: 'ready' as const, engine: ctx.database.engine, migrations: 'current' as const };
    },
  );
  app.get(
    '/metrics',
    {
      config: { policy: ctx.config.security.metricsPublic ? PUBLIC : needs('metrics:read') },
      schema: {
        operationId: 'metrics',
        summary: 'Prometheus metrics (text exposition format)',
        tags,
        response: {
          200: {
            description: 'Prometheus text format',
            content: { 'text/plain': { schema: Type.String() } },
          },
          ...problems(400),
        },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', ctx.metrics.registry.contentType)
        .serializer((s: unknown) => String(s))
        .send(await ctx.metrics.registry.metrics()),
  );
}
