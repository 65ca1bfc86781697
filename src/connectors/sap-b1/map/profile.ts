import { Type, type Static } from 'typebox';
import type { MappingProfile } from '../../contract.ts';

const Codes = (description: string) =>
  Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: 50 }), { description });

/**
 * The B1 part of a mapping profile: the company's local currency, where canonical dimensions go on a
 * journal line (cost-accounting dimensions `CostingCode`…`CostingCode5`, `ProjectCode`, and `ShortName`
 * for a business-partner line), the tax field and codes of A/P service lines, and the G/L accounts
 * payments are made from. Defaults fit a company whose first cost-accounting dimension holds its
 * departments; the tax codes are placeholders for the company's own VAT groups.
 */
export const SapB1ProfileSettings = Type.Object(
  {
    localCurrency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'The company’s local currency; journal entries in another currency are not sent.',
    }),
    dimensionFields: Type.Record(
      Type.String({ maxLength: 40 }),
      Type.Union([
        Type.Literal('CostingCode'),
        Type.Literal('CostingCode2'),
        Type.Literal('CostingCode3'),
        Type.Literal('CostingCode4'),
        Type.Literal('CostingCode5'),
        Type.Literal('ProjectCode'),
        Type.Literal('ShortName'),
      ]),
      {
        description:
          'Journal-line field per canonical dimension (department → CostingCode, project → ProjectCode, supplier → ShortName); dimensions not listed are not sent.',
      },
    ),
    taxField: Type.Union([Type.Literal('VatGroup'), Type.Literal('TaxCode')], {
      description:
        'Line field of the tax code: VatGroup (VAT localisations) or TaxCode (US/Canada sales tax).',
    }),
    taxCodes: Codes('B1 VAT group / tax code per canonical tax rate ("0.06"); the rate itself when absent.'),
    paymentAccounts: Codes(
      'G/L account a payment is made from, per payment method (bank_transfer, cash, bill, other).',
    ),
    bankAccounts: Codes(
      'G/L account per our bank account code (a payment’s bankAccountCode), before paymentAccounts.',
    ),
  },
  { additionalProperties: false },
);
export type SapB1Settings = Static<typeof SapB1ProfileSettings>;

export const DEFAULT_SAP_B1_SETTINGS: SapB1Settings = {
  localCurrency: 'CNY',
  dimensionFields: { department: 'CostingCode', project: 'ProjectCode', supplier: 'ShortName' },
  taxField: 'VatGroup',
  taxCodes: { '0.13': 'IN13', '0.09': 'IN9', '0.06': 'IN6', '0.03': 'IN3', '0.01': 'IN1', '0': 'IN0' },
  paymentAccounts: { bank_transfer: '1002', cash: '1001', bill: '1002', other: '1002' },
  bankAccounts: {},
};

/** The profile's settings, with defaults for anything an older profile version did not set. */
export const sapB1Settings = (profile: MappingProfile): SapB1Settings => ({
  ...DEFAULT_SAP_B1_SETTINGS,
  ...(profile.settings as Partial<SapB1Settings>),
});
