import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { SupplierBillValue } from '../../../model/payables.ts';
import { entryOf, mapValue, type Explanation, type MappingProfile, type Rendered } from '../../contract.ts';
import { oracleSettings } from './profile.ts';
import { billLineCombination } from './segments.ts';

/**
 * A decimal written into the JSON as a bare number literal, digit for digit (`5300.00`): Oracle takes
 * amounts as JSON numbers (§3.3), and the text never passes through a float.
 */
const jsonDecimal = (text: string): unknown =>
  (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);

/**
 * Pure canonical SupplierBill → `POST /invoices` body (§3.3). Our reference is the InvoiceNumber: Payables
 * refuses a second invoice with the same number for the supplier, and `q=InvoiceNumber='…'` finds it.
 * Each bill line becomes an Item line (net amount, the category's account combination, one
 * distribution) and, when taxed, a Tax line with the rate's TaxRateCode ([inferred]: the tax line's
 * attributes follow Oracle's invoice-line attribute names; tax setup decides on a real tenant).
 *
 * The supplier is named by its SupplierNumber here; `POST /invoices` takes the supplier's *name*
 * (`Supplier`, names not ids — §3.8), so push reads the name from `/suppliers` and sends that instead.
 */
export function renderInvoice(bill: SupplierBillValue, reference: string, profile: MappingProfile): Rendered {
  const settings = oracleSettings(profile);
  const money = (minor: bigint) => jsonDecimal(formatMinor(minor, exponentOf(bill.currency)));
  const supplier = mapValue(profile.valueMaps, 'suppliers', bill.supplierCode);
  const site = entryOf(settings.supplierSites, supplier.to);
  const explain: Explanation[] = [
    {
      source: '/supplierCode',
      field: 'SupplierNumber (sent as Supplier, the name Oracle has for it)',
      from: bill.supplierCode,
      to: supplier.to,
      rule: supplier.rule,
      object: 'suppliers',
    },
    {
      source: '/supplierCode',
      field: 'SupplierSite',
      from: supplier.to,
      to: site ?? settings.supplierSite,
      rule:
        site === undefined
          ? 'settings.supplierSite'
          : `settings.supplierSites[${JSON.stringify(supplier.to)}]`,
    },
    {
      source: '/externalReference',
      field: 'InvoiceNumber',
      from: reference,
      to: reference,
      rule: 'identity',
    },
  ];
  const lines: Record<string, unknown>[] = [];
  bill.lines.forEach((line, i) => {
    const combination = billLineCombination(
      {
        source: `/lines/${i}`,
        categoryCode: line.categoryCode,
        dimensions: {
          ...(line.departmentCode === undefined ? {} : { department: line.departmentCode }),
          ...(line.projectCode === undefined ? {} : { project: line.projectCode }),
        },
      },
      profile.valueMaps,
      settings.segments,
      settings.segmentSeparator,
      `invoiceLines[${lines.length}].DistributionCombination`,
      explain,
    );
    lines.push({
      LineNumber: lines.length + 1,
      LineType: 'Item',
      LineAmount: money(line.netMinor),
      Description: line.description.slice(0, 240),
      DistributionCombination: combination,
      invoiceDistributions: [
        {
          DistributionLineNumber: 1,
          DistributionAmount: money(line.netMinor),
          DistributionCombination: combination,
        },
      ],
    });
    if (line.taxMinor === 0n) return;
    const code = entryOf(settings.taxRateCodes, line.taxRate);
    explain.push({
      source: `/lines/${i}/taxRate`,
      field: `invoiceLines[${lines.length}].TaxRateCode`,
      from: line.taxRate,
      to: code ?? line.taxRate,
      rule: code === undefined ? 'identity' : `settings.taxRateCodes[${JSON.stringify(line.taxRate)}]`,
    });
    lines.push({
      LineNumber: lines.length + 1,
      LineType: 'Tax',
      LineAmount: money(line.taxMinor),
      Description: `${line.description.slice(0, 200)} (VAT ${line.taxRate})`,
      TaxRateCode: code ?? line.taxRate,
    });
  });
  const description = [bill.number === undefined ? '' : `Supplier invoice ${bill.number}`, bill.memo ?? '']
    .filter((part) => part !== '')
    .join('; ');
  return {
    erpObject: 'invoices',
    operation: 'POST',
    payload: {
      InvoiceNumber: reference,
      InvoiceCurrency: bill.currency,
      PaymentCurrency: bill.currency,
      InvoiceAmount: money(bill.totalMinor),
      InvoiceDate: bill.date,
      BusinessUnit: settings.businessUnit,
      SupplierNumber: supplier.to,
      SupplierSite: site ?? settings.supplierSite,
      InvoiceType: settings.invoiceType,
      ...(settings.invoiceSource === '' ? {} : { InvoiceSource: settings.invoiceSource }),
      ...(settings.paymentTerms === '' ? {} : { PaymentTerms: settings.paymentTerms }),
      ...(description === '' ? {} : { Description: description.slice(0, 240) }),
      invoiceLines: lines,
    },
    explain,
  };
}

/** The body push sends: the supplier by the name Oracle has for the SupplierNumber. */
export function withSupplierName(
  payload: Readonly<Record<string, unknown>>,
  name: string,
): Record<string, unknown> {
  const { SupplierNumber: _number, ...rest } = payload;
  return { ...rest, Supplier: name };
}
