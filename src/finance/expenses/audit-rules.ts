import { parseMoney, yuanOf } from '../../model/money.ts';
import type { AuditPolicy } from '../rules/rule-sets.ts';
import type { RiskTag } from './risk.ts';

/**
 * Audit rules run when a document is submitted (pure: the caller gathers the facts). Each rule is
 * `block`, `warn` or `off` per company; what they find becomes risk tags on the document, and a
 * `block` tag stops the submission.
 */
export interface AuditFacts {
  readonly employeeGrade: string | null;
  readonly totalMinor: bigint;
  readonly lines: readonly {
    readonly lineNo: number;
    readonly categoryCode: string;
    readonly occurredOn: string;
    readonly amountMinor: bigint;
    readonly city?: string;
    readonly nights?: number;
    readonly days?: number;
    readonly tripEndOn?: string;
    readonly invoices: readonly { readonly number: string; readonly issuedOn: string }[];
  }[];
  /** Invoices on this document that look like another registered invoice (same seller, total, date). */
  readonly nearDuplicates: readonly { readonly number: string; readonly other: string }[];
  /** The employee's other live claims of the split window, with the categories they cover. */
  readonly recentClaims: readonly {
    readonly number: string;
    readonly totalMinor: bigint;
    readonly categories: readonly string[];
  }[];
  /** What is left of the request the claim draws down, when it names one. */
  readonly requestRemainingMinor?: bigint;
}

const minor = (amount: string) => {
  const parsed = parseMoney(amount, 'CNY');
  return parsed.ok ? parsed.value.minor : 0n;
};

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function runAuditRules(facts: AuditFacts, policy: AuditPolicy): RiskTag[] {
  const found: (Omit<RiskTag, 'severity'> & { rule: keyof AuditPolicy['rules'] })[] = [];
  const { rules } = policy;

  for (const d of facts.nearDuplicates)
    found.push({
      rule: 'duplicate_invoice',
      zh: `发票 ${d.number} 与发票 ${d.other} 销售方、金额、日期相同，疑似重复报销`,
      en: `Invoice ${d.number} has the same seller, total and date as invoice ${d.other}: possibly claimed twice`,
    });

  const categories = new Set(facts.lines.map((l) => l.categoryCode));
  const related = facts.recentClaims.filter((c) => c.categories.some((k) => categories.has(k)));
  for (const threshold of policy.splitThresholds.map(minor)) {
    const together = related.reduce((s, c) => s + c.totalMinor, facts.totalMinor);
    if (
      related.length > 0 &&
      facts.totalMinor <= threshold &&
      related.every((c) => c.totalMinor <= threshold) &&
      together > threshold
    ) {
      found.push({
        rule: 'split_claim',
        zh: `${policy.splitWindowDays} 天内同类报销 ${related.map((c) => c.number).join('、')} 与本单合计 ${yuanOf(together)}，超过审批金额 ${yuanOf(threshold)}，疑似拆单`,
        en: `With ${related.map((c) => c.number).join(', ')} within ${policy.splitWindowDays} days this adds up to ${yuanOf(together)}, above the ${yuanOf(threshold)} approval threshold: possibly split`,
      });
      break;
    }
  }

  const tierOf = (city: string | undefined) =>
    Object.entries(policy.perDiem.cityTiers).find(
      ([, cities]) => city !== undefined && cities.some((c) => city.includes(c)),
    )?.[0] ?? policy.perDiem.defaultTier;
  const standardFor = (city: string | undefined) =>
    policy.perDiem.standards.find(
      (s) =>
        s.tier === tierOf(city) && facts.employeeGrade !== null && s.grades.includes(facts.employeeGrade),
    );
  for (const line of facts.lines) {
    const standard = standardFor(line.city);
    const at = `/lines/${line.lineNo - 1}`;
    if (standard !== undefined && policy.perDiem.hotelCategories.includes(line.categoryCode)) {
      const limit = minor(standard.hotelPerNight) * BigInt(line.nights ?? 1);
      if (line.amountMinor > limit)
        found.push({
          rule: 'per_diem',
          pointer: `${at}/amount`,
          zh: `第 ${line.lineNo} 行住宿 ${yuanOf(line.amountMinor)} 超过 ${facts.employeeGrade ?? ''} 职级在${tierOf(line.city)}类城市的标准 ${standard.hotelPerNight}/晚 × ${line.nights ?? 1} 晚`,
          en: `Line ${line.lineNo}: hotel ${yuanOf(line.amountMinor)} is over the grade ${facts.employeeGrade ?? ''} tier-${tierOf(line.city)} standard of ${standard.hotelPerNight} a night × ${line.nights ?? 1}`,
        });
    }
    if (standard !== undefined && policy.perDiem.mealCategories.includes(line.categoryCode)) {
      const limit = minor(standard.mealsPerDay) * BigInt(line.days ?? 1);
      if (line.amountMinor > limit)
        found.push({
          rule: 'per_diem',
          pointer: `${at}/amount`,
          zh: `第 ${line.lineNo} 行餐费 ${yuanOf(line.amountMinor)} 超过标准 ${standard.mealsPerDay}/天 × ${line.days ?? 1} 天`,
          en: `Line ${line.lineNo}: meals ${yuanOf(line.amountMinor)} are over the standard of ${standard.mealsPerDay} a day × ${line.days ?? 1}`,
        });
    }
    const day = weekday(line.occurredOn);
    const holiday = policy.holidays.includes(line.occurredOn);
    if (holiday || ((day === 0 || day === 6) && !policy.workdays.includes(line.occurredOn)))
      found.push({
        rule: 'weekend_holiday',
        pointer: `${at}/occurredOn`,
        zh: `第 ${line.lineNo} 行发生日期 ${line.occurredOn} 是${holiday ? '法定节假日' : '周末'}`,
        en: `Line ${line.lineNo} is dated ${line.occurredOn}, a ${holiday ? 'public holiday' : 'weekend day'}`,
      });
    if (line.amountMinor >= minor(policy.roundAmountMin) && line.amountMinor % 10_000n === 0n)
      found.push({
        rule: 'round_amount',
        pointer: `${at}/amount`,
        zh: `第 ${line.lineNo} 行金额 ${yuanOf(line.amountMinor)} 为整百元`,
        en: `Line ${line.lineNo} is a round amount, ${yuanOf(line.amountMinor)}`,
      });
    if (line.tripEndOn !== undefined)
      for (const invoice of line.invoices)
        if (invoice.issuedOn > line.tripEndOn)
          found.push({
            rule: 'invoice_after_trip',
            pointer: `${at}/invoiceIds`,
            zh: `第 ${line.lineNo} 行发票 ${invoice.number} 开具于 ${invoice.issuedOn}，晚于行程结束 ${line.tripEndOn}`,
            en: `Line ${line.lineNo}: invoice ${invoice.number} was issued on ${invoice.issuedOn}, after the trip ended on ${line.tripEndOn}`,
          });
  }

  if (facts.requestRemainingMinor !== undefined && facts.totalMinor > facts.requestRemainingMinor)
    found.push({
      rule: 'over_request',
      zh: `报销 ${yuanOf(facts.totalMinor)} 超过申请单剩余额度 ${yuanOf(facts.requestRemainingMinor)}`,
      en: `The claim of ${yuanOf(facts.totalMinor)} is more than the ${yuanOf(facts.requestRemainingMinor)} left on its request`,
    });

  return found.flatMap((f) => {
    const severity = rules[f.rule];
    return severity === 'off' ? [] : [{ ...f, severity }];
  });
}
