import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { findUser, login, logout } from '../../platform/security/users.ts';
import { SESSION_COOKIE } from '../../platform/http/guard.ts';
import { PUBLIC } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import { SESSION_HOURS } from '../../platform/security/users.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';
import { UserSchema } from '../v1/users.ts';

/**
 * Console sign-in. The session cookie is HttpOnly and SameSite=Strict (Secure behind HTTPS); every
 * unsafe request made with it must echo the session's CSRF token in X-CSRF-Token.
 */

/** The session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS, as long as the session. */
export function setSessionCookie(reply: FastifyReply, ctx: ApiContext, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.security.cookieSecure,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function registerSessionRoutes(app: App, ctx: ApiContext): void {
  const tags = ['sign-in'];
  app.post(
    '/auth/login',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'login',
        summary: 'Sign in with username and password; sets the session cookie',
        tags,
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: UserSchema, csrfToken: Type.String(), expiresAt: Type.String() }),
          ...problems(400, 401, 413, 415, 422, 423),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await login(ctx.database, ctx.security.audit, {
        username,
        password,
        requestId: request.id,
      });
      setSessionCookie(reply, ctx, result.sessionId);
      return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { policy: { authenticated: true } },
      schema: {
        operationId: 'logout',
        summary: 'Sign out: ends the session',
        tags,
        response: { 204: Type.Null(), ...problems(400) },
      },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId !== undefined) await logout(ctx.database, ctx.security.audit, sessionId, request.id);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { policy: { authenticated: true } },
      schema: {
        operationId: 'whoAmI',
        summary:
          'Who the caller is: user or API client, company, roles and scopes (and the CSRF token of a session)',
        tags,
        response: {
          200: Type.Object({
            kind: Type.String(),
            id: Type.String(),
            tenantId: Type.String(),
            roles: Type.Array(Type.String()),
            scopes: Type.Array(Type.String()),
            csrfToken: Type.Optional(Type.String()),
            user: Type.Optional(UserSchema),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal === undefined) throw new Error('guard let an anonymous request through');
      const user =
        principal.kind === 'user'
          ? await findUser((await resolveTenant(ctx, request)).db, principal.userId)
          : undefined;
      return {
        kind: principal.kind,
        id: principal.id,
        tenantId: principal.tenantId,
        roles: principal.kind === 'user' ? [...principal.roles] : ['integration'],
        scopes: [...principal.scopes].sort(),
        ...(principal.kind === 'user' ? { csrfToken: principal.csrfToken } : {}),
        // a console opened in a new tab learns the name and employee record of who signed in
        ...(user === undefined ? {} : { user }),
      };
    },
  );
}
