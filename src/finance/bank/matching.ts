import {
  compareAccounts,
  compareNames,
  normaliseAccount,
  normaliseName,
  normaliseReference,
} from './normalise.ts';
import type { Direction } from './tables.ts';
import { dayNumber } from './values.ts';

/**
 * Matching bank lines (银行流水) to book entries (企业账面记录): a pure function over plain data, so the
 * API, the CLI and the benchmark run the same rules, and every proposal explains itself.
 *
 * Points (capped at 100; a proposal needs `threshold`, 60 by default):
 * - `amount` 40 — equal amounts (a group: the members add up to the other side); required;
 * - `date` 20 on the same day, 4 fewer per day apart (booking or value date, whichever is nearer);
 *   items more than `windowDays` apart (7) are never paired;
 * - `counterparty_account` 25 — the same account number (15 when the bank masks digits: 6222****1234);
 * - `counterparty_name` 20 — the same name once full-width/half-width, spaces, punctuation and the
 *   legal form (有限公司 …) are set aside; 10 when one name contains the other;
 * - `reference` 25 — the book entry's reference (claim number, payment number) appears in the line's
 *   reference or text, or the bank's reference appears in the entry's;
 * - groups: `group_reference` 25 (every member's reference is in the single side's text),
 *   `group_counterparty` 20 (every member has the single side's counterparty), `group_whole_day` 10
 *   (the members are all the open entries of their day, as a batch payment 批量代发 books them).
 *
 * Shapes: `one_to_one`; `many_to_one` — several book entries, one bank line (a batch payment);
 * `one_to_many` — one book entry, several bank lines (a payment the bank split). One-to-one runs
 * first, over everything; groups only over what is left: the smallest group that adds up (two members,
 * then three, … up to `maxGroup`), and only when one group of that size does — two different groups
 * leave the line open. Nothing is ever forced: a line without a proposal stays open. Entries that cannot
 * be told apart (same amount, day, counterparty, reference) are taken in their given order.
 */
export interface MatchLine {
  readonly id: string;
  readonly bookedOn: string;
  readonly valueOn: string | null;
  readonly amountMinor: bigint;
  readonly direction: Direction;
  readonly counterpartyName: string | null;
  readonly counterpartyAccount: string | null;
  readonly reference: string | null;
  readonly description: string | null;
  readonly bankTxnId: string | null;
}

export interface MatchEntry {
  readonly id: string;
  readonly bookedOn: string;
  readonly amountMinor: bigint;
  readonly direction: Direction;
  readonly counterpartyName: string | null;
  readonly counterpartyAccount: string | null;
  readonly reference: string | null;
  readonly description: string | null;
}

export const REASON_CODES = [
  'amount',
  'date',
  'counterparty_account',
  'counterparty_name',
  'reference',
  'group_reference',
  'group_counterparty',
  'group_whole_day',
  'manual',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  readonly code: ReasonCode;
  readonly points: number;
  /** `date`: how many days apart. */
  readonly days?: number;
  /** Partial evidence: a masked account number, or one name containing the other. */
  readonly match?: 'masked' | 'contains';
  /** `amount` of a group: how many items add up. */
  readonly members?: number;
}

export type MatchShape = 'one_to_one' | 'many_to_one' | 'one_to_many';

export interface ProposedMatch {
  readonly shape: MatchShape;
  readonly lineIds: readonly string[];
  readonly entryIds: readonly string[];
  readonly score: number;
  readonly reasons: readonly Reason[];
}

export interface MatchOptions {
  readonly windowDays?: number;
  readonly threshold?: number;
  /** Largest group of a many-to-one or one-to-many match. */
  readonly maxGroup?: number;
  /** Pairs someone unmatched: never proposed again. */
  readonly vetoed?: (lineId: string, entryId: string) => boolean;
}

export const MATCH_DEFAULTS = { windowDays: 7, threshold: 60, maxGroup: 8 } as const;

export const POINTS = {
  amount: 40,
  sameDay: 20,
  perDay: 4,
  accountSame: 25,
  accountMasked: 15,
  nameSame: 20,
  nameContains: 10,
  reference: 25,
  groupReference: 25,
  groupCounterparty: 20,
  groupWholeDay: 10,
} as const;

interface PreparedLine {
  readonly item: MatchLine;
  readonly index: number;
  readonly day: number;
  readonly valueDay: number | null;
  readonly name: string;
  readonly account: string;
  readonly ref: string;
  readonly txn: string;
  readonly text: string;
}

interface PreparedEntry {
  readonly item: MatchEntry;
  readonly index: number;
  readonly day: number;
  readonly name: string;
  readonly account: string;
  readonly ref: string;
  readonly text: string;
  readonly signature: string;
}

const prepareLine = (item: MatchLine, index: number): PreparedLine => {
  const ref = normaliseReference(item.reference);
  const txn = normaliseReference(item.bankTxnId);
  return {
    item,
    index,
    day: dayNumber(item.bookedOn),
    valueDay: item.valueOn === null ? null : dayNumber(item.valueOn),
    name: normaliseName(item.counterpartyName),
    account: normaliseAccount(item.counterpartyAccount),
    ref,
    txn,
    text: `${ref}|${normaliseReference(item.description)}|${txn}`,
  };
};

const prepareEntry = (item: MatchEntry, index: number): PreparedEntry => {
  const name = normaliseName(item.counterpartyName);
  const account = normaliseAccount(item.counterpartyAccount);
  const ref = normaliseReference(item.reference);
  const day = dayNumber(item.bookedOn);
  return {
    item,
    index,
    day,
    name,
    account,
    ref,
    text: `${ref}|${normaliseReference(item.description)}`,
    signature: `${String(item.amountMinor)}|${day}|${name}|${account}|${ref}`,
  };
};

const daysApart = (line: PreparedLine, day: number): number =>
  Math.min(Math.abs(line.day - day), line.valueDay === null ? Infinity : Math.abs(line.valueDay - day));

const datePoints = (days: number): number => Math.max(0, POINTS.sameDay - POINTS.perDay * days);

const MIN_REFERENCE = 4;
const MIN_BANK_REFERENCE = 6;

/** The evidence beyond amount and date that a line and an entry are the same movement. */
function evidence(line: PreparedLine, entry: PreparedEntry): Reason[] {
  const reasons: Reason[] = [];
  const account = compareAccounts(line.account, entry.account);
  if (account === 'same') reasons.push({ code: 'counterparty_account', points: POINTS.accountSame });
  else if (account === 'masked')
    reasons.push({ code: 'counterparty_account', points: POINTS.accountMasked, match: 'masked' });
  const name = compareNames(line.name, entry.name);
  if (name === 'same') reasons.push({ code: 'counterparty_name', points: POINTS.nameSame });
  else if (name === 'contains')
    reasons.push({ code: 'counterparty_name', points: POINTS.nameContains, match: 'contains' });
  if (referenceMeets(line, entry)) reasons.push({ code: 'reference', points: POINTS.reference });
  return reasons;
}

function referenceMeets(line: PreparedLine, entry: PreparedEntry): boolean {
  if (entry.ref.length >= MIN_REFERENCE && line.text.includes(entry.ref)) return true;
  if (line.ref.length >= MIN_BANK_REFERENCE && entry.text.includes(line.ref)) return true;
  return line.txn.length >= MIN_BANK_REFERENCE && entry.text.includes(line.txn);
}

const sameParty = (line: PreparedLine, entry: PreparedEntry): boolean => {
  const account = compareAccounts(line.account, entry.account);
  return account === 'same' || account === 'masked' || compareNames(line.name, entry.name) === 'same';
};

const total = (reasons: readonly Reason[]): number =>
  Math.min(
    100,
    reasons.reduce((s, r) => s + r.points, 0),
  );

/** The reasons and score of one line against one entry of the same amount; undefined outside the window. */
function pairScore(
  line: PreparedLine,
  entry: PreparedEntry,
  windowDays: number,
): { score: number; reasons: Reason[]; days: number } | undefined {
  const days = daysApart(line, entry.day);
  if (days > windowDays) return undefined;
  const reasons: Reason[] = [
    { code: 'amount', points: POINTS.amount },
    { code: 'date', points: datePoints(days), days },
    ...evidence(line, entry),
  ];
  return { score: total(reasons), reasons, days };
}

/** First index in `sorted` (by day) whose day is at least `day`. */
function lowerBound(sorted: readonly { readonly day: number }[], day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.day ?? Infinity) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byDay = <T extends { readonly day: number; readonly index: number }>(a: T, b: T) =>
  a.day - b.day || a.index - b.index;

/** Steps a group search may take for one line or entry before it gives up (and leaves it open). */
const SEARCH_BUDGET = 100_000;

/**
 * Groups of exactly `size` members (amounts descending) adding up to `target`: at most two, and members
 * that cannot be told apart (same signature) are not tried twice at one place, so two results are two
 * really different groups. False when the budget ran out.
 */
function groupsOfSize<T>(
  sorted: readonly T[],
  values: readonly bigint[],
  signature: (m: T) => string,
  target: bigint,
  size: number,
  budget: { steps: number },
  found: T[][],
): boolean {
  const n = sorted.length;
  // tail[r]: the sum of the r smallest members (the last r)
  const tail: bigint[] = [0n];
  for (let r = 1; r <= n; r += 1) tail.push((tail[r - 1] ?? 0n) + (values[n - r] ?? 0n));
  const chosen: T[] = [];
  const walk = (start: number, left: number, remaining: bigint): boolean => {
    if (left === 0) {
      if (remaining === 0n) found.push([...chosen]);
      return true;
    }
    if ((tail[left] ?? 0n) > remaining) return true;
    const tried = new Set<string>();
    for (let i = start; i <= n - left && found.length < 2; i += 1) {
      if ((budget.steps -= 1) < 0) return false;
      // the largest sum still reachable: this member and the next ones (amounts descend)
      let largest = 0n;
      for (let k = i; k < i + left; k += 1) largest += values[k] ?? 0n;
      if (largest < remaining) return true;
      const value = values[i] ?? 0n;
      if (value > remaining) continue;
      const member = sorted[i] as T;
      const sig = signature(member);
      if (tried.has(sig)) continue;
      tried.add(sig);
      chosen.push(member);
      const go = walk(i + 1, left - 1, remaining - value);
      chosen.pop();
      if (!go) return false;
    }
    return true;
  };
  return walk(0, size, target);
}

/** Candidates sharing a day, counterparty or reference beyond this many are not searched for groups. */
const LARGEST_SEARCHED_COHORT = 60;

interface Cohort<T> {
  readonly kind: 'group_reference' | 'group_counterparty' | 'group_whole_day';
  readonly members: readonly T[];
}

/**
 * The one group from the cohorts that adds up to `target`: the smallest size any cohort can make it
 * with (2, then 3, … up to `maxGroup`), and only when the groups of that size are one group (or groups
 * that cannot be told apart); undefined when none, several, or the search ran out of budget.
 */
function oneGroup<T extends { readonly index: number }>(
  cohorts: readonly Cohort<T>[],
  amount: (m: T) => bigint,
  signature: (m: T) => string,
  target: bigint,
  maxGroup: number,
): { members: T[]; kinds: Set<Cohort<T>['kind']>; wholeDay: boolean } | undefined {
  const searched = cohorts
    .filter((c) => c.members.length >= 2 && c.members.length <= LARGEST_SEARCHED_COHORT)
    .map((cohort) => {
      const sorted = [...cohort.members].sort((a, b) =>
        amount(b) > amount(a) ? 1 : amount(b) < amount(a) ? -1 : 0,
      );
      return { cohort, sorted, values: sorted.map(amount) };
    });
  const budget = { steps: SEARCH_BUDGET };
  const largest = Math.min(maxGroup, Math.max(0, ...searched.map((c) => c.sorted.length)));
  for (let size = 2; size <= largest; size += 1) {
    const solutions = new Map<string, { members: T[]; kinds: Set<Cohort<T>['kind']>; wholeDay: boolean }>();
    const fungible = new Set<string>();
    for (const { cohort, sorted, values } of searched) {
      if (sorted.length < size) continue;
      const found: T[][] = [];
      if (!groupsOfSize(sorted, values, signature, target, size, budget, found)) return undefined;
      for (const members of found) {
        const key = members
          .map((m) => m.index)
          .sort((a, b) => a - b)
          .join(',');
        fungible.add(members.map(signature).sort().join(','));
        const wholeDay = cohort.kind === 'group_whole_day' && members.length === cohort.members.length;
        const existing = solutions.get(key);
        if (existing === undefined) solutions.set(key, { members, kinds: new Set([cohort.kind]), wholeDay });
        else {
          existing.kinds.add(cohort.kind);
          existing.wholeDay ||= wholeDay;
        }
      }
    }
    if (solutions.size > 0) return fungible.size === 1 ? [...solutions.values()][0] : undefined;
  }
  return undefined;
}

export function proposeMatches(
  lines: readonly MatchLine[],
  entries: readonly MatchEntry[],
  options: MatchOptions = {},
): ProposedMatch[] {
  const windowDays = options.windowDays ?? MATCH_DEFAULTS.windowDays;
  const threshold = options.threshold ?? MATCH_DEFAULTS.threshold;
  const maxGroup = options.maxGroup ?? MATCH_DEFAULTS.maxGroup;
  const vetoed = options.vetoed ?? (() => false);
  const preparedLines = lines.map(prepareLine);
  const preparedEntries = entries.map(prepareEntry);
  const usedLines = new Uint8Array(preparedLines.length);
  const usedEntries = new Uint8Array(preparedEntries.length);
  const proposals: ProposedMatch[] = [];

  // 1. one to one: same direction and amount, within the window
  const buckets = new Map<string, PreparedEntry[]>();
  for (const e of preparedEntries) {
    const key = `${e.item.direction}${String(e.item.amountMinor)}`;
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [e]);
    else bucket.push(e);
  }
  for (const bucket of buckets.values()) bucket.sort(byDay);
  interface Pair {
    readonly line: PreparedLine;
    readonly entry: PreparedEntry;
    readonly score: number;
    readonly reasons: Reason[];
    readonly days: number;
  }
  const pairs: Pair[] = [];
  const lineCandidates = new Uint32Array(preparedLines.length);
  const entryCandidates = new Uint32Array(preparedEntries.length);
  for (const line of preparedLines) {
    const bucket = buckets.get(`${line.item.direction}${String(line.item.amountMinor)}`);
    if (bucket === undefined) continue;
    const earliest = Math.min(line.day, line.valueDay ?? line.day) - windowDays;
    const latest = Math.max(line.day, line.valueDay ?? line.day) + windowDays;
    for (let i = lowerBound(bucket, earliest); i < bucket.length; i += 1) {
      const entry = bucket[i] as PreparedEntry;
      if (entry.day > latest) break;
      if (vetoed(line.item.id, entry.item.id)) continue;
      const scored = pairScore(line, entry, windowDays);
      if (scored === undefined || scored.score < threshold) continue;
      pairs.push({ line, entry, ...scored });
      lineCandidates[line.index] = (lineCandidates[line.index] ?? 0) + 1;
      entryCandidates[entry.index] = (entryCandidates[entry.index] ?? 0) + 1;
    }
  }
  pairs.sort(
    (a, b) =>
      b.score - a.score ||
      a.days - b.days ||
      (lineCandidates[a.line.index] ?? 0) +
        (entryCandidates[a.entry.index] ?? 0) -
        ((lineCandidates[b.line.index] ?? 0) + (entryCandidates[b.entry.index] ?? 0)) ||
      a.line.index - b.line.index ||
      a.entry.index - b.entry.index,
  );
  for (const pair of pairs) {
    if (usedLines[pair.line.index] === 1 || usedEntries[pair.entry.index] === 1) continue;
    usedLines[pair.line.index] = 1;
    usedEntries[pair.entry.index] = 1;
    proposals.push({
      shape: 'one_to_one',
      lineIds: [pair.line.item.id],
      entryIds: [pair.entry.item.id],
      score: pair.score,
      reasons: pair.reasons,
    });
  }

  // 2. many book entries to one bank line (a batch payment), over what is left
  const openEntries = (direction: Direction) =>
    preparedEntries.filter((e) => usedEntries[e.index] === 0 && e.item.direction === direction).sort(byDay);
  const entryPools = { in: openEntries('in'), out: openEntries('out') };
  const leftLines = preparedLines.filter((l) => usedLines[l.index] === 0).sort(byDay);
  for (const line of leftLines) {
    const pool = entryPools[line.item.direction];
    const candidates: PreparedEntry[] = [];
    for (let i = lowerBound(pool, line.day - windowDays); i < pool.length; i += 1) {
      const e = pool[i] as PreparedEntry;
      if (e.day > line.day + windowDays) break;
      if (usedEntries[e.index] === 1 || e.item.amountMinor >= line.item.amountMinor) continue;
      if (daysApart(line, e.day) > windowDays || vetoed(line.item.id, e.item.id)) continue;
      candidates.push(e);
    }
    if (candidates.length < 2) continue;
    const perDay = new Map<number, PreparedEntry[]>();
    for (const e of candidates) {
      const day = perDay.get(e.day);
      if (day === undefined) perDay.set(e.day, [e]);
      else day.push(e);
    }
    const cohorts: Cohort<PreparedEntry>[] = [
      {
        kind: 'group_reference',
        members: candidates.filter((e) => e.ref.length >= MIN_REFERENCE && line.text.includes(e.ref)),
      },
      { kind: 'group_counterparty', members: candidates.filter((e) => sameParty(line, e)) },
      ...[...perDay.values()].map((members) => ({ kind: 'group_whole_day' as const, members })),
    ];
    const group = oneGroup(
      cohorts,
      (e) => e.item.amountMinor,
      (e) => e.signature,
      line.item.amountMinor,
      maxGroup,
    );
    if (group === undefined) continue;
    const worst = Math.max(...group.members.map((e) => daysApart(line, e.day)));
    const reasons: Reason[] = [
      { code: 'amount', points: POINTS.amount, members: group.members.length },
      { code: 'date', points: datePoints(worst), days: worst },
      ...(group.kinds.has('group_reference')
        ? [{ code: 'group_reference' as const, points: POINTS.groupReference }]
        : []),
      ...(group.kinds.has('group_counterparty')
        ? [{ code: 'group_counterparty' as const, points: POINTS.groupCounterparty }]
        : []),
      ...(group.wholeDay ? [{ code: 'group_whole_day' as const, points: POINTS.groupWholeDay }] : []),
    ];
    const score = total(reasons);
    if (score < threshold) continue;
    usedLines[line.index] = 1;
    for (const e of group.members) usedEntries[e.index] = 1;
    proposals.push({
      shape: 'many_to_one',
      lineIds: [line.item.id],
      entryIds: group.members.sort((a, b) => a.index - b.index).map((e) => e.item.id),
      score,
      reasons,
    });
  }

  // 3. one book entry to many bank lines (a payment the bank split), over what is left
  const openLines = (direction: Direction) =>
    preparedLines.filter((l) => usedLines[l.index] === 0 && l.item.direction === direction).sort(byDay);
  const linePools = { in: openLines('in'), out: openLines('out') };
  const leftEntries = preparedEntries.filter((e) => usedEntries[e.index] === 0).sort(byDay);
  const lineSignature = (l: PreparedLine) =>
    `${String(l.item.amountMinor)}|${l.day}|${l.name}|${l.account}|${l.ref}`;
  for (const entry of leftEntries) {
    const pool = linePools[entry.item.direction];
    const candidates: PreparedLine[] = [];
    for (let i = lowerBound(pool, entry.day - windowDays); i < pool.length; i += 1) {
      const l = pool[i] as PreparedLine;
      if (l.day > entry.day + windowDays) break;
      if (usedLines[l.index] === 1 || l.item.amountMinor >= entry.item.amountMinor) continue;
      if (vetoed(l.item.id, entry.item.id)) continue;
      candidates.push(l);
    }
    if (candidates.length < 2) continue;
    const cohorts: Cohort<PreparedLine>[] = [
      {
        kind: 'group_reference',
        members: candidates.filter((l) => entry.ref.length >= MIN_REFERENCE && l.text.includes(entry.ref)),
      },
      { kind: 'group_counterparty', members: candidates.filter((l) => sameParty(l, entry)) },
    ];
    const group = oneGroup(
      cohorts,
      (l) => l.item.amountMinor,
      lineSignature,
      entry.item.amountMinor,
      maxGroup,
    );
    if (group === undefined) continue;
    const worst = Math.max(...group.members.map((l) => daysApart(l, entry.day)));
    const reasons: Reason[] = [
      { code: 'amount', points: POINTS.amount, members: group.members.length },
      { code: 'date', points: datePoints(worst), days: worst },
      ...(group.kinds.has('group_reference')
        ? [{ code: 'group_reference' as const, points: POINTS.groupReference }]
        : []),
      ...(group.kinds.has('group_counterparty')
        ? [{ code: 'group_counterparty' as const, points: POINTS.groupCounterparty }]
        : []),
    ];
    const score = total(reasons);
    if (score < threshold) continue;
    usedEntries[entry.index] = 1;
    for (const l of group.members) usedLines[l.index] = 1;
    proposals.push({
      shape: 'one_to_many',
      lineIds: group.members.sort((a, b) => a.index - b.index).map((l) => l.item.id),
      entryIds: [entry.item.id],
      score,
      reasons,
    });
  }
  return proposals;
}

/**
 * The score and reasons of a match a person made (the same points as above, never a threshold): what
 * the evidence says about their choice. Amounts must already be equal on both sides.
 */
export function explainMatch(
  lines: readonly MatchLine[],
  entries: readonly MatchEntry[],
): { score: number; reasons: Reason[] } {
  const ls = lines.map(prepareLine);
  const es = entries.map(prepareEntry);
  const worst = Math.max(0, ...ls.flatMap((l) => es.map((e) => daysApart(l, e.day))));
  const manual: Reason = { code: 'manual', points: 0 };
  const [line] = ls;
  const [entry] = es;
  if (ls.length === 1 && es.length === 1 && line !== undefined && entry !== undefined) {
    const reasons: Reason[] = [
      { code: 'amount', points: POINTS.amount },
      { code: 'date', points: datePoints(worst), days: worst },
      ...evidence(line, entry),
      manual,
    ];
    return { score: total(reasons), reasons };
  }
  const single = ls.length === 1 ? line : undefined;
  const singleEntry = es.length === 1 ? entry : undefined;
  const allShareParty =
    single !== undefined
      ? es.every((e) => sameParty(single, e))
      : singleEntry !== undefined && ls.every((l) => sameParty(l, singleEntry));
  const allReferenced =
    single !== undefined
      ? es.every((e) => e.ref.length >= MIN_REFERENCE && single.text.includes(e.ref))
      : singleEntry !== undefined &&
        singleEntry.ref.length >= MIN_REFERENCE &&
        ls.every((l) => l.text.includes(singleEntry.ref));
  const reasons: Reason[] = [
    { code: 'amount', points: POINTS.amount, members: Math.max(ls.length, es.length) },
    { code: 'date', points: datePoints(worst), days: worst },
    ...(allReferenced ? [{ code: 'group_reference' as const, points: POINTS.groupReference }] : []),
    ...(allShareParty ? [{ code: 'group_counterparty' as const, points: POINTS.groupCounterparty }] : []),
    manual,
  ];
  return { score: total(reasons), reasons };
}
