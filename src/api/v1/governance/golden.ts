import { Type } from 'typebox';
import {
  crossReference,
  getGolden,
  listGolden,
  mergeGolden,
  refreshGolden,
  setSurvivorshipRules,
  splitGolden,
  survivorshipRules,
} from '../../../governance/golden/service.ts';
import { GOLDEN_ENTITIES } from '../../../governance/golden/sources.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';

const tags = ['governance'];
const Entity = Type.Union([Type.Literal('supplier'), Type.Literal('employee'), Type.Literal('account')], {
  description:
    'supplier (matched by USCC, then name + bank account), employee (email, then code), account (code).',
});
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const GoldenField = Type.Object({
  value: Type.String(),
  source: Type.String({ description: '`finbridge` or the connection id the value came from.' }),
});
const GoldenSource = Type.Object({
  source: Type.String({ description: '`finbridge` (the company’s master data) or a connection id.' }),
  sourceName: Type.String(),
  sourceType: Type.String({ description: '`finbridge` or the connection type.' }),
  key: Type.String({ description: 'The record’s code in that source.' }),
  name: Type.String(),
  fields: Type.Record(Type.String(), Type.String()),
  linkedBy: Type.Union([Type.Literal('auto'), Type.Literal('manual')]),
  changedAt: Type.String(),
});
export const GoldenSchema = Type.Object({
  id: Type.String(),
  entity: Entity,
  name: Type.String(),
  fields: Type.Record(Type.String(), GoldenField),
  conflicts: Type.Array(Type.String(), { description: 'Fields the sources disagree on.' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('merged')]),
  mergedInto: Nullable(Type.String()),
  version: Type.Integer(),
  sources: Type.Array(GoldenSource),
  updatedAt: Type.String(),
});
const RefreshSchema = Type.Object({
  entity: Entity,
  sources: Type.Integer(),
  goldenRecords: Type.Integer(),
  created: Type.Integer(),
  changed: Type.Integer(),
  removed: Type.Integer(),
});
const RuleSchema = Type.Object({
  field: Type.String(),
  precedence: Type.Array(Type.String()),
  custom: Type.Boolean({
    description: 'False: the default (FinBridge first, then the most recently changed source).',
  }),
});
const EntityParams = Type.Object({ entity: Entity }, { additionalProperties: false });

/** Golden records: list, read, refresh from the sources, merge, split, survivorship rules, cross-reference. */
export function registerGoldenRoutes(app: App, ctx: ApiContext): void {
  const read = needs('governance:read');
  const write = needs('governance:write');

  app.get(
    '/api/v1/governance/golden-records',
    {
      config: { policy: read },
      schema: {
        operationId: 'listGoldenRecords',
        summary: 'Golden records of an entity, with the sources each was matched from',
        tags,
        querystring: Type.Object(
          {
            entity: Entity,
            q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name.' })),
            conflicts: Type.Optional(Type.Boolean({ description: 'Only those whose sources disagree.' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(GoldenSchema), total: Type.Integer() }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const q = request.query;
      return listGolden(db, {
        entity: q.entity,
        ...(q.q === undefined ? {} : { q: q.q }),
        conflictsOnly: q.conflicts === true,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
    },
  );

  app.post(
    '/api/v1/governance/golden-records::refresh',
    {
      config: { policy: write },
      schema: {
        operationId: 'refreshGoldenRecords',
        summary:
          'Match every source’s records (master data, each connection’s last pull) into golden records now',
        tags,
        body: Type.Object(
          { entity: Type.Optional(Entity) },
          { additionalProperties: false, description: 'Without entity: every entity.' },
        ),
        response: { 200: Type.Object({ items: Type.Array(RefreshSchema) }), ...problems(400, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      const entities = request.body.entity === undefined ? GOLDEN_ENTITIES : [request.body.entity];
      const items = [];
      for (const entity of entities) items.push(await refreshGolden(db, writer, entity));
      return { items };
    },
  );

  app.get(
    '/api/v1/governance/golden-records/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getGoldenRecord',
        summary: 'One golden record with its sources and which source each field came from',
        tags,
        params: IdParams,
        response: { 200: GoldenSchema, ...problems(400, 404) },
      },
    },
    async (request) => getGolden((await resolveTenant(ctx, request)).db, request.params.id),
  );

  app.post(
    '/api/v1/governance/golden-records/:id/merge',
    {
      config: { policy: write },
      schema: {
        operationId: 'mergeGoldenRecords',
        summary: 'Merge other golden records into this one (their sources move here; in the audit log)',
        description:
          'Refused (422) when a record is not one of this company (golden_other_company: records of different companies are never merged), ' +
          'is already merged, or is of another entity.',
        tags,
        params: IdParams,
        body: Type.Object(
          { from: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: GoldenSchema, ...problems(400, 404, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      return mergeGolden(db, writer, request.params.id, request.body.from);
    },
  );

  app.post(
    '/api/v1/governance/golden-records/:id/split',
    {
      config: { policy: write },
      schema: {
        operationId: 'splitGoldenRecord',
        summary: 'Move some sources of a golden record to a new golden record of their own',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            sources: Type.Array(
              Type.Object(
                { source: Type.String({ maxLength: 60 }), key: Type.String({ maxLength: 80 }) },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 50 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ original: GoldenSchema, split: GoldenSchema }),
          ...problems(400, 404, 415, 422),
        },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      return splitGolden(db, writer, request.params.id, request.body.sources);
    },
  );

  app.get(
    '/api/v1/governance/survivorship/:entity',
    {
      config: { policy: read },
      schema: {
        operationId: 'getSurvivorshipRules',
        summary: 'Which source wins, per field of the entity’s golden records',
        tags,
        params: EntityParams,
        response: { 200: Type.Object({ items: Type.Array(RuleSchema) }), ...problems(400) },
      },
    },
    async (request) => ({
      items: await survivorshipRules((await resolveTenant(ctx, request)).db, request.params.entity),
    }),
  );

  app.put(
    '/api/v1/governance/survivorship/:entity',
    {
      config: { policy: write },
      schema: {
        operationId: 'setSurvivorshipRules',
        summary: 'Set which sources win per field; golden records are recomputed',
        description:
          'Each field names its sources in the order they win: `finbridge`, a connection type (e.g. `kingdee-k3cloud`), a connection id, or `*` (any other, most recently changed first).',
        tags,
        params: EntityParams,
        body: Type.Object(
          {
            rules: Type.Record(
              Type.String({ maxLength: 40 }),
              Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 20 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(RuleSchema) }), ...problems(400, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      return {
        items: await setSurvivorshipRules(db, writer, request.params.entity, request.body.rules),
      };
    },
  );

  app.get(
    '/api/v1/governance/cross-reference/:entity',
    {
      config: { policy: read },
      schema: {
        operationId: 'getCrossReference',
        summary:
          'Golden id ↔ FinBridge code ↔ each connection’s code (what mapping profiles’ value maps use)',
        tags,
        params: EntityParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                goldenId: Type.String(),
                name: Type.String(),
                code: Nullable(Type.String()),
                erpCodes: Type.Record(Type.String(), Type.String(), {
                  description: 'Connection id → the ERP’s code.',
                }),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => ({
      items: await crossReference((await resolveTenant(ctx, request)).db, request.params.entity),
    }),
  );
}
