import { Type, type Static } from 'typebox';
import type { MappingProfile } from '../../contract.ts';

const Names = (description: string) =>
  Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: 40 }), { description });

/**
 * The U8 part of a mapping profile: the account set's own names for fixed lists (凭证类别字, 币种) and
 * who enters the voucher. Defaults fit a standard U8+ account set with the 记 voucher type.
 */
export const YonyouProfileSettings = Type.Object(
  {
    voucherTypes: Names('U8 凭证类别字 (voucher_type) per canonical voucher word.'),
    enter: Type.String({
      minLength: 1,
      maxLength: 40,
      description: '制单人 (enter): the name of a U8 operator of the account set.',
    }),
    bookCurrency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'The account set’s 本位币; vouchers in another currency are not sent.',
    }),
    currencyNames: Names('U8 币种名称 (currency) per ISO 4217 code.'),
    auxiliaryFields: Names('The entry’s auxiliary field per canonical dimension (dept_id, personnel_id, …).'),
  },
  { additionalProperties: false },
);
export type YonyouSettings = Static<typeof YonyouProfileSettings>;

export const DEFAULT_YONYOU_SETTINGS: YonyouSettings = {
  voucherTypes: { 记: '记', 收: '收', 付: '付', 转: '转' },
  enter: 'demo',
  bookCurrency: 'CNY',
  currencyNames: { CNY: '人民币' },
  auxiliaryFields: {
    department: 'dept_id',
    employee: 'personnel_id',
    supplier: 'supplier_id',
    customer: 'cust_id',
  },
};

/** The profile's settings, with defaults for anything an older profile version did not set. */
export const yonyouSettings = (profile: MappingProfile): YonyouSettings => ({
  ...DEFAULT_YONYOU_SETTINGS,
  ...(profile.settings as Partial<YonyouSettings>),
});
