import { Type } from 'typebox';
import { DomainError } from '../../model/result.ts';
import { PUBLIC } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import { createOidcLogin, OIDC_COOKIE } from '../../platform/security/oidc.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { setSessionCookie } from './sessions.ts';

/** Single sign-on with an OpenID Connect provider (optional; FINBRIDGE_OIDC_* settings). */
export function registerOidcRoutes(app: App, ctx: ApiContext): void {
  const settings = ctx.config.security.oidc;
  const oidc =
    settings === undefined
      ? undefined
      : createOidcLogin(settings, {
          database: ctx.database,
          keyring: ctx.security.keyring,
          audit: ctx.security.audit,
        });
  const required = () => {
    if (oidc === undefined) throw new DomainError('sso_not_configured');
    return oidc;
  };
  const tags = ['sign-in'];
  const redirect = { description: 'Redirect', headers: { location: Type.String() } };

  app.get(
    '/auth/methods',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'signInMethods',
        summary: 'How people may sign in here: password, and single sign-on when a provider is configured',
        tags,
        response: {
          200: Type.Object({
            password: Type.Boolean(),
            sso: Type.Union([
              Type.Object({
                loginUrl: Type.String({ description: 'Where the console sends a person to sign in (GET).' }),
              }),
              Type.Null(),
            ]),
          }),
          ...problems(400),
        },
      },
    },
    async () => ({ password: true, sso: oidc === undefined ? null : { loginUrl: '/auth/oidc/login' } }),
  );

  app.get(
    '/auth/oidc/login',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'ssoLogin',
        summary: 'Start single sign-on: redirects to the identity provider',
        tags,
        response: { 302: redirect, ...problems(400, 401, 404) },
      },
    },
    async (_request, reply) => {
      const { redirectTo, cookie } = await required().begin();
      reply.setCookie(OIDC_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.security.cookieSecure,
        path: '/auth/oidc',
        maxAge: 600,
      });
      return reply.redirect(redirectTo, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'ssoCallback',
        summary: 'Where the identity provider returns: opens a session and redirects to the console',
        tags,
        querystring: Type.Object({}, { additionalProperties: Type.String() }),
        response: { 302: redirect, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const callback = new URL(request.url, settings?.redirectUrl ?? ctx.config.publicBaseUrl);
      const result = await required().finish(callback, request.cookies[OIDC_COOKIE], request.id);
      reply.clearCookie(OIDC_COOKIE, { path: '/auth/oidc' });
      setSessionCookie(reply, ctx, result.sessionId);
      return reply.redirect('/', 302);
    },
  );
}
