import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { DEMO_COMPANY, DEMO_SUPPLIERS } from '../src/demo/demo-company.ts';
import { digitalInvoiceXml } from './support/invoices.ts';
import { BlobCorrupt, BlobMissing, FsBlobStore, blobStoreIn } from '../src/platform/blobs/blob-store.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import {
  checkAttachmentBlobs,
  moveInlineAttachments,
  readAttachment,
} from '../src/finance/expenses/attachments.ts';

/**
 * The content-addressed blob store (filesystem), and attachments and invoice originals kept in it
 * rather than in the database row — new writes, reads, and the move of rows written before the store
 * (`finbridge attachments migrate`) — on both engines.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('filesystem blob store', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'finbridge-blobs-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 in fan-out folders, once however often they are put', async () => {
    const store = new FsBlobStore(dir);
    const bytes = Buffer.from('<EInvoice>发票</EInvoice>', 'utf8');
    const hash = await store.put(bytes);
    assert.equal(hash, sha(bytes));
    assert.equal(await store.put(Buffer.from(bytes)), hash);
    assert.deepEqual(readdirSync(join(dir, hash.slice(0, 2), hash.slice(2, 4))), [hash]);
    assert.deepEqual(await store.get(hash), bytes);
    assert.equal(await store.has(hash), true);
    assert.equal(await store.verify(hash), 'ok');
    const listed: string[] = [];
    for await (const h of store.list()) listed.push(h);
    assert.deepEqual(listed, [hash]);
  });

  it('names a missing blob and a blob whose bytes changed, and heals the latter on the next put', async () => {
    const store = new FsBlobStore(dir);
    const bytes = Buffer.from('receipt bytes');
    const hash = await store.put(bytes);
    const absent = sha(Buffer.from('never stored'));
    assert.equal(await store.has(absent), false);
    assert.equal(await store.verify(absent), 'missing');
    await assert.rejects(store.get(absent), (e: unknown) => e instanceof BlobMissing && e.sha256 === absent);
    writeFileSync(join(dir, hash.slice(0, 2), hash.slice(2, 4), hash), 'tampered');
    assert.equal(await store.verify(hash), 'corrupt');
    await assert.rejects(store.get(hash), (e: unknown) => e instanceof BlobCorrupt && e.sha256 === hash);
    await store.put(bytes);
    assert.equal(await store.verify(hash), 'ok');
  });

  it('ignores temporary files a crashed write left behind, and refuses a name that is not a hash', async () => {
    const store = new FsBlobStore(dir);
    const hash = await store.put(Buffer.from('x'));
    writeFileSync(join(dir, hash.slice(0, 2), hash.slice(2, 4), `.tmp-${hash.slice(0, 8)}-dead`), 'partial');
    const listed: string[] = [];
    for await (const h of store.list()) listed.push(h);
    assert.ok(!listed.some((h) => h.startsWith('.tmp')));
    await assert.rejects(store.get('../../etc/passwd'), RangeError);
  });
});

for (const engine of ENGINES) {
  describe(`attachments in the blob store on ${engine.engine}`, () => {
    let t: TestApp;
    let dataDir: string;
    let zhang: { cookie: string; csrf: string };
    let tenantId: string;

    const as = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await t.request({
        method,
        url,
        headers: { cookie: zhang.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': zhang.csrf }) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>() };
    };

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'finbridge-blob-app-'));
      t = await startTestApp(engine, { LOG_LEVEL: 'warn', FINBRIDGE_DATA_DIR: dataDir });
      await seedDemo(t.database, t.running.context.security.audit);
      zhang = await t.user('DEMO', 'zhang', ['employee'], 'E011');
      tenantId = (await findCompany(t.database, 'DEMO'))?.id ?? '';
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps an imported invoice original and an attachment in the store; the row keeps hash, size and type only', async () => {
      const xml = digitalInvoiceXml({
        number: '26317000000000077001',
        buyerName: DEMO_COMPANY.name,
        buyerTaxId: DEMO_COMPANY.taxId,
        sellerTaxId: String(DEMO_SUPPLIERS[0]?.['taxId']),
      });
      const invoice = await as('POST', '/api/v1/invoices/import', { xml, fileName: 'fapiao.xml' });
      assert.equal(invoice.status, 201, JSON.stringify(invoice.body));
      const hash = String(invoice.body['fileSha256']);
      assert.equal(hash, sha(Buffer.from(xml, 'utf8')));
      const blobs = blobStoreIn(dataDir);
      assert.equal(await blobs.verify(hash), 'ok');

      const db = tenantDb(t.database.db, tenantId);
      const row = await db
        .selectFrom('attachments')
        .selectAll()
        .where('document_id', '=', String(invoice.body['id']))
        .executeTakeFirstOrThrow();
      assert.equal(row.storage, 'blob');
      assert.equal(Buffer.from(row.content).length, 0);
      assert.equal(row.size_bytes, Buffer.byteLength(xml));
      assert.equal(row.content_type, 'application/xml');
      const read = await readAttachment(db, blobs, row.id);
      assert.equal(read.content.toString('utf8'), xml);

      const draft = await as('POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '打车',
        currency: 'CNY',
        claimedOn: '2026-11-24',
        lines: [{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-20', amount: '35.00' }],
      });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const receipt = Buffer.from('%PDF-1.4 receipt');
      const attached = await as('POST', `/api/v1/expense-documents/${draft.body['id']}/attachments`, {
        fileName: 'receipt.pdf',
        contentType: 'application/pdf',
        contentBase64: receipt.toString('base64'),
      });
      assert.equal(attached.status, 201, JSON.stringify(attached.body));
      assert.equal(attached.body['sha256'], sha(receipt));
      assert.deepEqual((await readAttachment(db, blobs, String(attached.body['id']))).content, receipt);
    });

    it('reads a row written before the store from the row, and moves it into the store (a changed one is named, not moved)', async () => {
      const db = tenantDb(t.database.db, tenantId);
      const doc = await db.selectFrom('expense_documents').select(['id']).executeTakeFirstOrThrow();
      const old = Buffer.from('an attachment from before the blob store');
      const broken = Buffer.from('bytes that do not match');
      const rows = [
        { id: '00000000-0000-4000-8000-00000000a001', bytes: old, sha256: sha(old) },
        { id: '00000000-0000-4000-8000-00000000a002', bytes: broken, sha256: sha(Buffer.from('other')) },
      ];
      await db
        .insertInto(
          'attachments',
          rows.map((r) => ({
            id: r.id,
            document_id: doc.id,
            file_name: `${r.id}.txt`,
            content_type: 'text/plain',
            size_bytes: r.bytes.length,
            sha256: r.sha256,
            content: r.bytes,
            storage: 'inline' as const,
            created_by: 'system:test',
            created_at: '2026-11-01T00:00:00.000Z',
          })),
        )
        .execute();
      const blobs = blobStoreIn(dataDir);
      assert.deepEqual((await readAttachment(db, blobs, rows[0]!.id)).content, old);
      assert.equal(await blobs.has(sha(old)), false);

      const writer = { actor: 'system:test', audit: t.running.context.security.audit };
      const result = await moveInlineAttachments(db, writer, blobs);
      assert.equal(result.moved, 1);
      assert.deepEqual(result.mismatched, [rows[1]!.id]);
      const moved = await db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', rows[0]!.id)
        .executeTakeFirstOrThrow();
      assert.equal(moved.storage, 'blob');
      assert.equal(Buffer.from(moved.content).length, 0);
      assert.deepEqual((await readAttachment(db, blobs, rows[0]!.id)).content, old);
      assert.equal((await moveInlineAttachments(db, writer, blobs)).moved, 0, 'a second run moves nothing');
      await assert.rejects(readAttachment(db, blobs, rows[1]!.id), /no longer match/);
    });

    it('names an attachment whose blob is missing or changed (a store not restored with the database)', async () => {
      const db = tenantDb(t.database.db, tenantId);
      const blobs = blobStoreIn(dataDir);
      assert.deepEqual((await checkAttachmentBlobs(db, blobs)).problems, []);
      const row = await db
        .selectFrom('attachments')
        .select(['id', 'sha256'])
        .where('file_name', '=', 'receipt.pdf')
        .executeTakeFirstOrThrow();
      const path = join(dataDir, 'blobs', row.sha256.slice(0, 2), row.sha256.slice(2, 4), row.sha256);
      rmSync(path);
      const result = await checkAttachmentBlobs(db, blobs);
      assert.deepEqual(result.problems, [{ id: row.id, sha256: row.sha256, state: 'missing' }]);
      assert.ok(result.checked >= 3);
      writeFileSync(path, 'not the receipt');
      assert.equal((await checkAttachmentBlobs(db, blobs)).problems[0]?.state, 'corrupt');
    });
  });
}
