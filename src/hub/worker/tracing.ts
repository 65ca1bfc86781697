import type { OpenDatabase } from '../../platform/store/database.ts';
import type { ClaimedPosting } from '../../platform/store/job-claims.ts';
import { tenantDb } from '../../platform/store/tenant-scope.ts';
import { inSpan, tracingActive } from '../../platform/telemetry/index.ts';

/**
 * With tracing on, a batch is sent in a span that continues the trace its first posting was submitted
 * in (the ids its first trace event recorded), linked to the others' — so the request that submitted a
 * document, the worker's queries and the ERP call are one trace. Without tracing: `send()`.
 */
export async function sendTraced(
  database: OpenDatabase,
  postings: readonly ClaimedPosting[],
  send: () => Promise<void>,
): Promise<void> {
  const [head] = postings;
  if (!tracingActive() || head === undefined) return send();
  const first = await tenantDb(database.db, head.tenant_id)
    .selectFrom('posting_events')
    .select(['posting_id', 'detail_json'])
    .where(
      'posting_id',
      'in',
      postings.map((p) => p.id),
    )
    .where('seq', '=', 1)
    .execute();
  const submittedIn = new Map(first.map((e) => [e.posting_id, traceOf(e.detail_json)]));
  const parents = postings.flatMap((p) => submittedIn.get(p.id) ?? []);
  return inSpan(
    'finbridge.posting.send',
    {
      'finbridge.connection.id': head.connection_id,
      'finbridge.document.type': head.document_type,
      'finbridge.batch.size': postings.length,
      'finbridge.posting.ids': postings.slice(0, 20).map((p) => p.id),
    },
    send,
    parents,
  );
}

function traceOf(detailJson: string): { traceId: string; spanId: string }[] {
  const detail = JSON.parse(detailJson) as { traceId?: unknown; spanId?: unknown };
  return typeof detail.traceId === 'string' && typeof detail.spanId === 'string'
    ? [{ traceId: detail.traceId, spanId: detail.spanId }]
    : [];
}
