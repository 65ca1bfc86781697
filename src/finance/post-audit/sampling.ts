import { createHash } from 'node:crypto';
import { parseMoney, yuanOf } from '../../model/money.ts';
import { cnDayKind } from '../../standards/cn/holidays.ts';
import type { RiskTag } from '../expenses/risk.ts';
import type { PlanBody } from './plans.ts';

/**
 * Sampling (抽样), a pure function: from the posted claims of a range and a plan, the claims picked
 * and every reason each was picked for. Deterministic — the random draw comes from the plan's seed.
 */

export interface ClaimFacts {
  readonly id: string;
  readonly number: string;
  readonly employeeCode: string;
  readonly documentOn: string;
  readonly totalMinor: bigint;
  readonly riskTags: readonly RiskTag[];
  /** Each line's date and category. */
  readonly lines: readonly { readonly occurredOn: string; readonly categoryCode: string }[];
  /** The sellers (tax id, or name when it has none) of the claim's invoices. */
  readonly merchants: readonly { readonly key: string; readonly name: string }[];
}

export type ReasonCode =
  'random' | 'risk_score' | 'amount_band' | 'weekend_holiday' | 'split_claim' | 'repeat_merchant';
export const REASON_CODES = [
  'random',
  'risk_score',
  'amount_band',
  'weekend_holiday',
  'split_claim',
  'repeat_merchant',
] as const satisfies readonly ReasonCode[];

export interface SampleReason {
  readonly code: ReasonCode;
  readonly zh: string;
  readonly en: string;
}

export interface Sample {
  readonly documentId: string;
  readonly riskScore: number;
  readonly reasons: readonly SampleReason[];
}

/** Risk score 0–100 from the claim's risk tags: 20 per warning, 40 per blocking finding, at most 100. */
export function riskScore(tags: readonly RiskTag[]): number {
  return Math.min(
    100,
    tags.reduce((s, t) => s + (t.severity === 'block' ? 40 : 20), 0),
  );
}

/** A 32-bit generator (mulberry32) seeded from the SHA-256 of the seed text. */
function generator(seed: string): () => number {
  let state = createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minor = (amount: string): bigint => {
  const parsed = parseMoney(amount, 'CNY');
  if (!parsed.ok) throw new Error(`amount ${amount} was validated with the plan`);
  return parsed.value.minor;
};

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function sample(claims: readonly ClaimFacts[], plan: PlanBody): Sample[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ordered = [...claims].sort((a, b) => byText(a.number, b.number) || byText(a.id, b.id));
  const reasons = new Map<string, SampleReason[]>();
  const pick = (id: string, reason: SampleReason) => {
    const list = reasons.get(id) ?? [];
    list.push(reason);
    reasons.set(id, list);
  };
  const scores = new Map(ordered.map((c) => [c.id, riskScore(c.riskTags)]));

  if (plan.random !== undefined) {
    const { count, seed } = plan.random;
    const next = generator(seed);
    const pool = ordered.map((c) => c.id);
    const take = Math.min(count, pool.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
      pick(pool[i] as string, {
        code: 'random',
        zh: `随机抽取（种子 ${seed}，第 ${i + 1}/${take} 个）`,
        en: `Drawn at random (seed ${seed}, ${i + 1} of ${take})`,
      });
    }
  }

  if (plan.risk !== undefined) {
    const { minScore, top } = plan.risk;
    const byScore = ordered
      .filter((c) => (scores.get(c.id) ?? 0) > 0 || minScore === 0)
      .sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0));
    const eligible =
      minScore === undefined ? byScore : byScore.filter((c) => (scores.get(c.id) ?? 0) >= minScore);
    for (const c of top === undefined ? eligible : eligible.slice(0, top)) {
      const score = scores.get(c.id) ?? 0;
      const rules = c.riskTags.map((t) => t.rule).join(', ');
      pick(c.id, {
        code: 'risk_score',
        zh: `风险分 ${score}${minScore === undefined ? '' : `（不低于 ${minScore}）`}${top === undefined ? '' : `，排名前 ${top}`}：${rules}`,
        en: `Risk score ${score}${minScore === undefined ? '' : ` (at least ${minScore})`}${top === undefined ? '' : `, among the top ${top}`}: ${rules}`,
      });
    }
  }

  for (const band of plan.amountBands ?? []) {
    const lo = band.min === undefined ? undefined : minor(band.min);
    const hi = band.max === undefined ? undefined : minor(band.max);
    const label = `[${band.min ?? '0'}, ${band.max ?? '∞'})`;
    for (const c of ordered)
      if ((lo === undefined || c.totalMinor >= lo) && (hi === undefined || c.totalMinor < hi))
        pick(c.id, {
          code: 'amount_band',
          zh: `金额 ${yuanOf(c.totalMinor)} 落在区间 ${label}`,
          en: `Total ${yuanOf(c.totalMinor)} is in the band ${label}`,
        });
  }

  if (plan.weekendHoliday === true)
    for (const c of ordered) {
      const days = [...new Set(c.lines.map((l) => l.occurredOn))]
        .map((d) => [d, cnDayKind(d)] as const)
        .filter(([, kind]) => kind !== 'workday');
      if (days.length > 0)
        pick(c.id, {
          code: 'weekend_holiday',
          zh: `费用发生于${days.map(([d, k]) => `${d}（${k === 'holiday' ? '法定节假日' : '周末'}）`).join('、')}`,
          en: `Spent on ${days.map(([d, k]) => `${d} (${k === 'holiday' ? 'public holiday' : 'weekend'})`).join(', ')}`,
        });
    }

  if (plan.splitClaims !== undefined) {
    const { windowDays } = plan.splitClaims;
    const threshold = minor(plan.splitClaims.threshold);
    const days = new Map(ordered.map((c) => [c.id, dayNumber(c.documentOn)]));
    // per employee and key (a category, or a seller), the claims at or under the threshold
    const groups = new Map<string, ClaimFacts[]>();
    for (const c of ordered) {
      if (c.totalMinor > threshold) continue;
      const keys = new Set([
        ...c.lines.map((l) => `category ${l.categoryCode}`),
        ...c.merchants.map((m) => `seller ${m.name}`),
      ]);
      for (const key of keys) {
        const group = `${c.employeeCode}\u0000${key}`;
        const list = groups.get(group) ?? [];
        list.push(c);
        groups.set(group, list);
      }
    }
    for (const [group, members] of groups) {
      if (members.length < 2) continue;
      const key = group.slice(group.indexOf('\u0000') + 1);
      const flagged = new Set<string>();
      for (const c of members) {
        if (flagged.has(c.id)) continue;
        const near = members.filter(
          (o) => Math.abs((days.get(o.id) ?? 0) - (days.get(c.id) ?? 0)) <= windowDays,
        );
        const together = near.reduce((sum, o) => sum + o.totalMinor, 0n);
        if (near.length < 2 || together <= threshold) continue;
        for (const o of near) {
          if (flagged.has(o.id)) continue;
          flagged.add(o.id);
          const others = near
            .filter((g) => g.id !== o.id)
            .map((g) => g.number)
            .join('、');
          pick(o.id, {
            code: 'split_claim',
            zh: `与 ${others} 同为 ${o.employeeCode} 的${key.startsWith('category') ? '同类' : '同一商户'}（${key.replace(/^\w+ /, '')}）报销，${windowDays} 天内合计 ${yuanOf(together)}，每单均不超过审批金额 ${yuanOf(threshold)}，疑似拆单`,
            en: `With ${others.replaceAll('、', ', ')}: ${o.employeeCode}'s claims for ${key} within ${windowDays} days add up to ${yuanOf(together)}, each at or under the ${yuanOf(threshold)} approval threshold: possibly split`,
          });
        }
      }
    }
  }

  if (plan.repeatMerchants !== undefined) {
    const { minClaims } = plan.repeatMerchants;
    const byEmployee = Map.groupBy(ordered, (c) => c.employeeCode);
    for (const mine of byEmployee.values()) {
      const byMerchant = new Map<string, { name: string; claims: ClaimFacts[] }>();
      for (const c of mine)
        for (const m of new Map(c.merchants.map((x) => [x.key, x])).values()) {
          const entry = byMerchant.get(m.key) ?? { name: m.name, claims: [] };
          entry.claims.push(c);
          byMerchant.set(m.key, entry);
        }
      for (const { name, claims: repeated } of byMerchant.values())
        if (repeated.length >= minClaims)
          for (const c of repeated)
            pick(c.id, {
              code: 'repeat_merchant',
              zh: `${c.employeeCode} 有 ${repeated.length} 张报销单使用同一商户「${name}」的发票（不少于 ${minClaims} 张）`,
              en: `${repeated.length} of ${c.employeeCode}'s claims carry invoices from the same seller "${name}" (at least ${minClaims})`,
            });
    }
  }

  return ordered
    .filter((c) => reasons.has(c.id))
    .map((c) => ({ documentId: c.id, riskScore: scores.get(c.id) ?? 0, reasons: reasons.get(c.id) ?? [] }));
}
