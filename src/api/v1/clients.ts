import { Type } from 'typebox';
import { createClient, listClients, revokeClient } from '../../platform/security/clients.ts';
import { DomainError } from '../../model/result.ts';
import { ALL_SCOPES, grantWithin, type ClientScope } from '../../platform/security/scopes.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

const ClientSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  status: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export function registerClientRoutes(app: App, ctx: ApiContext): void {
  const tags = ['api clients'];
  app.get(
    '/api/v1/clients',
    {
      config: { policy: needs('clients:admin') },
      schema: {
        operationId: 'listClients',
        summary: 'API clients of the company',
        tags,
        response: { 200: Type.Object({ items: Type.Array(ClientSchema) }), ...problems(400) },
      },
    },
    async (request) => ({ items: await listClients((await resolveTenant(ctx, request)).db) }),
  );
  app.post(
    '/api/v1/clients',
    {
      config: { policy: needs('clients:admin') },
      schema: {
        operationId: 'createClient',
        summary: 'Create an API client; the response is the only time the secret is shown',
        tags,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scopes: Type.Array(Type.Union(ALL_SCOPES.map((s) => Type.Literal(s))), {
              minItems: 1,
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ client: ClientSchema, clientSecret: Type.String() }),
          ...problems(400, 403, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const tenant = await resolveTenant(ctx, request);
      const { name, scopes } = request.body as { name: string; scopes: ClientScope[] };
      // a client is given only powers its maker holds: clients:admin alone cannot mint a vouchers:write client
      const refused = grantWithin(
        tenant.principal.scopes,
        'scopes',
        scopes.map((s) => [s]),
      );
      if (refused.length > 0)
        throw new DomainError(
          'scope_not_held',
          { scopes: refused.map((f) => f.params?.['scopes']).join(' ') },
          refused,
        );
      const created = await createClient(tenant.db, ctx.security.audit, {
        name,
        scopes,
        actor: tenant.principal.id,
        requestId: request.id,
      });
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );
  app.post(
    '/api/v1/clients/:id/revoke',
    {
      config: { policy: needs('clients:admin') },
      schema: {
        operationId: 'revokeClient',
        summary: 'Revoke an API client: its tokens stop working at once',
        tags,
        params: IdParams,
        response: { 200: ClientSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      return revokeClient(tenant.db, ctx.security.audit, request.params.id, tenant.principal.id, request.id);
    },
  );
}
