import { Type, type TSchema } from 'typebox';
import { ENTITIES, type EntityDefinition } from '../../model/schemas.ts';
import { DomainError } from '../../model/result.ts';
import {
  EDITABLE_COMPANY_FIELDS,
  allCompanies,
  editCompany,
  registerCompany,
  toCompanyDocument,
  type CompanyDocument,
} from '../../governance/companies.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { App } from '../../platform/http/server.ts';
import { needs } from '../../platform/http/policy.ts';
import { findCompany } from '../../platform/store/companies.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, parseIfMatch, problems } from '../shared.ts';
import { resolveTenant, type TenantContext } from '../tenant.ts';

/** PATCH body: the editable fields, each optional; `null` removes an optional one (JSON merge patch). */
function companyPatch(): TSchema {
  const input = ENTITIES.Company.input;
  const properties: Record<string, TSchema> = {};
  for (const field of EDITABLE_COMPANY_FIELDS) {
    const schema = input.properties[field] as TSchema;
    properties[field] = Type.Optional(
      (input.required as readonly string[]).includes(field) ? schema : Type.Union([schema, Type.Null()]),
    );
  }
  return Type.Object(properties, { additionalProperties: false, title: 'CompanyPatch' });
}

/**
 * Companies (tenants). Every caller reads its own company. An installation operator (platform:admin,
 * the `operator` role — people only, never an API client) sees every company, registers new ones and
 * edits their registration; each such change is recorded in the company's own audit chain and in
 * the operator's.
 */
export function registerCompanyRoutes(app: App, ctx: ApiContext): void {
  const company: EntityDefinition = ENTITIES.Company;
  const tags = ['companies'];
  const operator = (tenant: TenantContext) => tenant.principal.scopes.has('platform:admin');
  /** The operator's own trail names what they did to another company. */
  const recordForOperator = async (
    tenant: TenantContext,
    action: string,
    document: CompanyDocument,
    requestId: string,
  ) => {
    if (document['id'] === tenant.company.id) return;
    await appendAudit(tenant.db, ctx.security.audit, [
      {
        actor: tenant.principal.id,
        action,
        entityType: 'Company',
        entityId: String(document['id']),
        after: document,
        requestId,
      },
    ]);
  };

  app.get(
    '/api/v1/companies',
    {
      config: { policy: needs('companies:read') },
      schema: {
        operationId: 'listCompanies',
        summary: 'The caller’s company (tenant); an installation operator sees every company 公司',
        tags,
        response: { 200: Type.Object({ items: Type.Array(company.entity) }), ...problems(400) },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      return {
        items: operator(tenant) ? await allCompanies(ctx.database) : [toCompanyDocument(tenant.company)],
      };
    },
  );
  app.get(
    '/api/v1/companies/:id',
    {
      config: { policy: needs('companies:read') },
      schema: {
        operationId: 'getCompany',
        summary: 'Get a company by id: the caller’s own (an operator: any) 公司详情',
        tags,
        params: IdParams,
        response: { 200: company.entity, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const tenant = await resolveTenant(ctx, request);
      const found = tenant.company.id === id ? tenant.company : await findCompany(ctx.database, id);
      if (found?.id !== id || (found.id !== tenant.company.id && !operator(tenant)))
        throw new DomainError('not_found', { resource: 'Company', id });
      return reply.header('etag', `"${found.version}"`).send(toCompanyDocument(found));
    },
  );
  app.post(
    '/api/v1/companies',
    {
      config: { policy: needs('platform:admin') },
      schema: {
        operationId: 'createCompany',
        summary: 'Register a company (a new tenant): installation operators only 新建公司',
        tags,
        body: company.input,
        response: { 201: company.entity, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await resolveTenant(ctx, request);
      const created = await registerCompany(ctx.database, tenant.writer, request.body);
      await recordForOperator(tenant, 'create', created, request.id);
      return reply
        .code(201)
        .header('location', `/api/v1/companies/${String(created['id'])}`)
        .header('etag', `"${String(created['version'])}"`)
        .send(created);
    },
  );
  app.patch(
    '/api/v1/companies/:id',
    {
      config: { policy: needs('platform:admin') },
      schema: {
        operationId: 'updateCompany',
        summary:
          'Change a company’s registration (name, tax id, fiscal calendar, standard, address); code and base currency stay',
        tags,
        headers: Type.Object({
          'if-match': Type.Optional(Type.String({ description: 'Version the change applies to, e.g. "3".' })),
        }),
        params: IdParams,
        body: companyPatch(),
        response: { 200: company.entity, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await resolveTenant(ctx, request);
      const { company: updated, changed } = await editCompany(
        ctx.database,
        tenant.writer,
        request.params.id,
        request.body as Record<string, unknown>,
        parseIfMatch(request.headers['if-match']),
      );
      if (changed) await recordForOperator(tenant, 'update', updated, request.id);
      return reply.header('etag', `"${String(updated['version'])}"`).send(updated);
    },
  );
}
