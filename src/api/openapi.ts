import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TSchema } from 'typebox';
import type { App } from '../platform/http/server.ts';
import type { ApiContext } from './context.ts';
import { publishedSchemas } from './schemas.ts';
import { ProblemSchema } from './shared.ts';

/**
 * OpenAPI 3.1 generated from the route schemas. The canonical schemas are components, and every place
 * a route uses one becomes a $ref to it, so /openapi.json and /schemas/*.json publish the same model.
 */
export async function registerOpenApi(app: App, ctx: ApiContext, version: string): Promise<void> {
  const components: Record<string, TSchema> = { Problem: ProblemSchema };
  for (const [name, { schema }] of publishedSchemas()) components[name] = schema;
  const refs = new Map<object, string>(Object.entries(components).map(([name, schema]) => [schema, name]));

  const toRefs = (node: unknown, top: boolean): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const name = refs.get(node);
    if (name !== undefined && !top) return { $ref: `#/components/schemas/${name}` };
    if (Array.isArray(node)) return node.map((n) => toRefs(n, false));
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, toRefs(v, false)]));
  };

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'FinBridge API',
        version,
        description:
          'FinBridge — finance hub: expense management that posts into SAP, Oracle, Kingdee and Yonyou through one standard data interface. ' +
          'Money is a decimal string with the currency’s digits ("1234.50"); dates are YYYY-MM-DD; instants are UTC. ' +
          'Errors are RFC 9457 problem+json with a stable `code` (docs/errors.md).',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: ctx.config.publicBaseUrl, description: 'This FinBridge server' }],
      tags: [
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'standard data interface', description: 'The canonical model as JSON Schema' },
        { name: 'companies', description: 'Companies (tenants)' },
        { name: 'master data', description: 'Master data (主数据)' },
      ],
      components: { schemas: components as Record<string, object> },
      // No authentication yet: every operation is declared open. The security issue replaces this.
      security: [],
    },
    transform: ({ schema, url, route }) => ({ schema: toRefs(schema, true) as typeof schema, url, route }),
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });

  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .serializer((p: unknown) => JSON.stringify(p))
      .send(app.swagger()),
  );
}
