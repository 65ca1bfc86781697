import { Type } from 'typebox';
import { connectorDefinition, installedConnectors } from '../../hub/connector-registry.ts';
import { connectorFor, getConnectionRow } from '../../hub/connections.ts';
import { pullNow, setSchedules, syncStates } from '../../hub/pulls.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const SyncStateSchema = Type.Object({
  object: Type.String(),
  everySeconds: Nullable(Type.Integer()),
  nextRunAt: Nullable(Type.String()),
  watermark: Nullable(Type.Object({ modifiedAt: Type.String(), number: Nullable(Type.String()) })),
  running: Type.Boolean(),
  lastRunAt: Nullable(Type.String()),
  lastSuccessAt: Nullable(Type.String()),
  lastCount: Type.Integer(),
  totalCount: Type.Integer(),
  lastError: Nullable(Type.String()),
});
const ObjectParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), object: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);

/** Scheduled, incremental pulls of ERP master data: state, schedules, and a pull on demand. */
export function registerSyncRoutes(app: App, ctx: ApiContext): void {
  const admin = needs('connections:admin');
  app.get(
    '/api/v1/connections/:id/sync',
    {
      config: { policy: admin },
      schema: {
        operationId: 'listSyncStates',
        summary: 'Pull state per object: schedule, watermark, last success, counts, last error',
        tags: ['connections'],
        params: IdParams,
        response: {
          200: Type.Object({ pullable: Type.Array(Type.String()), items: Type.Array(SyncStateSchema) }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const row = await getConnectionRow(db, request.params.id);

      return {
        pullable: Object.keys(
          installedConnectors().find((d) => d.manifest.id === row.type)?.manifest.pulls ?? {},
        ),
        items: await syncStates(db, ctx.clock, row.id),
      };
    },
  );
  app.put(
    '/api/v1/connections/:id/sync/schedules',
    {
      config: { policy: admin },
      schema: {
        operationId: 'setSyncSchedules',
        summary: 'Set how often each object is pulled (seconds; null stops the schedule)',
        tags: ['connections'],
        params: IdParams,
        body: Type.Record(
          Type.String({ minLength: 1, maxLength: 40 }),
          Nullable(Type.Integer({ minimum: 60, maximum: 7 * 86_400 })),
          { description: 'e.g. {"suppliers": 3600, "accounts": 86400, "employees": null}' },
        ),
        response: {
          200: Type.Object({ items: Type.Array(SyncStateSchema) }),
          ...problems(400, 404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const row = await getConnectionRow(db, request.params.id);

      const known = Object.keys(connectorDefinition(row.type).manifest.pulls);
      await db.transaction((tx) => setSchedules(tx, ctx.clock, row.id, known, request.body));
      return { items: await syncStates(db, ctx.clock, row.id) };
    },
  );
  app.post(
    '/api/v1/connections/:id/sync/:object',
    {
      config: { policy: admin },
      schema: {
        operationId: 'runSync',
        summary: 'Pull one object now, incrementally from its watermark; answers when the pull is done',
        tags: ['connections'],
        params: ObjectParams,
        response: {
          200: Type.Object({
            object: Type.String(),
            pages: Type.Integer(),
            records: Type.Integer(),
            ok: Type.Boolean(),
            failure: Type.Optional(
              Type.Object({ outcome: Type.String(), code: Type.String(), message: Type.String() }),
            ),
            state: SyncStateSchema,
          }),
          ...problems(400, 404, 409),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const params = request.params;
      const row = await getConnectionRow(db, params.id);
      const connector = await connectorFor(db, ctx.security.keyring, row, {
        now: () => ctx.clock.now(),
        log: () => {},
        timeoutMs: 30_000,
      });
      try {
        const outcome = await pullNow(db, ctx.clock, connector, row.id, params.object, `api-${request.id}`);
        const state = (await syncStates(db, ctx.clock, row.id)).find((s) => s.object === params.object);
        if (state === undefined) throw new Error('sync state vanished during the pull');
        return {
          object: outcome.object,
          pages: outcome.pages,
          records: outcome.records,
          ok: outcome.failure === undefined,
          ...(outcome.failure === undefined ? {} : { failure: outcome.failure }),
          state,
        };
      } finally {
        await connector.close();
      }
    },
  );
}
