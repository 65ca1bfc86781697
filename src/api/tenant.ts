import type { FastifyRequest } from 'fastify';
import { DomainError } from '../model/result.ts';
import { findCompany, type CompanyRecord } from '../platform/store/companies.ts';
import { tenantDb, type TenantDb } from '../platform/store/tenant-scope.ts';
import type { ApiContext } from './context.ts';

export interface TenantContext {
  readonly company: CompanyRecord;
  readonly db: TenantDb;
}

/**
 * Resolves the company a request acts on from the X-Tenant header (code or id). Unknown → 404
 * tenant_not_found; missing → 400 tenant_required. Every tenant route starts here.
 */
export async function resolveTenant(ctx: ApiContext, request: FastifyRequest): Promise<TenantContext> {
  const header = request.headers['x-tenant'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') throw new DomainError('tenant_required');
  const company = await findCompany(ctx.database, value.trim());
  if (company === undefined) throw new DomainError('tenant_not_found', { tenant: value.trim() });
  return { company, db: tenantDb(ctx.database.db, company.id) };
}
