import type { Selectable } from 'kysely';
import type { MasterReferenceColumns, MasterTable } from '../../platform/store/tables.ts';
import { hasField, type Fields, type MasterResource } from './resources.ts';

/** Conversion between canonical documents and master-data rows: core columns, promoted columns, attributes. */
export type MasterRow = Selectable<MasterTable>;

export interface RowContent {
  code: string;
  name: string;
  status: string;
  attributes_json: string;
  promoted: Partial<Record<keyof MasterReferenceColumns, string | null>>;
}

const CORE_FIELDS = ['code', 'name', 'status'] as const;

export function toRowContent(resource: MasterResource, fields: Fields): RowContent {
  const attributes: Fields = {};
  const promoted: RowContent['promoted'] = {};
  for (const column of Object.values(resource.columns)) if (column !== undefined) promoted[column] = null;
  for (const [field, value] of Object.entries(fields)) {
    const column = resource.columns[field];
    if (column !== undefined)
      promoted[column] = typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    else if (!(CORE_FIELDS as readonly string[]).includes(field) || !hasField(resource.entity.input, field))
      attributes[field] = value;
  }
  return {
    code: resource.naturalKey(fields),
    name: resource.displayName(fields),
    status: typeof fields['status'] === 'string' ? fields['status'] : 'active',
    attributes_json: JSON.stringify(sortKeys(attributes)),
    promoted,
  };
}

/** The canonical document for a row (record metadata first, then the entity's own fields). */
export function toEntity(resource: MasterResource, row: MasterRow): Fields {
  const out: Fields = {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  for (const field of CORE_FIELDS) if (hasField(resource.entity.input, field)) out[field] = row[field];
  for (const [field, column] of Object.entries(resource.columns)) {
    if (column === undefined) continue;
    const value = row[column];
    if (value !== null) out[field] = coerceColumn(resource, field, value);
  }
  return { ...out, ...(JSON.parse(row.attributes_json) as Fields) };
}

/** The input fields of an entity (what a client would send to recreate it). */
export function toInput(resource: MasterResource, entity: Fields): Fields {
  const input: Fields = {};
  for (const [key, value] of Object.entries(entity))
    if (hasField(resource.entity.input, key)) input[key] = value;
  return input;
}

function coerceColumn(resource: MasterResource, field: string, value: string): unknown {
  const schema = resource.entity.input.properties[field] as { type?: string } | undefined;
  return schema?.type === 'integer' ? Number(value) : value;
}

function sortKeys(value: Fields): Fields {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** True when storing `next` would change nothing (used to report bulk items as unchanged). */
export function sameContent(row: MasterRow, next: RowContent): boolean {
  if (row.code !== next.code || row.name !== next.name || row.status !== next.status) return false;
  if (row.attributes_json !== next.attributes_json) return false;
  return Object.entries(next.promoted).every(
    ([column, value]) => (row[column as keyof MasterRow] ?? null) === value,
  );
}
