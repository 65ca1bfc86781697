import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { rebuildAnalytics } from '../src/analytics/facts.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb, type TenantDb } from '../src/platform/store/tenant-scope.ts';

/**
 * The import of history from an old system (docs/governance.md#historical-claims-and-vouchers), on both
 * engines: historical claims (one row per claim line, xlsx) and historical vouchers (one row per voucher
 * line, CSV in GBK) with cleansing; the dry run per row (created / unchanged / refused with the field's
 * reason: wrong columns, bad amounts and dates, an unbalanced voucher, a claim number FinBridge already
 * has) writing nothing; the commit as one batch — claim lines in the spend cube under ERP `history` and
 * in their budgets' actuals, nothing handed to the hub; and the rollback, refused with the list while a
 * period the batch covers was closed or archived since, or while imported history names master data a
 * batch created.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;
type Method = 'GET' | 'POST' | 'PUT';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;

async function workbook(rows: readonly (readonly unknown[])[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('报销明细');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
const columnOf = (header: readonly unknown[], name: string) => String.fromCharCode(65 + header.indexOf(name));
const gbk = (lines: readonly string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');

/** Claim lines the way an old expense system exports them (Chinese headers, people's formats). */
const CLAIMS = [
  ['单据编号', '行号', '员工编码', '部门编码', '费用类别', '发生日期', '金额', '税额', '事由', '单据状态'],
  // full-width number and a lower-case code are cleansed; ¥ and the thousands separator go
  ['ＢＸ-2025-0001 ', 1, 'e011', 'SALES-E', 'TRAVEL', '2026/11/5', '¥1,234.50', '0', '上海出差', '已付款'],
  ['BX-2025-0001', 2, 'E011', 'SALES-E', 'HOTEL', '2026年11月6日', 300, null, '住宿', '已付款'],
  ['BX-2025-0002', 1, 'E011', 'SALES-E', 'ENTERTAIN', '20261110', '500.00', '28.30', '客户招待', 'posted'],
];

/** Two vouchers of the Kingdee connection; 记-2 does not balance. */
const VOUCHERS = [
  '凭证字,凭证号,凭证日期,科目编码,摘要,借方金额,贷方金额,辅助核算-部门,ERP连接',
  '记,1,2026-10-15,660101,差旅费,"1,000.00",,SALES-E,金蝶',
  '记,1,2026-10-15,1002,付差旅费,,1000.00,,金蝶',
  '记,2,2026-10-16,660102,招待费,500.00,,,金蝶',
  '记,2,2026-10-16,1002,付招待费,,499.99,,金蝶',
];

for (const engine of ENGINES) {
  describe(`historical claims and vouchers on ${engine.engine}`, () => {
    let t: TestApp;
    let db: TenantDb;
    let dataDir: string;
    const users = new Map<string, { cookie: string; csrf: string }>();

    const as = async (who: string, method: Method, url: string, payload?: unknown) => {
      const user = users.get(who);
      if (user === undefined) throw new Error(`no user ${who}`);
      const res = await t.request({
        method,
        url,
        headers: { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const json = /json/.test(res.headers['content-type'] ?? '') || /^\s*\{/.test(res.body);
      return { status: res.statusCode, body: json ? res.json<Body>() : ({} as Body), raw: res };
    };
    const ok = async (who: string, method: Method, url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const file = (resource: string, fileName: string, content: string | Buffer, extra: Body = {}) => ({
      resource,
      fileName,
      content: typeof content === 'string' ? content : content.toString('base64'),
      ...extra,
    });
    const dryRun = (body: Body) => ok('li', 'POST', '/api/v1/governance/imports:dry-run', body);
    const statuses = (dry: Body) => (dry['items'] as Body[]).map((i) => [i['row'], i['key'], i['status']]);
    const reasons = (dry: Body) =>
      (dry['items'] as Body[]).flatMap((i) =>
        (i['reasons'] as Body[]).map((r) => `${r['row']}${r['column'] ?? ''}:${r['field']}:${r['code']}`),
      );
    /** Spend by ERP from the cube (rollup) and from the facts (a filter on employee forces them). */
    const spendByErp = async () => {
      const cells = async (filters: Body) =>
        (
          (
            await ok('li', 'POST', '/api/v1/analytics/spend:query', {
              rows: ['erp', 'category'],
              measures: ['amount', 'count'],
              filters,
            })
          )['cells'] as Body[]
        ).map((c) => `${c['row'].join('/')}=${c['amount']}×${c['count']}`);
      const rollup = await cells({});
      assert.deepEqual(await cells({ employee: ['E011'] }), rollup, 'facts and rollup agree');
      return rollup;
    };
    const budgetActuals = async () =>
      Object.fromEntries(
        ((await ok('li', 'GET', '/api/v1/budgets?departmentCode=SALES-E'))['items'] as Body[]).map((b) => [
          `${b['categoryCode']}/${b['period']}`,
          b['actual'],
        ]),
      );
    const hubRows = async () => ({
      postings: (await db.selectFrom('postings').select(['id']).execute()).length,
      queue: (await db.selectFrom('posting_queue').select(['posting_id']).execute()).length,
    });
    const batchesOf = async (resource: string) =>
      ((await ok('li', 'GET', '/api/v1/governance/imports?limit=200'))['items'] as Body[]).filter(
        (b) => b['resource'] === resource,
      );
    const cli = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [CLI, ...args],
          {
            encoding: 'utf8',
            env: {
              ...process.env,
              DATABASE_URL: engine.urlOf(t.database),
              FINBRIDGE_DATA_DIR: dataDir,
              FINBRIDGE_MASTER_KEY: t.running.context.config.security.masterKey ?? '',
              LOG_LEVEL: 'silent',
            },
            timeout: 120_000,
          },
          (error, stdout, stderr) =>
            resolve({
              status: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
              stdout,
              stderr,
            }),
        );
      });

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'finbridge-history-'));
      t = await startTestApp(engine, { LOG_LEVEL: 'warn', FINBRIDGE_DATA_DIR: dataDir });
      await seedDemo(t.database, t.running.context.security.audit);
      db = tenantDb(t.database.db, (await findCompany(t.database, 'DEMO'))!.id);
      // the connection the vouchers came from: never called, history is not sent to an ERP
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: await t.bearer('DEMO', ['connections:admin']),
        payload: {
          name: '金蝶',
          type: 'kingdee-k3cloud',
          baseUrl: 'http://127.0.0.1:9',
          settings: { acctId: 'demo', username: 'demo', authKind: 'password' },
          credentials: { password: '888888' },
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      users.set('li', await t.user('DEMO', 'li', ['finance']));
      users.set('zhang', await t.user('DEMO', 'zhang', ['employee'], 'E011'));
      users.set('audit', await t.user('DEMO', 'audit', ['auditor']));
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('dry-runs historical claims from Excel with cleansing — per row created — and writes nothing', async () => {
      const spendBefore = await spendByErp();
      const budgetsBefore = await budgetActuals();
      const dry = await dryRun(
        file('historical-claims', 'claims.xlsx', await workbook(CLAIMS), {
          mapping: { 事由: 'description' },
        }),
      );
      assert.deepEqual(
        [dry['rows'], dry['created'], dry['updated'], dry['unchanged'], dry['skipped'], dry['refused']],
        [3, 3, 0, 0, 0, 0],
        JSON.stringify(dry['items']),
      );
      assert.deepEqual(statuses(dry), [
        [2, 'BX-2025-0001', 'created'],
        [3, 'BX-2025-0001', 'created'],
        [4, 'BX-2025-0002', 'created'],
      ]);
      assert.deepEqual(await spendByErp(), spendBefore, 'a dry run writes nothing');
      assert.deepEqual(await budgetActuals(), budgetsBefore);
      assert.deepEqual(await batchesOf('historical-claims'), []);
    });

    it('names every wrong cell of a bad claims file — bad dates and amounts, unknown codes, a claim number FinBridge has — and refuses wrong columns, writing nothing', async () => {
      const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '客户拜访',
        currency: 'CNY',
        claimedOn: '2026-11-26',
        lines: [{ categoryCode: 'TAXI', occurredOn: '2026-11-20', amount: '45.00', description: '出租车' }],
      });
      const number = String(draft['number']);
      const bad = Buffer.from(
        [
          '报销单号,员工编码,部门编码,费用类别编码,发生日期,金额',
          'BX-2025-0101,E011,SALES-E,TRAVEL,2026-02-30,100',
          'BX-2025-0102,E011,SALES-E,TRAVEL,2026-11-03,abc',
          'BX-2025-0103,E999,SALES-E,TRAVEL,2026-11-03,100',
          `${number},E011,SALES-E,TRAVEL,2026-11-03,100`,
          'BX-2025-0104,E011,SALES-E,TRAVEL,2026-11-03,-5',
          'BX-2025-0105,E011,SALES-E,TRAVEL,2026-11-03,1.234',
          'BX-2025-0106,E011,SALES-E,TRAVEL,2026-11-03,100',
        ].join('\n'),
      );
      const dry = await dryRun(file('historical-claims', 'bad.csv', bad));
      assert.deepEqual([dry['created'], dry['refused']], [1, 6]);
      const found = reasons(dry);
      for (const expected of [
        '2E:/date:invalid_date',
        '3F:/amount:invalid_money',
        '4B:/employeeCode:reference_not_found',
        '5A:/claimNumber:already_exists',
        '6F:/amount:amount_not_positive',
        '7F:/amount:money_too_precise',
      ])
        assert.ok(found.includes(expected), `${expected} in ${found.join(' ')}`);
      assert.deepEqual(statuses(dry).at(-1), [8, 'BX-2025-0106', 'created']);

      const committed = await as(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file('historical-claims', 'bad.csv', bad),
      );
      assert.equal(committed.status, 422);
      assert.equal(committed.body['code'], 'import_rejected');
      assert.ok(
        (committed.body['errors'] as Body[]).some((e) => e['pointer'] === '/rows/5/claimNumber'),
        JSON.stringify(committed.body['errors']),
      );
      assert.deepEqual(await batchesOf('historical-claims'), [], 'all rows or none');

      const unknown = await as(
        'li',
        'POST',
        '/api/v1/governance/imports:dry-run',
        file('historical-claims', 'x.csv', Buffer.from('报销单号,员工编码,颜色\nBX-1,E011,red\n')),
      );
      assert.equal(unknown.status, 422);
      assert.deepEqual(
        (unknown.body['errors'] as Body[]).map((e) => [e['code'], e['pointer']]),
        [
          ['import_unknown_column', '/columns/C'],
          ['missing_field', '/columns/departmentCode'],
          ['missing_field', '/columns/categoryCode'],
          ['missing_field', '/columns/date'],
          ['missing_field', '/columns/amount'],
        ],
      );
    });

    it('commits claims as one batch: spend under ERP history and budget actuals, nothing for the hub; again is unchanged; a rollback restores both', async () => {
      const spendBefore = await spendByErp();
      const budgetsBefore = await budgetActuals();
      const hubBefore = await hubRows();
      const content = await workbook(CLAIMS);
      const committed = await ok(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file('historical-claims', 'claims.xlsx', content, { mapping: { 事由: 'description' } }),
      );
      const batch = committed['batch'] as Body;
      assert.deepEqual(
        [batch['resource'], batch['status'], batch['created'], batch['unchanged'], batch['rows']],
        // counted per row (claim line), as the dry run counts them
        ['historical-claims', 'committed', 3, 0, 3],
        JSON.stringify(batch),
      );
      assert.deepEqual(
        (await spendByErp()).filter((c) => c.startsWith('history/')),
        ['history/ENTERTAIN=500.00×1', 'history/HOTEL=300.00×1', 'history/TRAVEL=1234.50×1'],
      );
      // HOTEL's parent is TRAVEL: both lines are actuals of SALES-E's travel budget for 2026-11
      const budgets = await budgetActuals();
      const plus = (key: string, yuanDelta: number) => (Number(budgetsBefore[key]) + yuanDelta).toFixed(2);
      assert.equal(budgets['TRAVEL/2026-11'], plus('TRAVEL/2026-11', 1534.5));
      assert.equal(budgets['ENTERTAIN/2026-11'], plus('ENTERTAIN/2026-11', 500));
      assert.deepEqual(await hubRows(), hubBefore, 'history is never handed to the hub');

      // a rebuild of the cube from finance's postings keeps the imported history
      const rebuilt = await rebuildAnalytics(db, 'DEMO', t.clock.now());
      assert.ok(rebuilt.lines >= 3);
      assert.deepEqual(
        (await spendByErp()).filter((c) => c.startsWith('history/')),
        ['history/ENTERTAIN=500.00×1', 'history/HOTEL=300.00×1', 'history/TRAVEL=1234.50×1'],
      );

      const again = await dryRun(file('historical-claims', 'claims.xlsx', content));
      assert.deepEqual([again['created'], again['unchanged'], again['refused']], [0, 3, 0]);
      const changed = structuredClone(CLAIMS) as unknown[][];
      (changed[3] as unknown[])[6] = '501.00';
      const conflict = await dryRun(file('historical-claims', 'claims.xlsx', await workbook(changed)));
      assert.ok(
        reasons(conflict).includes('4A:/claimNumber:value_not_allowed'),
        `another content under an imported number: ${reasons(conflict).join(' ')}`,
      );

      const rolled = await ok('li', 'POST', `/api/v1/governance/imports/${batch['id']}/rollback`);
      assert.equal(rolled['status'], 'rolled_back');
      assert.deepEqual(await spendByErp(), spendBefore, 'the cube as before');
      assert.deepEqual(await budgetActuals(), budgetsBefore, 'the budgets as before');
      const twice = await as('li', 'POST', `/api/v1/governance/imports/${batch['id']}/rollback`);
      assert.equal(twice.status, 409);
      assert.equal(twice.body['code'], 'import_batch_rolled_back');
      const auditBody = await ok('audit', 'GET', `/api/v1/audit-log?entityType=ImportBatch&limit=50`);
      const audit = auditBody['items'] as Body[];
      assert.deepEqual(
        audit
          .filter((e) => e['entityId'] === batch['id'])
          .map((e) => e['action'])
          .sort(),
        ['import', 'rollback'],
      );
    });

    it('imports vouchers from a GBK CSV balanced per voucher, refusing an unbalanced one on each of its rows', async () => {
      const dry = await dryRun(file('historical-vouchers', 'vouchers.csv', gbk(VOUCHERS)));
      assert.deepEqual([dry['created'], dry['refused']], [2, 2], JSON.stringify(dry['items']));
      assert.deepEqual(statuses(dry), [
        [2, '金蝶/2026-10-记-1', 'created'],
        [3, '金蝶/2026-10-记-1', 'created'],
        [4, '金蝶/2026-10-记-2', 'refused'],
        [5, '金蝶/2026-10-记-2', 'refused'],
      ]);
      const unbalanced = (dry['items'] as Body[])
        .filter((i) => i['status'] === 'refused')
        .map((i) => i['reasons'] as Body[]);
      for (const rowReasons of unbalanced) {
        assert.deepEqual(
          rowReasons.map((r) => [r['column'], r['field'], r['code']]),
          [['F', '/debit', 'unbalanced_voucher']],
        );
        assert.match(rowReasons[0]?.['message'], /500\.00.*499\.99/);
      }
      const refused = await as(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file('historical-vouchers', 'v.csv', gbk(VOUCHERS)),
      );
      assert.equal(refused.status, 422);
      assert.deepEqual(
        (refused.body['errors'] as Body[]).map((e) => e['pointer']),
        ['/rows/4/debit', '/rows/5/debit'],
      );

      const hubBefore = await hubRows();
      const balanced = gbk(VOUCHERS.slice(0, 3));
      const committed = await ok(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file('historical-vouchers', 'v.csv', balanced),
      );
      assert.deepEqual([committed['batch']['created'], committed['batch']['rows']], [2, 2]);
      assert.deepEqual(await hubRows(), hubBefore, 'never sent to the ERP');
      const lines = await db
        .selectFrom('historical_voucher_lines')
        .select(['line_no', 'account_code', 'debit_minor', 'credit_minor', 'aux_json'])
        .orderBy('line_no')
        .execute();
      assert.deepEqual(
        lines.map((l) => [l.line_no, l.account_code, l.debit_minor, l.credit_minor, l.aux_json]),
        [
          [1, '660101', 100000n, 0n, '{"department":"SALES-E"}'],
          [2, '1002', 0n, 100000n, '{}'],
        ],
      );
      const again = await dryRun(file('historical-vouchers', 'v.csv', balanced));
      assert.deepEqual([again['created'], again['unchanged']], [0, 2]);
    });

    it('refuses to roll back a batch whose period was closed or archived since, with the list; reopened, it rolls back', async () => {
      const vouchers = (await batchesOf('historical-vouchers')).find(
        (b) => b['status'] === 'committed',
      ) as Body;
      assert.ok(vouchers);
      const claims = await ok(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file(
          'historical-claims',
          'september.xlsx',
          await workbook([
            ['claimNumber', 'employeeCode', 'departmentCode', 'categoryCode', 'date', 'amount'],
            ['BX-2025-0901', 'E011', 'SALES-E', 'TAXI', '2026-09-07', '66.00'],
          ]),
        ),
      );
      t.clock.advance(60_000);
      await ok('li', 'PUT', '/api/v1/periods/2026-10', { status: 'closed' });
      await ok('li', 'PUT', '/api/v1/periods/2026-09', { status: 'closed' });
      const archived = await as('li', 'POST', '/api/v1/archive/packages', { period: '2026-09' });
      assert.equal(archived.status, 201, JSON.stringify(archived.body));

      const closed = await as('li', 'POST', `/api/v1/governance/imports/${vouchers['id']}/rollback`);
      assert.equal(closed.status, 409);
      assert.equal(closed.body['code'], 'import_rollback_period_frozen');
      assert.deepEqual(
        (closed.body['records'] as Body[]).map((r) => [r['code'], r['reason'], r['referencedBy']]),
        [['金蝶/2026-10-记-1', 'period_closed', 'period/2026-10']],
      );
      const frozen = await as('li', 'POST', `/api/v1/governance/imports/${claims['batch']['id']}/rollback`);
      assert.equal(frozen.status, 409);
      assert.deepEqual(
        (frozen.body['records'] as Body[]).map((r) => [r['code'], r['reason'], r['referencedBy']]),
        [['BX-2025-0901', 'period_archived', 'period/2026-09']],
      );
      assert.match(String(frozen.body['detail']), /1/);
      assert.equal(
        (
          await db
            .selectFrom('historical_claims')
            .select(['number'])
            .where('number', '=', 'BX-2025-0901')
            .execute()
        ).length,
        1,
        'nothing undone',
      );

      await ok('li', 'PUT', '/api/v1/periods/2026-10', { status: 'open' });
      const rolled = await ok('li', 'POST', `/api/v1/governance/imports/${vouchers['id']}/rollback`);
      assert.equal(rolled['status'], 'rolled_back');
      assert.equal((await db.selectFrom('historical_vouchers').select(['id']).execute()).length, 0);

      // a period closed before the import does not hold its rollback back
      await ok('li', 'PUT', '/api/v1/periods/2026-08', { status: 'closed' });
      t.clock.advance(60_000);
      const august = await ok(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file(
          'historical-claims',
          'august.xlsx',
          await workbook([
            ['claimNumber', 'employeeCode', 'departmentCode', 'categoryCode', 'date', 'amount'],
            ['BX-2025-0801', 'E011', 'SALES-E', 'TAXI', '2026-08-07', '12.00'],
          ]),
        ),
      );
      t.clock.advance(60_000);
      assert.equal(
        (await ok('li', 'POST', `/api/v1/governance/imports/${august['batch']['id']}/rollback`))['status'],
        'rolled_back',
      );
    });

    it('refuses to roll back a master-data batch while imported history names a record it created', async () => {
      const employees = await ok(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file(
          'employees',
          'employees.xlsx',
          await workbook([
            ['code', 'name', 'departmentCode', 'email'],
            ['E901', '历史员工', 'SALES-E', 'e901@example.com'],
          ]),
        ),
      );
      const history = await ok(
        'li',
        'POST',
        '/api/v1/governance/imports',
        file(
          'historical-claims',
          'e901.xlsx',
          await workbook([
            ['claimNumber', 'employeeCode', 'departmentCode', 'categoryCode', 'date', 'amount'],
            ['BX-2025-1101', 'E901', 'SALES-E', 'TAXI', '2026-11-02', '20.00'],
          ]),
        ),
      );
      const refused = await as(
        'li',
        'POST',
        `/api/v1/governance/imports/${employees['batch']['id']}/rollback`,
      );
      assert.equal(refused.status, 409);
      assert.equal(refused.body['code'], 'import_rollback_blocked');
      assert.deepEqual(
        (refused.body['records'] as Body[]).map((r) => [r['code'], r['reason'], r['referencedBy']]),
        [['E901', 'referenced', 'historical-claims/BX-2025-1101']],
      );
      await ok('li', 'POST', `/api/v1/governance/imports/${history['batch']['id']}/rollback`);
      await ok('li', 'POST', `/api/v1/governance/imports/${employees['batch']['id']}/rollback`);
    });

    it('offers a template per resource whose columns import as they are', async () => {
      for (const resource of ['historical-claims', 'historical-vouchers']) {
        const res = await as('li', 'GET', `/api/v1/governance/import-templates/${resource}`);
        assert.equal(res.status, 200);
        assert.match(String(res.raw.headers['content-type']), /spreadsheetml/);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(new Uint8Array(res.raw.rawPayload).buffer);
        const header = (book.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
        assert.ok(
          header.includes(resource === 'historical-claims' ? 'claimNumber' : 'voucherWord'),
          String(header),
        );
        // the template filled in is a file the importer understands
        const sheet = book.worksheets[0] as ExcelJS.Worksheet;
        const sample: Record<string, string> =
          resource === 'historical-claims'
            ? {
                claimNumber: 'BX-T-1',
                employeeCode: 'E011',
                departmentCode: 'SALES-E',
                categoryCode: 'TAXI',
                date: '2026-11-01',
                amount: '10.00',
              }
            : {
                voucherWord: '记',
                voucherNumber: '9',
                date: '2026-11-01',
                accountCode: '1002',
                debit: '1.00',
                connectionCode: '金蝶',
              };
        sheet.addRow(header.map((h) => sample[String(h)] ?? null));
        const filled = Buffer.from(await book.xlsx.writeBuffer());
        const dry = await dryRun(file(resource, `${resource}.xlsx`, filled));
        assert.deepEqual([dry['rows'], dry['refused']], [1, resource === 'historical-claims' ? 0 : 1]);
        if (resource === 'historical-vouchers')
          assert.deepEqual(reasons(dry), [`2${columnOf(header, 'debit')}:/debit:unbalanced_voucher`]);
      }
    });

    it('imports history from the command line: a dry run, then the commit', async () => {
      const path = join(dataDir, 'vouchers.csv');
      writeFileSync(
        path,
        gbk([
          VOUCHERS[0] as string,
          '记,7,2026-11-03,660103,交通费,88.00,,,金蝶',
          '记,7,2026-11-03,1002,付交通费,,88.00,,金蝶',
        ]),
      );
      const dry = await cli(
        'governance',
        'import',
        path,
        '--tenant',
        'DEMO',
        '--resource',
        'historical-vouchers',
        '--dry-run',
      );
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stdout, /2 rows — 2 created, 0 updated, 0 unchanged, 0 skipped, 0 refused/);
      const committed = await cli(
        'governance',
        'import',
        path,
        '--tenant',
        'DEMO',
        '--resource',
        'historical-vouchers',
      );
      assert.equal(committed.status, 0, committed.stderr);
      assert.match(committed.stdout, /batch \S+ — 2 created/);
      const stored = await db
        .selectFrom('historical_vouchers')
        .select(['erp_number', 'period', 'total_minor'])
        .where('erp_number', '=', '2026-11-记-7')
        .execute();
      assert.deepEqual(
        stored.map((v) => [v.erp_number, v.period, v.total_minor]),
        [['2026-11-记-7', '2026-11', 8800n]],
      );
    });
  });
}
