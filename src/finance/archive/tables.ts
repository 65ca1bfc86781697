import type { Nullable } from '../../platform/store/tables.ts';

/**
 * The electronic accounting archive's tables (migration 2026-12-03T1520-archive-blobs; layout in
 * docs/adr/0020-accounting-archive-package.md). Rows are written once: triggers on both engines refuse
 * any UPDATE or DELETE. The store learns of them by declaration merging (`ModuleTables`).
 */

/** One package per closed period: a folder under the data directory and its manifest's hash. */
export interface ArchivePackagesTable {
  tenant_id: string;
  id: string;
  period: string;
  /** 全宗号-KJ-年度-月份, e.g. DEMO-KJ-2026-11. */
  code: string;
  /** The package folder, relative to the archive root. */
  folder: string;
  hash_algorithm: string;
  manifest_hash: string;
  item_count: number;
  file_count: number;
  total_bytes: bigint;
  built_by: string;
  built_at: string;
}

/** One archival item (件) per voucher. */
export interface ArchiveItemsTable {
  tenant_id: string;
  id: string;
  package_id: string;
  seq: number;
  /** 档号, e.g. DEMO-KJ-2026-D30-11-00001. */
  archive_code: string;
  source_type: 'expense_document';
  source_id: string;
  document_number: string;
  voucher_word: Nullable<string>;
  voucher_number: Nullable<string>;
  amount_minor: bigint;
  currency: string;
  /** D30 (30 years), as 会计档案管理办法 sets for vouchers. */
  retention: string;
  retain_until: string;
  metadata_hash: string;
  created_at: string;
}

export type ArchiveFileRole =
  'metadata' | 'voucher' | 'claim' | 'invoice' | 'attachment' | 'approvals' | 'payment' | 'bank';

/** A file of an item as it was written, with its fixity values and the record it came from. */
export interface ArchiveFilesTable {
  tenant_id: string;
  item_id: string;
  /** Relative to the item's folder, '/'-separated. */
  path: string;
  role: ArchiveFileRole;
  format: string;
  media_type: string;
  size_bytes: bigint;
  sm3: string;
  sha256: string;
  /** 'invoice' or 'attachment' for originals (the database keeps those rows as archived). */
  source_type: Nullable<string>;
  source_id: Nullable<string>;
}

export interface ArchiveVerificationsTable {
  tenant_id: string;
  id: string;
  package_id: string;
  ok: number;
  report_json: string;
  verified_by: string;
  verified_at: string;
}

declare module '../../platform/store/tables.ts' {
  interface ModuleTables {
    archive_packages: ArchivePackagesTable;
    archive_items: ArchiveItemsTable;
    archive_files: ArchiveFilesTable;
    archive_verifications: ArchiveVerificationsTable;
  }
}
