import type { Selectable } from 'kysely';
import { pulledRecords } from '../../hub/erp-records.ts';
import { getProfile } from '../../hub/profiles.ts';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { toEntity } from '../master-data/records.ts';
import { resourceByPath } from '../master-data/resources.ts';
import type { GoldenEntity, GoldenRecordsTable, GoldenSourcesTable } from '../tables.ts';
import { ENTITY_SHAPES, erpFields, masterFields, matchKeys, type SourceFields } from './sources.ts';

/**
 * Golden records: each source's copy of a supplier, employee or account is kept (`golden_sources`) and
 * matched into one golden record per real-world entity. Matching is sticky: a source once linked stays
 * with its golden record until a person merges or splits; new sources join the golden record that
 * holds one of their keys (strongest first), or start a new one. Each golden field takes its value
 * from the source its survivorship rule prefers (rules as data, per entity and field).
 */
export const FINBRIDGE = 'finbridge';

export interface GoldenField {
  readonly value: string;
  readonly source: string;
}

export interface GoldenSourceView {
  readonly source: string;
  readonly sourceName: string;
  readonly sourceType: string;
  readonly key: string;
  readonly name: string;
  readonly fields: SourceFields;
  readonly linkedBy: 'auto' | 'manual';
  readonly changedAt: string;
}

export interface GoldenView {
  readonly id: string;
  readonly entity: GoldenEntity;
  readonly name: string;
  readonly fields: Readonly<Record<string, GoldenField>>;
  readonly conflicts: string[];
  readonly status: 'active' | 'merged';
  readonly mergedInto: string | null;
  readonly version: number;
  readonly sources: GoldenSourceView[];
  readonly updatedAt: string;
}

type SourceRow = Selectable<GoldenSourcesTable>;
type GoldenRow = Selectable<GoldenRecordsTable>;

interface Snapshot {
  readonly source: string;
  readonly sourceName: string;
  readonly sourceType: string;
  readonly key: string;
  readonly name: string;
  readonly fields: SourceFields;
  readonly changedAt: string;
}

const sourceKey = (source: string, key: string) => `${source}\u0000${key}`;

/** Where each source's copy of the entity is now: FinBridge's master data and every connection's pull. */
async function snapshots(db: TenantDb, entity: GoldenEntity): Promise<Snapshot[]> {
  const shape = ENTITY_SHAPES[entity];
  const resource = resourceByPath(shape.resource);
  if (resource === undefined) throw new Error(`no master-data resource ${shape.resource}`);
  const out: Snapshot[] = [];
  const rows = await db.selectFrom(resource.table).selectAll().orderBy('code').execute();
  for (const row of rows) {
    const fields = masterFields(entity, toEntity(resource, row));
    out.push({
      source: FINBRIDGE,
      sourceName: 'FinBridge',
      sourceType: FINBRIDGE,
      key: row.code,
      name: row.name,
      fields,
      changedAt: row.updated_at,
    });
  }
  const pulled = await pulledRecords(db, shape.object);
  const ours = new Map<string, Map<string, string>>();
  for (const record of pulled) {
    let reverse = ours.get(record.connectionId);
    if (reverse === undefined) {
      const profile = await getProfile(db, record.connectionId);
      reverse = new Map(
        Object.entries(profile.valueMaps[shape.valueMap]).map(([mine, theirs]) => [theirs, mine]),
      );
      ours.set(record.connectionId, reverse);
    }
    out.push({
      source: record.connectionId,
      sourceName: record.connectionName,
      sourceType: record.connectionType,
      key: record.number,
      name: record.name,
      fields: erpFields(entity, record, reverse.get(record.number) ?? record.number),
      changedAt: record.pulledAt,
    });
  }
  return out;
}

export interface RefreshResult {
  readonly entity: GoldenEntity;
  readonly sources: number;
  readonly goldenRecords: number;
  readonly created: number;
  readonly changed: number;
  readonly removed: number;
}

/**
 * Brings the golden records of an entity up to date with every source, in one transaction: new
 * sources are matched, changed ones updated, vanished ones dropped, and every golden record they
 * touch recomputed (in chunks, so a 100,000-record import stays a few hundred statements). The audit
 * log gets one entry per refresh with the counts.
 */
export async function refreshGolden(
  db: TenantDb,
  writer: Writer,
  entity: GoldenEntity,
): Promise<RefreshResult> {
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const current = await snapshots(tx, entity);
    const existing = await tx.selectFrom('golden_sources').selectAll().where('entity', '=', entity).execute();
    const byKey = new Map(existing.map((r) => [sourceKey(r.source, r.source_key), r]));
    const keyIndex = new Map<string, string>();
    for (const row of existing)
      for (const key of matchKeys(entity, JSON.parse(row.fields_json) as SourceFields))
        if (!keyIndex.has(key)) keyIndex.set(key, row.golden_id);

    const touched = new Set<string>();
    const newGoldens = new Set<string>();
    const seen = new Set<string>();
    const inserts: SourceRow[] = [];
    for (const snap of current) {
      const id = sourceKey(snap.source, snap.key);
      seen.add(id);
      const fieldsJson = JSON.stringify(snap.fields);
      const row = byKey.get(id);
      if (row !== undefined) {
        if (row.fields_json !== fieldsJson || row.name !== snap.name || row.source_name !== snap.sourceName) {
          await tx
            .updateTable('golden_sources')
            .set({
              fields_json: fieldsJson,
              name: snap.name,
              source_name: snap.sourceName,
              changed_at: snap.changedAt,
              seen_at: now,
            })
            .where('entity', '=', entity)
            .where('source', '=', snap.source)
            .where('source_key', '=', snap.key)
            .execute();
          touched.add(row.golden_id);
        }
        continue;
      }
      const keys = matchKeys(entity, snap.fields);
      let golden = keys.map((k) => keyIndex.get(k)).find((g) => g !== undefined);
      if (golden === undefined) {
        golden = newId();
        newGoldens.add(golden);
      }
      for (const key of keys) if (!keyIndex.has(key)) keyIndex.set(key, golden);
      touched.add(golden);
      inserts.push({
        tenant_id: tx.tenantId,
        entity,
        source: snap.source,
        source_key: snap.key,
        source_name: snap.sourceName,
        source_type: snap.sourceType,
        golden_id: golden,
        name: snap.name,
        fields_json: fieldsJson,
        linked_by: 'auto',
        changed_at: snap.changedAt,
        seen_at: now,
      });
    }
    for (const part of chunks([...newGoldens], 200))
      await tx
        .insertInto(
          'golden_records',
          part.map((id) => ({
            id,
            entity,
            name: '',
            fields_json: '{}',
            conflicts: 0,
            status: 'active' as const,
            merged_into: null,
            version: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    for (const part of chunks(inserts, 200)) await tx.insertInto('golden_sources', part).execute();
    for (const row of existing) {
      if (seen.has(sourceKey(row.source, row.source_key))) continue;
      await tx
        .deleteFrom('golden_sources')
        .where('entity', '=', entity)
        .where('source', '=', row.source)
        .where('source_key', '=', row.source_key)
        .execute();
      touched.add(row.golden_id);
    }
    const outcome = await surviveAll(tx, entity, [...touched], now);
    const result = {
      entity,
      sources: current.length,
      goldenRecords: 0,
      created: newGoldens.size,
      changed: outcome.changed.filter((id) => !newGoldens.has(id)).length,
      removed: outcome.removed.length,
    };
    const count = await tx
      .selectFrom('golden_records')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('entity', '=', entity)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'refresh',
        entityType: 'GoldenRecords',
        entityId: entity,
        after: {
          created: result.created,
          changed: result.changed,
          removed: result.removed,
          sources: result.sources,
        },
        requestId: writer.requestId,
      },
    ]);
    return { ...result, goldenRecords: Number(count.n) };
  });
}

function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---- survivorship --------------------------------------------------------------------------------

/** Default precedence: FinBridge's own master data first, then any source (most recently changed). */
export const DEFAULT_PRECEDENCE: readonly string[] = [FINBRIDGE, '*'];

export async function survivorshipRules(
  db: TenantDb,
  entity: GoldenEntity,
): Promise<{ field: string; precedence: string[]; custom: boolean }[]> {
  const rows = await db.selectFrom('survivorship_rules').selectAll().where('entity', '=', entity).execute();
  const custom = new Map(rows.map((r) => [r.field, JSON.parse(r.precedence_json) as string[]]));
  return ENTITY_SHAPES[entity].fields.map((field) => {
    const precedence = custom.get(field);
    return precedence === undefined
      ? { field, precedence: [...DEFAULT_PRECEDENCE], custom: false }
      : { field, precedence, custom: true };
  });
}

/** Sets which sources win per field; fields not named keep their rule. Golden records are recomputed. */
export async function setSurvivorshipRules(
  db: TenantDb,
  writer: Writer,
  entity: GoldenEntity,
  rules: Readonly<Record<string, readonly string[]>>,
): Promise<{ field: string; precedence: string[]; custom: boolean }[]> {
  const fields = ENTITY_SHAPES[entity].fields;
  const failures: Failure[] = Object.keys(rules)
    .filter((f) => !fields.includes(f))
    .map((f) => ({ code: 'unknown_field', pointer: `/rules/${f}`, params: { field: f } }));
  if (failures.length > 0) throw refusal(failures);
  return db.transaction(async (tx) => {
    const before = await survivorshipRules(tx, entity);
    const now = writer.audit.clock.now().toISOString();
    for (const [field, precedence] of Object.entries(rules)) {
      await tx
        .deleteFrom('survivorship_rules')
        .where('entity', '=', entity)
        .where('field', '=', field)
        .execute();
      await tx
        .insertInto('survivorship_rules', [
          {
            entity,
            field,
            precedence_json: JSON.stringify(precedence),
            updated_by: writer.actor,
            updated_at: now,
          },
        ])
        .execute();
    }
    const goldens = await tx
      .selectFrom('golden_records')
      .select('id')
      .where('entity', '=', entity)
      .where('status', '=', 'active')
      .execute();
    await surviveAll(
      tx,
      entity,
      goldens.map((g) => g.id),
      now,
    );
    const after = await survivorshipRules(tx, entity);
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'update',
        entityType: 'SurvivorshipRules',
        entityId: entity,
        before,
        after,
        requestId: writer.requestId,
      },
    ]);
    return after;
  });
}

function rank(precedence: readonly string[], source: SourceRow): number {
  const i = precedence.findIndex((p) => p === source.source || p === source.source_type);
  if (i >= 0) return i;
  const any = precedence.indexOf('*');
  return any >= 0 ? any : Number.MAX_SAFE_INTEGER;
}

/** The surviving value of each field, the source it came from, and the fields the sources disagree on. */
function computeSurvival(
  entity: GoldenEntity,
  sources: readonly SourceRow[],
  rules: ReadonlyMap<string, readonly string[]>,
): { name: string; fieldsJson: string; conflicts: number } {
  const parsed = sources.map((s) => ({ s, fields: JSON.parse(s.fields_json) as SourceFields }));
  const fields: Record<string, GoldenField> = {};
  const conflicts: string[] = [];
  for (const field of ENTITY_SHAPES[entity].fields) {
    const precedence = rules.get(field) ?? DEFAULT_PRECEDENCE;
    const candidates = parsed
      .map(({ s, fields: f }) => ({ s, value: f[field] }))
      .filter((c): c is { s: SourceRow; value: string } => c.value !== undefined && c.value !== '');
    if (candidates.length === 0) continue;
    candidates.sort(
      (a, b) =>
        rank(precedence, a.s) - rank(precedence, b.s) ||
        (a.s.changed_at < b.s.changed_at ? 1 : a.s.changed_at > b.s.changed_at ? -1 : 0) ||
        (sourceKey(a.s.source, a.s.source_key) < sourceKey(b.s.source, b.s.source_key) ? -1 : 1),
    );
    const [winner] = candidates;
    if (winner === undefined) continue;
    fields[field] = { value: winner.value, source: winner.s.source };
    // codes differ between systems by design (the value maps say which is which): not a conflict
    if (field !== 'code' && new Set(candidates.map((c) => c.value)).size > 1) conflicts.push(field);
  }
  return {
    name: fields['name']?.value ?? sources[0]?.name ?? '',
    fieldsJson: JSON.stringify({ fields, conflicts }),
    conflicts: conflicts.length,
  };
}

/**
 * Recomputes golden records from their sources: those left without a source are deleted (unless
 * merged into another), the others updated where anything changed.
 */
async function surviveAll(
  tx: TenantDb,
  entity: GoldenEntity,
  ids: readonly string[],
  now: string,
): Promise<{ changed: string[]; removed: string[] }> {
  const rules = new Map((await survivorshipRules(tx, entity)).map((r) => [r.field, r.precedence]));
  const changed: string[] = [];
  const removed: string[] = [];
  for (const part of chunks(ids)) {
    const goldens = await tx.selectFrom('golden_records').selectAll().where('id', 'in', part).execute();
    const sources = await sourcesOf(tx, part);
    for (const golden of goldens) {
      const own = sources.get(golden.id) ?? [];
      if (own.length === 0) {
        if (golden.status === 'merged') continue;
        await tx.deleteFrom('golden_records').where('id', '=', golden.id).execute();
        removed.push(golden.id);
        continue;
      }
      const next = computeSurvival(entity, own, rules);
      if (golden.fields_json === next.fieldsJson && golden.name === next.name && golden.status === 'active')
        continue;
      await tx
        .updateTable('golden_records')
        .set({
          fields_json: next.fieldsJson,
          name: next.name,
          conflicts: next.conflicts,
          status: 'active',
          merged_into: null,
          version: golden.version + 1,
          updated_at: now,
        })
        .where('id', '=', golden.id)
        .execute();
      changed.push(golden.id);
    }
  }
  return { changed, removed };
}

const survive = (tx: TenantDb, entity: GoldenEntity, id: string, now: string) =>
  surviveAll(tx, entity, [id], now);

// ---- reading -------------------------------------------------------------------------------------

function toSourceView(row: SourceRow): GoldenSourceView {
  return {
    source: row.source,
    sourceName: row.source_name,
    sourceType: row.source_type,
    key: row.source_key,
    name: row.name,
    fields: JSON.parse(row.fields_json) as SourceFields,
    linkedBy: row.linked_by,
    changedAt: row.changed_at,
  };
}

function toView(row: GoldenRow, sources: readonly SourceRow[]): GoldenView {
  const body = JSON.parse(row.fields_json) as { fields?: Record<string, GoldenField>; conflicts?: string[] };
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    fields: body.fields ?? {},
    conflicts: body.conflicts ?? [],
    status: row.status,
    mergedInto: row.merged_into,
    version: row.version,
    sources: sources.map(toSourceView),
    updatedAt: row.updated_at,
  };
}

async function sourcesOf(db: TenantDb, ids: readonly string[]): Promise<Map<string, SourceRow[]>> {
  const out = new Map<string, SourceRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('golden_sources')
      .selectAll()
      .where('golden_id', 'in', ids.slice(i, i + 500))
      .orderBy('source')
      .orderBy('source_key')
      .execute();
    for (const row of rows) out.set(row.golden_id, [...(out.get(row.golden_id) ?? []), row]);
  }
  return out;
}

export async function listGolden(
  db: TenantDb,
  query: { entity: GoldenEntity; q?: string; conflictsOnly?: boolean; limit: number; offset: number },
): Promise<{ items: GoldenView[]; total: number }> {
  let select = db
    .selectFrom('golden_records')
    .where('entity', '=', query.entity)
    .where('status', '=', 'active');
  if (query.q !== undefined && query.q !== '')
    select = select.where('name', 'like', `%${query.q.replace(/[%_\\]/g, '')}%`);
  if (query.conflictsOnly === true) select = select.where('conflicts', '>', 0);
  const total = await select
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await select
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const sources = await sourcesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toView(r, sources.get(r.id) ?? [])), total: Number(total.n) };
}

export async function getGolden(db: TenantDb, id: string): Promise<GoldenView> {
  const row = await db.selectFrom('golden_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'GoldenRecord', id });
  return toView(row, (await sourcesOf(db, [id])).get(id) ?? []);
}

// ---- merge and split ------------------------------------------------------------------------------

/**
 * Merges golden records into `targetId`: their sources move to it (linked by hand) and they are left
 * as `merged` pointing at it. Every record must be an active one of this company and of one entity; a
 * record of another company is not visible here and is refused as such.
 */
export async function mergeGolden(
  db: TenantDb,
  writer: Writer,
  targetId: string,
  fromIds: readonly string[],
): Promise<GoldenView> {
  return db.transaction(async (tx) => {
    const ids = [targetId, ...fromIds];
    const rows = await tx.selectFrom('golden_records').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const failures: Failure[] = [];
    ids.forEach((id, i) => {
      const pointer = i === 0 ? '/id' : `/from/${i - 1}`;
      const row = byId.get(id);
      if (row === undefined) failures.push({ code: 'golden_other_company', pointer, params: { id } });
      else if (row.status !== 'active')
        failures.push({
          code: 'golden_not_active',
          pointer,
          params: { id, mergedInto: row.merged_into ?? '' },
        });
      else if (i > 0 && id === targetId)
        failures.push({ code: 'golden_merge_self', pointer, params: { id } });
      else if (row.entity !== byId.get(targetId)?.entity)
        failures.push({
          code: 'golden_entity_mismatch',
          pointer,
          params: { id, entity: row.entity, expected: byId.get(targetId)?.entity ?? '' },
        });
    });
    const [first] = failures;
    if (first !== undefined) throw new DomainError(first.code, first.params ?? {}, failures);
    const target = byId.get(targetId) as GoldenRow;
    const now = writer.audit.clock.now().toISOString();
    const before = await getGolden(tx, targetId);
    for (const id of fromIds) {
      await tx
        .updateTable('golden_sources')
        .set({ golden_id: targetId, linked_by: 'manual' })
        .where('golden_id', '=', id)
        .execute();
      await tx
        .updateTable('golden_records')
        .set({
          status: 'merged',
          merged_into: targetId,
          conflicts: 0,
          version: (byId.get(id)?.version ?? 0) + 1,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    }
    await tx
      .updateTable('golden_sources')
      .set({ linked_by: 'manual' })
      .where('golden_id', '=', targetId)
      .execute();
    await survive(tx, target.entity, targetId, now);
    const after = await getGolden(tx, targetId);
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'merge',
        entityType: 'GoldenRecord',
        entityId: targetId,
        before: { ...before, merged: fromIds },
        after,
        requestId: writer.requestId,
      },
      ...fromIds.map((id) => ({
        actor: writer.actor,
        action: 'merged',
        entityType: 'GoldenRecord',
        entityId: id,
        after: { mergedInto: targetId },
        requestId: writer.requestId,
      })),
    ]);
    return after;
  });
}

/** Moves some of a golden record's sources to a new golden record of their own. */
export async function splitGolden(
  db: TenantDb,
  writer: Writer,
  id: string,
  sources: readonly { source: string; key: string }[],
): Promise<{ original: GoldenView; split: GoldenView }> {
  return db.transaction(async (tx) => {
    const original = await getGolden(tx, id);
    if (original.status !== 'active')
      throw new DomainError('golden_not_active', { id, mergedInto: original.mergedInto ?? '' });
    const failures: Failure[] = [];
    sources.forEach((s, i) => {
      if (!original.sources.some((o) => o.source === s.source && o.key === s.key))
        failures.push({
          code: 'golden_source_not_linked',
          pointer: `/sources/${i}`,
          params: { source: s.source, key: s.key, id },
        });
    });
    if (failures.length > 0) throw refusal(failures);
    if (new Set(sources.map((s) => sourceKey(s.source, s.key))).size >= original.sources.length)
      throw new DomainError('golden_split_all', { id });
    const now = writer.audit.clock.now().toISOString();
    const newIdValue = newId();
    await tx
      .insertInto('golden_records', [
        {
          id: newIdValue,
          entity: original.entity,
          name: '',
          fields_json: '{}',
          conflicts: 0,
          status: 'active',
          merged_into: null,
          version: 0,
          created_at: now,
          updated_at: now,
        },
      ])
      .execute();
    for (const s of sources)
      await tx
        .updateTable('golden_sources')
        .set({ golden_id: newIdValue, linked_by: 'manual' })
        .where('entity', '=', original.entity)
        .where('source', '=', s.source)
        .where('source_key', '=', s.key)
        .execute();
    await tx.updateTable('golden_sources').set({ linked_by: 'manual' }).where('golden_id', '=', id).execute();
    await survive(tx, original.entity, id, now);
    await survive(tx, original.entity, newIdValue, now);
    const result = { original: await getGolden(tx, id), split: await getGolden(tx, newIdValue) };
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'split',
        entityType: 'GoldenRecord',
        entityId: id,
        before: original,
        after: result,
        requestId: writer.requestId,
      },
    ]);
    return result;
  });
}

// ---- cross-reference -------------------------------------------------------------------------------

export interface CrossReference {
  readonly goldenId: string;
  readonly name: string;
  /** FinBridge's code, or null when FinBridge has no copy. */
  readonly code: string | null;
  /** Each connection's code for it. */
  readonly erpCodes: Readonly<Record<string, string>>;
}

/** Golden id ↔ FinBridge code ↔ each ERP's code, for every golden record of an entity. */
export async function crossReference(db: TenantDb, entity: GoldenEntity): Promise<CrossReference[]> {
  const rows = await db
    .selectFrom('golden_sources')
    .innerJoin('golden_records', (join) =>
      join
        .onRef('golden_records.id', '=', 'golden_sources.golden_id')
        .onRef('golden_records.tenant_id', '=', 'golden_sources.tenant_id'),
    )
    .select([
      'golden_sources.golden_id',
      'golden_records.name as golden_name',
      'golden_sources.source',
      'golden_sources.source_key',
    ])
    .where('golden_sources.entity', '=', entity)
    .where('golden_records.status', '=', 'active')
    .orderBy('golden_records.name')
    .orderBy('golden_sources.golden_id')
    .orderBy('golden_sources.source')
    .orderBy('golden_sources.source_key')
    .execute();
  const out = new Map<
    string,
    { goldenId: string; name: string; code: string | null; erpCodes: Record<string, string> }
  >();
  for (const row of rows) {
    let entry = out.get(row.golden_id);
    if (entry === undefined)
      out.set(
        row.golden_id,
        (entry = { goldenId: row.golden_id, name: row.golden_name, code: null, erpCodes: {} }),
      );
    if (row.source === FINBRIDGE) entry.code ??= row.source_key;
    else entry.erpCodes[row.source] ??= row.source_key;
  }
  return [...out.values()];
}

/**
 * The value map a connection's mapping profile would need for an entity, from the cross-reference:
 * our code → the ERP's code, for every golden record both sides hold.
 */
export async function proposedValueMap(
  db: TenantDb,
  entity: GoldenEntity,
  connectionId: string,
): Promise<Record<string, string>> {
  const map: Record<string, string> = {};
  for (const x of await crossReference(db, entity)) {
    const theirs = x.erpCodes[connectionId];
    if (x.code !== null && theirs !== undefined) map[x.code] = theirs;
  }
  return map;
}
