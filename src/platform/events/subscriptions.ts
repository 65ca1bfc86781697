import type { Selectable } from 'kysely';
import { isEventType, type EventType } from '../../model/events.ts';
import { DomainError } from '../../model/result.ts';
import { appendAudit, type Writer } from '../audit/audit-log.ts';
import type { Keyring } from '../security/keyring.ts';
import { randomToken } from '../security/secrets-hash.ts';
import { readSecret, storeSecret } from '../security/secrets.ts';
import { newId } from '../store/ids.ts';
import type { TenantDb } from '../store/tenant-scope.ts';
import type { WebhookSubscriptionsTable } from './tables.ts';

/**
 * Webhook subscriptions of a company: where to POST which events. Each has a signing secret sealed
 * with the keyring (like connection credentials), shown once when created or rotated. A rotation keeps
 * the old secret valid for a grace period: meanwhile every delivery carries a signature with each
 * (`FinBridge-Signature: t=…,v1=<new>,v1=<old>`), so the receiver can switch at its own pace.
 */
export type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;

/** A subscription's event types: named ones, or `*` for all (including types added later). */
export type SubscribedType = EventType | '*';

export interface SubscriptionView {
  readonly id: string;
  readonly url: string;
  readonly description: string;
  readonly types: SubscribedType[];
  readonly active: boolean;
  /** While a rotated-out secret still signs deliveries: until when. */
  readonly previousSecretValidUntil: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SubscriptionInput {
  readonly url: string;
  readonly types: readonly string[];
  readonly description?: string;
  readonly active?: boolean;
}

const SECRET_PURPOSE = 'webhook-subscription';
export const DEFAULT_GRACE_SECONDS = 24 * 3600;

export const typesOf = (row: Pick<SubscriptionRow, 'types_json'>): SubscribedType[] =>
  JSON.parse(row.types_json) as SubscribedType[];

/** Whether a subscription with these types wants an event of this type. */
export const wants = (types: readonly string[], type: string): boolean =>
  types.includes('*') || types.includes(type);

export function toSubscriptionView(row: SubscriptionRow, now: string): SubscriptionView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    types: typesOf(row),
    active: row.status === 'active',
    previousSecretValidUntil:
      row.previous_secret_until !== null && row.previous_secret_until > now
        ? row.previous_secret_until
        : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An http(s) address without credentials in it; the types known (or `*`), each once. */
function checked(input: Partial<SubscriptionInput>): void {
  if (input.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(input.url);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new DomainError('invalid_field', { detail: 'url must be an http:// or https:// address' }, [
        { code: 'invalid_field', pointer: '/url', params: { detail: 'an http:// or https:// address' } },
      ]);
    if (url.username !== '' || url.password !== '')
      throw new DomainError('invalid_field', { detail: 'url must not carry a user name or password' }, [
        { code: 'invalid_field', pointer: '/url', params: { detail: 'no user name or password in it' } },
      ]);
  }
  if (input.types !== undefined) {
    const unknown = input.types.findIndex((t) => t !== '*' && !isEventType(t));
    if (input.types.length === 0 || unknown >= 0 || new Set(input.types).size !== input.types.length)
      throw new DomainError('invalid_field', { detail: 'types must be known event types, each once' }, [
        {
          code: 'invalid_field',
          pointer: unknown >= 0 ? `/types/${unknown}` : '/types',
          params: { detail: 'known event types (GET /api/v1/event-types) or "*", each once' },
        },
      ]);
  }
}

export async function createSubscription(
  db: TenantDb,
  keyring: Keyring,
  writer: Writer,
  input: SubscriptionInput,
): Promise<SubscriptionView & { readonly secret: string }> {
  checked(input);
  const secret = randomToken('whsec_', 24);
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const row: SubscriptionRow = {
      tenant_id: tx.tenantId,
      id: newId(),
      url: input.url,
      description: input.description ?? '',
      types_json: JSON.stringify(input.types),
      status: input.active === false ? 'inactive' : 'active',
      secret_id: await storeSecret(tx, keyring, writer.audit.clock, SECRET_PURPOSE, secret),
      previous_secret_id: null,
      previous_secret_until: null,
      lease_owner: null,
      lease_until: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const { tenant_id: _tenant, ...values } = row;
    await tx.insertInto('webhook_subscriptions', [values]).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'WebhookSubscription',
        entityId: row.id,
        after: { url: row.url, types: input.types, active: row.status === 'active' },
        requestId: writer.requestId,
      },
    ]);
    return { ...toSubscriptionView(row, now), secret };
  });
}

export async function getSubscriptionRow(db: TenantDb, id: string): Promise<SubscriptionRow> {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'WebhookSubscription', id });
  return row;
}

export async function listSubscriptions(db: TenantDb, now: string): Promise<SubscriptionView[]> {
  const rows = await db.selectFrom('webhook_subscriptions').selectAll().orderBy('id').execute();
  return rows.map((r) => toSubscriptionView(r, now));
}

export async function updateSubscription(
  db: TenantDb,
  writer: Writer,
  id: string,
  input: Partial<SubscriptionInput>,
): Promise<SubscriptionView> {
  checked(input);
  return db.transaction(async (tx) => {
    const row = await getSubscriptionRow(tx, id);
    const now = writer.audit.clock.now().toISOString();
    const changes = {
      ...(input.url === undefined ? {} : { url: input.url }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.types === undefined ? {} : { types_json: JSON.stringify(input.types) }),
      ...(input.active === undefined
        ? {}
        : { status: input.active ? ('active' as const) : ('inactive' as const) }),
      version: row.version + 1,
      updated_at: now,
    };
    await tx.updateTable('webhook_subscriptions').set(changes).where('id', '=', id).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'update',
        entityType: 'WebhookSubscription',
        entityId: id,
        before: { url: row.url, types: typesOf(row), active: row.status === 'active' },
        after: input,
        requestId: writer.requestId,
      },
    ]);
    return toSubscriptionView(await getSubscriptionRow(tx, id), now);
  });
}

/** Removes a subscription with its queued deliveries, their log and its secrets. */
export async function deleteSubscription(db: TenantDb, writer: Writer, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await getSubscriptionRow(tx, id);
    await tx.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
    const secrets = [row.secret_id, row.previous_secret_id].filter((s): s is string => s !== null);
    await tx.deleteFrom('secrets').where('id', 'in', secrets).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'delete',
        entityType: 'WebhookSubscription',
        entityId: id,
        before: { url: row.url, types: typesOf(row) },
        requestId: writer.requestId,
      },
    ]);
  });
}

/**
 * A new signing secret, returned once. The one it replaces keeps signing deliveries (beside the new one)
 * for `graceSeconds`; a secret rotated out before that is dropped at once.
 */
export async function rotateSubscriptionSecret(
  db: TenantDb,
  keyring: Keyring,
  writer: Writer,
  id: string,
  graceSeconds: number,
): Promise<{ readonly secret: string; readonly previousSecretValidUntil: string | null }> {
  const secret = randomToken('whsec_', 24);
  return db.transaction(async (tx) => {
    const row = await getSubscriptionRow(tx, id);
    const clock = writer.audit.clock;
    const now = clock.now();
    const until = graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000).toISOString() : null;
    const secretId = await storeSecret(tx, keyring, clock, SECRET_PURPOSE, secret);
    await tx
      .updateTable('webhook_subscriptions')
      .set({
        secret_id: secretId,
        previous_secret_id: until === null ? null : row.secret_id,
        previous_secret_until: until,
        version: row.version + 1,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    const dropped = [row.previous_secret_id, until === null ? row.secret_id : null].filter(
      (s): s is string => s !== null,
    );
    if (dropped.length > 0) await tx.deleteFrom('secrets').where('id', 'in', dropped).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'rotate_secret',
        entityType: 'WebhookSubscription',
        entityId: id,
        after: { previousSecretValidUntil: until },
        requestId: writer.requestId,
      },
    ]);
    return { secret, previousSecretValidUntil: until };
  });
}

/** The secrets a delivery is signed with now: the current one, and the previous one in its grace period. */
export async function signingSecrets(
  db: TenantDb,
  keyring: Keyring,
  row: SubscriptionRow,
  now: string,
): Promise<string[]> {
  const secrets = [await readSecret(db, keyring, row.secret_id)];
  if (
    row.previous_secret_id !== null &&
    row.previous_secret_until !== null &&
    row.previous_secret_until > now
  )
    secrets.push(await readSecret(db, keyring, row.previous_secret_id));
  return secrets;
}
