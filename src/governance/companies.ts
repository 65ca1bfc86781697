import { appendAudit, type Writer } from '../platform/audit/audit-log.ts';
import {
  createCompany,
  findCompany,
  listCompanies,
  type CompanyRecord,
} from '../platform/store/companies.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import { constraintViolation } from '../platform/store/errors.ts';
import { DomainError, refusal } from '../model/result.ts';
import { tenantDb } from '../platform/store/tenant-scope.ts';
import { ENTITIES } from '../model/schemas.ts';
import { check } from '../model/validate.ts';
import { describeUsccProblem, validateUscc } from '../standards/cn/uscc.ts';

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
  const uscc = validateUscc(fields.taxId);
  if (!uscc.valid && uscc.problem !== undefined) {
    throw refusal([
      {
        code: 'invalid_uscc',
        pointer: '/taxId',
        params: {
          reason: describeUsccProblem(uscc.problem, 'zh-CN'),
          reasonEn: describeUsccProblem(uscc.problem, 'en-US'),
        },
      },
    ]);
  }
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
    return created;
  } catch (error) {
    if (constraintViolation(error) === 'unique') throw new DomainError('duplicate_code', { code });
    throw error;
  }
}

export async function allCompanies(database: OpenDatabase): Promise<CompanyDocument[]> {
  return (await listCompanies(database)).map(toCompanyDocument);
}

export async function companyById(database: OpenDatabase, id: string): Promise<CompanyDocument> {
  const company = await findCompany(database, id);
  if (company === undefined) throw new DomainError('not_found', { resource: 'Company', id });
  return toCompanyDocument(company);
}
