import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { demoLedger } from './support/kingdee.ts';
import { claimDueSyncs } from '../src/platform/store/job-claims.ts';

const bill = (supplierCode: string) => ({
  supplierCode,
  date: '2026-11-20',
  dueDate: '2026-12-20',
  currency: 'CNY',
  lines: [{ description: '11月办公室保洁', categoryCode: 'OFFICE', amount: '5300.00', taxRate: '0.06' }],
});
const payment = (payeeCode: string) => ({
  payeeKind: 'supplier',
  payeeCode,
  amount: { amount: '5300.00', currency: 'CNY' },
  paidOn: '2026-11-27',
  method: 'bank_transfer',
});
const voucher = (account: string) => ({
  companyCode: 'ACME',
  date: '2026-11-28',
  period: '2026-11',
  word: '记',
  currency: 'CNY',
  summary: '差旅费',
  lines: [
    { summary: '差旅费', accountCode: account, expenseCategory: 'TRAVEL', debit: '100.00' },
    { summary: '应付报销款', accountCode: '224101', credit: '100.00' },
  ],
});

for (const engine of ENGINES) {
  describe(`mapping profiles, pulls and AP postings on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let auth: Record<string, string>;
    let connectionId: string;
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await t.request({
        method,
        url,
        headers: auth,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Record<string, any>>() }; // eslint-disable-line @typescript-eslint/no-explicit-any -- API bodies in tests
    };
    const posting = (id: string) => api('GET', `/api/v1/postings/${id}`).then((r) => r.body);
    const settled = (id: string) =>
      until(`posting ${id} to settle`, async () => {
        const p = await posting(id);
        return ['posted', 'rejected', 'dead'].includes(p['status']) ? p : undefined;
      });

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 3 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 }, syncPollMs: 50, heartbeatMs: 100 } },
      );
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read', 'metrics:read']);
      const created = await api('POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      connectionId = created.body['id'];
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('pulls master data incrementally: everything once, then only what changed', async () => {
      const first = await api('POST', `/api/v1/connections/${connectionId}/sync/suppliers`);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const suppliers = sim.ledger.base.get('BD_Supplier')?.size ?? 0;
      assert.equal(first.body['records'], suppliers);
      assert.ok(first.body['state'].lastSuccessAt);
      assert.ok(first.body['state'].watermark.modifiedAt);
      const again = await api('POST', `/api/v1/connections/${connectionId}/sync/suppliers`);
      assert.equal(again.body['records'], 0, 'nothing changed');
      sim.ledger.addBase(
        'BD_Supplier',
        'S9001',
        '新增供应商有限公司',
        { FSOCIALCRECODE: '' },
        new Date(Date.now() + 5000).toISOString(),
      );
      const third = await api('POST', `/api/v1/connections/${connectionId}/sync/suppliers`);
      assert.equal(third.body['records'], 1);
      assert.equal(third.body['state'].totalCount, suppliers + 1);
      const accounts = await api('POST', `/api/v1/connections/${connectionId}/sync/accounts`);
      assert.equal(accounts.body['records'], sim.ledger.base.get('BD_Account')?.size);
      const unknown = await api('POST', `/api/v1/connections/${connectionId}/sync/invoices`);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body['code'], 'unknown_sync_object');
      const metrics = await t.request({ url: '/metrics', headers: auth });
      assert.match(
        metrics.body,
        /finbridge_last_successful_sync_timestamp_seconds\{connection="金蝶",object="suppliers"/,
      );
    });

    it('refuses a profile naming codes the ERP lacks, listing each one; saves a good one as the next version', async () => {
      const bad = await api('POST', `/api/v1/connections/${connectionId}/mapping-profiles`, {
        valueMaps: {
          suppliers: { S0001: 'VEN-NOPE', S0002: 'S0002' },
          expenseCategories: { TRAVEL: '6602.99' },
          departments: { 'SALES-E': 'BM-NOT-PULLED' },
        },
      });
      assert.equal(bad.status, 422, JSON.stringify(bad.body));
      assert.deepEqual(
        bad.body['errors'].map((e: { pointer: string; code: string }) => `${e.code} ${e.pointer}`).sort(),
        [
          'profile_codes_missing /valueMaps/expenseCategories/TRAVEL',
          'profile_codes_missing /valueMaps/suppliers/S0001',
        ],
      );
      const versions = await api('GET', `/api/v1/connections/${connectionId}/mapping-profiles`);
      assert.deepEqual(versions.body['items'], [], 'nothing saved');
      const good = await api('POST', `/api/v1/connections/${connectionId}/mapping-profiles`, {
        valueMaps: { expenseCategories: { TRAVEL: '660202' }, suppliers: { S0001: 'S0001' } },
        settings: { autoAudit: true },
        note: '差旅费按类别入科目',
      });
      assert.equal(good.status, 201, JSON.stringify(good.body));
      assert.equal(good.body['version'], 1);
      assert.deepEqual(good.body['unverified'], [], 'accounts and suppliers were pulled');
      const badSettings = await api('POST', `/api/v1/connections/${connectionId}/mapping-profiles`, {
        settings: { accountBook: '' },
      });
      assert.equal(badSettings.status, 422);
      assert.equal(badSettings.body['errors'][0].pointer, '/settings/accountBook');
    });

    it('dry-runs a document: the wire payload, why each reference maps as it does, and what the ERP lacks', async () => {
      const res = await api('POST', `/api/v1/connections/${connectionId}/dry-run`, {
        kind: 'voucher',
        document: voucher('6602'),
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body['erpObject'], 'GL_VOUCHER');
      assert.equal(res.body['profileVersion'], 1);
      assert.equal(res.body['payload'].Model.FEntity[0].FACCOUNTID.FNumber, '660202');
      assert.equal(res.body['explain'][0].rule, 'valueMaps.expenseCategories["TRAVEL"]');
      assert.deepEqual(res.body['warnings'], []);
      const unknown = await api('POST', `/api/v1/connections/${connectionId}/dry-run`, {
        kind: 'supplier_bill',
        document: bill('S7777'),
      });
      assert.equal(unknown.body['payload'].Model.FSUPPLIERID.FNumber, 'S7777');
      assert.deepEqual(unknown.body['warnings'], [
        { pointer: '/supplierCode', object: 'supplier', code: 'S7777' },
      ]);
      const invalid = await api('POST', `/api/v1/connections/${connectionId}/dry-run`, {
        kind: 'payment',
        document: { ...payment('S0001'), amount: { amount: '-1.00', currency: 'CNY' } },
      });
      assert.equal(invalid.status, 422);
      assert.equal(invalid.body['errors'][0].pointer, '/document/amount/amount');
      assert.equal(
        (await api('GET', '/api/v1/postings?limit=500')).body['items'].length,
        0,
        'nothing was queued',
      );
    });

    it('posts a supplier bill and its payment in order; a parked bill holds the payment back until replayed', async () => {
      const b = await api('POST', '/api/v1/supplier-bills', {
        connectionId,
        documentId: 'BILL-1',
        bill: bill('S5555'),
      });
      assert.equal(b.status, 202, JSON.stringify(b.body));
      const p = await api('POST', '/api/v1/payments', {
        connectionId,
        documentId: 'PAY-1',
        payment: payment('S5555'),
      });
      assert.equal(p.status, 202);
      const rejected = await settled(b.body['id']);
      assert.equal(rejected['status'], 'rejected');
      assert.match(rejected['lastError'].message, /供应商\[S5555\]不存在/);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await posting(p.body['id']))['status'], 'pending', 'the payment waits for its bill');
      assert.equal((await posting(p.body['id']))['attempts'], 0);
      sim.ledger.addBase('BD_Supplier', 'S5555', '补录供应商有限公司', {}, new Date().toISOString());
      const replay = await api('POST', `/api/v1/postings/${b.body['id']}/replay`);
      assert.equal(replay.status, 200);
      const billPosted = await settled(b.body['id']);
      const payPosted = await settled(p.body['id']);
      assert.equal(billPosted['status'], 'posted');
      assert.equal(payPosted['status'], 'posted');
      assert.match(billPosted['erpNumber'], /^AP/);
      assert.match(payPosted['erpNumber'], /^FKD/);
      assert.ok(Number(billPosted['erpId']) < Number(payPosted['erpId']), 'the bill reached the ERP first');
      const inErp = [...sim.ledger.bills.values()].filter((x) => x.remark.startsWith('FB-ACME-'));
      assert.deepEqual(inErp.map((x) => x.remark).sort(), ['FB-ACME-BILL-1-1', 'FB-ACME-PAY-1-1']);
      const billInErp = inErp.find((x) => x.form === 'AP_Payable');
      assert.ok(billInErp !== undefined);
      assert.equal(billInErp.total, 530000n);
      assert.equal(billInErp.tax, 30000n, '5300 incl. 6% VAT → 300.00 tax');
    });

    it('parks a voucher the ERP refuses and posts it on replay after a new profile version maps it', async () => {
      const v = await api('POST', '/api/v1/vouchers', {
        connectionId,
        documentId: 'V-9',
        voucher: {
          ...voucher('6602'),
          lines: [
            { summary: '办公费', accountCode: '6602.77', debit: '100.00' },
            { summary: '应付报销款', accountCode: '224101', credit: '100.00' },
          ],
        },
      });
      assert.equal(v.status, 202);
      assert.equal(v.body['profileVersion'], 1);
      const rejected = await settled(v.body['id']);
      assert.equal(rejected['status'], 'rejected');
      const saved = await api('POST', `/api/v1/connections/${connectionId}/mapping-profiles`, {
        valueMaps: {
          expenseCategories: { TRAVEL: '660202' },
          suppliers: { S0001: 'S0001' },
          accounts: { '6602.77': '660202' },
        },
      });
      assert.equal(saved.body['version'], 2);
      await api('POST', `/api/v1/postings/${v.body['id']}/replay`);
      const posted = await settled(v.body['id']);
      assert.equal(posted['status'], 'posted');
      assert.equal(posted['profileVersion'], 2);
      const trace = (await api('GET', '/api/v1/documents/V-9/trace')).body;
      const replayed = trace['events'].find((e: { kind: string }) => e.kind === 'replayed');
      assert.equal(replayed.detail.profileVersion, 2);
    });

    it('fires a schedule once per cluster, and the worker pulls on schedule', async () => {
      const set = await api('PUT', `/api/v1/connections/${connectionId}/sync/schedules`, {
        departments: 3600,
      });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const bad = await api('PUT', `/api/v1/connections/${connectionId}/sync/schedules`, { vouchers: 3600 });
      assert.equal(bad.status, 404);
      const state = await until('the scheduled pull', async () => {
        const s = (await api('GET', `/api/v1/connections/${connectionId}/sync`)).body['items'].find(
          (x: { object: string }) => x.object === 'departments',
        );
        return s?.lastSuccessAt ? s : undefined;
      });
      assert.equal(state.lastCount, sim.ledger.base.get('BD_Department')?.size);
      assert.ok(Date.parse(state.nextRunAt) > Date.now() + 3500 * 1000, 'next run an interval later');
      // an interval later the schedule is due again; three workers race for it and exactly one wins
      const { database } = t.running.context;
      const later = new Date(Date.now() + 3601 * 1000);
      const claims = await Promise.all(
        ['w1', 'w2', 'w3'].map((owner) => claimDueSyncs(database, owner, later, 60_000, 10)),
      );
      const departments = claims.flat().filter((c) => c.object === 'departments');
      assert.equal(departments.length, 1, `claimed ${departments.length} times`);
    });
  });
}
