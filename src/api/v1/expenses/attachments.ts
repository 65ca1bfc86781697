import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { attachFile, listAttachments } from '../../../finance/expenses/attachments.ts';
import { blobStoreIn } from '../../../platform/blobs/blob-store.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { AttachmentSchema, PageOf } from './schemas.ts';

/** An expense document's attachments (receipts, invoice originals). */
export function registerAttachmentRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const blobs = blobStoreIn(ctx.config.dataDir);
  app.post(
    '/api/v1/expense-documents/:id/attachments',
    {
      config: { policy: needs('claims:write') },
      schema: {
        operationId: 'attachFile',
        summary: 'Attach a file (receipt, contract) to a claim, request or advance; stored with its SHA-256',
        tags: ['expenses'],
        params: IdParams,
        body: Type.Object(
          {
            fileName: Type.String({ minLength: 1, maxLength: 200 }),
            contentType: Type.String({ minLength: 3, maxLength: 100 }),
            contentBase64: Type.String({
              minLength: 1,
              maxLength: 14_000_000,
              pattern: '^[A-Za-z0-9+/=\\s]+$',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AttachmentSchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await attachFile(
        tenant.db,
        tenant.writer,
        request.params.id,
        {
          name: request.body.fileName,
          contentType: request.body.contentType,
          content: Buffer.from(request.body.contentBase64, 'base64'),
        },
        blobs,
      );
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/api/v1/expense-documents/:id/attachments',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listAttachments',
        summary: 'Files attached to a document (or an imported invoice), with SHA-256',
        tags: ['expenses'],
        params: IdParams,
        response: { 200: PageOf(AttachmentSchema), ...problems(400) },
      },
    },
    async (request, reply) => {
      const items = await listAttachments((await tenantOf(request)).db, request.params.id);
      return reply.send({ items, nextCursor: null });
    },
  );
}
