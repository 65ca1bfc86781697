import { Type } from 'typebox';
import { sealAll, verifyAuditChain } from '../../platform/audit/audit-log.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

const EntrySchema = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  // snapshots of whatever changed: each entity type records its own shape, so these stay open
  before: Type.Unknown({
    description: 'What the entity was before (any JSON, as the action recorded it); null when nothing was.',
  }),
  after: Type.Unknown({
    description: 'What the action recorded after it (any JSON: the input, or a summary); null when nothing.',
  }),
  hash: Type.String(),
});

/** The audit trail for auditors: read it (newest first, filtered) and verify its hash chain. */
export function registerAuditRoutes(app: App, ctx: ApiContext): void {
  const tags = ['audit'];
  app.get(
    '/api/v1/audit-log',
    {
      config: { policy: needs('audit:read') },
      schema: {
        operationId: 'listAuditEntries',
        summary: 'Audit entries, newest first; filter by entity, actor, action and time',
        tags,
        querystring: Type.Object(
          {
            entityType: Type.Optional(Type.String({ maxLength: 60 })),
            entityId: Type.Optional(Type.String({ maxLength: 80 })),
            actor: Type.Optional(Type.String({ maxLength: 200 })),
            action: Type.Optional(Type.String({ maxLength: 60 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            before: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: Number.MAX_SAFE_INTEGER,
                description: 'Cursor: entries with a lower sequence number.',
              }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(EntrySchema),
            nextBefore: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...problems(400),
        },
      },
    },
    async (request, reply) => {
      const q = request.query as Record<string, string | number | undefined>;
      const { db } = await resolveTenant(ctx, request);
      // what was recorded a moment ago is sealed into the chain first, so the reader sees it
      await sealAll(ctx.database, ctx.security.audit.key, db.tenantId);
      let select = db.selectFrom('audit_log').selectAll();
      if (q['entityType'] !== undefined) select = select.where('entity_type', '=', String(q['entityType']));
      if (q['entityId'] !== undefined) select = select.where('entity_id', '=', String(q['entityId']));
      if (q['actor'] !== undefined) select = select.where('actor', '=', String(q['actor']));
      if (q['action'] !== undefined) select = select.where('action', '=', String(q['action']));
      if (q['from'] !== undefined)
        select = select.where('at', '>=', new Date(String(q['from'])).toISOString());
      if (q['to'] !== undefined) select = select.where('at', '<', new Date(String(q['to'])).toISOString());
      if (q['before'] !== undefined) select = select.where('seq', '<', Number(q['before']));
      const limit = Number(q['limit'] ?? 100);
      const rows = await select
        .orderBy('seq', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const items = page.map((r) => ({
        seq: r.seq,
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        requestId: r.request_id,
        before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
        after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
        hash: r.hash,
      }));
      return reply
        .serializer((p: unknown) => JSON.stringify(p))
        .send({ items, nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null });
    },
  );
  app.post(
    '/api/v1/audit-log::verify',
    {
      config: { policy: needs('audit:read') },
      schema: {
        operationId: 'verifyAuditLog',
        summary: 'Re-compute the company’s audit hash chain and list every entry that does not fit',
        tags,
        response: {
          200: Type.Object({
            intact: Type.Boolean(),
            entries: Type.Integer(),
            problems: Type.Array(
              Type.Object({
                kind: Type.String(),
                seq: Type.Integer(),
                id: Type.Union([Type.String(), Type.Null()]),
                detail: Type.String(),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const { company } = await resolveTenant(ctx, request);
      const [report] = await verifyAuditChain(ctx.database, ctx.security.audit.key, company.id);
      const found = report?.problems ?? [];
      return {
        intact: found.length === 0,
        entries: report?.entries ?? 0,
        problems: found.map(({ tenantId: _t, ...p }) => p),
      };
    },
  );
}
