import { createHmac, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../store/tables.ts';
import type { Clock } from '../clock.ts';
import { AUDIT_GENESIS } from '../store/companies.ts';
import type { OpenDatabase } from '../store/database.ts';
import { tenantDb, type TenantDb } from '../store/tenant-scope.ts';

/**
 * The tamper-evident audit log: one hash chain per company. Each entry's hash is an HMAC (keyed with
 * an installation secret sealed under the master key) over its content and the previous entry's hash,
 * so editing, inserting or deleting a row — even rewriting the whole chain — is detected by
 * `verifyAuditChain` by anyone who holds only the database. Entries are appended in the same
 * transaction as the change they record; the per-tenant head row serialises appends.
 */
export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | undefined;
}

export interface AuditContext {
  readonly key: Buffer;
  readonly clock: Clock;
}

export const GENESIS = AUDIT_GENESIS;

type StoredEntry = Omit<Selectable<AuditLogTable>, 'hash'>;

export function entryHash(key: Buffer, entry: StoredEntry): string {
  const canonical = JSON.stringify([
    entry.tenant_id,
    entry.seq,
    entry.id,
    entry.at,
    entry.actor,
    entry.action,
    entry.entity_type,
    entry.entity_id,
    entry.request_id,
    entry.before_json,
    entry.after_json,
    entry.prev_hash,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

const json = (value: unknown): string | null =>
  value === undefined
    ? null
    : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Appends entries in the caller's transaction (pass the transaction's TenantDb). */
export async function appendAudit(
  db: TenantDb,
  audit: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction(async (tx) => {
    // Bumping the head first takes its row lock (PostgreSQL) for the rest of the transaction.
    const head = await tx
      .updateTable('audit_heads')
      .set((eb) => ({ last_seq: eb('last_seq', '+', entries.length) }))
      .returning(['last_seq', 'last_hash'])
      .executeTakeFirst();
    if (head === undefined) throw new Error(`no audit chain for tenant ${tx.tenantId}`);
    let seq = head.last_seq - entries.length;
    let prev = head.last_hash;
    const at = audit.clock.now().toISOString();
    const rows = entries.map((e) => {
      seq += 1;
      const row: StoredEntry = {
        tenant_id: tx.tenantId,
        seq,
        id: randomUUID(),
        at,
        actor: e.actor,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        request_id: e.requestId ?? null,
        before_json: json(e.before),
        after_json: json(e.after),
        prev_hash: prev,
      };
      prev = entryHash(audit.key, row);
      return { ...row, hash: prev };
    });
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto(
          'audit_log',
          rows.slice(i, i + 500).map(({ tenant_id: _t, ...rest }) => rest),
        )
        .execute();
    }
    await tx.updateTable('audit_heads').set({ last_hash: prev }).execute();
  });
}

export type AuditProblemKind = 'hash_mismatch' | 'chain_break' | 'sequence_gap' | 'head_mismatch';

export interface AuditProblem {
  readonly tenantId: string;
  readonly kind: AuditProblemKind;
  readonly seq: number;
  readonly id: string | null;
  readonly detail: string;
}

export interface ChainReport {
  readonly tenantId: string;
  readonly entries: number;
  readonly problems: readonly AuditProblem[];
}

/** Re-computes every company's chain (or one company's) and names every entry that does not fit. */
export async function verifyAuditChain(
  database: OpenDatabase,
  key: Buffer,
  onlyTenant?: string,
): Promise<ChainReport[]> {
  const tenants =
    onlyTenant !== undefined
      ? [onlyTenant]
      : (await database.db.selectFrom('companies').select('id').orderBy('code').execute()).map((c) => c.id);
  const reports: ChainReport[] = [];
  for (const tenantId of tenants) {
    const db = tenantDb(database.db, tenantId);
    const problems: AuditProblem[] = [];
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let count = 0;
    let lastSeq = 0;
    for (let after = 0; ;) {
      const page = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (page.length === 0) break;
      for (const row of page) {
        count += 1;
        if (row.seq !== expectedSeq) {
          problems.push({
            tenantId,
            kind: 'sequence_gap',
            seq: expectedSeq,
            id: null,
            detail: `entries ${expectedSeq}–${row.seq - 1} are missing (deleted) before entry ${row.seq} (${row.id})`,
          });
        }
        if (row.prev_hash !== prevHash) {
          problems.push({
            tenantId,
            kind: 'chain_break',
            seq: row.seq,
            id: row.id,
            detail: `entry ${row.seq} does not follow the entry before it (an entry was inserted or deleted)`,
          });
        }
        if (entryHash(key, row) !== row.hash) {
          problems.push({
            tenantId,
            kind: 'hash_mismatch',
            seq: row.seq,
            id: row.id,
            detail: `entry ${row.seq} (${row.action} ${row.entity_type} ${row.entity_id}) was modified or forged`,
          });
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
        lastSeq = row.seq;
      }
      after = lastSeq;
    }
    const head = await db.selectFrom('audit_heads').select(['last_seq', 'last_hash']).executeTakeFirst();
    if (head !== undefined && (head.last_seq !== lastSeq || head.last_hash !== prevHash)) {
      problems.push({
        tenantId,
        kind: 'head_mismatch',
        seq: head.last_seq,
        id: null,
        detail:
          head.last_seq > lastSeq
            ? `entries ${lastSeq + 1}–${head.last_seq} at the end are missing (deleted)`
            : `the chain ends at entry ${lastSeq} but its head records ${head.last_seq} (entries appended outside FinBridge)`,
      });
    }
    reports.push({ tenantId, entries: count, problems });
  }
  return reports;
}

/** Who is making a change, for services that write: the actor and request id go into the audit log. */
export interface Writer {
  readonly actor: string;
  readonly requestId?: string | undefined;
  readonly audit: AuditContext;
}
