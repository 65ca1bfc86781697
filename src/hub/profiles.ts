import { Type, type Static } from 'typebox';
import {
  EMPTY_VALUE_MAPS,
  VALUE_MAP_TARGETS,
  type MappingProfile,
  type ValueMapName,
  type ValueMaps,
} from '../connectors/contract.ts';
import { DomainError, refusal, type Failure } from '../model/result.ts';
import { check } from '../model/validate.ts';
import { appendAudit, type Writer } from '../platform/audit/audit-log.ts';
import { constraintViolation } from '../platform/store/errors.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { connectorDefinition } from './connector-registry.ts';

/**
 * Mapping profiles: per connection, immutable numbered versions. A new version is checked against
 * the connector's settings schema and against the ERP's master data as last pulled — a value map that
 * points at a supplier or account the ERP does not have is refused with the list of missing codes.
 * Each posting records the version it was mapped with.
 */
const Map = (description: string) =>
  Type.Record(Type.String({ minLength: 1, maxLength: 60 }), Type.String({ minLength: 1, maxLength: 80 }), {
    description,
  });

export const ValueMapsInput = Type.Object(
  {
    accounts: Type.Optional(Map('Our account code → ERP account number.')),
    expenseCategories: Type.Optional(Map('Expense category → ERP account number.')),
    taxRates: Type.Optional(Map('VAT rate ("0.06") → ERP input-tax account number.')),
    departments: Type.Optional(Map('Department code → ERP department number.')),
    suppliers: Type.Optional(Map('Supplier code → ERP supplier number.')),
    employees: Type.Optional(Map('Employee code → ERP employee number.')),
    projects: Type.Optional(Map('Project code → ERP project number.')),
  },
  { additionalProperties: false },
);

export const ProfileInput = Type.Object(
  {
    valueMaps: Type.Optional(ValueMapsInput),
    settings: Type.Optional(
      Type.Object(
        {},
        { additionalProperties: true, description: "The connector's settings (see its schema)." },
      ),
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ProfileInput = Static<typeof ProfileInput>;

export interface ProfileView {
  readonly connectionId: string;
  /** 0 = the connector's built-in defaults (no version saved yet). */
  readonly version: number;
  readonly valueMaps: ValueMaps;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly note: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
  /** The ERP version the connection's last test found when this version was saved (null: none known). */
  readonly erpVersion: string | null;
}

const OBJECT_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  accounts: ['科目', 'account'],
  suppliers: ['供应商', 'supplier'],
  departments: ['部门', 'department'],
  employees: ['员工', 'employee'],
  currencies: ['币别', 'currency'],
};

export const profileOf = (view: ProfileView): MappingProfile => ({
  valueMaps: view.valueMaps,
  settings: view.settings,
});

function defaultsFor(connectionId: string, type: string): ProfileView {
  return {
    connectionId,
    version: 0,
    valueMaps: EMPTY_VALUE_MAPS,
    settings: connectorDefinition(type).manifest.profileSettings.defaults,
    note: null,
    createdBy: null,
    createdAt: null,
    erpVersion: null,
  };
}

async function connectionType(db: TenantDb, connectionId: string): Promise<string> {
  return (await connectionOf(db, connectionId)).type;
}

async function connectionOf(
  db: TenantDb,
  connectionId: string,
): Promise<{ type: string; erp_version: string | null }> {
  const row = await db
    .selectFrom('connections')
    .select(['type', 'erp_version'])
    .where('id', '=', connectionId)
    .executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Connection', id: connectionId });
  return row;
}

type ProfileRow = {
  version: number;
  profile_json: string;
  note: string | null;
  created_by: string;
  created_at: string;
};

const toView = (connectionId: string, row: ProfileRow): ProfileView => {
  const body = JSON.parse(row.profile_json) as MappingProfile & { erpVersion?: string };
  return {
    connectionId,
    version: row.version,
    valueMaps: body.valueMaps,
    settings: body.settings,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    erpVersion: body.erpVersion ?? null,
  };
};

/**
 * A saved version, the latest when `version` is omitted; the connector's defaults when none is saved.
 * Pass the connection row when the caller has it already (saves a query on the submission path).
 */
export async function getProfile(
  db: TenantDb,
  connection: string | { readonly id: string; readonly type: string },
  version?: number,
): Promise<ProfileView> {
  const { id, type } =
    typeof connection === 'string'
      ? { id: connection, type: await connectionType(db, connection) }
      : connection;
  if (version === 0) return defaultsFor(id, type);
  let query = db.selectFrom('mapping_profiles').selectAll().where('connection_id', '=', id);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (row !== undefined) return toView(id, row);
  if (version === undefined) return defaultsFor(id, type);
  throw new DomainError('not_found', { resource: 'MappingProfile', id: `${id}@${version}` });
}

export async function listProfiles(db: TenantDb, connectionId: string): Promise<ProfileView[]> {
  await connectionType(db, connectionId);
  const rows = await db
    .selectFrom('mapping_profiles')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => toView(connectionId, row));
}

export interface CodeReference {
  readonly object: string;
  readonly code: string;
  /** Where the code was named (JSON pointer). */
  readonly pointer: string;
}

/**
 * The references the ERP does not have, judged by the master data last pulled from it. Objects never
 * pulled cannot be judged and are returned as `unverified`.
 */
export async function missingInErp(
  db: TenantDb,
  connectionId: string,
  references: readonly CodeReference[],
): Promise<{ missing: Failure[]; unverified: string[] }> {
  const objects = [...new Set(references.map((r) => r.object))];
  if (objects.length === 0) return { missing: [], unverified: [] };
  const pulled = new Set(
    (
      await db
        .selectFrom('sync_states')
        .select('object')
        .where('connection_id', '=', connectionId)
        .where('object', 'in', objects)
        .where('last_success_at', 'is not', null)
        .execute()
    ).map((r) => r.object),
  );
  const checked = references.filter((r) => pulled.has(r.object));
  const present = new Set<string>();
  for (const object of pulled) {
    const codes = [...new Set(checked.filter((r) => r.object === object).map((r) => r.code))];
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await db
        .selectFrom('erp_records')
        .select('erp_number')
        .where('connection_id', '=', connectionId)
        .where('object', '=', object)
        .where('status', '=', 'active')
        .where('erp_number', 'in', codes.slice(i, i + 500))
        .execute();
      for (const row of rows) present.add(`${object}\u0000${row.erp_number}`);
    }
  }
  const missing = checked
    .filter((r) => !present.has(`${r.object}\u0000${r.code}`))
    .map((r): Failure => {
      const [zh, en] = OBJECT_LABELS[r.object] ?? [r.object, r.object];
      return {
        code: 'profile_codes_missing',
        pointer: r.pointer,
        params: { objectZh: zh, objectEn: en, code: r.code },
      };
    });
  return { missing, unverified: objects.filter((o) => !pulled.has(o)) };
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function valueMapReferences(maps: ValueMaps): CodeReference[] {
  return (Object.keys(VALUE_MAP_TARGETS) as ValueMapName[]).flatMap((name) => {
    const object = VALUE_MAP_TARGETS[name];
    if (object === null) return [];
    return Object.entries(maps[name]).map(([from, to]) => ({
      object,
      code: to,
      pointer: `/valueMaps/${name}/${escapePointer(from)}`,
    }));
  });
}

/** Saves the next version of a connection's profile, after checking it against the ERP's master data. */
export async function saveProfile(
  db: TenantDb,
  writer: Writer,
  connectionId: string,
  input: ProfileInput,
): Promise<ProfileView & { unverified: string[] }> {
  const { type, erp_version: erpVersion } = await connectionOf(db, connectionId);
  const { schema, defaults } = connectorDefinition(type).manifest.profileSettings;
  const settings = { ...defaults, ...(input.settings ?? {}) };
  const settingsFailures = check(schema, settings, '/settings');
  if (settingsFailures.length > 0) throw refusal(settingsFailures);
  const valueMaps: ValueMaps = { ...EMPTY_VALUE_MAPS, ...(input.valueMaps ?? {}) };
  const { missing, unverified } = await missingInErp(db, connectionId, valueMapReferences(valueMaps));
  if (missing.length > 0) throw refusal(missing);
  return db.transaction(async (tx) => {
    const last = await tx
      .selectFrom('mapping_profiles')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('connection_id', '=', connectionId)
      .executeTakeFirst();
    const version = (last?.version ?? 0) + 1;
    const now = writer.audit.clock.now().toISOString();
    const insert = tx
      .insertInto('mapping_profiles', [
        {
          connection_id: connectionId,
          version,
          profile_json: JSON.stringify({
            valueMaps,
            settings,
            ...(erpVersion === null ? {} : { erpVersion }),
          }),
          note: input.note ?? null,
          created_by: writer.actor,
          created_at: now,
        },
      ])
      .execute();
    try {
      await insert;
    } catch (error) {
      // another version was saved at the same moment: the caller re-reads and retries
      if (constraintViolation(error) === 'unique')
        throw new DomainError('version_conflict', { current: version, expected: version - 1 });
      throw error;
    }
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'MappingProfile',
        entityId: `${connectionId}@${version}`,
        after: { valueMaps, settings, note: input.note ?? null },
        requestId: writer.requestId,
      },
    ]);
    return {
      connectionId,
      version,
      valueMaps,
      settings,
      note: input.note ?? null,
      createdBy: writer.actor,
      createdAt: now,
      erpVersion,
      unverified,
    };
  });
}
