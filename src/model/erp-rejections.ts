/**
 * Why an ERP refused a document, in a closed set every connector maps its own business errors to
 * (`ErpFailure.reason`). The ERP's own code and message stay beside it, verbatim; the reason is what a
 * user reads in their language, whatever language the ERP answered in.
 */
export const REJECTION_REASONS = {
  period_closed: {
    'zh-CN': '会计期间未打开或已关闭',
    'en-US': 'The accounting period is not open in the ERP',
  },
  unknown_account: {
    'zh-CN': '会计科目在 ERP 中不存在或不能记账',
    'en-US': 'The G/L account does not exist in the ERP or cannot be posted to',
  },
  unknown_partner: {
    'zh-CN': '供应商或往来单位在 ERP 中不存在或已禁用',
    'en-US': 'The supplier or business partner does not exist in the ERP or is blocked',
  },
  unknown_dimension: {
    'zh-CN': '辅助核算项目（部门、成本中心、员工、项目）在 ERP 中不存在',
    'en-US': 'A dimension (department, cost centre, employee, project) does not exist in the ERP',
  },
  unbalanced: {
    'zh-CN': '借贷不平衡',
    'en-US': 'Debits and credits do not balance',
  },
  duplicate_reference: {
    'zh-CN': 'ERP 中已有相同参考号的单据',
    'en-US': 'The ERP already holds a document with this reference',
  },
  not_authorized: {
    'zh-CN': '接口用户没有执行此操作的权限',
    'en-US': 'The interface user is not allowed to do this in the ERP',
  },
  invalid_value: {
    'zh-CN': 'ERP 不接受单据中某个字段的值',
    'en-US': 'The ERP refused the value of a field of the document',
  },
} as const satisfies Record<string, { readonly 'zh-CN': string; readonly 'en-US': string }>;

export type RejectionReason = keyof typeof REJECTION_REASONS;

/** The reasons as a tuple, for schemas. */
export const REJECTION_REASON_NAMES = Object.keys(REJECTION_REASONS) as [
  RejectionReason,
  ...RejectionReason[],
];

export const isRejectionReason = (value: unknown): value is RejectionReason =>
  typeof value === 'string' && Object.hasOwn(REJECTION_REASONS, value);
