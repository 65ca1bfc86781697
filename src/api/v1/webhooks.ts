import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { EVENT_TYPE_NAMES, EventSchema } from '../../model/events.ts';
import { DomainError } from '../../model/result.ts';
import { decodeCursor } from '../../platform/events/envelope.ts';
import {
  inboundSource,
  listInbound,
  receiveInbound,
  rotateInboundSecret,
} from '../../platform/events/inbound.ts';
import { getDelivery, listDeliveries, replayDelivery, replayFrom } from '../../platform/events/outbox.ts';
import {
  createSubscription,
  DEFAULT_GRACE_SECONDS,
  deleteSubscription,
  getSubscriptionRow,
  listSubscriptions,
  toSubscriptionView,
  updateSubscription,
} from '../../platform/events/subscriptions.ts';
import { rotateSubscriptionSecret } from '../../platform/events/subscriptions.ts';
import { needs, PUBLIC } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import { SIGNATURE_HEADER } from '../../platform/security/webhook-signature.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const SubscribedTypes = Type.Array(
  Type.Union([...EVENT_TYPE_NAMES.map((t) => Type.Literal(t)), Type.Literal('*')]),
  {
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    description: 'Event types to deliver (GET /api/v1/event-types); "*" is every type, new ones included.',
  },
);
const Url = Type.String({
  format: 'uri',
  pattern: '^https?://',
  maxLength: 2000,
  description: 'Where to POST each event: an http:// or https:// address.',
});
const Grace = Type.Object(
  {
    graceSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 7 * 86_400,
        default: DEFAULT_GRACE_SECONDS,
        description: 'How long the secret it replaces stays valid beside the new one (0: not at all).',
      }),
    ),
  },
  { additionalProperties: false },
);

const SubscriptionSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  types: Type.Array(Type.String()),
  active: Type.Boolean(),
  previousSecretValidUntil: Nullable(
    Type.String({ description: 'Until then deliveries are signed with the previous secret too.' }),
  ),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const Secret = Type.String({ description: 'The signing secret: shown this once, store it now.' });
const DeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('parked'),
]);
const Failure = Type.Union([
  Type.Literal('timeout'),
  Type.Literal('http_status'),
  Type.Literal('connect_error'),
  Type.Literal('tls_error'),
  Type.Literal('network_error'),
]);
const DeliverySchema = Type.Object({
  id: Type.String(),
  subscriptionId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  eventCursor: Type.String({ description: 'The event’s place in the log.' }),
  status: DeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  lastAttemptAt: Nullable(Type.String()),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  parkReason: Nullable(Failure),
  deliveredAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
const AttemptSchema = Type.Object({
  attempt: Type.Integer(),
  at: Type.String(),
  durationMs: Type.Integer(),
  outcome: Type.Union([Type.Literal('delivered'), Failure]),
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  responseExcerpt: Nullable(Type.String({ description: 'The start of the receiver’s answer.' })),
});
const PullResult = Type.Object({
  object: Type.String(),
  ok: Type.Boolean(),
  pages: Type.Optional(Type.Integer()),
  records: Type.Optional(Type.Integer()),
  failure: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  skipped: Type.Optional(Type.String()),
});
const StatusResult = Type.Object({
  reference: Type.String({ description: 'Our external reference, as the ERP holds it.' }),
  postingId: Type.String(),
  status: Type.String({ description: 'The posting’s status when the call was handled.' }),
  action: Type.Union(
    [
      Type.Literal('due_now'),
      Type.Literal('in_flight'),
      Type.Literal('settled_posted'),
      Type.Literal('still_parked'),
      Type.Literal('confirmed'),
      Type.Literal('missing_in_erp'),
      Type.Literal('lookup_failed'),
    ],
    { description: 'What the hub did after asking the ERP (docs/webhooks.md).' },
  ),
  erpNumber: Type.Optional(Type.String()),
  failure: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
const CallSchema = Type.Object({
  id: Type.String(),
  receivedAt: Type.String(),
  outcome: Type.Union([Type.Literal('accepted'), Type.Literal('refused')]),
  code: Nullable(Type.String({ description: 'The problem code a refused call was answered with.' })),
  detail: Nullable(Type.String()),
  eventId: Nullable(Type.String()),
  eventType: Nullable(Type.String()),
  status: Nullable(Type.Union([Type.Literal('queued'), Type.Literal('done'), Type.Literal('failed')])),
  attempts: Type.Integer(),
  result: Nullable(
    Type.Object({
      pulls: Type.Optional(Type.Array(PullResult)),
      statuses: Type.Optional(Type.Array(StatusResult)),
      error: Type.Optional(Type.String()),
    }),
  ),
  finishedAt: Nullable(Type.String()),
});
const EndpointSchema = Type.Object({
  url: Type.String({ description: 'What the ERP or partner calls (POST).' }),
  configured: Type.Boolean({ description: 'Whether a secret is set (calls are refused until one is).' }),
  previousSecretValidUntil: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});

const SubscriptionParams = IdParams;
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 }));

/** Calls to one connection's inbound webhook per minute, before 429. */
export const INBOUND_CALLS_PER_MINUTE = 60;

/**
 * Outbound webhooks (subscriptions, their secrets, the delivery log, replay) and connections' inbound
 * webhook (docs/webhooks.md). `wake` tells this process's dispatcher that a call was queued.
 */
export function registerWebhookRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  const admin = { policy: needs('webhooks:admin') };
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const now = () => ctx.clock.now().toISOString();
  const tags = ['webhooks'];

  app.post(
    '/api/v1/webhook-subscriptions',
    {
      config: admin,
      schema: {
        operationId: 'createWebhookSubscription',
        summary: 'Subscribe a URL to event types; the signing secret is returned once',
        tags,
        body: Type.Object(
          {
            url: Url,
            types: SubscribedTypes,
            description: Type.Optional(Type.String({ maxLength: 200 })),
            active: Type.Optional(Type.Boolean({ default: true })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...SubscriptionSchema.properties, secret: Secret }),
          ...problems(400, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const created = await createSubscription(tenant.db, ctx.security.keyring, tenant.writer, request.body);
      return reply.code(201).header('location', `/api/v1/webhook-subscriptions/${created.id}`).send(created);
    },
  );
  app.get(
    '/api/v1/webhook-subscriptions',
    {
      config: admin,
      schema: {
        operationId: 'listWebhookSubscriptions',
        summary: 'Webhook subscriptions (secrets are never returned)',
        tags,
        response: { 200: Type.Object({ items: Type.Array(SubscriptionSchema) }), ...problems(400) },
      },
    },
    async (request) => ({ items: await listSubscriptions((await tenantOf(request)).db, now()) }),
  );
  app.get(
    '/api/v1/webhook-subscriptions/:id',
    {
      config: admin,
      schema: {
        operationId: 'getWebhookSubscription',
        summary: 'One webhook subscription',
        tags,
        params: SubscriptionParams,
        response: { 200: SubscriptionSchema, ...problems(400, 404) },
      },
    },
    async (request) =>
      toSubscriptionView(await getSubscriptionRow((await tenantOf(request)).db, request.params.id), now()),
  );
  app.patch(
    '/api/v1/webhook-subscriptions/:id',
    {
      config: admin,
      schema: {
        operationId: 'updateWebhookSubscription',
        summary: 'Change a subscription’s URL, types, description, or switch it off and on',
        description:
          'An inactive subscription is queued nothing new and sends nothing; what was queued waits for it to be active again.',
        tags,
        params: SubscriptionParams,
        body: Type.Object(
          {
            url: Type.Optional(Url),
            types: Type.Optional(SubscribedTypes),
            description: Type.Optional(Type.String({ maxLength: 200 })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: SubscriptionSchema, ...problems(400, 404, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return updateSubscription(tenant.db, tenant.writer, request.params.id, request.body);
    },
  );
  app.delete(
    '/api/v1/webhook-subscriptions/:id',
    {
      config: admin,
      schema: {
        operationId: 'deleteWebhookSubscription',
        summary: 'Remove a subscription with its queued deliveries and their log',
        tags,
        params: SubscriptionParams,
        response: { 204: { description: 'Removed.', type: 'null' }, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      await deleteSubscription(tenant.db, tenant.writer, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/webhook-subscriptions/:id/rotate-secret',
    {
      config: admin,
      schema: {
        operationId: 'rotateWebhookSubscriptionSecret',
        summary:
          'A new signing secret (returned once); the old one keeps signing beside it for a grace period',
        tags,
        params: SubscriptionParams,
        body: Grace,
        response: {
          200: Type.Object({ secret: Secret, previousSecretValidUntil: Nullable(Type.String()) }),
          ...problems(400, 404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return rotateSubscriptionSecret(
        tenant.db,
        ctx.security.keyring,
        tenant.writer,
        request.params.id,
        request.body.graceSeconds ?? DEFAULT_GRACE_SECONDS,
      );
    },
  );
  app.get(
    '/api/v1/webhook-subscriptions/:id/deliveries',
    {
      config: admin,
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: 'The delivery log of a subscription, newest event first: status, attempts, last answer',
        tags,
        params: SubscriptionParams,
        querystring: Type.Object(
          {
            status: Type.Optional(DeliveryStatus),
            limit: Limit,
            cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(DeliverySchema), nextCursor: Nullable(Type.String()) }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => {
      const q = request.query as { status?: 'pending'; limit?: number; cursor?: string };
      const before = q.cursor === undefined ? undefined : decodeCursor(q.cursor, '/query/cursor');
      return listDeliveries((await tenantOf(request)).db, request.params.id, {
        limit: q.limit ?? 50,
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(before === undefined ? {} : { before }),
      });
    },
  );
  app.post(
    '/api/v1/webhook-subscriptions/:id/replay',
    {
      config: admin,
      schema: {
        operationId: 'replayWebhookSubscription',
        summary: 'Send the subscription the log’s events after a cursor again (those of its types), in order',
        tags,
        params: SubscriptionParams,
        body: Type.Object(
          {
            after: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 40,
                description: 'An event cursor; without it, from the start of the log.',
              }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            queued: Type.Integer({ minimum: 0 }),
            nextCursor: Type.String(),
            more: Type.Boolean({ description: 'The log goes on: replay again after nextCursor.' }),
          }),
          ...problems(400, 404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const after = request.body.after === undefined ? 0 : decodeCursor(request.body.after, '/after');
      const tenant = await tenantOf(request);
      return replayFrom(tenant.db, tenant.writer, request.params.id, after, request.body.limit ?? 1000);
    },
  );
  app.get(
    '/api/v1/webhook-deliveries/:id',
    {
      config: admin,
      schema: {
        operationId: 'getWebhookDelivery',
        summary: 'One delivery with every attempt (time, duration, answer) and the event it carries',
        tags,
        params: IdParams,
        response: {
          200: Type.Object({
            ...DeliverySchema.properties,
            attemptLog: Type.Array(AttemptSchema),
            event: EventSchema,
          }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => getDelivery((await tenantOf(request)).db, request.params.id),
  );
  app.post(
    '/api/v1/webhook-deliveries/:id/replay',
    {
      config: admin,
      schema: {
        operationId: 'replayWebhookDelivery',
        summary: 'Send a parked (or delivered) delivery again, before the events queued behind it',
        tags,
        params: IdParams,
        response: { 200: DeliverySchema, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return replayDelivery(tenant.db, tenant.writer, request.params.id);
    },
  );

  registerInboundRoutes(app, ctx, wake);
}

const CONNECTION = 'connection';

function registerInboundRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  const connections = { policy: needs('connections:admin') };
  const tags = ['connections'];
  const endpointUrl = (id: string) => `${ctx.config.publicBaseUrl}/api/v1/connections/${id}/webhook`;
  app.get(
    '/api/v1/connections/:id/webhook',
    {
      config: connections,
      schema: {
        operationId: 'getConnectionWebhook',
        summary: 'The connection’s inbound webhook: its address and whether a secret is set',
        tags,
        params: IdParams,
        response: { 200: EndpointSchema, ...problems(400, 404) },
      },
    },
    async (request) => ({
      url: endpointUrl(request.params.id),
      ...(await inboundSource(
        (await resolveTenant(ctx, request)).db,
        ctx.clock,
        CONNECTION,
        request.params.id,
      )),
    }),
  );
  app.post(
    '/api/v1/connections/:id/webhook/secret',
    {
      config: connections,
      schema: {
        operationId: 'rotateConnectionWebhookSecret',
        summary:
          'Set or rotate the secret the ERP signs its calls with (returned once); the old one stays valid for a grace period',
        tags,
        params: IdParams,
        body: Grace,
        response: {
          200: Type.Object({ ...EndpointSchema.properties, secret: Secret }),
          ...problems(400, 404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      const rotated = await rotateInboundSecret(
        tenant.db,
        ctx.security.keyring,
        tenant.writer,
        CONNECTION,
        request.params.id,
        request.body.graceSeconds ?? DEFAULT_GRACE_SECONDS,
      );
      return { url: endpointUrl(request.params.id), ...rotated };
    },
  );
  app.get(
    '/api/v1/connections/:id/webhook/calls',
    {
      config: connections,
      schema: {
        operationId: 'listConnectionWebhookCalls',
        summary:
          'Every call to the connection’s webhook, newest first: accepted (and what the pull did) or refused (and why)',
        tags,
        params: IdParams,
        querystring: Type.Object(
          { limit: Limit, cursor: Type.Optional(Type.String({ format: 'uuid' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(CallSchema), nextCursor: Nullable(Type.String()) }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listInbound((await resolveTenant(ctx, request)).db, CONNECTION, request.params.id, {
        limit: q.limit ?? 50,
        ...(q.cursor === undefined ? {} : { before: q.cursor }),
      });
    },
  );

  // the ERP's or partner's call: authenticated by its signature, not a token; the body is verified as sent
  void app.register(async (scoped) => {
    scoped.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 65_536 },
      (_request, body, done) => {
        done(null, body);
      },
    );
    const perConnection = scoped.createRateLimit({
      max: INBOUND_CALLS_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (r) => `inbound:${(r.params as { id?: string }).id ?? ''}`,
    });
    const limited = async (request: FastifyRequest, reply: FastifyReply) => {
      const limit = await perConnection(request);
      if (limit.isAllowed || !limit.isExceeded) return;
      reply.header('retry-after', limit.ttlInSeconds);
      throw new DomainError('rate_limited', { retryAfter: limit.ttlInSeconds });
    };
    scoped.post(
      '/api/v1/connections/:id/webhook',
      {
        config: { policy: PUBLIC },
        schema: {
          operationId: 'callConnectionWebhook',
          summary:
            'An ERP or partner asks for an immediate pull of this connection (signed, see docs/webhooks.md)',
          description:
            `Body {"id": "<event id>", "type": "sync.requested", "objects": ["suppliers"]} (objects optional: all), ` +
            `signed with the connection’s webhook secret: header ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">. ` +
            'Answers 202 once the call is recorded and queued; an event id is accepted once (409 after).',
          tags,
          params: IdParams,
          response: {
            202: Type.Object({
              id: Type.String({ description: 'The call’s id in the connection’s webhook log.' }),
              eventId: Type.String(),
              status: Type.Literal('queued'),
            }),
            ...problems(400, 401, 404, 409, 413, 415, 422, 429),
          },
        },
        onRequest: limited,
      },
      async (request, reply) => {
        const header = request.headers[SIGNATURE_HEADER];
        const received = await receiveInbound(ctx.database, ctx.security.keyring, ctx.clock, {
          kind: CONNECTION,
          subjectId: (request.params as { id: string }).id,
          header: Array.isArray(header) ? header[0] : header,
          body: typeof request.body === 'string' ? request.body : '',
        });
        wake();
        return reply.code(202).send(received);
      },
    );
  });
}
