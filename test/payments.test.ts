import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startKingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { connectorDefinition } from '../src/hub/connector-registry.ts';
import { CONNECTORS } from '../src/connectors/index.ts';
import { demoMasterData } from '../src/demo/erp.ts';
import { seedDemo } from '../src/demo/seed.ts';

/**
 * Payments end to end, on both engines: posted claims (one offset by an advance) made into a batch by
 * one finance user and approved by another (maker–checker); a payable refused in a second open batch;
 * the batch written as pain.001 and as each bank's GBK CSV; sent — the claims paid and each claim's
 * payment voucher (Dr 其他应付款 Cr 银行存款) posted in the ERP once; a bank result file refused whole
 * for one unknown reference, then read: one transfer paid, one returned (the claim payable again, its
 * payment voucher reversed in red, the money back on the book); a statement imported and matched
 * confirms the paid transfer. The chain runs against the Kingdee simulator and against SAP Business One.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;
const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });

const ERPS = [
  { name: 'Kingdee', type: 'kingdee-k3cloud' },
  { name: 'SAP Business One', type: 'sap-b1' },
] as const;

for (const engine of ENGINES)
  for (const erp of ERPS)
    describe(`payments on ${engine.engine} through ${erp.name}`, () => {
      let t: TestApp;
      let sim: { url: string; close(): Promise<void> };
      let admin: Record<string, string>;
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
        return { status: res.statusCode, body: res.json<Body>() };
      };
      const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
        const res = await as(who, method, url, payload);
        assert.ok(
          res.status >= 200 && res.status < 300,
          `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
        );
        return res.body;
      };
      const approveUntilDone = async (path: string, id: string) => {
        for (let round = 0; round < 6; round += 1) {
          const doc = await ok('admin', 'GET', `${path}/${id}`);
          if (doc['status'] !== 'approving' && doc['status'] !== 'submitted') return;
          for (const who of ['chen', 'feng', 'wang', 'li', 'zhao']) {
            const tasks = (await ok(who, 'GET', '/api/v1/approval-tasks'))['items'] as Body[];
            const task = tasks.find((x) => x['documentId'] === id);
            if (task !== undefined)
              await ok(who, 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, { comment: '同意' });
          }
        }
      };
      const posted = (path: string, id: string) =>
        until(`${id} posted`, async () => {
          const d = await ok('admin', 'GET', `${path}/${id}`);
          return d['status'] === 'posted' ? d : undefined;
        });
      const claim = async (amount: string, more: Body = {}) => {
        const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
          employeeCode: 'E011',
          departmentCode: 'SALES-E',
          title: '客户拜访交通',
          currency: 'CNY',
          claimedOn: today,
          lines: [{ categoryCode: 'TAXI', description: '打车', occurredOn: today, amount }],
          ...more,
        });
        await ok('zhang', 'POST', `/api/v1/expense-claims/${draft['id']}/submit`);
        await approveUntilDone('/api/v1/expense-claims', draft['id']);
        return posted('/api/v1/expense-claims', draft['id']);
      };
      const batch = (id: string) => ok('zhao', 'GET', `/api/v1/payment-batches/${id}`);

      let claims: Body[] = [];
      let advance: Body;
      let batchId: string;

      before(async () => {
        const master = demoMasterData();
        sim =
          erp.type === 'kingdee-k3cloud'
            ? await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 31 })
            : await connectorDefinition(erp.type).simulator.start({ master, now: () => new Date() });
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
          'master-data:write',
          'master-data:read',
        ]);
        const connection = await as(
          'admin',
          'POST',
          '/api/v1/connections',
          erp.type === 'kingdee-k3cloud'
            ? {
                name: '金蝶',
                type: erp.type,
                baseUrl: sim.url,
                settings: {
                  acctId: (sim as { acctId?: string }).acctId,
                  username: 'demo',
                  authKind: 'password',
                },
                credentials: { password: '888888' },
              }
            : {
                name: 'SAP B1',
                type: erp.type,
                baseUrl: sim.url,
                ...(sim as unknown as { connection: object }).connection,
              },
        );
        assert.equal(connection.status, 201, JSON.stringify(connection.body));
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
        advance = await ok('zhang', 'POST', '/api/v1/advances', {
          employeeCode: 'E011',
          departmentCode: 'SALES-E',
          title: '出差借款',
          currency: 'CNY',
          amount: '300.00',
          requestedOn: today,
        });
        await ok('zhang', 'POST', `/api/v1/advances/${advance['id']}/submit`);
        await approveUntilDone('/api/v1/advances', advance['id']);
        advance = await posted('/api/v1/advances', advance['id']);
        claims = [
          await claim('1234.50'),
          await claim('800.00', { advanceIds: [advance['id']] }),
          await claim('66.00'),
        ];
      });
      after(async () => {
        await t.close();
        await sim.close();
      });

      it('refuses a batch for a payee without a bank account, naming the claim', async () => {
        const refused = await as('zhao', 'POST', '/api/v1/payment-batches', {
          account: 'ICBC-01',
          payables: [claims[0]?.['id']],
        });
        assert.equal(refused.status, 422, JSON.stringify(refused.body));
        assert.equal(refused.body['errors'][0].code, 'payment_not_payable');
        assert.equal(refused.body['errors'][0].pointer, '/payables/0');
        const employees = (await ok('admin', 'GET', '/api/v1/employees?limit=200'))['items'] as Body[];
        const e011 = employees.find((e) => e['code'] === 'E011');
        await ok('admin', 'PATCH', `/api/v1/employees/${e011?.['id']}`, {
          bankAccount: '6222 0210 0000 0011',
        });
      });

      it('makes a batch of claims less their advance offsets; a payable in an open batch is refused again; the maker cannot approve', async () => {
        const payables = (await ok('zhao', 'GET', '/api/v1/payment-batches/payables?limit=200'))[
          'items'
        ] as Body[];
        const mine = claims.map((c) => payables.find((p) => p['id'] === c['id']));
        assert.deepEqual(
          mine.map((p) => [p?.['amount'], p?.['payeeAccount']]),
          [
            ['1234.50', '6222021000000011'],
            ['500.00', '6222021000000011'],
            ['66.00', '6222021000000011'],
          ],
        );
        const made = await ok('zhao', 'POST', '/api/v1/payment-batches', {
          account: 'ICBC-01',
          purpose: '报销款',
          payables: [claims[0]?.['id'], claims[1]?.['id'], advance['id']],
        });
        batchId = made['id'];
        assert.deepEqual([made['status'], made['lineCount'], made['total']], ['draft', 3, '2034.50']);
        const twice = await as('qian', 'POST', '/api/v1/payment-batches', {
          account: 'ICBC-01',
          payables: [claims[2]?.['id'], claims[0]?.['id']],
        });
        assert.equal(twice.status, 422, JSON.stringify(twice.body));
        assert.equal(twice.body['errors'][0].pointer, '/payables/1');
        assert.match(twice.body['errors'][0].message, new RegExp(made['number']));
        const direct = await as('zhao', 'POST', `/api/v1/expense-claims/${claims[0]?.['id']}/pay`, {
          paidOn: today,
        });
        assert.equal(direct.status, 422, 'a claim in an open batch is not paid directly');
        const early = await as('zhao', 'POST', `/api/v1/payment-batches/${batchId}/file`, {
          format: 'pain001',
        });
        assert.equal(early.status, 409);
        const self = await as('zhao', 'POST', `/api/v1/payment-batches/${batchId}/approve`, {});
        assert.equal(self.status, 403);
        assert.equal(self.body['code'], 'payment_maker_checker');
        const employee = await as('zhang', 'POST', `/api/v1/payment-batches/${batchId}/approve`, {});
        assert.equal(employee.status, 403);
        const approved = await ok('qian', 'POST', `/api/v1/payment-batches/${batchId}/approve`, {});
        assert.equal(approved['status'], 'approved');
      });

      it('writes the batch as pain.001.001.03 and as each bank’s GBK batch-transfer CSV', async () => {
        const file = await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/file`, {
          format: 'pain001',
        });
        const doc = xml.parse(Buffer.from(file['content'], 'base64').toString('utf8'));
        const root = doc.Document.CstmrCdtTrfInitn;
        assert.equal(doc.Document['@_xmlns'], 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
        const b = await batch(batchId);
        assert.deepEqual(
          [root.GrpHdr.MsgId, root.GrpHdr.NbOfTxs, root.GrpHdr.CtrlSum, root.PmtInf.DbtrAcct.Id.Othr.Id],
          [b['number'], '3', '2034.50', '31001234560000001'],
        );
        assert.match(root.GrpHdr.CreDtTm, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
        const txs = root.PmtInf.CdtTrfTxInf as Body[];
        assert.deepEqual(
          txs.map((x) => [
            x.PmtId.EndToEndId,
            x.Amt.InstdAmt['#text'],
            x.Amt.InstdAmt['@_Ccy'],
            x.Cdtr.Nm,
            x.CdtrAcct.Id.Othr.Id,
          ]),
          (b['lines'] as Body[]).map((l) => [
            l['endToEndId'],
            l['amount'],
            'CNY',
            '张三',
            '6222021000000011',
          ]),
        );
        for (const format of ['icbc', 'ccb', 'cmb', 'boc']) {
          const csv = await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/file`, { format });
          const text = iconv.decode(Buffer.from(csv['content'], 'base64'), 'gbk');
          const rows = text.trim().split('\r\n');
          assert.equal(rows.length, 4, `${format}: header and three transfers`);
          assert.match(rows[1] ?? '', /6222021000000011/);
          assert.match(rows[1] ?? '', /1234\.50/);
          assert.match(rows[1] ?? '', /张三/);
        }
        const unknown = await as('zhao', 'POST', `/api/v1/payment-batches/${batchId}/file`, {
          format: 'abc',
        });
        assert.equal(unknown.status, 422);
        assert.equal(unknown.body['code'], 'payment_layout_unknown');
        assert.equal((await batch(batchId))['status'], 'file_generated');
      });

      it('sends the batch: claims paid, each claim’s payment voucher posted in the ERP once (Dr 其他应付款, Cr 银行存款)', async () => {
        const sent = await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/send`, {});
        assert.equal(sent['status'], 'sent');
        const again = await as('zhao', 'POST', `/api/v1/payment-batches/${batchId}/send`, {});
        assert.equal(again.status, 409);
        for (const c of claims.slice(0, 2))
          assert.equal((await ok('admin', 'GET', `/api/v1/expense-claims/${c['id']}`))['status'], 'paid');
        assert.equal((await ok('admin', 'GET', `/api/v1/advances/${advance['id']}`))['status'], 'paid');
        const lines = await until('payment vouchers posted', async () => {
          const b = await batch(batchId);
          const claimLines = (b['lines'] as Body[]).filter((l) => l['payableKind'] === 'claim');
          return claimLines.every((l) => l['erpVoucherNumber'] !== null) ? (b['lines'] as Body[]) : undefined;
        });
        const advanceLine = lines.find((l) => l['payableKind'] === 'advance');
        assert.equal(advanceLine?.['postingId'], null, 'an advance’s own voucher already credited the bank');
        const { document } = await ok('admin', 'GET', `/api/v1/postings/${lines[0]?.['postingId']}/document`);
        assert.deepEqual(
          (document['lines'] as Body[]).map((l) => [
            l['accountCode'],
            l['debit'] ?? null,
            l['credit'] ?? null,
          ]),
          [
            ['224101', '1234.50', null],
            ['1002', null, '1234.50'],
          ],
        );
        const ours: Body[] = [];
        for (const l of lines)
          ours.push(
            ...((await ok('admin', 'GET', `/api/v1/postings?limit=50&documentId=${l['id']}`))[
              'items'
            ] as Body[]),
          );
        assert.equal(ours.length, 2, 'one payment voucher per claim line, none twice');
        assert.ok(ours.every((p) => p['status'] === 'posted'));
      });

      it('refuses a result file naming an unknown transfer, naming the line, and changes nothing', async () => {
        const b = await batch(batchId);
        const lines = b['lines'] as Body[];
        const csv = iconv.encode(
          `业务参考号,处理状态,失败原因\r\n${lines[0]?.['endToEndId']},成功,\r\nFK-NOPE-0001,成功,\r\n`,
          'gbk',
        );
        const refused = await as('zhao', 'POST', '/api/v1/payment-batches/results', { content: base64(csv) });
        assert.equal(refused.status, 422, JSON.stringify(refused.body));
        assert.equal(refused.body['code'], 'payment_file_unreadable');
        assert.match(refused.body['detail'] ?? refused.body['title'], /3/);
        const badStatus = iconv.encode(`业务参考号,处理状态\r\n${lines[0]?.['endToEndId']},也许\r\n`, 'gbk');
        const refused2 = await as('zhao', 'POST', '/api/v1/payment-batches/results', {
          content: base64(badStatus),
        });
        assert.equal(refused2.status, 422);
        assert.match(JSON.stringify(refused2.body), /处理状态|也许/);
        const layout = await as('zhao', 'POST', '/api/v1/payment-batches/results', {
          content: base64(Buffer.from([0x81, 0x30, 0xff, 0xfe, 0x00, 0x41])),
        });
        assert.equal(layout.status, 422);
        assert.deepEqual(
          ((await batch(batchId))['lines'] as Body[]).map((l) => l['status']),
          ['sent', 'sent', 'sent'],
        );
      });

      it('reads the bank’s pain.002: one transfer paid, one returned — the claim payable again and its payment voucher reversed in red', async () => {
        const lines = (await batch(batchId))['lines'] as Body[];
        const [first, second, third] = lines;
        const report = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>R1</MsgId><CreDtTm>${today}T10:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>${(await batch(batchId))['number']}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>x</OrgnlPmtInfId>
<TxInfAndSts><OrgnlEndToEndId>${first?.['endToEndId']}</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>${second?.['endToEndId']}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>账户已销户</AddtlInf></StsRsnInf></TxInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>${third?.['endToEndId']}</OrgnlEndToEndId><TxSts>ACSP</TxSts></TxInfAndSts>
</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`;
        const summary = await ok('zhao', 'POST', '/api/v1/payment-batches/results', {
          content: base64(report),
          batchId,
        });
        assert.deepEqual([summary['paid'], summary['returned'], summary['pending']], [1, 1, 1]);
        const b = await batch(batchId);
        assert.equal(b['status'], 'partly_returned');
        const returned = (b['lines'] as Body[])[1];
        assert.deepEqual([returned?.['status'], returned?.['returnReason']], ['returned', 'AC04 账户已销户']);
        const reopened = await ok('admin', 'GET', `/api/v1/expense-claims/${claims[1]?.['id']}`);
        assert.equal(reopened['status'], 'posted');
        const payables = (await ok('zhao', 'GET', '/api/v1/payment-batches/payables?limit=200'))[
          'items'
        ] as Body[];
        assert.ok(
          payables.some((p) => p['id'] === claims[1]?.['id']),
          'the returned claim is payable again',
        );
        await until('the red reversal posted', async () => {
          const l = ((await batch(batchId))['lines'] as Body[])[1];
          return l?.['erpReversalNumber'] !== null ? l : undefined;
        });
        const again = await ok('zhao', 'POST', '/api/v1/payment-batches', {
          account: 'ICBC-01',
          payables: [claims[1]?.['id']],
        });
        assert.equal(again['total'], '500.00');
      });

      it('an imported and matched bank statement confirms the transfers it shows; the book has the return', async () => {
        const b = await batch(batchId);
        const [first, second] = b['lines'] as Body[];
        const third = (b['lines'] as Body[])[2];
        // the bank books the transfers on the day they were made: the app's (test) clock, not the real date
        const booked = t.clock.now().toISOString().slice(0, 10);
        const statement = iconv.encode(
          [
            '交易日期,借方发生额,贷方发生额,对方户名,对方账号,摘要,业务参考号',
            `${booked},1234.50,,张三,6222021000000011,报销款,${first?.['endToEndId']}`,
            `${booked},500.00,,张三,6222021000000011,报销款,${second?.['endToEndId']}`,
            `${booked},,500.00,张三,6222021000000011,退票,${second?.['endToEndId']}`,
            `${booked},300.00,,张三,6222021000000011,借款,${third?.['endToEndId']}`,
          ].join('\r\n'),
          'gbk',
        );
        await ok('zhao', 'POST', '/api/v1/bank-statements', {
          content: base64(statement),
          account: 'ICBC-01',
          layout: 'generic',
          fileName: 'stmt.csv',
        });
        await ok('zhao', 'POST', '/api/v1/bank-statements/matches:auto', { account: 'ICBC-01' });
        const entries = (
          await ok('zhao', 'GET', '/api/v1/bank-statements/book-entries?limit=500&account=ICBC-01')
        )['items'] as Body[];
        const ofLine = (id: string) =>
          entries.filter((e) => e['sourceId'] === id).map((e) => [e['source'], e['direction'], e['amount']]);
        assert.deepEqual(
          ofLine(second?.['id']).sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
          [
            ['expense_return', 'in', '500.00'],
            ['expense', 'out', '500.00'],
          ],
        );
        const summary = await ok('zhao', 'POST', '/api/v1/payment-batches/confirm-from-bank', { batchId });
        assert.equal(summary['paid'], 1, JSON.stringify(summary));
        const after = await batch(batchId);
        const lines = after['lines'] as Body[];
        assert.deepEqual(
          lines.map((l) => l['status']),
          ['paid', 'returned', 'paid'],
        );
        assert.ok(lines[0]?.['statementLineId'] !== null && lines[2]?.['statementLineId'] !== null);
        assert.equal(after['status'], 'partly_returned');
      });

      it('writes a batch’s bank file from the command line, by batch number', async () => {
        const number = String((await batch(batchId))['number']);
        const dir = mkdtempSync(join(tmpdir(), 'finbridge-pay-'));
        try {
          const out = join(dir, 'batch.csv');
          const env = {
            ...process.env,
            DATABASE_URL: engine.urlOf(t.database),
            FINBRIDGE_MASTER_KEY: t.running.context.config.security.masterKey ?? '',
            LOG_LEVEL: 'warn',
          };
          const run = (number: string) =>
            spawnSync(
              process.execPath,
              [CLI, 'payments', 'file', number, '--tenant', 'DEMO', '--format', 'ccb', '--out', out],
              { encoding: 'utf8', env, timeout: 60_000 },
            );
          const result = run(number);
          assert.equal(result.status, 0, result.stderr);
          assert.match(result.stdout, /3 transfer\(s\), ccb written to/);
          const text = iconv.decode(readFileSync(out), 'gbk');
          assert.match(text.split('\r\n')[0] ?? '', /^序号,收款账号,收款户名/);
          const missing = run('FK19990101-001');
          assert.notEqual(missing.status, 0);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
