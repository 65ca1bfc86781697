import type { Clock } from '../platform/clock.ts';
import type { Keyring } from '../platform/security/keyring.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { appendAudit, type Writer } from '../platform/audit/audit-log.ts';
import { DomainError } from '../model/result.ts';
import { voucherOrThrow } from '../model/voucher.ts';
import {
  accountOfLine,
  mapDimension,
  type ErpFailure,
  type ErpVoucher,
  type ValueMaps,
} from '../connectors/contract.ts';
import { connectorDefinition } from './connector-registry.ts';
import { connectorFor, getConnectionRow } from './connections.ts';
import { addEvent, getPosting, requeue, toPostingView, type PostingView } from './postings.ts';
import { getProfile } from './profiles.ts';

/**
 * What reconciliation (对账) may know of the hub, without reading its tables (ARCHITECTURE §8): the
 * vouchers FinBridge posted through a connection for a period — with our reference as the ERP stores
 * it, the ERP accounts the lines went to under the profile version each was mapped with, and the
 * reversals (红冲) — the vouchers the ERP holds for the period, read through the connection's
 * connector, and re-posting a posted voucher the ERP no longer holds.
 */
export interface PostedVoucherLine {
  /** The ERP account the line was sent to (after mapping). */
  readonly account: string;
  /** The supplier as the ERP numbers it, for a line that names one. */
  readonly partner: string | null;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
}

export interface PostedVoucher {
  readonly postingId: string;
  readonly documentId: string;
  readonly externalReference: string;
  /** `externalReference` as the ERP stores it (some ERPs hold a digest of a long one). */
  readonly erpReference: string;
  readonly erpId: string | null;
  readonly erpNumber: string | null;
  readonly word: string;
  readonly date: string;
  readonly period: string;
  readonly currency: string;
  readonly lines: readonly PostedVoucherLine[];
  readonly totalMinor: bigint;
  /** The posting this one reverses, when it is a reversal. */
  readonly reversesPostingId: string | null;
}

const PAGE = 2000;

/**
 * Every voucher posted (status `posted`) through a connection whose period is `period`, oldest first,
 * read in pages so that a month of a hundred thousand stays a stream of small queries.
 */
export async function* postedForPeriod(
  db: TenantDb,
  connectionId: string,
  period: string,
): AsyncGenerator<PostedVoucher> {
  const connection = await getConnectionRow(db, connectionId);
  const definition = connectorDefinition(connection.type);
  const stored = (reference: string): string => definition.storedReference?.(reference) ?? reference;
  const maps = new Map<number, ValueMaps>();
  const mapsOf = async (version: number | null): Promise<ValueMaps> => {
    const key = version ?? -1;
    let found = maps.get(key);
    if (found === undefined) {
      found = (await getProfile(db, { id: connection.id, type: connection.type }, version ?? undefined))
        .valueMaps;
      maps.set(key, found);
    }
    return found;
  };
  const marker = `%"period":${JSON.stringify(period)}%`;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('postings')
      .select([
        'id',
        'document_id',
        'document_json',
        'external_reference',
        'erp_id',
        'erp_number',
        'profile_version',
        'reverses_posting_id',
      ])
      .where('connection_id', '=', connectionId)
      .where('document_type', '=', 'voucher')
      .where('status', '=', 'posted')
      .where('document_json', 'like', marker)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const voucher = voucherOrThrow(JSON.parse(row.document_json));
      if (voucher.period !== period) continue;
      const valueMaps = await mapsOf(row.profile_version);
      yield {
        postingId: row.id,
        documentId: row.document_id,
        externalReference: row.external_reference,
        erpReference: stored(row.external_reference),
        erpId: row.erp_id,
        erpNumber: row.erp_number,
        word: voucher.word,
        date: voucher.date,
        period: voucher.period,
        currency: voucher.currency,
        lines: voucher.lines.map((line) => {
          const supplier = line.aux['supplier'];
          return {
            account: accountOfLine(line, valueMaps).to,
            partner: supplier === undefined ? null : mapDimension(valueMaps, 'supplier', supplier).to,
            debitMinor: line.debitMinor,
            creditMinor: line.creditMinor,
          };
        }),
        totalMinor: voucher.totalMinor,
        reversesPostingId: row.reverses_posting_id,
      };
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return;
    after = last.id;
  }
}

/** Why the ERP's side could not be read: not reached, or a connector that cannot list vouchers. */
export type ErpSideFailure =
  | { readonly reason: 'unreachable'; readonly failure: ErpFailure }
  | { readonly reason: 'unsupported'; readonly failure: ErpFailure };

export interface ErpPages {
  /** The ERP's vouchers of the period, page by page; ends early with a failure when a page fails. */
  pages(): AsyncGenerator<readonly ErpVoucher[], ErpSideFailure | null>;
  close(): Promise<void>;
}

/**
 * The vouchers the ERP holds for a period, through the connection's connector with its credentials (as
 * pulls reach the ERP). A connector that declares no voucher list fails at once as `unsupported`.
 */
export async function erpVouchersForPeriod(
  db: TenantDb,
  keyring: Keyring,
  clock: Clock,
  connectionId: string,
  period: string,
  timeoutMs = 30_000,
): Promise<ErpPages> {
  const row = await getConnectionRow(db, connectionId);
  const connector = await connectorFor(db, keyring, row, {
    now: () => clock.now(),
    log: () => {},
    timeoutMs,
  });
  const capability = connector.manifest.voucherList;
  return {
    async *pages() {
      if (capability === undefined || connector.listVouchers === undefined)
        return {
          reason: 'unsupported',
          failure: {
            outcome: 'rejected',
            code: 'unsupported',
            message: `${connector.manifest.names.en} lists no vouchers`,
          },
        };
      let after: string | null = null;
      for (;;) {
        const page = await connector.listVouchers({ period, after, limit: capability.pageLimit });
        if (!('vouchers' in page)) return { reason: 'unreachable', failure: page };
        yield page.vouchers;
        if (page.next === null || page.next === after) return null;
        after = page.next;
      }
    },
    close: () => connector.close(),
  };
}

/**
 * Sends a posted voucher again because the ERP no longer holds it (a reconciliation's repair): back on
 * the queue under the same reference, traced and audited with the reason.
 */
export async function repostPosting(
  db: TenantDb,
  writer: Writer,
  postingId: string,
  reason: string,
): Promise<PostingView> {
  return db.transaction(async (tx) => {
    const row = await getPosting(tx, postingId);
    if (row.status !== 'posted') throw new DomainError('posting_not_replayable', { status: row.status });
    const now = writer.audit.clock.now().toISOString();
    await tx
      .updateTable('postings')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
      .where('id', '=', postingId)
      .execute();
    await requeue(tx, [row], now);
    await addEvent(tx, postingId, now, 'reposted', {
      by: writer.actor,
      reason,
      previousErpNumber: row.erp_number,
    });
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'repost',
        entityType: 'Posting',
        entityId: postingId,
        before: { status: row.status, erpNumber: row.erp_number },
        after: { status: 'pending', reason },
        requestId: writer.requestId,
      },
    ]);
    return toPostingView(await getPosting(tx, postingId));
  });
}

/** The active connections whose connector can list vouchers, for scheduled reconciliations. */
export async function reconcilableConnections(
  db: TenantDb,
): Promise<{ readonly id: string; readonly name: string; readonly type: string }[]> {
  const rows = await db
    .selectFrom('connections')
    .select(['id', 'name', 'type', 'status'])
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
  return rows
    .filter((r) => connectorDefinition(r.type).manifest.voucherList !== undefined)
    .map(({ id, name, type }) => ({ id, name, type }));
}

/** The connection's name and type (for reports), refusing an unknown id. */
export async function connectionLabel(
  db: TenantDb,
  connectionId: string,
): Promise<{ readonly id: string; readonly name: string; readonly type: string }> {
  const row = await getConnectionRow(db, connectionId);
  return { id: row.id, name: row.name, type: row.type };
}

/** Whether any voucher of the period is still on its way to the ERP through the connection. */
export async function hasUnsettledPostings(
  db: TenantDb,
  connectionId: string,
  period: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('postings')
    .innerJoin('posting_queue as q', 'q.posting_id', 'postings.id')
    .select('postings.id')
    .where('postings.connection_id', '=', connectionId)
    .where('postings.document_type', '=', 'voucher')
    .where('q.status', 'in', ['pending', 'sending', 'unknown'])
    .where('postings.document_json', 'like', `%"period":${JSON.stringify(period)}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
