import { Type } from 'typebox';
import { ENTITIES, type EntityDefinition } from '../../model/schemas.ts';
import { DomainError } from '../../model/result.ts';
import { toCompanyDocument } from '../../governance/companies.ts';
import type { App } from '../../platform/http/server.ts';
import { needs } from '../../platform/http/policy.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * The caller's own company. Companies (tenants) are provisioned by the operator with
 * `finbridge companies create`, never through the tenant API, so no tenant can see or create another.
 */
export function registerCompanyRoutes(app: App, ctx: ApiContext): void {
  const company: EntityDefinition = ENTITIES.Company;
  const tags = ['companies'];
  app.get(
    '/api/v1/companies',
    {
      config: { policy: needs('companies:read') },
      schema: {
        operationId: 'listCompanies',
        summary: 'The company (tenant) the caller belongs to 本公司',
        tags,
        response: { 200: Type.Object({ items: Type.Array(company.entity) }), ...problems(400) },
      },
    },
    async (request) => ({ items: [toCompanyDocument((await resolveTenant(ctx, request)).company)] }),
  );
  app.get(
    '/api/v1/companies/:id',
    {
      config: { policy: needs('companies:read') },
      schema: {
        operationId: 'getCompany',
        summary: 'Get the caller’s company by id 公司详情',
        tags,
        params: IdParams,
        response: { 200: company.entity, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const tenant = await resolveTenant(ctx, request);
      if (tenant.company.id !== id) throw new DomainError('not_found', { resource: 'Company', id });
      return toCompanyDocument(tenant.company);
    },
  );
}
