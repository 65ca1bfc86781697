import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { refusal, type Failure } from '../../model/result.ts';

/** A dated delegation (代理审批): the delegate receives the delegator's new tasks between two dates. */
export interface DelegationInput {
  readonly delegatorCode: string;
  readonly delegateCode: string;
  readonly fromOn: string;
  readonly toOn: string;
  readonly reason?: string;
}

export async function createDelegation(db: TenantDb, writer: Writer, input: DelegationInput) {
  const failures: Failure[] = [];
  if (input.toOn < input.fromOn)
    failures.push({
      code: 'date_range_invalid',
      pointer: '/toOn',
      params: { start: input.fromOn, end: input.toOn },
    });
  if (input.delegateCode === input.delegatorCode)
    failures.push({ code: 'self_reference', pointer: '/delegateCode', params: { field: 'delegateCode' } });
  return db.transaction(async (tx) => {
    const active = await tx
      .selectFrom('employees')
      .select(['code'])
      .where('code', 'in', [input.delegatorCode, input.delegateCode])
      .where('status', '=', 'active')
      .execute();
    for (const [code, pointer] of [
      [input.delegatorCode, '/delegatorCode'],
      [input.delegateCode, '/delegateCode'],
    ] as const)
      if (!active.some((e) => e.code === code))
        failures.push({ code: 'reference_not_found', pointer, params: { resource: 'employees', code } });
    if (failures.length > 0) throw refusal(failures);
    const row = {
      id: newId(),
      delegator_code: input.delegatorCode,
      delegate_code: input.delegateCode,
      from_on: input.fromOn,
      to_on: input.toOn,
      reason: input.reason ?? null,
      created_by: writer.actor,
      created_at: writer.audit.clock.now().toISOString(),
    };
    await tx.insertInto('delegations', [row]).execute();
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'Delegation',
        entityId: row.id,
        after: input,
        requestId: writer.requestId,
      },
    ]);
    return { id: row.id, ...input, reason: row.reason };
  });
}
