import { Type, type TSchema } from 'typebox';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, walkLineage } from '../../finance/lineage/walk.ts';
import { LINEAGE_TYPES } from '../../finance/lineage/types.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * Lineage (全链路追溯, docs/lineage.md): from any one record — a claim, an invoice, an approval task,
 * a voucher, a bank line, … — the graph of records linked to it in both directions, each hop with its
 * time and actor.
 */
const tags = ['lineage'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });

const Ref = Type.Object({
  type: Type.String({ description: `One of: ${LINEAGE_TYPES.join(', ')}.` }),
  id: Type.String(),
});
const NodeSchema = Type.Object({
  type: Type.String(),
  id: Type.String(),
  depth: Type.Integer({ minimum: 0, description: 'Hops from the record asked about (0 for itself).' }),
  label: Nullable(Type.String(), 'Number, title, amount — null for types whose module gives no label.'),
});
const EdgeSchema = Type.Object({
  from: Ref,
  to: Ref,
  relation: Type.String({
    description:
      'requested, offset_by, attached_to, approved / rejected / approval, posted_as, reversed_as, reversed_by, paid_as, matched_in, …',
  }),
  at: Type.String({ format: 'date-time', description: 'When the hop was made.' }),
  actor: Nullable(Type.String(), 'Who made it (user or employee code, system), when known.'),
});
const GraphSchema = Type.Object({
  root: Ref,
  nodes: Type.Array(NodeSchema),
  edges: Type.Array(EdgeSchema, { description: 'Oldest first.' }),
  truncated: Type.Boolean({ description: 'True when the depth or node limit stopped the walk.' }),
});

export function registerLineageRoutes(app: App, ctx: ApiContext): void {
  app.get(
    '/api/v1/lineage/:type/:id',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'getLineage',
        summary: 'The records linked to one record, in both directions, with each hop’s time and actor',
        description:
          'Walks breadth first from the record: expense document ↔ invoices ↔ approval tasks ↔ vouchers (and red ' +
          'reversals) ↔ book entries ↔ bank matches ↔ bank statement lines, and the modules that add their own ' +
          'links. 404 when the record does not exist; 422 lineage_type_unknown names an unknown type.',
        tags,
        params: Type.Object({
          type: Type.String({
            minLength: 1,
            maxLength: 40,
            description: `One of: ${LINEAGE_TYPES.join(', ')}.`,
          }),
          id: Type.String({ minLength: 1, maxLength: 100 }),
        }),
        querystring: Type.Object(
          {
            depth: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 20,
                default: DEFAULT_MAX_DEPTH,
                description: 'Most hops walked.',
              }),
            ),
            limit: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 1000,
                default: DEFAULT_MAX_NODES,
                description: 'Most nodes returned.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: GraphSchema, ...problems(400, 404, 422) },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      return walkLineage(tenant.db, request.params, {
        maxDepth: request.query.depth ?? DEFAULT_MAX_DEPTH,
        maxNodes: request.query.limit ?? DEFAULT_MAX_NODES,
      });
    },
  );
}
