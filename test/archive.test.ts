import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { digitalInvoiceXml } from './support/invoices.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { DEMO_COMPANY, DEMO_SUPPLIERS } from '../src/demo/demo-company.ts';
import { archiveLinks } from '../src/finance/archive/lineage.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';

/**
 * The electronic accounting archive end to end, on both engines: a claim with a 数电票 XML and a receipt
 * is approved, posted in the ERP (Kingdee simulator), paid and matched to the bank line; November is
 * closed; the archive is built (one item per voucher, originals from the blob store, the manifest hash
 * in the audit log) and verifies; then a changed, a missing and an extra file each fail verification,
 * named by item and file, through the API and the CLI (exit code 1); the database refuses to change the
 * archive or the archived claim, and the archived period cannot be reopened.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;

for (const engine of ENGINES) {
  describe(`accounting archive on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let dataDir: string;
    let admin: Record<string, string>;
    let db: TenantDb;
    let claimId: string;
    let pkg: Body;
    const users = new Map<string, { cookie: string; csrf: string }>();

    const as = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const user = users.get(who);
      const auth =
        user === undefined
          ? admin
          : { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) };
      const res = await t.request({
        method,
        url,
        headers: auth,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>() };
    };
    const ok = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const packageDir = () => join(dataDir, 'archive', ...String(pkg['folder']).split('/'));
    const itemDir = async () => {
      const detail = await ok('zhao', 'GET', `/api/v1/archive/packages/${pkg['id']}`);
      return join(packageDir(), 'items', String(detail['items'][0]['archiveCode']));
    };
    const verify = async () => ok('zhao', 'POST', `/api/v1/archive/packages/${pkg['id']}/verify`);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URL: engine.urlOf(t.database),
          FINBRIDGE_DATA_DIR: dataDir,
          FINBRIDGE_MASTER_KEY: t.running.context.config.security.masterKey ?? '',
          LOG_LEVEL: 'silent',
        },
      });

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'finbridge-archive-'));
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 29 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn', FINBRIDGE_DATA_DIR: dataDir },
        { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', ['connections:admin', 'claims:read', 'audit:read']);
      const connection = await as('admin', 'POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      assert.equal(connection.status, 201, JSON.stringify(connection.body));
      for (const [name, code, roles] of [
        ['zhang', 'E011', ['employee']],
        ['chen', 'E010', ['approver']],
        ['zhao', 'E003', ['finance']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles, code));
      db = tenantDb(t.database.db, (await findCompany(t.database, 'DEMO'))?.id ?? '');
    });
    after(async () => {
      await t.close();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('refuses to archive a period that is not closed', async () => {
      const refused = await as('zhao', 'POST', '/api/v1/archive/packages', { period: '2026-11' });
      assert.equal(refused.status, 409);
      assert.equal(refused.body['code'], 'archive_period_open');
      assert.equal(refused.body['errors'][0]['pointer'], '/period');
      const denied = await as('zhang', 'POST', '/api/v1/archive/packages', { period: '2026-11' });
      assert.equal(denied.status, 403);
    });

    it('claim with its 数电票 XML and a receipt: approved, posted, paid and matched to the bank line', async () => {
      const xml = digitalInvoiceXml({
        number: '26317000000000088001',
        buyerName: DEMO_COMPANY.name,
        buyerTaxId: DEMO_COMPANY.taxId,
        sellerTaxId: String(DEMO_SUPPLIERS[0]?.['taxId']),
      });
      const invoice = await ok('zhang', 'POST', '/api/v1/invoices/import', { xml, fileName: '数电票.xml' });
      const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '11月办公用品',
        currency: 'CNY',
        claimedOn: '2026-11-24',
        lines: [
          {
            categoryCode: 'OFFICE',
            description: '打印纸和签字笔',
            occurredOn: '2026-11-18',
            amount: '1130.00',
            invoiceIds: [invoice['id']],
          },
        ],
      });
      claimId = String(draft['id']);
      await ok('zhang', 'POST', `/api/v1/expense-documents/${claimId}/attachments`, {
        fileName: 'receipt.pdf',
        contentType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.4\n% a receipt\n').toString('base64'),
      });
      await ok('zhang', 'POST', `/api/v1/expense-claims/${claimId}/submit`);
      const tasks = (await ok('chen', 'GET', '/api/v1/approval-tasks'))['items'] as Body[];
      const task = tasks.find((x) => x['documentId'] === claimId);
      assert.ok(task, 'the manager has the task');
      await ok('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, { comment: '同意' });
      const posted = await until('claim posted', async () => {
        const d = await ok('admin', 'GET', `/api/v1/expense-claims/${claimId}`);
        return d['status'] === 'posted' ? d : undefined;
      });
      assert.equal(posted['posting']['erpPeriod'], '2026-11');
      await ok('zhao', 'POST', '/api/v1/bank-statements/accounts', {
        code: 'ICBC-01',
        accountNumber: '31001234560000001',
        name: DEMO_COMPANY.name,
        currency: 'CNY',
        openedOn: '2026-11-01',
        openingBalance: '100000.00',
        default: true,
      });
      await ok('zhao', 'POST', `/api/v1/expense-claims/${claimId}/pay`, {
        paidOn: '2026-11-25',
        reference: 'B2026112588',
      });
      const csv = [
        '交易日期,借方发生额,贷方发生额,余额,对方户名,对方账号,摘要,业务参考号',
        '2026-11-25,1130.00,,98870.00,张三,6222020000000011,报销款,B2026112588',
      ].join('\n');
      await ok('zhao', 'POST', '/api/v1/bank-statements', {
        content: Buffer.from(csv, 'utf8').toString('base64'),
        account: 'ICBC-01',
        layout: 'generic',
        fileName: 'icbc-11.csv',
      });
      const matched = await ok('zhao', 'POST', '/api/v1/bank-statements/matches:auto', {
        account: 'ICBC-01',
      });
      assert.equal(matched['linesMatched'], 1, JSON.stringify(matched));
    });

    it('builds November’s package after the period is closed: one item per voucher with originals, trail, payment and bank line', async () => {
      await ok('zhao', 'PUT', '/api/v1/periods/2026-11', { status: 'closed' });
      pkg = await ok('zhao', 'POST', '/api/v1/archive/packages', { period: '2026-11' });
      assert.equal(pkg['code'], 'DEMO-KJ-2026-11');
      assert.equal(pkg['itemCount'], 1);
      assert.equal(pkg['hashAlgorithm'], 'sm3');
      const detail = await ok('zhao', 'GET', `/api/v1/archive/packages/${pkg['id']}`);
      const item = detail['items'][0] as Body;
      assert.equal(item['archiveCode'], 'DEMO-KJ-2026-D30-11-00001');
      assert.equal(item['documentId'], claimId);
      assert.equal(item['retainUntil'], '2056-12-31');
      const paths = (item['files'] as Body[]).map((f) => f['path']).sort();
      assert.deepEqual(paths, [
        'approvals.json',
        'attachments/receipt.pdf',
        'bank.json',
        'claim.json',
        'invoices/26317000000000088001-original-数电票.xml',
        'invoices/26317000000000088001.json',
        'metadata.json',
        'payment.json',
        'voucher.json',
      ]);
      const dir = await itemDir();
      const original = readFileSync(
        join(dir, 'invoices', '26317000000000088001-original-数电票.xml'),
        'utf8',
      );
      assert.match(original, /<EIid>26317000000000088001<\/EIid>/);
      const metadata = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as Body;
      assert.equal(metadata['archiveCode'], item['archiveCode']);
      assert.equal(metadata['fonds'], 'DEMO');
      assert.equal(metadata['amount'], '1130.00');
      assert.equal(metadata['reviewer'], 'user:chen');
      assert.equal(metadata['retention']['years'], 30);
      assert.equal(metadata['voucher']['number'], item['voucherNumber']);
      assert.equal((metadata['files'] as Body[]).length, 8);
      const bank = JSON.parse(readFileSync(join(dir, 'bank.json'), 'utf8')) as Body;
      assert.equal(bank['lines'][0]['reference'], 'B2026112588');
      const manifest = readFileSync(join(packageDir(), 'manifest.json'));
      const audit = await db
        .selectFrom('audit_pending')
        .select(['after_json'])
        .where('entity_type', '=', 'ArchivePackage')
        .where('action', '=', 'archive')
        .unionAll(
          db
            .selectFrom('audit_log')
            .select(['after_json'])
            .where('entity_type', '=', 'ArchivePackage')
            .where('action', '=', 'archive'),
        )
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(JSON.parse(audit[0]?.after_json ?? '{}')['manifestHash'], pkg['manifestHash']);
      assert.ok(manifest.length > 0);
      const again = await as('zhao', 'POST', '/api/v1/archive/packages', { period: '2026-11' });
      assert.equal(again.body['code'], 'archive_exists');
    });

    it('verifies the untouched package: all four properties hold for every item', async () => {
      const report = await verify();
      assert.equal(report['ok'], true, JSON.stringify(report));
      assert.deepEqual(report['items'][0]['properties'], {
        authentic: true,
        complete: true,
        usable: true,
        secure: true,
      });
      assert.equal(report['filesChecked'], 9);
      const run = cli('archive', 'verify', '--tenant', 'DEMO', '--period', '2026-11');
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.match(run.stdout, /DEMO-KJ-2026-11: verified/);
      const list = await ok('zhao', 'GET', '/api/v1/archive/packages');
      assert.equal(list['items'][0]['lastVerification']['ok'], true);
    });

    it('names the item and the file when a file was changed, and the CLI exits non-zero', async () => {
      const dir = await itemDir();
      const path = join(dir, 'invoices', '26317000000000088001-original-数电票.xml');
      const original = readFileSync(path);
      writeFileSync(path, original.toString('utf8').replace('1130.00', '1180.00'));
      try {
        const report = await verify();
        assert.equal(report['ok'], false);
        const item = report['items'][0] as Body;
        assert.equal(item['archiveCode'], 'DEMO-KJ-2026-D30-11-00001');
        assert.equal(item['properties']['authentic'], false);
        assert.equal(item['properties']['complete'], true);
        assert.deepEqual(
          (item['findings'] as Body[]).map((f) => [f['property'], f['kind'], f['path']]),
          [
            [
              'authentic',
              'changed',
              'items/DEMO-KJ-2026-D30-11-00001/invoices/26317000000000088001-original-数电票.xml',
            ],
          ],
        );
        const run = cli('archive', 'verify', '--tenant', 'DEMO', '--period', '2026-11');
        assert.equal(run.status, 1, run.stderr + run.stdout);
        assert.match(
          run.stdout,
          /authentic changed items\/DEMO-KJ-2026-D30-11-00001\/invoices\/.*数电票\.xml/,
        );
      } finally {
        writeFileSync(path, original);
      }
      assert.equal((await verify())['ok'], true);
    });

    it('names a missing file and an extra file (complete fails), and an unreadable one (usable fails)', async () => {
      const dir = await itemDir();
      const receipt = join(dir, 'attachments', 'receipt.pdf');
      const bytes = readFileSync(receipt);
      unlinkSync(receipt);
      writeFileSync(join(dir, 'attachments', 'added.pdf'), '%PDF-1.4 slipped in');
      const voucher = join(dir, 'voucher.json');
      const voucherBytes = readFileSync(voucher);
      writeFileSync(voucher, '{ not json');
      try {
        const report = await verify();
        const item = report['items'][0] as Body;
        assert.deepEqual(item['properties'], {
          authentic: false,
          complete: false,
          usable: false,
          secure: true,
        });
        const found = (item['findings'] as Body[])
          .map((f) => `${f['property']} ${f['kind']} ${f['path']}`)
          .sort();
        assert.deepEqual(found, [
          'authentic changed items/DEMO-KJ-2026-D30-11-00001/voucher.json',
          'complete extra items/DEMO-KJ-2026-D30-11-00001/attachments/added.pdf',
          'complete missing items/DEMO-KJ-2026-D30-11-00001/attachments/receipt.pdf',
          'usable unusable items/DEMO-KJ-2026-D30-11-00001/voucher.json',
        ]);
      } finally {
        writeFileSync(receipt, bytes);
        unlinkSync(join(dir, 'attachments', 'added.pdf'));
        writeFileSync(voucher, voucherBytes);
      }
      const manifest = join(packageDir(), 'manifest.json');
      const manifestBytes = readFileSync(manifest);
      writeFileSync(manifest, manifestBytes.toString('utf8').replace('"sm3"', '"sha256"'));
      try {
        const report = await verify();
        assert.deepEqual(
          (report['package']['findings'] as Body[]).map((f) => [f['property'], f['kind'], f['path']]),
          [['authentic', 'changed', 'manifest.json']],
        );
      } finally {
        writeFileSync(manifest, manifestBytes);
      }
      assert.equal((await verify())['ok'], true);
    });

    it('the database refuses to change or delete archive rows and what the archived claim recorded', async () => {
      const refused = /finbridge_archived/;
      await assert.rejects(
        db.updateTable('archive_items').set({ amount_minor: 1n }).where('source_id', '=', claimId).execute(),
        refused,
      );
      await assert.rejects(db.deleteFrom('archive_files').execute(), refused);
      await assert.rejects(db.deleteFrom('archive_packages').execute(), refused);
      await assert.rejects(
        db.updateTable('expense_documents').set({ title: '改过的标题' }).where('id', '=', claimId).execute(),
        refused,
      );
      await assert.rejects(
        db
          .updateTable('expense_lines')
          .set({ amount_minor: 1n })
          .where('document_id', '=', claimId)
          .execute(),
        refused,
      );
      await assert.rejects(
        db.deleteFrom('attachments').where('document_id', '=', claimId).execute(),
        refused,
      );
      await assert.rejects(
        db
          .updateTable('invoices')
          .set({ total_minor: 1n })
          .where('number', '=', '26317000000000088001')
          .execute(),
        refused,
      );
      // what is not archived still changes (the claim's status may still move to paid)
      await db
        .updateTable('expense_documents')
        .set({ updated_at: '2026-12-01T00:00:00.000Z' })
        .where('id', '=', claimId)
        .execute();
      const reopen = await as('zhao', 'PUT', '/api/v1/periods/2026-11', { status: 'open' });
      assert.equal(reopen.status, 409);
      assert.equal(reopen.body['code'], 'period_archived');
      await assert.rejects(
        db.deleteFrom('closed_periods').where('period', '=', '2026-11').execute(),
        refused,
      );
      assert.equal((await verify())['ok'], true);
    });

    it('links the claim and its voucher to the archive item, and the item to its package, for the lineage view', async () => {
      const links = await archiveLinks(db, { type: 'expense_claim', id: claimId });
      assert.deepEqual(
        links.map((l) => [l.from.type, l.relation, l.to.type]),
        [
          ['expense_claim', 'archived_as', 'archive_item'],
          ['voucher', 'archived_as', 'archive_item'],
          ['archive_item', 'packaged_in', 'archive_package'],
        ],
      );
      assert.equal(links[2]?.to.id, pkg['id']);
      assert.equal(links[0]?.actor, 'user:zhao');
      const voucher = links[1]?.from.id ?? '';
      assert.deepEqual(await archiveLinks(db, { type: 'voucher', id: voucher }), links);
      assert.deepEqual(await archiveLinks(db, { type: 'archive_package', id: String(pkg['id']) }), links);
      assert.deepEqual(await archiveLinks(db, { type: 'invoice', id: claimId }), []);
    });
  });
}
