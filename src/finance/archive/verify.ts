import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import type { Manifest } from './build.ts';
import { fixity, unusableReason } from './files.ts';

/**
 * Verifies a package against what the database recorded when it was built (DA/T 70 四性检测), per item:
 * - authentic (真实性): every file still has the recorded size and hash; the manifest still hashes to
 *   the value in the database;
 * - complete (完整性): no recorded file is missing, no file was added, the item has its voucher, claim
 *   and metadata;
 * - usable (可用性): every file still reads as its format (JSON, XML, PDF, OFD);
 * - secure (安全性): the package's record agrees with the audit log entry written when it was built,
 *   and the manifest agrees with the database on the item.
 * Each finding names the item and the file. The report is stored (append-only) and audited.
 */

export type Property = 'authentic' | 'complete' | 'usable' | 'secure';
export const PROPERTIES: readonly Property[] = ['authentic', 'complete', 'usable', 'secure'];

export type FindingKind = 'changed' | 'missing' | 'extra' | 'unusable' | 'record_mismatch' | 'audit_mismatch';

export interface Finding {
  readonly property: Property;
  readonly kind: FindingKind;
  /** The file or folder, relative to the package folder. */
  readonly path: string;
  readonly detail: string;
}

export type Properties = Readonly<Record<Property, boolean>>;

export interface ItemVerification {
  readonly itemId: string;
  readonly archiveCode: string;
  readonly documentNumber: string;
  readonly ok: boolean;
  readonly properties: Properties;
  readonly findings: Finding[];
}

export interface VerificationReport {
  readonly id: string;
  readonly packageId: string;
  readonly period: string;
  readonly code: string;
  readonly ok: boolean;
  readonly verifiedAt: string;
  readonly verifiedBy: string;
  readonly filesChecked: number;
  /** Findings about the package as a whole (manifest, audit entry, files outside any item). */
  readonly package: { readonly properties: Properties; readonly findings: Finding[] };
  readonly items: ItemVerification[];
}

const propertiesOf = (findings: readonly Finding[]): Properties => ({
  authentic: !findings.some((f) => f.property === 'authentic'),
  complete: !findings.some((f) => f.property === 'complete'),
  usable: !findings.some((f) => f.property === 'usable'),
  secure: !findings.some((f) => f.property === 'secure'),
});

const REQUIRED_ROLES = ['metadata', 'voucher', 'claim'] as const;

/** Every file under `dir`, as '/'-separated paths relative to `base`; [] when `dir` is absent. */
async function filesUnder(dir: string, base: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => !e.isDirectory())
      .map((e) => relative(base, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function findPackage(db: TenantDb, ref: { id?: string; period?: string }) {
  let query = db.selectFrom('archive_packages').selectAll();
  if (ref.id !== undefined) query = query.where('id', '=', ref.id);
  if (ref.period !== undefined) query = query.where('period', '=', ref.period);
  const row = await query.executeTakeFirst();
  if (row === undefined)
    throw new DomainError('not_found', { resource: 'ArchivePackage', id: ref.id ?? ref.period ?? '' });
  return row;
}

export async function verifyArchive(
  db: TenantDb,
  writer: Writer,
  ref: { id?: string; period?: string },
  root: string,
): Promise<VerificationReport> {
  const pkg = await findPackage(db, ref);
  const dir = join(root, ...pkg.folder.split('/'));
  const packageFindings: Finding[] = [];

  // the manifest against the database, the database against the audit log
  const manifestBytes = await readOrNull(join(dir, 'manifest.json'));
  let manifest: Manifest | null = null;
  if (manifestBytes === null)
    packageFindings.push({
      property: 'complete',
      kind: 'missing',
      path: 'manifest.json',
      detail: 'the manifest is missing',
    });
  else if (fixity(manifestBytes) !== pkg.manifest_hash)
    packageFindings.push({
      property: 'authentic',
      kind: 'changed',
      path: 'manifest.json',
      detail: `the manifest hashes to ${fixity(manifestBytes)}, not the recorded ${pkg.manifest_hash}`,
    });
  if (manifestBytes !== null)
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    } catch {
      packageFindings.push({
        property: 'usable',
        kind: 'unusable',
        path: 'manifest.json',
        detail: 'the manifest is not valid JSON',
      });
    }
  const audited = await auditedHash(db, pkg.id);
  if (audited === null)
    packageFindings.push({
      property: 'secure',
      kind: 'audit_mismatch',
      path: 'manifest.json',
      detail: 'no audit log entry records the package',
    });
  else if (audited !== pkg.manifest_hash)
    packageFindings.push({
      property: 'secure',
      kind: 'audit_mismatch',
      path: 'manifest.json',
      detail: `the audit log recorded manifest hash ${audited}, the database ${pkg.manifest_hash}`,
    });

  const items = await db
    .selectFrom('archive_items')
    .selectAll()
    .where('package_id', '=', pkg.id)
    .orderBy('seq')
    .execute();
  const files = await db
    .selectFrom('archive_files')
    .selectAll()
    .where('item_id', 'in', [...items.map((i) => i.id), ''])
    .orderBy('item_id')
    .orderBy('path')
    .execute();

  // anything in the package folder that no item or the manifest accounts for
  const onDisk = await filesUnder(dir, dir);
  const folders = new Set(items.map((i) => `items/${i.archive_code}/`));
  for (const path of onDisk)
    if (path !== 'manifest.json' && ![...folders].some((f) => path.startsWith(f)))
      packageFindings.push({
        property: 'complete',
        kind: 'extra',
        path,
        detail: 'a file no item of the package recorded',
      });

  let filesChecked = 0;
  const reports: ItemVerification[] = [];
  for (const item of items) {
    const findings: Finding[] = [];
    const folder = `items/${item.archive_code}`;
    const recorded = files.filter((f) => f.item_id === item.id);
    const present = new Set(
      onDisk.filter((p) => p.startsWith(`${folder}/`)).map((p) => p.slice(folder.length + 1)),
    );
    for (const role of REQUIRED_ROLES)
      if (!recorded.some((f) => f.role === role))
        findings.push({
          property: 'complete',
          kind: 'missing',
          path: folder,
          detail: `no ${role} file recorded`,
        });
    const listed = manifest?.items.find((m) => m.archiveCode === item.archive_code);
    if (manifest !== null && listed === undefined)
      findings.push({
        property: 'secure',
        kind: 'record_mismatch',
        path: folder,
        detail: 'the manifest does not list the item',
      });
    else if (listed !== undefined && listed.metadataHash !== item.metadata_hash)
      findings.push({
        property: 'secure',
        kind: 'record_mismatch',
        path: `${folder}/metadata.json`,
        detail: 'the manifest and the database disagree on the metadata hash',
      });
    for (const f of recorded) {
      const path = `${folder}/${f.path}`;
      present.delete(f.path);
      const bytes = await readOrNull(join(dir, ...path.split('/')));
      filesChecked += 1;
      if (bytes === null) {
        findings.push({ property: 'complete', kind: 'missing', path, detail: 'the file is missing' });
        continue;
      }
      const hash = fixity(bytes);
      if (hash !== f.sm3 || String(bytes.length) !== String(f.size_bytes))
        findings.push({
          property: 'authentic',
          kind: 'changed',
          path,
          detail: `${bytes.length} bytes hashing to ${hash}; archived: ${f.size_bytes} bytes, ${f.sm3}`,
        });
      const unusable = unusableReason(f.format, bytes);
      if (unusable !== null) findings.push({ property: 'usable', kind: 'unusable', path, detail: unusable });
      const inManifest = listed?.files.find((m) => m.path === f.path);
      if (listed !== undefined && inManifest?.hash !== f.sm3)
        findings.push({
          property: 'secure',
          kind: 'record_mismatch',
          path,
          detail: 'the manifest and the database disagree on the file',
        });
    }
    for (const extra of present)
      findings.push({
        property: 'complete',
        kind: 'extra',
        path: `${folder}/${extra}`,
        detail: 'a file the archive did not record',
      });
    const properties = propertiesOf(findings);
    reports.push({
      itemId: item.id,
      archiveCode: item.archive_code,
      documentNumber: item.document_number,
      ok: PROPERTIES.every((p) => properties[p]),
      properties,
      findings,
    });
  }

  const packageProperties = propertiesOf(packageFindings);
  const ok = packageFindings.length === 0 && reports.every((r) => r.ok);
  const report: VerificationReport = {
    id: newId(),
    packageId: pkg.id,
    period: pkg.period,
    code: pkg.code,
    ok,
    verifiedAt: writer.audit.clock.now().toISOString(),
    verifiedBy: writer.actor,
    filesChecked,
    package: { properties: packageProperties, findings: packageFindings },
    items: reports,
  };
  await db.transaction(async (tx) => {
    await tx
      .insertInto('archive_verifications', [
        {
          id: report.id,
          package_id: pkg.id,
          ok: ok ? 1 : 0,
          report_json: JSON.stringify(report),
          verified_by: report.verifiedBy,
          verified_at: report.verifiedAt,
        },
      ])
      .execute();
    const failed = [...packageFindings, ...reports.flatMap((r) => r.findings)];
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'verify',
        entityType: 'ArchivePackage',
        entityId: pkg.id,
        after: {
          ok,
          filesChecked,
          findings: failed.slice(0, 20).map((f) => `${f.kind} ${f.path}`),
        },
        requestId: writer.requestId,
      },
    ]);
  });
  return report;
}

/**
 * The manifest hash the audit log recorded when the package was built (sealed or awaiting sealing).
 * One statement reads both tables: the sealer moves an entry from audit_pending to audit_log in one
 * transaction, and two reads could fall on either side of it and find the entry in neither.
 */
async function auditedHash(db: TenantDb, packageId: string): Promise<string | null> {
  const entry = await db
    .selectFrom('audit_log')
    .select(['after_json'])
    .where('entity_type', '=', 'ArchivePackage')
    .where('entity_id', '=', packageId)
    .where('action', '=', 'archive')
    .unionAll(
      db
        .selectFrom('audit_pending')
        .select(['after_json'])
        .where('entity_type', '=', 'ArchivePackage')
        .where('entity_id', '=', packageId)
        .where('action', '=', 'archive'),
    )
    .executeTakeFirst();
  if (entry?.after_json == null) return null;
  const after = JSON.parse(entry.after_json) as { manifestHash?: unknown };
  return typeof after.manifestHash === 'string' ? after.manifestHash : null;
}

/** The latest stored verification of a package, or null. */
export async function latestVerification(
  db: TenantDb,
  packageId: string,
): Promise<VerificationReport | null> {
  const row = await db
    .selectFrom('archive_verifications')
    .select(['report_json'])
    .where('package_id', '=', packageId)
    .orderBy('verified_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : (JSON.parse(row.report_json) as VerificationReport);
}
