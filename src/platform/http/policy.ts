import type { Principal } from '../security/principal.ts';
import type { Scope } from '../security/scopes.ts';

/**
 * Every route declares who may call it (route `config.policy`); a route without one cannot be
 * registered. `public`: anyone. `client-auth`: OAuth client credentials in the request (token,
 * revocation, introspection). `authenticated`: any signed-in user or client. `scope`: a principal
 * holding that scope (clients by grant, users by role).
 */
export type Policy =
  | { readonly public: true }
  | { readonly clientAuth: true }
  | { readonly authenticated: true }
  | { readonly scope: Scope };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const PUBLIC: Policy = { public: true };
export const needs = (scope: Scope): Policy => ({ scope });
