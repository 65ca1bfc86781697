import type { Failure } from '../../model/result.ts';
import { describeUsccProblem, normalizeUscc, validateUscc } from '../../standards/cn/uscc.ts';
import type { QualitySeverity } from './tables.ts';

/**
 * Data-quality rules are data (kind, field, params, severity) evaluated by pure functions: a rule and a
 * set of records in, findings out, each with the value it saw, a message and the suggested fix. The
 * service (quality/service.ts) stores findings as issues and resolves the ones no longer found.
 */

export const RULE_KINDS = [
  'required',
  'format',
  'reference_exists',
  'uscc_valid',
  'bank_account_format',
  'duplicate',
  'stale',
  'source_conflict',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const isRuleKind = (value: string): value is RuleKind =>
  (RULE_KINDS as readonly string[]).includes(value);

export const SEVERITIES: readonly QualitySeverity[] = ['info', 'warning', 'error', 'critical'];
export const severityRank = (s: QualitySeverity): number => SEVERITIES.indexOf(s);
/** Points an open issue takes off its record's score of 100. */
export const PENALTY: Readonly<Record<QualitySeverity, number>> = {
  info: 2,
  warning: 10,
  error: 25,
  critical: 50,
};

export interface RuleParams {
  /** format: the regular expression the whole value must match (JavaScript syntax, `u` flag). */
  readonly pattern?: string;
  /** reference_exists: the entity whose code the value must be. */
  readonly entity?: string;
  /** stale: days without a change after which a record is stale. */
  readonly days?: number;
}

export interface Rule {
  readonly id: string;
  readonly entity: string;
  readonly kind: RuleKind;
  readonly field: string | null;
  readonly params: RuleParams;
  readonly severity: QualitySeverity;
  readonly enabled: boolean;
}

/** One record as rules see it: its source, its key in that source, its fields, when it last changed. */
export interface QualityRecord {
  readonly source: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly kind: RuleKind;
  readonly severity: QualitySeverity;
  readonly source: string;
  readonly key: string;
  /** The field, '' for record-wide findings. */
  readonly field: string;
  readonly value: string | null;
  readonly message: string;
  readonly suggestion: string;
}

/** What the rules need besides the records: the codes of referenced entities, the current instant. */
export interface RuleContext {
  readonly now: string;
  codesOf(entity: string): ReadonlySet<string>;
}

/** The value at a dotted path (`bankAccounts.0.accountNumber`); `bankAccounts.*.accountNumber` yields each. */
export function valuesAt(fields: Readonly<Record<string, unknown>>, path: string): unknown[] {
  let current: unknown[] = [fields];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (part === '*' && Array.isArray(value)) next.push(...(value as unknown[]));
      else if (Array.isArray(value) && /^\d+$/.test(part)) next.push((value as unknown[])[Number(part)]);
      else if (typeof value === 'object' && value !== null && Object.hasOwn(value, part))
        next.push((value as Record<string, unknown>)[part]);
      else next.push(undefined);
    }
    current = next;
  }
  return current;
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A value as duplicates are compared: full-width folded, without spaces and dashes, upper case. */
export const normaliseForDuplicate = (value: string): string =>
  value
    .normalize('NFKC')
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();

/** Chinese bank account numbers: 8 to 30 digits once spaces and dashes are taken out. */
export const BANK_ACCOUNT = /^\d{8,30}$/;

/** Checks a rule's definition: field-level failures (pointers into the request body). */
export function checkRuleDefinition(
  input: {
    readonly kind: string;
    readonly field?: string | null;
    readonly params?: RuleParams;
  },
  knownEntities: readonly string[],
): Failure[] {
  const failures: Failure[] = [];
  if (!isRuleKind(input.kind)) {
    failures.push({
      code: 'quality_rule_kind_unknown',
      pointer: '/kind',
      params: { kind: input.kind, known: RULE_KINDS.join(', ') },
    });
    return failures;
  }
  const field = input.field ?? null;
  const needsField = !['stale', 'source_conflict'].includes(input.kind);
  if (needsField && (field === null || field === ''))
    failures.push({ code: 'missing_field', pointer: '/field', params: { field: 'field' } });
  const params = input.params ?? {};
  if (input.kind === 'format') {
    if (typeof params.pattern !== 'string' || params.pattern === '')
      failures.push({ code: 'missing_field', pointer: '/params/pattern', params: { field: 'pattern' } });
    else {
      try {
        new RegExp(params.pattern, 'u');
      } catch (error) {
        failures.push({
          code: 'quality_rule_bad_pattern',
          pointer: '/params/pattern',
          params: { pattern: params.pattern, reason: (error as Error).message },
        });
      }
    }
  }
  if (input.kind === 'reference_exists') {
    if (typeof params.entity !== 'string')
      failures.push({ code: 'missing_field', pointer: '/params/entity', params: { field: 'entity' } });
    else if (!knownEntities.includes(params.entity))
      failures.push({
        code: 'quality_entity_unknown',
        pointer: '/params/entity',
        params: { entity: params.entity, known: knownEntities.join(', ') },
      });
  }
  if (
    input.kind === 'stale' &&
    (typeof params.days !== 'number' || !Number.isInteger(params.days) || params.days < 1)
  )
    failures.push({ code: 'missing_field', pointer: '/params/days', params: { field: 'days' } });
  return failures;
}

const DAY_MS = 86_400_000;

/**
 * Findings of the per-record rules (everything but duplicate and source_conflict) on some records.
 * A rule on a field a pulled copy does not carry is not applied to that copy (its source keeps other
 * fields), except `required`, which only applies to FinBridge's own records and copies that carry it.
 */
export function evaluateRecords(
  rules: readonly Rule[],
  records: readonly QualityRecord[],
  context: RuleContext,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.kind === 'duplicate' || rule.kind === 'source_conflict') continue;
    const pattern =
      rule.kind === 'format' && rule.params.pattern !== undefined
        ? new RegExp(rule.params.pattern, 'u')
        : null;
    const codes =
      rule.kind === 'reference_exists' && rule.params.entity !== undefined
        ? context.codesOf(rule.params.entity)
        : null;
    for (const record of records) {
      const found = (field: string, value: string | null, message: string, suggestion: string) =>
        findings.push({
          ruleId: rule.id,
          kind: rule.kind,
          severity: rule.severity,
          source: record.source,
          key: record.key,
          field,
          value,
          message,
          suggestion,
        });
      if (rule.kind === 'stale') {
        const days = rule.params.days ?? 365;
        const age = Math.floor((Date.parse(context.now) - Date.parse(record.updatedAt)) / DAY_MS);
        if (age >= days)
          found(
            '',
            record.updatedAt,
            `not changed for ${age} days (limit ${days})`,
            'Review the record and confirm or update it',
          );
        continue;
      }
      const field = rule.field ?? '';
      const pulledWithout =
        record.source !== 'finbridge' &&
        !field.split('.').some((p) => p === '*') &&
        valuesAt(record.fields, field).every(isBlank) &&
        rule.kind !== 'required';
      if (pulledWithout) continue;
      const values = valuesAt(record.fields, field);
      if (rule.kind === 'required') {
        if (record.source !== 'finbridge' && !(field in record.fields) && !field.includes('.')) continue;
        if (values.every(isBlank)) found(field, null, `${field} is empty`, `Fill in ${field}`);
        continue;
      }
      for (const raw of values) {
        if (isBlank(raw)) continue;
        const value = asText(raw) ?? JSON.stringify(raw);
        if (rule.kind === 'format' && pattern !== null) {
          const whole = pattern.exec(value);
          if (whole === null || whole[0] !== value)
            found(
              field,
              value,
              `${field} does not match ${rule.params.pattern ?? ''}`,
              `Correct ${field} to the format ${rule.params.pattern ?? ''}`,
            );
        } else if (rule.kind === 'reference_exists' && codes !== null) {
          if (!codes.has(value))
            found(
              field,
              value,
              `${field} names ${rule.params.entity ?? ''} ${value}, which does not exist`,
              `Use the code of an existing ${rule.params.entity ?? ''}, or create ${value}`,
            );
        } else if (rule.kind === 'uscc_valid') {
          const normalised = normalizeUscc(value);
          const check = validateUscc(normalised);
          if (!check.valid && check.problem !== undefined) {
            const expected = check.problem.reason === 'checksum' ? check.problem.expected : null;
            found(
              field,
              value,
              `${field}: ${describeUsccProblem(check.problem, 'en-US')}`,
              expected !== null
                ? `Check the credit code on the business licence (a valid check character here would be ${expected})`
                : 'Check the 18-character credit code on the business licence',
            );
          }
        } else if (rule.kind === 'bank_account_format') {
          const digits = value.normalize('NFKC').replace(/[\s-]/g, '');
          if (!BANK_ACCOUNT.test(digits))
            found(
              field,
              value,
              `${field} is not a bank account number (8–30 digits)`,
              /^\d+$/.test(digits)
                ? 'Check the number of digits with the bank'
                : 'Remove letters and other characters; a bank account number is digits only',
            );
        }
      }
    }
  }
  return findings;
}

/** One value a `duplicate` rule compares: the record it is on, as written and normalised. */
export interface DuplicateValue {
  readonly source: string;
  readonly key: string;
  readonly value: string;
  readonly normalised: string;
}

/**
 * The distinct normalised values of a record's field as a `duplicate` rule compares them (the first
 * value written for each), blanks left out: what the duplicate index keeps per rule and record.
 */
export function duplicateValues(
  field: string,
  record: Pick<QualityRecord, 'source' | 'key' | 'fields'>,
): DuplicateValue[] {
  const out: DuplicateValue[] = [];
  const seen = new Set<string>();
  for (const raw of valuesAt(record.fields, field)) {
    const value = asText(raw);
    if (value === null || value.trim() === '') continue;
    const normalised = normaliseForDuplicate(value);
    if (seen.has(normalised)) continue;
    seen.add(normalised);
    out.push({ source: record.source, key: record.key, value, normalised });
  }
  return out;
}

/**
 * Findings of one `duplicate` rule over the values given: every record of a source sharing a
 * normalised value with another record. The values of a group must all be given for its findings to
 * be whole (the write path looks them up in the duplicate index, the sweep passes every record's).
 */
export function duplicateFindings(rule: Rule, values: readonly DuplicateValue[]): Finding[] {
  const findings: Finding[] = [];
  if (!rule.enabled || rule.kind !== 'duplicate' || rule.field === null) return findings;
  const field = rule.field;
  const groups = new Map<string, { key: string; value: string; source: string }[]>();
  for (const v of values) {
    const groupKey = `${v.source}\u0000${v.normalised}`;
    const group = groups.get(groupKey) ?? [];
    if (!group.some((g) => g.key === v.key)) group.push({ key: v.key, value: v.value, source: v.source });
    groups.set(groupKey, group);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // by key: the same message whichever order the values came in (a write's index lookup, a sweep)
    group.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key, value, source } of group) {
      const others = group.filter((g) => g.key !== key).map((g) => g.key);
      findings.push({
        ruleId: rule.id,
        kind: 'duplicate',
        severity: rule.severity,
        source,
        key,
        field,
        value,
        message: `${field} ${value} is also on ${others.join(', ')}`,
        suggestion: `Merge the duplicates or correct ${field} on the wrong one (${[key, ...others].join(', ')})`,
      });
    }
  }
  return findings;
}

/** Findings of `duplicate` rules: every record of a source sharing a normalised value with another. */
export function evaluateDuplicates(rules: readonly Rule[], records: readonly QualityRecord[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.kind !== 'duplicate' || rule.field === null) continue;
    const field = rule.field;
    findings.push(
      ...duplicateFindings(
        rule,
        records.flatMap((record) => duplicateValues(field, record)),
      ),
    );
  }
  return findings;
}

/** A golden record as `source_conflict` sees it: each source's value of each field. */
export interface GoldenView {
  readonly id: string;
  readonly name: string;
  readonly conflicts: readonly string[];
  /** field → the surviving value and its source. */
  readonly surviving: Readonly<Record<string, { readonly value: string; readonly source: string }>>;
  /** Each source's copy: source, key, fields. */
  readonly sources: readonly {
    readonly source: string;
    readonly key: string;
    readonly fields: Readonly<Record<string, string>>;
  }[];
}

/** Findings of `source_conflict` rules: a field the sources of one golden record disagree on. */
export function evaluateConflicts(rules: readonly Rule[], goldens: readonly GoldenView[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.kind !== 'source_conflict') continue;
    for (const golden of goldens) {
      for (const field of golden.conflicts) {
        if (rule.field !== null && rule.field !== field) continue;
        const values = golden.sources
          .filter((s) => s.fields[field] !== undefined)
          .map((s) => `${s.source}: ${s.fields[field] ?? ''}`);
        const surviving = golden.surviving[field];
        findings.push({
          ruleId: rule.id,
          kind: 'source_conflict',
          severity: rule.severity,
          source: 'golden',
          key: golden.id,
          field,
          value: values.join(' | '),
          message: `the sources of ${golden.name} disagree on ${field}`,
          suggestion:
            surviving === undefined
              ? `Correct ${field} in the sources that are wrong`
              : `${surviving.value} (from ${surviving.source}) survives; correct ${field} in the other sources, or change the survivorship rule`,
        });
      }
    }
  }
  return findings;
}

/** A record's score: 100 less the penalty of each open issue, never below 0. */
export const recordScore = (severities: readonly QualitySeverity[]): number =>
  Math.max(0, 100 - severities.reduce((sum, s) => sum + PENALTY[s], 0));

/** The default rule set of a new company (and the demo). */
export const DEFAULT_RULES: readonly Omit<Rule, 'id' | 'enabled'>[] = [
  { entity: 'supplier', kind: 'uscc_valid', field: 'taxId', params: {}, severity: 'error' },
  {
    entity: 'supplier',
    kind: 'bank_account_format',
    field: 'bankAccounts.*.accountNumber',
    params: {},
    severity: 'error',
  },
  { entity: 'supplier', kind: 'bank_account_format', field: 'bankAccount', params: {}, severity: 'error' },
  { entity: 'supplier', kind: 'duplicate', field: 'taxId', params: {}, severity: 'error' },
  { entity: 'supplier', kind: 'duplicate', field: 'name', params: {}, severity: 'warning' },
  { entity: 'supplier', kind: 'source_conflict', field: null, params: {}, severity: 'warning' },
  { entity: 'supplier', kind: 'stale', field: null, params: { days: 730 }, severity: 'info' },
  { entity: 'employee', kind: 'required', field: 'email', params: {}, severity: 'warning' },
  { entity: 'employee', kind: 'duplicate', field: 'email', params: {}, severity: 'error' },
  { entity: 'employee', kind: 'source_conflict', field: null, params: {}, severity: 'warning' },
  {
    entity: 'account',
    kind: 'format',
    field: 'code',
    params: { pattern: '^\\d{4}(\\d{2})*$' },
    severity: 'warning',
  },
  { entity: 'account', kind: 'source_conflict', field: null, params: {}, severity: 'warning' },
];
