import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { appendEvents } from '../../platform/events/log.ts';
import { isRole } from '../../platform/security/roles.ts';
import { findUser } from '../../platform/security/users.ts';
import { newId } from '../../platform/store/ids.ts';
import { tableExists } from '../../platform/store/sql-helpers.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { toEntity } from '../master-data/records.ts';
import { isQualityEntity, QUALITY_ENTITY_NAMES, resourceOf, type QualityEntity } from './entities.ts';
import {
  checkRuleDefinition,
  DEFAULT_RULES,
  duplicateFindings,
  duplicateValues,
  evaluateConflicts,
  evaluateDuplicates,
  evaluateRecords,
  isRuleKind,
  recordScore,
  SEVERITIES,
  severityRank,
  type DuplicateValue,
  type Finding,
  type GoldenView,
  type QualityRecord,
  type Rule,
  type RuleContext,
  type RuleParams,
  valuesAt,
} from './rules.ts';
import type { QualityIssuesTable, QualityRulesTable, QualitySeverity } from './tables.ts';
import type { Selectable } from 'kysely';

/**
 * Data quality (docs/governance.md, "Data quality"): rules per company and entity, evaluated when
 * master data is written (in the writing transaction) and by a sweep; what they find kept as issues
 * (open until the record is fixed, then resolved), record scores and a daily score per entity and
 * source; data owners told of new issues through the event log; gates that hold back a posting or a
 * sync while the master data it depends on has serious open issues.
 */

const CHUNK = 500;
const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

// ---- rules ---------------------------------------------------------------------------------------

export interface RuleView extends Rule {
  readonly updatedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const toRule = (row: Selectable<QualityRulesTable>): RuleView => ({
  id: row.id,
  entity: row.entity,
  kind: isRuleKind(row.kind) ? row.kind : 'required',
  field: row.field,
  params: JSON.parse(row.params_json) as RuleParams,
  severity: row.severity,
  enabled: row.enabled === 1,
  updatedBy: row.updated_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function listRules(db: TenantDb, entity?: string): Promise<RuleView[]> {
  let select = db.selectFrom('quality_rules').selectAll();
  if (entity !== undefined) select = select.where('entity', '=', entity);
  return (await select.orderBy('entity').orderBy('created_at').orderBy('id').execute()).map(toRule);
}

export async function getRule(db: TenantDb, id: string): Promise<RuleView> {
  const row = await db.selectFrom('quality_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'QualityRule', id });
  return toRule(row);
}

export interface RuleInput {
  readonly entity: string;
  readonly kind: string;
  readonly field?: string | null;
  readonly params?: RuleParams;
  readonly severity: QualitySeverity;
  readonly enabled?: boolean;
}

function checkRule(input: RuleInput): Failure[] {
  const failures: Failure[] = [];
  if (!isQualityEntity(input.entity))
    failures.push({
      code: 'quality_entity_unknown',
      pointer: '/entity',
      params: { entity: input.entity, known: QUALITY_ENTITY_NAMES.join(', ') },
    });
  failures.push(...checkRuleDefinition(input, QUALITY_ENTITY_NAMES));
  return failures;
}

export async function createRule(db: TenantDb, writer: Writer, input: RuleInput): Promise<RuleView> {
  const failures = checkRule(input);
  if (failures.length > 0) throw refusal(failures);
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const row = {
      id: newId(),
      entity: input.entity,
      kind: input.kind,
      field: input.field ?? null,
      params_json: JSON.stringify(input.params ?? {}),
      severity: input.severity,
      enabled: input.enabled === false ? 0 : 1,
      updated_by: writer.actor,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('quality_rules', [row]).execute();
    const rule = toRule({ tenant_id: tx.tenantId, ...row });
    await reindexRule(tx, rule);
    await audit(tx, writer, 'create', 'QualityRule', row.id, undefined, row);
    return rule;
  });
}

export async function updateRule(
  db: TenantDb,
  writer: Writer,
  id: string,
  patch: Partial<RuleInput>,
): Promise<RuleView> {
  return db.transaction(async (tx) => {
    const current = await getRule(tx, id);
    const next: RuleInput = {
      entity: patch.entity ?? current.entity,
      kind: patch.kind ?? current.kind,
      field: patch.field === undefined ? current.field : patch.field,
      params: patch.params ?? current.params,
      severity: patch.severity ?? current.severity,
      enabled: patch.enabled ?? current.enabled,
    };
    const failures = checkRule(next);
    if (failures.length > 0) throw refusal(failures);
    const now = writer.audit.clock.now().toISOString();
    await tx
      .updateTable('quality_rules')
      .set({
        entity: next.entity,
        kind: next.kind,
        field: next.field ?? null,
        params_json: JSON.stringify(next.params ?? {}),
        severity: next.severity,
        enabled: next.enabled === false ? 0 : 1,
        updated_by: writer.actor,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    // what the rule found before is no longer its finding: the next evaluation finds afresh
    if (next.enabled === false || next.kind !== current.kind || next.field !== current.field)
      await resolveRuleIssues(tx, id, now);
    const updated = await getRule(tx, id);
    if (
      updated.entity !== current.entity ||
      updated.kind !== current.kind ||
      updated.field !== current.field ||
      updated.enabled !== current.enabled
    )
      await reindexRule(tx, updated);
    await audit(tx, writer, 'update', 'QualityRule', id, current, updated);
    return updated;
  });
}

export async function deleteRule(db: TenantDb, writer: Writer, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await getRule(tx, id);
    const now = writer.audit.clock.now().toISOString();
    await resolveRuleIssues(tx, id, now);
    await tx.deleteFrom('quality_duplicate_values').where('rule_id', '=', id).execute();
    await tx.deleteFrom('quality_rules').where('id', '=', id).execute();
    await audit(tx, writer, 'delete', 'QualityRule', id, current, undefined);
  });
}

async function resolveRuleIssues(tx: TenantDb, ruleId: string, now: string): Promise<void> {
  await tx
    .updateTable('quality_issues')
    .set({ status: 'resolved', resolved_at: now })
    .where('rule_id', '=', ruleId)
    .where('status', '=', 'open')
    .execute();
}

/** The default rule set, for a company that has none yet (a new company, the demo). */
export async function seedDefaultRules(db: TenantDb, actor: string, now: string): Promise<number> {
  // a company registered on a database migrated only part of the way (the tests of older migrations)
  if (!(await tableExists(db, 'quality_rules'))) return 0;
  const any = await db.selectFrom('quality_rules').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return 0;
  const rows = DEFAULT_RULES.map((r) => ({
    id: newId(),
    entity: r.entity,
    kind: r.kind,
    field: r.field,
    params_json: JSON.stringify(r.params),
    severity: r.severity,
    enabled: 1,
    updated_by: actor,
    created_at: now,
    updated_at: now,
  }));
  await db.transaction(async (tx) => {
    await tx.insertInto('quality_rules', rows).execute();
    for (const row of rows) await reindexRule(tx, toRule({ tenant_id: tx.tenantId, ...row }));
  });
  return DEFAULT_RULES.length;
}

async function audit(
  tx: TenantDb,
  writer: Writer,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await appendAudit(tx, writer.audit, [
    {
      actor: writer.actor,
      action,
      entityType,
      entityId,
      requestId: writer.requestId,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    },
  ]);
}

// ---- evaluation ----------------------------------------------------------------------------------

export interface EvaluationResult {
  readonly records: number;
  readonly opened: number;
  readonly resolved: number;
}

/** A scope of evaluation: which (source, key) pairs and which rules were looked at. */
interface Scope {
  readonly entity: QualityEntity;
  readonly rules: readonly Rule[];
  /** The records looked at, by `source\0key`; issues of these (and these rules) not found again resolve. */
  readonly covered: (source: string, key: string, ruleId: string) => boolean;
  /** Every record evaluated (for their scores). */
  readonly records: readonly { readonly source: string; readonly key: string }[];
  /** Replace every record score of the entity (a sweep) rather than only these records'. */
  readonly complete: boolean;
  /**
   * A write's scope: the keys of FinBridge's own records whose issues it may open or resolve (only
   * their issues are read); without it, every issue of the entity is.
   */
  readonly keys?: ReadonlySet<string>;
  /** FinBridge's own records gone (deleted by a rollback): their scores are removed. */
  readonly removed?: readonly string[];
}

const pairKey = (source: string, key: string) => `${source}\u0000${key}`;
const findingKey = (ruleId: string, source: string, key: string, field: string) =>
  `${ruleId}\u0000${source}\u0000${key}\u0000${field}`;

async function codesOf(db: TenantDb, entity: string): Promise<Set<string>> {
  if (!isQualityEntity(entity)) return new Set();
  const rows = await db.selectFrom(resourceOf(entity).table).select('code').execute();
  return new Set(rows.map((r) => r.code));
}

/**
 * The codes `reference_exists` rules check against: every code of the referenced entities, or (given
 * the records to be evaluated) only those of the codes the records name that exist.
 */
async function ruleContext(
  db: TenantDb,
  rules: readonly Rule[],
  now: string,
  records?: readonly QualityRecord[],
): Promise<RuleContext> {
  const codes = new Map<string, Set<string>>();
  for (const rule of rules) {
    const entity = rule.params.entity;
    if (rule.kind !== 'reference_exists' || entity === undefined) continue;
    if (records === undefined) {
      if (!codes.has(entity)) codes.set(entity, await codesOf(db, entity));
      continue;
    }
    const named = new Set<string>();
    for (const record of records)
      for (const value of valuesAt(record.fields, rule.field ?? ''))
        if (typeof value === 'string' || typeof value === 'number') named.add(String(value));
    const found = codes.get(entity) ?? new Set<string>();
    if (isQualityEntity(entity))
      for (const part of chunks([...named]))
        for (const row of await db
          .selectFrom(resourceOf(entity).table)
          .select('code')
          .where('code', 'in', part)
          .execute())
          found.add(row.code);
    codes.set(entity, found);
  }
  return { now, codesOf: (entity) => codes.get(entity) ?? new Set() };
}

/** FinBridge's own records of an entity (all, or those with the given codes). */
async function masterRecords(
  db: TenantDb,
  entity: QualityEntity,
  codes?: readonly string[],
): Promise<QualityRecord[]> {
  const resource = resourceOf(entity);
  const rows =
    codes === undefined
      ? await db.selectFrom(resource.table).selectAll().execute()
      : (
          await Promise.all(
            chunks(codes).map((part) =>
              db.selectFrom(resource.table).selectAll().where('code', 'in', part).execute(),
            ),
          )
        ).flat();
  return rows.map((row) => ({
    source: 'finbridge',
    key: row.code,
    fields: toEntity(resource, row),
    updatedAt: row.updated_at,
  }));
}

/** Each connection's pulled copy of the entity's records (their golden sources, fields normalised). */
async function pulledRecords(db: TenantDb, entity: QualityEntity): Promise<QualityRecord[]> {
  const rows = await db
    .selectFrom('golden_sources')
    .select(['source', 'source_key', 'fields_json', 'changed_at'])
    .where('entity', '=', entity as never)
    .where('source', '!=', 'finbridge')
    .execute();
  return rows.map((r) => ({
    source: r.source,
    key: r.source_key,
    fields: JSON.parse(r.fields_json) as Record<string, string>,
    updatedAt: r.changed_at,
  }));
}

async function goldenViews(db: TenantDb, entity: QualityEntity): Promise<GoldenView[]> {
  const goldens = await db
    .selectFrom('golden_records')
    .select(['id', 'name', 'fields_json'])
    .where('entity', '=', entity as never)
    .where('status', '=', 'active')
    .execute();
  if (goldens.length === 0) return [];
  const sources = await db
    .selectFrom('golden_sources')
    .select(['golden_id', 'source', 'source_key', 'fields_json'])
    .where('entity', '=', entity as never)
    .execute();
  const byGolden = new Map<string, GoldenView['sources'][number][]>();
  for (const s of sources) {
    const list = byGolden.get(s.golden_id) ?? [];
    list.push({
      source: s.source,
      key: s.source_key,
      fields: JSON.parse(s.fields_json) as Record<string, string>,
    });
    byGolden.set(s.golden_id, list);
  }
  return goldens.map((g) => {
    const body = JSON.parse(g.fields_json) as {
      fields?: Record<string, { value: string; source: string }>;
      conflicts?: string[];
    };
    return {
      id: g.id,
      name: g.name,
      conflicts: body.conflicts ?? [],
      surviving: body.fields ?? {},
      sources: byGolden.get(g.id) ?? [],
    };
  });
}

async function enabledRules(db: TenantDb, entity: QualityEntity): Promise<Rule[]> {
  return (await listRules(db, entity)).filter((r) => r.enabled);
}

/**
 * Evaluates the records of one resource that a master-data write just created, changed or (a rollback)
 * deleted, in the writing transaction: the per-record rules on those records; the duplicate rules
 * through the duplicate index, kept here too — the records' values replaced, then the records sharing
 * any value they had or have now looked up by index and their duplicate findings made anew. Nothing
 * reads the whole entity, so a write costs the same on 100 records as on 1,000,000.
 */
export async function evaluateWritten(
  tx: TenantDb,
  resourcePath: string,
  codes: readonly string[],
  now: string,
): Promise<EvaluationResult> {
  const entity = QUALITY_ENTITY_NAMES.find((e) => resourceOf(e).path === resourcePath);
  if (entity === undefined || codes.length === 0) return { records: 0, opened: 0, resolved: 0 };
  const rules = (await enabledRules(tx, entity)).filter((r) => r.kind !== 'source_conflict');
  if (rules.length === 0) return { records: 0, opened: 0, resolved: 0 };
  const perRecord = rules.filter((r) => r.kind !== 'duplicate');
  const duplicates = rules.filter((r) => r.kind === 'duplicate');
  const written = await masterRecords(tx, entity, [...new Set(codes)]);
  const writtenKeys = new Set(written.map((r) => r.key));
  const removed = [...new Set(codes)].filter((c) => !writtenKeys.has(c));
  const findings = evaluateRecords(perRecord, written, await ruleContext(tx, perRecord, now, written));
  const coveredByRule = new Map<string, ReadonlySet<string>>();
  for (const rule of duplicates) {
    const { findings: found, covered } = await reindexWritten(tx, entity, rule, written, removed);
    findings.push(...found);
    coveredByRule.set(rule.id, covered);
  }
  const keys = new Set([...writtenKeys, ...removed]);
  for (const covered of coveredByRule.values()) for (const key of covered) keys.add(key);
  const removedKeys = new Set(removed);
  return applyFindings(tx, now, findings, {
    entity,
    rules,
    covered: (source, key, ruleId) =>
      source === 'finbridge' &&
      (coveredByRule.get(ruleId)?.has(key) ?? (writtenKeys.has(key) || removedKeys.has(key))),
    records: [...keys].filter((k) => !removedKeys.has(k)).map((key) => ({ source: 'finbridge', key })),
    complete: false,
    keys,
    removed,
  });
}

const duplicateRow = (entity: QualityEntity, ruleId: string, v: DuplicateValue) => ({
  entity,
  rule_id: ruleId,
  record_key: v.key,
  normalised: v.normalised,
  value: v.value,
});

/** The index rows of a rule with any of the normalised values (chunked `in` lookups on the index). */
async function rowsWithValues(
  tx: TenantDb,
  entity: QualityEntity,
  ruleId: string,
  values: Iterable<string>,
): Promise<DuplicateValue[]> {
  const out: DuplicateValue[] = [];
  for (const part of chunks([...values]))
    for (const r of await tx
      .selectFrom('quality_duplicate_values')
      .select(['record_key', 'normalised', 'value'])
      .where('entity', '=', entity)
      .where('rule_id', '=', ruleId)
      .where('normalised', 'in', part)
      .execute())
      out.push({ source: 'finbridge', key: r.record_key, value: r.value, normalised: r.normalised });
  return out;
}

/** The index rows of a rule for some records. */
async function rowsOfRecords(
  tx: TenantDb,
  ruleId: string,
  keys: Iterable<string>,
): Promise<DuplicateValue[]> {
  const out: DuplicateValue[] = [];
  for (const part of chunks([...keys]))
    for (const r of await tx
      .selectFrom('quality_duplicate_values')
      .select(['record_key', 'normalised', 'value'])
      .where('rule_id', '=', ruleId)
      .where('record_key', 'in', part)
      .execute())
      out.push({ source: 'finbridge', key: r.record_key, value: r.value, normalised: r.normalised });
  return out;
}

/**
 * Keeps one duplicate rule's index for the written (and removed) records and finds its duplicates
 * anew for every record whose group may have changed: the written ones and every record sharing a
 * value they had before or have now. Returns those findings and the records they are whole for.
 */
async function reindexWritten(
  tx: TenantDb,
  entity: QualityEntity,
  rule: Rule,
  written: readonly QualityRecord[],
  removed: readonly string[],
): Promise<{ findings: Finding[]; covered: ReadonlySet<string> }> {
  const field = rule.field ?? '';
  const keys = [...written.map((r) => r.key), ...removed];
  const before = await rowsOfRecords(tx, rule.id, keys);
  for (const part of chunks(keys))
    await tx
      .deleteFrom('quality_duplicate_values')
      .where('rule_id', '=', rule.id)
      .where('record_key', 'in', part)
      .execute();
  const now = written.flatMap((r) => duplicateValues(field, r));
  const affected = new Set([...before, ...now].map((v) => v.normalised));
  // the other records with a value the written ones had or have: looked up before those go in, so that
  // a large write reads back only the few records it shares values with, not its own
  const others = await rowsWithValues(tx, entity, rule.id, affected);
  for (const part of chunks(now))
    await tx
      .insertInto(
        'quality_duplicate_values',
        part.map((v) => duplicateRow(entity, rule.id, v)),
      )
      .execute();
  const covered = new Set([...keys, ...others.map((m) => m.key)]);
  let values = [...others, ...now];
  // a field with `*` gives a record several values: the other groups of the records looked up too, so
  // that a covered record's findings are whole (the written records' values are all in `now`)
  if (field.split('.').includes('*')) {
    const more = new Set(
      (await rowsOfRecords(tx, rule.id, new Set(others.map((o) => o.key))))
        .map((v) => v.normalised)
        .filter((n) => !affected.has(n)),
    );
    values = [...values, ...(await rowsWithValues(tx, entity, rule.id, more))];
  }
  return { findings: duplicateFindings(rule, values).filter((f) => covered.has(f.key)), covered };
}

/**
 * Rebuilds a rule's part of the duplicate index from every record of its entity: when a rule is
 * created, or its entity, kind, field or state changes (a disabled rule, or one of another kind, keeps
 * no values).
 */
async function reindexRule(tx: TenantDb, rule: Rule, own?: readonly QualityRecord[]): Promise<void> {
  await tx.deleteFrom('quality_duplicate_values').where('rule_id', '=', rule.id).execute();
  if (!rule.enabled || rule.kind !== 'duplicate' || rule.field === null || !isQualityEntity(rule.entity))
    return;
  const field = rule.field;
  const entity = rule.entity;
  const records = own ?? (await masterRecords(tx, entity));
  const rows = records.flatMap((r) => duplicateValues(field, r).map((v) => duplicateRow(entity, rule.id, v)));
  for (const part of chunks(rows)) await tx.insertInto('quality_duplicate_values', part).execute();
}

/** Evaluates every rule of the company (or of one entity) on every record of every source. */
export async function sweep(
  db: TenantDb,
  now: string,
  entity?: QualityEntity,
): Promise<EvaluationResult & { entities: number }> {
  let records = 0;
  let opened = 0;
  let resolved = 0;
  const entities = entity === undefined ? QUALITY_ENTITY_NAMES : [entity];
  for (const e of entities) {
    const result = await db.transaction(async (tx) => {
      const rules = await enabledRules(tx, e);
      const own = await masterRecords(tx, e);
      // the sweep reads every record anyway: it rebuilds the duplicate index the writes keep
      for (const rule of rules) if (rule.kind === 'duplicate') await reindexRule(tx, rule, own);
      const pulled = await pulledRecords(tx, e);
      const all = [...own, ...pulled];
      const goldens = rules.some((r) => r.kind === 'source_conflict') ? await goldenViews(tx, e) : [];
      const findings = [
        ...evaluateRecords(rules, all, await ruleContext(tx, rules, now)),
        ...evaluateDuplicates(rules, all),
        ...evaluateConflicts(rules, goldens),
      ];
      return applyFindings(tx, now, findings, {
        entity: e,
        rules,
        covered: () => true,
        records: [
          ...all.map((r) => ({ source: r.source, key: r.key })),
          ...goldens.map((g) => ({ source: 'golden', key: g.id })),
        ],
        complete: true,
      });
    });
    records += result.records;
    opened += result.opened;
    resolved += result.resolved;
  }
  return { entities: entities.length, records, opened, resolved };
}

/**
 * Stores what an evaluation found: new findings open issues (or reopen resolved ones), open issues of
 * the scope not found again are resolved (the record was fixed, or is gone), issues of disabled or
 * deleted rules are resolved. Then the records' scores, the day's score per source and for the entity,
 * and one event per source for the data owners when issues opened.
 */
async function applyFindings(
  tx: TenantDb,
  now: string,
  findings: readonly Finding[],
  scope: Scope,
): Promise<EvaluationResult> {
  const ruleIds = new Set(scope.rules.map((r) => r.id));
  const existing =
    scope.keys === undefined
      ? await tx.selectFrom('quality_issues').selectAll().where('entity', '=', scope.entity).execute()
      : (
          await Promise.all(
            chunks([...scope.keys]).map((part) =>
              tx
                .selectFrom('quality_issues')
                .selectAll()
                .where('entity', '=', scope.entity)
                .where('source', '=', 'finbridge')
                .where('record_key', 'in', part)
                .execute(),
            ),
          )
        ).flat();
  const removed = new Set(scope.removed ?? []);
  const byKey = new Map(existing.map((i) => [findingKey(i.rule_id, i.source, i.record_key, i.field), i]));
  const found = new Set<string>();
  const inserts: Omit<Selectable<QualityIssuesTable>, 'tenant_id'>[] = [];
  const reopened: { id: string; finding: Finding }[] = [];
  for (const f of findings) {
    const key = findingKey(f.ruleId, f.source, f.key, f.field);
    if (found.has(key)) continue;
    found.add(key);
    const current = byKey.get(key);
    if (current === undefined) {
      inserts.push({
        id: newId(),
        rule_id: f.ruleId,
        entity: scope.entity,
        source: f.source,
        record_key: f.key,
        field: f.field,
        kind: f.kind,
        severity: f.severity,
        value: f.value,
        message: f.message,
        suggestion: f.suggestion,
        status: 'open',
        opened_at: now,
        seen_at: now,
        resolved_at: null,
      });
    } else if (current.status === 'resolved') {
      reopened.push({ id: current.id, finding: f });
    } else if (
      current.value !== f.value ||
      current.severity !== f.severity ||
      current.message !== f.message
    ) {
      await tx
        .updateTable('quality_issues')
        .set({
          value: f.value,
          severity: f.severity,
          message: f.message,
          suggestion: f.suggestion,
          seen_at: now,
        })
        .where('id', '=', current.id)
        .execute();
    }
  }
  for (const part of chunks(inserts)) await tx.insertInto('quality_issues', part).execute();
  for (const { id, finding } of reopened)
    await tx
      .updateTable('quality_issues')
      .set({
        status: 'open',
        opened_at: now,
        seen_at: now,
        resolved_at: null,
        value: finding.value,
        severity: finding.severity,
        message: finding.message,
        suggestion: finding.suggestion,
      })
      .where('id', '=', id)
      .execute();
  const toResolve = existing.filter(
    (i) =>
      i.status === 'open' &&
      !found.has(findingKey(i.rule_id, i.source, i.record_key, i.field)) &&
      (!ruleIds.has(i.rule_id)
        ? scope.complete || (i.source === 'finbridge' && removed.has(i.record_key))
        : scope.covered(i.source, i.record_key, i.rule_id)),
  );
  for (const part of chunks(toResolve.map((i) => i.id)))
    await tx
      .updateTable('quality_issues')
      .set({ status: 'resolved', resolved_at: now })
      .where('id', 'in', part)
      .execute();

  await storeScores(tx, now, scope);
  const openedIssues = [...inserts.map((i) => ({ id: i.id, finding: toFinding(i) })), ...reopened];
  await notifyOwners(tx, now, scope.entity, openedIssues);
  return { records: scope.records.length, opened: openedIssues.length, resolved: toResolve.length };
}

const toFinding = (i: Omit<Selectable<QualityIssuesTable>, 'tenant_id'>): Finding => ({
  ruleId: i.rule_id,
  kind: i.kind as Finding['kind'],
  severity: i.severity,
  source: i.source,
  key: i.record_key,
  field: i.field,
  value: i.value,
  message: i.message,
  suggestion: i.suggestion,
});

async function storeScores(tx: TenantDb, now: string, scope: Scope): Promise<void> {
  const openIssues = tx
    .selectFrom('quality_issues')
    .select(['source', 'record_key', 'severity'])
    .where('entity', '=', scope.entity)
    .where('status', '=', 'open');
  const open =
    scope.keys === undefined
      ? await openIssues.execute()
      : (
          await Promise.all(
            chunks(scope.records.map((r) => r.key)).map((part) =>
              openIssues.where('source', '=', 'finbridge').where('record_key', 'in', part).execute(),
            ),
          )
        ).flat();
  const severities = new Map<string, QualitySeverity[]>();
  for (const i of open) {
    const key = pairKey(i.source, i.record_key);
    severities.set(key, [...(severities.get(key) ?? []), i.severity]);
  }
  const seen = new Set<string>();
  const rows = scope.records.flatMap((r) => {
    const key = pairKey(r.source, r.key);
    if (seen.has(key)) return [];
    seen.add(key);
    const list = severities.get(key) ?? [];
    return [
      {
        entity: scope.entity,
        source: r.source,
        record_key: r.key,
        score: recordScore(list),
        open_issues: list.length,
        evaluated_at: now,
      },
    ];
  });
  if (scope.complete)
    await tx.deleteFrom('quality_record_scores').where('entity', '=', scope.entity).execute();
  for (const part of chunks(scope.removed ?? []))
    await tx
      .deleteFrom('quality_record_scores')
      .where('entity', '=', scope.entity)
      .where('source', '=', 'finbridge')
      .where('record_key', 'in', part)
      .execute();
  for (const part of chunks(rows))
    await tx
      .insertInto('quality_record_scores', part)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'entity', 'source', 'record_key']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          open_issues: eb.ref('excluded.open_issues'),
          evaluated_at: eb.ref('excluded.evaluated_at'),
        })),
      )
      .execute();
  // the day's score per source and for the entity ('*'): the mean of its record scores, summed in
  // the database (one row per source, not per record)
  const sums = await tx
    .selectFrom('quality_record_scores')
    .select((eb) => [
      'source',
      eb.fn.sum<number | string>('score').as('sum'),
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>('open_issues').as('open'),
    ])
    .where('entity', '=', scope.entity)
    .groupBy('source')
    .execute();
  const bySource = new Map<string, { sum: number; n: number; open: number }>();
  for (const r of sums)
    for (const source of [r.source, '*']) {
      const agg = bySource.get(source) ?? { sum: 0, n: 0, open: 0 };
      agg.sum += Number(r.sum);
      agg.n += Number(r.n);
      agg.open += Number(r.open);
      bySource.set(source, agg);
    }
  const day = now.slice(0, 10);
  const days = [...bySource].map(([source, agg]) => ({
    entity: scope.entity,
    source,
    day_on: day,
    score: Math.round(agg.sum / agg.n),
    records: agg.n,
    open_issues: agg.open,
    updated_at: now,
  }));
  for (const part of chunks(days))
    await tx
      .insertInto('quality_score_days', part)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'entity', 'source', 'day_on']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          records: eb.ref('excluded.records'),
          open_issues: eb.ref('excluded.open_issues'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

// ---- owners --------------------------------------------------------------------------------------

export interface OwnerView {
  readonly scope: 'entity' | 'source';
  readonly name: string;
  readonly owner: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

export async function listOwners(db: TenantDb): Promise<OwnerView[]> {
  const rows = await db.selectFrom('data_owners').selectAll().orderBy('scope').orderBy('name').execute();
  return rows.map((r) => ({
    scope: r.scope,
    name: r.name,
    owner: r.owner,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/** Names (or, with owner null, removes) the owner of an entity or a source: `user:<id>` or `role:<role>`. */
export async function setOwner(
  db: TenantDb,
  writer: Writer,
  input: { readonly scope: 'entity' | 'source'; readonly name: string; readonly owner: string | null },
  /** Whether a source name is a connection of the company (the caller asks the hub). */
  isConnection: (id: string) => Promise<boolean>,
): Promise<OwnerView | null> {
  const failures: Failure[] = [];
  if (input.scope === 'entity' && !isQualityEntity(input.name))
    failures.push({
      code: 'quality_entity_unknown',
      pointer: '/name',
      params: { entity: input.name, known: QUALITY_ENTITY_NAMES.join(', ') },
    });
  if (input.scope === 'source' && input.name !== 'finbridge' && input.name !== 'golden') {
    if (!(await isConnection(input.name)))
      failures.push({
        code: 'reference_not_found',
        pointer: '/name',
        params: { resource: 'Connection', id: input.name },
      });
  }
  if (input.owner !== null) {
    const [kind, id = ''] = input.owner.split(/:(.*)/s);
    const valid =
      (kind === 'role' && isRole(id)) ||
      (kind === 'user' && id !== '' && (await findUser(db, id)) !== undefined);
    if (!valid)
      failures.push({ code: 'quality_owner_invalid', pointer: '/owner', params: { owner: input.owner } });
  }
  if (failures.length > 0) throw refusal(failures);
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const before = await tx
      .selectFrom('data_owners')
      .selectAll()
      .where('scope', '=', input.scope)
      .where('name', '=', input.name)
      .executeTakeFirst();
    await tx
      .deleteFrom('data_owners')
      .where('scope', '=', input.scope)
      .where('name', '=', input.name)
      .execute();
    const key = `${input.scope}:${input.name}`;
    if (input.owner === null) {
      await audit(tx, writer, 'delete', 'DataOwner', key, before?.owner, undefined);
      return null;
    }
    const row = {
      scope: input.scope,
      name: input.name,
      owner: input.owner,
      updated_by: writer.actor,
      updated_at: now,
    };
    await tx.insertInto('data_owners', [row]).execute();
    await audit(
      tx,
      writer,
      before === undefined ? 'create' : 'update',
      'DataOwner',
      key,
      before?.owner,
      input.owner,
    );
    return {
      scope: row.scope,
      name: row.name,
      owner: row.owner,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  });
}

async function ownersOf(tx: TenantDb, entity: string, source: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('data_owners')
    .select(['scope', 'name', 'owner'])
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'entity'), eb('name', '=', entity)]),
        eb.and([eb('scope', '=', 'source'), eb('name', '=', source)]),
      ]),
    )
    .execute();
  // the entity's owner first
  return [...new Set(rows.sort((a, b) => (a.scope < b.scope ? -1 : 1)).map((r) => r.owner))];
}

/** One `data_quality.issues_opened` event per source with new issues, naming the owners to tell. */
async function notifyOwners(
  tx: TenantDb,
  now: string,
  entity: string,
  opened: readonly { id: string; finding: Finding }[],
): Promise<void> {
  const bySource = new Map<string, { id: string; finding: Finding }[]>();
  for (const o of opened) bySource.set(o.finding.source, [...(bySource.get(o.finding.source) ?? []), o]);
  for (const [source, list] of bySource) {
    await appendEvents(tx, [
      {
        type: 'data_quality.issues_opened',
        subjectId: `${entity}:${source}`,
        occurredAt: now,
        data: {
          entity,
          source,
          owners: await ownersOf(tx, entity, source),
          count: list.length,
          issues: list.slice(0, 20).map(({ id, finding }) => ({
            id,
            kind: finding.kind,
            severity: finding.severity,
            record: finding.key,
            field: finding.field,
            message: finding.message,
          })),
        },
      },
    ]);
  }
}

/** The default checker of a change request: the owner of the entity a `master-data:<resource>` target changes. */
export async function defaultChecker(tx: TenantDb, target: string): Promise<string | null> {
  const resource = target.startsWith('master-data:') ? target.slice('master-data:'.length) : null;
  if (resource === null) return null;
  const entity = QUALITY_ENTITY_NAMES.find((e) => resourceOf(e).path === resource);
  if (entity === undefined) return null;
  const row = await tx
    .selectFrom('data_owners')
    .select('owner')
    .where('scope', '=', 'entity')
    .where('name', '=', entity)
    .executeTakeFirst();
  return row?.owner ?? null;
}

// ---- issues and scores ---------------------------------------------------------------------------

export interface IssueView {
  readonly id: string;
  readonly ruleId: string;
  readonly kind: string;
  readonly entity: string;
  readonly source: string;
  readonly record: string;
  readonly field: string;
  readonly value: string | null;
  readonly severity: QualitySeverity;
  readonly message: string;
  readonly suggestion: string;
  readonly status: 'open' | 'resolved';
  readonly openedAt: string;
  readonly resolvedAt: string | null;
}

const toIssue = (r: Selectable<QualityIssuesTable>): IssueView => ({
  id: r.id,
  ruleId: r.rule_id,
  kind: r.kind,
  entity: r.entity,
  source: r.source,
  record: r.record_key,
  field: r.field,
  value: r.value,
  severity: r.severity,
  message: r.message,
  suggestion: r.suggestion,
  status: r.status,
  openedAt: r.opened_at,
  resolvedAt: r.resolved_at,
});

export interface IssueQuery {
  readonly entity?: string;
  readonly source?: string;
  readonly status?: 'open' | 'resolved';
  readonly kind?: string;
  readonly ruleId?: string;
  readonly record?: string;
  /** At or above this severity. */
  readonly severity?: QualitySeverity;
  readonly limit: number;
  readonly offset: number;
}

export async function listIssues(
  db: TenantDb,
  q: IssueQuery,
): Promise<{ items: IssueView[]; total: number }> {
  let select = db.selectFrom('quality_issues');
  if (q.entity !== undefined) select = select.where('entity', '=', q.entity);
  if (q.source !== undefined) select = select.where('source', '=', q.source);
  if (q.status !== undefined) select = select.where('status', '=', q.status);
  if (q.kind !== undefined) select = select.where('kind', '=', q.kind);
  if (q.ruleId !== undefined) select = select.where('rule_id', '=', q.ruleId);
  if (q.record !== undefined) select = select.where('record_key', '=', q.record);
  if (q.severity !== undefined)
    select = select.where(
      'severity',
      'in',
      SEVERITIES.filter((s) => severityRank(s) >= severityRank(q.severity ?? 'info')),
    );
  const total = await select.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const rows = await select
    .selectAll()
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { items: rows.map(toIssue), total: Number(total?.n ?? 0) };
}

export interface ScoreView {
  readonly entity: string;
  readonly source: string;
  readonly score: number;
  readonly records: number;
  readonly openIssues: number;
  readonly trend: { readonly on: string; readonly score: number; readonly openIssues: number }[];
}

/** The latest score of each entity ('*' = all its sources) and each source, with its daily trend. */
export async function listScores(
  db: TenantDb,
  query: { readonly entity?: string; readonly since?: string },
): Promise<ScoreView[]> {
  let select = db.selectFrom('quality_score_days').selectAll();
  if (query.entity !== undefined) select = select.where('entity', '=', query.entity);
  if (query.since !== undefined) select = select.where('day_on', '>=', query.since);
  const rows = await select.orderBy('entity').orderBy('source').orderBy('day_on').execute();
  const out = new Map<string, ScoreView>();
  for (const r of rows) {
    const key = pairKey(r.entity, r.source);
    const prior = out.get(key);
    out.set(key, {
      entity: r.entity,
      source: r.source,
      score: r.score,
      records: r.records,
      openIssues: r.open_issues,
      trend: [...(prior?.trend ?? []), { on: r.day_on, score: r.score, openIssues: r.open_issues }],
    });
  }
  return [...out.values()];
}

export async function recordScores(
  db: TenantDb,
  query: {
    readonly entity: string;
    readonly source?: string;
    readonly limit: number;
    readonly offset: number;
  },
): Promise<{ record: string; source: string; score: number; openIssues: number; evaluatedAt: string }[]> {
  let select = db.selectFrom('quality_record_scores').selectAll().where('entity', '=', query.entity);
  if (query.source !== undefined) select = select.where('source', '=', query.source);
  const rows = await select
    .orderBy('score')
    .orderBy('record_key')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((r) => ({
    record: r.record_key,
    source: r.source,
    score: r.score,
    openIssues: r.open_issues,
    evaluatedAt: r.evaluated_at,
  }));
}
