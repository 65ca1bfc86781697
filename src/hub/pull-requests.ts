import { DomainError, type Failure } from '../model/result.ts';
import type { InboundHandler } from '../platform/events/inbound.ts';
import { connectorDefinition } from './connector-registry.ts';
import { connectorFor, getConnectionRow } from './connections.ts';
import { pullNow } from './pulls.ts';
import { STATUS_REQUESTED, checkStatusRequest, handleStatusRequest } from './status-requests.ts';

/**
 * What an ERP's or partner's call to a connection's webhook (`POST /api/v1/connections/{id}/webhook`)
 * does: `{"id": "<event id>", "type": "sync.requested", "objects": ["suppliers"]}` pulls the named
 * objects — or every object the connection can pull — now, incrementally from each watermark;
 * `{"id": …, "type": "posting.status", "references": […]}` checks those postings with the ERP now
 * (src/hub/status-requests.ts).
 * Registered for the `connection` source kind by the composition root (src/modules.ts); the platform
 * verifies, deduplicates, records and queues the call, and a worker runs this.
 */
export const CONNECTION_SOURCE = 'connection';
export const SYNC_REQUESTED = 'sync.requested';

const pullable = (type: string): string[] => Object.keys(connectorDefinition(type).manifest.pulls);

export const connectionWebhook: InboundHandler = {
  resource: 'Connection',
  async exists(db, connectionId) {
    const row = await db
      .selectFrom('connections')
      .select('id')
      .where('id', '=', connectionId)
      .executeTakeFirst();
    return row !== undefined;
  },
  async check(db, connectionId, payload) {
    if (payload.type === STATUS_REQUESTED) return checkStatusRequest(db, connectionId, payload);
    if (payload.type !== SYNC_REQUESTED)
      return [
        {
          code: 'invalid_field',
          pointer: '/type',
          params: { detail: `the type is ${SYNC_REQUESTED} or ${STATUS_REQUESTED}` },
        },
      ];
    const objects = payload['objects'];
    if (objects === undefined) return [];
    if (!Array.isArray(objects) || objects.length === 0 || objects.length > 50)
      return [
        { code: 'invalid_field', pointer: '/objects', params: { detail: 'a list of 1–50 objects to pull' } },
      ];
    const known = pullable((await getConnectionRow(db, connectionId)).type);
    const failures: Failure[] = [];
    objects.forEach((object: unknown, i) => {
      if (typeof object !== 'string' || !known.includes(object))
        failures.push({
          code: 'unknown_sync_object',
          pointer: `/objects/${i}`,
          params: { object: String(object).slice(0, 40), known: known.join(', ') },
        });
    });
    return failures;
  },
  async handle(ctx, connectionId, payload) {
    if (payload.type === STATUS_REQUESTED) return handleStatusRequest(ctx, connectionId, payload);
    const row = await getConnectionRow(ctx.db, connectionId);
    const objects = Array.isArray(payload['objects']) ? (payload['objects'] as string[]) : pullable(row.type);
    const connector = await connectorFor(ctx.db, ctx.keyring, row, {
      now: () => ctx.clock.now(),
      log: () => {},
      timeoutMs: 30_000,
    });
    const pulls: Record<string, unknown>[] = [];
    try {
      for (const object of objects) {
        try {
          const outcome = await pullNow(ctx.db, ctx.clock, connector, row.id, object, ctx.owner);
          pulls.push({
            object,
            ok: outcome.failure === undefined,
            pages: outcome.pages,
            records: outcome.records,
            ...(outcome.failure === undefined
              ? {}
              : { failure: { code: outcome.failure.code, message: outcome.failure.message } }),
          });
        } catch (error) {
          // a pull of it is under way already: the change comes with it or with the next one
          if (error instanceof DomainError && error.code === 'sync_running')
            pulls.push({ object, ok: true, skipped: 'a pull of it was running' });
          // held back by a gate (governance's data-quality sync gate): said, not retried
          else if (error instanceof DomainError && error.code === 'quality_gate_blocked')
            pulls.push({ object, ok: false, skipped: error.message });
          else throw error;
        }
      }
    } finally {
      await connector.close();
    }
    return { pulls };
  },
};
