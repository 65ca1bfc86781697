import { Type } from 'typebox';
import { Code } from '../../model/common.ts';
import { createUser, listUsers } from '../../platform/security/users.ts';
import { DomainError } from '../../model/result.ts';
import { ALL_ROLES, ROLES, isRole } from '../../platform/security/roles.ts';
import { grantWithin } from '../../platform/security/scopes.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  employeeCode: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});

export function registerUserRoutes(app: App, ctx: ApiContext): void {
  const tags = ['users'];
  app.get(
    '/api/v1/users',
    {
      config: { policy: needs('users:admin') },
      schema: {
        operationId: 'listUsers',
        summary: 'Console users of the company',
        tags,
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...problems(400) },
      },
    },
    async (request) => ({ items: await listUsers((await resolveTenant(ctx, request)).db) }),
  );
  app.post(
    '/api/v1/users',
    {
      config: { policy: needs('users:admin') },
      schema: {
        operationId: 'createUser',
        summary: 'Create a console user with roles (employee, approver, finance, admin, auditor)',
        tags,
        body: Type.Object(
          {
            username: Type.String({ minLength: 3, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' }),
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
            roles: Type.Array(Type.Union(ALL_ROLES.map((r) => Type.Literal(r))), {
              minItems: 1,
              uniqueItems: true,
            }),
            password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
            employeeCode: Type.Optional(Code),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, ...problems(400, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await resolveTenant(ctx, request);
      const body = request.body as {
        username: string;
        displayName: string;
        roles: string[];
        password?: string;
        employeeCode?: string;
      };
      // a power is handed on only by who holds it: a caller with users:admin alone cannot make a finance
      // user or an administrator, and a company admin cannot make an installation operator
      const refused = grantWithin(
        tenant.principal.scopes,
        'roles',
        body.roles.map((r) => (isRole(r) ? ROLES[r].scopes : [])),
      );
      if (refused.length > 0)
        throw new DomainError(
          'scope_not_held',
          { scopes: [...new Set(refused.map((f) => f.params?.['scopes']))].join(' ') },
          refused,
        );
      const user = await createUser(tenant.db, ctx.security.audit, {
        ...body,
        actor: tenant.principal.id,
        requestId: request.id,
      });
      return reply.code(201).send(user);
    },
  );
}
