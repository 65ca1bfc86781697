import type { Selectable } from 'kysely';
import { appendAudit, type Writer } from '../platform/audit/audit-log.ts';
import type { Keyring } from '../platform/security/keyring.ts';
import { readSecret, replaceSecret, storeSecret } from '../platform/security/secrets.ts';
import { newId } from '../platform/store/ids.ts';
import type { ConnectionsTable } from '../hub/tables.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { DomainError } from '../model/result.ts';
import { refusal } from '../model/result.ts';
import { check } from '../model/validate.ts';
import {
  entryOf,
  type Connector,
  type ConnectorContext,
  type ConnectorDefinition,
} from '../connectors/contract.ts';
import { connectorDefinition } from './connector-registry.ts';
import { setSchedules } from './pulls.ts';

/**
 * ERP connections: where the ERP is, how to sign in (credentials sealed with the master key, never
 * returned), and how fast it may be called. A connection row plus its credentials builds a Connector.
 */
export type ConnectionRow = Selectable<ConnectionsTable>;

/** A connection's settings, as its connector definition's `settings` schema describes them. */
export type ConnectionSettings = Readonly<Record<string, unknown>>;

export interface ConnectionInput {
  readonly name: string;
  readonly type: string;
  readonly baseUrl: string;
  readonly settings: ConnectionSettings;
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
  readonly settings: ConnectionSettings;
  readonly rateLimitRps: number;
  readonly status: string;
  readonly hasCredentials: boolean;
  readonly version: number;
  /** The ERP version its last test found (null until a test finds one). */
  readonly erpVersion: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const toConnectionView = (row: ConnectionRow): ConnectionView => ({
  id: row.id,
  name: row.name,
  type: row.type,
  baseUrl: row.base_url,
  settings: JSON.parse(row.settings_json) as ConnectionSettings,
  rateLimitRps: row.rate_limit_rps,
  status: row.status,
  hasCredentials: row.credentials_secret_id !== null,
  version: row.version,
  erpVersion: row.erp_version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The sign-in kind a connection's settings choose: `authKind`, else the definition's first. */
const credentialKind = (definition: ConnectorDefinition, settings: ConnectionSettings): string =>
  typeof settings['authKind'] === 'string' ? settings['authKind'] : (definition.manifest.authKinds[0] ?? '');

/**
 * Settings and credentials checked against the connection type's definition, before anything is
 * stored: every failure names its field (`/settings/acctId`, `/credentials/password`). Governance checks
 * a proposed change to a connection with it when the change is filed (docs/governance.md).
 */
export function checkParameters(
  type: string,
  baseUrl: string | undefined,
  settings: ConnectionSettings,
  credentials: Readonly<Record<string, string>> | undefined,
): void {
  const definition = connectorDefinition(type);
  const failures = check(definition.settings, settings, '/settings');
  const schemes = definition.manifest.urlSchemes ?? ['http', 'https'];
  if (baseUrl !== undefined && !schemes.some((scheme) => baseUrl.toLowerCase().startsWith(`${scheme}://`)))
    failures.unshift({
      code: 'invalid_field',
      pointer: '/baseUrl',
      params: {
        detail: `a ${type} connection's address starts with ${schemes.map((s) => `${s}://`).join(' or ')}`,
      },
    });
  if (failures.length === 0)
    for (const problem of definition.checkSettings?.(settings) ?? [])
      failures.push({
        code: 'invalid_field',
        pointer: `/settings${problem.pointer}`,
        params: { detail: problem.message },
      });
  if (failures.length === 0 && credentials !== undefined) {
    const kind = credentialKind(definition, settings);
    const schema = entryOf(definition.credentials, kind);
    if (schema === undefined)
      failures.push({
        code: 'invalid_field',
        pointer: '/settings/authKind',
        params: { detail: `must be one of ${definition.manifest.authKinds.join(', ')}` },
      });
    else failures.push(...check(schema, credentials, '/credentials'));
  }
  if (failures.length > 0) throw refusal(failures);
}

export async function createConnection(
  db: TenantDb,
  keyring: Keyring,
  writer: Writer,
  input: ConnectionInput,
): Promise<ConnectionView> {
  checkParameters(input.type, input.baseUrl, input.settings, input.credentials);
  return db.transaction(async (tx) => {
    const clash = await tx
      .selectFrom('connections')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash !== undefined) throw new DomainError('duplicate_code', { code: input.name });
    const { manifest } = connectorDefinition(input.type);
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
      erp_version: null,
      erp_version_checked_at: null,
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
  readonly settings?: ConnectionSettings;
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
    if (patch.baseUrl !== undefined || patch.settings !== undefined || patch.credentials !== undefined)
      checkParameters(row.type, patch.baseUrl, settings, patch.credentials);
    if (patch.credentials !== undefined) {
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
  const credentials =
    row.credentials_secret_id === null
      ? {}
      : (JSON.parse(await readSecret(db, keyring, row.credentials_secret_id)) as Record<string, string>);
  return connectorDefinition(row.type).create(
    { baseUrl: row.base_url, settings: JSON.parse(row.settings_json) as ConnectionSettings, credentials },
    ctx,
  );
}

/** What `POST /connections/{id}/test` reports. */
export type ConnectionTest =
  | {
      readonly ok: true;
      readonly latencyMs: number;
      readonly detail: string;
      /** The version the ERP reports, when it reports one. */
      readonly version?: string;
      /** Whether the connector was written and tested against that version; absent when unknown. */
      readonly supported?: boolean;
      /** In the user's words, when the version is not one the connector supports. */
      readonly warning?: string;
    }
  | {
      readonly ok: false;
      readonly latencyMs: number;
      readonly outcome: string;
      readonly code: string;
      readonly message: string;
    };

/** Whether a version the ERP reports is one of the definition's (undefined: it cannot be told). */
export function versionSupported(type: string, version: string | undefined): boolean | undefined {
  const patterns = connectorDefinition(type).manifest.versionPatterns;
  if (version === undefined || patterns === undefined || patterns.length === 0) return undefined;
  return patterns.some((p) => new RegExp(p).test(version));
}

/**
 * Signs in and makes a harmless read; the ERP version found is kept on the connection (a mapping profile
 * saved later records it) and compared with the versions the connector supports.
 */
export async function testConnection(
  db: TenantDb,
  keyring: Keyring,
  ctx: ConnectorContext,
  id: string,
): Promise<ConnectionTest> {
  const row = await getConnectionRow(db, id);
  const connector = await connectorFor(db, keyring, row, ctx);
  let result: Awaited<ReturnType<Connector['test']>>;
  try {
    result = await connector.test();
  } finally {
    await connector.close();
  }
  if (!result.ok) {
    const { latencyMs, outcome, code, message } = result;
    return { ok: false, latencyMs, outcome, code, message };
  }
  const { latencyMs, detail, version } = result;
  if (version === undefined) return { ok: true, latencyMs, detail };
  await db
    .updateTable('connections')
    .set({ erp_version: version, erp_version_checked_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .execute();
  const supported = versionSupported(row.type, version);
  const { manifest } = connectorDefinition(row.type);
  return {
    ok: true,
    latencyMs,
    detail,
    version,
    ...(supported === undefined ? {} : { supported }),
    ...(supported === false
      ? {
          warning: `ERP 版本 ${version} 不在已测试的版本之内 / version ${version} is not one the ${manifest.names.en} connector was tested against: ${manifest.versions.join('; ')}`,
        }
      : {}),
  };
}
