import type { DocumentKind } from '../connectors/contract.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';

/** A document the ERP now holds, as the hub tells the module that submitted it. */
export interface PostedDocument {
  readonly postingId: string;
  /** The submitting module's own id for the document. */
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly erpNumber: string;
  /** The canonical document as submitted. */
  readonly document: Record<string, unknown>;
  /** When the hub recorded it posted (UTC, RFC 3339), from the worker's clock. */
  readonly postedAt: string;
}

/**
 * Runs in the transaction that marks the postings posted, so the module's own write-back commits (or
 * rolls back) with the hub's: a document is never posted in the hub and not in its module.
 */
export type PostedSubscriber = (tx: TenantDb, posted: readonly PostedDocument[]) => Promise<void>;

/**
 * Outcome subscriptions per document kind. Modules never read the hub's tables to learn what became
 * of their documents; the composition root subscribes them here once (`src/modules.ts`), for every
 * kind of process that runs a worker.
 */
const subscribers = new Map<DocumentKind, PostedSubscriber[]>();

/** Subscribes (once per subscriber); returns the unsubscribe. */
export function onPosted(kind: DocumentKind, subscriber: PostedSubscriber): () => void {
  const list = subscribers.get(kind) ?? [];
  if (!list.includes(subscriber)) list.push(subscriber);
  subscribers.set(kind, list);
  return () => {
    subscribers.set(
      kind,
      (subscribers.get(kind) ?? []).filter((s) => s !== subscriber),
    );
  };
}

/** Tells each kind's subscribers, in the caller's transaction. */
export async function notifyPosted(tx: TenantDb, posted: readonly PostedDocument[]): Promise<void> {
  for (const [kind, list] of subscribers) {
    const mine = posted.filter((p) => p.kind === kind);
    if (mine.length === 0) continue;
    for (const subscriber of list) await subscriber(tx, mine);
  }
}
