import type { TenantDb } from '../../../platform/store/tenant-scope.ts';
import { yuanOf } from '../../../model/money.ts';
import { voucherOrThrow } from '../../../model/voucher.ts';
import {
  buildExpenseVoucher,
  type DepartmentKind,
  type PostingInput,
  type WireVoucher,
} from '../../posting-rules/expense-voucher.ts';
import { getRuleSet } from '../../rules/rule-sets.ts';
import { getLines, getRow, stateError, type DocumentRow, type LineRow } from '../expense-documents.ts';
import { supplierOf } from './status.ts';

/**
 * The voucher a claim or advance posts: previewed before approval, built at approval.
 */
/**
 * What the posting rules read of a claim or advance: its lines (in line order, beside the stored rows
 * they come from), categories, departments and accounts.
 */
export async function postingInputFor(
  tx: TenantDb,
  companyCode: string,
  row: DocumentRow,
  date: string,
): Promise<{ input: PostingInput; lines: LineRow[] }> {
  const lines = await getLines(tx, row.id);
  const categories = await tx
    .selectFrom('expense_categories')
    .select(['code', 'name', 'management_account_code', 'sales_account_code'])
    .where('code', 'in', [...new Set(lines.map((l) => l.category_code)), ''])
    .execute();
  const departments = await tx
    .selectFrom('departments')
    .select(['code', 'kind'])
    .where('code', 'in', [...new Set(lines.map((l) => l.department_code)), row.department_code])
    .execute();
  const accounts = await tx.selectFrom('accounts').select(['code', 'attributes_json']).execute();
  const offsets = await tx
    .selectFrom('advance_offsets')
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'advance_offsets.advance_id')
        .onRef('expense_documents.tenant_id', '=', 'advance_offsets.tenant_id'),
    )
    .select(['expense_documents.number', 'advance_offsets.amount_minor'])
    .where('advance_offsets.claim_id', '=', row.id)
    .execute();
  const categoryOf = new Map(categories.map((c) => [c.code, c]));
  const kindOf = new Map(departments.map((d) => [d.code, (d.kind ?? 'management') as DepartmentKind]));
  const input: PostingInput = {
    companyCode,
    date,
    kind: row.kind === 'advance' ? 'advance' : 'claim',
    number: row.number,
    title: row.title,
    employeeCode: row.employee_code,
    departmentCode: row.department_code,
    currency: row.currency,
    totalMinor: row.total_minor,
    lines: lines.map((l) => {
      const category = categoryOf.get(l.category_code);
      return {
        description: l.description,
        amountMinor: l.amount_minor,
        deductibleTaxMinor: l.deductible_tax_minor,
        departmentCode: l.department_code,
        departmentKind: kindOf.get(l.department_code) ?? 'management',
        projectCode: l.project_code,
        category: {
          code: l.category_code,
          name: category?.name ?? l.category_code,
          managementAccountCode: category?.management_account_code ?? null,
          salesAccountCode: category?.sales_account_code ?? null,
        },
      };
    }),
    offsets: offsets.map((o) => ({ advanceNumber: o.number, amountMinor: o.amount_minor })),
    ...supplierOf(row),
    accountDimensions: new Map(
      accounts.map((a) => [
        a.code,
        (JSON.parse(a.attributes_json) as { auxDimensions?: string[] }).auxDimensions ?? [],
      ]),
    ),
  };
  return { input, lines };
}

/** The voucher a claim or advance posts (preview before approval, or at approval). */
export async function voucherFor(
  tx: TenantDb,
  companyCode: string,
  row: DocumentRow,
  date: string,
): Promise<{ voucher: WireVoucher; postingVersion: number }> {
  const { input } = await postingInputFor(tx, companyCode, row, date);
  const policy = await getRuleSet(tx, 'posting');
  return { voucher: buildExpenseVoucher(input, policy.body), postingVersion: policy.version };
}

export async function previewVoucher(db: TenantDb, companyCode: string, id: string, date: string) {
  const row = await getRow(db, id);
  if (row.kind === 'request') throw stateError(row, 'post');
  const { voucher, postingVersion } = await voucherFor(db, companyCode, row, date);
  const parsed = voucherOrThrow(voucher);
  return { voucher, balanced: true, total: yuanOf(parsed.totalMinor), postingPolicyVersion: postingVersion };
}
