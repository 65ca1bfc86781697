import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import {
  getRuleSet,
  listRuleSets,
  RULE_SET_KINDS,
  saveRuleSet,
  type AnyRuleSet,
} from '../../../finance/rules/rule-sets.ts';
import { explainDocumentRules } from '../../../finance/rules/explain.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { RuleSetKind } from '../../../finance/tables.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';
import { PageOf, RuleExplanationSchema, RuleSetSchema } from './schemas.ts';
import { assertDirectChange } from '../../../governance/changes/requests.ts';

/** Checked against the kind's own schema by saveRuleSet (field pointers under /body); the saved version echoes it typed. */
const RuleBody = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'The rule set: an ApprovalPolicy, AuditPolicy or PostingPolicy, by kind (GET …/{kind} shows its shape).',
  },
);

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
        response: { 200: RuleSetSchema, ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.send(
        // the kind from the path decides the body's shape: one of the union's members
        (await getRuleSet((await tenantOf(request)).db, request.params.kind as RuleSetKind)) as AnyRuleSet,
      ),
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
        response: { 200: PageOf(RuleSetSchema), ...problems(400) },
      },
    },
    async (request, reply) =>
      reply.send({
        items: await listRuleSets((await tenantOf(request)).db, request.params.kind as RuleSetKind),
        nextCursor: null,
      }),
  );
  app.get(
    '/api/v1/expense-claims/:id/rule-explanation',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'explainClaimRules',
        summary:
          'Why a claim was handled as it was: each audit rule with its findings, and the posting rule that chose each line’s account (read-only)',
        description:
          'Audit findings are those stored when the claim was submitted; the posting part is run again now with the posting rules in force, dated as the voucher is (the last approval’s day, or today). Nothing is written.',
        tags: ['rules'],
        params: IdParams,
        response: { 200: RuleExplanationSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply.send(
        await explainDocumentRules(
          tenant.db,
          tenant.company.code,
          request.params.id,
          ctx.clock.now().toISOString().slice(0, 10),
        ),
      );
    },
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
          { body: RuleBody, note: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 201: RuleSetSchema, ...problems(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      await assertDirectChange(tenant.db, ['rule-set', request.params.kind].join(':'));
      return reply
        .code(201)
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
