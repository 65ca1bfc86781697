import { Type } from 'typebox';
import { DomainError } from '../../model/result.ts';
import {
  EVENT_TYPE_NAMES,
  EVENT_TYPES,
  EventSchema,
  isEventType,
  type EventType,
} from '../../model/events.ts';
import { decodeCursor } from '../../platform/events/envelope.ts';
import { readEvents } from '../../platform/events/log.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/** The company's business event log for pull consumers, and the event catalogue (docs/webhooks.md). */
export function registerEventRoutes(app: App, ctx: ApiContext): void {
  app.get(
    '/api/v1/events',
    {
      config: { policy: needs('events:read') },
      schema: {
        operationId: 'listEvents',
        summary: 'Business events after a cursor, oldest first: the same events webhooks deliver',
        description:
          'Stable order: each company’s log is gap-free and never reordered, so reading on from `nextCursor` sees every event exactly once. ' +
          'Without `after` the log is read from its oldest kept event (events are kept 90 days).',
        tags: ['events'],
        querystring: Type.Object(
          {
            after: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 40,
                description: 'A cursor from an earlier answer (`nextCursor`, or an event’s `cursor`).',
              }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            types: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 1000,
                description: `Only these types, comma-separated: ${EVENT_TYPE_NAMES.join(', ')}.`,
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(EventSchema),
            nextCursor: Type.String({
              description:
                'Ask again with after=<nextCursor>: it is after the last item, or after everything read when the page was short.',
            }),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const after = q.after === undefined ? 0 : decodeCursor(q.after, '/query/after');
      const types = q.types === undefined ? undefined : parseTypes(q.types);
      const { db } = await resolveTenant(ctx, request);
      return readEvents(db, ctx.clock, {
        after,
        limit: q.limit ?? 100,
        ...(types === undefined ? {} : { types }),
      });
    },
  );
  app.get(
    '/api/v1/event-types',
    {
      config: { policy: { authenticated: true } },
      schema: {
        operationId: 'listEventTypes',
        summary: 'The event catalogue: every type FinBridge publishes and what it means',
        tags: ['events'],
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                type: Type.String(),
                subject: Type.String({ description: 'What `subject.type` its events name.' }),
                description: Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() }),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async () => ({
      items: EVENT_TYPE_NAMES.map((type) => ({
        type,
        subject: EVENT_TYPES[type].subject,
        description: { 'zh-CN': EVENT_TYPES[type].zh, 'en-US': EVENT_TYPES[type].en },
      })),
    }),
  );
}

function parseTypes(list: string): EventType[] {
  const types = list.split(',').map((t) => t.trim());
  const unknown = types.find((t) => !isEventType(t));
  if (unknown !== undefined) {
    const params = {
      detail: `types: ${JSON.stringify(unknown.slice(0, 60))} is not an event type (${EVENT_TYPE_NAMES.join(', ')})`,
    };
    throw new DomainError('invalid_query', params, [
      { code: 'invalid_query', pointer: '/query/types', params },
    ]);
  }
  return types as EventType[];
}
