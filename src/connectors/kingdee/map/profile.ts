import { Type, type Static } from 'typebox';
import type { Explanation, MappingProfile, Rendered } from '../../contract.ts';

const Numbers = (description: string) =>
  Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: 80 }), { description });

/**
 * The Kingdee part of a mapping profile: where documents land (account book, organisation, bill
 * types) and the ERP's own numbering of fixed lists (voucher groups, currencies, settlement types).
 * Defaults fit a standard 星空 data centre with the 企业会计准则 chart.
 */
export const KingdeeProfileSettings = Type.Object(
  {
    accountBook: Type.String({ minLength: 1, maxLength: 40, description: '账簿 number (FAccountBookID).' }),
    orgNumber: Type.String({ minLength: 1, maxLength: 40, description: '结算/付款组织 number.' }),
    voucherGroups: Numbers('凭证字 number per canonical voucher word (记/收/付/转).'),
    currencies: Numbers('ERP currency number per ISO 4217 code.'),
    exchangeRateType: Type.String({ minLength: 1, maxLength: 40 }),
    dimensionSlots: Numbers('FDetailID flex slot per auxiliary dimension.'),
    payableBillType: Type.String({ minLength: 1, maxLength: 40, description: 'AP_Payable FBillTypeID.' }),
    paymentBillType: Type.String({ minLength: 1, maxLength: 40, description: 'AP_PAYBILL FBillTypeID.' }),
    paymentPurpose: Type.String({ minLength: 1, maxLength: 40, description: '付款用途 FPURPOSEID.' }),
    settleTypes: Numbers('结算方式 number per payment method (bank_transfer, cash, bill, other).'),
    expenseItems: Numbers('费用项目 (FCOSTID) number per expense category; identity when absent.'),
    bankAccounts: Numbers('Our bank account code → 银行账号 number (CN_BANKACNT).'),
    autoAudit: Type.Boolean({ description: 'Save, submit and audit in one call (IsAutoSubmitAndAudit).' }),
  },
  { additionalProperties: false },
);
export type KingdeeSettings = Static<typeof KingdeeProfileSettings>;

export const DEFAULT_KINGDEE_SETTINGS: KingdeeSettings = {
  accountBook: '001',
  orgNumber: '100',
  voucherGroups: { 记: 'PRE001', 收: 'PRE002', 付: 'PRE003', 转: 'PRE004' },
  currencies: { CNY: 'PRE001', HKD: 'PRE002', USD: 'PRE007' },
  exchangeRateType: 'HLTX01_SYS',
  dimensionSlots: {
    supplier: 'FDETAILID__FFLEX4',
    department: 'FDETAILID__FFLEX5',
    customer: 'FDETAILID__FFLEX6',
    employee: 'FDETAILID__FFLEX7',
    project: 'FDETAILID__FFLEX9',
  },
  payableBillType: 'YFD02_SYS',
  paymentBillType: 'FKDLX01_SYS',
  paymentPurpose: 'SFKYT01_SYS',
  settleTypes: { bank_transfer: 'JSFS04_SYS', cash: 'JSFS01_SYS', bill: 'JSFS06_SYS', other: 'JSFS04_SYS' },
  expenseItems: {},
  bankAccounts: {},
  autoAudit: true,
};

/** The profile's settings, with defaults for anything an older profile version did not set. */
export const kingdeeSettings = (profile: MappingProfile): KingdeeSettings => ({
  ...DEFAULT_KINGDEE_SETTINGS,
  ...(profile.settings as Partial<KingdeeSettings>),
});

/** A `Save` of one model of a form, in the profile's submit-and-audit mode. */
export const saveRequest = (
  erpObject: string,
  settings: KingdeeSettings,
  model: Record<string, unknown>,
  explain: readonly Explanation[],
  returnFields: readonly string[] = ['FBillNo'],
): Rendered => ({
  erpObject,
  operation: 'Save',
  payload: { NeedReturnFields: returnFields, IsAutoSubmitAndAudit: settings.autoAudit, Model: model },
  explain,
});
