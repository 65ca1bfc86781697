import type { ExpressionBuilder, UpdateObject } from 'kysely';
import type { PostingRow } from '../../platform/store/job-claims.ts';
import type { Database } from '../../platform/store/tables.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { backoffDelay } from '../resilience.ts';
import { nowOf, type WorkerContext } from './context.ts';

/** What a worker's state change writes: values, or expressions over the posting's columns. */
export type PostingChanges =
  | UpdateObject<Database, 'postings'>
  | ((eb: ExpressionBuilder<Database, 'postings'>) => UpdateObject<Database, 'postings'>);

/**
 * A worker's writes to postings it holds the lease of. Every change is conditional on the lease the
 * postings carry still being the posting's — this worker's, from the same claim: a lease that ran out
 * may have been claimed again, by another worker or by this one, and the batch holding the older claim
 * must then change nothing.
 */
export class Leases {
  readonly #ctx: WorkerContext;

  constructor(ctx: WorkerContext) {
    this.#ctx = ctx;
  }

  /** Applies a change to postings still under their claim's lease; returns how many it changed. */
  async settleAll(
    db: TenantDb,
    postings: readonly PostingRow[],
    changes: PostingChanges,
    release: boolean,
  ): Promise<number> {
    const [head] = postings;
    if (head === undefined) return 0;
    const result = await db
      .updateTable('postings')
      .set((eb) => ({
        ...(typeof changes === 'function' ? changes(eb) : changes),
        updated_at: nowOf(this.#ctx).toISOString(),
        ...(release ? { lease_owner: null, lease_until: null } : {}),
      }))
      .where(
        'id',
        'in',
        postings.map((p) => p.id),
      )
      .where('lease_owner', '=', this.#ctx.owner)
      .where('lease_until', '=', head.lease_until)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** True when the posting was still this claim's and is changed. */
  async settle(
    db: TenantDb,
    posting: PostingRow,
    changes: PostingChanges,
    release: boolean,
  ): Promise<boolean> {
    return (await this.settleAll(db, [posting], changes, release)) === 1;
  }

  /** When to try again after `attempt`: backoff with jitter, and no sooner than `atLeastMs` from now. */
  later(attempt: number, atLeastMs = 0): string {
    const { backoff, random } = this.#ctx;
    const delay = Math.max(atLeastMs, backoffDelay(Math.max(1, attempt), backoff, random));
    return new Date(nowOf(this.#ctx).getTime() + delay).toISOString();
  }

  inMs(ms: number): string {
    return new Date(nowOf(this.#ctx).getTime() + ms).toISOString();
  }

  /** Puts claimed postings back for `waitMs`, releasing the lease. */
  putBack(db: TenantDb, postings: readonly PostingRow[], waitMs: number): Promise<number> {
    return this.settleAll(db, postings, { next_attempt_at: this.inMs(waitMs) }, true);
  }

  /** Takes back a send that was marked but not made: pending again in `waitMs`, the attempt uncounted. */
  unsend(db: TenantDb, postings: readonly PostingRow[], waitMs: number): Promise<number> {
    return this.settleAll(
      db,
      postings,
      (eb) => ({ status: 'pending', attempts: eb('attempts', '-', 1), next_attempt_at: this.inMs(waitMs) }),
      true,
    );
  }

  /**
   * How long a batch may still wait before its call, under the lease its claim took (or its recheck
   * renewed): a call made then ends, at its deadline, with a call timeout of the lease still to run.
   * Negative when it is already too late.
   */
  spareMs(postings: readonly PostingRow[]): number {
    const until = Date.parse(postings[0]?.lease_until ?? '') || 0;
    return until - nowOf(this.#ctx).getTime() - 2 * this.#ctx.callTimeoutMs;
  }

  /**
   * Marks postings `sending` and counts the attempt — only under the lease this batch's claim took,
   * still running, which the mark renews. Returns them as marked.
   */
  async markSending(db: TenantDb, ready: readonly PostingRow[]): Promise<PostingRow[]> {
    const [head] = ready;
    if (head === undefined) return [];
    const sentAt = nowOf(this.#ctx);
    const renewedUntil = new Date(sentAt.getTime() + this.#ctx.leaseMs).toISOString();
    return db
      .updateTable('postings')
      .set((eb) => ({
        status: 'sending' as const,
        attempts: eb('attempts', '+', 1),
        lease_until: renewedUntil,
        // due again only if this worker dies: when its lease runs out (as a claim marks it)
        next_attempt_at: renewedUntil,
        updated_at: sentAt.toISOString(),
      }))
      .where(
        'id',
        'in',
        ready.map((p) => p.id),
      )
      .where('lease_owner', '=', this.#ctx.owner)
      .where('lease_until', '=', head.lease_until)
      .where('lease_until', '>', sentAt.toISOString())
      .returningAll()
      .execute();
  }
}
