import type { ExpenseStatus } from '../../finance/tables.ts';

/**
 * The lifecycle every expense document follows: draft → submitted → approving → approved → posted
 * (the ERP voucher number and period written back) → paid; off the main line rejected and withdrawn
 * (both editable and resubmittable) and reversed (红冲). Each action names the states it starts from.
 */
export const STATUS_LABELS: Record<ExpenseStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  approving: { zh: '审批中', en: 'In approval' },
  approved: { zh: '已审批', en: 'Approved' },
  posted: { zh: '已记账', en: 'Posted' },
  paid: { zh: '已付款', en: 'Paid' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  reversed: { zh: '已红冲', en: 'Reversed' },
};

export const TRANSITIONS = {
  submit: ['draft', 'rejected', 'withdrawn'],
  withdraw: ['submitted', 'approving'],
  decide: ['approving'],
  pay: ['posted'],
  reverse: ['posted', 'paid'],
  correct: ['posted', 'paid'],
} as const satisfies Record<string, readonly ExpenseStatus[]>;

export const canDo = (action: keyof typeof TRANSITIONS, status: ExpenseStatus): boolean =>
  (TRANSITIONS[action] as readonly ExpenseStatus[]).includes(status);
