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
 * user. (An X-Tenant header naming any other company was already refused by the guard.)
 */
export async function resolveTenant(ctx: ApiContext, request: FastifyRequest): Promise<TenantContext> {
  const principal = request.principal;
  if (principal === undefined) throw new DomainError('authentication_required');
  const company = await findCompany(ctx.database, principal.tenantId);
  if (company === undefined) throw new DomainError('tenant_not_found', { tenant: principal.tenantId });
  return {
    company,
    principal,
    db: tenantDb(ctx.database.db, company.id),
    writer: { actor: principal.id, requestId: request.id, audit: ctx.security.audit },
  };
}
