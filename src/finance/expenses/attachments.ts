import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import { sha256Of, type BlobStore } from '../../platform/blobs/blob-store.ts';

/**
 * Files kept with a document — receipts, contracts, an invoice's original XML — with their SHA-256
 * (the fixity value an archive needs). A document holds a given file once. The bytes live in the
 * content-addressed blob store under that SHA-256 (`storage` 'blob'); rows written before the store
 * keep them inline (`storage` 'inline') until `finbridge attachments migrate` moves them.
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
  blobs: BlobStore,
): Promise<AttachmentView> {
  // the bytes first: should the transaction roll back, an unreferenced blob is harmless
  const sha256 = await blobs.put(file.content);
  const row = {
    id: newId(),
    document_id: documentId,
    file_name: file.name,
    content_type: file.contentType,
    size_bytes: file.content.length,
    sha256,
    content: Buffer.alloc(0),
    storage: 'blob' as const,
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
  blobs: BlobStore,
): Promise<AttachmentView> {
  return db.transaction(async (tx) => {
    const doc = await tx
      .selectFrom('expense_documents')
      .select(['id', 'number'])
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (doc === undefined)
      throw new DomainError('not_found', { resource: 'ExpenseDocument', id: documentId });
    const view = await storeAttachment(tx, writer, doc.id, file, blobs);
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

/** An attachment's bytes, from the blob store (or the row, for one not yet moved), checked against its SHA-256. */
export async function readAttachment(
  db: TenantDb,
  blobs: BlobStore,
  id: string,
): Promise<{ view: AttachmentView; content: Buffer }> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'Attachment', id });
  const content = row.storage === 'blob' ? await blobs.get(row.sha256) : Buffer.from(row.content);
  if (row.storage === 'inline' && sha256Of(content) !== row.sha256)
    throw new Error(`attachment ${id}: the stored bytes no longer match their SHA-256`);
  return { view: toView(row), content };
}

/**
 * Moves attachments still kept inline into the blob store, a batch at a time, each row in its own
 * statement (the bytes are stored, checked, and only then cleared from the row). Returns how many moved
 * and how many were left because their bytes no longer match the recorded SHA-256 (named, not moved).
 */
export async function moveInlineAttachments(
  db: TenantDb,
  writer: Writer,
  blobs: BlobStore,
  batch = 100,
): Promise<{ moved: number; bytes: number; mismatched: string[] }> {
  let moved = 0;
  let bytes = 0;
  const mismatched: string[] = [];
  for (let after = ''; ;) {
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'sha256', 'content'])
      .where('storage', '=', 'inline')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      const content = Buffer.from(row.content);
      if (sha256Of(content) !== row.sha256) {
        mismatched.push(row.id);
        continue;
      }
      await blobs.put(content);
      if ((await blobs.verify(row.sha256)) !== 'ok') throw new Error(`blob ${row.sha256} did not verify`);
      await db.transaction(async (tx) => {
        await tx
          .updateTable('attachments')
          .set({ storage: 'blob', content: Buffer.alloc(0) })
          .where('id', '=', row.id)
          .where('storage', '=', 'inline')
          .execute();
        await appendAudit(tx, writer.audit, [
          {
            actor: writer.actor,
            action: 'move_to_blob_store',
            entityType: 'Attachment',
            entityId: row.id,
            after: { sha256: row.sha256, size: content.length },
            requestId: writer.requestId,
          },
        ]);
      });
      moved += 1;
      bytes += content.length;
    }
  }
  return { moved, bytes, mismatched };
}

/**
 * Checks that every attachment kept in the blob store is there and still hashes to its name (after a
 * restore, say, when the store was copied separately from the database). Returns the ones that are not.
 */
export async function checkAttachmentBlobs(
  db: TenantDb,
  blobs: BlobStore,
): Promise<{ checked: number; problems: { id: string; sha256: string; state: 'missing' | 'corrupt' }[] }> {
  let checked = 0;
  const problems: { id: string; sha256: string; state: 'missing' | 'corrupt' }[] = [];
  for (let after = ''; ;) {
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'sha256'])
      .where('storage', '=', 'blob')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      checked += 1;
      const state = await blobs.verify(row.sha256);
      if (state !== 'ok') problems.push({ id: row.id, sha256: row.sha256, state });
    }
  }
  return { checked, problems };
}
