import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { seedDemo } from '../src/demo/seed.ts';

/**
 * Bank statements end to end, on both engines: accounts; camt.053 (.001.02 and an overlapping .001.08),
 * MT940 and a GBK CSV imported, the same file twice adding nothing, a bad file refused by line and
 * field; the book side from a claim paid with …/pay, a Payment the ERP posted and the cashier's
 * entries; automatic matching one to one, many to one and one to many with lines left open; manual
 * unmatch and match in the audit log; and November's reconciliation statement, balanced.
 *
 * The November story of account ICBC-01 (31001234560000001), opened 1 November with 100,000.00:
 *   bank: +50,000 云帆 · −1,500 华讯 · −25 fee · +8,000 星辰 · −3,000 batch (1,000+1,200+800)
 *         · −600 and −400 华通 (one payment split) · −1,234.50 张三 (a claim) · +0.35 interest
 *   book: the same, without the fee and the interest, plus −5,000 paid 29 Nov and +2,000 received
 *         30 Nov that the bank has not seen yet.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/bank/${name}`, import.meta.url));
const base64 = (bytes: Buffer) => bytes.toString('base64');
const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;

for (const engine of ENGINES) {
  describe(`bank statements on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let admin: Record<string, string>;
    let connectionId: string;
    const users = new Map<string, { cookie: string; csrf: string }>();

    const as = async (
      who: string,
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      payload?: unknown,
    ) => {
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
    const ok = async (
      who: string,
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      payload?: unknown,
    ) => {
      const res = await as(who, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    };
    const cashier = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
      as('zhao', method, url, payload);
    const lines = async (query: string) =>
      (await ok('zhao', 'GET', `/api/v1/bank-statements/lines?limit=500&${query}`))['items'] as Body[];
    const entries = async (query: string) =>
      (await ok('zhao', 'GET', `/api/v1/bank-statements/book-entries?limit=500&${query}`))['items'] as Body[];
    const entry = (account: string, date: string, amount: string, direction: 'in' | 'out', more: Body = {}) =>
      ok('zhao', 'POST', '/api/v1/bank-statements/book-entries', {
        account,
        date,
        amount,
        direction,
        ...more,
      });

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 23 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', [
        'connections:admin',
        'claims:read',
        'vouchers:read',
        'vouchers:write',
        'audit:read',
      ]);
      const connection = await as('admin', 'POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      assert.equal(connection.status, 201, JSON.stringify(connection.body));
      connectionId = String(connection.body['id']);
      for (const [name, code, roles] of [
        ['zhang', 'E011', ['employee']],
        ['chen', 'E010', ['approver']],
        ['zhao', 'E003', ['finance']],
        ['audit', 'E002', ['auditor']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles, code));
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('registers the company’s bank accounts for finance staff only, and refuses a second account with one number', async () => {
      const denied = await as('zhang', 'POST', '/api/v1/bank-statements/accounts', {});
      assert.equal(denied.status, 403);
      const icbc = await ok('zhao', 'POST', '/api/v1/bank-statements/accounts', {
        code: 'ICBC-01',
        accountNumber: '3100 1234 5600 0000 1',
        name: '演示科技有限公司',
        bankName: '中国工商银行上海分行',
        currency: 'CNY',
        openedOn: '2026-11-01',
        openingBalance: '100000.00',
        default: true,
      });
      assert.equal(icbc['accountNumber'], '31001234560000001');
      assert.equal(icbc['default'], true);
      for (const [code, number, openedOn, opening] of [
        ['CMB-01', '755912345610001', '2026-11-01', '200000.00'],
        ['CCB-01', '44050100000000012345', '2026-10-01', '50000.00'],
      ] as const)
        await ok('zhao', 'POST', '/api/v1/bank-statements/accounts', {
          code,
          accountNumber: number,
          name: '演示科技有限公司',
          currency: 'CNY',
          openedOn,
          openingBalance: opening,
        });
      const again = await cashier('POST', '/api/v1/bank-statements/accounts', {
        code: 'ICBC-02',
        accountNumber: '31001234560000001',
        name: 'x',
        currency: 'CNY',
        openedOn: '2026-11-01',
        openingBalance: '0.00',
      });
      assert.equal(again.status, 409);
      assert.equal(again.body['code'], 'already_exists');
      const listed = (await ok('audit', 'GET', '/api/v1/bank-statements/accounts'))['items'] as Body[];
      assert.deepEqual(
        listed.map((a) => a['code']),
        ['CCB-01', 'CMB-01', 'ICBC-01'],
      );
    });

    it('imports camt.053 .001.02 and an overlapping .001.08 once each: the shared line is stored once, the same file again adds nothing and says so', async () => {
      const first = await cashier('POST', '/api/v1/bank-statements', {
        content: base64(fixture('camt053-v02.xml')),
        fileName: 'camt053-v02.xml',
      });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body['format'], 'camt.053.001.02');
      assert.equal(first.body['alreadyImported'], false);
      assert.deepEqual([first.body['lines'], first.body['newLines']], [4, 4]);
      assert.equal(first.body['statements'][0]['accountCode'], 'ICBC-01', 'the file names the account');
      assert.equal(first.body['statements'][0]['closingBalance'], '156475.00');

      const second = await cashier('POST', '/api/v1/bank-statements', {
        content: base64(fixture('camt053-v08.xml')),
        account: 'ICBC-01',
      });
      assert.equal(second.status, 201);
      assert.equal(second.body['format'], 'camt.053.001.08');
      assert.deepEqual(
        [second.body['lines'], second.body['newLines']],
        [6, 5],
        '8 November’s entry was there',
      );

      const twice = await cashier('POST', '/api/v1/bank-statements', {
        content: base64(fixture('camt053-v08.xml')),
        fileName: 'again.xml',
      });
      assert.equal(twice.status, 200);
      assert.equal(twice.body['alreadyImported'], true);
      assert.equal(twice.body['id'], second.body['id']);
      assert.equal(twice.body['newLines'], 0);

      const all = await lines('account=ICBC-01');
      assert.equal(all.length, 9);
      const batch = all.find((l) => l['amount'] === '3000.00')!;
      assert.equal(batch['bankReference'], 'ICBC20261112000005');
      assert.equal(batch['direction'], 'out');
    });

    it('imports MT940 and a GBK CSV (its layout found by its headers), and refuses a file for another account', async () => {
      const mt940 = await ok('zhao', 'POST', '/api/v1/bank-statements', {
        content: base64(fixture('mt940-cmb.sta')),
      });
      assert.equal(mt940['format'], 'mt940');
      assert.deepEqual(
        mt940['statements'].map((s: Body) => [s['accountCode'], s['lines']]),
        [
          ['CMB-01', 2],
          ['CMB-01', 2],
        ],
      );
      const wrong = await cashier('POST', '/api/v1/bank-statements', {
        content: base64(fixture('ccb-gbk.csv')),
        account: 'ICBC-01',
      });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body['code'], 'bank_account_mismatch');
      const csv = await ok('zhao', 'POST', '/api/v1/bank-statements', {
        content: base64(fixture('ccb-gbk.csv')),
        account: 'CCB-01',
        fileName: '建行明细.csv',
      });
      assert.deepEqual([csv['format'], csv['layout'], csv['newLines']], ['csv', 'ccb', 4]);
      assert.equal(csv['statements'][0]['closingBalance'], '59980.00');
      const ccb = await lines('account=CCB-01&direction=in');
      assert.deepEqual(
        ccb.map((l) => [l['bookedOn'], l['amount'], l['counterpartyName'], l['balance']]),
        [['2026-11-04', '30000.00', '上海云帆贸易有限公司', '80000.00']],
      );
    });

    it('refuses a file with a wrong line, naming the line and the column, and imports none of it', async () => {
      const before = (await ok('zhao', 'GET', '/api/v1/bank-statements'))['items'].length;
      const text = iconv.decode(fixture('ccb-gbk.csv'), 'gbk').replace('"20,000.00"', '"2O,000.00"');
      const bad = await t.request({
        method: 'POST',
        url: '/api/v1/bank-statements',
        headers: { ...admin, ...(await t.bearer('DEMO', ['bank:write'])), 'accept-language': 'en-US' },
        payload: { content: base64(iconv.encode(text, 'gbk')), account: 'CCB-01' },
      });
      assert.equal(bad.statusCode, 422);
      const problem = bad.json<Body>();
      assert.equal(problem['code'], 'bank_file_invalid');
      assert.match(problem['detail'], /line 6, 借方发生额\(支取\)/);
      assert.deepEqual(
        problem['errors'].map((e: Body) => [e['code'], e['pointer']]),
        [['bank_line_invalid', '/content']],
      );
      assert.match(
        problem['errors'][0]['message'],
        /Line 6, 借方发生额\(支取\): "2O,000.00" is not an amount/,
      );
      assert.equal((await ok('zhao', 'GET', '/api/v1/bank-statements'))['items'].length, before);
      const unknown = await cashier('POST', '/api/v1/bank-statements', {
        content: base64(Buffer.from('日期,金额\n2026-11-01,1\n')),
        account: 'CCB-01',
        layout: 'icbc',
      });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body['code'], 'bank_layout_unknown');
    });

    it('brings a claim paid with …/pay and a Payment the ERP posted onto the book of the default account', async () => {
      const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '客户拜访交通',
        currency: 'CNY',
        claimedOn: '2026-11-24',
        lines: [
          { categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-20', amount: '1000.00' },
          { categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-21', amount: '234.50' },
        ],
      });
      await ok('zhang', 'POST', `/api/v1/expense-claims/${draft['id']}/submit`);
      const tasks = (await ok('chen', 'GET', '/api/v1/approval-tasks'))['items'] as Body[];
      const task = tasks.find((x) => x['documentId'] === draft['id']);
      assert.ok(task, 'the manager has the task');
      await ok('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, {});
      await until('claim posted', async () => {
        const d = await ok('admin', 'GET', `/api/v1/expense-claims/${draft['id']}`);
        return d['status'] === 'posted' ? d : undefined;
      });
      await ok('zhao', 'POST', `/api/v1/expense-claims/${draft['id']}/pay`, {
        paidOn: '2026-11-25',
        reference: 'B2026112501',
      });
      const payment = await as('admin', 'POST', '/api/v1/payments', {
        connectionId,
        documentId: 'FK-2026-0007',
        payment: {
          number: 'FK-2026-0007',
          payeeKind: 'supplier',
          payeeCode: 'S0003',
          amount: { amount: '1000.00', currency: 'CNY' },
          paidOn: '2026-11-19',
          method: 'bank_transfer',
          memo: '货款',
        },
      });
      assert.equal(payment.status, 202, JSON.stringify(payment.body));
      const book = await until('the posted payment is on the book', async () => {
        const found = await entries('account=ICBC-01');
        return found.some((e) => e['source'] === 'payment') ? found : undefined;
      });
      const paid = book.find((e) => e['source'] === 'expense');
      assert.deepEqual(
        [
          paid?.['date'],
          paid?.['amount'],
          paid?.['direction'],
          paid?.['counterpartyName'],
          paid?.['reference'],
        ],
        ['2026-11-25', '1234.50', 'out', '张三', 'B2026112501'],
      );
      const posted = book.find((e) => e['source'] === 'payment');
      assert.deepEqual(
        [posted?.['date'], posted?.['amount'], posted?.['counterpartyName'], posted?.['counterpartyAccount']],
        ['2026-11-19', '1000.00', '深圳华通信息技术有限公司', '750000000000000003'],
      );
    });

    it('matches one to one, many to one and one to many with scores and reasons, and leaves the fee and the interest open', async () => {
      await entry('ICBC-01', '2026-11-03', '50000.00', 'in', {
        counterpartyName: '上海云帆贸易有限公司',
        reference: 'INV-2026-0088',
      });
      await entry('ICBC-01', '2026-11-05', '1500.00', 'out', {
        counterpartyName: '华讯网络',
        counterpartyAccount: '442012345678',
      });
      await entry('ICBC-01', '2026-11-08', '8000.00', 'in', {
        counterpartyName: '北京星辰科技有限公司',
        description: '技术服务费',
      });
      for (const [amount, reference, name] of [
        ['1000.00', 'BX-2026-000101', '褚明'],
        ['1200.00', 'BX-2026-000102', '卫芳'],
        ['800.00', 'BX-2026-000103', '蒋磊'],
      ] as const)
        await entry('ICBC-01', '2026-11-12', amount, 'out', { counterpartyName: name, reference });
      await entry('ICBC-01', '2026-11-29', '5000.00', 'out', {
        counterpartyName: '上海云杉办公用品有限公司',
        reference: 'FK-2026-0012',
      });
      await entry('ICBC-01', '2026-11-30', '2000.00', 'in', { counterpartyName: '杭州青禾会务服务有限公司' });
      const early = await cashier('POST', '/api/v1/bank-statements/book-entries', {
        account: 'ICBC-01',
        date: '2026-10-31',
        amount: '1.00',
        direction: 'in',
      });
      assert.equal(early.status, 422);
      assert.equal(early.body['code'], 'bank_before_opening');

      const result = await ok('zhao', 'POST', '/api/v1/bank-statements/matches:auto', { account: 'ICBC-01' });
      assert.deepEqual(result['shapes'], { oneToOne: 4, manyToOne: 1, oneToMany: 1 });
      assert.deepEqual([result['openLines'], result['openEntries']], [2, 2]);
      const open = await lines('account=ICBC-01&status=open');
      assert.deepEqual(
        open.map((l) => [l['amount'], l['memo']]),
        [
          ['25.00', '对公跨行汇款手续费'],
          ['0.35', '活期利息'],
        ],
        'nothing forced onto the fee and the interest',
      );
      const matches = (await ok('audit', 'GET', '/api/v1/bank-statements/matches?account=ICBC-01'))[
        'items'
      ] as Body[];
      const byShape = (shape: string) => matches.filter((m) => m['shape'] === shape);
      const batch = byShape('many_to_one')[0]!;
      assert.deepEqual(batch['entries'].map((e: Body) => e['amount']).sort(), [
        '1000.00',
        '1200.00',
        '800.00',
      ]);
      assert.ok(batch['reasons'].some((r: Body) => r['code'] === 'group_reference'));
      const split = byShape('one_to_many')[0]!;
      assert.deepEqual(split['lines'].map((l: Body) => l['amount']).sort(), ['400.00', '600.00']);
      assert.equal(split['entries'][0]['source'], 'payment');
      const claim = byShape('one_to_one').find((m) => m['entries'][0]['source'] === 'expense');
      assert.ok(claim);
      assert.deepEqual(
        claim['reasons'].map((r: Body) => r['code']),
        ['amount', 'date', 'counterparty_name', 'reference'],
      );
      assert.equal(claim['score'], 100);
      const huaxun = byShape('one_to_one').find((m) => m['lines'][0]['amount'] === '1500.00');
      assert.deepEqual(
        huaxun?.['reasons'].map((r: Body) => [r['code'], r['points'], r['match'] ?? null]),
        [
          ['amount', 40, null],
          ['date', 20, null],
          ['counterparty_account', 25, null],
          ['counterparty_name', 10, 'contains'],
        ],
      );
    });

    it('records manual unmatch and match in the audit log, never re-pairs what was unmatched, and refuses a taken or unbalanced match', async () => {
      const matches = (await ok('zhao', 'GET', '/api/v1/bank-statements/matches?account=ICBC-01'))[
        'items'
      ] as Body[];
      const star = matches.find((m) => m['lines'][0]['amount'] === '8000.00');
      assert.ok(star);
      const undone = await ok('zhao', 'DELETE', `/api/v1/bank-statements/matches/${star['id']}`);
      assert.equal(undone['lines'][0]['matchId'], null);
      const again = await ok('zhao', 'POST', '/api/v1/bank-statements/matches:auto', { account: 'ICBC-01' });
      assert.equal(again['matches'], 0, 'the pair someone unmatched stays apart');
      const lineId = star['lines'][0]['id'];
      const entryId = star['entries'][0]['id'];
      const fee = (await lines('account=ICBC-01&status=open')).find((l) => l['amount'] === '25.00');
      const mixed = await cashier('POST', '/api/v1/bank-statements/matches', {
        lineIds: [fee?.['id']],
        entryIds: [entryId],
      });
      assert.equal(mixed.status, 422);
      assert.equal(mixed.body['code'], 'bank_match_mixed', 'money out against money in');
      const later = (await entries('account=ICBC-01&status=open')).find((e) => e['amount'] === '5000.00');
      const differ = await cashier('POST', '/api/v1/bank-statements/matches', {
        lineIds: [fee?.['id']],
        entryIds: [later?.['id']],
      });
      assert.equal(differ.status, 422);
      assert.equal(differ.body['code'], 'bank_match_unbalanced');
      assert.match(differ.body['detail'], /25\.00.*5000\.00/);
      const manual = await cashier('POST', '/api/v1/bank-statements/matches', {
        lineIds: [lineId],
        entryIds: [entryId],
        note: '星辰科技的服务费，已核对',
      });
      assert.equal(manual.status, 201, JSON.stringify(manual.body));
      assert.equal(manual.body['kind'], 'manual');
      const taken = await cashier('POST', '/api/v1/bank-statements/matches', {
        lineIds: [lineId],
        entryIds: [entryId],
      });
      assert.equal(taken.status, 409);
      assert.equal(taken.body['code'], 'bank_item_matched');
      const log = (await ok('admin', 'GET', '/api/v1/audit-log?entityType=BankMatch'))['items'] as Body[];
      assert.deepEqual(
        log.map((e) => [e['action'], e['actor'].startsWith('user:')]),
        [
          ['match', true],
          ['unmatch', true],
        ],
      );
      assert.deepEqual(log[0]!['after']['lineIds'], [lineId]);
      assert.deepEqual(log[1]!['before']['entryIds'], [entryId]);
    });

    it('draws November’s reconciliation statement (银行存款余额调节表): the adjusted balances agree', async () => {
      const statement = await ok(
        'audit',
        'GET',
        '/api/v1/bank-statements/reconciliation?account=ICBC-01&period=2026-11',
      );
      assert.deepEqual(
        {
          bank: statement['bank']['balance'],
          book: statement['book']['balance'],
          bankReceived: statement['bankReceivedNotInBook']['total'],
          bankPaid: statement['bankPaidNotInBook']['total'],
          bookReceived: statement['bookReceivedNotByBank']['total'],
          bookPaid: statement['bookPaidNotByBank']['total'],
          adjustedBook: statement['adjustedBookBalance'],
          adjustedBank: statement['adjustedBankBalance'],
          balanced: statement['balanced'],
          difference: statement['difference'],
        },
        {
          bank: '151240.85',
          book: '148265.50',
          bankReceived: '0.35',
          bankPaid: '25.00',
          bookReceived: '2000.00',
          bookPaid: '5000.00',
          adjustedBook: '148240.85',
          adjustedBank: '148240.85',
          balanced: true,
          difference: '0.00',
        },
      );
      assert.equal(statement['bank']['balanceOn'], '2026-11-30');
      assert.deepEqual(
        statement['bookPaidNotByBank']['items'].map((e: Body) => e['reference']),
        ['FK-2026-0012'],
      );
      const midMonth = await ok(
        'audit',
        'GET',
        '/api/v1/bank-statements/reconciliation?account=ICBC-01&from=2026-11-01&to=2026-11-10',
      );
      assert.equal(midMonth['bank']['balance'], '156475.00', 'the closing balance of the first statement');
      assert.equal(midMonth['balanced'], true);
      const unknown = await cashier(
        'GET',
        '/api/v1/bank-statements/reconciliation?account=CCB-01&period=2026-10',
      );
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body['code'], 'bank_balance_unknown');
    });

    it('imports from the command line: a file imported before adds nothing and says so', () => {
      const env = {
        ...process.env,
        DATABASE_URL: engine.urlOf(t.database),
        FINBRIDGE_MASTER_KEY: t.running.context.config.security.masterKey ?? '',
        LOG_LEVEL: 'warn',
      };
      const file = new URL('./fixtures/bank/mt940-cmb.sta', import.meta.url).pathname;
      const run = () =>
        spawnSync(
          process.execPath,
          [CLI, 'bank', 'import', file, '--tenant', 'DEMO', '--account', 'CMB-01'],
          {
            encoding: 'utf8',
            env,
            timeout: 60_000,
          },
        );
      const result = run();
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /already imported on .*nothing new was added/);
    });
  });
}
