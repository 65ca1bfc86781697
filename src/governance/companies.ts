import { appendAudit, type Writer } from '../platform/audit/audit-log.ts';
import {
  createCompany,
  findCompany,
  listCompanies,
  type CompanyRecord,
} from '../platform/store/companies.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import { constraintViolation } from '../platform/store/errors.ts';
import { DomainError, refusal, type Failure } from '../model/result.ts';
import { tenantDb } from '../platform/store/tenant-scope.ts';
import { ENTITIES } from '../model/schemas.ts';
import { check } from '../model/validate.ts';
import { describeUsccProblem, validateUscc } from '../standards/cn/uscc.ts';
import { seedDefaultRules } from './quality/service.ts';

/** Companies (tenants): registering one checks the canonical schema and the USCC. */
export type CompanyDocument = Record<string, unknown>;

export function toCompanyDocument(company: CompanyRecord): CompanyDocument {
  return {
    id: company.id,
    version: company.version,
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
    code: company.code,
    name: company.name,
    taxId: company.taxId,
    baseCurrency: company.baseCurrency,
    ...company.attributes,
  };
}

export async function registerCompany(
  database: OpenDatabase,
  writer: Writer,
  input: unknown,
): Promise<CompanyDocument> {
  const failures = check(ENTITIES.Company.input, input);
  if (failures.length > 0) throw refusal(failures);
  const fields = input as { code: string; name: string; taxId: string; baseCurrency: string } & Record<
    string,
    unknown
  >;
  const usccFailures = checkUscc(fields.taxId);
  if (usccFailures.length > 0) throw refusal(usccFailures);
  const { code, name, taxId, baseCurrency, ...attributes } = fields;
  if ((await findCompany(database, code)) !== undefined) throw new DomainError('duplicate_code', { code });
  try {
    const created = toCompanyDocument(
      await createCompany(database, writer.audit.clock, { code, name, taxId, baseCurrency, attributes }),
    );
    await appendAudit(tenantDb(database.db, String(created['id'])), writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'Company',
        entityId: String(created['id']),
        after: created,
        requestId: writer.requestId,
      },
    ]);
    // the default data-quality rules (docs/governance.md, "Data quality")
    await seedDefaultRules(
      tenantDb(database.db, String(created['id'])),
      writer.actor,
      writer.audit.clock.now().toISOString(),
    );
    return created;
  } catch (error) {
    if (constraintViolation(error) === 'unique') throw new DomainError('duplicate_code', { code });
    throw error;
  }
}

function checkUscc(taxId: string): Failure[] {
  const uscc = validateUscc(taxId);
  if (uscc.valid || uscc.problem === undefined) return [];
  return [
    {
      code: 'invalid_uscc',
      pointer: '/taxId',
      params: {
        reason: describeUsccProblem(uscc.problem, 'zh-CN'),
        reasonEn: describeUsccProblem(uscc.problem, 'en-US'),
      },
    },
  ];
}

/** What an operator may change after registration: the code and the base currency stay as registered. */
export const EDITABLE_COMPANY_FIELDS = [
  'name',
  'taxId',
  'fiscalCalendar',
  'accountingStandard',
  'address',
] as const;
const FIXED_FIELDS = new Set(['code', 'baseCurrency']);

/**
 * Changes a company's registration (JSON merge patch: `null` removes an optional field), checked like a
 * new one (schema, USCC), with optimistic locking on `expectedVersion`. The change and its audit entry
 * in the company's own chain commit together.
 */
export async function editCompany(
  database: OpenDatabase,
  writer: Writer,
  id: string,
  patch: Readonly<Record<string, unknown>>,
  expectedVersion?: number,
): Promise<{ readonly company: CompanyDocument; readonly changed: boolean }> {
  const company = await findCompany(database, id);
  if (company?.id !== id) throw new DomainError('not_found', { resource: 'Company', id });
  if (expectedVersion !== undefined && expectedVersion !== company.version)
    throw new DomainError('version_conflict', { current: company.version });
  const fixed = Object.keys(patch).filter((k) => FIXED_FIELDS.has(k));
  if (fixed.length > 0)
    throw refusal(fixed.map((field) => ({ code: 'unknown_field', pointer: `/${field}`, params: { field } })));
  const before = toCompanyDocument(company);
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...current } = before;
  const merged = Object.fromEntries(
    Object.entries({ ...current, ...patch }).filter(([, value]) => value !== null),
  );
  const failures = check(ENTITIES.Company.input, merged);
  if (failures.length > 0) throw refusal(failures);
  const usccFailures = checkUscc(String(merged['taxId']));
  if (usccFailures.length > 0) throw refusal(usccFailures);
  const { code: _code, name, taxId, baseCurrency: _currency, ...attributes } = merged;
  if (JSON.stringify(merged) === JSON.stringify(current)) return { company: before, changed: false };
  const db = tenantDb(database.db, company.id);
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const result = await tx
      .updateTable('companies')
      .set({
        name: String(name),
        tax_id: String(taxId),
        attributes_json: JSON.stringify(attributes),
        version: company.version + 1,
        updated_at: now,
      })
      .where('id', '=', company.id)
      .where('version', '=', company.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new DomainError('version_conflict', { current: company.version + 1 });
    const after: CompanyDocument = {
      id: company.id,
      version: company.version + 1,
      createdAt: company.createdAt,
      updatedAt: now,
      ...merged,
    };
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'update',
        entityType: 'Company',
        entityId: company.id,
        before,
        after,
        requestId: writer.requestId,
      },
    ]);
    return { company: after, changed: true };
  });
}

export async function allCompanies(database: OpenDatabase): Promise<CompanyDocument[]> {
  return (await listCompanies(database)).map(toCompanyDocument);
}

export async function companyById(database: OpenDatabase, id: string): Promise<CompanyDocument> {
  const company = await findCompany(database, id);
  if (company === undefined) throw new DomainError('not_found', { resource: 'Company', id });
  return toCompanyDocument(company);
}
