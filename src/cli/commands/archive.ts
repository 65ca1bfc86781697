import { loadConfig } from '../../platform/config.ts';
import { listCompanies } from '../../platform/store/companies.ts';
import { VERSION } from '../../version.ts';
import { required, say, str, type Values } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { tenantFor, withPlatform } from '../platform.ts';

/** `finbridge archive build --period YYYY-MM --tenant CODE`, as POST /api/v1/archive/packages does. */
export async function archiveBuild(values: Values): Promise<void> {
  const period = required(values, 'period');
  const config = loadConfig();
  const { archiveRootIn, buildArchive } = await import('../../finance/archive/build.ts');
  const { blobStoreIn } = await import('../../platform/blobs/blob-store.ts');
  await withPlatform(config, async ({ database, writer }) => {
    const { company, db } = await tenantFor(database, values['tenant']);
    const view = await buildArchive(db, writer, { code: company.code, name: company.name }, period, {
      blobs: blobStoreIn(config.dataDir),
      root: archiveRootIn(config.dataDir),
      sourceSystem: `FinBridge ${VERSION}`,
    });
    say(
      `${view.code}: ${view.itemCount} item(s), ${view.fileCount} file(s), ${view.totalBytes} bytes (package ${view.id})`,
    );
    say(`  folder ${archiveRootIn(config.dataDir)}/${view.folder}`);
    say(`  manifest ${view.hashAlgorithm} ${view.manifestHash} (recorded in the audit log)`);
  });
}

/**
 * `finbridge archive verify --tenant CODE (--period YYYY-MM | --package ID)`: the four properties per
 * item, every changed, missing or extra file named; exits 1 when anything fails.
 */
export async function archiveVerify(values: Values): Promise<void> {
  const period = str(values, 'period');
  const id = str(values, 'package');
  if ((period === undefined) === (id === undefined))
    throw new CliError('name the package: --period YYYY-MM or --package ID', EXIT.usage);
  const config = loadConfig();
  const { archiveRootIn } = await import('../../finance/archive/build.ts');
  const { verifyArchive, PROPERTIES } = await import('../../finance/archive/verify.ts');
  const ok = await withPlatform(config, async ({ database, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    const report = await verifyArchive(
      db,
      writer,
      period === undefined ? { id: id ?? '' } : { period },
      archiveRootIn(config.dataDir),
    );
    const flags = (p: Record<string, boolean>) =>
      PROPERTIES.map((k) => `${k} ${p[k] ? 'ok' : 'FAILED'}`).join(', ');
    say(
      `${report.code}: ${report.ok ? 'verified' : 'FAILED'} — ${report.items.length} item(s), ${report.filesChecked} file(s) checked (report ${report.id})`,
    );
    for (const f of report.package.findings) say(`  package: ${f.property} ${f.kind} ${f.path}: ${f.detail}`);
    for (const item of report.items) {
      say(`  ${item.archiveCode} (${item.documentNumber}): ${flags(item.properties)}`);
      for (const f of item.findings) say(`    ${f.property} ${f.kind} ${f.path}: ${f.detail}`);
    }
    return report.ok;
  });
  if (!ok) throw new CliError('the archive package failed verification', EXIT.failure);
}

/** `finbridge attachments migrate [--tenant CODE]`: moves attachments kept inline into the blob store. */
export async function attachmentsMigrate(values: Values): Promise<void> {
  const config = loadConfig();
  const { moveInlineAttachments } = await import('../../finance/expenses/attachments.ts');
  const { blobStoreIn } = await import('../../platform/blobs/blob-store.ts');
  const blobs = blobStoreIn(config.dataDir);
  const mismatched = await withPlatform(config, async ({ database, writer }) => {
    const tenants =
      values['tenant'] === undefined ? await listCompanies(database) : [{ code: String(values['tenant']) }];
    let bad = 0;
    for (const t of tenants) {
      const { company, db } = await tenantFor(database, t.code);
      const result = await moveInlineAttachments(db, writer, blobs);
      say(
        `${company.code}: ${result.moved} attachment(s) moved (${result.bytes} bytes) to ${blobs.location}`,
      );
      for (const id of result.mismatched)
        say(`  attachment ${id}: bytes no longer match their SHA-256, left inline`);
      bad += result.mismatched.length;
    }
    return bad;
  });
  if (mismatched > 0) throw new CliError(`${mismatched} attachment(s) could not be moved`, EXIT.failure);
}

/** `finbridge attachments verify [--tenant CODE]`: every attachment in the blob store is there, unchanged. */
export async function attachmentsVerify(values: Values): Promise<void> {
  const config = loadConfig();
  const { checkAttachmentBlobs } = await import('../../finance/expenses/attachments.ts');
  const { blobStoreIn } = await import('../../platform/blobs/blob-store.ts');
  const blobs = blobStoreIn(config.dataDir);
  const bad = await withPlatform(config, async ({ database }) => {
    const tenants =
      values['tenant'] === undefined ? await listCompanies(database) : [{ code: String(values['tenant']) }];
    let count = 0;
    for (const t of tenants) {
      const { company, db } = await tenantFor(database, t.code);
      const result = await checkAttachmentBlobs(db, blobs);
      say(
        `${company.code}: ${result.checked} attachment(s) checked in ${blobs.location}, ${result.problems.length} problem(s)`,
      );
      for (const p of result.problems) say(`  attachment ${p.id}: blob ${p.sha256} ${p.state}`);
      count += result.problems.length;
    }
    return count;
  });
  if (bad > 0) throw new CliError(`${bad} attachment(s) missing or changed in the blob store`, EXIT.failure);
}
