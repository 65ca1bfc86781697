import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { yuanOf } from '../../model/money.ts';
import { toPackageView, type PackageView } from './build.ts';
import {
  findPackage,
  latestVerification,
  PROPERTIES,
  type Properties,
  type VerificationReport,
} from './verify.ts';

/** What the console and the API list: packages with their last verification, items with their files. */

export interface PackageSummary extends PackageView {
  readonly lastVerification: {
    readonly id: string;
    readonly ok: boolean;
    readonly verifiedAt: string;
    readonly verifiedBy: string;
    readonly properties: Properties;
  } | null;
}

const summaryOf = (report: VerificationReport | null): PackageSummary['lastVerification'] =>
  report === null
    ? null
    : {
        id: report.id,
        ok: report.ok,
        verifiedAt: report.verifiedAt,
        verifiedBy: report.verifiedBy,
        properties: Object.fromEntries(
          PROPERTIES.map((p) => [
            p,
            report.package.properties[p] && report.items.every((i) => i.properties[p]),
          ]),
        ) as unknown as Properties,
      };

export async function listPackages(db: TenantDb): Promise<PackageSummary[]> {
  const rows = await db.selectFrom('archive_packages').selectAll().orderBy('period', 'desc').execute();
  const out: PackageSummary[] = [];
  for (const row of rows)
    out.push({ ...toPackageView(row), lastVerification: summaryOf(await latestVerification(db, row.id)) });
  return out;
}

export interface ItemView {
  readonly id: string;
  readonly seq: number;
  readonly archiveCode: string;
  readonly documentId: string;
  readonly documentNumber: string;
  readonly voucherWord: string | null;
  readonly voucherNumber: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly retention: string;
  readonly retainUntil: string;
  /** The item's properties as the package's last verification found them (null: never verified). */
  readonly verification: Properties | null;
  readonly files: {
    readonly path: string;
    readonly role: string;
    readonly format: string;
    readonly mediaType: string;
    readonly size: number;
    readonly hash: string;
    readonly sha256: string;
  }[];
}

export async function getPackage(
  db: TenantDb,
  id: string,
): Promise<{ package: PackageSummary; items: ItemView[]; lastReport: VerificationReport | null }> {
  const row = await findPackage(db, { id });
  const report = await latestVerification(db, row.id);
  const items = await db
    .selectFrom('archive_items')
    .selectAll()
    .where('package_id', '=', row.id)
    .orderBy('seq')
    .execute();
  const files = await db
    .selectFrom('archive_files')
    .selectAll()
    .where('item_id', 'in', [...items.map((i) => i.id), ''])
    .orderBy('path')
    .execute();
  return {
    package: { ...toPackageView(row), lastVerification: summaryOf(report) },
    lastReport: report,
    items: items.map((i) => ({
      id: i.id,
      seq: i.seq,
      archiveCode: i.archive_code,
      documentId: i.source_id,
      documentNumber: i.document_number,
      voucherWord: i.voucher_word,
      voucherNumber: i.voucher_number,
      amount: yuanOf(i.amount_minor),
      currency: i.currency,
      retention: i.retention,
      retainUntil: i.retain_until,
      verification: report?.items.find((r) => r.itemId === i.id)?.properties ?? null,
      files: files
        .filter((f) => f.item_id === i.id)
        .map((f) => ({
          path: f.path,
          role: f.role,
          format: f.format,
          mediaType: f.media_type,
          size: Number(f.size_bytes),
          hash: f.sm3,
          sha256: f.sha256,
        })),
    })),
  };
}
