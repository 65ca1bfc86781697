import type {
  CanonicalDocument,
  DocumentKind,
  ErpFailure,
  MappingProfile,
  PushResult,
} from '../../connectors/contract.ts';
import { settlePosted, type ClaimedPosting, type PostingRow } from '../../platform/store/job-claims.ts';
import { tenantDb, type TenantDb } from '../../platform/store/tenant-scope.ts';
import type { PostingStatus } from '../tables.ts';
import { parseDocument } from '../canonical-documents.ts';
import { hasSubscribers } from '../outcomes.ts';
import { addEvent, traceEventRows } from '../postings.ts';
import type { ConnectionState, ConnectionStates } from './connection-states.ts';
import { nowOf, sleep, type WorkerContext } from './context.ts';
import type { Leases } from './leases.ts';
import { tellPosted, tellRejected } from './notices.ts';

/** A claimed posting; one the intake handed over carries the document it validated, not parsed again. */
export type SendablePosting = ClaimedPosting & Validated;

interface Validated {
  readonly canonical?: CanonicalDocument;
}

/**
 * The exactly-once-effect protocol for one batch of claimed postings (ARCHITECTURE §4): a posting
 * whose last send may have reached the ERP is looked up by its external reference first — found means
 * posted, never sent again; the others are sent, `sending` committed before the call, and each outcome
 * settled: success → posted; definite rejection → rejected (parked, replayable); ambiguous → unknown;
 * throttled / transient / auth → pending with backoff; after the retry budget → dead.
 */
export class PostingSender {
  readonly #ctx: WorkerContext;
  readonly #states: ConnectionStates;
  readonly #leases: Leases;

  readonly #calls: Permits;

  /** `calls`: ERP interactions (lookups and sends) at once; the batches beyond them wait their turn. */
  constructor(ctx: WorkerContext, states: ConnectionStates, leases: Leases, calls: number) {
    this.#ctx = ctx;
    this.#states = states;
    this.#leases = leases;
    this.#calls = new Permits(calls);
  }

  /**
   * Sends postings of one connection, kind and profile version in one ERP call (a batch when more than
   * one). They are `sending` before the call: marked by the claim, or by the recheck of those whose last
   * send may have reached the ERP. The call is made only while their lease outlasts it: an ERP may
   * finish a call its client gave up on, and only after the lease may another claim look the posting
   * up; a batch held up past that point (a long wait, a stalled database) sends nothing on this claim
   * and is given back. Each item's outcome is then settled on its own terms, the successes together in
   * one transaction.
   */
  async processBatch(postings: readonly SendablePosting[]): Promise<void> {
    const [head] = postings;
    if (head === undefined) return;
    const db = tenantDb(this.#ctx.database.db, head.tenant_id);
    const state = await this.#states.get(db, head.connection_id);
    // everything the call needs is read first, so that the call follows the rate limit's token at once
    const profile = await this.#states.profileFor(db, state.id, head.profile_version);
    // the batch's turn with the ERP: it ends with the call, before the outcome is recorded, so that a
    // batch claimed ahead makes the next call at once
    const sent = await this.#calls.run(() => this.#send(db, postings, state, profile));
    if (sent === undefined) return;
    const { batch, submitted, results, started } = sent;
    const kind = head.document_type as DocumentKind;
    const capability = Object.hasOwn(state.connector.manifest.pushes, kind)
      ? state.connector.manifest.pushes[kind]
      : undefined;
    const latencyMs = Math.round(performance.now() - started);
    this.#ctx.metrics?.latency.observe({ connection: state.name }, latencyMs / 1000);
    const at = nowOf(this.#ctx).toISOString();
    const posted: Sent[] = [];
    for (const [i, posting] of batch.entries()) {
      const result = results[i] ?? {
        outcome: 'ambiguous',
        code: 'no_result',
        message: 'no result for this item',
      };
      this.#ctx.metrics?.outcomes.inc({ connection: state.name, outcome: result.outcome });
      // the trace speaks the connector's vocabulary: its ERP object and the lifecycle steps of one push
      const summary = {
        attempt: posting.attempts,
        latencyMs,
        request: {
          erpObject: capability?.erpObject ?? kind,
          steps: capability?.lifecycle ?? [],
          ...(batch.length === 1 ? {} : { batch: batch.length, index: i }),
          profileVersion: posting.profile_version,
          reference: posting.external_reference,
        },
      };
      if (result.outcome === 'success')
        posted.push({
          posting,
          erpId: result.erpId,
          erpNumber: result.erpNumber,
          summary,
          document: submitted[i] ?? {},
        });
      else await this.#recordFailure(db, posting, state, result, posting.attempts, summary);
    }
    if (posted.length === 0) return;
    state.breaker.success();
    this.#states.reportBreaker(state);
    await this.#settlePosted(db, batch, posted, at);
  }

  /**
   * The batch's part with the ERP, under its turn: given back (undefined) when the breaker, a pause, the
   * rate limit or the lease holds it back; otherwise the postings sent and the ERP's answer to each.
   */
  async #send(
    db: TenantDb,
    postings: readonly SendablePosting[],
    state: ConnectionState,
    profile: MappingProfile,
  ): Promise<
    | {
        batch: readonly PostingRow[];
        submitted: Record<string, unknown>[];
        results: readonly (PushResult | undefined)[];
        started: number;
      }
    | undefined
  > {
    const leases = this.#leases;
    const markedByClaim = postings[0]?.claimed_from === 'pending';
    const holdMs = await this.#holdFor(postings, state);
    if (holdMs !== undefined) {
      await (markedByClaim ? leases.unsend(db, postings, holdMs) : leases.putBack(db, postings, holdMs));
      return undefined;
    }
    const batch: readonly (PostingRow & Validated)[] = markedByClaim
      ? postings
      : await this.#recheck(db, postings, state);
    if (batch.length === 0) return undefined;
    if (leases.spareMs(batch) < 0) {
      await leases.unsend(db, batch, 0);
      return undefined;
    }
    // each document parsed once: the canonical form for the call, the submitted form for the modules
    const submitted = batch.map((posting) => JSON.parse(posting.document_json) as Record<string, unknown>);
    const items = batch.map((posting, i) => ({
      document: posting.canonical ?? parseDocument(posting.document_type as DocumentKind, submitted[i]),
      externalReference: posting.external_reference,
    }));
    const started = performance.now();
    const [only] = items;
    const results =
      batch.length === 1 && only !== undefined
        ? [await state.connector.push(only.document, only.externalReference, profile)]
        : await state.connector.pushBatch(items, profile);
    return { batch, submitted, results, started };
  }

  /**
   * The successes of one call, posted together with their trace events in one statement; only those
   * still under this claim's lease count. The modules are told in the same transaction; when none
   * listens, the statement is the transaction.
   */
  async #settlePosted(db: TenantDb, batch: readonly PostingRow[], posted: readonly Sent[], at: string) {
    const kind = batch[0]?.document_type as DocumentKind;
    const settle = async (tx: TenantDb) => {
      const mine = new Set(
        await settlePosted(
          tx,
          { owner: this.#ctx.owner, until: batch[0]?.lease_until ?? null },
          at,
          posted.map((p) => ({ id: p.posting.id, erpId: p.erpId, erpNumber: p.erpNumber })),
          traceEventRows(
            at,
            posted.map(({ posting, erpId, erpNumber, summary }) => [
              posting.id,
              [
                ['attempt', { ...summary, outcome: 'success', response: { erpId, erpNumber } }],
                ['posted', { erpId, erpNumber }],
              ],
            ]),
          ),
        ),
      );
      await tellPosted(
        tx,
        posted.filter((p) => mine.has(p.posting.id)),
        at,
      );
    };
    const told = hasSubscribers('posted', kind) || posted.some((p) => p.posting.reverses_posting_id !== null);
    await (told ? db.transaction(settle) : settle(db));
  }

  /**
   * Whether a batch may call now (undefined), or how soon it is due again once given back: the breaker
   * is open, the connection paused, or the claim's lease will not outlast the call. The rate limit is
   * waited out only while the lease covers the wait and the call, and its token is taken only when the
   * call can follow.
   */
  async #holdFor(postings: readonly PostingRow[], state: ConnectionState): Promise<number | undefined> {
    if (state.paused) return 60_000;
    if (!state.breaker.allows(performance.now()))
      return Math.max(1000, state.breaker.retryInMs(performance.now()));
    for (;;) {
      const spareMs = this.#leases.spareMs(postings);
      if (spareMs < 0) return 0;
      const wait = state.bucket.take(performance.now());
      if (wait <= 0) return undefined;
      if (wait > spareMs) return wait;
      await sleep(wait);
    }
  }

  /**
   * Postings claimed while their last send may have reached the ERP: each is looked up first, and those
   * the ERP does not have are marked `sending` (Leases.markSending).
   */
  async #recheck(
    db: TenantDb,
    postings: readonly PostingRow[],
    state: ConnectionState,
  ): Promise<PostingRow[]> {
    const ready: PostingRow[] = [];
    for (const posting of postings) if (await this.#needsSending(db, posting, state)) ready.push(posting);
    return this.#leases.markSending(db, ready);
  }

  /** A posting whose last send may have reached the ERP is looked up first; true when it must be sent. */
  async #needsSending(db: TenantDb, posting: PostingRow, state: ConnectionState): Promise<boolean> {
    if (posting.status !== 'unknown' && posting.status !== 'sending') return true;
    const at = () => nowOf(this.#ctx).toISOString();
    if (posting.status === 'sending')
      await addEvent(db, posting.id, at(), 'lease_expired', {
        note: 'the worker sending it stopped; outcome unknown',
      });
    if ((await this.#resolveUnknown(db, posting, state)) !== 'send') return false;
    if (posting.attempts < this.#ctx.maxAttempts) return true;
    const reason = `not in the ERP after ${posting.attempts} attempts`;
    await this.#park(
      db,
      posting,
      'dead',
      { last_outcome: 'exhausted' },
      { code: 'exhausted', message: reason },
      async () => {},
      { reason },
    );
    return false;
  }

  /** Looks a posting up by its external reference: posted if found, sent if not, later if unknowable. */
  async #resolveUnknown(
    db: TenantDb,
    posting: PostingRow,
    state: ConnectionState,
  ): Promise<'posted' | 'send' | 'later'> {
    const started = performance.now();
    const found = await state.connector.lookup(
      posting.document_type as DocumentKind,
      posting.external_reference,
    );
    const latencyMs = Math.round(performance.now() - started);
    const at = () => nowOf(this.#ctx).toISOString();
    if ('found' in found) {
      await addEvent(db, posting.id, at(), 'lookup', {
        reference: posting.external_reference,
        found: found.found,
        latencyMs,
        ...(found.found ? { erpNumber: found.erpNumber } : {}),
      });
      if (!found.found) return 'send';
      await db.transaction(async (tx) => {
        const postedAt = at();
        const { erpId, erpNumber } = found;
        // the state and the trace event that says so commit together
        const settled = await settlePosted(
          tx,
          { owner: this.#ctx.owner, until: posting.lease_until },
          postedAt,
          [{ id: posting.id, erpId, erpNumber }],
          traceEventRows(postedAt, [[posting.id, [['posted', { erpId, erpNumber, via: 'lookup' }]]]]),
        );
        if (settled.length === 1) await tellPosted(tx, [{ posting, erpNumber }], postedAt);
      });
      this.#ctx.metrics?.outcomes.inc({ connection: state.name, outcome: 'found_by_lookup' });
      state.breaker.success();
      this.#states.reportBreaker(state);
      return 'posted';
    }
    await addEvent(db, posting.id, at(), 'lookup', {
      reference: posting.external_reference,
      failed: found.outcome,
      code: found.code,
      message: found.message.slice(0, 200),
      latencyMs,
    });
    state.breaker.failure(performance.now());
    this.#states.reportBreaker(state);
    await this.#leases.settle(db, posting, {
      status: 'unknown',
      next_attempt_at: this.#leases.later(posting.attempts),
      last_outcome: found.outcome,
      last_error_code: found.code,
      last_error_message: found.message,
      last_error_reason: null,
    });
    return 'later';
  }

  async #recordFailure(
    db: TenantDb,
    posting: PostingRow,
    state: ConnectionState,
    failure: ErpFailure,
    attempt: number,
    summary: Record<string, unknown>,
  ): Promise<void> {
    const at = nowOf(this.#ctx).toISOString();
    const attemptEvent = (tx: TenantDb) =>
      addEvent(tx, posting.id, at, 'attempt', {
        ...summary,
        outcome: failure.outcome,
        response: { code: failure.code, message: failure.message.slice(0, 500) },
      });
    const error = {
      last_outcome: failure.outcome,
      last_error_code: failure.code,
      last_error_message: failure.message,
      last_error_reason: failure.reason ?? null,
    };
    if (failure.outcome === 'rejected') {
      state.breaker.success(); // the ERP answered: it is healthy
      this.#states.reportBreaker(state);
      await this.#park(db, posting, 'rejected', error, failure, attemptEvent, {
        code: failure.code,
        message: failure.message,
        ...(failure.reason === undefined ? {} : { reason: failure.reason }),
      });
      return;
    }
    state.breaker.failure(performance.now());
    this.#states.reportBreaker(state);
    const status: PostingStatus = failure.outcome === 'ambiguous' ? 'unknown' : 'pending';
    if (status === 'pending' && attempt >= this.#ctx.maxAttempts) {
      await this.#park(db, posting, 'dead', error, failure, attemptEvent, {
        reason: `retry budget of ${this.#ctx.maxAttempts} attempts exhausted`,
        code: failure.code,
      });
      return;
    }
    // An ERP may still be working on a call its client gave up on: the lookup that decides whether to
    // send again waits at least one more call timeout, so it does not overtake that work.
    const next = this.#leases.later(attempt, status === 'unknown' ? this.#ctx.callTimeoutMs : 0);
    // the attempt's trace event and the state it leads to commit together
    await db.transaction(async (tx) => {
      if (await this.#leases.settle(tx, posting, { status, next_attempt_at: next, ...error }))
        await attemptEvent(tx);
    });
  }

  /**
   * Parks a posting (rejected or dead): the state, its trace event (`rejected` / `dead` with `detail`)
   * and the notice to its module commit in one transaction, so a worker killed in between leaves
   * neither a parked posting whose trace does not say so nor an event for a state that never was.
   */
  async #park(
    db: TenantDb,
    posting: PostingRow,
    status: 'rejected' | 'dead',
    changes: {
      last_outcome: string;
      last_error_code?: string;
      last_error_message?: string;
      last_error_reason?: string | null;
    },
    failure: ErpFailure | { readonly code: string; readonly message: string },
    before: (tx: TenantDb) => Promise<void>,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await db.transaction(async (tx) => {
      if (!(await this.#leases.settle(tx, posting, { status, ...changes }))) return;
      const at = nowOf(this.#ctx).toISOString();
      await before(tx);
      await addEvent(tx, posting.id, at, status, detail);
      await tellRejected(tx, posting, status, failure, at);
    });
  }
}

/** A counting semaphore: at most `n` of the works given to `run` at once, the others queued in order. */
class Permits {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(n: number) {
    this.#free = Math.max(1, n);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#free += 1;
      else next();
    }
  }
}

interface Sent {
  readonly posting: PostingRow;
  readonly erpId: string;
  readonly erpNumber: string;
  readonly summary: Record<string, unknown>;
  /** The document as submitted (what the modules are told). */
  readonly document: Record<string, unknown>;
}
