import type { ExpenseKind, TaskStatus } from '../../src/finance/tables.ts';
import { findCompany } from '../../src/platform/store/companies.ts';
import type { OpenDatabase } from '../../src/platform/store/database.ts';
import { newId } from '../../src/platform/store/ids.ts';
import { tenantDb, type TenantDb } from '../../src/platform/store/tenant-scope.ts';

/**
 * An approver's inbox at scale, made in a few statements through the store: documents in approval
 * (numbered from the company's own sequences), their lines and timelines, and one pending task each,
 * as submitting them would leave them — without the thousands of API calls (and the minutes) that
 * filing them one by one takes. Tasks are created in groups that share one instant, so keyset paging
 * must break ties by id. For tests and the console benchmark.
 */
export interface PendingLoad {
  readonly count: number;
  /** The employee the tasks wait for. */
  readonly approver: string;
  readonly claimant: string;
  readonly departmentCode: string;
  readonly categoryCode: string;
  /** The newest task's creation instant; older ones step back from it. */
  readonly now: Date;
  /** Tasks sharing one created_at (default 25). */
  readonly sameInstant?: number;
  /** Between two groups (default 1 minute). */
  readonly stepMs?: number;
  /** Due this long after creation (default 24 h). */
  readonly slaHours?: number;
  /** Document kinds, taken in turn (default claims only). */
  readonly kinds?: readonly ExpenseKind[];
  /** Every n-th document carries a risk tag (default none). */
  readonly riskyEvery?: number;
  readonly titlePrefix?: string;
}

const CHUNK = 400;
const PREFIX: Record<ExpenseKind, string> = { claim: 'BX', request: 'SQ', advance: 'JK' };

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Reserves `count` numbers of a sequence at once: the first of them. */
async function reserveNumbers(tx: TenantDb, prefix: string, count: number): Promise<number> {
  const row = await tx
    .insertInto('document_sequences', [{ prefix, last_value: count }])
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'prefix'])
        .doUpdateSet((eb) => ({ last_value: eb('document_sequences.last_value', '+', count) })),
    )
    .returning(['last_value'])
    .executeTakeFirstOrThrow();
  return row.last_value - count + 1;
}

export async function seedPendingTasks(
  db: TenantDb,
  load: PendingLoad,
): Promise<{ documentIds: string[]; taskIds: string[] }> {
  const sameInstant = load.sameInstant ?? 25;
  const stepMs = load.stepMs ?? 60_000;
  const slaMs = (load.slaHours ?? 24) * 3_600_000;
  const kinds = load.kinds ?? ['claim'];
  const groups = Math.ceil(load.count / sameInstant);
  const month = load.now.toISOString().slice(0, 7).replace('-', '');
  const documentOn = load.now.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const perKind = new Map<ExpenseKind, number>();
    for (let i = 0; i < load.count; i++) {
      const kind = kinds[i % kinds.length] ?? 'claim';
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    }
    const firstNumber: Partial<Record<ExpenseKind, number>> = {};
    for (const [kind, count] of perKind)
      firstNumber[kind] = await reserveNumbers(tx, `${PREFIX[kind]}${month}`, count);
    const used: Partial<Record<ExpenseKind, number>> = {};
    const documents = [];
    const lines = [];
    const transitions = [];
    const tasks = [];
    for (let i = 0; i < load.count; i++) {
      const kind = kinds[i % kinds.length] ?? 'claim';
      const n = (firstNumber[kind] ?? 1) + (used[kind] ?? 0);
      used[kind] = (used[kind] ?? 0) + 1;
      const created = new Date(load.now.getTime() - (groups - 1 - Math.floor(i / sameInstant)) * stepMs);
      const at = created.toISOString();
      const id = newId();
      const totalMinor = BigInt(1_000 + ((i * 37) % 400_000));
      const risky = load.riskyEvery !== undefined && i % load.riskyEvery === 0;
      documents.push({
        id,
        kind,
        number: `${PREFIX[kind]}${month}-${String(n).padStart(4, '0')}`,
        status: 'approving' as const,
        revision: 1,
        employee_code: load.claimant,
        department_code: load.departmentCode,
        project_code: null,
        title: `${load.titlePrefix ?? '批量待审'} ${i + 1}`,
        currency: 'CNY',
        document_on: documentOn,
        total_minor: totalMinor,
        deductible_tax_minor: 0n,
        request_id: null,
        risk_tags_json: JSON.stringify(
          risky ? [{ rule: 'round_amount', severity: 'warn', zh: '整百金额', en: 'A round amount' }] : [],
        ),
        data_json: '{}',
        approval_version: null,
        posting_id: null,
        erp_voucher_number: null,
        erp_period: null,
        submitted_at: at,
        approved_at: null,
        posted_at: null,
        paid_at: null,
        created_by: 'system:load',
        version: 3,
        created_at: at,
        updated_at: at,
      });
      if (kind !== 'advance')
        lines.push({
          document_id: id,
          line_no: 1,
          category_code: load.categoryCode,
          description: '批量待审',
          occurred_on: documentOn,
          amount_minor: totalMinor,
          deductible_tax_minor: 0n,
          department_code: load.departmentCode,
          project_code: null,
          data_json: '{"invoiceIds":[]}',
        });
      transitions.push(
        ...(
          [
            [null, 'draft'],
            ['draft', 'submitted'],
            ['submitted', 'approving'],
          ] as const
        ).map(([from, to], seq) => ({
          document_id: id,
          seq: seq + 1,
          at,
          actor: 'system:load',
          from_status: from,
          to_status: to,
          comment: null,
        })),
      );
      tasks.push({
        id: newId(),
        document_id: id,
        round: 1,
        step_no: 1,
        step_id: 'manager',
        kind: 'person' as const,
        mode: 'any' as const,
        assignee_code: load.approver,
        delegated_from: null,
        status: 'pending' as TaskStatus,
        decided_by: null,
        decided_at: null,
        comment: null,
        due_at: new Date(created.getTime() + slaMs).toISOString(),
        reminded_at: null,
        reminders: 0,
        external_id: null,
        callout_status: null,
        callout_attempts: 0,
        callout_next_at: null,
        callout_error: null,
        created_at: at,
        updated_at: at,
      });
    }
    await insertChunked(documents, (c) => tx.insertInto('expense_documents', c).execute());
    await insertChunked(lines, (c) => tx.insertInto('expense_lines', c).execute());
    await insertChunked(transitions, (c) => tx.insertInto('document_transitions', c).execute());
    await insertChunked(tasks, (c) => tx.insertInto('approval_tasks', c).execute());
    return { documentIds: documents.map((d) => d.id), taskIds: tasks.map((t) => t.id) };
  });
}

/** The same, for a company of a database opened by its URL (a running server's, from another process). */
export async function seedPendingTasksOf(
  database: OpenDatabase,
  companyCode: string,
  load: PendingLoad,
): Promise<{ documentIds: string[]; taskIds: string[] }> {
  const company = await findCompany(database, companyCode);
  if (company === undefined) throw new Error(`no company ${companyCode}`);
  return seedPendingTasks(tenantDb(database.db, company.id), load);
}
