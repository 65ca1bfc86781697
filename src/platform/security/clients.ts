import type { Clock } from '../clock.ts';
import { appendAudit, type AuditContext } from '../audit/audit-log.ts';
import type { OpenDatabase } from '../store/database.ts';
import { clientByClientId, type ClientRow } from '../store/directory.ts';
import { newId } from '../store/ids.ts';
import type { TenantDb } from '../store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import { randomToken, sameHash, sha256 } from './secrets-hash.ts';
import { ALL_SCOPES, isScope, type Scope } from './scopes.ts';

/** API clients (OAuth 2.0 client credentials). The secret is shown once; only its SHA-256 is stored. */
export interface ClientView {
  readonly id: string;
  readonly clientId: string;
  readonly name: string;
  readonly scopes: Scope[];
  readonly status: 'active' | 'revoked';
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export const toClientView = (row: ClientRow): ClientView => ({
  id: row.id,
  clientId: row.client_id,
  name: row.name,
  scopes: row.scopes.split(' ').filter(isScope),
  status: row.status === 'revoked' ? 'revoked' : 'active',
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export function parseScopes(requested: readonly string[]): Scope[] {
  const unknown = requested.filter((s) => !isScope(s));
  if (unknown.length > 0) {
    throw new DomainError('invalid_scope', { scopes: unknown.join(' '), known: ALL_SCOPES.join(' ') });
  }
  return [...new Set(requested as Scope[])];
}

export async function createClient(
  db: TenantDb,
  audit: AuditContext,
  input: { name: string; scopes: readonly string[]; actor: string; requestId?: string },
): Promise<{ client: ClientView; clientSecret: string }> {
  const scopes = parseScopes(input.scopes);
  const clientSecret = randomToken('fbs_');
  const now = audit.clock.now().toISOString();
  const row = {
    id: newId(),
    client_id: randomToken('fbc_', 12),
    name: input.name,
    secret_hash: sha256(clientSecret),
    scopes: scopes.join(' '),
    status: 'active',
    created_by: input.actor,
    created_at: now,
    updated_at: now,
    last_used_at: null,
    version: 1,
  };
  const client = toClientView({ ...row, tenant_id: db.tenantId });
  await db.transaction(async (tx) => {
    await tx.insertInto('api_clients', [row]).execute();
    await appendAudit(tx, audit, [
      {
        actor: input.actor,
        action: 'create',
        entityType: 'api_client',
        entityId: row.id,
        after: client,
        requestId: input.requestId,
      },
    ]);
  });
  return { client, clientSecret };
}

export async function listClients(db: TenantDb): Promise<ClientView[]> {
  return (await db.selectFrom('api_clients').selectAll().orderBy('created_at').execute()).map(toClientView);
}

export async function revokeClient(
  db: TenantDb,
  audit: AuditContext,
  id: string,
  actor: string,
  requestId?: string,
): Promise<ClientView> {
  return db.transaction(async (tx) => {
    const row = await tx.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new DomainError('not_found', { resource: 'API client', id });
    const now = audit.clock.now().toISOString();
    await tx
      .updateTable('api_clients')
      .set({ status: 'revoked', updated_at: now, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    const after = toClientView({ ...row, status: 'revoked' });
    await appendAudit(tx, audit, [
      {
        actor,
        action: 'revoke',
        entityType: 'api_client',
        entityId: id,
        before: toClientView(row),
        after,
        requestId,
      },
    ]);
    return after;
  });
}

/** Client authentication at the token, revocation and introspection endpoints. */
export async function authenticateClient(
  database: OpenDatabase,
  clientId: string,
  clientSecret: string,
): Promise<ClientRow | null> {
  const row = await clientByClientId(database, clientId);
  const expected = row?.secret_hash ?? sha256('no such client');
  const matches = sameHash(sha256(clientSecret), expected);
  return row !== undefined && matches && row.status === 'active' ? row : null;
}

export async function touchClient(db: TenantDb, clock: Clock, id: string): Promise<void> {
  await db
    .updateTable('api_clients')
    .set({ last_used_at: clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Issues a new secret for a client (the old one stops working); returns the secret once. */
export async function rotateClientSecret(
  db: TenantDb,
  audit: AuditContext,
  id: string,
  actor: string,
): Promise<string> {
  const clientSecret = randomToken('fbs_');
  await db.transaction(async (tx) => {
    const row = await tx
      .selectFrom('api_clients')
      .select(['id', 'version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw new DomainError('not_found', { resource: 'API client', id });
    await tx
      .updateTable('api_clients')
      .set({
        secret_hash: sha256(clientSecret),
        status: 'active',
        version: row.version + 1,
        updated_at: audit.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, audit, [
      { actor, action: 'rotate_secret', entityType: 'api_client', entityId: id },
    ]);
  });
  return clientSecret;
}
