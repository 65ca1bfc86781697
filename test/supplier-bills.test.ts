import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { CONNECTORS } from '../src/connectors/index.ts';
import { seedDemo } from '../src/demo/seed.ts';

/**
 * Supplier bills (应付单) end to end, on both engines, through the Kingdee simulator: a bill submitted
 * with POST /supplier-bills is kept by finance and becomes payable once the ERP holds it; it goes into a
 * payment batch with an expense claim, the bank file pays the supplier's account, sending posts its
 * payment voucher (Dr 应付账款 with the supplier, Cr 银行存款) once; the bank's pain.002 returns it — the
 * bill is payable again and the voucher reversed in red. Bad input is refused field by field and
 * writes nothing.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;
const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });

for (const engine of ENGINES)
  describe(`supplier bills on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let admin: Record<string, string>;
    let connectionId: string;
    const users = new Map<string, { cookie: string; csrf: string }>();
    const today = new Date().toISOString().slice(0, 10);

    const as = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
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
      return { status: res.statusCode, body: res.json<Body>(), headers: res.headers };
    };
    const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const bill = (supplierCode: string, amount: string, more: Body = {}) => ({
      number: `AP-${supplierCode}-${amount}`,
      supplierCode,
      date: today,
      dueDate: today,
      currency: 'CNY',
      memo: '11月办公用品',
      lines: [
        {
          description: '办公用品',
          categoryCode: 'OFFICE',
          amount,
          taxRate: '0.13',
          departmentCode: 'SALES-E',
        },
      ],
      ...more,
    });
    const register = async (supplierCode: string, amount: string, invoiceRefs?: string[]) => {
      const res = await as('admin', 'POST', '/api/v1/supplier-bills', {
        connectionId,
        bill: bill(supplierCode, amount),
        ...(invoiceRefs === undefined ? {} : { invoiceRefs }),
      });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const link = String(res.headers['link'] ?? '');
      const id = /<\/api\/v1\/supplier-bills\/([^>]+)>/.exec(link)?.[1];
      assert.ok(id !== undefined, `the Link header names the bill: ${link}`);
      return { id, postingId: String(res.body['id']) };
    };
    const billOf = (id: string) => ok('zhao', 'GET', `/api/v1/supplier-bills/${id}`);
    const postedBill = (id: string) =>
      until(`bill ${id} posted`, async () => {
        const b = await billOf(id);
        return b['status'] === 'posted' ? b : undefined;
      });
    const batch = (id: string) => ok('zhao', 'GET', `/api/v1/payment-batches/${id}`);
    const allBills = async () =>
      ((await ok('zhao', 'GET', '/api/v1/supplier-bills?limit=200'))['items'] as Body[]).map((b) => b['id']);
    const batchCount = async () =>
      ((await ok('zhao', 'GET', '/api/v1/payment-batches?limit=200'))['items'] as Body[]).length;

    let claimId: string;
    let billId: string;
    let batchId: string;

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 41 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { connectors: CONNECTORS, worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', [
        'connections:admin',
        'claims:read',
        'vouchers:read',
        'vouchers:write',
        'master-data:write',
        'master-data:read',
      ]);
      const connection = await ok('admin', 'POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      connectionId = connection['id'];
      for (const [name, code, roles] of [
        ['zhang', 'E011', ['employee']],
        ['chen', 'E010', ['approver']],
        ['feng', 'E009', ['approver']],
        ['wang', 'E001', ['approver']],
        ['li', 'E002', ['approver']],
        ['zhao', 'E003', ['finance']],
        ['qian', 'E004', ['finance']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles, code));
      await ok('zhao', 'POST', '/api/v1/bank-statements/accounts', {
        code: 'ICBC-01',
        accountNumber: '31001234560000001',
        name: '演示科技有限公司',
        bankName: '中国工商银行上海分行',
        currency: 'CNY',
        openedOn: '2026-01-01',
        openingBalance: '100000.00',
        default: true,
      });
      const employees = (await ok('admin', 'GET', '/api/v1/employees?limit=200'))['items'] as Body[];
      const e011 = employees.find((e) => e['code'] === 'E011');
      await ok('admin', 'PATCH', `/api/v1/employees/${e011?.['id']}`, { bankAccount: '6222021000000011' });
      const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '客户拜访交通',
        currency: 'CNY',
        claimedOn: today,
        lines: [{ categoryCode: 'TAXI', description: '打车', occurredOn: today, amount: '88.00' }],
      });
      claimId = draft['id'];
      await ok('zhang', 'POST', `/api/v1/expense-claims/${claimId}/submit`);
      for (let round = 0; round < 6; round += 1) {
        const doc = await ok('admin', 'GET', `/api/v1/expense-claims/${claimId}`);
        if (doc['status'] !== 'approving' && doc['status'] !== 'submitted') break;
        for (const who of ['chen', 'feng', 'wang', 'li', 'zhao']) {
          const tasks = (await ok(who, 'GET', '/api/v1/approval-tasks'))['items'] as Body[];
          const task = tasks.find((x) => x['documentId'] === claimId);
          if (task !== undefined)
            await ok(who, 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, { comment: '同意' });
        }
      }
      await until('the claim posted', async () => {
        const d = await ok('admin', 'GET', `/api/v1/expense-claims/${claimId}`);
        return d['status'] === 'posted' ? d : undefined;
      });
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('keeps a submitted supplier bill with its amounts, invoices and due date; payable once the ERP holds it', async () => {
      const { id, postingId } = await register('S0001', '5650.00', ['04412345', '04412346']);
      billId = id;
      const first = await billOf(id);
      assert.deepEqual(
        [first['supplierCode'], first['supplierName'], first['total'], first['tax'], first['dueDate']],
        ['S0001', '上海云杉办公用品有限公司', '5650.00', '650.00', today],
      );
      assert.deepEqual(first['invoiceRefs'], ['04412345', '04412346']);
      assert.equal(first['postingId'], postingId);
      const posted = await postedBill(id);
      assert.ok(posted['erpNumber'] !== null, 'the ERP’s number of the bill is kept');
      const listed = (
        await ok('zhao', 'GET', `/api/v1/supplier-bills?status=posted&supplier=S0001&dueBefore=${today}`)
      )['items'] as Body[];
      assert.deepEqual(
        listed.map((b) => b['id']),
        [id],
      );
      const toPay = (await ok('zhao', 'GET', '/api/v1/payment-batches/payables?limit=200'))[
        'items'
      ] as Body[];
      const mine = toPay.find((p) => p['id'] === id);
      assert.deepEqual(
        [mine?.['kind'], mine?.['amount'], mine?.['payeeAccount'], mine?.['dueOn']],
        ['supplier_bill', '5650.00', '121900000000001', today],
        'the bill is among the things to pay',
      );
      const notDue = (await ok('zhao', 'GET', '/api/v1/supplier-bills?dueBefore=2000-01-01'))[
        'items'
      ] as Body[];
      assert.equal(notDue.length, 0);
      const again = await as('admin', 'POST', '/api/v1/supplier-bills', {
        connectionId,
        documentId: posted['documentId'],
        bill: bill('S0001', '5650.00'),
      });
      assert.equal(again.status, 200, 'the same document and revision is the existing posting');
      assert.deepEqual(await allBills(), [id], 'and the same bill');
    });

    it('refuses a negative amount field by field, and writes nothing', async () => {
      const before = await allBills();
      const postings = async () =>
        ((await ok('admin', 'GET', '/api/v1/postings?limit=500'))['items'] as Body[]).length;
      const postingCount = await postings();
      const refused = await as('admin', 'POST', '/api/v1/supplier-bills', {
        connectionId,
        bill: bill('S0001', '-10.00'),
      });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body['errors'][0].code, 'amount_not_positive');
      assert.equal(refused.body['errors'][0].pointer, '/bill/lines/0/amount');
      assert.deepEqual(await allBills(), before);
      assert.equal(await postings(), postingCount, 'no posting for the refused bill');
    });

    it('refuses in a batch a bill of a supplier FinBridge does not know, naming the payable; no batch is made', async () => {
      sim.ledger.addBase('BD_Supplier', 'S7777', '只在ERP中的供应商', {}, new Date().toISOString());
      const { id } = await register('S7777', '100.00');
      const unknown = await postedBill(id);
      assert.equal(unknown['supplierName'], null);
      const count = await batchCount();
      const refused = await as('zhao', 'POST', '/api/v1/payment-batches', {
        account: 'ICBC-01',
        payables: [billId, id],
      });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body['errors'][0].code, 'reference_not_found');
      assert.equal(refused.body['errors'][0].pointer, '/payables/1');
      assert.match(refused.body['errors'][0].message, /S7777/);
      assert.equal(await batchCount(), count);
      assert.equal((await billOf(billId))['status'], 'posted', 'the other bill is untouched');
    });

    it('pays a bill with a claim in one batch; a bill already in a batch is refused', async () => {
      const made = await ok('zhao', 'POST', '/api/v1/payment-batches', {
        account: 'ICBC-01',
        purpose: '付款',
        payables: [claimId, billId],
      });
      batchId = made['id'];
      assert.deepEqual([made['lineCount'], made['total']], [2, '5738.00']);
      assert.equal((await billOf(billId))['status'], 'in_batch');
      const twice = await as('qian', 'POST', '/api/v1/payment-batches', {
        account: 'ICBC-01',
        payables: [billId],
      });
      assert.equal(twice.status, 422, JSON.stringify(twice.body));
      assert.equal(twice.body['errors'][0].code, 'payment_not_payable');
      assert.equal(twice.body['errors'][0].pointer, '/payables/0');
      assert.match(twice.body['errors'][0].message, new RegExp(made['number']));
      await ok('qian', 'POST', `/api/v1/payment-batches/${batchId}/approve`, {});
    });

    it('writes both transfers in the bank file, the bill to its supplier’s primary account', async () => {
      const file = await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/file`, { format: 'pain001' });
      const doc = xml.parse(Buffer.from(file['content'], 'base64').toString('utf8'));
      const txs = doc.Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf as Body[];
      assert.deepEqual(
        txs.map((x) => [x.Amt.InstdAmt['#text'], x.Cdtr.Nm, x.CdtrAcct.Id.Othr.Id]),
        [
          ['88.00', '张三', '6222021000000011'],
          ['5650.00', '上海云杉办公用品有限公司', '121900000000001'],
        ],
      );
      const csv = await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/file`, { format: 'icbc' });
      const rows = iconv.decode(Buffer.from(csv['content'], 'base64'), 'gbk').trim().split('\r\n');
      assert.equal(rows.length, 3);
      assert.match(rows[2] ?? '', /121900000000001/);
      assert.match(rows[2] ?? '', /上海云杉办公用品有限公司/);
      assert.match(rows[2] ?? '', /5650\.00/);
      assert.match(rows[2] ?? '', /货款/);
    });

    it('sends the batch: the bill paid and its payment voucher posted once, Dr 应付账款 (supplier) Cr 银行存款', async () => {
      await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/send`, {});
      const paid = await billOf(billId);
      assert.deepEqual([paid['status'], paid['paidOn']], ['paid', (await batch(batchId))['executeOn']]);
      const lines = await until('payment vouchers posted', async () => {
        const ls = (await batch(batchId))['lines'] as Body[];
        return ls.every((l) => l['erpVoucherNumber'] !== null) ? ls : undefined;
      });
      const billLine = lines.find((l) => l['payableKind'] === 'supplier_bill');
      assert.ok(billLine !== undefined);
      assert.equal(billLine['payableId'], billId);
      const { document } = await ok('admin', 'GET', `/api/v1/postings/${billLine['postingId']}/document`);
      const entries = document['lines'] as Body[];
      assert.deepEqual(
        entries.map((l) => [
          l['accountCode'],
          l['debit'] ?? null,
          l['credit'] ?? null,
          l['aux']?.['supplier'] ?? null,
        ]),
        [
          ['2202', '5650.00', null, 'S0001'],
          ['1002', null, '5650.00', null],
        ],
      );
      const ours = (await ok('admin', 'GET', `/api/v1/postings?limit=50&documentId=${billLine['id']}`))[
        'items'
      ] as Body[];
      assert.deepEqual(
        ours.map((p) => p['status']),
        ['posted'],
        'one payment voucher for the bill',
      );
      const again = await as('zhao', 'POST', `/api/v1/payment-batches/${batchId}/send`, {});
      assert.equal(again.status, 409);
      const graph = await ok('admin', 'GET', `/api/v1/lineage/supplier_bill/${billId}`);
      const hops = (graph['edges'] as Body[]).map(
        (e) => `${e['from']['type']}→${e['to']['type']}:${e['relation']}`,
      );
      assert.ok(hops.includes('supplier_bill→payment:paid_by'), hops.join(', '));
      assert.ok(hops.includes('payment→voucher:posted_as'), hops.join(', '));
    });

    it('a returned bill payment reopens the bill for payment and reverses its payment voucher in red', async () => {
      const b = await batch(batchId);
      const [claimLine, billLine] = b['lines'] as Body[];
      const report = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>R1</MsgId><CreDtTm>${today}T10:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>${b['number']}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>x</OrgnlPmtInfId>
<TxInfAndSts><OrgnlEndToEndId>${claimLine?.['endToEndId']}</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>${billLine?.['endToEndId']}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC01</Cd></Rsn><AddtlInf>账号不符</AddtlInf></StsRsnInf></TxInfAndSts>
</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`;
      const summary = await ok('zhao', 'POST', '/api/v1/payment-batches/results', {
        content: base64(report),
        batchId,
      });
      assert.deepEqual([summary['paid'], summary['returned']], [1, 1]);
      assert.equal((await batch(batchId))['status'], 'partly_returned');
      const reopened = await billOf(billId);
      assert.deepEqual([reopened['status'], reopened['paidOn']], ['returned', null]);
      const returned = await until('the red reversal posted', async () => {
        const l = ((await batch(batchId))['lines'] as Body[])[1];
        return l?.['erpReversalNumber'] !== null ? l : undefined;
      });
      assert.equal(returned['returnReason'], 'AC01 账号不符');
      const red = await ok('admin', 'GET', `/api/v1/postings/${returned['reversalPostingId']}/document`);
      const redLines = red['document']['lines'] as Body[];
      const sum = (side: string) =>
        redLines.reduce((s, l) => s + Math.round(Number(l[side] ?? '0') * 100), 0);
      assert.equal(sum('debit'), sum('credit'), 'the red voucher balances');
      assert.equal(redLines.find((l) => l['accountCode'] === '2202')?.['debit'], '-5650.00');
      const payable = (await ok('zhao', 'GET', '/api/v1/supplier-bills?status=returned'))['items'] as Body[];
      assert.deepEqual(
        payable.map((x) => x['id']),
        [billId],
      );
      const next = await ok('zhao', 'POST', '/api/v1/payment-batches', {
        account: 'ICBC-01',
        payables: [billId],
      });
      assert.equal(next['total'], '5650.00', 'the returned bill is payable again, in full');
      await ok('zhao', 'POST', `/api/v1/payment-batches/${next['id']}/cancel`, {});
      assert.equal((await billOf(billId))['status'], 'posted', 'a cancelled batch frees the bill');
    });
  });
