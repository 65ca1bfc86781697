import type { DocumentKind } from '../connectors/contract.ts';
import type { RejectionReason } from '../model/erp-rejections.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';

/** A document the ERP now holds, as the hub tells the module that submitted it. */
export interface PostedDocument {
  readonly postingId: string;
  /** The connection (ERP instance) it was posted to. */
  readonly connectionId: string;
  /** The submitting module's own id for the document. */
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly erpNumber: string;
  /** The canonical document as submitted. */
  readonly document: Record<string, unknown>;
  /** When the hub recorded it posted (UTC, RFC 3339), from the worker's clock. */
  readonly postedAt: string;
}

/** A document the ERP refused (`rejected`, replayable once fixed) or the hub gave up on (`dead`). */
export interface RejectedDocument {
  readonly postingId: string;
  /** The connection (ERP instance) that refused it, or that the hub gave up on. */
  readonly connectionId: string;
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly status: 'rejected' | 'dead';
  /** The ERP's code (or the hub's, e.g. `exhausted`) and its message, verbatim. */
  readonly code: string;
  readonly message: string;
  /** Why the ERP refused it, when its connector recognised the answer; null otherwise. */
  readonly reason: RejectionReason | null;
  readonly at: string;
}

/** A posted document whose reversal (红冲, submitted with `reverses`) the ERP now holds too. */
export interface ReversedDocument {
  /** The reversed document's posting and the module's id for it. */
  readonly postingId: string;
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly reversal: { readonly postingId: string; readonly erpNumber: string; readonly postedAt: string };
}

export interface Outcomes {
  readonly posted: PostedDocument;
  readonly rejected: RejectedDocument;
  readonly reversed: ReversedDocument;
}
export type Outcome = keyof Outcomes;

/**
 * Runs in the transaction that records the outcome, so the module's own write-back commits (or rolls
 * back) with the hub's: a document is never posted in the hub and not in its module.
 */
export type OutcomeSubscriber<O extends Outcome> = (
  tx: TenantDb,
  documents: readonly Outcomes[O][],
) => Promise<void>;
export type PostedSubscriber = OutcomeSubscriber<'posted'>;

/**
 * Outcome subscriptions per outcome and document kind. Modules never read the hub's tables to learn
 * what became of their documents; the composition root subscribes them here once (`src/modules.ts`),
 * for every kind of process that runs a worker.
 */
const subscribers = new Map<string, OutcomeSubscriber<Outcome>[]>();
const keyOf = (outcome: Outcome, kind: DocumentKind) => `${outcome}:${kind}`;

/** Subscribes (once per subscriber); returns the unsubscribe. */
export function onOutcome<O extends Outcome>(
  outcome: O,
  kind: DocumentKind,
  subscriber: OutcomeSubscriber<O>,
): () => void {
  const key = keyOf(outcome, kind);
  const list = subscribers.get(key) ?? [];
  const general = subscriber as unknown as OutcomeSubscriber<Outcome>;
  if (!list.includes(general)) list.push(general);
  subscribers.set(key, list);
  return () =>
    subscribers.set(
      key,
      (subscribers.get(key) ?? []).filter((s) => s !== general),
    );
}

export const onPosted = (kind: DocumentKind, subscriber: PostedSubscriber): (() => void) =>
  onOutcome('posted', kind, subscriber);

/** Whether any module listens for an outcome of a kind (the worker skips a transaction when none does). */
export const hasSubscribers = (outcome: Outcome, kind: DocumentKind): boolean =>
  (subscribers.get(keyOf(outcome, kind))?.length ?? 0) > 0;

/** Tells each kind's subscribers of an outcome, in the caller's transaction. */
export async function notifyOutcome<O extends Outcome>(
  tx: TenantDb,
  outcome: O,
  documents: readonly Outcomes[O][],
): Promise<void> {
  const kinds = new Set(documents.map((d) => d.kind));
  for (const kind of kinds) {
    const mine = documents.filter((d) => d.kind === kind);
    for (const subscriber of subscribers.get(keyOf(outcome, kind)) ?? []) await subscriber(tx, mine);
  }
}
