import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { SupplierBillValue } from '../../../model/payables.ts';
import { entryOf, mapValue, type Explanation, type MappingProfile, type Rendered } from '../../contract.ts';
import { odataDate } from '../odata.ts';
import { s4Settings } from './profile.ts';
import { referenceKey } from './reference.ts';

/** `A_SupplierInvoice` field lengths (§1.5): header text 25, item text 50, assignment 18. */
const HEADER_TEXT = 25;
const ITEM_TEXT = 50;
const ASSIGNMENT = 18;

const clip = (text: string, length: number): string => [...text].slice(0, length).join('');

const DAY_MS = 86_400_000;

/**
 * Canonical SupplierBill → the deep insert `POST A_SupplierInvoice` (§1.5): header, one G/L item per
 * bill line under `to_SupplierInvoiceItemGLAcct` (net amount, tax code, cost centre) and one tax line
 * per tax code under `to_SupplierInvoiceTax`, with `TaxIsCalculatedAutomatically` false so the gross
 * amount must equal items + tax exactly as we computed it. Our reference goes into
 * `SupplierInvoiceIDByInvcgParty` (XBLNR, the field S/4's duplicate-invoice check and our lookup use,
 * §1.8); the supplier's own invoice number, when the bill has one, into `AssignmentReference`.
 */
export function renderSupplierInvoice(
  bill: SupplierBillValue,
  reference: string,
  profile: MappingProfile,
): Rendered {
  const settings = s4Settings(profile);
  const money = (minor: bigint) => formatMinor(minor, exponentOf(bill.currency));
  const key = referenceKey(reference);
  const supplier = mapValue(profile.valueMaps, 'suppliers', bill.supplierCode);
  const explain: Explanation[] = [
    {
      source: '/externalReference',
      field: 'SupplierInvoiceIDByInvcgParty',
      from: reference,
      to: key,
      rule: key === reference ? 'identity' : 'digest: the reference is longer than 16 characters',
    },
    {
      source: '/supplierCode',
      field: 'InvoicingParty',
      from: bill.supplierCode,
      to: supplier.to,
      rule: supplier.rule,
      object: 'suppliers',
    },
  ];
  const taxes = new Map<string, { tax: bigint; base: bigint }>();
  const items = bill.lines.map((line, i) => {
    const account = mapValue(profile.valueMaps, 'expenseCategories', line.categoryCode);
    explain.push({
      source: `/lines/${i}/categoryCode`,
      field: `to_SupplierInvoiceItemGLAcct[${i}].GLAccount`,
      from: line.categoryCode,
      to: account.to,
      rule: account.rule,
      object: 'accounts',
    });
    const mappedTax = entryOf(settings.taxCodes, line.taxRate);
    const taxCode = mappedTax ?? line.taxRate;
    explain.push({
      source: `/lines/${i}/taxRate`,
      field: `to_SupplierInvoiceItemGLAcct[${i}].TaxCode`,
      from: line.taxRate,
      to: taxCode,
      rule: mappedTax === undefined ? 'identity' : `settings.taxCodes[${JSON.stringify(line.taxRate)}]`,
    });
    const sum = taxes.get(taxCode) ?? { tax: 0n, base: 0n };
    taxes.set(taxCode, { tax: sum.tax + line.taxMinor, base: sum.base + line.netMinor });
    const costCenter =
      line.departmentCode === undefined
        ? undefined
        : mapValue(profile.valueMaps, 'departments', line.departmentCode);
    if (costCenter !== undefined && line.departmentCode !== undefined)
      explain.push({
        source: `/lines/${i}/departmentCode`,
        field: `to_SupplierInvoiceItemGLAcct[${i}].CostCenter`,
        from: line.departmentCode,
        to: costCenter.to,
        rule: costCenter.rule,
        object: 'departments',
      });
    return {
      SupplierInvoiceItem: String(i + 1),
      CompanyCode: settings.companyCode,
      GLAccount: account.to,
      ...(costCenter === undefined ? {} : { CostCenter: costCenter.to }),
      DocumentCurrency: bill.currency,
      SupplierInvoiceItemAmount: money(line.netMinor),
      TaxCode: taxCode,
      DebitCreditCode: 'S',
      SupplierInvoiceItemText: clip(line.description, ITEM_TEXT),
    };
  });
  const dueDays =
    bill.dueDate === undefined ? undefined : (Date.parse(bill.dueDate) - Date.parse(bill.date)) / DAY_MS;
  return {
    erpObject: 'A_SupplierInvoice',
    operation: 'POST API_SUPPLIERINVOICE_PROCESS_SRV/A_SupplierInvoice',
    payload: {
      CompanyCode: settings.companyCode,
      DocumentDate: odataDate(bill.date),
      PostingDate: odataDate(bill.date),
      SupplierInvoiceIDByInvcgParty: key,
      InvoicingParty: supplier.to,
      DocumentCurrency: bill.currency,
      InvoiceGrossAmount: money(bill.totalMinor),
      TaxIsCalculatedAutomatically: false,
      AccountingDocumentType: settings.supplierInvoiceType,
      ...(bill.memo === undefined ? {} : { DocumentHeaderText: clip(bill.memo, HEADER_TEXT) }),
      ...(bill.number === undefined ? {} : { AssignmentReference: clip(bill.number, ASSIGNMENT) }),
      ...(dueDays === undefined
        ? {}
        : { DueCalculationBaseDate: odataDate(bill.date), NetPaymentDays: String(dueDays) }),
      to_SupplierInvoiceItemGLAcct: { results: items },
      to_SupplierInvoiceTax: {
        results: [...taxes].map(([taxCode, sum]) => ({
          TaxCode: taxCode,
          DocumentCurrency: bill.currency,
          TaxAmount: money(sum.tax),
          TaxBaseAmountInTransCrcy: money(sum.base),
        })),
      },
    },
    explain,
  };
}
