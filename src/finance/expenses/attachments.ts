import { createHash } from 'node:crypto';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';

/**
 * Files kept with a document — receipts, contracts, an invoice's original XML — with their SHA-256
 * (the fixity value an archive needs). A document holds a given file once.
 */
export interface AttachmentView {
  readonly id: string;
  readonly documentId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface FileInput {
  readonly name: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** Stores a file with a document in the caller's transaction. */
export async function storeAttachment(
  tx: TenantDb,
  writer: Writer,
  documentId: string,
  file: FileInput,
): Promise<AttachmentView> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const row = {
    id: newId(),
    document_id: documentId,
    file_name: file.name,
    content_type: file.contentType,
    size_bytes: file.content.length,
    sha256,
    content: file.content,
    created_by: writer.actor,
    created_at: writer.audit.clock.now().toISOString(),
  };
  try {
    await tx.insertInto('attachments', [row]).execute();
  } catch (error) {
    if (constraintViolation(error) === 'unique') throw new DomainError('duplicate_code', { code: sha256 });
    throw error;
  }
  return toView(row);
}

export async function listAttachments(db: TenantDb, documentId: string): Promise<AttachmentView[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'document_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at'])
    .where('document_id', '=', documentId)
    .orderBy('created_at')
    .execute();
  return rows.map(toView);
}

const toView = (r: {
  id: string;
  document_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: string;
}): AttachmentView => ({
  id: r.id,
  documentId: r.document_id,
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: r.created_at,
});

/** Attaches a file to a claim, request or advance (audited). */
export async function attachFile(
  db: TenantDb,
  writer: Writer,
  documentId: string,
  file: FileInput,
): Promise<AttachmentView> {
  return db.transaction(async (tx) => {
    const doc = await tx
      .selectFrom('expense_documents')
      .select(['id', 'number'])
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (doc === undefined)
      throw new DomainError('not_found', { resource: 'ExpenseDocument', id: documentId });
    const view = await storeAttachment(tx, writer, doc.id, file);
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'attach',
        entityType: 'Attachment',
        entityId: view.id,
        after: { document: doc.number, fileName: view.fileName, sha256: view.sha256 },
        requestId: writer.requestId,
      },
    ]);
    return view;
  });
}
