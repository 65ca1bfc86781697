import type { TenantDb } from '../platform/store/tenant-scope.ts';

/**
 * The ERPs' master data as last pulled (src/hub/pulls.ts), for the modules that read it — governance
 * matches it into golden records — without selecting from the hub's tables themselves.
 */
export interface PulledRecord {
  readonly connectionId: string;
  readonly connectionName: string;
  /** The connection type (kingdee-k3cloud, yonbip, …). */
  readonly connectionType: string;
  readonly object: string;
  readonly number: string;
  readonly name: string;
  readonly active: boolean;
  readonly data: Readonly<Record<string, unknown>>;
  /** The ERP's modification time as it wrote it, and when FinBridge pulled the record. */
  readonly modifiedAt: string;
  readonly pulledAt: string;
}

/** Every pulled record of one object (suppliers, employees, accounts, …) of every connection. */
export async function pulledRecords(db: TenantDb, object: string): Promise<PulledRecord[]> {
  const rows = await db
    .selectFrom('erp_records')
    .innerJoin('connections', (join) =>
      join
        .onRef('connections.id', '=', 'erp_records.connection_id')
        .onRef('connections.tenant_id', '=', 'erp_records.tenant_id'),
    )
    .select([
      'erp_records.connection_id',
      'connections.name as connection_name',
      'connections.type as connection_type',
      'erp_records.object',
      'erp_records.erp_number',
      'erp_records.name',
      'erp_records.status',
      'erp_records.data_json',
      'erp_records.erp_modified_at',
      'erp_records.pulled_at',
    ])
    .where('erp_records.object', '=', object)
    .orderBy('erp_records.connection_id')
    .orderBy('erp_records.erp_number')
    .execute();
  return rows.map((r) => ({
    connectionId: r.connection_id,
    connectionName: r.connection_name,
    connectionType: r.connection_type,
    object: r.object,
    number: r.erp_number,
    name: r.name,
    active: r.status === 'active',
    data: JSON.parse(r.data_json) as Record<string, unknown>,
    modifiedAt: r.erp_modified_at,
    pulledAt: r.pulled_at,
  }));
}
