import type { Selectable } from 'kysely';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { unstorableText } from '../../model/text.ts';
import { appendAudit, type Writer } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Keyring } from '../security/keyring.ts';
import { randomToken } from '../security/secrets-hash.ts';
import { readSecret, storeSecret } from '../security/secrets.ts';
import { verifySignature } from '../security/webhook-signature.ts';
import { constraintViolation } from '../store/errors.ts';
import type { OpenDatabase } from '../store/database.ts';
import { newId } from '../store/ids.ts';
import { tenantDb, type TenantDb } from '../store/tenant-scope.ts';
import type { InboundWebhookSourcesTable, InboundWebhooksTable } from './tables.ts';

/**
 * Inbound webhooks: an ERP or partner calls FinBridge to have something done now — for a connection,
 * an immediate pull. A call is signed with the source's own secret (`FinBridge-Signature`, HMAC-SHA256
 * over "<timestamp>.<body>", the timestamp within 5 minutes; during a rotation either secret) and names
 * its event `id`, accepted once per source (a replay is refused with 409). Every call is recorded, the
 * refused ones with their problem code: that is the source's trace. An accepted call is queued in the
 * same row and handled by a worker (the dispatcher), so it survives a restart; the answer is 202 at
 * once. What a call does is the business of the module that registered the source kind
 * (`onInboundWebhook`, wired by the composition root — e.g. the hub pulls a connection's master data).
 */
export interface InboundPayload {
  readonly id: string;
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface InboundContext {
  readonly db: TenantDb;
  readonly keyring: Keyring;
  readonly clock: Clock;
  /** Who is handling it (the dispatcher's owner), e.g. for the leases the handler takes. */
  readonly owner: string;
}

export interface InboundHandler {
  /** What the source (e.g. a connection) is called in messages. */
  readonly resource: string;
  /** Whether the subject exists (a call for one that does not is 404, and not recorded). */
  exists(db: TenantDb, subjectId: string): Promise<boolean>;
  /** Refusals of a call's content before it is accepted (unknown type or object), with pointers. */
  check(db: TenantDb, subjectId: string, payload: InboundPayload): Promise<Failure[]>;
  /** Does what the call asks; the result is recorded on the call. A throw is retried, then recorded. */
  handle(ctx: InboundContext, subjectId: string, payload: InboundPayload): Promise<Record<string, unknown>>;
}

const handlers = new Map<string, InboundHandler>();

/** Registers what calls of a source kind do (the composition root, once per process); returns the undo. */
export function onInboundWebhook(kind: string, handler: InboundHandler): () => void {
  handlers.set(kind, handler);
  return () => {
    if (handlers.get(kind) === handler) handlers.delete(kind);
  };
}

function handlerOf(kind: string): InboundHandler {
  const handler = handlers.get(kind);
  if (handler === undefined) throw new Error(`no inbound webhook handler for ${kind}`);
  return handler;
}

export const sourceKey = (kind: string, subjectId: string): string => `${kind}:${subjectId}`;

const SECRET_PURPOSE = 'inbound-webhook';
type SourceRow = Selectable<InboundWebhookSourcesTable>;
export type InboundRow = Selectable<InboundWebhooksTable>;

export interface InboundSourceView {
  readonly configured: boolean;
  readonly previousSecretValidUntil: string | null;
  readonly updatedAt: string | null;
}

const sourceRow = (db: TenantDb, source: string): Promise<SourceRow | undefined> =>
  db.selectFrom('inbound_webhook_sources').selectAll().where('source', '=', source).executeTakeFirst();

const toSourceView = (row: SourceRow | undefined, now: string): InboundSourceView => ({
  configured: row !== undefined,
  previousSecretValidUntil:
    row?.previous_secret_until != null && row.previous_secret_until > now ? row.previous_secret_until : null,
  updatedAt: row?.updated_at ?? null,
});

export async function inboundSource(
  db: TenantDb,
  clock: Clock,
  kind: string,
  subjectId: string,
): Promise<InboundSourceView> {
  await ensureSubject(db, kind, subjectId);
  return toSourceView(await sourceRow(db, sourceKey(kind, subjectId)), clock.now().toISOString());
}

async function ensureSubject(db: TenantDb, kind: string, subjectId: string): Promise<InboundHandler> {
  const handler = handlerOf(kind);
  if (!(await handler.exists(db, subjectId)))
    throw new DomainError('not_found', { resource: handler.resource, id: subjectId });
  return handler;
}

/**
 * Sets the source's signing secret (returned once). A secret it replaces stays valid for
 * `graceSeconds`, so the sender can switch without a refused call.
 */
export async function rotateInboundSecret(
  db: TenantDb,
  keyring: Keyring,
  writer: Writer,
  kind: string,
  subjectId: string,
  graceSeconds: number,
): Promise<InboundSourceView & { readonly secret: string }> {
  await ensureSubject(db, kind, subjectId);
  const secret = randomToken('whsec_', 24);
  const source = sourceKey(kind, subjectId);
  return db.transaction(async (tx) => {
    const clock = writer.audit.clock;
    const now = clock.now();
    const at = now.toISOString();
    const existing = await sourceRow(tx, source);
    const secretId = await storeSecret(tx, keyring, clock, SECRET_PURPOSE, secret);
    const until =
      existing !== undefined && graceSeconds > 0
        ? new Date(now.getTime() + graceSeconds * 1000).toISOString()
        : null;
    if (existing === undefined)
      await tx
        .insertInto('inbound_webhook_sources', [
          {
            source,
            secret_id: secretId,
            previous_secret_id: null,
            previous_secret_until: null,
            created_at: at,
            updated_at: at,
          },
        ])
        .execute();
    else {
      await tx
        .updateTable('inbound_webhook_sources')
        .set({
          secret_id: secretId,
          previous_secret_id: until === null ? null : existing.secret_id,
          previous_secret_until: until,
          updated_at: at,
        })
        .where('source', '=', source)
        .execute();
      const dropped = [existing.previous_secret_id, until === null ? existing.secret_id : null].filter(
        (s): s is string => s !== null,
      );
      if (dropped.length > 0) await tx.deleteFrom('secrets').where('id', 'in', dropped).execute();
    }
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: existing === undefined ? 'create' : 'rotate_secret',
        entityType: 'InboundWebhook',
        entityId: source,
        after: { previousSecretValidUntil: until },
        requestId: writer.requestId,
      },
    ]);
    return { ...toSourceView(await sourceRow(tx, source), at), secret };
  });
}

export interface Received {
  readonly id: string;
  readonly eventId: string;
  readonly status: 'queued';
}

/**
 * Verifies, deduplicates, records and queues one call. Throws (after recording the refusal) a
 * DomainError: webhook_signature_invalid (401: bad, missing or stale signature), validation_failed or
 * invalid_json (422/400: not an event with an id and a type this source understands), webhook_replayed
 * (409). A source that does not exist or has no secret is not_found, and not recorded.
 */
export async function receiveInbound(
  database: OpenDatabase,
  keyring: Keyring,
  clock: Clock,
  call: {
    readonly kind: string;
    readonly subjectId: string;
    readonly header: string | undefined;
    readonly body: string;
  },
): Promise<Received> {
  const handler = handlerOf(call.kind);
  const source = sourceKey(call.kind, call.subjectId);
  // the one look-up that finds the company: from the source, as a token would name it elsewhere
  const found = await database.db
    .selectFrom('inbound_webhook_sources')
    .selectAll()
    .where('source', '=', source)
    .executeTakeFirst();
  if (found === undefined)
    throw new DomainError('not_found', { resource: handler.resource, id: call.subjectId });
  const db = tenantDb(database.db, found.tenant_id);
  const now = clock.now();
  const at = now.toISOString();
  const base = {
    source,
    received_at: at,
    lease_owner: null,
    lease_until: null,
    attempts: 0,
    result_json: null,
    finished_at: null,
  };
  const refuse = async (error: DomainError, event?: { id?: unknown; type?: unknown }): Promise<never> => {
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : null);
    await db
      .insertInto('inbound_webhooks', [
        {
          ...base,
          id: newId(),
          event_id: text(event?.id),
          event_type: text(event?.type),
          outcome: 'refused',
          code: error.code,
          detail: error.message.slice(0, 500),
          payload_json: null,
          status: null,
        },
      ])
      .execute();
    throw error;
  };
  const secrets = [await readSecret(db, keyring, found.secret_id)];
  if (
    found.previous_secret_id !== null &&
    found.previous_secret_until !== null &&
    found.previous_secret_until > at
  )
    secrets.push(await readSecret(db, keyring, found.previous_secret_id));
  try {
    verifySignature(clock, { secrets, header: call.header, body: call.body });
  } catch (error) {
    if (error instanceof DomainError) return refuse(error);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.body);
  } catch {
    return refuse(new DomainError('invalid_json'));
  }
  const unstorable = unstorableText(parsed);
  if (unstorable.length > 0) return refuse(new DomainError('validation_failed', {}, unstorable));
  const failures = shapeFailures(parsed);
  const event = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    id?: unknown;
    type?: unknown;
  };
  if (failures.length > 0) return refuse(refusal(failures), event);
  const payload = parsed as InboundPayload;
  const refused = await handler.check(db, call.subjectId, payload);
  if (refused.length > 0) return refuse(refusal(refused), event);
  const id = newId();
  try {
    await db
      .insertInto('inbound_webhooks', [
        {
          ...base,
          id,
          event_id: payload.id,
          event_type: payload.type,
          outcome: 'accepted',
          code: null,
          detail: null,
          payload_json: JSON.stringify(payload),
          status: 'queued',
        },
      ])
      .execute();
  } catch (error) {
    if (constraintViolation(error) === 'unique') return refuse(new DomainError('webhook_replayed'), event);
    throw error;
  }
  return { id, eventId: payload.id, status: 'queued' };
}

/** A call is a JSON object with an event `id` (deduplicated) and a `type`. */
function shapeFailures(value: unknown): Failure[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [{ code: 'wrong_type', pointer: '', params: { expected: 'object' } }];
  const { id, type } = value as { id?: unknown; type?: unknown };
  const failures: Failure[] = [];
  if (id === undefined) failures.push({ code: 'missing_field', pointer: '/id', params: { field: 'id' } });
  else if (typeof id !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(id))
    failures.push({
      code: 'invalid_field',
      pointer: '/id',
      params: { detail: 'the event id: 1–200 visible ASCII characters' },
    });
  if (type === undefined)
    failures.push({ code: 'missing_field', pointer: '/type', params: { field: 'type' } });
  else if (typeof type !== 'string' || type.length === 0 || type.length > 100)
    failures.push({ code: 'invalid_field', pointer: '/type', params: { detail: 'the event type' } });
  return failures;
}

export interface InboundView {
  readonly id: string;
  readonly receivedAt: string;
  readonly outcome: 'accepted' | 'refused';
  /** The problem code a refused call was answered with. */
  readonly code: string | null;
  readonly detail: string | null;
  readonly eventId: string | null;
  readonly eventType: string | null;
  /** An accepted call: queued, done or failed. */
  readonly status: 'queued' | 'done' | 'failed' | null;
  readonly attempts: number;
  readonly result: Record<string, unknown> | null;
  readonly finishedAt: string | null;
}

const toInboundView = (row: InboundRow): InboundView => ({
  id: row.id,
  receivedAt: row.received_at,
  outcome: row.outcome,
  code: row.code,
  detail: row.detail,
  eventId: row.event_id,
  eventType: row.event_type,
  status: row.status,
  attempts: row.attempts,
  result: row.result_json === null ? null : (JSON.parse(row.result_json) as Record<string, unknown>),
  finishedAt: row.finished_at,
});

/** The source's calls, newest first (`before`: an id from the previous page). */
export async function listInbound(
  db: TenantDb,
  kind: string,
  subjectId: string,
  query: { readonly limit: number; readonly before?: string },
): Promise<{ items: InboundView[]; nextCursor: string | null }> {
  await ensureSubject(db, kind, subjectId);
  let select = db.selectFrom('inbound_webhooks').selectAll().where('source', '=', sourceKey(kind, subjectId));
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  const rows = await select
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toInboundView),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Claims queued calls (across companies) whose lease is free; one conditional UPDATE each. */
export async function claimInbound(
  database: OpenDatabase,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<InboundRow[]> {
  if (limit <= 0) return [];
  const at = now.toISOString();
  const due = await database.db
    .selectFrom('inbound_webhooks')
    .select(['id', 'tenant_id'])
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .orderBy('received_at')
    .limit(limit)
    .execute();
  const claimed: InboundRow[] = [];
  for (const row of due) {
    const taken = await database.db
      .updateTable('inbound_webhooks')
      .set((eb) => ({
        lease_owner: owner,
        lease_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .returningAll()
      .executeTakeFirst();
    if (taken !== undefined) claimed.push(taken);
  }
  return claimed;
}

/** After this many failed tries a call is recorded failed instead of tried again. */
const MAX_TRIES = 3;

/**
 * Does what a claimed call asks, and records the result (done), or the failure: tried again after a
 * pause, recorded failed after the last try. Only while this worker still holds the call's lease.
 */
export async function handleInbound(
  deps: {
    readonly database: OpenDatabase;
    readonly keyring: Keyring;
    readonly clock: Clock;
    readonly owner: string;
  },
  row: InboundRow,
): Promise<'done' | 'failed' | 'retry'> {
  const db = tenantDb(deps.database.db, row.tenant_id);
  const kind = row.source.slice(0, row.source.indexOf(':'));
  const subjectId = row.source.slice(kind.length + 1);
  const payload = JSON.parse(row.payload_json ?? '{}') as InboundPayload;
  let outcome: { status: 'done' | 'failed' | 'retry'; result: Record<string, unknown> };
  try {
    const ctx = { db, keyring: deps.keyring, clock: deps.clock, owner: deps.owner };
    outcome = { status: 'done', result: await handlerOf(kind).handle(ctx, subjectId, payload) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = {
      status: row.attempts >= MAX_TRIES ? 'failed' : 'retry',
      result: { error: message.slice(0, 500) },
    };
  }
  const now = deps.clock.now();
  await db
    .updateTable('inbound_webhooks')
    .set(
      outcome.status === 'retry'
        ? { lease_until: new Date(now.getTime() + 30_000 * row.attempts).toISOString(), lease_owner: null }
        : {
            status: outcome.status,
            result_json: JSON.stringify(outcome.result),
            finished_at: now.toISOString(),
            lease_owner: null,
            lease_until: null,
          },
    )
    .where('id', '=', row.id)
    .where('lease_owner', '=', deps.owner)
    .execute();
  return outcome.status;
}
