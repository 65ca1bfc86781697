import { DomainError } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { confirmLine, returnLine, settleBatchStatus, type LineRow } from './batches.ts';
import { parseResultFile } from './files.ts';

/**
 * What the bank says back about a batch's transfers: its result file (pain.002 or a result CSV), or a
 * statement line matched to a transfer's book entry (src/finance/bank). A result file is taken whole
 * or not at all: one unknown reference or status refuses it, naming the line and field.
 */
export interface StatusBackSummary {
  readonly format: 'pain002' | 'csv' | 'statement';
  readonly paid: number;
  readonly returned: number;
  readonly pending: number;
  readonly unchanged: number;
  readonly batches: string[];
}

export async function importResultFile(
  db: TenantDb,
  writer: Writer,
  companyCode: string,
  bytes: Uint8Array,
  batchId?: string,
): Promise<StatusBackSummary> {
  const file = parseResultFile(bytes);
  return db.transaction(async (tx) => {
    const refs = [...new Set(file.outcomes.map((o) => o.endToEndId))];
    const lines: LineRow[] = [];
    for (let i = 0; i < refs.length; i += 400) {
      let select = tx
        .selectFrom('payment_lines')
        .selectAll()
        .where('end_to_end_id', 'in', refs.slice(i, i + 400))
        .where('batch_id', 'is not', null);
      if (batchId !== undefined) select = select.where('batch_id', '=', batchId);
      lines.push(...(await select.execute()));
    }
    const byRef = new Map(lines.map((l) => [l.end_to_end_id, l]));
    for (const o of file.outcomes)
      if (!byRef.has(o.endToEndId))
        throw new DomainError('payment_file_unreadable', {
          line: o.line,
          field: file.format === 'pain002' ? 'OrgnlEndToEndId' : 'reference',
          reason: `没有参考号为 ${o.endToEndId} 的付款${batchId === undefined ? '' : '（在此批次中）'}`,
          reasonEn: `no transfer has the reference ${o.endToEndId}${batchId === undefined ? '' : ' in this batch'}`,
        });
    const at = writer.audit.clock.now().toISOString();
    let paid = 0;
    let returned = 0;
    let pending = 0;
    let unchanged = 0;
    const batches = new Set<string>();
    for (const o of file.outcomes) {
      const line = await tx
        .selectFrom('payment_lines')
        .selectAll()
        .where('id', '=', byRef.get(o.endToEndId)?.id ?? '')
        .executeTakeFirstOrThrow();
      if (line.batch_id !== null) batches.add(line.batch_id);
      if (o.outcome === 'pending') pending += 1;
      else if (o.outcome === 'paid') {
        if (await confirmLine(tx, line, at)) paid += 1;
        else unchanged += 1;
      } else if (line.status === 'sent' || line.status === 'paid') {
        await returnLine(tx, writer, companyCode, line, {
          reason: o.reason ?? '银行退票 / returned by the bank',
          returnedOn: at.slice(0, 10),
        });
        returned += 1;
      } else unchanged += 1;
    }
    for (const b of batches) await settleBatchStatus(tx, writer, b);
    const summary: StatusBackSummary = {
      format: file.format,
      paid,
      returned,
      pending,
      unchanged,
      batches: [...batches],
    };
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'import_result',
        entityType: 'PaymentBatch',
        entityId: batchId ?? [...batches].join(','),
        after: summary,
        requestId: writer.requestId,
      },
    ]);
    return summary;
  });
}

/**
 * Transfers the bank statement shows: a sent line whose book entry is matched to a statement line is
 * paid, and keeps that line's id.
 */
export async function confirmFromStatement(
  db: TenantDb,
  writer: Writer,
  batchId?: string,
): Promise<StatusBackSummary> {
  return db.transaction(async (tx) => {
    let select = tx
      .selectFrom('payment_lines')
      .selectAll()
      .where('status', 'in', ['sent', 'paid'])
      .where('statement_line_id', 'is', null)
      .where('batch_id', 'is not', null);
    if (batchId !== undefined) select = select.where('batch_id', '=', batchId);
    const lines = await select.execute();
    const at = writer.audit.clock.now().toISOString();
    let paid = 0;
    let unchanged = 0;
    const batches = new Set<string>();
    for (let i = 0; i < lines.length; i += 400) {
      const chunk = lines.slice(i, i + 400);
      const entries = await tx
        .selectFrom('bank_book_entries')
        .select(['id', 'source_id'])
        .where('source', '=', 'expense')
        .where(
          'source_id',
          'in',
          chunk.map((l) => l.id),
        )
        .execute();
      const entryItems =
        entries.length === 0
          ? []
          : await tx
              .selectFrom('bank_match_items')
              .select(['item_id', 'match_id'])
              .where('side', '=', 'entry')
              .where(
                'item_id',
                'in',
                entries.map((e) => e.id),
              )
              .execute();
      const lineItems =
        entryItems.length === 0
          ? []
          : await tx
              .selectFrom('bank_match_items')
              .select(['item_id', 'match_id'])
              .where('side', '=', 'line')
              .where(
                'match_id',
                'in',
                entryItems.map((e) => e.match_id),
              )
              .orderBy('item_id')
              .execute();
      const matched = entries.flatMap((e) => {
        const match = entryItems.find((m) => m.item_id === e.id)?.match_id;
        const line = lineItems.find((l) => l.match_id === match);
        return line === undefined ? [] : [{ source_id: e.source_id, line_id: line.item_id }];
      });
      for (const line of chunk) {
        const hit = matched.find((m) => m.source_id === line.id);
        if (hit === undefined) continue;
        if (await confirmLine(tx, line, at, hit.line_id)) paid += 1;
        else unchanged += 1;
        if (line.batch_id !== null) batches.add(line.batch_id);
      }
    }
    for (const b of batches) await settleBatchStatus(tx, writer, b);
    return { format: 'statement', paid, returned: 0, pending: 0, unchanged, batches: [...batches] };
  });
}
