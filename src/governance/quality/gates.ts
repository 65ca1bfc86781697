import type { Writer } from '../../platform/audit/audit-log.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError, refusal, type Failure } from '../../model/result.ts';
import { isQualityEntity, type QualityEntity } from './entities.ts';
import { SEVERITIES, severityRank } from './rules.ts';
import type { QualitySeverity } from './tables.ts';

/**
 * Quality gates: per company, a posting gate (a voucher, supplier bill or payment naming master data
 * with an open issue at or above a severity is refused) and a sync gate (a pull of an entity while its
 * master data has such issues is refused). Both refusals are `quality_gate_blocked` with one
 * `quality_issue_open` failure per blocking issue, pointing at the document's field. The hub calls
 * them through its gate interface (hub/gates.ts), installed by the composition root.
 */

export type GateKind = 'posting' | 'sync';
export const GATE_KINDS: readonly GateKind[] = ['posting', 'sync'];
const LABEL: Readonly<Record<GateKind, { zh: string; en: string }>> = {
  posting: { zh: '记账', en: 'posting' },
  sync: { zh: '主数据同步', en: 'master-data sync' },
};
const SEVERITY_ZH: Readonly<Record<QualitySeverity, string>> = {
  info: '提示',
  warning: '警告',
  error: '错误',
  critical: '严重',
};

export interface GateView {
  readonly kind: GateKind;
  readonly enabled: boolean;
  readonly minSeverity: QualitySeverity;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export async function listGates(db: TenantDb): Promise<GateView[]> {
  const rows = await db.selectFrom('quality_gates').selectAll().execute();
  return GATE_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return {
      kind,
      enabled: row?.enabled === 1,
      minSeverity: row?.min_severity ?? 'error',
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  });
}

export async function setGate(
  db: TenantDb,
  writer: Writer,
  kind: GateKind,
  input: { readonly enabled: boolean; readonly minSeverity: QualitySeverity },
): Promise<GateView> {
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const before = (await listGates(tx)).find((g) => g.kind === kind);
    await tx.deleteFrom('quality_gates').where('kind', '=', kind).execute();
    await tx
      .insertInto('quality_gates', [
        {
          kind,
          enabled: input.enabled ? 1 : 0,
          min_severity: input.minSeverity,
          updated_by: writer.actor,
          updated_at: now,
        },
      ])
      .execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'update',
        entityType: 'QualityGate',
        entityId: kind,
        requestId: writer.requestId,
        ...(before === undefined ? {} : { before }),
        after: input,
      },
    ]);
    const after = (await listGates(tx)).find((g) => g.kind === kind);
    if (after === undefined) throw new Error(`gate ${kind} not stored`);
    return after;
  });
}

async function activeGate(db: TenantDb, kind: GateKind): Promise<QualitySeverity | null> {
  const row = await db
    .selectFrom('quality_gates')
    .select(['enabled', 'min_severity'])
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined && row.enabled === 1 ? row.min_severity : null;
}

/** A master-data record a document names, and where. */
interface Reference {
  readonly entity: QualityEntity;
  readonly code: string;
  readonly pointer: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The master data a canonical document names: accounts and aux dimensions, suppliers, payees. */
export function referencesOf(kind: string, document: unknown): Reference[] {
  if (typeof document !== 'object' || document === null) return [];
  const doc = document as Record<string, unknown>;
  const refs: Reference[] = [];
  const add = (entity: string, value: unknown, pointer: string) => {
    const code = text(value);
    if (code !== null && isQualityEntity(entity)) refs.push({ entity, code, pointer });
  };
  const lines = Array.isArray(doc['lines']) ? (doc['lines'] as unknown[]) : [];
  if (kind === 'voucher') {
    lines.forEach((raw, i) => {
      if (typeof raw !== 'object' || raw === null) return;
      const line = raw as Record<string, unknown>;
      add('account', line['accountCode'], `/lines/${i}/accountCode`);
      const aux = line['aux'];
      if (typeof aux === 'object' && aux !== null)
        for (const [dimension, code] of Object.entries(aux as Record<string, unknown>))
          add(dimension, code, `/lines/${i}/aux/${dimension}`);
    });
  } else if (kind === 'supplier_bill') {
    add('supplier', doc['supplierCode'], '/supplierCode');
    lines.forEach((raw, i) => {
      if (typeof raw !== 'object' || raw === null) return;
      const line = raw as Record<string, unknown>;
      add('department', line['departmentCode'], `/lines/${i}/departmentCode`);
      add('project', line['projectCode'], `/lines/${i}/projectCode`);
    });
  } else if (kind === 'payment') {
    add(text(doc['payeeKind']) ?? '', doc['payeeCode'], '/payeeCode');
  }
  return refs;
}

interface BlockingIssue {
  readonly entity: string;
  readonly record: string;
  readonly field: string;
  readonly kind: string;
  readonly severity: QualitySeverity;
  readonly message: string;
}

/**
 * The open issues at or above `min` of these records: their own (FinBridge's master data) and their
 * golden record's (source conflicts).
 */
async function blockingIssues(
  db: TenantDb,
  min: QualitySeverity,
  records: readonly { entity: string; code: string }[],
): Promise<Map<string, BlockingIssue[]>> {
  const out = new Map<string, BlockingIssue[]>();
  if (records.length === 0) return out;
  const severities = SEVERITIES.filter((s) => severityRank(s) >= severityRank(min));
  const entities = [...new Set(records.map((r) => r.entity))];
  for (const entity of entities) {
    const codes = [...new Set(records.filter((r) => r.entity === entity).map((r) => r.code))];
    for (let i = 0; i < codes.length; i += 500) {
      const part = codes.slice(i, i + 500);
      const own = await db
        .selectFrom('quality_issues')
        .select(['record_key', 'field', 'kind', 'severity', 'message'])
        .where('entity', '=', entity)
        .where('source', '=', 'finbridge')
        .where('status', '=', 'open')
        .where('severity', 'in', severities)
        .where('record_key', 'in', part)
        .execute();
      for (const issue of own) {
        const key = `${entity}\u0000${issue.record_key}`;
        out.set(key, [...(out.get(key) ?? []), { entity, record: issue.record_key, ...issue }]);
      }
      const golden = await db
        .selectFrom('golden_sources')
        .select(['golden_id', 'source_key'])
        .where('entity', '=', entity as never)
        .where('source', '=', 'finbridge')
        .where('source_key', 'in', part)
        .execute();
      if (golden.length === 0) continue;
      const codeOf = new Map(golden.map((g) => [g.golden_id, g.source_key]));
      const conflicts = await db
        .selectFrom('quality_issues')
        .select(['record_key', 'field', 'kind', 'severity', 'message'])
        .where('entity', '=', entity)
        .where('source', '=', 'golden')
        .where('status', '=', 'open')
        .where('severity', 'in', severities)
        .where('record_key', 'in', [...codeOf.keys()])
        .execute();
      for (const issue of conflicts) {
        const code = codeOf.get(issue.record_key);
        if (code === undefined) continue;
        const key = `${entity}\u0000${code}`;
        out.set(key, [...(out.get(key) ?? []), { entity, ...issue, record: code }]);
      }
    }
  }
  return out;
}

function blocked(kind: GateKind, min: QualitySeverity, failures: Failure[], records: number): DomainError {
  const error = refusal(failures);
  return new DomainError(
    'quality_gate_blocked',
    {
      gate: LABEL[kind].en,
      gateZh: LABEL[kind].zh,
      severity: min,
      severityZh: SEVERITY_ZH[min],
      count: records,
    },
    error.failures,
  );
}

const issueFailure = (pointer: string, issue: BlockingIssue): Failure => ({
  code: 'quality_issue_open',
  pointer,
  params: {
    entity: issue.entity,
    record: issue.record,
    field: issue.field === '' ? '-' : issue.field,
    rule: issue.kind,
    severity: issue.severity,
    message: issue.message,
  },
});

/** The posting gate, for the hub's submission gates: one answer per submission. */
export async function postingGate(
  tx: TenantDb,
  submissions: readonly { readonly kind: string; readonly document: unknown }[],
): Promise<(DomainError | null)[]> {
  const min = await activeGate(tx, 'posting');
  if (min === null) return submissions.map(() => null);
  const refs = submissions.map((s) => referencesOf(s.kind, s.document));
  const issues = await blockingIssues(tx, min, refs.flat());
  return refs.map((list) => {
    const failures: Failure[] = [];
    const records = new Set<string>();
    for (const ref of list) {
      const key = `${ref.entity}\u0000${ref.code}`;
      for (const issue of issues.get(key) ?? []) {
        failures.push(issueFailure(ref.pointer, issue));
        records.add(key);
      }
    }
    return failures.length === 0 ? null : blocked('posting', min, failures, records.size);
  });
}

/** Pull objects (the ERP's name for what is pulled) → the entity. */
const OBJECT_ENTITY: Readonly<Record<string, QualityEntity>> = {
  suppliers: 'supplier',
  employees: 'employee',
  accounts: 'account',
  customers: 'customer',
  departments: 'department',
  projects: 'project',
};

/** The sync gate, for the hub's pull gates: a pull of an entity whose master data has blocking issues. */
export async function syncGate(
  db: TenantDb,
  _connectionId: string,
  object: string,
): Promise<DomainError | null> {
  const entity = OBJECT_ENTITY[object];
  if (entity === undefined) return null;
  const min = await activeGate(db, 'sync');
  if (min === null) return null;
  const rows = await db
    .selectFrom('quality_issues')
    .select(['record_key', 'source', 'field', 'kind', 'severity', 'message'])
    .where('entity', '=', entity)
    .where('status', '=', 'open')
    .where(
      'severity',
      'in',
      SEVERITIES.filter((s) => severityRank(s) >= severityRank(min)),
    )
    .orderBy('record_key')
    .limit(200)
    .execute();
  if (rows.length === 0) return null;
  const failures = rows.map((r, i) =>
    issueFailure(`/issues/${i}`, {
      entity,
      record: `${r.source}:${r.record_key}`,
      field: r.field,
      kind: r.kind,
      severity: r.severity,
      message: r.message,
    }),
  );
  return blocked('sync', min, failures, new Set(rows.map((r) => `${r.source}:${r.record_key}`)).size);
}
