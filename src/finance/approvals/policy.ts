import { parseMoney } from '../../model/money.ts';
import type { ExpenseKind } from '../../finance/tables.ts';
import type { ApprovalPolicy, ApprovalStep } from '../rules/rule-sets.ts';
import type { Skip } from './skips.ts';

/** What the approval policy looks at in a document. */
export interface RoutingFacts {
  readonly kind: ExpenseKind;
  readonly totalMinor: bigint;
  readonly departmentCode: string;
  readonly categories: readonly string[];
  readonly projects: readonly string[];
}

export interface RoutedStep {
  readonly step: ApprovalStep;
  /** The step's position in the policy (1 = first). */
  readonly position: number;
  /** Steps of one stage run at the same time; stages run one after another. */
  readonly stage: number;
}

const minorOf = (amount: string) => {
  const parsed = parseMoney(amount, 'CNY');
  return parsed.ok ? parsed.value.minor : 0n;
};

/**
 * Why a step does not apply to a document: the first of its conditions that fails, or null when every
 * condition given holds (a category or project condition needs one line).
 */
export function whyNotApplies(step: ApprovalStep, facts: RoutingFacts): Skip | null {
  const when = step.when;
  if (when === undefined) return null;
  if (when.minAmount !== undefined && !(facts.totalMinor > minorOf(when.minAmount)))
    return { reason: 'amount_not_above', params: { amount: when.minAmount } };
  if (when.maxAmount !== undefined && facts.totalMinor > minorOf(when.maxAmount))
    return { reason: 'amount_above', params: { amount: when.maxAmount } };
  if (when.kinds !== undefined && !when.kinds.includes(facts.kind))
    return { reason: 'kind_not_covered', params: { kind: facts.kind } };
  if (when.departments !== undefined && !when.departments.includes(facts.departmentCode))
    return { reason: 'department_not_covered', params: { department: facts.departmentCode } };
  if (when.categories !== undefined && !facts.categories.some((c) => when.categories?.includes(c)))
    return { reason: 'category_not_covered', params: {} };
  if (when.projects !== undefined && !facts.projects.some((p) => when.projects?.includes(p)))
    return { reason: 'project_not_covered', params: {} };
  return null;
}

/** Does a step apply? Every condition given must hold. */
export const stepApplies = (step: ApprovalStep, facts: RoutingFacts): boolean =>
  whyNotApplies(step, facts) === null;

/** The steps a document goes through, numbered by stage (parallel steps share their stage). */
export function routeDocument(policy: ApprovalPolicy, facts: RoutingFacts): RoutedStep[] {
  const routed: RoutedStep[] = [];
  let stage = 0;
  for (const [i, step] of policy.steps.entries()) {
    if (!stepApplies(step, facts)) continue;
    if (step.parallel !== true || routed.length === 0) stage += 1;
    routed.push({ step, position: i + 1, stage });
  }
  return routed;
}
