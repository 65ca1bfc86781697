import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { unstorableText } from '../../../model/text.ts';
import { decideExpenseTask } from '../../../finance/expenses/lifecycle/approve.ts';
import {
  createExternalApprover,
  listExternalApprovers,
  verifyCallback,
} from '../../../finance/approvals/external.ts';
import { Code } from '../../../model/common.ts';
import { DomainError } from '../../../model/result.ts';
import { tenantDb } from '../../../platform/store/tenant-scope.ts';
import { findCompany } from '../../../platform/store/companies.ts';
import { needs, PUBLIC } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import {
  ApprovalCallbackSchema,
  ExternalApproverSchema,
  NewExternalApproverSchema,
  PageOf,
} from './schemas.ts';

/** External approvers (e.g. a budget system) and their signed callbacks. */
export function registerExternalApproverRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  app.post(
    '/api/v1/external-approvers',
    {
      config: { policy: needs('rules:admin') },
      schema: {
        operationId: 'createExternalApprover',
        summary: 'Register an external approval system; the signing secret is returned once',
        tags: ['rules'],
        body: Type.Object(
          {
            code: Code,
            name: Type.String({ minLength: 1, maxLength: 100 }),
            url: Type.String({ format: 'uri', pattern: '^https?://' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: NewExternalApproverSchema, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply
        .code(201)
        .send(await createExternalApprover(tenant.db, ctx.security.keyring, tenant.writer, request.body));
    },
  );
  app.get(
    '/api/v1/external-approvers',
    {
      config: { policy: needs('rules:admin') },
      schema: {
        operationId: 'listExternalApprovers',
        summary: 'External approval systems (secrets are never returned)',
        tags: ['rules'],
        response: { 200: PageOf(ExternalApproverSchema), ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.send({ items: await listExternalApprovers((await tenantOf(request)).db), nextCursor: null }),
  );
  // the external approver's signed callback: authenticated by its signature, not a token
  void app.register(async (scoped) => {
    scoped.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 65_536 },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scoped.post(
      '/webhooks/approvals/:tenantId/:taskId',
      {
        config: { policy: PUBLIC },
        schema: {
          operationId: 'approvalCallback',
          summary: 'An external approver’s decision, signed with its secret (FinBridge-Signature)',
          tags: ['approvals'],
          params: Type.Object({
            tenantId: Type.String({ format: 'uuid' }),
            taskId: Type.String({ format: 'uuid' }),
          }),
          response: { 200: ApprovalCallbackSchema, ...problems(400, 401, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const { tenantId, taskId } = request.params as { tenantId: string; taskId: string };
        const company = await findCompany(ctx.database, tenantId);
        if (company === undefined)
          throw new DomainError('not_found', { resource: 'ApprovalTask', id: taskId });
        const db = tenantDb(ctx.database.db, company.id);
        const raw = typeof request.body === 'string' ? request.body : '';
        const header = request.headers['finbridge-signature'];
        await verifyCallback(db, ctx.security.keyring, ctx.clock, {
          taskId,
          header: Array.isArray(header) ? header[0] : header,
          body: raw,
        });
        let parsed: { decision?: unknown; comment?: unknown };
        try {
          const value: unknown = JSON.parse(raw);
          if (typeof value !== 'object' || value === null || Array.isArray(value))
            throw new DomainError('validation_failed', {}, [
              { code: 'wrong_type', pointer: '', params: { expected: 'object' } },
            ]);
          parsed = value;
        } catch (error) {
          if (error instanceof DomainError) throw error;
          throw new DomainError('invalid_json');
        }
        const unstorable = unstorableText(parsed);
        if (unstorable.length > 0) throw new DomainError('validation_failed', {}, unstorable);
        if (parsed.decision !== 'accept' && parsed.decision !== 'refuse')
          throw new DomainError('validation_failed', {}, [
            {
              code: 'invalid_field',
              pointer: '/decision',
              params: { detail: 'decision must be "accept" or "refuse"' },
            },
          ]);
        const comment =
          typeof parsed.comment === 'string'
            ? parsed.comment.slice(0, 500)
            : parsed.decision === 'refuse'
              ? '外部系统否决 / refused by the external system'
              : undefined;
        const result = await decideExpenseTask(
          db,
          { actor: `external:${taskId}`, requestId: request.id, audit: ctx.security.audit },
          company.code,
          null,
          {
            taskId,
            decision: parsed.decision === 'accept' ? 'approve' : 'reject',
            ...(comment === undefined ? {} : { comment }),
          },
        );
        wake();
        return reply.send({
          taskId,
          status: result.task.status,
          document: { id: result.document.id, status: result.document.status },
        });
      },
    );
  });
}
