import type {} from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../model/result.ts';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import { findCompany } from '../store/companies.ts';
import { clientByClientId } from '../store/directory.ts';
import type { Security } from '../security/context.ts';
import type { Principal } from '../security/principal.ts';
import { TokenError } from '../security/tokens.ts';
import { sessionPrincipal } from '../security/users.ts';
import type { Policy } from './policy.ts';
import type { App } from './server.ts';

export const SESSION_COOKIE = 'fb_session';

/** The route table with each route's policy, kept for the security matrix test and for docs. */
export interface RoutePolicy {
  readonly method: string | readonly string[];
  readonly url: string;
  readonly policy: Policy;
}

declare module 'fastify' {
  interface FastifyInstance {
    routePolicies: readonly RoutePolicy[];
  }
}
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface GuardOptions {
  readonly database: OpenDatabase;
  readonly security: Security;
  readonly clock: Clock;
  readonly rateLimitPerIp: number;
  readonly rateLimitPerPrincipal: number;
  /** Route prefixes registered by plugins (Swagger UI) that are public by design. */
  readonly publicPrefixes: readonly string[];
}

/**
 * Authentication, authorization and rate limits for every route — the one place permission checks
 * live. Registration fails for a route without a policy; at request time the policy is enforced after
 * a per-IP limit (before any work) and a per-principal limit (after authentication).
 */
export async function installGuard(app: App, options: GuardOptions): Promise<void> {
  const table: RoutePolicy[] = [];
  app.decorate('routePolicies', table);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (policy !== undefined) {
      table.push({ method: route.method, url: route.url, policy });
      return;
    }
    if (options.publicPrefixes.some((p) => route.url.startsWith(p))) {
      route.config = { ...route.config, policy: { public: true } };
      table.push({ method: route.method, url: route.url, policy: { public: true } });
      return;
    }
    throw new Error(`route ${String(route.method)} ${route.url} has no access policy (config.policy)`);
  });

  await app.register(rateLimit, { global: false });
  const perIp = app.createRateLimit({
    max: options.rateLimitPerIp,
    timeWindow: 60_000,
    keyGenerator: (r) => `ip:${r.ip}`,
  });
  const perPrincipal = app.createRateLimit({
    max: options.rateLimitPerPrincipal,
    timeWindow: 60_000,
    keyGenerator: (r) => r.principal?.id ?? `ip:${r.ip}`,
  });

  const enforce = async (request: FastifyRequest, reply: FastifyReply, check: typeof perIp) => {
    const limit = await check(request);
    if (limit.isAllowed) return;
    reply
      .header('ratelimit-limit', limit.max)
      .header('ratelimit-remaining', Math.max(0, limit.remaining))
      .header('ratelimit-reset', limit.ttlInSeconds);
    if (limit.isExceeded) {
      reply.header('retry-after', limit.ttlInSeconds);
      throw new DomainError('rate_limited', { retryAfter: limit.ttlInSeconds });
    }
  };

  // Authentication runs before the body is parsed or validated, so an anonymous caller learns
  // nothing about a route's schema and no work is done for it.
  app.addHook('onRequest', async (request, reply) => {
    await enforce(request, reply, perIp);
    const policy: Policy | undefined = request.routeOptions.config.policy;
    if (policy === undefined) {
      if (request.routeOptions.url === undefined) return; // 404 handler
      throw new DomainError('authentication_required'); // fail closed
    }
    if ('public' in policy || 'clientAuth' in policy) return;
    const principal = await authenticate(request, reply, options);
    request.principal = principal;
    await enforce(request, reply, perPrincipal);
    await checkNamedTenant(request, principal.tenantId, options.database);
    if ('scope' in policy && !principal.scopes.has(policy.scope)) {
      reply.header(
        'www-authenticate',
        `Bearer realm="finbridge", error="insufficient_scope", scope="${policy.scope}"`,
      );
      throw new DomainError('insufficient_scope', { scope: policy.scope });
    }
  });
}

/**
 * A request acts on the caller's own company. `X-Tenant` (code or id) is optional and must name that
 * same company (for the OAuth endpoints, the company of the authenticated client); anything else is 404 tenant_not_found on every route alike, so the existence of other
 * companies is never revealed.
 */
export async function checkNamedTenant(
  request: FastifyRequest,
  tenantId: string,
  database: OpenDatabase,
): Promise<void> {
  const header = request.headers['x-tenant'];
  const named = (Array.isArray(header) ? header[0] : header)?.trim();
  if (named === undefined || named === '' || named === tenantId) return;
  const company = await findCompany(database, tenantId);
  if (company?.code !== named) throw new DomainError('tenant_not_found', { tenant: named });
}

async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  options: GuardOptions,
): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return refuse(reply, 'invalid_token', 'expected "Authorization: Bearer <token>"');
    try {
      const claims = await options.security.tokens.verify(match[1]);
      const client = await clientByClientId(options.database, claims.clientId);
      if (client?.status !== 'active' || client.tenant_id !== claims.tenantId)
        return refuse(reply, 'invalid_token', 'client revoked');
      return {
        kind: 'client',
        id: `client:${claims.clientId}`,
        tenantId: claims.tenantId,
        clientId: claims.clientId,
        scopes: new Set(claims.scopes),
        tokenId: claims.jti,
      };
    } catch (error) {
      if (error instanceof TokenError) return refuse(reply, 'invalid_token', error.reason);
      throw error;
    }
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId !== undefined && sessionId !== '') {
    const principal = await sessionPrincipal(options.database, options.security.audit, sessionId);
    if (principal?.kind !== 'user') return refuse(reply, 'authentication_required');
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== principal.csrfToken) {
      throw new DomainError('csrf_token_invalid');
    }
    return principal;
  }
  return refuse(reply, 'authentication_required');
}

function refuse(
  reply: FastifyReply,
  code: 'invalid_token' | 'authentication_required',
  reason?: string,
): never {
  reply.header(
    'www-authenticate',
    code === 'invalid_token'
      ? `Bearer realm="finbridge", error="invalid_token", error_description="${reason ?? ''}"`
      : 'Bearer realm="finbridge"',
  );
  throw new DomainError(code, reason === undefined ? {} : { reason });
}
