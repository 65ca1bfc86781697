import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { connectDemoErp, startDemoSimulator } from '../src/demo/erp.ts';
import { syntheticUscc } from '../src/demo/demo-company.ts';
import type { RunningSimulator } from '../src/connectors/contract.ts';

/**
 * Master-data governance end to end, on both engines: the demo company's suppliers as FinBridge keeps
 * them and as the Kingdee and YonBIP simulators hand them over in a pull, matched into one golden
 * record each (by USCC), with survivorship rules, merge and split; an Excel import with cleansing —
 * dry run (nothing written), commit as a batch, rollback (the data as before; refused with the list
 * when later edits depend on it); bad files named per row and field; and maker-checker on mapping
 * profiles and master data, with everything in the audit log.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

async function workbook(rows: readonly (readonly unknown[])[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('供应商');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

for (const engine of ENGINES) {
  describe(`master-data governance on ${engine.engine}`, () => {
    let t: TestApp;
    const sims: RunningSimulator[] = [];
    const users = new Map<string, { cookie: string; csrf: string }>();
    const connections: Record<string, string> = {};

    const as = async (who: string, method: Method, url: string, payload?: unknown) => {
      const user = users.get(who);
      if (user === undefined) throw new Error(`no user ${who}`);
      const res = await t.request({
        method,
        url,
        headers: { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>() };
    };
    const ok = async (who: string, method: Method, url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const suppliers = async () =>
      ((await ok('li', 'GET', '/api/v1/suppliers?limit=500&sort=code')).items as Body[]).map((s) => ({
        code: s['code'],
        name: s['name'],
        version: s['version'],
        bankAccounts: s['bankAccounts'],
        phone: s['phone'] ?? null,
      }));
    const supplier = async (code: string) =>
      ((await ok('li', 'GET', `/api/v1/suppliers?q=${code}`)).items as Body[]).find(
        (s) => s['code'] === code,
      ) as Body;
    const goldenSuppliers = async () =>
      (await ok('li', 'GET', '/api/v1/governance/golden-records?entity=supplier&limit=500')).items as Body[];
    const goldenFor = async (code: string) =>
      (await goldenSuppliers()).find((g) =>
        (g['sources'] as Body[]).some((s) => s['source'] === 'finbridge' && s['key'] === code),
      ) as Body;

    before(async () => {
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' });
      const { database, security, clock } = t.running.context;
      const seeded = await seedDemo(database, security.audit);
      const platform = { database, security, clock, wake: () => {} };
      for (const type of ['kingdee-k3cloud', 'yonbip']) {
        const simulator = await startDemoSimulator(clock, type);
        sims.push(simulator);
        await connectDemoErp(platform, seeded.company, simulator, { type, departments: () => false });
      }
      for (const [name, roles] of [
        ['li', ['finance']],
        ['wang', ['finance']],
        ['audit', ['auditor']],
        ['zhang', ['employee']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles));
      const listed = (
        await t.request({
          method: 'GET',
          url: '/api/v1/connections',
          headers: await t.bearer('DEMO', ['connections:admin']),
        })
      ).json<Body>();
      for (const c of (listed['items'] ?? []) as Body[]) connections[String(c['type'])] = String(c['id']);
    });
    after(async () => {
      await t.close();
      for (const sim of sims) await sim.close();
    });

    it('matches each supplier from FinBridge, Kingdee and YonBIP into one golden record by USCC, showing every source', async () => {
      const refreshed = await ok('li', 'POST', '/api/v1/governance/golden-records:refresh', {
        entity: 'supplier',
      });
      assert.deepEqual(refreshed['items'][0], {
        entity: 'supplier',
        sources: 24,
        goldenRecords: 8,
        created: 8,
        changed: 0,
        removed: 0,
      });
      const golden = await goldenFor('S0001');
      assert.equal(golden['name'], '上海云杉办公用品有限公司');
      assert.deepEqual((golden['sources'] as Body[]).map((s) => [s['sourceType'], s['key']]).sort(), [
        ['finbridge', 'S0001'],
        ['kingdee-k3cloud', 'S0001'],
        ['yonbip', 'S0001'],
      ]);
      assert.equal(golden['fields']['taxId']['value'], syntheticUscc('310115', 'MA1GY001'));
      assert.equal(golden['fields']['name']['source'], 'finbridge', 'FinBridge wins by default');
      assert.equal(golden['fields']['bankAccount']['value'], '121900000000001');
      const again = await ok('li', 'POST', '/api/v1/governance/golden-records:refresh', {
        entity: 'supplier',
      });
      assert.deepEqual(
        [again['items'][0]['created'], again['items'][0]['changed']],
        [0, 0],
        'nothing new: nothing changes',
      );

      const xref = (await ok('audit', 'GET', '/api/v1/governance/cross-reference/supplier')).items as Body[];
      const s1 = xref.find((x) => x['code'] === 'S0001') as Body;
      assert.deepEqual(s1['erpCodes'], {
        [connections['kingdee-k3cloud'] as string]: 'S0001',
        [connections['yonbip'] as string]: 'S0001',
      });
      const denied = await as('zhang', 'GET', '/api/v1/governance/golden-records?entity=supplier');
      assert.equal(denied.status, 403);
    });

    it('lets survivorship rules, kept as data, choose which source wins a field', async () => {
      const rules = await ok('li', 'PUT', '/api/v1/governance/survivorship/supplier', {
        rules: { name: ['yonbip', '*'] },
      });
      assert.deepEqual(
        (rules['items'] as Body[]).find((r) => r['field'] === 'name'),
        { field: 'name', precedence: ['yonbip', '*'], custom: true },
      );
      const golden = await goldenFor('S0002');
      assert.equal(golden['fields']['name']['source'], connections['yonbip']);
      await ok('li', 'PUT', '/api/v1/governance/survivorship/supplier', {
        rules: { name: ['finbridge', '*'] },
      });
      const bad = await as('li', 'PUT', '/api/v1/governance/survivorship/supplier', {
        rules: { colour: ['*'] },
      });
      assert.equal(bad.status, 422);
      assert.equal(bad.body['errors'][0]['pointer'], '/rules/colour');
    });

    it('splits a source off into a golden record of its own and merges it back, both in the audit log; refuses a merge across companies', async () => {
      const golden = await goldenFor('S0003');
      const kingdee = connections['kingdee-k3cloud'] as string;
      const split = await ok('li', 'POST', `/api/v1/governance/golden-records/${golden['id']}/split`, {
        sources: [{ source: kingdee, key: 'S0003' }],
      });
      assert.equal((split['original']['sources'] as Body[]).length, 2);
      assert.deepEqual(
        (split['split']['sources'] as Body[]).map((s) => [s['source'], s['linkedBy']]),
        [[kingdee, 'manual']],
      );
      await ok('li', 'POST', '/api/v1/governance/golden-records:refresh', { entity: 'supplier' });
      assert.equal((await goldenFor('S0003'))['sources'].length, 2, 'a manual split survives a refresh');
      const merged = await ok('li', 'POST', `/api/v1/governance/golden-records/${golden['id']}/merge`, {
        from: [split['split']['id']],
      });
      assert.equal((merged['sources'] as Body[]).length, 3);
      const gone = await ok('li', 'GET', `/api/v1/governance/golden-records/${split['split']['id']}`);
      assert.deepEqual([gone['status'], gone['mergedInto']], ['merged', golden['id']]);

      // another company's golden record is not this company's to merge
      await t.provision();
      const acme = await t.bearer('ACME', ['master-data:write', 'governance:write', 'governance:read']);
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/suppliers',
        headers: acme,
        payload: { code: 'X1', name: '别家公司', taxId: syntheticUscc('110105', 'MA1XX001') },
      });
      assert.equal(created.statusCode, 201, created.body);
      await t.request({
        method: 'POST',
        url: '/api/v1/governance/golden-records:refresh',
        headers: acme,
        payload: {},
      });
      const theirs = (
        await t.request({
          method: 'GET',
          url: '/api/v1/governance/golden-records?entity=supplier',
          headers: acme,
        })
      ).json<Body>()['items'][0] as Body;
      const refused = await as('li', 'POST', `/api/v1/governance/golden-records/${golden['id']}/merge`, {
        from: [theirs['id']],
      });
      assert.equal(refused.status, 422);
      assert.equal(refused.body['code'], 'golden_other_company');
      assert.equal(refused.body['errors'][0]['pointer'], '/from/0');

      const audit = (await ok('audit', 'GET', '/api/v1/audit-log?entityType=GoldenRecord&limit=200'))
        .items as Body[];
      assert.ok(audit.some((e) => e['action'] === 'split' && e['entityId'] === golden['id']));
      assert.ok(audit.some((e) => e['action'] === 'merge' && e['entityId'] === golden['id']));
    });

    it('dry-runs an Excel file with cleansing — created, updated with the diff, unchanged, skipped — and writes nothing', async () => {
      const before = await suppliers();
      const content = await workbook([
        [
          '供应商编码',
          '供应商名称',
          'taxId',
          'bankAccounts.0.bankName',
          'bankAccounts.0.accountNumber',
          'bankAccounts.0.accountName',
          'bankAccounts.0.primary',
          'paymentTermsDays',
          'phone',
        ],
        // full-width code and spaces: cleansed to S0009
        [
          'Ｓ０００９ ',
          ' 宁波甬江新材料有限公司 ',
          syntheticUscc('330203', 'MA1GY009'),
          '宁波银行',
          '6222 0000 0000 0009',
          null,
          null,
          '３０',
          '0574-88880009',
        ],
        [
          'S0001',
          '上海云杉办公用品有限公司',
          syntheticUscc('310115', 'MA1GY001'),
          '招商银行上海分行',
          '121900000000001',
          '上海云杉办公用品有限公司',
          '是',
          30,
          '021-66660001',
        ],
        [
          's0002',
          '北京星河商旅服务有限公司',
          syntheticUscc('110105', 'MA1GY002'),
          '中国工商银行北京朝阳支行',
          '0200000000000000002',
          '北京星河商旅服务有限公司',
          true,
          30,
          null,
        ],
        [
          'S0009',
          '宁波甬江新材料有限公司',
          syntheticUscc('330203', 'MA1GY009'),
          '宁波银行',
          '6222000000000009',
          null,
          null,
          30,
          '0574-88880009',
        ],
      ]);
      const dry = await ok('li', 'POST', '/api/v1/governance/imports:dry-run', {
        resource: 'suppliers',
        fileName: 'suppliers.xlsx',
        content,
        mapping: { 供应商编码: 'code', 供应商名称: 'name' },
        cleansing: { dedup: 'last' },
      });
      assert.deepEqual(
        [dry['created'], dry['updated'], dry['unchanged'], dry['skipped'], dry['refused']],
        [1, 1, 1, 1, 0],
      );
      const byRow = new Map((dry['items'] as Body[]).map((i) => [i['row'], i]));
      assert.deepEqual([byRow.get(2)?.['status'], byRow.get(2)?.['key']], ['skipped', 'S0009']);
      assert.deepEqual([byRow.get(5)?.['status'], byRow.get(5)?.['key']], ['created', 'S0009']);
      assert.equal(byRow.get(4)?.['status'], 'unchanged', 's0002 is S0002 once codes are normalised');
      assert.deepEqual(byRow.get(3)?.['changes'], [{ field: 'phone', before: null, after: '021-66660001' }]);
      assert.deepEqual(await suppliers(), before, 'a dry run writes nothing');
      assert.deepEqual((await ok('li', 'GET', '/api/v1/governance/imports')).items, []);
    });

    it('names every wrong cell of a bad file by row and field, and refuses wrong columns and unreadable text, writing nothing', async () => {
      const before = await suppliers();
      const gbk = iconv.encode(
        'code,name,taxId,paymentTermsDays\r\nS0010,杭州某某有限公司,91330106MA1GY0109X,30\r\nS0011,,913301060000000000,abc\r\n',
        'gbk',
      );
      const dry = await ok('li', 'POST', '/api/v1/governance/imports:dry-run', {
        resource: 'suppliers',
        fileName: 'suppliers.csv',
        content: gbk.toString('base64'),
      });
      assert.equal(dry['refused'], 2);
      const reasons = (dry['items'] as Body[]).flatMap((i) =>
        (i['reasons'] as Body[]).map((r) => `${r['row']}${r['column']}:${r['field']}:${r['code']}`),
      );
      assert.ok(reasons.includes('2C:/taxId:invalid_uscc'), reasons.join(' '));
      assert.ok(
        reasons.some((r) => r.startsWith('3B:/name')),
        reasons.join(' '),
      );
      assert.ok(
        reasons.some((r) => r.startsWith('3D:/paymentTermsDays')),
        reasons.join(' '),
      );
      const committed = await as('li', 'POST', '/api/v1/governance/imports', {
        resource: 'suppliers',
        fileName: 'suppliers.csv',
        content: gbk.toString('base64'),
      });
      assert.equal(committed.status, 422);
      assert.equal(committed.body['code'], 'import_rejected');
      assert.ok((committed.body['rows'] as Body[]).length >= 3);

      const columns = await as('li', 'POST', '/api/v1/governance/imports:dry-run', {
        resource: 'suppliers',
        fileName: 'x.csv',
        content: Buffer.from('code,name,colour\nS1,a,red\n').toString('base64'),
      });
      assert.equal(columns.status, 422);
      assert.equal(columns.body['code'], 'import_unknown_column');
      const garbage = await as('li', 'POST', '/api/v1/governance/imports:dry-run', {
        resource: 'suppliers',
        fileName: 'x.csv',
        content: Buffer.from([0x63, 0x6f, 0xff, 0xfe, 0x81, 0x0a]).toString('base64'),
      });
      assert.equal(garbage.status, 422);
      assert.equal(garbage.body['code'], 'import_unreadable');
      assert.deepEqual(await suppliers(), before);
    });

    it('commits a file as one batch, joins it into golden records, and rolls it back to the data as before', async () => {
      const before = await suppliers();
      const goldenBefore = (await goldenSuppliers()).length;
      const content = await workbook([
        ['code', 'name', 'taxId', 'phone'],
        ['S0009', '宁波甬江新材料有限公司', syntheticUscc('330203', 'MA1GY009'), '0574-88880009'],
        ['S0004', '杭州青禾会务服务有限公司', syntheticUscc('330106', 'MA1GY004'), '0571-12345678'],
      ]);
      const committed = await ok('li', 'POST', '/api/v1/governance/imports', {
        resource: 'suppliers',
        fileName: 'batch-1.xlsx',
        content,
      });
      const batch = committed['batch'] as Body;
      assert.deepEqual(committed['result']['created'], 1, JSON.stringify(committed));
      assert.deepEqual([batch['created'], batch['updated'], batch['status']], [1, 1, 'committed']);
      const s9 = await goldenFor('S0009');
      assert.deepEqual(
        (s9['sources'] as Body[]).map((s) => s['source']),
        ['finbridge'],
      );
      assert.equal((await goldenSuppliers()).length, goldenBefore + 1);

      const rolled = await ok('li', 'POST', `/api/v1/governance/imports/${batch['id']}/rollback`);
      assert.equal(rolled['status'], 'rolled_back');
      const after = await suppliers();
      assert.deepEqual(
        after.map((s) => ({ ...s, version: undefined })),
        before.map((s) => ({ ...s, version: undefined })),
        'the data as before',
      );
      assert.equal((await goldenSuppliers()).length, goldenBefore, 'its golden record went with it');
      const twice = await as('li', 'POST', `/api/v1/governance/imports/${batch['id']}/rollback`);
      assert.equal(twice.status, 409);
      assert.equal(twice.body['code'], 'import_batch_rolled_back');
    });

    it('refuses a rollback that would lose later edits, listing them', async () => {
      const content = await workbook([
        ['code', 'name', 'taxId', 'phone'],
        ['S0005', '广州南粤航空票务代理有限公司', syntheticUscc('440106', 'MA1GY005'), '020-1111'],
        ['S0006', '上海申通通信服务有限公司', syntheticUscc('310104', 'MA1GY006'), '021-2222'],
      ]);
      const committed = await ok('li', 'POST', '/api/v1/governance/imports', {
        resource: 'suppliers',
        fileName: 'b2.xlsx',
        content,
      });
      const s5 = await supplier('S0005');
      await ok('li', 'PATCH', `/api/v1/suppliers/${s5['id']}`, { phone: '020-9999' });
      const refused = await as(
        'li',
        'POST',
        `/api/v1/governance/imports/${committed['batch']['id']}/rollback`,
      );
      assert.equal(refused.status, 409);
      assert.equal(refused.body['code'], 'import_rollback_blocked');
      assert.deepEqual(
        (refused.body['records'] as Body[]).map((r) => [
          r['code'],
          r['reason'],
          r['importedVersion'],
          r['currentVersion'],
        ]),
        [['S0005', 'changed_since', s5['version'], Number(s5['version']) + 1]],
      );
      const still = await supplier('S0006');
      assert.equal(still['phone'], '021-2222', 'nothing was undone');
    });

    it('offers a template per resource', async () => {
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/governance/import-templates/suppliers',
        headers: { cookie: users.get('li')?.cookie ?? '' },
      });
      assert.equal(res.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
      const header = book.worksheets[0]?.getRow(1).values as unknown[];
      assert.ok(
        header.includes('code') &&
          header.includes('taxId') &&
          header.includes('bankAccounts.0.accountNumber'),
      );
    });

    it('holds a mapping change for a second person: the maker files it with the diff, cannot approve it, a checker applies it', async () => {
      const kingdee = connections['kingdee-k3cloud'] as string;
      await ok('wang', 'PUT', '/api/v1/governance/change-policies/mapping-profile', {
        requiresApproval: true,
      });
      const admin = await t.bearer('DEMO', ['connections:admin']);
      const direct = await t.request({
        method: 'POST',
        url: `/api/v1/connections/${kingdee}/mapping-profiles`,
        headers: admin,
        payload: { valueMaps: { suppliers: { S0001: 'S0001' } } },
      });
      assert.equal(direct.statusCode, 409, direct.body);
      assert.equal(direct.json<Body>()['code'], 'change_requires_approval');
      const versionBefore = (
        await t.request({
          method: 'GET',
          url: `/api/v1/connections/${kingdee}/mapping-profiles`,
          headers: admin,
        })
      ).json<Body>()['items'][0]['version'];

      const filed = await ok('li', 'POST', '/api/v1/governance/change-requests', {
        target: 'mapping-profile',
        subject: kingdee,
        payload: {
          valueMaps: { suppliers: { S0001: 'S0001', S0002: 'S0002' } },
          note: 'from the cross-reference',
        },
      });
      assert.equal(filed['status'], 'pending');
      assert.deepEqual(
        (filed['diff'] as Body[]).map((d) => [d['path'], d['before'], d['after']]),
        [
          ['/valueMaps/suppliers/S0001', null, 'S0001'],
          ['/valueMaps/suppliers/S0002', null, 'S0002'],
        ],
      );
      const inbox = (await ok('wang', 'GET', '/api/v1/governance/change-requests?status=pending'))
        .items as Body[];
      assert.deepEqual(
        inbox.map((r) => r['id']),
        [filed['id']],
      );
      const own = await as('li', 'POST', `/api/v1/governance/change-requests/${filed['id']}/approve`, {});
      assert.equal(own.status, 403);
      assert.equal(own.body['code'], 'change_same_person');
      const approved = await ok('wang', 'POST', `/api/v1/governance/change-requests/${filed['id']}/approve`, {
        note: '核对无误',
      });
      assert.equal(approved['status'], 'applied');
      assert.notEqual(approved['decidedBy'], approved['requestedBy']);
      const latest = (
        await t.request({
          method: 'GET',
          url: `/api/v1/connections/${kingdee}/mapping-profiles`,
          headers: admin,
        })
      ).json<Body>()['items'][0];
      assert.equal(latest['version'], Number(versionBefore) + 1);
      assert.deepEqual(latest['valueMaps']['suppliers'], { S0001: 'S0001', S0002: 'S0002' });
      assert.ok(
        Object.keys(latest['valueMaps']['expenseCategories']).length > 0,
        'the rest of the profile is kept',
      );
      const again = await as('wang', 'POST', `/api/v1/governance/change-requests/${filed['id']}/approve`, {});
      assert.equal(again.status, 409);

      const audit = (await ok('audit', 'GET', '/api/v1/audit-log?entityType=ChangeRequest&limit=50'))
        .items as Body[];
      assert.deepEqual(
        audit
          .filter((e) => e['entityId'] === filed['id'])
          .map((e) => e['action'])
          .sort(),
        ['approve', 'request'],
      );
      await ok('wang', 'PUT', '/api/v1/governance/change-policies/mapping-profile', {
        requiresApproval: false,
      });
    });

    it('holds master-data changes where the company asks for it; a rejected change leaves the record as it was', async () => {
      await ok('wang', 'PUT', '/api/v1/governance/change-policies/master-data:suppliers', {
        requiresApproval: true,
      });
      const s7 = await supplier('S0007');
      const direct = await as('li', 'PATCH', `/api/v1/suppliers/${s7['id']}`, { phone: '0512-1' });
      assert.equal(direct.status, 409);
      assert.equal(direct.body['code'], 'change_requires_approval');
      const filed = await ok('li', 'POST', '/api/v1/governance/change-requests', {
        target: 'master-data:suppliers',
        payload: { op: 'update', id: s7['id'], patch: { phone: '0512-1' } },
      });
      assert.deepEqual(filed['diff'], [{ path: '/phone', before: null, after: '0512-1' }]);
      const rejected = await ok('wang', 'POST', `/api/v1/governance/change-requests/${filed['id']}/reject`, {
        note: '号码不对',
      });
      assert.equal(rejected['status'], 'rejected');
      const unchanged = await ok('li', 'GET', `/api/v1/suppliers/${s7['id']}`);
      assert.equal(unchanged['version'], s7['version']);
      const second = await ok('li', 'POST', '/api/v1/governance/change-requests', {
        target: 'master-data:suppliers',
        payload: { op: 'update', id: s7['id'], patch: { phone: '0512-66668888' } },
      });
      await ok('wang', 'POST', `/api/v1/governance/change-requests/${second['id']}/approve`, {});
      assert.equal((await ok('li', 'GET', `/api/v1/suppliers/${s7['id']}`))['phone'], '0512-66668888');
      await ok('wang', 'PUT', '/api/v1/governance/change-policies/master-data:suppliers', {
        requiresApproval: false,
      });
    });
  });
}
