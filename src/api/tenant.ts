import type { FastifyRequest } from 'fastify';
import { DomainError } from '../model/result.ts';
import type { Writer } from '../platform/audit/audit-log.ts';
import { findCompany, type CompanyRecord } from '../platform/store/companies.ts';
import { tenantDb, type TenantDb } from '../platform/store/tenant-scope.ts';
import type { Principal } from '../platform/security/principal.ts';
import type { ApiContext } from './context.ts';

export interface TenantContext {
  readonly company: CompanyRecord;
  readonly db: TenantDb;
  readonly principal: Principal;
  readonly writer: Writer;
}

/**
 * The company a request acts on is the caller's own: the tenant of the token or of the signed-in
 * user. An X-Tenant header (code or id) is optional and must name that same company; anything else
 * answers 404 tenant_not_found, so the existence of other companies is never revealed.
 */
export async function resolveTenant(ctx: ApiContext, request: FastifyRequest): Promise<TenantContext> {
  const principal = request.principal;
  if (principal === undefined) throw new DomainError('authentication_required');
  const company = await findCompany(ctx.database, principal.tenantId);
  if (company === undefined) throw new DomainError('tenant_not_found', { tenant: principal.tenantId });
  const header = request.headers['x-tenant'];
  const named = (Array.isArray(header) ? header[0] : header)?.trim();
  if (named !== undefined && named !== '' && named !== company.code && named !== company.id) {
    throw new DomainError('tenant_not_found', { tenant: named });
  }
  return {
    company,
    principal,
    db: tenantDb(ctx.database.db, company.id),
    writer: { actor: principal.id, requestId: request.id, audit: ctx.security.audit },
  };
}
