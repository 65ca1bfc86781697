import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TSchema } from 'typebox';
import type { App } from '../platform/http/server.ts';
import type { ApiContext } from './context.ts';
import { publishedSchemas } from './schemas.ts';
import { SESSION_COOKIE } from '../platform/http/guard.ts';
import { PUBLIC, type Policy } from '../platform/http/policy.ts';
import { SCOPES, isScope } from '../platform/security/scopes.ts';
import { ProblemSchema } from './shared.ts';
import { EXPENSE_RESPONSE_COMPONENTS } from './v1/expenses/schemas.ts';

const problemRef = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Documents each route's policy: its security requirement and the 401/403/429 answers it implies. */
function withSecurity(schema: Record<string, unknown>, policy: Policy | undefined): Record<string, unknown> {
  const responses = { ...((schema['response'] ?? {}) as Record<string, unknown>) };
  responses['429'] ??= problemRef('Problem: rate_limited');
  if (policy === undefined || 'public' in policy) return { ...schema, security: [], response: responses };
  if ('clientAuth' in policy) return { ...schema, response: responses };
  responses['401'] ??= problemRef('Problem: authentication_required, invalid_token');
  responses['403'] ??= problemRef('Problem: insufficient_scope, csrf_token_invalid');
  const scopes = 'scope' in policy ? [policy.scope] : [];
  // a platform scope (platform:admin) is never in a token: only a signed-in operator reaches the route
  if (scopes.some((s) => !isScope(s)))
    return { ...schema, security: [{ sessionCookie: [] }], response: responses };
  return { ...schema, security: [{ bearerAuth: scopes }, { sessionCookie: [] }], response: responses };
}

/**
 * OpenAPI 3.1 generated from the route schemas. The canonical schemas are components, and every place
 * a route uses one becomes a $ref to it, so /openapi.json and /schemas/*.json publish the same model.
 */
export async function registerOpenApi(app: App, ctx: ApiContext, version: string): Promise<void> {
  const components: Record<string, TSchema> = { Problem: ProblemSchema };
  for (const [name, { schema }] of publishedSchemas()) components[name] = schema;
  for (const [name, schema] of Object.entries(EXPENSE_RESPONSE_COMPONENTS)) {
    if (name in components) throw new Error(`component ${name} is named twice`);
    components[name] = schema;
  }
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
      components: {
        // the response views name the views and canonical schemas they hold by $ref as well
        schemas: Object.fromEntries(
          Object.entries(components).map(([name, schema]) => [
            name,
            name in EXPENSE_RESPONSE_COMPONENTS ? toRefs(schema, true) : schema,
          ]),
        ) as Record<string, object>,
        securitySchemes: {
          bearerAuth: {
            type: 'oauth2',
            description: 'OAuth 2.0 client credentials: POST /oauth/token, then Authorization: Bearer <JWT>.',
            flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { ...SCOPES } } },
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description:
              'Console session from POST /auth/login; unsafe methods also need the X-CSRF-Token header.',
          },
          clientBasic: {
            type: 'http',
            scheme: 'basic',
            description: 'client_secret_basic (or client_id/client_secret in the form body)',
          },
        },
      },
    },
    transform: ({ schema, url, route }) => ({
      schema: withSecurity(toRefs(schema, true) as Record<string, unknown>, route.config?.policy),
      url,
      route,
    }),
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });

  app.get('/openapi.json', { config: { policy: PUBLIC }, schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .serializer((p: unknown) => JSON.stringify(p))
      .send(app.swagger()),
  );
}
