import { Type, type Static } from 'typebox';
import type { MappingProfile } from '../../contract.ts';

const Names = (description: string, max = 240) =>
  Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: max }), { description });

/** One segment of the chart of accounts, in order: a fixed value, the natural account, or a dimension. */
export const SegmentSpec = Type.Union([
  Type.Object(
    { fixed: Type.String({ minLength: 1, maxLength: 25, description: 'The same value on every line.' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { account: Type.Literal(true, { description: 'The natural account (the line’s mapped account).' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      dimension: Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'A canonical dimension (department, project, …), mapped through its value map.',
      }),
      default: Type.String({
        minLength: 1,
        maxLength: 25,
        description: 'The value when the line carries no such dimension.',
      }),
    },
    { additionalProperties: false },
  ),
]);
export type SegmentSpec = Static<typeof SegmentSpec>;

/**
 * The Oracle part of a mapping profile: where documents land (ledger, business unit, journal source
 * and categories), how a line becomes an account combination (segment order and separator), and the
 * tenant's names for fixed lists (supplier sites, tax rate codes). Defaults fit the simulator's demo
 * ledger; a real tenant sets its own ledger id, source, categories and chart of accounts.
 */
export const OracleProfileSettings = Type.Object(
  {
    ledgerId: Type.String({ pattern: '^[0-9]{1,18}$', description: 'LEDGER_ID of the primary ledger.' }),
    ledgerCurrency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'The ledger currency; journals in another currency carry conversionRateType.',
    }),
    dataAccessSetId: Type.String({
      pattern: '^([0-9]{1,18}|#NULL)$',
      description: 'Data access set id for Import Journals (first parameter), or #NULL.',
    }),
    journalSource: Type.String({
      minLength: 1,
      maxLength: 25,
      pattern: '^[^,]+$',
      description:
        'USER_JE_SOURCE_NAME: a journal source of FinBridge’s own (Import Journals with ALL groups then touches only its rows).',
    }),
    journalCategories: Names('USER_JE_CATEGORY_NAME per canonical voucher word (记/收/付/转).', 25),
    conversionRateType: Type.String({
      minLength: 1,
      maxLength: 30,
      description:
        'USER_CURRENCY_CONVERSION_TYPE for a journal not in the ledger currency (Corporate, Spot, …).',
    }),
    segments: Type.Array(SegmentSpec, {
      minItems: 1,
      maxItems: 30,
      description: 'The chart of accounts’ segments in order: SEGMENT1…SEGMENTn of GL_INTERFACE.',
    }),
    segmentSeparator: Type.String({
      minLength: 1,
      maxLength: 1,
      description: 'The separator of a concatenated DistributionCombination on invoice lines.',
    }),
    periodNames: Names('Oracle period name per YYYY-MM period; absent: Mon-YY (Nov-26).', 15),
    postErrorsToSuspense: Type.Boolean({ description: 'Import Journals parameter 5 (Y/N).' }),
    businessUnit: Type.String({
      minLength: 1,
      maxLength: 240,
      description: 'BusinessUnit (name) of invoices.',
    }),
    invoiceType: Type.String({ minLength: 1, maxLength: 80, description: 'InvoiceType, e.g. Standard.' }),
    invoiceSource: Type.String({
      maxLength: 80,
      description: 'InvoiceSource of created invoices; empty: Oracle’s default.',
    }),
    paymentTerms: Type.String({
      maxLength: 50,
      description: 'PaymentTerms (name); empty: the supplier site’s.',
    }),
    supplierSite: Type.String({
      minLength: 1,
      maxLength: 240,
      description: 'SupplierSite (site name) when supplierSites names none for the supplier.',
    }),
    supplierSites: Names('SupplierSite per Oracle SupplierNumber.'),
    taxRateCodes: Names('Oracle TaxRateCode per VAT rate ("0.06"), put on the tax line of a bill line.', 150),
  },
  { additionalProperties: false },
);
export type OracleSettings = Static<typeof OracleProfileSettings>;

export const DEFAULT_ORACLE_SETTINGS: OracleSettings = {
  ledgerId: '300000046975971',
  ledgerCurrency: 'CNY',
  dataAccessSetId: '#NULL',
  journalSource: 'FinBridge',
  journalCategories: { 记: 'Other', 收: 'Receipts', 付: 'Payments', 转: 'Adjustment' },
  conversionRateType: 'Corporate',
  segments: [{ fixed: '101' }, { dimension: 'department', default: '000' }, { account: true }],
  segmentSeparator: '-',
  periodNames: {},
  postErrorsToSuspense: false,
  businessUnit: 'FinBridge China BU',
  invoiceType: 'Standard',
  invoiceSource: '',
  paymentTerms: '',
  supplierSite: 'MAIN',
  supplierSites: {},
  taxRateCodes: { '0': 'VAT0', '0.03': 'VAT3', '0.06': 'VAT6', '0.09': 'VAT9', '0.13': 'VAT13' },
};

/** The profile's settings, with defaults for anything an older profile version did not set. */
export const oracleSettings = (profile: MappingProfile): OracleSettings => ({
  ...DEFAULT_ORACLE_SETTINGS,
  ...(profile.settings as Partial<OracleSettings>),
});
