import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable, AuditPendingTable } from '../store/tables.ts';
import { newId } from '../store/ids.ts';
import { sameHash } from '../security/secrets-hash.ts';
import type { Clock } from '../clock.ts';
import { AUDIT_GENESIS } from '../store/companies.ts';
import type { OpenDatabase } from '../store/database.ts';
import { insertRowsAsJson } from '../store/posting-queue.ts';
import { runsOnSqlite, tenantDb, type TenantDb } from '../store/tenant-scope.ts';

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

// An HMAC keyed with a Buffer imports the key anew each time (about 16 µs, against 2 µs with a key
// object); every entry is MACed once when recorded and twice when sealed, so the import is kept.
const keyObjects = new WeakMap<Buffer, KeyObject>();
function macKey(key: Buffer): KeyObject {
  let keyObject = keyObjects.get(key);
  if (keyObject === undefined) keyObjects.set(key, (keyObject = createSecretKey(key)));
  return keyObject;
}

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
  return createHmac('sha256', macKey(key)).update(canonical).digest('hex');
}

const json = (value: unknown): string | null =>
  value === undefined
    ? null
    : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

type PendingEntry = Omit<Selectable<AuditPendingTable>, 'mac'>;

/** The MAC of an entry waiting to be sealed (the chain hash covers it once sealed). */
export function pendingMac(key: Buffer, entry: PendingEntry): string {
  const canonical = JSON.stringify([
    'pending',
    entry.tenant_id,
    entry.id,
    entry.at,
    entry.actor,
    entry.action,
    entry.entity_type,
    entry.entity_id,
    entry.request_id,
    entry.before_json,
    entry.after_json,
  ]);
  return createHmac('sha256', macKey(key)).update(canonical).digest('hex');
}

/**
 * Records entries in the caller's transaction (pass the transaction's TenantDb): they commit or roll
 * back with the change. On PostgreSQL each carries its own MAC and `sealAuditLog` chains them shortly
 * after, so no shared row is locked and a company's changes do not queue behind one another. SQLite runs
 * one write transaction at a time whatever rows it touches, so there the entries join the chain at once,
 * under the head row, in the same transaction (ADR 0025): nothing waits that would not have waited anyway.
 */
export async function appendAudit(
  db: TenantDb,
  audit: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const at = audit.clock.now().toISOString();
  const rows = entries.map((e): PendingEntry => ({
    tenant_id: db.tenantId,
    id: newId(),
    at,
    actor: e.actor,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    request_id: e.requestId ?? null,
    before_json: json(e.before),
    after_json: json(e.after),
  }));
  if (runsOnSqlite(db)) {
    await db.transaction((tx) => chain(tx, audit.key, rows));
    return;
  }
  // one statement whatever the count (a multi-row VALUES list costs a parameter per value)
  await insertRowsAsJson(
    db,
    'audit_pending',
    rows.map(({ tenant_id: _t, ...row }) => ({
      ...row,
      mac: pendingMac(audit.key, { tenant_id: db.tenantId, ...row }),
    })),
  );
}

/**
 * Appends entries to the company's chain after its head, in the caller's transaction, which holds the
 * head row from its first statement to its commit.
 */
async function chain(tx: TenantDb, key: Buffer, entries: readonly PendingEntry[]): Promise<void> {
  const head = await tx
    .updateTable('audit_heads')
    .set((eb) => ({ last_seq: eb('last_seq', '+', entries.length) }))
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirst();
  if (head === undefined) throw new Error(`no audit chain for tenant ${tx.tenantId}`);
  const sealed = linked(key, { seq: head.last_seq - entries.length, hash: head.last_hash }, entries);
  const rows = sealed.map(({ tenant_id: _t, ...row }) => row);
  // in chunks of 500 (the rows travel as one JSON parameter)
  for (let i = 0; i < rows.length; i += 500) await insertRowsAsJson(tx, 'audit_log', rows.slice(i, i + 500));
  await tx
    .updateTable('audit_heads')
    .set({ last_hash: sealed.at(-1)?.hash ?? head.last_hash })
    .execute();
}

/** The entries in their places after the head: each with its sequence number, the hash before it and its own. */
function linked(
  key: Buffer,
  head: { seq: number; hash: string },
  entries: readonly PendingEntry[],
): (PendingEntry & { seq: number; prev_hash: string; hash: string })[] {
  let { seq, hash } = head;
  return entries.map((entry) => {
    seq += 1;
    const prev = hash;
    hash = entryHash(key, { ...entry, seq, prev_hash: prev });
    return { ...entry, seq, prev_hash: prev, hash };
  });
}

/**
 * Seals recorded entries into the company's hash chain, oldest first, under the chain head's row lock
 * (one sealer at a time per company, on both engines). An entry whose MAC no longer matches is left
 * where it is, for verification to report. Returns how many entries were sealed.
 */
export async function sealAuditLog(db: TenantDb, key: Buffer, limit = 2000): Promise<number> {
  return db.transaction(async (tx) => {
    // the head row first: a second sealer waits here, then reads what this one left
    const head = await tx
      .updateTable('audit_heads')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 0) }))
      .returning(['last_seq', 'last_hash'])
      .executeTakeFirst();
    if (head === undefined) throw new Error(`no audit chain for tenant ${tx.tenantId}`);
    const pending = await tx.selectFrom('audit_pending').selectAll().orderBy('id').limit(limit).execute();
    const intact = pending.flatMap(({ mac, ...entry }) =>
      sameHash(pendingMac(key, entry), mac) ? [entry] : [],
    );
    const sealed = linked(key, { seq: head.last_seq, hash: head.last_hash }, intact);
    const last = sealed.at(-1);
    if (last === undefined) return 0;
    for (let i = 0; i < sealed.length; i += 500) {
      const chunk = sealed.slice(i, i + 500);
      await insertRowsAsJson(
        tx,
        'audit_log',
        chunk.map(({ tenant_id: _t, ...row }) => row),
      );
      await tx
        .deleteFrom('audit_pending')
        .where(
          'id',
          'in',
          chunk.map((r) => r.id),
        )
        .execute();
    }
    await tx.updateTable('audit_heads').set({ last_seq: last.seq, last_hash: last.hash }).execute();
    return sealed.length;
  });
}

/**
 * Seals everything recorded so far, for every company (or one). The background sealer passes `step`:
 * it seals in short transactions and lets the event loop run between them — on SQLite a transaction
 * holds the process's one connection, and sealing 2,000 entries at once held up every request and
 * posting for tens of milliseconds twice a second.
 */
export async function sealAll(
  database: OpenDatabase,
  key: Buffer,
  onlyTenant?: string,
  step?: { readonly entries: number },
): Promise<number> {
  const tenants =
    onlyTenant !== undefined
      ? [onlyTenant]
      : (await database.db.selectFrom('companies').select('id').execute()).map((c) => c.id);
  const limit = step?.entries ?? 2000;
  let sealed = 0;
  for (const tenantId of tenants) {
    const db = tenantDb(database.db, tenantId);
    // a look first: sealing takes the head row, a write, even when nothing waits (always so on SQLite)
    if ((await db.selectFrom('audit_pending').select('id').limit(1).executeTakeFirst()) === undefined)
      continue;
    for (let n = await sealAuditLog(db, key, limit); n > 0; n = await sealAuditLog(db, key, limit)) {
      sealed += n;
      if (step === undefined) continue;
      // a short step means the backlog is sealed: what arrives meanwhile waits for the next round
      if (n < limit) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return sealed;
}

/** Entries the background sealer seals per transaction. */
const SEALER_STEP = { entries: 200 };

/** Seals continually in the background (every process that writes runs one; they take turns per company). */
export function startAuditSealer(
  database: OpenDatabase,
  key: Buffer,
  everyMs = 500,
  onError: (error: unknown) => void = () => {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sealAll(database, key, undefined, SEALER_STEP)).catch(onError);
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export type AuditProblemKind =
  'hash_mismatch' | 'chain_break' | 'sequence_gap' | 'head_mismatch' | 'pending_mismatch';

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
    await sealAll(database, key, tenantId);
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
    // what sealing left behind is an entry edited while it waited
    for (const { mac, ...entry } of await db.selectFrom('audit_pending').selectAll().orderBy('id').execute())
      if (!sameHash(pendingMac(key, entry), mac))
        problems.push({
          tenantId,
          kind: 'pending_mismatch',
          seq: 0,
          id: entry.id,
          detail: `entry ${entry.id} (${entry.action} ${entry.entity_type} ${entry.entity_id}) was modified before it was sealed`,
        });
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
