import type { Selectable } from 'kysely';
import { appendAudit, type Writer } from '../platform/audit/audit-log.ts';
import type { Keyring } from '../platform/security/keyring.ts';
import { readSecret, replaceSecret, storeSecret } from '../platform/security/secrets.ts';
import { newId } from '../platform/store/ids.ts';
import type { ConnectionsTable } from '../platform/store/tables.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { DomainError } from '../model/result.ts';
import type { Connector, ConnectorContext } from '../connectors/contract.ts';
import { createKingdeeConnector } from '../connectors/kingdee/connector.ts';
import type { KingdeeAuth } from '../connectors/kingdee/client.ts';
import { CONNECTOR_TYPES, connectorType } from './connector-types.ts';
import { setSchedules } from './pulls.ts';

/**
 * ERP connections: where the ERP is, how to sign in (credentials sealed with the master key, never
 * returned), and how fast it may be called. A connection row plus its credentials builds a Connector.
 */
export type ConnectionRow = Selectable<ConnectionsTable>;

export const CONNECTION_TYPES = Object.keys(CONNECTOR_TYPES);
export type ConnectionType = string;

export interface KingdeeSettings {
  readonly acctId: string;
  readonly username: string;
  readonly authKind: KingdeeAuth['kind'];
  readonly lcid?: number;
  readonly orgNumber?: string;
  readonly accountBook?: string;
  readonly autoAudit?: boolean;
}

export interface ConnectionInput {
  readonly name: string;
  readonly type: ConnectionType;
  readonly baseUrl: string;
  readonly settings: KingdeeSettings;
  readonly credentials: Readonly<Record<string, string>>;
  readonly rateLimitRps?: number;
  /** Pull schedule per object, in seconds. */
  readonly schedules?: Readonly<Record<string, number | null>>;
}

export interface ConnectionView {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly baseUrl: string;
  readonly settings: KingdeeSettings;
  readonly rateLimitRps: number;
  readonly status: string;
  readonly hasCredentials: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const toConnectionView = (row: ConnectionRow): ConnectionView => ({
  id: row.id,
  name: row.name,
  type: row.type,
  baseUrl: row.base_url,
  settings: JSON.parse(row.settings_json) as KingdeeSettings,
  rateLimitRps: row.rate_limit_rps,
  status: row.status,
  hasCredentials: row.credentials_secret_id !== null,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function checkCredentials(settings: KingdeeSettings, credentials: Readonly<Record<string, string>>): void {
  const needed = settings.authKind === 'password' ? ['password'] : ['appId', 'appSecret'];
  const missing = needed.filter((k) => typeof credentials[k] !== 'string' || credentials[k] === '');
  if (missing.length > 0) {
    throw new DomainError(
      'validation_failed',
      {},
      missing.map((k) => ({ code: 'missing_field', pointer: `/credentials/${k}`, params: { field: k } })),
    );
  }
}

export async function createConnection(
  db: TenantDb,
  keyring: Keyring,
  writer: Writer,
  input: ConnectionInput,
): Promise<ConnectionView> {
  checkCredentials(input.settings, input.credentials);
  return db.transaction(async (tx) => {
    const clash = await tx
      .selectFrom('connections')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash !== undefined) throw new DomainError('duplicate_code', { code: input.name });
    const { manifest } = connectorType(input.type);
    const now = writer.audit.clock.now().toISOString();
    const secretId = await storeSecret(
      tx,
      keyring,
      writer.audit.clock,
      'erp-credentials',
      JSON.stringify(input.credentials),
    );
    const row = {
      id: newId(),
      name: input.name,
      type: input.type,
      base_url: input.baseUrl,
      settings_json: JSON.stringify(input.settings),
      credentials_secret_id: secretId,
      rate_limit_rps: input.rateLimitRps ?? manifest.defaultRateLimitRps,
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('connections', [row]).execute();
    if (input.schedules !== undefined)
      await setSchedules(tx, writer.audit.clock, row.id, Object.keys(manifest.pulls), input.schedules);
    const view = toConnectionView({ ...row, tenant_id: tx.tenantId });
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'Connection',
        entityId: row.id,
        after: view,
        requestId: writer.requestId,
      },
    ]);
    return view;
  });
}

export async function getConnectionRow(db: TenantDb, id: string): Promise<ConnectionRow> {
  const row = await db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Connection', id });
  return row;
}

export async function listConnections(db: TenantDb): Promise<ConnectionView[]> {
  return (await db.selectFrom('connections').selectAll().orderBy('name').execute()).map(toConnectionView);
}

export interface ConnectionPatch {
  readonly baseUrl?: string;
  readonly settings?: KingdeeSettings;
  readonly credentials?: Readonly<Record<string, string>>;
  readonly rateLimitRps?: number;
  readonly status?: 'active' | 'paused';
}

export async function updateConnection(
  db: TenantDb,
  keyring: Keyring,
  writer: Writer,
  id: string,
  patch: ConnectionPatch,
): Promise<ConnectionView> {
  return db.transaction(async (tx) => {
    const row = await getConnectionRow(tx, id);
    const before = toConnectionView(row);
    const settings = patch.settings ?? before.settings;
    if (patch.credentials !== undefined) {
      checkCredentials(settings, patch.credentials);
      if (row.credentials_secret_id === null) throw new DomainError('not_found', { resource: 'Secret', id });
      await replaceSecret(
        tx,
        keyring,
        writer.audit.clock,
        row.credentials_secret_id,
        JSON.stringify(patch.credentials),
      );
    }
    await tx
      .updateTable('connections')
      .set({
        base_url: patch.baseUrl ?? row.base_url,
        settings_json: JSON.stringify(settings),
        rate_limit_rps: patch.rateLimitRps ?? row.rate_limit_rps,
        status: patch.status ?? row.status,
        version: row.version + 1,
        updated_at: writer.audit.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    const after = toConnectionView(await getConnectionRow(tx, id));
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: patch.credentials ? 'update_with_credentials' : 'update',
        entityType: 'Connection',
        entityId: id,
        before,
        after,
        requestId: writer.requestId,
      },
    ]);
    return after;
  });
}

/** Builds the connector for a connection, opening its sealed credentials. */
export async function connectorFor(
  db: TenantDb,
  keyring: Keyring,
  row: ConnectionRow,
  ctx: ConnectorContext,
): Promise<Connector> {
  const settings = JSON.parse(row.settings_json) as KingdeeSettings;
  const credentials =
    row.credentials_secret_id === null
      ? {}
      : (JSON.parse(await readSecret(db, keyring, row.credentials_secret_id)) as Record<string, string>);
  const auth: KingdeeAuth =
    settings.authKind === 'password'
      ? { kind: 'password', password: credentials['password'] ?? '' }
      : {
          kind: settings.authKind,
          appId: credentials['appId'] ?? '',
          appSecret: credentials['appSecret'] ?? '',
        };
  return createKingdeeConnector(
    {
      endpoint: {
        baseUrl: row.base_url,
        acctId: settings.acctId,
        username: settings.username,
        lcid: settings.lcid ?? 2052,
        orgNumber: settings.orgNumber ?? '0',
        auth,
      },
      ...(settings.autoAudit === undefined ? {} : { autoAudit: settings.autoAudit }),
    },
    ctx,
  );
}
