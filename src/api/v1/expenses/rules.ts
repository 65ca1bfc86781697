import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { getRuleSet, listRuleSets, RULE_SET_KINDS, saveRuleSet } from '../../../finance/rules/rule-sets.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { RuleSetKind } from '../../../finance/tables.ts';
import type { ApiContext } from '../../context.ts';
import { problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { Loose, Page, json } from './route-helpers.ts';

/** Versioned rule sets: approval routing, audit rules, posting rules. */
export function registerRuleSetRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const KindParams = Type.Object({
    kind: Type.Union(Object.keys(RULE_SET_KINDS).map((k) => Type.Literal(k))),
  });
  app.get(
    '/api/v1/rules/:kind',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'getRules',
        summary: 'The approval, audit or posting rules in force (version 0 = built-in default)',
        tags: ['rules'],
        params: KindParams,
        response: { 200: Loose, ...problems(400) },
      },
    },
    async (request, reply) =>
      reply
        .serializer(json)
        .send(await getRuleSet((await tenantOf(request)).db, request.params.kind as RuleSetKind)),
  );
  app.get(
    '/api/v1/rules/:kind/versions',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listRuleVersions',
        summary: 'Every saved version of a rule set',
        tags: ['rules'],
        params: KindParams,
        response: { 200: Page, ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.serializer(json).send({
        items: await listRuleSets((await tenantOf(request)).db, request.params.kind as RuleSetKind),
        nextCursor: null,
      }),
  );
  app.post(
    '/api/v1/rules/:kind',
    {
      config: { policy: needs('rules:admin') },
      schema: {
        operationId: 'saveRules',
        summary: 'Save a new version of a rule set (applies to documents submitted after it)',
        tags: ['rules'],
        params: KindParams,
        body: Type.Object(
          { body: Loose, note: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 201: Loose, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply
        .code(201)
        .serializer(json)
        .send(
          await saveRuleSet(
            tenant.db,
            tenant.writer,
            request.params.kind,
            request.body.body,
            request.body.note,
          ),
        );
    },
  );
}
