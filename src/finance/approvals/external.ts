import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Keyring } from '../../platform/security/keyring.ts';
import { readSecret, storeSecret } from '../../platform/security/secrets.ts';
import { randomToken } from '../../platform/security/secrets-hash.ts';
import { acceptWebhook, SIGNATURE_HEADER, signWebhook } from '../../platform/security/webhook-signature.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { formatMinor } from '../../model/money.ts';
import { DomainError } from '../../model/result.ts';
import { notify } from './notifications.ts';
import { tasksWithDocuments } from './workflow.ts';

/**
 * External approvers: an ERP or budget system that takes part in a workflow. When its step is reached
 * FinBridge POSTs the document to the system's URL, signed with a shared secret (FinBridge-Signature,
 * HMAC-SHA256 over "<timestamp>.<body>"); the system answers later by calling back
 * `/webhooks/approvals/{tenantId}/{taskId}` with {"decision":"accept"|"refuse","comment"}, signed
 * with the same secret. Callouts are retried with backoff; a callback is accepted once (replays refused).
 */
export interface ExternalApproverView {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly url: string;
  readonly status: 'active' | 'inactive';
  readonly createdAt: string;
}

export async function createExternalApprover(
  db: TenantDb,
  keyring: Keyring,
  writer: Writer,
  input: { code: string; name: string; url: string },
): Promise<ExternalApproverView & { readonly secret: string }> {
  const secret = randomToken('whsec_', 24);
  return db.transaction(async (tx) => {
    const now = writer.audit.clock.now().toISOString();
    const secretId = await storeSecret(tx, keyring, writer.audit.clock, 'external-approver', secret);
    const row = {
      id: newId(),
      code: input.code,
      name: input.name,
      url: input.url,
      secret_id: secretId,
      status: 'active' as const,
      created_at: now,
      updated_at: now,
    };
    try {
      await tx.insertInto('external_approvers', [row]).execute();
    } catch (error) {
      if (constraintViolation(error) === 'unique')
        throw new DomainError('duplicate_code', { code: input.code });
      throw error;
    }
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'ExternalApprover',
        entityId: row.id,
        after: input,
        requestId: writer.requestId,
      },
    ]);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      url: row.url,
      status: row.status,
      createdAt: now,
      secret,
    };
  });
}

export async function listExternalApprovers(db: TenantDb): Promise<ExternalApproverView[]> {
  const rows = await db.selectFrom('external_approvers').selectAll().orderBy('code').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    url: r.url,
    status: r.status,
    createdAt: r.created_at,
  }));
}

export interface CalloutDeps {
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
}

/** Sends every due callout of a company; returns how many were delivered. */
export async function deliverCallouts(db: TenantDb, deps: CalloutDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await tasksWithDocuments(db)
    .select([
      'approval_tasks.id',
      'approval_tasks.external_id',
      'approval_tasks.callout_attempts',
      'approval_tasks.callout_next_at',
      'approval_tasks.document_id',
      'expense_documents.number',
      'expense_documents.kind',
      'expense_documents.title',
      'expense_documents.total_minor',
      'expense_documents.currency',
      'expense_documents.employee_code',
      'expense_documents.department_code',
    ])
    .where('approval_tasks.callout_status', '=', 'pending')
    .where('approval_tasks.status', '=', 'pending')
    .where('approval_tasks.callout_next_at', '<=', now.toISOString())
    .limit(50)
    .execute();
  let delivered = 0;
  for (const task of due) {
    const approver = await db
      .selectFrom('external_approvers')
      .selectAll()
      .where('code', '=', task.external_id ?? '')
      .executeTakeFirst();
    if (approver === undefined) continue;
    // claim the callout, so that of several workers exactly one sends it
    const claimed = await db
      .updateTable('approval_tasks')
      .set({ callout_next_at: new Date(now.getTime() + 60_000).toISOString() })
      .where('id', '=', task.id)
      .where('callout_status', '=', 'pending')
      .where('callout_next_at', '=', task.callout_next_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const body = JSON.stringify({
      event: 'approval.requested',
      taskId: task.id,
      tenantId: db.tenantId,
      callback: `/webhooks/approvals/${db.tenantId}/${task.id}`,
      document: {
        id: task.document_id,
        kind: task.kind,
        number: task.number,
        title: task.title,
        total: { amount: formatMinor(task.total_minor, 2), currency: task.currency },
        employeeCode: task.employee_code,
        departmentCode: task.department_code,
      },
    });
    let error: string | null = null;
    try {
      const secret = await readSecret(db, deps.keyring, approver.secret_id);
      const response = await (deps.fetch ?? fetch)(approver.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(secret, body, deps.clock),
        },
        body,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
      if (!response.ok) error = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const attempts = task.callout_attempts + 1;
    const at = deps.clock.now();
    if (error === null) {
      delivered += 1;
      await db
        .updateTable('approval_tasks')
        .set({
          callout_status: 'sent',
          callout_attempts: attempts,
          callout_error: null,
          updated_at: at.toISOString(),
        })
        .where('id', '=', task.id)
        .execute();
    } else {
      const failed = attempts >= (deps.maxAttempts ?? 8);
      await db.transaction(async (tx) => {
        await tx
          .updateTable('approval_tasks')
          .set({
            callout_status: failed ? 'failed' : 'pending',
            callout_attempts: attempts,
            callout_error: error,
            callout_next_at: new Date(at.getTime() + Math.min(2 ** attempts * 1000, 3_600_000)).toISOString(),
            updated_at: at.toISOString(),
          })
          .where('id', '=', task.id)
          .execute();
        if (failed)
          await notify(tx, at.toISOString(), [
            {
              recipient: task.employee_code,
              kind: 'callout_failed',
              documentId: task.document_id,
              taskId: task.id,
              zh: `${task.number} 的外部审批 ${approver.name} 无法送达：${error}`,
              en: `${task.number}: the external approver ${approver.name} could not be reached: ${error}`,
            },
          ]);
      });
    }
  }
  return delivered;
}

/** Verifies a callback's signature with the approver's secret (and records it against replay). */
export async function verifyCallback(
  db: TenantDb,
  keyring: Keyring,
  clock: Clock,
  input: { taskId: string; header: string | undefined; body: string },
): Promise<void> {
  const task = await db
    .selectFrom('approval_tasks')
    .select(['external_id', 'kind'])
    .where('id', '=', input.taskId)
    .executeTakeFirst();
  if (task?.kind !== 'external')
    throw new DomainError('not_found', { resource: 'ApprovalTask', id: input.taskId });
  const approver = await db
    .selectFrom('external_approvers')
    .selectAll()
    .where('code', '=', task.external_id ?? '')
    .executeTakeFirst();
  if (approver === undefined)
    throw new DomainError('not_found', { resource: 'ExternalApprover', id: task.external_id ?? '' });
  const secret = await readSecret(db, keyring, approver.secret_id);
  await acceptWebhook(db, clock, {
    secrets: [secret],
    header: input.header,
    body: input.body,
    source: `approver:${approver.code}`,
  });
}
