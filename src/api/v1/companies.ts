import { Type } from 'typebox';
import { ENTITIES, type EntityDefinition } from '../../model/schemas.ts';
import { allCompanies, companyById, registerCompany } from '../../governance/companies.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';

export function registerCompanyRoutes(app: App, ctx: ApiContext): void {
  const company: EntityDefinition = ENTITIES.Company;
  const tags = ['companies'];
  app.get(
    '/api/v1/companies',
    {
      schema: {
        operationId: 'listCompanies',
        summary: 'List companies (tenants) 公司列表',
        tags,
        response: { 200: Type.Object({ items: Type.Array(company.entity) }), ...problems(400) },
      },
    },
    async () => ({ items: await allCompanies(ctx.database) }),
  );
  app.post(
    '/api/v1/companies',
    {
      schema: {
        operationId: 'createCompany',
        summary: 'Register a company (a new tenant) 新建公司',
        tags,
        body: company.input,
        response: { 201: company.entity, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const created = await registerCompany(ctx.database, ctx.clock, request.body);
      return reply
        .code(201)
        .header('location', `/api/v1/companies/${String(created['id'])}`)
        .send(created);
    },
  );
  app.get(
    '/api/v1/companies/:id',
    {
      schema: {
        operationId: 'getCompany',
        summary: 'Get a company 公司详情',
        tags,
        params: IdParams,
        response: { 200: company.entity, ...problems(400, 404) },
      },
    },
    async (request) => companyById(ctx.database, request.params.id),
  );
}
