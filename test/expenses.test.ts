import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { DEMO_COMPANY, DEMO_SUPPLIERS } from '../src/demo/demo-company.ts';
import { runApprovalHousekeeping } from '../src/finance/approvals/approval-loop.ts';
import { signWebhook } from '../src/platform/security/webhook-signature.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { digitalInvoiceXml } from './support/invoices.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const SELLER = String(DEMO_SUPPLIERS[0]?.['taxId']);
const SELLER_NAME = String(DEMO_SUPPLIERS[0]?.['name']);
let serial = 0;
/** A fully-digital special invoice for the demo company: 6% hotel service, net + tax = total. */
const hotelInvoice = (net: string, tax: string, total: string, issuedOn = '2026-11-20') => ({
  type: 'digital_special',
  number: `2631${String(7000000000000000 + ++serial).slice(0, 16)}`,
  issuedOn,
  buyerName: DEMO_COMPANY.name,
  buyerTaxId: DEMO_COMPANY.taxId,
  sellerName: SELLER_NAME,
  sellerTaxId: SELLER,
  lines: [{ itemName: '*住宿服务*住宿费', amount: net, taxRate: '0.06', tax }],
  amount: net,
  tax,
  total,
  currency: 'CNY',
});

const claim = (lines: Body[], extra: Body = {}) => ({
  employeeCode: 'E011',
  departmentCode: 'SALES-E',
  title: '上海出差',
  currency: 'CNY',
  claimedOn: '2026-11-24',
  lines,
  ...extra,
});

for (const engine of ENGINES) {
  describe(`expense lifecycle on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    const users = new Map<string, { cookie: string; csrf: string }>();
    let admin: Record<string, string>;

    const as = async (
      who: string,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const user = users.get(who);
      const auth =
        user === undefined
          ? admin
          : { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) };
      const res = await t.request({
        method,
        url,
        headers: { ...auth, ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>() };
    };
    const created = async (who: string, url: string, payload: unknown) => {
      const res = await as(who, 'POST', url, payload);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    const invoice = (payload: unknown) => created('zhang', '/api/v1/invoices', payload);
    const pendingTask = async (who: string, documentId: string) => {
      const tasks = await as(who, 'GET', '/api/v1/approval-tasks');
      const task = tasks.body['items'].find((x: Body) => x['documentId'] === documentId);
      assert.ok(task, `${who} has a task for ${documentId}: ${JSON.stringify(tasks.body)}`);
      return task as Body;
    };
    const document = async (id: string) => (await as('admin', 'GET', `/api/v1/expense-claims/${id}`)).body;
    const approveAll = async (id: string, approvers: string[]) => {
      for (const who of approvers) {
        const task = await pendingTask(who, id);
        const res = await as(who, 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, {
          comment: '同意',
        });
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
    };

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 11 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', [
        'connections:admin',
        'claims:read',
        'claims:write',
        'budgets:read',
        'budgets:write',
        'rules:admin',
        'vouchers:read',
      ]);
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
        ['chu', 'E012', ['employee']],
        ['chen', 'E010', ['approver']],
        ['feng', 'E009', ['approver']],
        ['zhao', 'E003', ['finance']],
        ['wang', 'E001', ['approver']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles, code));
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('registers an invoice once: refuses another buyer, bad arithmetic, an out-of-force rate and a second registration', async () => {
      const good = hotelInvoice('1000.00', '60.00', '1060.00');
      const registered = await invoice(good);
      assert.equal(registered['status'], 'unused');
      const again = await as('zhang', 'POST', '/api/v1/invoices', good);
      assert.equal(again.status, 409);
      assert.equal(again.body['code'], 'invoice_duplicate');
      const otherBuyer = await as('zhang', 'POST', '/api/v1/invoices', {
        ...hotelInvoice('10.00', '0.60', '10.60'),
        buyerTaxId: SELLER,
      });
      assert.equal(otherBuyer.status, 422);
      assert.equal(otherBuyer.body['errors'][0].code, 'invoice_wrong_buyer');
      assert.equal(otherBuyer.body['errors'][0].pointer, '/buyerTaxId');
      const badTax = await as(
        'zhang',
        'POST',
        '/api/v1/invoices',
        hotelInvoice('1000.00', '70.00', '1070.00'),
      );
      assert.equal(badTax.body['errors'][0].code, 'invoice_arithmetic');
      assert.equal(badTax.body['errors'][0].pointer, '/lines/0/tax');
      const oldRate = hotelInvoice('1000.00', '160.00', '1160.00');
      const refused = await as('zhang', 'POST', '/api/v1/invoices', {
        ...oldRate,
        lines: [{ ...oldRate.lines[0], taxRate: '0.16' }],
      });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body['errors'][0].code, 'tax_rate_not_in_force');
      const wrongType = await as('zhang', 'POST', '/api/v1/invoices', {
        ...hotelInvoice('100.00', '6.00', '106.00'),
        type: 'vat_special',
        code: '3100194330',
        number: '12345678',
      });
      assert.equal(wrongType.body['errors'][0].code, 'invoice_type_mismatch', JSON.stringify(wrongType.body));
      const list = await as('zhang', 'GET', '/api/v1/invoices?mine=true&status=unused');
      assert.ok(list.body['items'].some((i: Body) => i['id'] === registered['id']));
    });

    it('imports a 数电票 XML, keeps the original file with its SHA-256, and refuses it the second time', async () => {
      const xml = digitalInvoiceXml({
        number: '26317000000000099001',
        buyerName: DEMO_COMPANY.name,
        buyerTaxId: DEMO_COMPANY.taxId,
        sellerTaxId: SELLER,
      });
      const imported = await created('zhang', '/api/v1/invoices/import', { xml, fileName: 'invoice.xml' });
      assert.equal(imported['type'], 'digital_special');
      assert.equal(imported['total'], '1130.00');
      assert.match(imported['fileSha256'], /^[0-9a-f]{64}$/);
      const files = await as('zhang', 'GET', `/api/v1/expense-documents/${imported['id']}/attachments`);
      assert.equal(files.body['items'][0].sha256, imported['fileSha256']);
      const again = await as('zhang', 'POST', '/api/v1/invoices/import', { xml });
      assert.equal(again.status, 409);
      const broken = await as('zhang', 'POST', '/api/v1/invoices/import', { xml: '<EInvoice><Header>' });
      assert.equal(broken.body['code'], 'invoice_xml_invalid');
    });

    it('claim → approval → voucher posted in the ERP with its number written back; deductible VAT on 22210101', async () => {
      const inv = await invoice(hotelInvoice('1000.00', '60.00', '1060.00', '2026-11-19'));
      const draft = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([
          {
            categoryCode: 'HOTEL',
            description: '住宿 3 晚',
            occurredOn: '2026-11-20',
            amount: '1060.00',
            invoiceIds: [inv['id']],
            city: '上海',
            nights: 3,
          },
          { categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-21', amount: '85.50' },
        ]),
      );
      assert.equal(draft['status'], 'draft');
      assert.equal(draft['deductibleTax'], '60.00');
      assert.equal((await as('zhang', 'GET', `/api/v1/invoices/${inv['id']}`)).body['status'], 'claimed');
      const preview = await as('zhang', 'GET', `/api/v1/expense-claims/${draft['id']}/voucher`);
      assert.equal(preview.body['balanced'], true);
      const lines = preview.body['voucher'].lines as Body[];
      assert.deepEqual(
        lines.map((l) => [l['accountCode'], l['debit'] ?? `-${l['credit']}`]),
        [
          ['660101', '1000.00'],
          ['660103', '85.50'],
          ['22210101', '60.00'],
          ['224101', '-1145.50'],
        ],
      );
      const submitted = await as('zhang', 'POST', `/api/v1/expense-claims/${draft['id']}/submit`);
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal(submitted.body['status'], 'approving');
      const task = await pendingTask('chen', draft['id']);
      const notMine = await as('chu', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, {});
      assert.equal(notMine.status, 403);
      assert.equal(notMine.body['code'], 'task_not_yours');
      const approved = await as('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, {
        comment: '同意',
      });
      assert.equal(approved.body['document'].status, 'approved');
      const twice = await as('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, {});
      assert.equal(twice.status, 409);
      assert.equal(twice.body['code'], 'task_already_decided');
      const edit = await as(
        'zhang',
        'PUT',
        `/api/v1/expense-claims/${draft['id']}`,
        claim([{ categoryCode: 'TAXI', description: 'x', occurredOn: '2026-11-21', amount: '1.00' }]),
        { 'if-match': '"9"' },
      );
      assert.equal(edit.status, 409);
      assert.equal(edit.body['code'], 'document_state_invalid');
      const posted = await until('claim posted', async () => {
        const d = await document(draft['id']);
        return d['status'] === 'posted' ? d : undefined;
      });
      assert.ok(posted['posting'].erpVoucherNumber);
      assert.equal(posted['posting'].erpPeriod, '2026-11');
      const inErp = [...sim.ledger.vouchers.values()].find(
        (v) =>
          v.billNo === posted['posting'].erpVoucherNumber ||
          String(v.id) === posted['posting'].erpVoucherNumber,
      );
      assert.ok(inErp, 'voucher is in the simulator');
      const debit = inErp.entries.reduce((s, e) => s + e.debit, 0n);
      const credit = inErp.entries.reduce((s, e) => s + e.credit, 0n);
      assert.equal(debit, credit);
      assert.equal(debit, 114550n);
      assert.equal((await as('zhang', 'GET', `/api/v1/invoices/${inv['id']}`)).body['status'], 'posted');
      assert.deepEqual(
        posted['transitions'].map((x: Body) => x['to']),
        ['draft', 'submitted', 'approving', 'approved', 'posted'],
      );
      const paid = await as('zhao', 'POST', `/api/v1/expense-claims/${draft['id']}/pay`, {
        paidOn: '2026-11-30',
        reference: 'B2026113001',
      });
      assert.equal(paid.body['status'], 'paid');
      // 红冲: a negated voucher goes to the ERP and the invoice is free again
      const reversed = await as('zhao', 'POST', `/api/v1/expense-claims/${draft['id']}/reverse`, {
        reason: '重复报销',
      });
      assert.equal(reversed.body['status'], 'reversed', JSON.stringify(reversed.body));
      const trace = await until('reversal posted', async () => {
        const r = await as('admin', 'GET', `/api/v1/documents/${draft['id']}-R/trace`);
        return r.body['postings']?.[0]?.status === 'posted' ? r.body : undefined;
      });
      assert.ok(trace);
      assert.equal((await as('zhang', 'GET', `/api/v1/invoices/${inv['id']}`)).body['status'], 'unused');
      // the hub tells finance once the red voucher is in the ERP: its number is kept on the claim
      const withReversal = await until('reversal number written back', async () => {
        const x = await document(draft['id']);
        return x['posting']?.erpReversalNumber ? x : undefined;
      });
      assert.equal(withReversal['posting'].erpReversalNumber, trace['postings'][0]['erpNumber']);
    });

    it('a voucher the ERP refuses leaves the claim approved, its timeline saying why in the ERP’s words', async () => {
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-24', amount: '66.00' }]),
      );
      await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      // the ERP's books are closed for any period the voucher could fall in
      const periods = ['2026-11', '2026-12', new Date().toISOString().slice(0, 7)];
      for (const p of periods) sim.ledger.closedPeriods.add(p);
      try {
        await approveAll(d['id'], ['chen']);
        const refused = await until('refusal noted', async () => {
          const x = await document(d['id']);
          return x['transitions'].some((t: Body) => String(t['comment'] ?? '').includes('ERP'))
            ? x
            : undefined;
        });
        assert.equal(refused['status'], 'approved');
        const note = refused['transitions'].at(-1);
        assert.equal(note['actor'], 'system:hub');
        assert.equal(note['from'], 'approved');
        assert.equal(note['to'], 'approved');
        assert.match(note['comment'], /ERP 拒绝记账 \/ refused by the ERP/);
      } finally {
        for (const p of periods) sim.ledger.closedPeriods.delete(p);
      }
    });

    it('correcting a posted claim reverses its voucher in red and posts the new revision', async () => {
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-24', amount: '88.00' }]),
      );
      await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      await approveAll(d['id'], ['chen']);
      const first = await until('posted', async () => {
        const x = await document(d['id']);
        return x['status'] === 'posted' ? x : undefined;
      });
      const corrected = await as('zhao', 'POST', `/api/v1/expense-claims/${d['id']}/corrections`, {
        claim: claim([
          {
            categoryCode: 'TAXI',
            description: '打车（更正金额）',
            occurredOn: '2026-11-24',
            amount: '98.00',
          },
        ]),
        reason: '金额录错',
      });
      assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
      assert.equal(corrected.body['revision'], 2);
      const second = await until('revision 2 posted', async () => {
        const x = await document(d['id']);
        return x['status'] === 'posted' ? x : undefined;
      });
      assert.notEqual(second['posting'].erpVoucherNumber, first['posting'].erpVoucherNumber);
      assert.equal(second['total'], '98.00');
      const reversal = await until('red voucher posted', async () => {
        const r = await as('admin', 'GET', `/api/v1/documents/${d['id']}-R/trace`);
        return r.body['postings']?.[0]?.status === 'posted' ? r.body['postings'][0] : undefined;
      });
      const red = [...sim.ledger.vouchers.values()].find(
        (v) => v.billNo === reversal['erpNumber'] || String(v.id) === reversal['erpNumber'],
      );
      assert.ok(red);
      assert.equal(
        red.entries.reduce((s, e) => s + e.debit, 0n),
        -8800n,
        'the red voucher negates the first',
      );
      assert.deepEqual(second['transitions'].map((x: Body) => x['to']).slice(-4), [
        'posted',
        'reversed',
        'approved',
        'posted',
      ]);
    });

    it('five claims racing for one invoice: exactly one keeps it', async () => {
      const inv = await invoice(hotelInvoice('200.00', '12.00', '212.00'));
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          as(
            'zhang',
            'POST',
            '/api/v1/expense-claims',
            claim([
              {
                categoryCode: 'HOTEL',
                description: '住宿',
                occurredOn: '2026-11-20',
                amount: '212.00',
                invoiceIds: [inv['id']],
              },
            ]),
          ),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409, 409, 409, 409], JSON.stringify(results.map((r) => r.body)));
      assert.ok(results.filter((r) => r.status === 409).every((r) => r.body['code'] === 'invoice_in_use'));
    });

    it('tells each claim that loses the race for an invoice the number of the claim that won it', async () => {
      const en = { 'accept-language': 'en-US' };
      const line = (invoiceIds: unknown[]) => ({
        categoryCode: 'HOTEL',
        description: '住宿',
        occurredOn: '2026-11-20',
        amount: '318.00',
        invoiceIds,
      });
      // drafts edited at the same moment to take one invoice: nothing serialises them before the link
      // (new claims queue on their number sequence), and a few rounds let some pass the check first
      for (let round = 0; round < 3; round++) {
        const inv = await invoice(hotelInvoice('300.00', '18.00', '318.00'));
        const drafts: Body[] = [];
        for (let i = 0; i < 6; i++)
          drafts.push(await created('zhang', '/api/v1/expense-claims', claim([line([])])));
        const results = await Promise.all(
          drafts.map((d) =>
            as('zhang', 'PUT', `/api/v1/expense-claims/${d['id']}`, claim([line([inv['id']])]), {
              ...en,
              'if-match': '"1"',
            }),
          ),
        );
        const winners = results.filter((r) => r.status === 200);
        assert.equal(winners.length, 1, JSON.stringify(results.map((r) => r.body)));
        const expected = `Invoice ${inv['number']} is already used on claim ${winners[0]?.body['number']}`;
        for (const lost of results.filter((r) => r.status !== 200)) {
          assert.equal(lost.status, 409, JSON.stringify(lost.body));
          assert.equal(lost.body['code'], 'invoice_in_use');
          assert.equal(lost.body['detail'], expected);
          assert.deepEqual(
            lost.body['errors'].map((e: Body) => [e['pointer'], e['message']]),
            [['/lines', expected]],
          );
        }
      }
    });

    it('tells each registration that loses the race for an invoice which record holds it', async () => {
      for (let round = 0; round < 3; round++) {
        const same = hotelInvoice('80.00', '4.80', '84.80');
        const results = await Promise.all(
          Array.from({ length: 6 }, () =>
            as('zhang', 'POST', '/api/v1/invoices', same, { 'accept-language': 'en-US' }),
          ),
        );
        const winners = results.filter((r) => r.status === 201);
        assert.equal(winners.length, 1, JSON.stringify(results.map((r) => r.body)));
        for (const lost of results.filter((r) => r.status !== 201)) {
          assert.equal(lost.status, 409, JSON.stringify(lost.body));
          assert.equal(lost.body['code'], 'invoice_duplicate');
          assert.equal(lost.body['existingInvoiceId'], winners[0]?.body['id'], JSON.stringify(lost.body));
          assert.equal(
            lost.body['detail'],
            `Invoice ${same.number} is already registered (status unused); use the registered invoice instead of registering it again`,
          );
        }
      }
    });

    it('says a second registration of an invoice is a duplicate registration, not a second claim', async () => {
      const good = hotelInvoice('40.00', '2.40', '42.40');
      const registered = await invoice(good);
      const use = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([
          {
            categoryCode: 'HOTEL',
            description: '住宿',
            occurredOn: '2026-11-20',
            amount: '42.40',
            invoiceIds: [registered['id']],
          },
        ]),
      );
      for (const [language, expected] of [
        [
          'en-US',
          `Invoice ${good.number} is already registered (status claimed); use the registered invoice instead of registering it again`,
        ],
        ['zh-CN', `发票 ${good.number} 已登记（状态 claimed），请使用已登记的发票，无需重复登记`],
      ] as const) {
        const again = await as('zhang', 'POST', '/api/v1/invoices', good, { 'accept-language': language });
        assert.equal(again.status, 409);
        assert.equal(again.body['code'], 'invoice_duplicate');
        assert.equal(again.body['detail'], expected);
        assert.equal(again.body['existingInvoiceId'], registered['id']);
        assert.doesNotMatch(again.body['detail'], /claimed twice|重复报销/);
      }
      assert.equal(
        (await as('admin', 'GET', `/api/v1/invoices/${registered['id']}`)).body['usedBy']['number'],
        use['number'],
      );
    });

    it('rejection releases budget and invoices; a resubmission after editing works', async () => {
      const inv = await invoice(hotelInvoice('500.00', '30.00', '530.00'));
      const before = (await as('zhao', 'GET', '/api/v1/budgets?departmentCode=SALES-E&categoryCode=TRAVEL'))
        .body['items'][0];
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([
          {
            categoryCode: 'HOTEL',
            description: '住宿',
            occurredOn: '2026-11-20',
            amount: '530.00',
            invoiceIds: [inv['id']],
          },
        ]),
      );
      await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      const during = (await as('zhao', 'GET', '/api/v1/budgets?departmentCode=SALES-E&categoryCode=TRAVEL'))
        .body['items'][0];
      assert.equal(Number(during['occupied']) - Number(before['occupied']), 530);
      const task = await pendingTask('chen', d['id']);
      const noReason = await as('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/reject`, {});
      assert.equal(noReason.status, 422);
      const rejected = await as('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/reject`, {
        comment: '缺少行程单',
      });
      assert.equal(rejected.body['document'].status, 'rejected');
      const afterReject = (
        await as('zhao', 'GET', '/api/v1/budgets?departmentCode=SALES-E&categoryCode=TRAVEL')
      ).body['items'][0];
      assert.equal(afterReject['occupied'], before['occupied']);
      assert.equal((await as('zhang', 'GET', `/api/v1/invoices/${inv['id']}`)).body['status'], 'unused');
      const notes = await as('zhang', 'GET', '/api/v1/notifications');
      assert.ok(notes.body['items'].some((n: Body) => n['kind'] === 'document_rejected'));
      const edited = await as(
        'zhang',
        'PUT',
        `/api/v1/expense-claims/${d['id']}`,
        claim([
          {
            categoryCode: 'HOTEL',
            description: '住宿（补行程单）',
            occurredOn: '2026-11-20',
            amount: '530.00',
            invoiceIds: [inv['id']],
          },
        ]),
        { 'if-match': `"${rejected.body['document'].version}"` },
      );
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const again = await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      assert.equal(again.body['status'], 'approving');
      const withdrawn = await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/withdraw`, {
        comment: '先撤回',
      });
      assert.equal(withdrawn.body['status'], 'withdrawn');
      const stale = await as('chen', 'GET', '/api/v1/approval-tasks');
      assert.ok(
        !stale.body['items'].some((x: Body) => x['documentId'] === d['id']),
        'the withdrawn claim’s task is closed',
      );
      const resubmitted = await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      assert.equal(resubmitted.body['status'], 'approving', 'a withdrawn claim can be submitted again');
      const file = {
        fileName: '行程单.pdf',
        contentType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.7 行程单').toString('base64'),
      };
      const attached = await as('zhang', 'POST', `/api/v1/expense-documents/${d['id']}/attachments`, file);
      assert.equal(attached.status, 201, JSON.stringify(attached.body));
      assert.equal(attached.body['sha256'], createHash('sha256').update('%PDF-1.7 行程单').digest('hex'));
      const twice = await as('zhang', 'POST', `/api/v1/expense-documents/${d['id']}/attachments`, file);
      assert.equal(twice.status, 409, 'the same file twice on one document');
    });

    it('a blocking budget refuses a claim over it with the numbers, and nothing changes', async () => {
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([
          { categoryCode: 'TRAVEL', description: '大额差旅', occurredOn: '2026-11-22', amount: '70000.00' },
        ]),
      );
      const refused = await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body['code'], 'budget_exceeded');
      assert.equal(refused.body['errors'][0].pointer, '/lines/0/amount');
      assert.match(refused.body['detail'], /SALES-E\/TRAVEL\/2026-11/);
      assert.equal((await document(d['id']))['status'], 'draft');
    });

    it('two claims racing for the last of a blocking budget: one gets it, the other is refused', async () => {
      const budget = await created('admin', '/api/v1/budgets', {
        departmentCode: 'SALES-E',
        categoryCode: 'TAXI',
        period: '2026-12',
        amount: { amount: '100.00', currency: 'CNY' },
        control: 'block',
      });
      const drafts = await Promise.all(
        [1, 2].map(() =>
          created(
            'zhang',
            '/api/v1/expense-claims',
            claim(
              [{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-12-01', amount: '60.00' }],
              { claimedOn: '2026-12-01' },
            ),
          ),
        ),
      );
      const results = await Promise.all(
        drafts.map((d) => as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`)),
      );
      assert.deepEqual(
        results.map((r) => r.status).sort(),
        [200, 422],
        JSON.stringify(results.map((r) => r.body)),
      );
      const after = (
        await as('zhao', 'GET', '/api/v1/budgets?departmentCode=SALES-E&categoryCode=TAXI&period=2026-12')
      ).body;
      assert.deepEqual(
        [after['items'][0].id, after['items'][0].occupied, after['items'][0].available],
        [budget['id'], '60.00', '40.00'],
      );
    });

    it('larger claims go manager → finance; the general manager above 50,000; skipped steps are recorded', async () => {
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([
          { categoryCode: 'ENTERTAIN', description: '客户招待', occurredOn: '2026-11-23', amount: '6000.50' },
        ]),
      );
      const submitted = await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const tasks = (await as('admin', 'GET', `/api/v1/expense-documents/${d['id']}/approval-tasks`)).body[
        'items'
      ] as Body[];
      assert.deepEqual(
        tasks.map((x) => [x['stepId'], x['assignee'], x['status']]),
        [
          ['manager', 'E010', 'pending'],
          ['finance', 'E003', 'waiting'],
        ],
      );
      await approveAll(d['id'], ['chen', 'zhao']);
      assert.ok(['approved', 'posted'].includes((await document(d['id']))['status']));
    });

    it('a closed period refuses submission', async () => {
      const closed = await as('admin', 'PUT', '/api/v1/periods/2026-10', { status: 'closed' });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-10-15', amount: '30.00' }], {
          claimedOn: '2026-10-16',
        }),
      );
      const refused = await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      assert.equal(refused.body['code'], 'period_closed');
      await as('admin', 'PUT', '/api/v1/periods/2026-10', { status: 'open' });
    });

    it('audit rules: a blocking rule stops the claim; warnings become risk tags', async () => {
      const original = (await as('admin', 'GET', '/api/v1/rules/audit')).body['body'];
      const saved = await as('admin', 'POST', '/api/v1/rules/audit', {
        body: {
          ...original,
          rules: {
            duplicate_invoice: 'block',
            split_claim: 'warn',
            per_diem: 'warn',
            weekend_holiday: 'warn',
            round_amount: 'block',
            invoice_after_trip: 'warn',
            over_request: 'warn',
          },
          perDiem: {
            cityTiers: { '1': ['上海'] },
            defaultTier: '3',
            standards: [{ grades: ['P5'], tier: '1', hotelPerNight: '500.00', mealsPerDay: '100.00' }],
            hotelCategories: ['HOTEL'],
            mealCategories: ['MEAL'],
          },
        },
        note: '整百金额禁止',
      });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      const round = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '包车', occurredOn: '2026-11-24', amount: '2000.00' }]),
      );
      const blocked = await as('zhang', 'POST', `/api/v1/expense-claims/${round['id']}/submit`);
      assert.equal(blocked.body['code'], 'audit_rule_blocked');
      assert.equal(blocked.body['errors'][0].pointer, '/lines/0/amount');
      const inv = await invoice(hotelInvoice('2000.00', '120.00', '2120.00', '2026-11-25'));
      const warned = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([
          {
            categoryCode: 'HOTEL',
            description: '住宿 2 晚',
            occurredOn: '2026-11-21',
            amount: '2120.00',
            invoiceIds: [inv['id']],
            city: '上海市',
            nights: 2,
            tripEndOn: '2026-11-22',
          },
        ]),
      );
      const submitted = await as('zhang', 'POST', `/api/v1/expense-claims/${warned['id']}/submit`);
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const rules = (submitted.body['riskTags'] as Body[]).map((r) => r['rule']).sort();
      assert.deepEqual(rules, ['invoice_after_trip', 'per_diem', 'weekend_holiday']);
      const tagged = await as('zhao', 'GET', '/api/v1/expense-claims?riskTag=per_diem');
      assert.deepEqual(
        tagged.body['items'].map((c: Body) => c['id']),
        [warned['id']],
      );
      const task = await pendingTask('chen', warned['id']);
      assert.equal(task['document'].riskTags.length, 3, 'the approver sees the risk tags');
      const restored = await as('admin', 'POST', '/api/v1/rules/audit', {
        body: original,
        note: 'back to the defaults',
      });
      assert.equal(restored.body['version'], Number(saved.body['version']) + 1);
    });

    it('requests are drawn down by claims; a claim owed to a supplier credits 应付账款; wrong-state actions are refused', async () => {
      const request = await created('zhang', '/api/v1/expense-requests', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '12月深圳展会差旅申请',
        currency: 'CNY',
        requestedOn: '2026-11-24',
        lines: [
          {
            categoryCode: 'TRAVEL',
            description: '往返机票与住宿',
            occurredOn: '2026-12-03',
            amount: '3000.00',
          },
        ],
      });
      const early = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-24', amount: '12.00' }], {
          requestId: request['id'],
        }),
      );
      const unusable = await as('zhang', 'POST', `/api/v1/expense-claims/${early['id']}/submit`);
      assert.equal(unusable.body['code'], 'request_not_usable');
      assert.equal(unusable.body['errors'][0].pointer, '/requestId');
      await as('zhang', 'POST', `/api/v1/expense-requests/${request['id']}/submit`);
      await approveAll(request['id'], ['chen']);
      assert.equal(
        (await as('zhang', 'GET', `/api/v1/expense-requests/${request['id']}`)).body['status'],
        'approved',
        'a request ends at approved: nothing to post',
      );
      const over = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim(
          [
            {
              categoryCode: 'TAXI',
              description: '展会期间交通',
              occurredOn: '2026-11-24',
              amount: '3210.00',
            },
          ],
          { requestId: request['id'] },
        ),
      );
      const submitted = await as('zhang', 'POST', `/api/v1/expense-claims/${over['id']}/submit`);
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.ok((submitted.body['riskTags'] as Body[]).some((t) => t['rule'] === 'over_request'));

      const toSupplier = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim(
          [{ categoryCode: 'TAXI', description: '包车（对公）', occurredOn: '2026-11-24', amount: '456.00' }],
          { supplierCode: 'S0001' },
        ),
      );
      const preview = await as('zhang', 'GET', `/api/v1/expense-claims/${toSupplier['id']}/voucher`);
      const credit = (preview.body['voucher'].lines as Body[]).find((l) => l['credit'] !== undefined);
      assert.deepEqual([credit?.['accountCode'], credit?.['aux']], ['2202', { supplier: 'S0001' }]);
      const badSupplier = await as(
        'zhang',
        'POST',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: 'x', occurredOn: '2026-11-24', amount: '1.00' }], {
          supplierCode: 'NOPE',
        }),
      );
      assert.equal(badSupplier.body['errors'][0].pointer, '/supplierCode');

      // every action from a state it does not start from is refused, and changes nothing
      const refused = [
        ['withdraw', toSupplier['id'], {}],
        ['pay', toSupplier['id'], { paidOn: '2026-11-30' }],
        ['reverse', toSupplier['id'], { reason: 'x' }],
        ['submit', over['id'], undefined],
      ] as const;
      for (const [action, id, body] of refused) {
        const res = await as('zhao', 'POST', `/api/v1/expense-claims/${id}/${action}`, body);
        assert.equal(res.status, 409, `${action}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body['code'], 'document_state_invalid');
      }
      assert.equal((await document(toSupplier['id']))['status'], 'draft');
      assert.equal((await document(over['id']))['status'], 'approving');
    });

    it('delegation: a dated delegation routes new tasks to the delegate, and a task can be handed on', async () => {
      const delegated = await as('chen', 'POST', '/api/v1/delegations', {
        delegateCode: 'E009',
        fromOn: '2026-11-01',
        toOn: '2026-12-31',
        reason: '休假',
      });
      assert.equal(delegated.status, 201, JSON.stringify(delegated.body));
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-24', amount: '45.00' }]),
      );
      await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      const task = await pendingTask('feng', d['id']);
      assert.equal(task['delegatedFrom'], 'E010');
      const handed = await as('feng', 'POST', `/api/v1/approval-tasks/${task['id']}/delegate`, {
        to: 'E001',
        comment: '请总经理审批',
      });
      assert.equal(handed.body['assignee'], 'E001');
      await approveAll(d['id'], ['wang']);
    });

    it('advances: paid out by voucher, offset by a claim, the rest repaid', async () => {
      const advance = await created('zhang', '/api/v1/advances', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '广州出差借款',
        currency: 'CNY',
        amount: '3000.00',
        requestedOn: '2026-11-24',
      });
      await as('zhang', 'POST', `/api/v1/advances/${advance['id']}/submit`);
      await approveAll(advance['id'], ['feng']);
      await until('advance posted', async () =>
        (await as('admin', 'GET', `/api/v1/advances/${advance['id']}`)).body['status'] === 'posted'
          ? true
          : undefined,
      );
      const c = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-25', amount: '1200.00' }], {
          advanceIds: [advance['id']],
        }),
      );
      const submitted = await as('zhang', 'POST', `/api/v1/expense-claims/${c['id']}/submit`);
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const offsetNow = (await as('admin', 'GET', `/api/v1/advances/${advance['id']}`)).body['advance'];
      assert.deepEqual(offsetNow, { offset: '1200.00', repaid: '0.00', outstanding: '1800.00' });
      const preview = await as('zhang', 'GET', `/api/v1/expense-claims/${c['id']}/voucher`);
      assert.deepEqual(
        (preview.body['voucher'].lines as Body[])
          .filter((l) => l['credit'] !== undefined)
          .map((l) => [l['accountCode'], l['credit']]),
        [['122101', '1200.00']],
      );
      const tooMuch = await as('zhao', 'POST', `/api/v1/advances/${advance['id']}/repayments`, {
        amount: '1800.01',
        repaidOn: '2026-11-30',
      });
      assert.equal(tooMuch.body['code'], 'advance_not_usable');
      const repaid = await as('zhao', 'POST', `/api/v1/advances/${advance['id']}/repayments`, {
        amount: '1800.00',
        repaidOn: '2026-11-30',
      });
      assert.equal(repaid.body['advance'].outstanding, '0.00');
    });

    it('an external step: a signed callout, and a signed callback that accepts (a forged one is refused)', async () => {
      let secret = '';
      const received: Body[] = [];
      const server: Server = createServer((req, res) => {
        let raw = '';
        req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        req.on('end', () => {
          received.push({ body: JSON.parse(raw) as Body, signature: req.headers['finbridge-signature'] });
          res.writeHead(202).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      try {
        const approver = await created('admin', '/api/v1/external-approvers', {
          code: 'BUDGET-SYS',
          name: '预算系统',
          url: `http://127.0.0.1:${port}/approve`,
        });
        secret = approver['secret'];
        const policy = (await as('admin', 'GET', '/api/v1/rules/approval')).body['body'];
        const saved = await as('admin', 'POST', '/api/v1/rules/approval', {
          body: {
            ...policy,
            steps: [
              ...policy.steps,
              {
                id: 'budget_system',
                nameZh: '预算系统',
                nameEn: 'Budget system',
                when: { categories: ['ADS'] },
                approvers: { kind: 'external', approver: 'BUDGET-SYS' },
              },
            ],
          },
        });
        assert.equal(saved.status, 201, JSON.stringify(saved.body));
        const d = await created(
          'zhang',
          '/api/v1/expense-claims',
          claim([
            { categoryCode: 'ADS', description: '展会物料', occurredOn: '2026-11-24', amount: '880.00' },
          ]),
        );
        await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
        await approveAll(d['id'], ['feng']); // E010 delegated to E009 in the delegation test
        const { security } = t.running.context;
        await runApprovalHousekeeping(t.database, { keyring: security.keyring, clock: t.clock });
        assert.equal(received.length, 1);
        const callout = received[0] as Body;
        assert.match(String(callout['signature']), /^t=\d+,v1=[0-9a-f]{64}$/);
        const callback = callout['body'].callback as string;
        const forged = await t.request({
          method: 'POST',
          url: callback,
          headers: {
            'content-type': 'application/json',
            'finbridge-signature': signWebhook('wrong', '{"decision":"accept"}', t.clock),
          },
          payload: '{"decision":"accept"}',
        });
        assert.equal(forged.statusCode, 401, forged.body);
        const body = JSON.stringify({ decision: 'accept', comment: '预算充足' });
        const accepted = await t.request({
          method: 'POST',
          url: callback,
          headers: {
            'content-type': 'application/json',
            'finbridge-signature': signWebhook(secret, body, t.clock),
          },
          payload: body,
        });
        assert.equal(accepted.statusCode, 200, accepted.body);
        assert.ok(['approved', 'posted'].includes(accepted.json<Body>()['document'].status));
        const replayed = await t.request({
          method: 'POST',
          url: callback,
          headers: {
            'content-type': 'application/json',
            'finbridge-signature': signWebhook(secret, body, t.clock),
          },
          payload: body,
        });
        assert.equal(replayed.statusCode, 409);
        await as('admin', 'POST', '/api/v1/rules/approval', {
          body: policy,
          note: 'without the external step',
        });
      } finally {
        server.close();
      }
    });

    it('reminds an approver once the SLA has passed, and not twice for the same lapse', async () => {
      const d = await created(
        'zhang',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-24', amount: '66.00' }]),
      );
      await as('zhang', 'POST', `/api/v1/expense-claims/${d['id']}/submit`);
      const { security } = t.running.context;
      const later = fixedClock(new Date(t.clock.now().getTime() + 25 * 3_600_000).toISOString());
      const first = await runApprovalHousekeeping(t.database, { keyring: security.keyring, clock: later });
      assert.ok(first.reminders >= 1);
      const second = await runApprovalHousekeeping(t.database, { keyring: security.keyring, clock: later });
      assert.equal(second.reminders, 0);
      const notes = await as('feng', 'GET', '/api/v1/notifications');
      assert.ok(
        notes.body['items'].some((n: Body) => n['kind'] === 'task_reminder'),
        JSON.stringify(notes.body),
      );
    });

    it('an employee cannot file a claim for someone else, nor list other people’s claims', async () => {
      const other = await as(
        'zhang',
        'POST',
        '/api/v1/expense-claims',
        claim([{ categoryCode: 'TAXI', description: 'x', occurredOn: '2026-11-24', amount: '1.00' }], {
          employeeCode: 'E012',
        }),
      );
      assert.equal(other.status, 403);
      assert.equal(other.body['code'], 'document_not_yours');
      const mine = await as('chu', 'GET', '/api/v1/expense-claims');
      assert.ok(mine.body['items'].every((c: Body) => c['employeeCode'] === 'E012'));
    });
  });
}
