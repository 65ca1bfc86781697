import { Type } from 'typebox';
import { listGates, setGate } from '../../governance/quality/gates.ts';
import { isQualityEntity, QUALITY_ENTITY_NAMES } from '../../governance/quality/entities.ts';
import { RULE_KINDS } from '../../governance/quality/rules.ts';
import {
  createRule,
  deleteRule,
  getRule,
  listIssues,
  listOwners,
  listRules,
  listScores,
  recordScores,
  setOwner,
  sweep,
  updateRule,
} from '../../governance/quality/service.ts';
import { getConnectionRow } from '../../hub/connections.ts';
import { DomainError } from '../../model/result.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

const tags = ['data-quality'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Severity = Type.Union(
  [Type.Literal('info'), Type.Literal('warning'), Type.Literal('error'), Type.Literal('critical')],
  { description: 'info (−2 points on the record’s score), warning (−10), error (−25), critical (−50).' },
);
const EntityName = Type.String({
  maxLength: 40,
  description: `The master-data entity: ${QUALITY_ENTITY_NAMES.join(', ')}.`,
});
const Params = Type.Object(
  {
    pattern: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'format: the regular expression the whole value must match.',
      }),
    ),
    entity: Type.Optional(Type.String({ maxLength: 40, description: 'reference_exists: the entity named.' })),
    days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 36500, description: 'stale: days without a change.' }),
    ),
  },
  { additionalProperties: false },
);
const RuleSchema = Type.Object({
  id: Type.String(),
  entity: Type.String(),
  kind: Type.String({ description: RULE_KINDS.join(', ') }),
  field: Nullable(Type.String()),
  params: Params,
  severity: Severity,
  enabled: Type.Boolean(),
  updatedBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const RuleBody = Type.Object(
  {
    entity: EntityName,
    kind: Type.String({ maxLength: 40, description: `One of ${RULE_KINDS.join(', ')}.` }),
    field: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 120,
          description: 'A field, dotted for nested ones (bankAccounts.*.accountNumber); none for stale.',
        }),
      ),
    ),
    params: Type.Optional(Params),
    severity: Severity,
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const RulePatch = Type.Partial(RuleBody, { additionalProperties: false });
const IssueSchema = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  kind: Type.String(),
  entity: Type.String(),
  source: Type.String({ description: "'finbridge', a connection id, or 'golden' (source conflicts)." }),
  record: Type.String({ description: 'The record’s code in its source, or the golden record id.' }),
  field: Type.String(),
  value: Nullable(Type.String()),
  severity: Severity,
  message: Type.String(),
  suggestion: Type.String({ description: 'The suggested fix.' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  openedAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});
const ScoreSchema = Type.Object({
  entity: Type.String(),
  source: Type.String({ description: "'*' = every source of the entity." }),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  records: Type.Integer(),
  openIssues: Type.Integer(),
  trend: Type.Array(Type.Object({ on: Type.String(), score: Type.Integer(), openIssues: Type.Integer() })),
});
const OwnerSchema = Type.Object({
  scope: Type.Union([Type.Literal('entity'), Type.Literal('source')]),
  name: Type.String(),
  owner: Type.String({ description: 'user:<id> or role:<role>.' }),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});
const GateKind = Type.Union([Type.Literal('posting'), Type.Literal('sync')]);
const GateSchema = Type.Object({
  kind: GateKind,
  enabled: Type.Boolean(),
  minSeverity: Severity,
  updatedBy: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});
const SweepResult = Type.Object({
  entities: Type.Integer(),
  records: Type.Integer(),
  opened: Type.Integer(),
  resolved: Type.Integer(),
});

/** Data quality (docs/governance.md, "Data quality"): rules, issues, scores, owners, gates, sweep. */
export function registerDataQualityRoutes(app: App, ctx: ApiContext): void {
  const read = needs('governance:read');
  const write = needs('governance:write');
  const approve = needs('governance:approve');

  app.get(
    '/api/v1/data-quality/rules',
    {
      config: { policy: read },
      schema: {
        operationId: 'listQualityRules',
        summary: 'The company’s data-quality rules',
        tags,
        querystring: Type.Object({ entity: Type.Optional(EntityName) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(RuleSchema) }), ...problems(400) },
      },
    },
    async (request) => ({
      items: await listRules((await resolveTenant(ctx, request)).db, request.query.entity),
    }),
  );

  app.post(
    '/api/v1/data-quality/rules',
    {
      config: { policy: write },
      schema: {
        operationId: 'createQualityRule',
        summary: 'Add a data-quality rule (evaluated from the next write or sweep on)',
        description:
          'Refused (422, field-level) for an unknown kind (quality_rule_kind_unknown) or entity, a regular expression that does not compile (quality_rule_bad_pattern), or a missing field or parameter.',
        tags,
        body: RuleBody,
        response: { 201: RuleSchema, ...problems(400, 415, 422) },
      },
    },
    async (request, reply) => {
      const { db, writer } = await resolveTenant(ctx, request);
      const rule = await createRule(db, writer, request.body);
      return reply.code(201).send(rule);
    },
  );

  app.get(
    '/api/v1/data-quality/rules/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getQualityRule',
        summary: 'One data-quality rule',
        tags,
        params: IdParams,
        response: { 200: RuleSchema, ...problems(400, 404) },
      },
    },
    async (request) => getRule((await resolveTenant(ctx, request)).db, request.params.id),
  );

  app.patch(
    '/api/v1/data-quality/rules/:id',
    {
      config: { policy: write },
      schema: {
        operationId: 'updateQualityRule',
        summary: 'Change a data-quality rule (disabling it resolves its open issues)',
        tags,
        params: IdParams,
        body: RulePatch,
        response: { 200: RuleSchema, ...problems(400, 404, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      return updateRule(db, writer, request.params.id, request.body);
    },
  );

  app.delete(
    '/api/v1/data-quality/rules/:id',
    {
      config: { policy: write },
      schema: {
        operationId: 'deleteQualityRule',
        summary: 'Remove a data-quality rule (its open issues are resolved)',
        tags,
        params: IdParams,
        response: { 204: Type.Null(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { db, writer } = await resolveTenant(ctx, request);
      await deleteRule(db, writer, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/data-quality/issues',
    {
      config: { policy: read },
      schema: {
        operationId: 'listQualityIssues',
        summary: 'Data-quality issues, newest first, with filters and paging',
        tags,
        querystring: Type.Object(
          {
            entity: Type.Optional(EntityName),
            source: Type.Optional(Type.String({ maxLength: 60 })),
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
            kind: Type.Optional(Type.String({ maxLength: 40 })),
            ruleId: Type.Optional(Type.String({ format: 'uuid' })),
            record: Type.Optional(Type.String({ maxLength: 120 })),
            severity: Type.Optional(Severity),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(IssueSchema), total: Type.Integer() }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const { limit, offset, ...filters } = request.query;
      return listIssues(db, { ...filters, limit: limit ?? 50, offset: offset ?? 0 });
    },
  );

  app.get(
    '/api/v1/data-quality/scores',
    {
      config: { policy: read },
      schema: {
        operationId: 'listQualityScores',
        summary: 'Scores (0–100) per entity and source, with the daily trend',
        tags,
        querystring: Type.Object(
          {
            entity: Type.Optional(EntityName),
            since: Type.Optional(Type.String({ format: 'date', description: 'The trend from this day.' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ScoreSchema) }), ...problems(400) },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const q = request.query;
      return {
        items: await listScores(db, {
          ...(q.entity === undefined ? {} : { entity: q.entity }),
          ...(q.since === undefined ? {} : { since: q.since }),
        }),
      };
    },
  );

  app.get(
    '/api/v1/data-quality/scores/records',
    {
      config: { policy: read },
      schema: {
        operationId: 'listRecordQualityScores',
        summary: 'Each record’s score (lowest first)',
        tags,
        querystring: Type.Object(
          {
            entity: EntityName,
            source: Type.Optional(Type.String({ maxLength: 60 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                record: Type.String(),
                source: Type.String(),
                score: Type.Integer(),
                openIssues: Type.Integer(),
                evaluatedAt: Type.String(),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const q = request.query;
      return {
        items: await recordScores(db, {
          entity: q.entity,
          ...(q.source === undefined ? {} : { source: q.source }),
          limit: q.limit ?? 50,
          offset: q.offset ?? 0,
        }),
      };
    },
  );

  app.post(
    '/api/v1/data-quality/sweep',
    {
      config: { policy: write },
      schema: {
        operationId: 'sweepDataQuality',
        summary: 'Evaluate every rule on every record of every source now (all entities, or one)',
        tags,
        body: Type.Object({ entity: Type.Optional(EntityName) }, { additionalProperties: false }),
        response: { 200: SweepResult, ...problems(400, 415, 422) },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const entity = request.body.entity;
      if (entity !== undefined && !isQualityEntity(entity))
        throw new DomainError('validation_failed', {}, [
          {
            code: 'quality_entity_unknown',
            pointer: '/entity',
            params: { entity, known: QUALITY_ENTITY_NAMES.join(', ') },
          },
        ]);
      return sweep(db, ctx.clock.now().toISOString(), entity);
    },
  );

  app.get(
    '/api/v1/data-quality/owners',
    {
      config: { policy: read },
      schema: {
        operationId: 'listDataOwners',
        summary: 'The data owner of each entity and source',
        tags,
        response: { 200: Type.Object({ items: Type.Array(OwnerSchema) }) },
      },
    },
    async (request) => ({ items: await listOwners((await resolveTenant(ctx, request)).db) }),
  );

  app.put(
    '/api/v1/data-quality/owners/:scope/:name',
    {
      config: { policy: approve },
      schema: {
        operationId: 'setDataOwner',
        summary:
          'Name the owner of an entity or a source (told of new issues; the entity’s owner is the default checker of its change requests)',
        tags,
        params: Type.Object(
          {
            scope: Type.Union([Type.Literal('entity'), Type.Literal('source')]),
            name: Type.String({
              maxLength: 60,
              description: 'The entity, or finbridge / golden / a connection id.',
            }),
          },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            owner: Nullable(
              Type.String({
                maxLength: 120,
                description: 'user:<id> or role:<role>; null removes the owner.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ owner: Nullable(OwnerSchema) }), ...problems(400, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      const owner = await setOwner(
        db,
        writer,
        { scope: request.params.scope, name: request.params.name, owner: request.body.owner },
        async (id) =>
          getConnectionRow(db, id).then(
            () => true,
            () => false,
          ),
      );
      return { owner };
    },
  );

  app.get(
    '/api/v1/data-quality/gates',
    {
      config: { policy: read },
      schema: {
        operationId: 'listQualityGates',
        summary: 'The company’s quality gates (posting, sync)',
        tags,
        response: { 200: Type.Object({ items: Type.Array(GateSchema) }) },
      },
    },
    async (request) => ({ items: await listGates((await resolveTenant(ctx, request)).db) }),
  );

  app.put(
    '/api/v1/data-quality/gates/:kind',
    {
      config: { policy: approve },
      schema: {
        operationId: 'setQualityGate',
        summary:
          'Turn a quality gate on or off: postings (or pulls) naming master data with an open issue at or above minSeverity are refused (quality_gate_blocked)',
        tags,
        params: Type.Object({ kind: GateKind }, { additionalProperties: false }),
        body: Type.Object(
          { enabled: Type.Boolean(), minSeverity: Severity },
          { additionalProperties: false },
        ),
        response: { 200: GateSchema, ...problems(400, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      return setGate(db, writer, request.params.kind, request.body);
    },
  );
}
