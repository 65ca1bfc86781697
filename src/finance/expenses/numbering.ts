import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * Document numbers per prefix and month, e.g. BX202611-0007: one upsert that bumps the counter and
 * returns it, so two documents never get the same number (the row lock serialises the bump).
 */
export async function nextNumber(tx: TenantDb, prefix: string): Promise<string> {
  const row = await tx
    .insertInto('document_sequences', [{ prefix, last_value: 1 }])
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'prefix'])
        .doUpdateSet((eb) => ({ last_value: eb('document_sequences.last_value', '+', 1) })),
    )
    .returning(['last_value'])
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(row.last_value).padStart(4, '0')}`;
}
