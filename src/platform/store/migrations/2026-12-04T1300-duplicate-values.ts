import { type Kysely } from 'kysely';

/**
 * The duplicate index of data quality (issue #19, performance; declared in
 * src/governance/quality/tables.ts): `quality_duplicate_values` keeps, per company, entity and
 * `duplicate` rule, each of FinBridge's own records' normalised values of the rule's field. A master-data
 * write keeps it in its transaction and finds the records sharing its values by an index lookup, where
 * it used to read every record of the entity. Backfilled here from the master data of every company.
 *
 * The backfill carries its own copy of the normalisation and field access of that day
 * (quality/rules.ts `normaliseForDuplicate`, `valuesAt`; master-data/records.ts `toEntity`): a migration
 * does not follow later changes of application code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quality_duplicate_values')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull())
    .addColumn('normalised', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quality_duplicate_values_pkey', [
      'tenant_id',
      'rule_id',
      'record_key',
      'normalised',
    ])
    .execute();
  await db.schema
    .createIndex('quality_duplicate_values_lookup_idx')
    .on('quality_duplicate_values')
    .columns(['tenant_id', 'entity', 'rule_id', 'normalised'])
    .execute();
  await backfill(db);
}

/** The quality entities of that day and the master-data table each is kept in. */
const TABLES: Readonly<Record<string, string>> = {
  supplier: 'suppliers',
  employee: 'employees',
  account: 'accounts',
  customer: 'customers',
  department: 'departments',
  cost_center: 'cost_centers',
  project: 'projects',
  expense_category: 'expense_categories',
  currency: 'currencies',
};

interface BackfillTables {
  quality_rules: {
    tenant_id: string;
    id: string;
    entity: string;
    kind: string;
    field: string | null;
    enabled: number;
  };
  quality_duplicate_values: {
    tenant_id: string;
    entity: string;
    rule_id: string;
    record_key: string;
    normalised: string;
    value: string;
  };
  master: Record<string, unknown>;
}

const PAGE = 2_000;
/** Columns that are no field of the record (the rest are, camel-cased, unless renamed below). */
const NOT_FIELDS = new Set(['tenant_id', 'attributes_json']);
/** Promoted columns whose field is not their camel-cased name (master-data/resources.ts `columns`). */
const RENAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  account: { kind: 'type' },
  expense_category: { kind: 'standardCategory' },
};
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The record as master-data/records.ts `toEntity` gave it that day: columns, then the attributes. */
function fieldsOf(entity: string, row: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row))
    if (!NOT_FIELDS.has(column) && value !== null) fields[RENAMED[entity]?.[column] ?? camel(column)] = value;
  return { ...fields, ...(JSON.parse(String(row['attributes_json'])) as Record<string, unknown>) };
}

function valuesAt(fields: Record<string, unknown>, path: string): unknown[] {
  let current: unknown[] = [fields];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (part === '*' && Array.isArray(value)) next.push(...(value as unknown[]));
      else if (Array.isArray(value) && /^\d+$/.test(part)) next.push((value as unknown[])[Number(part)]);
      else if (typeof value === 'object' && value !== null && Object.hasOwn(value, part))
        next.push((value as Record<string, unknown>)[part]);
      else next.push(undefined);
    }
    current = next;
  }
  return current;
}

const normalise = (value: string) =>
  value
    .normalize('NFKC')
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();

async function backfill(db: Kysely<BackfillTables>): Promise<void> {
  const rules = await db
    .selectFrom('quality_rules')
    .select(['tenant_id', 'id', 'entity', 'field'])
    .where('kind', '=', 'duplicate')
    .where('enabled', '=', 1)
    .where('field', 'is not', null)
    .execute();
  for (const rule of rules) {
    const table = TABLES[rule.entity];
    if (table === undefined || rule.field === null) continue;
    const field = rule.field;
    let after = '';
    for (;;) {
      const page = await db
        .selectFrom(`${table} as master` as 'master')
        .selectAll()
        .where('tenant_id', '=', rule.tenant_id)
        .where('code', '>', after)
        .orderBy('code')
        .limit(PAGE)
        .execute();
      const rows: BackfillTables['quality_duplicate_values'][] = [];
      for (const row of page) {
        const seen = new Set<string>();
        for (const raw of valuesAt(fieldsOf(rule.entity, row), field)) {
          const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : null;
          if (value === null || value.trim() === '') continue;
          const normalised = normalise(value);
          if (seen.has(normalised)) continue;
          seen.add(normalised);
          rows.push({
            tenant_id: rule.tenant_id,
            entity: rule.entity,
            rule_id: rule.id,
            record_key: String(row['code']),
            normalised,
            value,
          });
        }
      }
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('quality_duplicate_values')
          .values(rows.slice(i, i + 500))
          .execute();
      const last = page.at(-1);
      if (last === undefined || page.length < PAGE) break;
      after = String(last['code']);
    }
  }
}
