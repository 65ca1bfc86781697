import type { PostingRow } from '../../platform/store/job-claims.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { PostingStatus } from '../tables.ts';
import { backoffDelay } from '../resilience.ts';
import { nowOf, type WorkerContext } from './context.ts';

/**
 * How a claim ends for postings that are not posted: their next state in the queue, copied to their
 * posting records with the claim's outcome.
 */
export interface StateChange {
  readonly status?: PostingStatus;
  readonly next_attempt_at?: string;
  /** Takes back the attempt the claim counted: a send that was marked but not made. */
  readonly uncount?: boolean;
  readonly last_outcome?: string;
  readonly last_error_code?: string | null;
  readonly last_error_message?: string | null;
  readonly last_error_reason?: string | null;
}

/**
 * A worker's writes to postings it holds the lease of. Every change is conditional on the lease the
 * postings carry still being the posting's — this worker's, from the same claim: a lease that ran out
 * may have been claimed again, by another worker or by this one, and the batch holding the older claim
 * must then change nothing. The lease and the live state are the queue row's (`posting_queue`); when a
 * claim ends, its state is copied to the posting record in the same transaction.
 */
export class Leases {
  readonly #ctx: WorkerContext;

  constructor(ctx: WorkerContext) {
    this.#ctx = ctx;
  }

  /**
   * Ends the claim of postings still under their claim's lease with a change of state, releasing the
   * lease; returns how many it changed.
   */
  async settleAll(db: TenantDb, postings: readonly PostingRow[], change: StateChange): Promise<number> {
    const [head] = postings;
    if (head === undefined) return 0;
    const at = nowOf(this.#ctx).toISOString();
    return db.transaction(async (tx) => {
      const changed = await tx
        .updateTable('posting_queue')
        .set((eb) => ({
          ...(change.status === undefined ? {} : { status: change.status }),
          ...(change.next_attempt_at === undefined ? {} : { next_attempt_at: change.next_attempt_at }),
          ...(change.uncount === true ? { attempts: eb('attempts', '-', 1) } : {}),
          lease_owner: null,
          lease_until: null,
        }))
        .where(
          'posting_id',
          'in',
          postings.map((p) => p.id),
        )
        .where('lease_owner', '=', this.#ctx.owner)
        .where('lease_until', '=', head.lease_until)
        .returning(['posting_id'])
        .execute();
      if (changed.length === 0) return 0;
      const { status: _s, next_attempt_at: _n, uncount: _u, ...outcome } = change;
      await tx
        .updateTable('postings')
        .set((eb) => {
          const live = <C extends 'status' | 'attempts' | 'next_attempt_at'>(column: C) =>
            eb
              .selectFrom('posting_queue')
              .select(`posting_queue.${column}` as const)
              .whereRef('posting_queue.posting_id', '=', 'postings.id');
          return {
            status: live('status'),
            attempts: live('attempts'),
            next_attempt_at: live('next_attempt_at'),
            ...outcome,
            updated_at: at,
          };
        })
        .where(
          'id',
          'in',
          changed.map((c) => c.posting_id),
        )
        .execute();
      return changed.length;
    });
  }

  /** True when the posting was still this claim's and is changed. */
  async settle(db: TenantDb, posting: PostingRow, change: StateChange): Promise<boolean> {
    return (await this.settleAll(db, [posting], change)) === 1;
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
    return this.settleAll(db, postings, { next_attempt_at: this.inMs(waitMs) });
  }

  /** Takes back a send that was marked but not made: pending again in `waitMs`, the attempt uncounted. */
  unsend(db: TenantDb, postings: readonly PostingRow[], waitMs: number): Promise<number> {
    return this.settleAll(db, postings, {
      status: 'pending',
      uncount: true,
      next_attempt_at: this.inMs(waitMs),
    });
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
    const marked = await db
      .updateTable('posting_queue')
      .set((eb) => ({
        status: 'sending' as const,
        attempts: eb('attempts', '+', 1),
        lease_until: renewedUntil,
        // due again only if this worker dies: when its lease runs out (as a claim marks it)
        next_attempt_at: renewedUntil,
      }))
      .where(
        'posting_id',
        'in',
        ready.map((p) => p.id),
      )
      .where('lease_owner', '=', this.#ctx.owner)
      .where('lease_until', '=', head.lease_until)
      .where('lease_until', '>', sentAt.toISOString())
      .returning(['posting_id', 'status', 'attempts', 'next_attempt_at', 'lease_owner', 'lease_until'])
      .execute();
    const byId = new Map(marked.map((m) => [m.posting_id, m]));
    return ready.flatMap((posting) => {
      const m = byId.get(posting.id);
      if (m === undefined) return [];
      const { posting_id: _id, ...state } = m;
      return [{ ...posting, ...state }];
    });
  }
}
