import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkVoucherBalance } from '../../model/voucher-balance.ts';
import { voucherOrThrow } from '../../model/voucher.ts';
import { parseMoney } from '../../model/money.ts';
import { buildExpenseVoucher, reversalOf, type DepartmentKind } from '../posting-rules/expense-voucher.ts';
import { DEFAULT_APPROVAL_POLICY, DEFAULT_AUDIT_POLICY, DEFAULT_POSTING_POLICY } from '../rules/rule-sets.ts';
import { routeDocument } from '../approvals/policy.ts';
import { runAuditRules, type AuditFacts } from './audit-rules.ts';
import { canDo, TRANSITIONS } from './states.ts';
import type { ExpenseStatus } from '../../finance/tables.ts';

const minorOf = (amount: string | undefined) => {
  const parsed = parseMoney(amount ?? '0', 'CNY');
  return parsed.ok ? parsed.value.minor : 0n;
};

describe('posting rules', () => {
  const category = {
    code: 'TRAVEL',
    name: '差旅费',
    managementAccountCode: '660202',
    salesAccountCode: '660101',
  };
  const dims = new Map([
    ['660202', ['department', 'employee']],
    ['660101', ['department', 'employee']],
    ['224101', ['employee']],
    ['122101', ['employee']],
  ]);

  it('every claim voucher balances, whatever the lines, taxes and advance offsets', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.bigInt({ min: 1n, max: 10_000_000n }),
            taxShare: fc.integer({ min: 0, max: 13 }),
            kind: fc.constantFrom<DepartmentKind>('management', 'sales', 'rnd'),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 100 }),
        (lines, offsetPercent) => {
          const total = lines.reduce((s, l) => s + l.amount, 0n);
          const offset = (total * BigInt(offsetPercent)) / 100n;
          const voucher = buildExpenseVoucher(
            {
              companyCode: 'DEMO',
              date: '2026-11-28',
              kind: 'claim',
              number: 'BX202611-0001',
              title: '差旅',
              employeeCode: 'E011',
              departmentCode: 'SALES-E',
              currency: 'CNY',
              totalMinor: total,
              lines: lines.map((l) => ({
                description: 'x',
                amountMinor: l.amount,
                deductibleTaxMinor: (l.amount * BigInt(l.taxShare)) / 113n,
                departmentCode: 'SALES-E',
                departmentKind: l.kind,
                projectCode: null,
                category,
              })),
              offsets: offset === 0n ? [] : [{ advanceNumber: 'JK202611-0001', amountMinor: offset }],
              accountDimensions: dims,
            },
            DEFAULT_POSTING_POLICY,
          );
          const parsed = voucherOrThrow(voucher);
          assert.equal(parsed.totalMinor, total);
          const red = voucherOrThrow(reversalOf(voucher, '2026-12-01', '更正'));
          assert.equal(red.totalMinor, -total);
          assert.ok(checkVoucherBalance(red.lines).ok);
        },
      ),
    );
  });

  it('sales departments post to sales expense, others to management expense; overrides come first', () => {
    const line = (departmentKind: DepartmentKind) => ({
      description: 'x',
      amountMinor: 10000n,
      deductibleTaxMinor: 0n,
      departmentCode: 'D',
      departmentKind,
      projectCode: null,
      category,
    });
    const accounts = (kind: DepartmentKind, policy = DEFAULT_POSTING_POLICY) =>
      buildExpenseVoucher(
        {
          companyCode: 'DEMO',
          date: '2026-11-28',
          kind: 'claim',
          number: 'N',
          title: 't',
          employeeCode: 'E',
          departmentCode: 'D',
          currency: 'CNY',
          totalMinor: 10000n,
          lines: [line(kind)],
          offsets: [],
          accountDimensions: dims,
        },
        policy,
      ).lines.map((l) => l.accountCode);
    assert.deepEqual(accounts('sales'), ['660101', '224101']);
    assert.deepEqual(accounts('rnd'), ['660202', '224101']);
    assert.deepEqual(
      accounts('rnd', {
        ...DEFAULT_POSTING_POLICY,
        overrides: [{ departmentKind: 'rnd', accountCode: '5301' }],
      }),
      ['5301', '224101'],
    );
  });
});

describe('approval routing', () => {
  const facts = (total: string) => ({
    kind: 'claim' as const,
    totalMinor: minorOf(total),
    departmentCode: 'RND',
    categories: ['TRAVEL'],
    projects: [],
  });
  const steps = (total: string) =>
    routeDocument(DEFAULT_APPROVAL_POLICY, facts(total)).map((r) => `${r.stage}:${r.step.id}`);
  it('by amount: above 5,000 the department head and finance, above 50,000 the general manager', () => {
    assert.deepEqual(steps('5000.00'), ['1:manager']);
    assert.deepEqual(steps('5000.01'), ['1:manager', '2:department_head', '3:finance']);
    assert.deepEqual(steps('50000.01'), ['1:manager', '2:department_head', '3:finance', '4:general_manager']);
  });
  it('parallel steps share a stage; conditions on category and department', () => {
    const policy = {
      slaHours: 8,
      steps: [
        { id: 'a', nameZh: 'a', nameEn: 'a', approvers: { kind: 'manager' as const } },
        {
          id: 'b',
          nameZh: 'b',
          nameEn: 'b',
          approvers: { kind: 'role' as const, role: 'finance' },
          when: { categories: ['TRAVEL'] },
        },
        {
          id: 'c',
          nameZh: 'c',
          nameEn: 'c',
          approvers: { kind: 'role' as const, role: 'admin' },
          parallel: true,
        },
        {
          id: 'd',
          nameZh: 'd',
          nameEn: 'd',
          approvers: { kind: 'manager' as const },
          when: { departments: ['SALES'] },
        },
      ],
    };
    assert.deepEqual(
      routeDocument(policy, facts('1.00')).map((r) => `${r.stage}:${r.step.id}`),
      ['1:a', '2:b', '2:c'],
    );
  });
});

describe('audit rules', () => {
  const facts = (over: Partial<AuditFacts> = {}): AuditFacts => ({
    employeeGrade: 'P5',
    totalMinor: 80000n,
    lines: [
      {
        lineNo: 1,
        categoryCode: 'HOTEL',
        occurredOn: '2026-11-24',
        amountMinor: 80000n,
        city: '北京',
        nights: 1,
        invoices: [],
      },
    ],
    nearDuplicates: [],
    recentClaims: [],
    ...over,
  });
  const policy = {
    ...DEFAULT_AUDIT_POLICY,
    holidays: ['2026-10-01'],
    workdays: ['2026-10-11'],
    perDiem: {
      ...DEFAULT_AUDIT_POLICY.perDiem,
      standards: [{ grades: ['P5'], tier: '1', hotelPerNight: '600.00', mealsPerDay: '100.00' }],
      hotelCategories: ['HOTEL'],
      mealCategories: ['MEAL'],
    },
  };
  const rules = (f: AuditFacts) => runAuditRules(f, policy).map((t) => `${t.rule}:${t.severity}`);
  it('finds each risk and only that', () => {
    assert.deepEqual(rules(facts()), ['per_diem:warn']);
    assert.deepEqual(
      rules(
        facts({
          lines: [
            {
              lineNo: 1,
              categoryCode: 'HOTEL',
              occurredOn: '2026-10-01',
              amountMinor: 50000n,
              city: '北京',
              invoices: [],
            },
          ],
        }),
      ),
      ['weekend_holiday:warn'],
    );
    assert.deepEqual(
      rules(
        facts({
          lines: [
            { lineNo: 1, categoryCode: 'TAXI', occurredOn: '2026-10-11', amountMinor: 3456n, invoices: [] },
          ],
        }),
      ),
      [],
      'an adjusted working Sunday',
    );
    assert.deepEqual(
      rules(
        facts({
          totalMinor: 300000n,
          lines: [
            { lineNo: 1, categoryCode: 'TAXI', occurredOn: '2026-11-24', amountMinor: 300000n, invoices: [] },
          ],
        }),
      ),
      ['round_amount:warn'],
    );
    assert.deepEqual(
      rules(
        facts({
          nearDuplicates: [{ number: '1', other: '2' }],
          lines: [
            {
              lineNo: 1,
              categoryCode: 'TAXI',
              occurredOn: '2026-11-24',
              amountMinor: 3456n,
              tripEndOn: '2026-11-20',
              invoices: [{ number: '1', issuedOn: '2026-11-21' }],
            },
          ],
        }),
      ),
      ['duplicate_invoice:block', 'invoice_after_trip:warn'],
    );
  });
  it('a claim split to stay under an approval threshold', () => {
    const split = facts({
      totalMinor: 300000n,
      lines: [
        { lineNo: 1, categoryCode: 'TAXI', occurredOn: '2026-11-24', amountMinor: 300001n, invoices: [] },
      ],
      recentClaims: [{ number: 'BX1', totalMinor: 300000n, categories: ['TAXI'] }],
    });
    assert.deepEqual(rules(split), ['split_claim:warn']);
    assert.deepEqual(
      rules({ ...split, recentClaims: [{ number: 'BX1', totalMinor: 300000n, categories: ['MEAL'] }] }),
      [],
    );
  });
  it('off means off', () => {
    assert.deepEqual(runAuditRules(facts(), { ...policy, rules: { ...policy.rules, per_diem: 'off' } }), []);
  });
});

describe('document states', () => {
  const ALL: ExpenseStatus[] = [
    'draft',
    'submitted',
    'approving',
    'approved',
    'posted',
    'paid',
    'rejected',
    'withdrawn',
    'reversed',
  ];
  it('allows each action only from its states (and refuses every other)', () => {
    const table = Object.fromEntries(
      Object.keys(TRANSITIONS).map((action) => [
        action,
        ALL.filter((s) => canDo(action as keyof typeof TRANSITIONS, s)),
      ]),
    );
    assert.deepEqual(table, {
      submit: ['draft', 'rejected', 'withdrawn'],
      withdraw: ['submitted', 'approving'],
      decide: ['approving'],
      pay: ['posted'],
      reverse: ['posted', 'paid'],
      correct: ['posted', 'paid'],
    });
  });
});
