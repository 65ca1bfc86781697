import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Insertable } from 'kysely';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import type { BlobStore } from '../../platform/blobs/blob-store.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { yuanOf } from '../../model/money.ts';
import { DomainError } from '../../model/result.ts';
import { postingState } from '../../hub/postings.ts';
import { readAttachment } from '../expenses/attachments.ts';
import { getExpenseDocument, type DocumentView } from '../expenses/expense-documents.ts';
import { toInvoiceView } from '../invoices/invoices.ts';
import { fixity, formatOf, HASH_ALGORITHM, jsonBytes, mediaTypeOf, safeName, sha256 } from './files.ts';
import type {
  ArchiveFileRole,
  ArchiveFilesTable,
  ArchiveItemsTable,
  ArchivePackagesTable,
} from './tables.ts';

/**
 * Builds the electronic accounting archive of a closed period (会计档案, ADR 0020): one item (件) per
 * voucher — the claim or advance a voucher was posted for — with the voucher, the claim, its invoices'
 * original files and other attachments from the blob store, the approval trail, the payment and the
 * bank line where they exist, and a metadata file; one package per period with a manifest whose hash is
 * recorded in the database and appended to the audit log (so the audit chain covers it).
 *
 * The package is written to a temporary folder, the rows and the audit entry are written in one
 * transaction, and the folder is renamed into place as that transaction's last step.
 */

export const PACKAGE_FORMAT = 'finbridge-accounting-archive';
export const PACKAGE_VERSION = 1;
/** 会计档案管理办法: 原始凭证 and 记账凭证 are kept 30 years. */
export const VOUCHER_RETENTION = { code: 'D30', years: 30 } as const;

export interface ArchiveDeps {
  readonly blobs: BlobStore;
  /** Where packages are written: `<data directory>/archive`. */
  readonly root: string;
  /** The system the records come from, as the metadata names it (e.g. "FinBridge 0.9.0"). */
  readonly sourceSystem: string;
}

/** The company as the archive names it: its code is the fonds number (全宗号). */
export interface Fonds {
  readonly code: string;
  readonly name: string;
}

export interface ManifestFile {
  readonly path: string;
  readonly role: ArchiveFileRole;
  readonly format: string;
  readonly mediaType: string;
  readonly size: number;
  readonly hash: string;
  readonly sha256: string;
}

export interface ManifestItem {
  readonly seq: number;
  readonly archiveCode: string;
  readonly folder: string;
  readonly documentNumber: string;
  readonly metadataHash: string;
  readonly files: readonly ManifestFile[];
}

export interface Manifest {
  readonly format: typeof PACKAGE_FORMAT;
  readonly version: number;
  readonly packageId: string;
  readonly code: string;
  readonly fonds: Fonds;
  readonly year: string;
  readonly period: string;
  readonly hashAlgorithm: string;
  readonly sourceSystem: string;
  readonly builtAt: string;
  readonly builtBy: string;
  readonly items: readonly ManifestItem[];
}

export interface PackageView {
  readonly id: string;
  readonly period: string;
  readonly code: string;
  readonly folder: string;
  readonly hashAlgorithm: string;
  readonly manifestHash: string;
  readonly itemCount: number;
  readonly fileCount: number;
  readonly totalBytes: number;
  readonly builtBy: string;
  readonly builtAt: string;
}

export const toPackageView = (r: Omit<ArchivePackagesTable, 'tenant_id'>): PackageView => ({
  id: r.id,
  period: r.period,
  code: r.code,
  folder: r.folder,
  hashAlgorithm: r.hash_algorithm,
  manifestHash: r.manifest_hash,
  itemCount: r.item_count,
  fileCount: r.file_count,
  totalBytes: Number(r.total_bytes),
  builtBy: r.built_by,
  builtAt: r.built_at,
});

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 全宗号-KJ-年度-月份: the package's code. */
export const packageCode = (fonds: string, period: string) => `${fonds}-KJ-${period}`;

/** 档号: 全宗号-KJ(会计)-年度-保管期限-月份-件号, e.g. DEMO-KJ-2026-D30-11-00001. */
export const archiveCode = (fonds: string, period: string, seq: number) =>
  `${fonds}-KJ-${period.slice(0, 4)}-${VOUCHER_RETENTION.code}-${period.slice(5, 7)}-${String(seq).padStart(5, '0')}`;

/** Counted from the first day after the fiscal year ends (calendar fiscal years). */
export const retainUntil = (period: string) =>
  `${Number(period.slice(0, 4)) + VOUCHER_RETENTION.years}-12-31`;

interface PendingFile extends ManifestFile {
  readonly bytes: Buffer;
  readonly sourceType: string | null;
  readonly sourceId: string | null;
}

const file = (
  path: string,
  role: ArchiveFileRole,
  bytes: Buffer,
  mediaType?: string,
  source: { type: string; id: string } | null = null,
): PendingFile => {
  const format = formatOf(path, mediaType ?? '');
  return {
    path,
    role,
    format,
    mediaType: mediaType ?? mediaTypeOf(format),
    size: bytes.length,
    hash: fixity(bytes),
    sha256: sha256(bytes),
    bytes,
    sourceType: source?.type ?? null,
    sourceId: source?.id ?? null,
  };
};

/** A name not yet used in the item (a second `receipt.pdf` becomes `receipt-2.pdf`). */
function unique(used: Set<string>, path: string): string {
  let candidate = path;
  for (let n = 2; used.has(candidate); n += 1) {
    const dot = path.lastIndexOf('.');
    candidate = dot > path.lastIndexOf('/') ? `${path.slice(0, dot)}-${n}${path.slice(dot)}` : `${path}-${n}`;
  }
  used.add(candidate);
  return candidate;
}

export async function buildArchive(
  db: TenantDb,
  writer: Writer,
  fonds: Fonds,
  period: string,
  deps: ArchiveDeps,
): Promise<PackageView> {
  if (!PERIOD.test(period))
    throw new DomainError('invalid_field', { detail: `period ${period} is not YYYY-MM` }, [
      { code: 'invalid_field', pointer: '/period', params: { detail: 'YYYY-MM' } },
    ]);
  const closed = await db
    .selectFrom('closed_periods')
    .select('period')
    .where('period', '=', period)
    .executeTakeFirst();
  if (closed === undefined)
    throw new DomainError('archive_period_open', { period }, [
      { code: 'archive_period_open', pointer: '/period', params: { period } },
    ]);
  const existing = await db
    .selectFrom('archive_packages')
    .select('id')
    .where('period', '=', period)
    .executeTakeFirst();
  if (existing !== undefined)
    throw new DomainError('archive_exists', { period, packageId: existing.id }, [], {
      packageId: existing.id,
    });

  const id = newId();
  const now = writer.audit.clock.now().toISOString();
  const code = packageCode(fonds.code, period);
  const folder = `${db.tenantId}/${code}-${id}`;
  const temp = join(deps.root, db.tenantId, `.building-${id}`);
  const final = join(deps.root, folder);

  const documents = await db
    .selectFrom('expense_documents')
    .select(['id', 'number', 'erp_voucher_number', 'posted_at'])
    .where('erp_period', '=', period)
    .where('status', 'in', ['posted', 'paid'])
    .where('kind', 'in', ['claim', 'advance'])
    .orderBy('posted_at')
    .orderBy('number')
    .execute();

  const items: ManifestItem[] = [];
  const itemRows: Omit<Insertable<ArchiveItemsTable>, 'tenant_id'>[] = [];
  const fileRows: Omit<Insertable<ArchiveFilesTable>, 'tenant_id'>[] = [];
  let totalBytes = 0;
  try {
    for (const [index, doc] of documents.entries()) {
      const seq = index + 1;
      const itemCode = archiveCode(fonds.code, period, seq);
      const itemId = newId();
      const assembled = await assembleItem(db, deps, doc.id);
      const files = assembled.files;
      const claim = assembled.claim;
      const metadata = {
        archiveCode: itemCode,
        fonds: fonds.code,
        fondsName: fonds.name,
        category: 'KJ',
        categoryName: { zh: '会计凭证', en: 'Accounting voucher' },
        year: period.slice(0, 4),
        period,
        seq,
        voucher: {
          word: assembled.voucherWord,
          number: doc.erp_voucher_number,
          date: assembled.voucherDate,
        },
        amount: claim.total,
        currency: claim.currency,
        document: { type: claim.kind, number: claim.number, title: claim.title },
        preparer: 'system:finbridge',
        handler: claim.employeeCode,
        reviewer: assembled.reviewer,
        poster: assembled.poster,
        retention: {
          code: VOUCHER_RETENTION.code,
          years: VOUCHER_RETENTION.years,
          until: retainUntil(period),
        },
        sourceSystem: deps.sourceSystem,
        archivedAt: now,
        hashAlgorithm: HASH_ALGORITHM,
        files: files.map(({ bytes: _b, sourceType: _t, sourceId: _i, ...f }) => f),
      };
      const metadataFile = file('metadata.json', 'metadata', jsonBytes(metadata));
      const all = [metadataFile, ...files];
      const itemFolder = `items/${itemCode}`;
      for (const f of all) {
        const path = join(temp, itemFolder, ...f.path.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, f.bytes, { flag: 'wx' });
        totalBytes += f.size;
        fileRows.push({
          item_id: itemId,
          path: f.path,
          role: f.role,
          format: f.format,
          media_type: f.mediaType,
          size_bytes: BigInt(f.size),
          sm3: f.hash,
          sha256: f.sha256,
          source_type: f.sourceType,
          source_id: f.sourceId,
        });
      }
      items.push({
        seq,
        archiveCode: itemCode,
        folder: itemFolder,
        documentNumber: claim.number,
        metadataHash: metadataFile.hash,
        files: all.map(({ bytes: _b, sourceType: _t, sourceId: _i, ...f }) => f),
      });
      itemRows.push({
        id: itemId,
        package_id: id,
        seq,
        archive_code: itemCode,
        source_type: 'expense_document',
        source_id: doc.id,
        document_number: claim.number,
        voucher_word: assembled.voucherWord,
        voucher_number: doc.erp_voucher_number,
        amount_minor: assembled.totalMinor,
        currency: claim.currency,
        retention: VOUCHER_RETENTION.code,
        retain_until: retainUntil(period),
        metadata_hash: metadataFile.hash,
        created_at: now,
      });
    }
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      packageId: id,
      code,
      fonds,
      year: period.slice(0, 4),
      period,
      hashAlgorithm: HASH_ALGORITHM,
      sourceSystem: deps.sourceSystem,
      builtAt: now,
      builtBy: writer.actor,
      items,
    };
    const manifestBytes = jsonBytes(manifest);
    await mkdir(temp, { recursive: true });
    await writeFile(join(temp, 'manifest.json'), manifestBytes, { flag: 'wx' });
    const row = {
      id,
      period,
      code,
      folder,
      hash_algorithm: HASH_ALGORITHM,
      manifest_hash: fixity(manifestBytes),
      item_count: items.length,
      file_count: fileRows.length,
      total_bytes: BigInt(totalBytes + manifestBytes.length),
      built_by: writer.actor,
      built_at: now,
    };
    await db.transaction(async (tx) => {
      await tx.insertInto('archive_packages', [row]).execute();
      for (let i = 0; i < itemRows.length; i += 200)
        await tx.insertInto('archive_items', itemRows.slice(i, i + 200)).execute();
      for (let i = 0; i < fileRows.length; i += 200)
        await tx.insertInto('archive_files', fileRows.slice(i, i + 200)).execute();
      await appendAudit(tx, writer.audit, [
        {
          actor: writer.actor,
          action: 'archive',
          entityType: 'ArchivePackage',
          entityId: id,
          after: {
            period,
            code,
            hashAlgorithm: HASH_ALGORITHM,
            manifestHash: row.manifest_hash,
            items: items.length,
            files: fileRows.length,
          },
          requestId: writer.requestId,
        },
      ]);
      await mkdir(dirname(final), { recursive: true });
      await rename(temp, final);
    });
    return toPackageView(row);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    await rm(final, { recursive: true, force: true }).catch(() => undefined);
    if (constraintViolation(error) === 'unique')
      throw new DomainError('archive_exists', { period, packageId: '' });
    throw error;
  }
}

interface AssembledItem {
  readonly claim: DocumentView;
  readonly totalMinor: bigint;
  readonly voucherWord: string | null;
  readonly voucherDate: string | null;
  readonly reviewer: string | null;
  readonly poster: string;
  readonly files: PendingFile[];
}

/** The files of one item, from the claim or advance `documentId`. */
async function assembleItem(db: TenantDb, deps: ArchiveDeps, documentId: string): Promise<AssembledItem> {
  const claim = await getExpenseDocument(db, documentId);
  const row = await db
    .selectFrom('expense_documents')
    .select([
      'total_minor',
      'posting_id',
      'erp_voucher_number',
      'erp_period',
      'posted_at',
      'paid_at',
      'status',
    ])
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  const used = new Set<string>(['metadata.json']);
  const files: PendingFile[] = [];

  const posting = row.posting_id === null ? undefined : await postingState(db, row.posting_id);
  const voucher = posting?.document ?? null;
  const voucherWord = typeof voucher?.['word'] === 'string' ? voucher['word'] : null;
  const voucherDate = typeof voucher?.['date'] === 'string' ? voucher['date'] : null;
  files.push(
    file(
      unique(used, 'voucher.json'),
      'voucher',
      jsonBytes({
        erpVoucherNumber: row.erp_voucher_number,
        erpPeriod: row.erp_period,
        postedAt: row.posted_at,
        posting:
          posting === undefined
            ? null
            : { id: posting.id, status: posting.status, erpNumber: posting.erpNumber },
        voucher,
      }),
    ),
  );
  files.push(file(unique(used, 'claim.json'), 'claim', jsonBytes(claim)));

  // invoices: the structured record, and the original electronic file as received (XML/OFD/PDF)
  const uses = await db
    .selectFrom('invoice_uses')
    .select(['invoice_id'])
    .where('document_id', '=', documentId)
    .orderBy('line_no')
    .orderBy('invoice_id')
    .execute();
  for (const use of uses) {
    const invoice = await db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', use.invoice_id)
      .executeTakeFirstOrThrow();
    const view = toInvoiceView(invoice);
    const base = safeName(`${view.code === null ? '' : `${view.code}-`}${view.number}`);
    files.push(
      file(unique(used, `invoices/${base}.json`), 'invoice', jsonBytes(view), 'application/json', {
        type: 'invoice',
        id: invoice.id,
      }),
    );
    for (const original of await attachmentsOf(db, invoice.id)) {
      const { content, view: a } = await readAttachment(db, deps.blobs, original.id);
      files.push(
        file(
          unique(used, `invoices/${base}-original-${safeName(a.fileName)}`),
          'invoice',
          content,
          a.contentType,
          {
            type: 'attachment',
            id: a.id,
          },
        ),
      );
    }
  }
  for (const attachment of await attachmentsOf(db, documentId)) {
    const { content, view: a } = await readAttachment(db, deps.blobs, attachment.id);
    files.push(
      file(unique(used, `attachments/${safeName(a.fileName)}`), 'attachment', content, a.contentType, {
        type: 'attachment',
        id: a.id,
      }),
    );
  }

  // the approval trail: every task of every round, the skipped steps and the status transitions
  const tasks = await db
    .selectFrom('approval_tasks')
    .select([
      'round',
      'step_no',
      'step_id',
      'kind',
      'mode',
      'assignee_code',
      'delegated_from',
      'status',
      'decided_by',
      'decided_at',
      'comment',
      'created_at',
    ])
    .where('document_id', '=', documentId)
    .orderBy('round')
    .orderBy('step_no')
    .orderBy('created_at')
    .execute();
  files.push(
    file(
      unique(used, 'approvals.json'),
      'approvals',
      jsonBytes({
        policyVersion: claim.approvalPolicyVersion,
        tasks: tasks.map((t) => ({
          round: t.round,
          step: t.step_no,
          stepId: t.step_id,
          kind: t.kind,
          mode: t.mode,
          assignee: t.assignee_code,
          delegatedFrom: t.delegated_from,
          status: t.status,
          decidedBy: t.decided_by,
          decidedAt: t.decided_at,
          comment: t.comment,
        })),
        skippedSteps: claim.skippedSteps,
        transitions: claim.transitions,
      }),
    ),
  );
  const lastApproval = [...tasks].reverse().find((t) => t.status === 'approved');

  // the payment — recorded directly (…/pay) or in a batch (payment lines) — its bank book entries and
  // the statement lines matched to them
  const payments = await db
    .selectFrom('payment_lines')
    .select(['id', 'batch_id', 'amount_minor', 'currency', 'status', 'paid_on', 'reference', 'end_to_end_id'])
    .where('payable_id', '=', documentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const entries = await db
    .selectFrom('bank_book_entries')
    .selectAll()
    .where('source', 'in', ['expense', 'expense_return'])
    .where('source_id', 'in', [documentId, ...payments.map((p) => p.id)])
    .orderBy('booked_on')
    .orderBy('id')
    .execute();
  if (row.paid_at !== null || payments.length > 0 || entries.length > 0) {
    const paidBy = (claim.transitions ?? []).find((t) => t.to === 'paid');
    files.push(
      file(
        unique(used, 'payment.json'),
        'payment',
        jsonBytes({
          paidAt: row.paid_at,
          paidBy: paidBy?.actor ?? null,
          comment: paidBy?.comment ?? null,
          payments: payments.map((p) => ({
            id: p.id,
            batchId: p.batch_id,
            amount: yuanOf(p.amount_minor),
            currency: p.currency,
            status: p.status,
            paidOn: p.paid_on,
            reference: p.reference,
            endToEndId: p.end_to_end_id,
          })),
          bookEntries: entries.map((e) => ({
            id: e.id,
            source: e.source,
            account: e.account_code,
            bookedOn: e.booked_on,
            amount: yuanOf(e.amount_minor),
            currency: e.currency,
            direction: e.direction,
            counterpartyName: e.counterparty_name,
            counterpartyAccount: e.counterparty_account,
            reference: e.reference,
          })),
        }),
      ),
    );
  }
  const matchIds =
    entries.length === 0
      ? []
      : await db
          .selectFrom('bank_match_items')
          .select('match_id')
          .where('side', '=', 'entry')
          .where(
            'item_id',
            'in',
            entries.map((e) => e.id),
          )
          .execute();
  if (matchIds.length > 0) {
    const lineIds = await db
      .selectFrom('bank_match_items')
      .select(['item_id', 'match_id'])
      .where(
        'match_id',
        'in',
        matchIds.map((m) => m.match_id),
      )
      .where('side', '=', 'line')
      .execute();
    const lines =
      lineIds.length === 0
        ? []
        : await db
            .selectFrom('bank_statement_lines')
            .selectAll()
            .where(
              'id',
              'in',
              lineIds.map((l) => l.item_id),
            )
            .orderBy('booked_on')
            .orderBy('seq')
            .execute();
    files.push(
      file(
        unique(used, 'bank.json'),
        'bank',
        jsonBytes({
          matches: [...new Set(matchIds.map((m) => m.match_id))],
          lines: lines.map((l) => ({
            id: l.id,
            matchId: lineIds.find((x) => x.item_id === l.id)?.match_id ?? null,
            account: l.account_code,
            bookedOn: l.booked_on,
            valueOn: l.value_on,
            amount: yuanOf(l.amount_minor),
            currency: l.currency,
            direction: l.direction,
            counterpartyName: l.counterparty_name,
            counterpartyAccount: l.counterparty_account,
            reference: l.reference,
            description: l.description,
            bankTransactionId: l.bank_txn_id,
          })),
        }),
      ),
    );
  }
  return {
    claim,
    totalMinor: row.total_minor,
    voucherWord,
    voucherDate,
    reviewer: lastApproval?.decided_by ?? null,
    poster: posting === undefined ? 'system:hub' : `system:hub (${posting.connectionId})`,
    files,
  };
}

const attachmentsOf = (db: TenantDb, documentId: string) =>
  db
    .selectFrom('attachments')
    .select(['id'])
    .where('document_id', '=', documentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Where an installation's packages are written: `<data directory>/archive`. */
export const archiveRootIn = (dataDir: string): string => join(dataDir, 'archive');
