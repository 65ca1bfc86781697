import type { Labelled } from './labelled.ts';

/**
 * Standard expense categories (费用类别). A company's own ExpenseCategory rows map onto one of these, so
 * VAT rules, audit rules and analytics work the same in every company whatever the local names are.
 * `inputVat` says how input VAT is treated (cn-finance-standards §7.1).
 */
export const STANDARD_EXPENSE_CATEGORIES = [
  { code: 'travel', zh: '差旅费', en: 'Travel', inputVat: 'passenger-transport' },
  { code: 'transport', zh: '交通费', en: 'Local transport', inputVat: 'passenger-transport' },
  { code: 'accommodation', zh: '住宿费', en: 'Accommodation', inputVat: 'special-invoice' },
  { code: 'meals', zh: '餐费', en: 'Meals', inputVat: 'never' },
  { code: 'entertainment', zh: '业务招待费', en: 'Business entertainment', inputVat: 'never' },
  { code: 'office', zh: '办公费', en: 'Office supplies', inputVat: 'special-invoice' },
  { code: 'communication', zh: '通讯费', en: 'Communication', inputVat: 'special-invoice' },
  { code: 'training', zh: '培训费', en: 'Training', inputVat: 'special-invoice' },
  { code: 'meeting', zh: '会议费', en: 'Meetings and conferences', inputVat: 'special-invoice' },
  { code: 'toll', zh: '过路费', en: 'Road tolls', inputVat: 'printed-tax' },
  { code: 'vehicle', zh: '车辆费', en: 'Vehicle (fuel, parking, repair)', inputVat: 'special-invoice' },
  { code: 'postage', zh: '快递邮寄费', en: 'Postage and courier', inputVat: 'special-invoice' },
  { code: 'printing', zh: '印刷费', en: 'Printing', inputVat: 'special-invoice' },
  {
    code: 'consulting',
    zh: '咨询费',
    en: 'Consulting and professional services',
    inputVat: 'special-invoice',
  },
  { code: 'software', zh: '软件及技术服务费', en: 'Software and IT services', inputVat: 'special-invoice' },
  { code: 'rent', zh: '租赁费', en: 'Rent and leasing', inputVat: 'special-invoice' },
  { code: 'utilities', zh: '水电费', en: 'Utilities', inputVat: 'special-invoice' },
  { code: 'repair', zh: '修理费', en: 'Repairs and maintenance', inputVat: 'special-invoice' },
  { code: 'advertising', zh: '广告宣传费', en: 'Advertising and promotion', inputVat: 'special-invoice' },
  { code: 'recruitment', zh: '招聘费', en: 'Recruitment', inputVat: 'special-invoice' },
  { code: 'welfare', zh: '职工福利费', en: 'Staff welfare', inputVat: 'never' },
  { code: 'bank_charges', zh: '银行手续费', en: 'Bank charges', inputVat: 'special-invoice' },
  { code: 'other', zh: '其他费用', en: 'Other', inputVat: 'special-invoice' },
] as const satisfies readonly (Labelled & {
  inputVat: 'passenger-transport' | 'special-invoice' | 'printed-tax' | 'never';
})[];

export type StandardExpenseCategory = (typeof STANDARD_EXPENSE_CATEGORIES)[number]['code'];
