import type { SupplierBillValue } from '../../../model/payables.ts';
import { entryOf, mapValue, type Explanation, type MappingProfile, type Rendered } from '../../contract.ts';
import { sapB1Settings } from './profile.ts';
import { amountOf, fitted } from './wire.ts';

/** Where our reference rides on an A/P invoice: OPCH.NumAtCard, nvarchar(100), queryable (§2.5). */
export const BILL_REFERENCE_FIELD = 'NumAtCard';
const DESCRIPTION_MAX = 100;
const COMMENTS_MAX = 254;

/**
 * Pure canonical SupplierBill → `POST /PurchaseInvoices` body (§2.4): a service-type document
 * (`dDocument_Service`) for the supplier's `CardCode`, one `DocumentLines` row per bill line with the
 * expense category's G/L `AccountCode`, the net `LineTotal` (B1 adds the tax of the line's VAT group
 * itself) and the department's cost centre. Our reference goes in `NumAtCard`; the supplier's own bill
 * number, which would normally sit there, goes into `Comments` with the memo.
 */
export function renderPurchaseInvoice(
  bill: SupplierBillValue,
  reference: string,
  profile: MappingProfile,
): Rendered {
  const settings = sapB1Settings(profile);
  const supplier = mapValue(profile.valueMaps, 'suppliers', bill.supplierCode);
  const explain: Explanation[] = [
    {
      source: '/supplierCode',
      field: 'CardCode',
      from: bill.supplierCode,
      to: supplier.to,
      rule: supplier.rule,
      object: 'suppliers',
    },
  ];
  const departmentField = entryOf(settings.dimensionFields, 'department');
  const projectField = entryOf(settings.dimensionFields, 'project');
  const onDocumentLine = (field: string | undefined): field is string =>
    field !== undefined && field !== 'ShortName';
  const lines = bill.lines.map((line, i) => {
    const account = mapValue(profile.valueMaps, 'expenseCategories', line.categoryCode);
    explain.push({
      source: `/lines/${i}/categoryCode`,
      field: `DocumentLines[${i}].AccountCode`,
      from: line.categoryCode,
      to: account.to,
      rule: account.rule,
      object: 'accounts',
    });
    const taxCode = entryOf(settings.taxCodes, line.taxRate);
    explain.push({
      source: `/lines/${i}/taxRate`,
      field: `DocumentLines[${i}].${settings.taxField}`,
      from: line.taxRate,
      to: taxCode ?? line.taxRate,
      rule: taxCode === undefined ? 'identity' : `settings.taxCodes[${JSON.stringify(line.taxRate)}]`,
    });
    const dimensions: [string, string][] = [];
    if (line.departmentCode !== undefined && onDocumentLine(departmentField)) {
      const department = mapValue(profile.valueMaps, 'departments', line.departmentCode);
      explain.push({
        source: `/lines/${i}/departmentCode`,
        field: `DocumentLines[${i}].${departmentField}`,
        from: line.departmentCode,
        to: department.to,
        rule: department.rule,
        object: 'departments',
      });
      dimensions.push([departmentField, department.to]);
    }
    if (line.projectCode !== undefined && onDocumentLine(projectField)) {
      const project = mapValue(profile.valueMaps, 'projects', line.projectCode);
      explain.push({
        source: `/lines/${i}/projectCode`,
        field: `DocumentLines[${i}].${projectField}`,
        from: line.projectCode,
        to: project.to,
        rule: project.rule,
      });
      dimensions.push([projectField, project.to]);
    }
    return {
      ItemDescription: fitted(line.description, DESCRIPTION_MAX).text,
      AccountCode: account.to,
      LineTotal: amountOf(line.netMinor, bill.currency),
      [settings.taxField]: taxCode ?? line.taxRate,
      ...Object.fromEntries(dimensions),
    };
  });
  explain.push({
    source: '/externalReference',
    field: BILL_REFERENCE_FIELD,
    from: reference,
    to: reference,
    rule: 'identity',
  });
  const comments = [bill.memo, bill.number === undefined ? undefined : `Supplier invoice ${bill.number}`]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' / ');
  if (bill.number !== undefined)
    explain.push({
      source: '/number',
      field: 'Comments',
      from: bill.number,
      to: `Supplier invoice ${bill.number}`,
      rule: `identity, in Comments: ${BILL_REFERENCE_FIELD} holds our reference`,
    });
  return {
    erpObject: 'PurchaseInvoices',
    operation: 'POST',
    payload: {
      CardCode: supplier.to,
      DocType: 'dDocument_Service',
      DocDate: bill.date,
      DocDueDate: bill.dueDate ?? bill.date,
      TaxDate: bill.date,
      [BILL_REFERENCE_FIELD]: reference,
      ...(bill.currency === settings.localCurrency ? {} : { DocCurrency: bill.currency }),
      ...(comments === '' ? {} : { Comments: fitted(comments, COMMENTS_MAX).text }),
      DocumentLines: lines,
    },
    explain,
  };
}
