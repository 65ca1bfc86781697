import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../model/result.ts';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import { constraintViolation } from '../store/errors.ts';
import { tenantDb, type TenantDb } from '../store/tenant-scope.ts';
import type { App } from './server.ts';

/**
 * Idempotency-Key on every authenticated POST (the IETF httpapi draft, as Stripe does it): the first
 * request with a key reserves it and its response is stored for 24 h; a retry with the same key and
 * the same body gets the stored response (`Idempotent-Replayed: true`) without running again; the same
 * key with a different body is refused (422 idempotency_key_reused); a retry while the first is still
 * running gets 409. Server errors (5xx) release the key so the client can retry.
 */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;
const STORED_HEADERS = ['content-type', 'location', 'etag', 'content-language'];

interface Reservation {
  readonly db: TenantDb;
  readonly principal: string;
  readonly key: string;
}

const reservations = new WeakMap<FastifyRequest, Reservation>();

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

export function installIdempotency(app: App, options: { database: OpenDatabase; clock: Clock }): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const principal = request.principal;
    if (principal === undefined) return; // public and client-authenticated endpoints (OAuth) are not covered
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY.test(key)) throw new DomainError('invalid_idempotency_key');
    const db = tenantDb(options.database.db, principal.tenantId);
    const now = options.clock.now();
    const hash = requestHash(request);
    const row = {
      principal: principal.id,
      key,
      method: request.method,
      path: request.url,
      request_hash: hash,
      state: 'running',
      response_status: null,
      response_headers_json: null,
      response_body: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3600_000).toISOString(),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await db.insertInto('idempotency_keys', [row]).execute();
        reservations.set(request, { db, principal: principal.id, key });
        return;
      } catch (error) {
        if (constraintViolation(error) !== 'unique') throw error;
      }
      const existing = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('principal', '=', principal.id)
        .where('key', '=', key)
        .executeTakeFirst();
      if (existing === undefined) continue; // released meanwhile: try once more
      if (existing.expires_at <= now.toISOString()) {
        await db
          .deleteFrom('idempotency_keys')
          .where('principal', '=', principal.id)
          .where('key', '=', key)
          .execute();
        continue;
      }
      if (existing.request_hash !== hash) throw new DomainError('idempotency_key_reused');
      if (existing.state !== 'done' || existing.response_status === null)
        throw new DomainError('idempotency_key_in_flight');
      return replay(reply, existing.response_status, existing.response_headers_json, existing.response_body);
    }
    throw new DomainError('idempotency_key_in_flight');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const reservation = reservations.get(request);
    if (reservation === undefined) return payload;
    reservations.delete(request);
    const { db, principal, key } = reservation;
    const where = db.deleteFrom('idempotency_keys').where('principal', '=', principal).where('key', '=', key);
    if (reply.statusCode >= 500 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      await where.execute();
      return payload;
    }
    const headers = Object.fromEntries(
      STORED_HEADERS.flatMap((h) => (reply.hasHeader(h) ? [[h, String(reply.getHeader(h))]] : [])),
    );
    await db
      .updateTable('idempotency_keys')
      .set({
        state: 'done',
        response_status: reply.statusCode,
        response_headers_json: JSON.stringify(headers),
        response_body: payload.toString(),
      })
      .where('principal', '=', principal)
      .where('key', '=', key)
      .execute();
    return payload;
  });
}

function replay(
  reply: FastifyReply,
  status: number,
  headersJson: string | null,
  body: string | null,
): FastifyReply {
  const headers = JSON.parse(headersJson ?? '{}') as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply
    .code(status)
    .header('idempotent-replayed', 'true')
    .serializer((p: unknown) => String(p))
    .send(body ?? '');
}
