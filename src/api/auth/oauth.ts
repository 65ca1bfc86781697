import formbody from '@fastify/formbody';
import { renderMessage } from '../../model/error-codes.ts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { authenticateClient, touchClient } from '../../platform/security/clients.ts';
import { SCOPES, isScope } from '../../platform/security/scopes.ts';
import { AUDIENCE } from '../../platform/security/tokens.ts';
import { checkNamedTenant } from '../../platform/http/guard.ts';
import { sendProblem, toDomainError, type App } from '../../platform/http/server.ts';
import { PUBLIC } from '../../platform/http/policy.ts';
import { tenantDb } from '../../platform/store/tenant-scope.ts';
import type { ClientRow } from '../../platform/store/directory.ts';
import type { ApiContext } from '../context.ts';

/**
 * OAuth 2.0 for integration partners: client credentials grant (RFC 6749 §4.4) with
 * client_secret_basic and client_secret_post, token revocation (RFC 7009), introspection (RFC 7662),
 * the JWKS and the authorization-server metadata (RFC 8414). Errors use the OAuth JSON shape
 * ({"error", "error_description"}) that OAuth client libraries expect, not problem+json.
 */
type OAuthError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

const OAuthErrorSchema = Type.Object({
  error: Type.String(),
  error_description: Type.Optional(Type.String()),
});
const JwksSchema = Type.Object({
  keys: Type.Array(
    Type.Object(
      {
        kty: Type.Literal('OKP', { description: 'Octet key pair (RFC 8037).' }),
        crv: Type.Literal('Ed25519'),
        x: Type.String({ description: 'The public key, base64url.' }),
        kid: Type.String({ description: 'Key id, named in each token’s header.' }),
        alg: Type.Literal('EdDSA'),
        use: Type.Literal('sig'),
      },
      { description: 'A public signing key (JWK, RFC 7517): the current one and those retiring.' },
    ),
  ),
});
const FormBody = Type.Object(
  {
    grant_type: Type.Optional(Type.String()),
    scope: Type.Optional(Type.String()),
    client_id: Type.Optional(Type.String()),
    client_secret: Type.Optional(Type.String()),
    token: Type.Optional(Type.String()),
    token_type_hint: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

function oauthError(
  reply: FastifyReply,
  status: number,
  error: OAuthError,
  description: string,
  basic = false,
) {
  if (basic) reply.header('www-authenticate', 'Basic realm="finbridge"');
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error, error_description: description });
}

/** client_secret_basic or client_secret_post — exactly one of them (RFC 6749 §2.3.1). */
function credentials(
  request: FastifyRequest,
): { id: string; secret: string; basic: boolean } | { problem: string } | null {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const header = request.headers.authorization;
  const inBody = typeof body['client_id'] === 'string' || typeof body['client_secret'] === 'string';
  if (header !== undefined) {
    if (inBody) return { problem: 'use one client authentication method, not both' };
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    if (!m?.[1]) return { problem: 'malformed Authorization header' };
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { problem: 'malformed Basic credentials' };
    try {
      return {
        id: decodeURIComponent(decoded.slice(0, colon)),
        secret: decodeURIComponent(decoded.slice(colon + 1)),
        basic: true,
      };
    } catch {
      return { problem: 'malformed Basic credentials (bad percent-encoding)' };
    }
  }
  if (typeof body['client_id'] === 'string' && typeof body['client_secret'] === 'string') {
    return { id: body['client_id'], secret: body['client_secret'], basic: false };
  }
  return null;
}

/**
 * The calling client, or null when it was refused (the OAuth error is then already sent). Never the
 * reply itself: a Fastify reply is a thenable, so awaiting one that an async function returned waits
 * for the response and yields undefined.
 */
async function authenticatedClient(
  ctx: ApiContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<ClientRow | null> {
  const creds = credentials(request);
  if (creds === null) {
    oauthError(reply, 401, 'invalid_client', 'client authentication required', true);
    return null;
  }
  if ('problem' in creds) {
    oauthError(reply, 400, 'invalid_request', creds.problem);
    return null;
  }
  const client = await authenticateClient(ctx.database, creds.id, creds.secret);
  if (client === null)
    oauthError(reply, 401, 'invalid_client', 'unknown client or wrong secret', creds.basic);
  else await checkNamedTenant(request, client.tenant_id, ctx.database);
  return client;
}

export async function registerOAuthRoutes(app: App, ctx: ApiContext): Promise<void> {
  const tags = ['oauth'];
  const { security } = ctx;
  await app.register(async (scope) => {
    await scope.register(formbody);
    // A form the schema refuses (a repeated field, say) is an OAuth invalid_request (RFC 6749 §5.2),
    // in the shape OAuth client libraries read; everything else is a problem like anywhere else.
    scope.setErrorHandler(async (error: FastifyError & { validation?: unknown }, request, reply) => {
      const refusal = toDomainError(error, request);
      const formRefused = refusal.code === 'validation_failed' || refusal.code === 'invalid_query';
      if (!formRefused) return sendProblem(request, reply, refusal);
      const detail = refusal.failures
        .map((f) => `${f.pointer.slice(1) || 'form'}: ${renderMessage(f.code, 'en-US', f.params ?? {})}`)
        .join('; ');
      return oauthError(reply, 400, 'invalid_request', detail || refusal.message);
    });

    scope.post(
      '/oauth/token',
      {
        config: { policy: { clientAuth: true } },
        schema: {
          operationId: 'issueToken',
          summary: 'OAuth 2.0 token endpoint — client credentials grant (RFC 6749 §4.4)',
          tags,
          security: [{ clientBasic: [] }, {}],
          consumes: ['application/x-www-form-urlencoded'],
          body: FormBody,
          response: {
            200: Type.Object({
              access_token: Type.String(),
              token_type: Type.Literal('Bearer'),
              expires_in: Type.Integer(),
              scope: Type.String(),
            }),
            400: OAuthErrorSchema,
            401: OAuthErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const client = await authenticatedClient(ctx, request, reply);
        if (client === null) return reply;
        const body = request.body as Record<string, string | undefined>;
        if (body['grant_type'] === undefined)
          return oauthError(reply, 400, 'invalid_request', 'grant_type is required');
        if (body['grant_type'] !== 'client_credentials') {
          return oauthError(reply, 400, 'unsupported_grant_type', 'only client_credentials is supported');
        }
        const granted = client.scopes.split(' ').filter(isScope);
        const requested =
          body['scope'] === undefined ? granted : body['scope'].split(' ').filter((s) => s !== '');
        const notGranted = requested.filter((s) => !(granted as string[]).includes(s));
        if (notGranted.length > 0)
          return oauthError(
            reply,
            400,
            'invalid_scope',
            `not granted to this client: ${notGranted.join(' ')}`,
          );
        const scopes = requested.filter(isScope);
        const { token, claims } = await security.tokens.issue({
          tenantId: client.tenant_id,
          clientId: client.client_id,
          scopes,
        });
        await touchClient(tenantDb(ctx.database.db, client.tenant_id), ctx.clock, client.id);
        return reply
          .header('cache-control', 'no-store')
          .header('pragma', 'no-cache')
          .send({
            access_token: token,
            token_type: 'Bearer' as const,
            expires_in: claims.expiresAt - claims.issuedAt,
            scope: scopes.join(' '),
          });
      },
    );

    scope.post(
      '/oauth/revoke',
      {
        config: { policy: { clientAuth: true } },
        schema: {
          operationId: 'revokeToken',
          summary: 'Revoke an access token (RFC 7009); always 200 for a token the client may not revoke',
          tags,
          security: [{ clientBasic: [] }, {}],
          consumes: ['application/x-www-form-urlencoded'],
          body: FormBody,
          response: {
            200: Type.Object({}, { additionalProperties: false, description: 'Always empty (RFC 7009).' }),
            400: OAuthErrorSchema,
            401: OAuthErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const client = await authenticatedClient(ctx, request, reply);
        if (client === null) return reply;
        const token = (request.body as Record<string, unknown>)['token'];
        if (typeof token !== 'string' || token === '')
          return oauthError(reply, 400, 'invalid_request', 'token is required');
        const claims = await security.tokens.inspect(token);
        if (claims !== null && claims.clientId === client.client_id) {
          await tenantDb(ctx.database.db, client.tenant_id)
            .insertInto('revoked_tokens', [
              {
                jti: claims.jti,
                expires_at: new Date(claims.expiresAt * 1000).toISOString(),
                revoked_at: ctx.clock.now().toISOString(),
              },
            ])
            .onConflict((oc) => oc.column('jti').doNothing())
            .execute();
        }
        return reply.header('cache-control', 'no-store').send({});
      },
    );

    scope.post(
      '/oauth/introspect',
      {
        config: { policy: { clientAuth: true } },
        schema: {
          operationId: 'introspectToken',
          summary: 'Token introspection (RFC 7662), for tokens of the caller’s own company',
          tags,
          security: [{ clientBasic: [] }, {}],
          consumes: ['application/x-www-form-urlencoded'],
          body: FormBody,
          response: {
            200: Type.Object(
              {
                active: Type.Boolean(),
                scope: Type.Optional(Type.String()),
                client_id: Type.Optional(Type.String()),
                sub: Type.Optional(Type.String()),
                exp: Type.Optional(Type.Integer()),
                iat: Type.Optional(Type.Integer()),
                iss: Type.Optional(Type.String()),
                aud: Type.Optional(Type.String()),
                jti: Type.Optional(Type.String()),
                token_type: Type.Optional(Type.String()),
                tenant: Type.Optional(Type.String()),
              },
              { additionalProperties: false },
            ),
            400: OAuthErrorSchema,
            401: OAuthErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const client = await authenticatedClient(ctx, request, reply);
        if (client === null) return reply;
        const token = (request.body as Record<string, unknown>)['token'];
        if (typeof token !== 'string' || token === '')
          return oauthError(reply, 400, 'invalid_request', 'token is required');
        const claims = await security.tokens.inspect(token);
        reply.header('cache-control', 'no-store');
        if (claims?.tenantId !== client.tenant_id) return { active: false };
        return {
          active: true,
          scope: claims.scopes.join(' '),
          client_id: claims.clientId,
          sub: claims.clientId,
          exp: claims.expiresAt,
          iat: claims.issuedAt,
          iss: ctx.config.publicBaseUrl,
          aud: AUDIENCE,
          jti: claims.jti,
          token_type: 'Bearer',
          tenant: claims.tenantId,
        };
      },
    );
  });

  app.get(
    '/.well-known/jwks.json',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'jwks',
        summary: 'Public keys that verify FinBridge access tokens (current and retiring)',
        tags,
        response: { 200: JwksSchema },
      },
    },
    async (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=300')
        .serializer((p: unknown) => JSON.stringify(p))
        // signing-keys.ts stores each public key as this JWK (kid, alg and use added to the exported key)
        .send((await security.tokens.jwks()) as Static<typeof JwksSchema>),
  );

  app.get(
    '/.well-known/oauth-authorization-server',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'oauthMetadata',
        summary: 'OAuth 2.0 authorization server metadata (RFC 8414)',
        tags,
        response: {
          200: Type.Object({
            issuer: Type.String({ format: 'uri' }),
            token_endpoint: Type.String({ format: 'uri' }),
            revocation_endpoint: Type.String({ format: 'uri' }),
            introspection_endpoint: Type.String({ format: 'uri' }),
            jwks_uri: Type.String({ format: 'uri' }),
            grant_types_supported: Type.Array(Type.String()),
            token_endpoint_auth_methods_supported: Type.Array(Type.String()),
            revocation_endpoint_auth_methods_supported: Type.Array(Type.String()),
            introspection_endpoint_auth_methods_supported: Type.Array(Type.String()),
            scopes_supported: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (_request, reply) => {
      const base = ctx.config.publicBaseUrl;
      return reply.send({
        issuer: base,
        token_endpoint: `${base}/oauth/token`,
        revocation_endpoint: `${base}/oauth/revoke`,
        introspection_endpoint: `${base}/oauth/introspect`,
        jwks_uri: `${base}/.well-known/jwks.json`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: Object.keys(SCOPES),
      });
    },
  );
}
