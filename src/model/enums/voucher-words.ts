import type { Labelled } from './labelled.ts';

/** 凭证字: 记 is the single generic word (Kingdee/Yonyou default); 收/付/转 and the cash/bank split are alternatives. */
export const VOUCHER_WORDS = [
  { code: '记', zh: '记账凭证', en: 'General journal' },
  { code: '收', zh: '收款凭证', en: 'Receipt' },
  { code: '付', zh: '付款凭证', en: 'Payment' },
  { code: '转', zh: '转账凭证', en: 'Transfer (non-cash)' },
  { code: '现收', zh: '现金收款凭证', en: 'Cash receipt' },
  { code: '现付', zh: '现金付款凭证', en: 'Cash payment' },
  { code: '银收', zh: '银行收款凭证', en: 'Bank receipt' },
  { code: '银付', zh: '银行付款凭证', en: 'Bank payment' },
] as const satisfies readonly Labelled[];

export type VoucherWord = (typeof VOUCHER_WORDS)[number]['code'];

export const ACCOUNT_TYPES = [
  { code: 'asset', zh: '资产', en: 'Asset', side: 'debit' },
  { code: 'liability', zh: '负债', en: 'Liability', side: 'credit' },
  { code: 'common', zh: '共同', en: 'Common', side: 'debit' },
  { code: 'equity', zh: '所有者权益', en: 'Equity', side: 'credit' },
  { code: 'cost', zh: '成本', en: 'Cost', side: 'debit' },
  { code: 'profit_loss', zh: '损益', en: 'Profit and loss', side: 'debit' },
] as const satisfies readonly (Labelled & { side: 'debit' | 'credit' })[];

export type AccountType = (typeof ACCOUNT_TYPES)[number]['code'];

/** 辅助核算 dimensions an account can require on its voucher lines. */
export const AUX_DIMENSIONS = [
  { code: 'department', zh: '部门', en: 'Department' },
  { code: 'employee', zh: '职员', en: 'Employee' },
  { code: 'supplier', zh: '供应商', en: 'Supplier' },
  { code: 'customer', zh: '客户', en: 'Customer' },
  { code: 'project', zh: '项目', en: 'Project' },
  { code: 'cost_center', zh: '成本中心', en: 'Cost center' },
] as const satisfies readonly Labelled[];

export type AuxDimension = (typeof AUX_DIMENSIONS)[number]['code'];
