import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMoney } from '../../model/money.ts';
import type { ApprovalStep } from '../rules/rule-sets.ts';
import { routeDocument, stepApplies, whyNotApplies, type RoutingFacts } from './policy.ts';
import { skipLabel } from './skips.ts';

const minorOf = (amount: string) => {
  const parsed = parseMoney(amount, 'CNY');
  assert.ok(parsed.ok);
  return parsed.value.minor;
};
const facts = (total: string, over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  kind: 'claim',
  totalMinor: minorOf(total),
  departmentCode: 'RND',
  categories: ['TRAVEL'],
  projects: [],
  ...over,
});
const step = (when: ApprovalStep['when']): ApprovalStep => ({
  id: 'finance',
  nameZh: '财务审核',
  nameEn: 'Finance review',
  approvers: { kind: 'role', role: 'finance' },
  ...(when === undefined ? {} : { when }),
});

describe('why an approval step does not apply', () => {
  it('names the threshold a total is not above, and the limit one is above', () => {
    assert.deepEqual(whyNotApplies(step({ minAmount: '5000.00' }), facts('5000.00')), {
      reason: 'amount_not_above',
      params: { amount: '5000.00' },
    });
    assert.equal(whyNotApplies(step({ minAmount: '5000.00' }), facts('5000.01')), null);
    assert.deepEqual(whyNotApplies(step({ maxAmount: '100.00' }), facts('100.01')), {
      reason: 'amount_above',
      params: { amount: '100.00' },
    });
  });

  it('names the kind, department, category or project the step leaves out', () => {
    assert.equal(whyNotApplies(step({ kinds: ['request'] }), facts('1.00'))?.reason, 'kind_not_covered');
    assert.deepEqual(whyNotApplies(step({ departments: ['SALES'] }), facts('1.00')), {
      reason: 'department_not_covered',
      params: { department: 'RND' },
    });
    assert.equal(whyNotApplies(step({ categories: ['ADS'] }), facts('1.00'))?.reason, 'category_not_covered');
    assert.equal(whyNotApplies(step({ projects: ['P1'] }), facts('1.00'))?.reason, 'project_not_covered');
    assert.equal(whyNotApplies(step({ projects: ['P1'] }), facts('1.00', { projects: ['P1'] })), null);
  });

  it('agrees with routing: a step is routed exactly when nothing says why not', () => {
    const policy = {
      slaHours: 24,
      steps: [
        step(undefined),
        { ...step({ minAmount: '10.00' }), id: 'big' },
        { ...step({ kinds: ['advance'] }), id: 'adv' },
      ],
    };
    for (const total of ['1.00', '10.00', '10.01'])
      assert.deepEqual(
        routeDocument(policy, facts(total)).map((r) => r.step.id),
        policy.steps.filter((s) => stepApplies(s, facts(total))).map((s) => s.id),
      );
    assert.deepEqual(
      routeDocument(policy, facts('10.01')).map((r) => r.position),
      [1, 2],
    );
  });

  it('says why in both languages, with the values filled in', () => {
    assert.deepEqual(skipLabel({ reason: 'amount_not_above', params: { amount: '5000.00' } }), {
      zh: '金额未超过 5000.00',
      en: 'The total is not above 5000.00',
    });
    const same = skipLabel({
      reason: 'same_approver_as_previous',
      params: { previousZh: '直属上级', previousEn: 'Line manager' },
    });
    assert.match(same.zh, /直属上级/);
    assert.match(same.en, /Line manager/);
  });
});
