import { parseMoney } from '../../model/money.ts';
import type { ExpenseKind } from '../../finance/tables.ts';
import type { ApprovalPolicy, ApprovalStep } from '../rules/rule-sets.ts';

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
  /** Steps of one stage run at the same time; stages run one after another. */
  readonly stage: number;
}

const minorOf = (amount: string) => {
  const parsed = parseMoney(amount, 'CNY');
  return parsed.ok ? parsed.value.minor : 0n;
};

/** Does a step apply? Every condition given must hold; a category or project condition needs one line. */
export function stepApplies(step: ApprovalStep, facts: RoutingFacts): boolean {
  const when = step.when;
  if (when === undefined) return true;
  if (when.minAmount !== undefined && !(facts.totalMinor > minorOf(when.minAmount))) return false;
  if (when.maxAmount !== undefined && facts.totalMinor > minorOf(when.maxAmount)) return false;
  if (when.kinds !== undefined && !when.kinds.includes(facts.kind)) return false;
  if (when.departments !== undefined && !when.departments.includes(facts.departmentCode)) return false;
  if (when.categories !== undefined && !facts.categories.some((c) => when.categories?.includes(c)))
    return false;
  if (when.projects !== undefined && !facts.projects.some((p) => when.projects?.includes(p))) return false;
  return true;
}

/** The steps a document goes through, numbered by stage (parallel steps share their stage). */
export function routeDocument(policy: ApprovalPolicy, facts: RoutingFacts): RoutedStep[] {
  const routed: RoutedStep[] = [];
  let stage = 0;
  for (const step of policy.steps) {
    if (!stepApplies(step, facts)) continue;
    if (step.parallel !== true || routed.length === 0) stage += 1;
    routed.push({ step, stage });
  }
  return routed;
}
