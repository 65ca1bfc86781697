import { Typography } from 'antd';
import type { Schemas } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type ApprovalRuleSet = Extract<Schemas['RuleSetView'], { kind: 'approval' }>;
export type ApprovalStep = ApprovalRuleSet['body']['steps'][number];
export type InboxTask = Schemas['MyApprovalTaskView'];

/** The step a task stands for, in the rule-set version the document was submitted under (else the newest). */
export function stepOf(
  versions: readonly ApprovalRuleSet[] | undefined,
  stepId: string,
  version?: number | null,
): { step: ApprovalStep; version: number } | undefined {
  const ordered = [...(versions ?? [])].sort((a, b) => b.version - a.version);
  const wanted = version == null ? undefined : ordered.find((v) => v.version === version);
  for (const v of wanted === undefined ? ordered : [wanted, ...ordered]) {
    const step = v.body.steps.find((s) => s.id === stepId);
    if (step !== undefined) return { step, version: v.version };
  }
  return undefined;
}

/** The step's name in the reader's language (its id when the rule set no longer has it). */
export function useStepName(): (versions: readonly ApprovalRuleSet[] | undefined, stepId: string) => string {
  const { pick } = useI18n();
  return (versions, stepId) => {
    const found = stepOf(versions, stepId);
    return found === undefined ? stepId : pick({ zh: found.step.nameZh, en: found.step.nameEn });
  };
}

/**
 * Why this task is mine, in words: the approval rule's step (its name and version), whom it asks
 * (manager, department head, a role…), the conditions that made it apply to this document, how its
 * approvers decide (或签 / 会签), and a delegation when the task was handed to me.
 */
export function RuleExplanation({
  task,
  versions,
  policyVersion,
  currency,
}: {
  readonly task: InboxTask;
  readonly versions: readonly ApprovalRuleSet[] | undefined;
  readonly policyVersion: number | null | undefined;
  readonly currency: string;
}) {
  const { t, pick, money } = useI18n();
  const found = stepOf(versions, task.stepId, policyVersion);
  if (found === undefined)
    return (
      <Typography.Text type="secondary">{t('approver.rule.unknown', { step: task.stepId })}</Typography.Text>
    );
  const { step, version } = found;
  const who = (() => {
    const a = step.approvers;
    switch (a.kind) {
      case 'manager':
        return t('approver.rule.manager', { levels: a.levels ?? 1 });
      case 'department_head':
        return t('approver.rule.departmentHead');
      case 'top_manager':
        return t('approver.rule.topManager');
      case 'role':
        return t('approver.rule.role', { role: a.role });
      case 'employees':
        return t('approver.rule.employees', { codes: a.codes.join(', ') });
      case 'external':
        return t('approver.rule.external', { approver: a.approver });
    }
  })();
  const when = step.when;
  const conditions: string[] = [];
  if (when?.minAmount !== undefined)
    conditions.push(t('approver.rule.minAmount', { amount: money(when.minAmount, currency) }));
  if (when?.maxAmount !== undefined)
    conditions.push(t('approver.rule.maxAmount', { amount: money(when.maxAmount, currency) }));
  if (when?.kinds !== undefined) conditions.push(t('approver.rule.kinds', { kinds: when.kinds.join(', ') }));
  if (when?.departments !== undefined)
    conditions.push(t('approver.rule.departments', { codes: when.departments.join(', ') }));
  if (when?.categories !== undefined)
    conditions.push(t('approver.rule.categories', { codes: when.categories.join(', ') }));
  if (when?.projects !== undefined)
    conditions.push(t('approver.rule.projects', { codes: when.projects.join(', ') }));
  return (
    <div data-testid="rule-explanation">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text strong>
          {t('approver.rule.step', {
            stage: task.stage,
            name: pick({ zh: step.nameZh, en: step.nameEn }),
            version,
          })}
        </Typography.Text>
      </Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        <li>{who}</li>
        <li>
          {conditions.length === 0
            ? t('approver.rule.always')
            : t('approver.rule.because', { conditions: conditions.join(t('approver.rule.and')) })}
        </li>
        <li>{task.mode === 'all' ? t('approver.rule.modeAll') : t('approver.rule.modeAny')}</li>
        {task.delegatedFrom === null ? null : (
          <li>{t('approver.rule.delegatedFrom', { from: task.delegatedFrom })}</li>
        )}
      </ul>
    </div>
  );
}
