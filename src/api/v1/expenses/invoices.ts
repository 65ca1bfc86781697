import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import {
  getInvoice,
  importInvoiceXml,
  listInvoices,
  registerInvoice,
} from '../../../finance/invoices/invoices.ts';
import { CalendarDate } from '../../../model/common.ts';
import { ENTITIES } from '../../../model/schemas.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { invoiceOwner, employeeOf } from './route-helpers.ts';
import { InvoiceSchema, PageOf } from './schemas.ts';
import { blobStoreIn } from '../../../platform/blobs/blob-store.ts';

/** Invoices: registered from data or imported from 数电票 XML, listed and read. */
export function registerInvoiceRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  app.post(
    '/api/v1/invoices',
    {
      config: { policy: needs('claims:write') },
      schema: {
        operationId: 'registerInvoice',
        summary: 'Register an invoice from structured data (checked, and refused if already registered)',
        tags: ['invoices'],
        body: ENTITIES.Invoice.input,
        response: { 201: InvoiceSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await registerInvoice(tenant.db, tenant.writer, request.body, {
        buyer: { name: tenant.company.name, taxId: tenant.company.taxId },
        source: 'structured',
        ...invoiceOwner(tenant),
      });
      return reply.code(201).send(view);
    },
  );
  app.post(
    '/api/v1/invoices/import',
    {
      config: { policy: needs('claims:write') },
      schema: {
        operationId: 'importInvoiceXml',
        summary:
          'Import a fully-digital e-invoice (数电票) XML file; the original file is kept with its SHA-256',
        tags: ['invoices'],
        body: Type.Object(
          {
            xml: Type.String({ minLength: 1, maxLength: 2_000_000 }),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: InvoiceSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await importInvoiceXml(tenant.db, tenant.writer, request.body.xml, {
        buyer: { name: tenant.company.name, taxId: tenant.company.taxId },
        blobs: blobStoreIn(ctx.config.dataDir),
        ...(request.body.fileName === undefined ? {} : { fileName: request.body.fileName }),
        ...invoiceOwner(tenant),
      });
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/api/v1/invoices',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listInvoices',
        summary: 'Invoices, filtered by status (unused, claimed, posted), owner, seller or issue date',
        tags: ['invoices'],
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union([Type.Literal('unused'), Type.Literal('claimed'), Type.Literal('posted')]),
            ),
            mine: Type.Optional(Type.Boolean()),
            sellerTaxId: Type.Optional(Type.String({ maxLength: 18 })),
            from: Type.Optional(CalendarDate),
            to: Type.Optional(CalendarDate),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(InvoiceSchema), ...problems(400) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const q = request.query;
      const mine =
        q.mine === true ? employeeOf(tenant, '查看自己的发票', 'list their own invoices') : undefined;
      return reply.send(
        await listInvoices(tenant.db, {
          limit: q.limit ?? 100,
          ...(q.status === undefined ? {} : { status: q.status }),
          ...(mine === undefined ? {} : { ownerEmployeeCode: mine }),
          ...(q.sellerTaxId === undefined ? {} : { sellerTaxId: q.sellerTaxId }),
          ...(q.from === undefined ? {} : { from: q.from }),
          ...(q.to === undefined ? {} : { to: q.to }),
          ...(q.cursor === undefined ? {} : { after: q.cursor }),
        }),
      );
    },
  );
  app.get(
    '/api/v1/invoices/:id',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'getInvoice',
        summary: 'One invoice, with the claim using it',
        tags: ['invoices'],
        params: IdParams,
        response: { 200: InvoiceSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => reply.send(await getInvoice((await tenantOf(request)).db, request.params.id)),
  );
}
