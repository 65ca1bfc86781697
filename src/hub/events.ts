import type { ErpFailure, PullCursor } from '../connectors/contract.ts';
import { appendEvents, type AnyNewEvent } from '../platform/events/log.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import type { PostedDocument, RejectedDocument } from './outcomes.ts';

/**
 * The events the hub publishes (src/model/events.ts): `posting.posted`, `posting.rejected` and
 * `posting.dead` — told through the hub's own outcome subscriptions, which run in the transaction that
 * records the outcome (src/modules.ts subscribes these for every document kind) — and `sync.finished`,
 * appended by a pull with its last commit.
 */

export async function publishPosted(tx: TenantDb, posted: readonly PostedDocument[]): Promise<void> {
  if (posted.length === 0) return;
  await appendEvents(
    tx,
    posted.map((p): AnyNewEvent => ({
      type: 'posting.posted',
      subjectId: p.postingId,
      occurredAt: p.postedAt,
      data: {
        postingId: p.postingId,
        connectionId: p.connectionId,
        documentType: p.kind,
        documentId: p.documentId,
        erpNumber: p.erpNumber,
      },
    })),
  );
}

export async function publishRejected(tx: TenantDb, rejected: readonly RejectedDocument[]): Promise<void> {
  if (rejected.length === 0) return;
  await appendEvents(
    tx,
    rejected.map((r): AnyNewEvent => ({
      type: r.status === 'dead' ? 'posting.dead' : 'posting.rejected',
      subjectId: r.postingId,
      occurredAt: r.at,
      data: {
        postingId: r.postingId,
        connectionId: r.connectionId,
        documentType: r.kind,
        documentId: r.documentId,
        code: r.code,
        message: r.message,
        reason: r.reason,
      },
    })),
  );
}

/** `sync.finished` for a pull that ended, appended in the transaction that records its end. */
export const syncFinished = (
  tx: TenantDb,
  connectionId: string,
  outcome: {
    readonly object: string;
    readonly pages: number;
    readonly records: number;
    readonly watermark: PullCursor;
    readonly failure?: ErpFailure;
  },
  at: string,
): Promise<void> =>
  appendEvents(tx, [
    {
      type: 'sync.finished',
      subjectId: connectionId,
      occurredAt: at,
      data: {
        connectionId,
        object: outcome.object,
        ok: outcome.failure === undefined,
        pages: outcome.pages,
        records: outcome.records,
        watermark: { modifiedAt: outcome.watermark.modifiedAt, number: outcome.watermark.number },
        failure:
          outcome.failure === undefined
            ? null
            : {
                outcome: outcome.failure.outcome,
                code: outcome.failure.code,
                message: outcome.failure.message.slice(0, 1000),
              },
      },
    },
  ]);
