import { Type, type Static } from 'typebox';
import type { MappingProfile } from '../../contract.ts';

const Codes = (description: string, value: { maxLength: number }) =>
  Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: value.maxLength }), {
    description,
  });

/**
 * The S/4HANA part of a mapping profile: which company code and document types a posting uses, who
 * it is entered by, the tax codes of input-tax rates and where a voucher line's dimensions go.
 * Defaults fit an S/4HANA Cloud tenant with the standard company code 1010 (§1.3 examples).
 */
export const S4ProfileSettings = Type.Object(
  {
    companyCode: Type.String({
      pattern: '^[A-Z0-9]{1,4}$',
      description: 'CompanyCode (BUKRS) the documents are posted in.',
    }),
    journalEntryType: Type.String({
      pattern: '^[A-Z0-9]{2}$',
      description: 'AccountingDocumentType of a journal entry (SA = G/L account document).',
    }),
    supplierInvoiceType: Type.String({
      pattern: '^[A-Z0-9]{2}$',
      description: 'AccountingDocumentType of a supplier invoice (RE = gross invoice receipt).',
    }),
    createdByUser: Type.String({
      minLength: 1,
      maxLength: 12,
      description: 'CreatedByUser of a journal entry: free text, required in practice (§1.3).',
    }),
    taxCodes: Codes('S/4 TaxCode (MWSKZ) per input-VAT rate ("0.06" → "J3") for supplier invoice items.', {
      maxLength: 2,
    }),
    dimensions: Codes(
      'AccountAssignment field per canonical dimension (department → CostCenter, project → WBSElement).',
      { maxLength: 30 },
    ),
  },
  { additionalProperties: false },
);
export type S4Settings = Static<typeof S4ProfileSettings>;

export const DEFAULT_S4_SETTINGS: S4Settings = {
  companyCode: '1010',
  journalEntryType: 'SA',
  supplierInvoiceType: 'RE',
  createdByUser: 'FINBRIDGE',
  // China input-tax codes are customer configuration; these are placeholders to map [inferred]
  taxCodes: { '0.13': 'J1', '0.09': 'J2', '0.06': 'J3', '0.03': 'J4', '0': 'J0' },
  dimensions: { department: 'CostCenter', project: 'WBSElement' },
};

/** The profile's settings, with defaults for anything an older profile version did not set. */
export const s4Settings = (profile: MappingProfile): S4Settings => ({
  ...DEFAULT_S4_SETTINGS,
  ...(profile.settings as Partial<S4Settings>),
});
