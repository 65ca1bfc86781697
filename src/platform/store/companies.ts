import type { Clock } from '../clock.ts';
import type { Selectable } from 'kysely';
import type { OpenDatabase } from './database.ts';
import type { CompaniesTable } from './tables.ts';
import { newId } from './ids.ts';

/**
 * Companies are the tenants. Resolving a tenant and creating one are the only data operations that do
 * not start from a tenant, so they live here, next to the store, and nowhere else.
 */
export const AUDIT_GENESIS = '0'.repeat(64);

export interface CompanyRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly taxId: string;
  readonly baseCurrency: string;
  readonly status: string;
  readonly attributes: Record<string, unknown>;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewCompany {
  readonly code: string;
  readonly name: string;
  readonly taxId: string;
  readonly baseCurrency: string;
  readonly attributes?: Record<string, unknown>;
}

export async function createCompany(
  database: OpenDatabase,
  clock: Clock,
  input: NewCompany,
): Promise<CompanyRecord> {
  const id = newId();
  const now = clock.now().toISOString();
  const row = {
    id,
    tenant_id: id,
    code: input.code,
    name: input.name,
    tax_id: input.taxId,
    base_currency: input.baseCurrency,
    attributes_json: JSON.stringify(input.attributes ?? {}),
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await database.db.transaction().execute(async (tx) => {
    await tx.insertInto('companies').values(row).execute();
    // Every company starts its own audit chain (platform/audit/audit-log.ts) at the genesis hash.
    await tx
      .insertInto('audit_heads')
      .values({ tenant_id: id, last_seq: 0, last_hash: AUDIT_GENESIS })
      .execute();
  });
  return toRecord(row);
}

const columns = [
  'id',
  'tenant_id',
  'code',
  'name',
  'tax_id',
  'base_currency',
  'attributes_json',
  'status',
  'version',
  'created_at',
  'updated_at',
] as const;

/** Finds a company by its id or its code (what users type in the X-Tenant header). */
export async function findCompany(
  database: OpenDatabase,
  idOrCode: string,
): Promise<CompanyRecord | undefined> {
  const row = await database.db
    .selectFrom('companies')
    .select(columns)
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

export async function listCompanies(database: OpenDatabase): Promise<CompanyRecord[]> {
  const rows = await database.db.selectFrom('companies').select(columns).orderBy('code').execute();
  return rows.map(toRecord);
}

function toRecord(row: Omit<Selectable<CompaniesTable>, 'tenant_id'>): CompanyRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    taxId: row.tax_id,
    baseCurrency: row.base_currency,
    status: row.status,
    attributes: JSON.parse(row.attributes_json) as Record<string, unknown>,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
