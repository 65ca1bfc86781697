import type { DocumentKind } from '../../connectors/contract.ts';
import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { PostingRow } from '../../platform/store/job-claims.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { notifyOutcome, type ReversedDocument } from '../outcomes.ts';

/**
 * Tells the modules what became of their documents, in the transaction that records it: `posted` for
 * each, and `reversed` for the documents the posted ones reverse (红冲).
 */
export async function tellPosted(
  tx: TenantDb,
  posted: readonly {
    readonly posting: PostingRow;
    readonly erpNumber: string;
    /** The document as submitted, when the caller has it parsed already. */
    readonly document?: Record<string, unknown>;
  }[],
  at: string,
): Promise<void> {
  if (posted.length === 0) return;
  await notifyOutcome(
    tx,
    'posted',
    posted.map(({ posting, erpNumber, document }) => ({
      postingId: posting.id,
      connectionId: posting.connection_id,
      documentId: posting.document_id,
      kind: posting.document_type as DocumentKind,
      erpNumber,
      document: document ?? (JSON.parse(posting.document_json) as Record<string, unknown>),
      postedAt: at,
    })),
  );
  const reversals = posted.filter((p) => p.posting.reverses_posting_id !== null);
  if (reversals.length === 0) return;
  const originals = await tx
    .selectFrom('postings')
    .select(['id', 'document_id', 'document_type'])
    .where(
      'id',
      'in',
      reversals.map((p) => p.posting.reverses_posting_id ?? ''),
    )
    .execute();
  const originalOf = new Map(originals.map((o) => [o.id, o]));
  const reversed = reversals.flatMap(({ posting, erpNumber }): ReversedDocument[] => {
    const original = originalOf.get(posting.reverses_posting_id ?? '');
    if (original === undefined) return [];
    return [
      {
        postingId: original.id,
        documentId: original.document_id,
        kind: original.document_type as DocumentKind,
        reversal: { postingId: posting.id, erpNumber, postedAt: at },
      },
    ];
  });
  await notifyOutcome(tx, 'reversed', reversed);
}

/** Tells the module its document is parked: refused by the ERP, or given up on by the hub. */
export async function tellRejected(
  tx: TenantDb,
  posting: PostingRow,
  status: 'rejected' | 'dead',
  failure: { readonly code: string; readonly message: string; readonly reason?: RejectionReason },
  at: string,
): Promise<void> {
  await notifyOutcome(tx, 'rejected', [
    {
      postingId: posting.id,
      connectionId: posting.connection_id,
      documentId: posting.document_id,
      kind: posting.document_type as DocumentKind,
      status,
      code: failure.code,
      message: failure.message,
      reason: failure.reason ?? null,
      at,
    },
  ]);
}
