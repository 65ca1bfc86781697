import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * Why an approval step was skipped: a closed set, each with its message in both languages. A step is
 * skipped when its conditions (`when`) do not hold for the document, or when it routes to no one but
 * the submitter, to the approver of the step just before, or up a manager chain that ends first.
 */
export const SKIP_REASONS = {
  amount_not_above: {
    zh: '金额未超过 {amount}',
    en: 'The total is not above {amount}',
  },
  amount_above: {
    zh: '金额超过 {amount}',
    en: 'The total is above {amount}',
  },
  kind_not_covered: {
    zh: '该环节不适用于此类单据（{kind}）',
    en: 'The step does not cover this kind of document ({kind})',
  },
  department_not_covered: {
    zh: '该环节不适用于部门 {department}',
    en: 'The step does not cover department {department}',
  },
  category_not_covered: {
    zh: '单据不含该环节适用的费用类别',
    en: 'No line is of an expense category the step covers',
  },
  project_not_covered: {
    zh: '单据不含该环节适用的项目',
    en: 'No line is for a project the step covers',
  },
  approver_is_submitter: {
    zh: '审批人即提交人本人，不能自己审批',
    en: 'The approver is the submitter, who never approves their own document',
  },
  same_approver_as_previous: {
    zh: '审批人与上一环节（{previousZh}）相同，只需审批一次',
    en: 'The same approver as the step before ({previousEn}) approves once',
  },
  no_manager_above: {
    zh: '提交人没有更高一级的上级',
    en: 'The submitter has no manager that many levels up',
  },
  submitter_heads_department: {
    zh: '提交人是本部门及所有上级部门的负责人',
    en: 'The submitter heads the department and every department above it',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type SkipReason = keyof typeof SKIP_REASONS;
export const SKIP_REASON_CODES = Object.keys(SKIP_REASONS) as [SkipReason, ...SkipReason[]];

export interface Skip {
  readonly reason: SkipReason;
  readonly params: Readonly<Record<string, string>>;
}

const render = (template: string, params: Readonly<Record<string, string>>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/** The reason in both languages, its placeholders filled. */
export const skipLabel = (skip: Skip): { zh: string; en: string } => ({
  zh: render(SKIP_REASONS[skip.reason].zh, skip.params),
  en: render(SKIP_REASONS[skip.reason].en, skip.params),
});

/** A step skipped by one submission (round) of a document, as the approval chain shows it. */
export interface SkippedStepView {
  readonly round: number;
  readonly position: number;
  readonly stepId: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly reason: SkipReason;
  readonly params: Readonly<Record<string, string>>;
  readonly message: { readonly zh: string; readonly en: string };
  readonly at: string;
}

export interface SkippedStep extends Skip {
  readonly position: number;
  readonly stepId: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export async function recordSkips(
  tx: TenantDb,
  documentId: string,
  round: number,
  skips: readonly SkippedStep[],
  at: string,
): Promise<void> {
  if (skips.length === 0) return;
  await tx
    .insertInto(
      'approval_skips',
      skips.map((s) => ({
        document_id: documentId,
        round,
        position: s.position,
        step_id: s.stepId,
        name_zh: s.nameZh,
        name_en: s.nameEn,
        reason: s.reason,
        params_json: JSON.stringify(s.params),
        created_at: at,
      })),
    )
    .execute();
}

/** Every step a document's submissions skipped, round by round in policy order. */
export async function skippedStepsOf(db: TenantDb, documentId: string): Promise<SkippedStepView[]> {
  const rows = await db
    .selectFrom('approval_skips')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('round')
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const skip: Skip = {
      reason: r.reason as SkipReason,
      params: JSON.parse(r.params_json) as Record<string, string>,
    };
    return {
      round: r.round,
      position: r.position,
      stepId: r.step_id,
      name: { zh: r.name_zh, en: r.name_en },
      reason: skip.reason,
      params: skip.params,
      message: skipLabel(skip),
      at: r.created_at,
    };
  });
}
