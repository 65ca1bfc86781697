import type { Insertable, Selectable } from 'kysely';
import { cnDayKind, CN_HOLIDAYS, type HolidayCalendar } from '../standards/cn/holidays.ts';
import { formatMinor } from '../model/money.ts';
import { exponentOf, isCurrencyCode } from '../model/currencies.ts';
import { getRuleSet } from '../finance/rules/rule-sets.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import type { AnalyticsAnomaliesTable, AnalyticsSpendFactsTable, AnomalyKind } from './tables.ts';

/**
 * Cost anomalies over the spend facts (docs/analytics.md): each finding has a score (0–100), an
 * explanation in zh-CN and en-US and the claim it points at.
 * - peer_outlier: a line far above its peer group (category × department × city tier) by the robust
 *   z-score 0.6745·(x − median)/MAD > 3.5 (Iglewicz & Hoaglin), groups of 10 lines or more;
 * - split_claim: one employee's claims for one category within the audit rules' split window, each
 *   under an approval threshold, together over it;
 * - weekend_holiday: a line dated on a weekend or public holiday (the official CN calendar plus the
 *   company's own holidays and workdays);
 * - round_amount: a whole-hundred amount at or above the audit rules' round-amount minimum;
 * - benford: an employee's or department's first digits (100 lines or more) against Benford's law,
 *   chi-square with 8 degrees of freedom above 20.09 (p < 0.01);
 * - duplicate: two claims' lines sharing an invoice, or the same employee, category, day and amount.
 * New lines are checked when they post (against the peer statistics of the last scan); a scan
 * recomputes the statistics and every finding.
 */
type Fact = Pick<
  Selectable<AnalyticsSpendFactsTable>,
  | 'posting_id'
  | 'line_no'
  | 'document_id'
  | 'document_number'
  | 'period'
  | 'occurred_on'
  | 'department_code'
  | 'category_code'
  | 'employee_code'
  | 'supplier'
  | 'currency'
  | 'city'
  | 'invoice_keys'
  | 'amount_minor'
>;
export type Finding = Omit<Insertable<AnalyticsAnomaliesTable>, 'tenant_id'>;

const FACT_COLUMNS = [
  'posting_id',
  'line_no',
  'document_id',
  'document_number',
  'period',
  'occurred_on',
  'department_code',
  'category_code',
  'employee_code',
  'supplier',
  'currency',
  'city',
  'invoice_keys',
  'amount_minor',
] as const;

export const Z_LIMIT = 3.5;
export const PEER_MIN = 10;
export const BENFORD_MIN = 100;
/** Chi-square, 8 degrees of freedom, p = 0.01. */
export const BENFORD_CRITICAL = 20.09;
const BENFORD = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => Math.log10(1 + 1 / d));

interface Context {
  readonly calendars: readonly HolidayCalendar[];
  readonly tierOf: (city: string) => string;
  readonly splitWindowDays: number;
  readonly splitThresholdsMinor: readonly bigint[];
  readonly roundMinMinor: bigint;
  readonly stats: Map<string, { n: number; median: number; mad: number }>;
  readonly now: string;
}

const decimalToMinor = (s: string): bigint => {
  const [whole = '0', fraction = ''] = s.split('.');
  return BigInt(whole + fraction.padEnd(2, '0').slice(0, 2));
};

/** The company's audit rules (holidays, city tiers, split window and thresholds) and peer statistics. */
async function contextOf(db: TenantDb, now: string): Promise<Context> {
  const audit = (await getRuleSet(db, 'audit')).body;
  const extraYears = new Map<number, { holidays: string[]; workdays: string[] }>();
  for (const [list, kind] of [
    [audit.holidays, 'holidays'],
    [audit.workdays, 'workdays'],
  ] as const)
    for (const date of list) {
      const year = Number(date.slice(0, 4));
      const entry = extraYears.get(year) ?? { holidays: [], workdays: [] };
      entry[kind].push(date);
      extraYears.set(year, entry);
    }
  const years = new Set([...CN_HOLIDAYS.map((c) => c.year), ...extraYears.keys()]);
  const calendars = [...years].map((year) => {
    const official = CN_HOLIDAYS.find((c) => c.year === year);
    const extra = extraYears.get(year);
    return {
      year,
      source: official?.source ?? 'company audit rules',
      holidays: [...(official?.holidays ?? []), ...(extra?.holidays ?? [])],
      workdays: [...(official?.workdays ?? []), ...(extra?.workdays ?? [])].filter(
        (d) => extra?.holidays.includes(d) !== true,
      ),
    };
  });
  const tiers = Object.entries(audit.perDiem.cityTiers);
  const stats = new Map<string, { n: number; median: number; mad: number }>();
  for (const s of await db.selectFrom('analytics_peer_stats').selectAll().execute())
    stats.set(peerKey(s.category_code, s.department_code, s.city_tier, s.currency), {
      n: s.line_count,
      median: Number(s.median_minor),
      mad: Number(s.mad_minor),
    });
  return {
    calendars,
    tierOf: (city) =>
      tiers.find(([, cities]) => city !== '' && cities.some((c) => city.includes(c)))?.[0] ??
      audit.perDiem.defaultTier,
    splitWindowDays: audit.splitWindowDays,
    splitThresholdsMinor: audit.splitThresholds.map(decimalToMinor).sort((a, b) => (a < b ? -1 : 1)),
    roundMinMinor: decimalToMinor(audit.roundAmountMin),
    stats,
    now,
  };
}

const peerKey = (category: string, department: string, tier: string, currency: string) =>
  JSON.stringify([category, department, tier, currency]);

const money = (minor: bigint | number, currency: string) =>
  formatMinor(BigInt(minor), isCurrencyCode(currency) ? exponentOf(currency) : 2);

/** Appends to a list in a map of lists (never copying the list). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

const lineFinding = (
  kind: AnomalyKind,
  f: Fact,
  score: number,
  zh: string,
  en: string,
  params: Record<string, unknown>,
  now: string,
): Finding => ({
  id: `${kind}:${f.posting_id}:${f.line_no}`,
  kind,
  score: Math.max(1, Math.min(100, Math.round(score))),
  document_id: f.document_id,
  document_number: f.document_number,
  posting_id: f.posting_id,
  line_no: f.line_no,
  employee_code: f.employee_code,
  department_code: f.department_code,
  period: f.period,
  amount_minor: f.amount_minor,
  currency: f.currency,
  explanation_zh: zh,
  explanation_en: en,
  params_json: JSON.stringify(params),
  detected_at: now,
});

/** The checks of one line on its own: peer outlier, weekend or holiday, round amount. */
function lineChecks(f: Fact, ctx: Context): Finding[] {
  const out: Finding[] = [];
  const amount = money(f.amount_minor, f.currency);
  const tier = ctx.tierOf(f.city);
  const peer = ctx.stats.get(peerKey(f.category_code, f.department_code, tier, f.currency));
  if (peer !== undefined && peer.n >= PEER_MIN && peer.mad > 0) {
    const z = (0.6745 * (Number(f.amount_minor) - peer.median)) / peer.mad;
    if (z > Z_LIMIT) {
      const median = money(Math.round(peer.median), f.currency);
      const mad = money(Math.round(peer.mad), f.currency);
      out.push(
        lineFinding(
          'peer_outlier',
          f,
          50 + 5 * (z - Z_LIMIT),
          `${f.document_number} 第 ${f.line_no} 行 ${amount} ${f.currency} 远高于同组（${f.category_code} × ${f.department_code} × ${tier} 类城市，${peer.n} 笔）的中位数 ${median}（MAD ${mad}），稳健 z 值 ${z.toFixed(1)}`,
          `${f.document_number} line ${f.line_no}: ${amount} ${f.currency} is far above its peers (${f.category_code} × ${f.department_code} × city tier ${tier}, ${peer.n} lines): median ${median}, MAD ${mad}, robust z ${z.toFixed(1)}`,
          { z: Number(z.toFixed(2)), median, mad, peers: peer.n, tier },
          ctx.now,
        ),
      );
    }
  }
  const day = cnDayKind(f.occurred_on, ctx.calendars);
  if (day !== 'workday')
    out.push(
      lineFinding(
        'weekend_holiday',
        f,
        day === 'holiday' ? 40 : 30,
        `${f.document_number} 第 ${f.line_no} 行 ${amount} 发生于${day === 'holiday' ? '法定节假日' : '周末'} ${f.occurred_on}`,
        `${f.document_number} line ${f.line_no}: ${amount} spent on ${f.occurred_on}, a ${day === 'holiday' ? 'public holiday' : 'weekend day'}`,
        { date: f.occurred_on, day },
        ctx.now,
      ),
    );
  if (f.amount_minor >= ctx.roundMinMinor && f.amount_minor % 10_000n === 0n) {
    const thousand = f.amount_minor % 100_000n === 0n;
    out.push(
      lineFinding(
        'round_amount',
        f,
        thousand ? 35 : 25,
        `${f.document_number} 第 ${f.line_no} 行金额 ${amount} 为整${thousand ? '千' : '百'}数`,
        `${f.document_number} line ${f.line_no}: ${amount} is a whole ${thousand ? 'thousand' : 'hundred'}`,
        { amount, whole: thousand ? 1000 : 100 },
        ctx.now,
      ),
    );
  }
  return out;
}

/**
 * The checks across one employee's lines (sorted by date): duplicates and split claims. Only findings
 * on lines `mine` accepts are returned (a posting checks its own lines against their neighbours).
 */
function employeeChecks(lines: readonly Fact[], ctx: Context, mine: (f: Fact) => boolean): Finding[] {
  const out: Finding[] = [];
  const byInvoice = new Map<string, Fact[]>();
  const bySame = new Map<string, Fact[]>();
  for (const f of lines) {
    for (const key of f.invoice_keys === '' ? [] : f.invoice_keys.split(',')) push(byInvoice, key, f);
    const same = JSON.stringify([f.category_code, f.occurred_on, String(f.amount_minor), f.currency]);
    push(bySame, same, f);
  }
  const duplicates = new Map<string, Finding>();
  const addDuplicate = (group: readonly Fact[], invoice: string | null) => {
    const claims = new Set(group.map((g) => g.document_id));
    if (claims.size < 2) return;
    for (const f of group) {
      if (!mine(f)) continue;
      const others = group.filter((g) => g.document_id !== f.document_id).map((g) => g.document_number);
      const amount = money(f.amount_minor, f.currency);
      const finding =
        invoice === null
          ? lineFinding(
              'duplicate',
              f,
              70,
              `${f.document_number} 第 ${f.line_no} 行与 ${others.join('、')} 的费用类别、日期 ${f.occurred_on} 和金额 ${amount} 完全相同`,
              `${f.document_number} line ${f.line_no} has the same category, date ${f.occurred_on} and amount ${amount} as ${others.join(', ')}`,
              { claims: others, basis: 'amount_date' },
              ctx.now,
            )
          : lineFinding(
              'duplicate',
              f,
              90,
              `${f.document_number} 第 ${f.line_no} 行的发票 ${invoice} 也用于 ${others.join('、')}`,
              `${f.document_number} line ${f.line_no}: invoice ${invoice} is also claimed on ${others.join(', ')}`,
              { claims: others, basis: 'invoice', invoice },
              ctx.now,
            );
      const known = duplicates.get(finding.id);
      if (known === undefined || known.score < finding.score) duplicates.set(finding.id, finding);
    }
  };
  for (const [key, group] of byInvoice) addDuplicate(group, key);
  for (const group of bySame.values()) addDuplicate(group, null);
  out.push(...duplicates.values());

  // split claims: per category, claims whose lines fall within the window of each other
  const byCategory = new Map<string, Fact[]>();
  for (const f of lines) {
    const key = `${f.category_code}|${f.currency}`;
    push(byCategory, key, f);
  }
  const splits = new Map<string, Finding>();
  for (const group of byCategory.values()) {
    // the group is in date order: each line opens a window of the days after it (two pointers)
    let end = 0;
    for (let i = 0; i < group.length; i++) {
      const start = group[i];
      if (start === undefined) continue;
      const first = dayNumber(start.occurred_on);
      if (end < i) end = i;
      while (
        end + 1 < group.length &&
        dayNumber(group[end + 1]?.occurred_on ?? '') - first <= ctx.splitWindowDays
      )
        end += 1;
      const window = group.slice(i, end + 1);
      const perClaim = new Map<string, { number: string; total: bigint }>();
      for (const g of window) {
        const c = perClaim.get(g.document_id) ?? { number: g.document_number, total: 0n };
        c.total += g.amount_minor;
        perClaim.set(g.document_id, c);
      }
      if (perClaim.size < 2) continue;
      const total = [...perClaim.values()].reduce((s, c) => s + c.total, 0n);
      const largest = [...perClaim.values()].reduce((m, c) => (c.total > m ? c.total : m), 0n);
      const threshold = ctx.splitThresholdsMinor.find((t) => largest < t && total >= t);
      if (threshold === undefined) continue;
      const numbers = [...perClaim.values()].map((c) => c.number);
      for (const f of window) {
        if (!mine(f)) continue;
        const finding = lineFinding(
          'split_claim',
          f,
          45 + 15 * (perClaim.size - 1),
          `${numbers.join('、')} 在 ${ctx.splitWindowDays} 天内同为 ${f.category_code}，每张都低于审批阈值 ${money(threshold, f.currency)}，合计 ${money(total, f.currency)} 超过它`,
          `${numbers.join(', ')}: ${f.category_code} within ${ctx.splitWindowDays} days, each under the approval threshold ${money(threshold, f.currency)}, together ${money(total, f.currency)} over it`,
          { claims: numbers, total: money(total, f.currency), threshold: money(threshold, f.currency) },
          ctx.now,
        );
        const known = splits.get(finding.id);
        if (known === undefined || known.score < finding.score) splits.set(finding.id, finding);
      }
    }
  }
  out.push(...splits.values());
  return out;
}

const firstDigit = (minor: bigint): number => {
  const s = (minor < 0n ? -minor : minor).toString();
  return Number(s[0]);
};

/** Chi-square of first digits against Benford's law. */
export function benfordChiSquare(counts: readonly number[]): number {
  const n = counts.reduce((s, c) => s + c, 0);
  return BENFORD.reduce((chi, p, i) => {
    const expected = n * p;
    return chi + ((counts[i] ?? 0) - expected) ** 2 / expected;
  }, 0);
}

function benfordFinding(
  subject: 'employee' | 'department',
  code: string,
  counts: number[],
  period: string,
  now: string,
): Finding | undefined {
  const n = counts.reduce((s, c) => s + c, 0);
  if (n < BENFORD_MIN) return undefined;
  const chi = benfordChiSquare(counts);
  if (chi <= BENFORD_CRITICAL) return undefined;
  const worst = counts
    .map((c, i) => ({ digit: i + 1, share: c / n, expected: BENFORD[i] ?? 0 }))
    .sort((a, b) => Math.abs(b.share - b.expected) - Math.abs(a.share - a.expected))[0];
  const who = subject === 'employee' ? { zh: '员工', en: 'employee' } : { zh: '部门', en: 'department' };
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return {
    id: `benford:${subject}:${code}`,
    kind: 'benford',
    score: Math.max(1, Math.min(100, Math.round(40 + chi / 2))),
    document_id: null,
    document_number: null,
    posting_id: null,
    line_no: null,
    employee_code: subject === 'employee' ? code : null,
    department_code: subject === 'department' ? code : null,
    period,
    amount_minor: null,
    currency: null,
    explanation_zh: `${who.zh} ${code} 的 ${n} 笔金额首位数字偏离本福特定律（卡方 ${chi.toFixed(1)} > ${BENFORD_CRITICAL}，p < 0.01）；首位 ${worst?.digit} 占 ${pct(worst?.share ?? 0)}，应约 ${pct(worst?.expected ?? 0)}`,
    explanation_en: `The first digits of ${who.en} ${code}'s ${n} amounts depart from Benford's law (chi-square ${chi.toFixed(1)} > ${BENFORD_CRITICAL}, p < 0.01); digit ${worst?.digit} leads ${pct(worst?.share ?? 0)}, expected about ${pct(worst?.expected ?? 0)}`,
    params_json: JSON.stringify({ subject, code, lines: n, chiSquare: Number(chi.toFixed(2)), counts }),
    detected_at: now,
  };
}

async function upsertFindings(tx: TenantDb, findings: readonly Finding[]): Promise<void> {
  for (let i = 0; i < findings.length; i += 200)
    await tx
      .insertInto('analytics_anomalies', findings.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          explanation_zh: eb.ref('excluded.explanation_zh'),
          explanation_en: eb.ref('excluded.explanation_en'),
          params_json: eb.ref('excluded.params_json'),
          detected_at: eb.ref('excluded.detected_at'),
        })),
      )
      .execute();
}

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Checks lines as they post (in the posting's transaction), against their neighbours and the last statistics. */
export async function detectForNewLines(
  tx: TenantDb,
  facts: readonly Omit<Fact, never>[],
  now: string,
): Promise<void> {
  if (facts.length === 0) return;
  const ctx = await contextOf(tx, now);
  const findings: Finding[] = facts.flatMap((f) => lineChecks(f, ctx));
  const isNew = new Set(facts.map((f) => `${f.posting_id}#${f.line_no}`));
  const byEmployee = new Map<string, Fact[]>();
  for (const f of facts) push(byEmployee, f.employee_code, f);
  for (const [employee, mine] of byEmployee) {
    const dates = mine.map((f) => f.occurred_on).sort();
    const neighbours = await tx
      .selectFrom('analytics_spend_facts')
      .select([...FACT_COLUMNS])
      .where('employee_code', '=', employee)
      .where('occurred_on', '>=', shiftDays(dates[0] ?? '', -ctx.splitWindowDays))
      .where('occurred_on', '<=', shiftDays(dates.at(-1) ?? '', ctx.splitWindowDays))
      .where('reversed', '=', 0)
      .orderBy('occurred_on')
      .execute();
    // a new line's finding, and the neighbour it pairs with, both get it
    const touched = employeeChecks(neighbours, ctx, () => true);
    const involved = new Set(
      touched.filter((t) => isNew.has(`${t.posting_id}#${t.line_no}`)).map((t) => t.kind),
    );
    findings.push(...touched.filter((t) => involved.has(t.kind)));
  }
  await upsertFindings(tx, findings);
}

/** The robust statistics of a list of amounts: median and MAD (median absolute deviation). */
export function medianAndMad(values: Float64Array): { median: number; mad: number } {
  const sorted = values.slice().sort();
  const mid = (a: Float64Array) =>
    a.length === 0
      ? 0
      : a.length % 2 === 1
        ? (a[(a.length - 1) / 2] ?? 0)
        : ((a[a.length / 2 - 1] ?? 0) + (a[a.length / 2] ?? 0)) / 2;
  const median = mid(sorted);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort();
  return { median, mad: mid(deviations) };
}

export interface ScanSummary {
  readonly lines: number;
  readonly peerGroups: number;
  readonly anomalies: number;
  readonly byKind: Readonly<Record<string, number>>;
}

/**
 * Recomputes the peer statistics and every finding from the live facts: one pass in primary-key
 * pages for the statistics and department first digits, one per employee for the rest.
 */
export async function scanAnomalies(db: TenantDb, now: Date, pageSize = 20_000): Promise<ScanSummary> {
  const at = now.toISOString();
  const base = await contextOf(db, at);
  const groups = new Map<
    string,
    { values: number[]; category: string; department: string; tier: string; currency: string }
  >();
  const departmentDigits = new Map<string, { counts: number[]; period: string }>();
  let lines = 0;
  let after: { posting_id: string; line_no: number } | null = null;
  for (;;) {
    let select = db
      .selectFrom('analytics_spend_facts')
      .select([
        'posting_id',
        'line_no',
        'category_code',
        'department_code',
        'city',
        'currency',
        'amount_minor',
        'period',
      ])
      .where('reversed', '=', 0);
    if (after !== null) {
      const { posting_id, line_no } = after;
      select = select.where((eb) =>
        eb(eb.refTuple('posting_id', 'line_no'), '>', eb.tuple(posting_id, line_no)),
      );
    }
    const page = await select.orderBy('posting_id').orderBy('line_no').limit(pageSize).execute();
    for (const f of page) {
      const tier = base.tierOf(f.city);
      const key = peerKey(f.category_code, f.department_code, tier, f.currency);
      let group = groups.get(key);
      if (group === undefined) {
        group = {
          values: [],
          category: f.category_code,
          department: f.department_code,
          tier,
          currency: f.currency,
        };
        groups.set(key, group);
      }
      group.values.push(Number(f.amount_minor));
      if (f.amount_minor > 0n) {
        const d = departmentDigits.get(f.department_code) ?? {
          counts: Array<number>(9).fill(0),
          period: f.period,
        };
        const digit = firstDigit(f.amount_minor);
        d.counts[digit - 1] = (d.counts[digit - 1] ?? 0) + 1;
        if (f.period > d.period) d.period = f.period;
        departmentDigits.set(f.department_code, d);
      }
    }
    lines += page.length;
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) break;
    after = { posting_id: last.posting_id, line_no: last.line_no };
  }
  const stats = [...groups.values()].map((g) => {
    const { median, mad } = medianAndMad(Float64Array.from(g.values));
    return {
      category_code: g.category,
      department_code: g.department,
      city_tier: g.tier,
      currency: g.currency,
      line_count: g.values.length,
      median_minor: BigInt(Math.round(median)),
      mad_minor: BigInt(Math.round(mad)),
      computed_at: at,
    };
  });
  groups.clear();
  const ctx: Context = {
    ...base,
    stats: new Map(
      stats.map((s) => [
        peerKey(s.category_code, s.department_code, s.city_tier, s.currency),
        { n: s.line_count, median: Number(s.median_minor), mad: Number(s.mad_minor) },
      ]),
    ),
  };
  const findings: Finding[] = [];
  for (const [code, d] of departmentDigits) {
    const f = benfordFinding('department', code, d.counts, d.period, at);
    if (f !== undefined) findings.push(f);
  }
  const employees = await db
    .selectFrom('analytics_spend_facts')
    .select('employee_code')
    .distinct()
    .where('reversed', '=', 0)
    .orderBy('employee_code')
    .execute();
  for (const { employee_code } of employees) {
    const mine = await db
      .selectFrom('analytics_spend_facts')
      .select([...FACT_COLUMNS])
      .where('employee_code', '=', employee_code)
      .where('reversed', '=', 0)
      .orderBy('occurred_on')
      .orderBy('posting_id')
      .orderBy('line_no')
      .execute();
    const counts = Array<number>(9).fill(0);
    let period = '';
    for (const f of mine) {
      findings.push(...lineChecks(f, ctx));
      if (f.amount_minor > 0n)
        counts[firstDigit(f.amount_minor) - 1] = (counts[firstDigit(f.amount_minor) - 1] ?? 0) + 1;
      if (f.period > period) period = f.period;
    }
    findings.push(...employeeChecks(mine, ctx, () => true));
    const benford = benfordFinding('employee', employee_code, counts, period, at);
    if (benford !== undefined) findings.push(benford);
  }
  await db.transaction(async (tx) => {
    await tx.deleteFrom('analytics_peer_stats').execute();
    for (let i = 0; i < stats.length; i += 500)
      await tx.insertInto('analytics_peer_stats', stats.slice(i, i + 500)).execute();
    await tx.deleteFrom('analytics_anomalies').execute();
    for (let i = 0; i < findings.length; i += 500)
      await tx.insertInto('analytics_anomalies', findings.slice(i, i + 500)).execute();
  });
  const byKind: Record<string, number> = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return { lines, peerGroups: stats.length, anomalies: findings.length, byKind };
}
