import { appendAudit, type AuditEntry, type Writer } from '../../platform/audit/audit-log.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import { newId } from '../../platform/store/ids.ts';
import { containsText, refreshStatistics } from '../../platform/store/sql-helpers.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { check } from '../../model/validate.ts';
import { sameContent, toEntity, toInput, toRowContent, type MasterRow, type RowContent } from './records.ts';
import { resourceByPath, type Fields, type MasterResource } from './resources.ts';

/** Create, read, update, list and bulk-upsert for every master-data resource, scoped to one tenant. */

const CHUNK = 500;
/** Rows a bulk write inserts from which it refreshes the table's planner statistics (PostgreSQL). */
const BULK_STATISTICS_ROWS = 1_000;

/**
 * Told, in the writing transaction, of the records a write created, changed or (an import batch's
 * rollback) deleted, by code: data quality evaluates them there (installed by quality/install.ts, so
 * this module imports none of it).
 */
export type RecordsWrittenListener = (
  tx: TenantDb,
  resource: MasterResource,
  codes: readonly string[],
  now: string,
) => Promise<void>;
const writeListeners: RecordsWrittenListener[] = [];
export function onRecordsWritten(listener: RecordsWrittenListener): void {
  if (!writeListeners.includes(listener)) writeListeners.push(listener);
}
/**
 * Tells the listeners of records written outside this module's own writes (an import batch's rollback,
 * which deletes and restores rows itself); codes of records no longer there were deleted.
 */
export async function tellWritten(
  tx: TenantDb,
  resource: MasterResource,
  codes: readonly string[],
  now: string,
): Promise<void> {
  if (codes.length > 0) for (const listener of writeListeners) await listener(tx, resource, codes, now);
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Schema and domain checks of one document, pointers relative to `prefix`. */
function inspect(resource: MasterResource, value: unknown, prefix = ''): Failure[] {
  const failures = check(resource.entity.input, value, prefix);
  if (failures.length > 0) return failures;
  return (resource.check?.(value as Fields) ?? []).map((f) => ({ ...f, pointer: prefix + f.pointer }));
}

/**
 * Every reference field must name an existing record of its target resource — in the store, or
 * (for bulk loads) among the other items of the same batch.
 */
async function missingReferences(
  tx: TenantDb,
  resource: MasterResource,
  items: readonly { fields: Fields; prefix: string }[],
  alsoPresent: ReadonlySet<string> = new Set(),
): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const [field, targetPath] of Object.entries(resource.references)) {
    const target = resourceByPath(targetPath);
    if (target === undefined) throw new Error(`unknown reference target ${targetPath}`);
    const wanted = new Set<string>();
    for (const { fields } of items) {
      const code = fields[field];
      if (typeof code === 'string' && !(target === resource && alsoPresent.has(code))) wanted.add(code);
    }
    const found = new Set<string>();
    for (const part of chunks([...wanted])) {
      const rows = await tx.selectFrom(target.table).select('code').where('code', 'in', part).execute();
      for (const row of rows) found.add(row.code);
    }
    for (const { fields, prefix } of items) {
      const code = fields[field];
      if (typeof code === 'string' && wanted.has(code) && !found.has(code)) {
        failures.push({
          code: 'reference_not_found',
          pointer: `${prefix}/${field}`,
          params: { resource: target.label.en, id: code },
        });
      }
    }
  }
  return failures;
}

function rowValues(content: RowContent) {
  return {
    code: content.code,
    name: content.name,
    status: content.status,
    attributes_json: content.attributes_json,
    ...content.promoted,
  };
}

function translateConstraint(error: unknown, resource: MasterResource, code: string): never {
  const violation = constraintViolation(error);
  if (violation === 'unique')
    throw new DomainError('duplicate_code', { code }, [
      { code: 'duplicate_code', pointer: '/code', params: { code } },
    ]);
  if (violation === 'foreign_key')
    throw new DomainError('reference_not_found', { resource: resource.label.en, id: code });
  throw error;
}

export async function createRecord(
  db: TenantDb,
  writer: Writer,
  resource: MasterResource,
  input: unknown,
): Promise<Fields> {
  const failures = inspect(resource, input);
  if (failures.length > 0) throw refusal(failures);
  const fields = input as Fields;
  const content = toRowContent(resource, fields);
  try {
    return await db.transaction(async (tx) => {
      const refs = await missingReferences(tx, resource, [{ fields, prefix: '' }], new Set([content.code]));
      if (refs.length > 0) throw refusal(refs);
      const clash = await tx
        .selectFrom(resource.table)
        .select('id')
        .where('code', '=', content.code)
        .executeTakeFirst();
      if (clash !== undefined) {
        throw new DomainError('duplicate_code', { code: content.code }, [], { existingId: clash.id });
      }
      const now = writer.audit.clock.now().toISOString();
      const row = { id: newId(), ...rowValues(content), version: 1, created_at: now, updated_at: now };
      await tx.insertInto(resource.table, [row]).execute();
      const created = toEntity(resource, { tenant_id: db.tenantId, ...emptyPromoted(), ...row });
      await appendAudit(tx, writer.audit, [
        auditEntry(writer, resource, 'create', row.id, undefined, created),
      ]);
      await tellWritten(tx, resource, [content.code], now);
      return created;
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return translateConstraint(error, resource, content.code);
  }
}

const emptyPromoted = () => ({
  parent_code: null,
  department_code: null,
  manager_code: null,
  manager_employee_code: null,
  cost_center_code: null,
  management_account_code: null,
  sales_account_code: null,
  tax_id: null,
  kind: null,
  base_currency: null,
  quote_currency: null,
  effective_on: null,
});

async function findRow(db: TenantDb, resource: MasterResource, id: string): Promise<MasterRow> {
  const row = await db.selectFrom(resource.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: resource.label.en, id });
  return row;
}

export async function getRecord(db: TenantDb, resource: MasterResource, id: string): Promise<Fields> {
  return toEntity(resource, await findRow(db, resource, id));
}

/**
 * JSON merge patch (RFC 7396) of an existing record: fields given replace, `null` removes an optional
 * field. With `expectedVersion` the update only applies to that version (optimistic locking).
 */
export async function updateRecord(
  db: TenantDb,
  writer: Writer,
  resource: MasterResource,
  id: string,
  patch: Fields,
  expectedVersion?: number,
): Promise<Fields> {
  return db.transaction(async (tx) => {
    const row = await findRow(tx, resource, id);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new DomainError('version_conflict', { current: row.version });
    }
    const current = toInput(resource, toEntity(resource, row));
    const merged: Fields = Object.fromEntries(
      Object.entries({ ...current, ...patch }).filter(([, value]) => value !== null),
    );
    const failures = inspect(resource, merged);
    if (failures.length > 0) throw refusal(failures);
    const content = toRowContent(resource, merged);
    const refs = await missingReferences(
      tx,
      resource,
      [{ fields: merged, prefix: '' }],
      new Set([content.code]),
    );
    if (refs.length > 0) throw refusal(refs);
    if (sameContent(row, content)) return toEntity(resource, row);
    if (content.code !== row.code) {
      const clash = await tx
        .selectFrom(resource.table)
        .select('id')
        .where('code', '=', content.code)
        .executeTakeFirst();
      if (clash !== undefined)
        throw new DomainError('duplicate_code', { code: content.code }, [], { existingId: clash.id });
    }
    const now = writer.audit.clock.now().toISOString();
    try {
      const result = await tx
        .updateTable(resource.table)
        .set({ ...rowValues(content), version: row.version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1)
        throw new DomainError('version_conflict', { current: row.version + 1 });
    } catch (error) {
      if (error instanceof DomainError) throw error;
      translateConstraint(error, resource, content.code);
    }
    const updated = toEntity(resource, await findRow(tx, resource, id));
    await appendAudit(tx, writer.audit, [
      auditEntry(writer, resource, 'update', id, toEntity(resource, row), updated),
    ]);
    await tellWritten(tx, resource, [content.code], now);
    return updated;
  });
}

function auditEntry(
  writer: Writer,
  resource: MasterResource,
  action: string,
  id: string,
  before?: Fields,
  after?: Fields,
): AuditEntry {
  return {
    actor: writer.actor,
    action,
    entityType: resource.entity.name,
    entityId: id,
    requestId: writer.requestId,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

export type BulkItemStatus = 'created' | 'updated' | 'unchanged' | 'failed';

export interface BulkItemResult {
  readonly index: number;
  readonly key: string | null;
  readonly status: BulkItemStatus;
  readonly id?: string;
  readonly version?: number;
  readonly failures?: readonly Failure[];
  /** With `diff`: what an update changes, field by field (top-level fields of the record). */
  readonly changes?: readonly FieldChange[];
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A record a bulk write created or changed, with the row as it was (null when created). */
export interface WrittenRecord {
  readonly id: string;
  readonly code: string;
  readonly action: 'create' | 'update';
  readonly before: MasterRow | null;
  readonly version: number;
}

export interface BulkOptions {
  /** Check and compare only: nothing is written, the result says what would be. */
  readonly dryRun?: boolean;
  /** Report each update's field changes. */
  readonly diff?: boolean;
  /** Called in the writing transaction with what was written (an import batch records it). */
  readonly onWrite?: (tx: TenantDb, written: readonly WrittenRecord[]) => Promise<void>;
  /** Told how far the writing got (records written of all to write), for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

function fieldChanges(resource: MasterResource, before: Fields, after: Fields): FieldChange[] {
  const a = toInput(resource, before);
  const b = toInput(resource, after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.flatMap((field) =>
    JSON.stringify(a[field]) === JSON.stringify(b[field])
      ? []
      : [{ field, before: a[field] ?? null, after: b[field] ?? null }],
  );
}

export interface BulkResult {
  readonly atomic: boolean;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly items: readonly BulkItemResult[];
}

/**
 * Upserts by natural key (code). Every item is checked first (schema, domain rules, duplicates inside
 * the batch, references to the store or to other items); then all valid items are written in one
 * transaction. With `atomic`, one failed item fails the batch and nothing is written.
 */
export async function bulkUpsert(
  db: TenantDb,
  writer: Writer,
  resource: MasterResource,
  items: readonly unknown[],
  atomic: boolean,
  options: BulkOptions = {},
): Promise<BulkResult> {
  const failures = new Map<number, Failure[]>();
  const addFailures = (index: number, list: readonly Failure[]) => {
    if (list.length > 0) failures.set(index, [...(failures.get(index) ?? []), ...list]);
  };
  const contents = new Map<number, RowContent>();
  const firstIndexByKey = new Map<string, number>();
  items.forEach((item, index) => {
    const problems = inspect(resource, item, `/items/${index}`);
    if (problems.length > 0) {
      addFailures(index, problems);
      return;
    }
    const content = toRowContent(resource, item as Fields);
    const first = firstIndexByKey.get(content.code);
    if (first !== undefined) {
      addFailures(index, [
        { code: 'duplicate_in_batch', pointer: `/items/${index}`, params: { code: content.code, first } },
      ]);
      return;
    }
    firstIndexByKey.set(content.code, index);
    contents.set(index, content);
  });

  return db.transaction(async (tx) => {
    const valid = [...contents.keys()];
    const refs = await missingReferences(
      tx,
      resource,
      valid.map((index) => ({ fields: items[index] as Fields, prefix: `/items/${index}` })),
      new Set(firstIndexByKey.keys()),
    );
    for (const failure of refs) {
      const index = Number(failure.pointer.split('/')[2]);
      addFailures(index, [failure]);
      contents.delete(index);
    }

    const existing = new Map<string, MasterRow>();
    for (const part of chunks([...contents.values()].map((c) => c.code))) {
      for (const row of await tx.selectFrom(resource.table).selectAll().where('code', 'in', part).execute())
        existing.set(row.code, row);
    }

    const now = writer.audit.clock.now().toISOString();
    const results: BulkItemResult[] = [];
    const audits: AuditEntry[] = [];
    const inserts: Record<string, unknown>[] = [];
    const updates: { row: MasterRow; content: RowContent }[] = [];
    const written: WrittenRecord[] = [];
    items.forEach((item, index) => {
      const content = contents.get(index);
      const key =
        content?.code ?? (typeof item === 'object' && item !== null ? keyOf(resource, item as Fields) : null);
      if (content === undefined) {
        results.push({ index, key, status: 'failed', failures: failures.get(index) ?? [] });
        return;
      }
      const current = existing.get(content.code);
      if (current === undefined) {
        const id = newId();
        const row = { id, ...rowValues(content), version: 1, created_at: now, updated_at: now };
        inserts.push(row);
        written.push({ id, code: content.code, action: 'create', before: null, version: 1 });
        audits.push(
          auditEntry(
            writer,
            resource,
            'create',
            id,
            undefined,
            toEntity(resource, { tenant_id: db.tenantId, ...emptyPromoted(), ...row }),
          ),
        );
        results.push({ index, key, status: 'created', id, version: 1 });
      } else if (sameContent(current, content)) {
        results.push({ index, key, status: 'unchanged', id: current.id, version: current.version });
      } else {
        updates.push({ row: current, content });
        const next = {
          ...current,
          ...rowValues(content),
          version: current.version + 1,
          updated_at: now,
        };
        audits.push(
          auditEntry(
            writer,
            resource,
            'update',
            current.id,
            toEntity(resource, current),
            toEntity(resource, next),
          ),
        );
        written.push({
          id: current.id,
          code: content.code,
          action: 'update',
          before: current,
          version: current.version + 1,
        });
        results.push({
          index,
          key,
          status: 'updated',
          id: current.id,
          version: current.version + 1,
          ...(options.diff === true
            ? { changes: fieldChanges(resource, toEntity(resource, current), toEntity(resource, next)) }
            : {}),
        });
      }
    });

    const failed = results.filter((r) => r.status === 'failed').length;
    const summary = (list: BulkItemResult[]): BulkResult => ({
      atomic,
      created: list.filter((r) => r.status === 'created').length,
      updated: list.filter((r) => r.status === 'updated').length,
      unchanged: list.filter((r) => r.status === 'unchanged').length,
      failed,
      items: list,
    });
    if (options.dryRun === true) return summary(results);
    if (atomic && failed > 0) {
      const rolledBack = results.map((r) =>
        r.status === 'failed' ? r : { index: r.index, key: r.key, status: r.status },
      );
      throw new DomainError('bulk_failed', { failed }, [], {
        result: { ...summary(rolledBack), created: 0, updated: 0, unchanged: 0 },
      });
    }

    try {
      const total = inserts.length + updates.length;
      let done = 0;
      for (const part of chunks(inserts, 200)) {
        await tx.insertInto(resource.table, part as never).execute();
        done += part.length;
        options.onProgress?.(done, total);
      }
      for (const { row, content } of updates) {
        await tx
          .updateTable(resource.table)
          .set({ ...rowValues(content), version: row.version + 1, updated_at: now })
          .where('id', '=', row.id)
          .execute();
        done += 1;
        if (done % 500 === 0 || done === total) options.onProgress?.(done, total);
      }
    } catch (error) {
      translateConstraint(error, resource, '');
    }
    // a large batch: the reads after it in this transaction (the listeners', golden records') plan with
    // the rows now there
    if (inserts.length >= BULK_STATISTICS_ROWS) await refreshStatistics(tx, [resource.table]);
    await appendAudit(tx, writer.audit, audits);
    await tellWritten(
      tx,
      resource,
      written.map((w) => w.code),
      now,
    );
    if (options.onWrite !== undefined) await options.onWrite(tx, written);
    return summary(results);
  });
}

function keyOf(resource: MasterResource, fields: Fields): string | null {
  try {
    return resource.naturalKey(fields) || null;
  } catch {
    return null;
  }
}

export interface ListQuery {
  readonly limit: number;
  readonly cursor?: string;
  readonly sort: string;
  readonly status?: string;
  readonly q?: string;
  readonly updatedSince?: string;
  readonly filters: Readonly<Record<string, string>>;
}

export const SORTS = [
  'code',
  '-code',
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
const SORT_COLUMNS = {
  code: 'code',
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

interface Cursor {
  readonly s: string;
  readonly v: string;
  readonly id: string;
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string, sort: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (cursor.s === sort && typeof cursor.v === 'string' && typeof cursor.id === 'string') return cursor;
  } catch {
    // fall through
  }
  throw new DomainError('invalid_cursor');
}

/** Keyset-paginated list: stable under inserts, O(limit) per page whatever the page number. */
export async function listRecords(
  db: TenantDb,
  resource: MasterResource,
  query: ListQuery,
): Promise<{ items: Fields[]; nextCursor: string | null }> {
  const descending = query.sort.startsWith('-');
  const sortField = (descending ? query.sort.slice(1) : query.sort) as keyof typeof SORT_COLUMNS;
  const column = SORT_COLUMNS[sortField];
  let select = db.selectFrom(resource.table).selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.updatedSince !== undefined) select = select.where('updated_at', '>', query.updatedSince);
  if (query.q !== undefined && query.q !== '') {
    const q = query.q;
    select = select.where((eb) => eb.or([containsText('code', q), containsText('name', q)]));
  }
  for (const [field, value] of Object.entries(query.filters)) {
    const promoted = resource.columns[field];
    if (promoted === undefined)
      throw new DomainError('invalid_query', { detail: `cannot filter on ${field}` });
    select = select.where(promoted, '=', value);
  }
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor, query.sort);
    const op = descending ? '<' : '>';
    select = select.where((eb) =>
      eb.or([eb(column, op, cursor.v), eb.and([eb(column, '=', cursor.v), eb('id', op, cursor.id)])]),
    );
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await select
    .orderBy(column, direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeCursor({ s: query.sort, v: last[column], id: last.id })
      : null;
  return { items: page.map((row) => toEntity(resource, row)), nextCursor };
}
