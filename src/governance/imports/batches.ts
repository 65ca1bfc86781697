import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Locale } from '../../model/error-codes.ts';
import { DomainError, type Failure } from '../../model/result.ts';
import { appendAudit, type AuditEntry, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { refreshGolden } from '../golden/service.ts';
import { ENTITY_SHAPES, GOLDEN_ENTITIES } from '../golden/sources.ts';
import {
  knownColumns,
  prepareImport,
  rowErrors,
  type Cleansing,
  type ImportFormat,
  type ImportRowError,
  type PreparedImport,
} from '../master-data/import.ts';
import { toEntity, type MasterRow } from '../master-data/records.ts';
import { MASTER_RESOURCES, type Fields, type MasterResource } from '../master-data/resources.ts';
import {
  bulkUpsert,
  tellWritten,
  type BulkResult,
  type FieldChange,
  type WrittenRecord,
} from '../master-data/service.ts';
import type { ImportBatchesTable } from '../tables.ts';
import { historyReferencesTo } from './history-refs.ts';

/**
 * Historical import of master data with cleansing, on top of the master-data importer: a dry run that
 * says per row what would happen (created, updated with the diff against current data, unchanged,
 * skipped as a duplicate, refused with the reason per field) and writes nothing; a commit that writes
 * the file as one batch, all or nothing, remembering each record's row before; and the rollback of a
 * committed batch, which restores what it changed and refuses, listing them, when records were
 * changed again since.
 */
export type RowStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'refused';

export interface DryRunRow {
  readonly row: number;
  readonly key: string | null;
  readonly status: RowStatus;
  readonly reasons: ImportRowError[];
  readonly changes: FieldChange[];
}

/** A row the dedup rule skipped as a repeat of an earlier one (master data's and history's dry runs). */
export const skippedRow = (row: number, key: string, message: string): DryRunRow => ({
  row,
  key,
  status: 'skipped',
  reasons: [{ row, column: null, header: null, field: '', code: 'duplicate_in_batch', message }],
  changes: [],
});

export interface DryRunResult {
  readonly resource: string;
  readonly format: ImportFormat;
  readonly sheet: string | null;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly refused: number;
  readonly items: DryRunRow[];
}

export interface ImportOptions {
  readonly mapping?: Readonly<Record<string, string>>;
  readonly cleansing?: Cleansing;
  readonly maxRows: number;
  readonly locale: Locale;
  /** Leave the per-row list out of the answer (large files: counts only). */
  readonly summaryOnly?: boolean;
  /** Told what the import is doing: reading the file, checking rows, writing n of total. */
  readonly onProgress?: (
    phase: 'reading' | 'checking' | 'writing' | 'matching',
    done: number,
    total: number,
  ) => void;
}

export interface ImportFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

function resourceOf(path: string): MasterResource {
  const resource = MASTER_RESOURCES.find((r) => r.path === path);
  if (resource === undefined)
    throw new DomainError(
      'invalid_field',
      { detail: `resource must be one of ${MASTER_RESOURCES.map((r) => r.path).join(', ')}` },
      [{ code: 'invalid_field', pointer: '/resource', params: { detail: path } }],
    );
  return resource;
}

/** Rows kept for the upsert after dedup, and the rows skipped as an earlier or later duplicate. */
function dedup(
  resource: MasterResource,
  prepared: PreparedImport,
  mode: Cleansing['dedup'],
): { kept: PreparedImport['records']; skipped: Map<number, { key: string; kept: number }> } {
  const skipped = new Map<number, { key: string; kept: number }>();
  if (mode === undefined || mode === 'refuse') return { kept: prepared.records, skipped };
  const chosen = new Map<string, number>();
  const keyOf = (item: unknown) => {
    if (typeof item !== 'object' || item === null) return '';
    try {
      return resource.naturalKey(item as Fields);
    } catch {
      return '';
    }
  };
  prepared.records.forEach((r, i) => {
    const key = keyOf(r.item);
    if (key === '') return;
    const previous = chosen.get(key);
    if (previous === undefined || mode === 'last') chosen.set(key, i);
  });
  const kept = prepared.records.filter((r, i) => {
    const key = keyOf(r.item);
    const keep = key === '' || chosen.get(key) === i;
    if (!keep) skipped.set(r.row, { key, kept: prepared.records[chosen.get(key) ?? i]?.row ?? r.row });
    return keep;
  });
  return { kept, skipped };
}

interface Prepared {
  readonly resource: MasterResource;
  readonly prepared: PreparedImport;
  readonly kept: PreparedImport['records'];
  readonly skipped: Map<number, { key: string; kept: number }>;
}

function summarise(
  resource: MasterResource,
  prepared: PreparedImport,
  kept: PreparedImport['records'],
  skipped: Map<number, { key: string; kept: number }>,
  result: BulkResult,
  options: ImportOptions,
): DryRunResult {
  const { rows } = rowErrors(result, kept, prepared.columns, options.locale);
  const reasons = new Map<number, ImportRowError[]>();
  for (const r of rows) reasons.set(r.row, [...(reasons.get(r.row) ?? []), r]);
  const byRow = new Map<number, DryRunRow>();
  result.items.forEach((item) => {
    const row = kept[item.index]?.row ?? item.index + 1;
    byRow.set(row, {
      row,
      key: item.key,
      status: item.status === 'failed' ? 'refused' : item.status,
      reasons: reasons.get(row) ?? [],
      changes: [...(item.changes ?? [])],
    });
  });
  for (const [row, s] of skipped)
    byRow.set(
      row,
      skippedRow(
        row,
        s.key,
        options.locale === 'zh-CN'
          ? `与第 ${s.kept} 行编码 ${s.key} 重复，已按去重规则跳过`
          : `Same code ${s.key} as row ${s.kept}: skipped by the dedup rule`,
      ),
    );
  const items = [...byRow.values()].sort((a, b) => a.row - b.row);
  const count = (status: RowStatus) => items.filter((i) => i.status === status).length;
  return {
    resource: resource.path,
    format: prepared.format,
    sheet: prepared.sheet,
    rows: prepared.records.length,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    refused: count('refused'),
    items: options.summaryOnly === true ? [] : items,
  };
}

async function prepare(resourcePath: string, file: ImportFile, options: ImportOptions): Promise<Prepared> {
  const resource = resourceOf(resourcePath);
  options.onProgress?.('reading', 0, 1);
  const prepared = await prepareImport(resource, file, {
    maxRows: options.maxRows,
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    ...(options.cleansing === undefined ? {} : { cleansing: options.cleansing }),
  });
  options.onProgress?.('checking', 0, prepared.records.length);
  return { resource, prepared, ...dedup(resource, prepared, options.cleansing?.dedup) };
}

/** What importing the file would do, row by row; nothing is written. */
export async function dryRunImport(
  db: TenantDb,
  writer: Writer,
  resourcePath: string,
  file: ImportFile,
  options: ImportOptions,
): Promise<DryRunResult> {
  const { resource, prepared, kept, skipped } = await prepare(resourcePath, file, options);
  const result = await bulkUpsert(
    db,
    writer,
    resource,
    kept.map((r) => r.item),
    true,
    { dryRun: true, diff: options.summaryOnly !== true },
  );
  return summarise(resource, prepared, kept, skipped, result, options);
}

export interface BatchView {
  readonly id: string;
  readonly resource: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly status: 'committed' | 'rolled_back';
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly committedBy: string;
  readonly committedAt: string;
  readonly rolledBackBy: string | null;
  readonly rolledBackAt: string | null;
}

const toBatchView = (row: Selectable<ImportBatchesTable>): BatchView => ({
  id: row.id,
  resource: row.resource,
  fileName: row.file_name,
  sha256: row.file_sha256,
  status: row.status,
  rows: row.row_count,
  created: row.created_count,
  updated: row.updated_count,
  unchanged: row.unchanged_count,
  committedBy: row.committed_by,
  committedAt: row.committed_at,
  rolledBackBy: row.rolled_back_by,
  rolledBackAt: row.rolled_back_at,
});

/** The golden entity a master-data resource feeds, if any. */
const goldenEntityOf = (resource: string) =>
  GOLDEN_ENTITIES.find((e) => ENTITY_SHAPES[e].resource === resource);

/**
 * Writes the file as one batch: refused whole (import_rejected, every wrong cell named) when any row
 * is refused; otherwise created and updated records are remembered for a rollback, and the golden
 * records the resource feeds are brought up to date in the same transaction.
 */
export async function commitImport(
  db: TenantDb,
  writer: Writer,
  resourcePath: string,
  file: ImportFile,
  options: ImportOptions,
): Promise<{ batch: BatchView; result: DryRunResult }> {
  const checked = await prepare(resourcePath, file, options);
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const id = newId();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    let batchRow: Selectable<ImportBatchesTable> | undefined;
    const record = async (inner: TenantDb, written: readonly WrittenRecord[]) => {
      const row: Selectable<ImportBatchesTable> = {
        tenant_id: inner.tenantId,
        id,
        resource: checked.resource.path,
        file_name: file.fileName,
        file_sha256: sha256,
        status: 'committed',
        row_count: checked.prepared.records.length,
        created_count: written.filter((w) => w.action === 'create').length,
        updated_count: written.filter((w) => w.action === 'update').length,
        unchanged_count: 0,
        committed_by: writer.actor,
        committed_at: now,
        rolled_back_by: null,
        rolled_back_at: null,
      };
      batchRow = row;
      await inner.insertInto('import_batches', [row]).execute();
      const changes = written.map((w, seq) => ({
        batch_id: id,
        seq,
        record_id: w.id,
        code: w.code,
        action: w.action,
        before_json: w.before === null ? null : JSON.stringify(w.before),
        after_version: w.version,
      }));
      for (let i = 0; i < changes.length; i += 500)
        await inner.insertInto('import_batch_changes', changes.slice(i, i + 500)).execute();
      await appendAudit(inner, writer.audit, [
        {
          actor: writer.actor,
          action: 'import',
          entityType: 'ImportBatch',
          entityId: id,
          after: {
            resource: checked.resource.path,
            fileName: file.fileName,
            sha256,
            created: row.created_count,
            updated: row.updated_count,
          },
          requestId: writer.requestId,
        },
      ]);
    };
    let result: BulkResult;
    try {
      result = await bulkUpsert(
        tx,
        writer,
        checked.resource,
        checked.kept.map((r) => r.item),
        true,
        {
          onWrite: record,
          onProgress: (done, total) => options.onProgress?.('writing', done, total),
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'bulk_failed')) throw error;
      const refused = error.extensions['result'] as BulkResult;
      const { rows, failures } = rowErrors(refused, checked.kept, checked.prepared.columns, options.locale);
      throw new DomainError('import_rejected', { failed: new Set(rows.map((r) => r.row)).size }, failures, {
        rows,
      });
    }
    if (batchRow === undefined) throw new Error('the import batch was not recorded');
    await tx
      .updateTable('import_batches')
      .set({ unchanged_count: result.unchanged })
      .where('id', '=', id)
      .execute();
    const entity = goldenEntityOf(checked.resource.path);
    options.onProgress?.('matching', 0, 1);
    if (entity !== undefined) await refreshGolden(tx, writer, entity);
    const summary = summarise(checked.resource, checked.prepared, checked.kept, checked.skipped, result, {
      ...options,
      summaryOnly: true,
    });
    return { batch: { ...toBatchView(batchRow), unchanged: result.unchanged }, result: summary };
  });
}

export async function listBatches(db: TenantDb, limit = 50): Promise<BatchView[]> {
  const rows = await db
    .selectFrom('import_batches')
    .selectAll()
    .orderBy('committed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toBatchView);
}

export async function getBatch(db: TenantDb, id: string): Promise<BatchView> {
  const row = await db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'ImportBatch', id });
  return toBatchView(row);
}

export interface BlockedRecord {
  readonly code: string;
  readonly id: string;
  readonly reason: 'changed_since' | 'deleted_since' | 'referenced';
  readonly importedVersion: number;
  readonly currentVersion: number | null;
  /** For `referenced`: who refers to it (resource/code). */
  readonly referencedBy?: string;
}

/**
 * Undoes a committed batch: records it created are deleted, records it changed get their earlier
 * content back (as a new version). Refused, with the list, when any of them was changed since or a
 * record it created is now referred to by another.
 */
/**
 * The end of a rollback, master data's or history's: the batch marked rolled back, and the audit
 * entries of what the rollback did with the batch's own, appended in the rollback's transaction.
 */
export async function markRolledBack(
  tx: TenantDb,
  writer: Writer,
  batchId: string,
  now: string,
  audits: AuditEntry[],
): Promise<void> {
  await tx
    .updateTable('import_batches')
    .set({ status: 'rolled_back', rolled_back_by: writer.actor, rolled_back_at: now })
    .where('id', '=', batchId)
    .execute();
  audits.push({
    actor: writer.actor,
    action: 'rollback',
    entityType: 'ImportBatch',
    entityId: batchId,
    before: { status: 'committed' },
    after: { status: 'rolled_back' },
    requestId: writer.requestId,
  });
  await appendAudit(tx, writer.audit, audits);
}

export async function rollbackImport(db: TenantDb, writer: Writer, batchId: string): Promise<BatchView> {
  return db.transaction(async (tx) => {
    const batch = await tx
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (batch === undefined) throw new DomainError('not_found', { resource: 'ImportBatch', id: batchId });
    if (batch.status === 'rolled_back')
      throw new DomainError('import_batch_rolled_back', { id: batchId, at: batch.rolled_back_at ?? '' });
    const resource = resourceOf(batch.resource);
    const changes = await tx
      .selectFrom('import_batch_changes')
      .selectAll()
      .where('batch_id', '=', batchId)
      .orderBy('seq')
      .execute();
    const current = new Map<string, MasterRow>();
    const ids = changes.map((c) => c.record_id);
    for (let i = 0; i < ids.length; i += 500)
      for (const row of await tx
        .selectFrom(resource.table)
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute())
        current.set(row.id, row);
    const blocked: BlockedRecord[] = [];
    for (const change of changes) {
      const row = current.get(change.record_id);
      if (row === undefined)
        blocked.push({
          code: change.code,
          id: change.record_id,
          reason: 'deleted_since',
          importedVersion: change.after_version,
          currentVersion: null,
        });
      else if (row.version !== change.after_version)
        blocked.push({
          code: change.code,
          id: change.record_id,
          reason: 'changed_since',
          importedVersion: change.after_version,
          currentVersion: row.version,
        });
    }
    const createdCodes = new Set(changes.filter((c) => c.action === 'create').map((c) => c.code));
    for (const other of MASTER_RESOURCES) {
      for (const [field, target] of Object.entries(other.references)) {
        const column = other.columns[field];
        if (target !== resource.path || column === undefined || createdCodes.size === 0) continue;
        const codes = [...createdCodes];
        for (let i = 0; i < codes.length; i += 500) {
          const refs = await tx
            .selectFrom(other.table)
            .select(['code', column])
            .where(column, 'in', codes.slice(i, i + 500))
            .execute();
          for (const ref of refs) {
            const to = String((ref as Record<string, unknown>)[column]);
            // a record of the same batch referring to another one goes with it
            if (other === resource && createdCodes.has(ref.code)) continue;
            const change = changes.find((c) => c.code === to && c.action === 'create');
            if (change !== undefined)
              blocked.push({
                code: to,
                id: change.record_id,
                reason: 'referenced',
                importedVersion: change.after_version,
                currentVersion: change.after_version,
                referencedBy: `${other.path}/${ref.code}`,
              });
          }
        }
      }
    }
    // imported history (historical claims and vouchers) that names a record the batch created
    for (const ref of await historyReferencesTo(tx, resource.path, [...createdCodes])) {
      const change = changes.find((c) => c.code === ref.code && c.action === 'create');
      if (change !== undefined)
        blocked.push({
          code: ref.code,
          id: change.record_id,
          reason: 'referenced',
          importedVersion: change.after_version,
          currentVersion: change.after_version,
          referencedBy: ref.referencedBy,
        });
    }
    if (blocked.length > 0) {
      const failures: Failure[] = blocked.map((b) => ({
        code: 'import_rollback_blocked',
        pointer: `/records/${b.code}`,
        params: { count: blocked.length },
      }));
      throw new DomainError('import_rollback_blocked', { count: blocked.length }, failures, {
        records: blocked,
      });
    }
    const now = writer.audit.clock.now().toISOString();
    const audits: AuditEntry[] = [];
    for (const change of [...changes].reverse()) {
      const row = current.get(change.record_id) as MasterRow;
      if (change.action === 'create') {
        await tx.deleteFrom(resource.table).where('id', '=', change.record_id).execute();
        audits.push({
          actor: writer.actor,
          action: 'delete',
          entityType: resource.entity.name,
          entityId: change.record_id,
          before: toEntity(resource, row),
          requestId: writer.requestId,
        });
      } else {
        const before = JSON.parse(change.before_json ?? '{}') as MasterRow;
        const { tenant_id: _t, id: _i, version: _v, created_at: _c, updated_at: _u, ...content } = before;
        await tx
          .updateTable(resource.table)
          .set({ ...content, version: row.version + 1, updated_at: now })
          .where('id', '=', change.record_id)
          .execute();
        audits.push({
          actor: writer.actor,
          action: 'update',
          entityType: resource.entity.name,
          entityId: change.record_id,
          before: toEntity(resource, row),
          after: toEntity(resource, { ...before, version: row.version + 1, updated_at: now }),
          requestId: writer.requestId,
        });
      }
    }
    await markRolledBack(tx, writer, batchId, now, audits);
    // data quality evaluates the restored records and drops the deleted ones (their issues resolved,
    // their duplicates' partners evaluated again), in this transaction as for any master-data write
    await tellWritten(
      tx,
      resource,
      changes.map((c) => c.code),
      now,
    );
    const entity = goldenEntityOf(resource.path);
    if (entity !== undefined) await refreshGolden(tx, writer, entity);
    return getBatch(tx, batchId);
  });
}

/** A workbook to fill in: the resource's columns on the first row, with their Chinese names as notes. */
export async function importTemplate(resourcePath: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const resource = resourceOf(resourcePath);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(resource.label.zh);
  const columns = knownColumns(resource);
  sheet.addRow(columns);
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, c.length + 4);
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `${resource.path}-template.xlsx`, bytes: new Uint8Array(buffer) };
}
