import { Type, type Static } from 'typebox';
import type { MappingProfile } from '../../contract.ts';

const Codes = (description: string) =>
  Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: 40 }), { description });

/**
 * The YonBIP part of a mapping profile: the account book and voucher types by code, who makes the
 * voucher (addVoucher needs makerMobile or makerEmail), the book currency, and the tenant's
 * auxiliary-item codes (clientAuxiliaryList[].filedCode) per canonical dimension.
 */
export const YonBipProfileSettings = Type.Object(
  {
    accbookCode: Type.String({ minLength: 1, maxLength: 40, description: '账簿编码 (accbookCode).' }),
    voucherTypeCodes: Codes('凭证类型编码 (voucherTypeCode) per canonical voucher word.'),
    makerMobile: Type.Optional(Type.String({ maxLength: 40, description: '制单人手机号 (makerMobile).' })),
    makerEmail: Type.Optional(Type.String({ maxLength: 100, description: '制单人邮箱 (makerEmail).' })),
    bookCurrency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'The book’s currency; others are not sent.',
    }),
    auxiliaryItems: Codes('辅助核算项编码 (filedCode) per canonical dimension.'),
  },
  { additionalProperties: false },
);
export type YonBipSettings = Static<typeof YonBipProfileSettings>;

/** Defaults for a demo tenant: the voucher-type and auxiliary-item codes are tenant data ([INF]). */
export const DEFAULT_YONBIP_SETTINGS: YonBipSettings = {
  accbookCode: '0001',
  voucherTypeCodes: { 记: '1', 收: '2', 付: '3', 转: '4' },
  makerMobile: '13800000000',
  bookCurrency: 'CNY',
  auxiliaryItems: { department: '0001', project: '0002', employee: '0003', supplier: '0004' },
};

/** The profile's settings over the defaults. */
export const yonbipSettings = (profile: MappingProfile): YonBipSettings => ({
  ...DEFAULT_YONBIP_SETTINGS,
  ...(profile.settings as Partial<YonBipSettings>),
});
