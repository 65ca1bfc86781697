import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import type { ConnectorDefinition, RunningSimulator } from '../src/connectors/contract.ts';
import { KINGDEE } from '../src/connectors/kingdee/definition.ts';
import { SAP_S4 } from '../src/connectors/sap-s4/definition.ts';
import { demoMasterData } from '../src/demo/erp.ts';
import { DEMO_COMPANY } from '../src/demo/demo-company.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/wait.ts';

/**
 * The month-end chain of issue #18 ("Money out and books closed"), walked end to end through the public
 * API as the demo company's people would, on both engines and against two ERPs (the Kingdee and the SAP
 * S/4HANA simulators — both list their vouchers, so the hub ↔ ERP reconciliation really reads the ERP):
 * three claims filed and approved through their chain, each expense voucher posted in the ERP with its
 * number; a payment batch made of them by one finance user and approved by another, written as pain.001
 * and sent — each claim's payment voucher (Dr 其他应付款 / Cr 银行存款, balanced) posted in the ERP; the
 * bank's statement of those transfers (camt.053 for one ERP, the ICBC CSV export in GBK for the other,
 * made from the pain.001 the bank received) imported, its lines matched automatically to the payments
 * and the transfers confirmed paid; November reconciled with the ERP (checked, no difference), closed,
 * archived; the archive verifies (all four properties per item) and a file changed on disk fails it,
 * named by item and file. Steps: docs/reconciliation.md, "Month-end walk-through".
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });
const minor = (amount: string) => BigInt(amount.replace('.', ''));
const decimal = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;

const PERIOD = '2026-11';
const ACCOUNT = { code: 'ICBC-01', number: '31001234560000001', opening: '100000.00' };
const PAYEE_ACCOUNT = '6222021000000011';
/** Three claims of zhang (E011, SALES-E) in November: amount, category, day, who approves them. */
const CLAIMS = [
  // above 5,000.00: line manager and finance review (the department head is the line manager, once)
  {
    amount: '6280.50',
    category: 'TRAVEL',
    day: '2026-11-20',
    title: '上海客户拜访差旅',
    chain: ['chen', 'qian'],
  },
  { amount: '860.00', category: 'OFFICE', day: '2026-11-23', title: '11月办公用品', chain: ['chen'] },
  { amount: '66.00', category: 'TAXI', day: '2026-11-25', title: '加班打车', chain: ['chen'] },
] as const;
const TOTAL = decimal(CLAIMS.reduce((sum, c) => sum + minor(c.amount), 0n));

const ERPS: readonly { readonly definition: ConnectorDefinition; readonly statement: 'camt053' | 'icbc' }[] =
  [
    { definition: KINGDEE, statement: 'camt053' },
    { definition: SAP_S4, statement: 'icbc' },
  ];

/** A transfer as the bank executed it: what the pain.001 it received says. */
interface Transfer {
  readonly endToEndId: string;
  readonly amount: string;
  readonly name: string;
  readonly account: string;
}

/** camt.053.001.02 of one day, as the bank sends it: opening balance, the transfers out, closing balance. */
function camt053(on: string, transfers: readonly Transfer[]): string {
  const total = transfers.reduce((sum, x) => sum + minor(x.amount), 0n);
  const closing = decimal(minor(ACCOUNT.opening) - total);
  const entries = transfers
    .map(
      (x, i) => `<Ntry><NtryRef>${i + 1}</NtryRef><Amt Ccy="CNY">${x.amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd>
<Sts>BOOK</Sts><BookgDt><Dt>${on}</Dt></BookgDt><ValDt><Dt>${on}</Dt></ValDt>
<AcctSvcrRef>ICBC${on.replaceAll('-', '')}${String(i + 1).padStart(6, '0')}</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>${x.endToEndId}</EndToEndId></Refs>
<RltdPties><Cdtr><Nm>${x.name}</Nm></Cdtr><CdtrAcct><Id><Othr><Id>${x.account}</Id></Othr></Id></CdtrAcct></RltdPties>
<RmtInf><Ustrd>报销款 ${x.endToEndId}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>ICBC-STMT-${on}</MsgId><CreDtTm>${on}T18:00:00+08:00</CreDtTm></GrpHdr>
<Stmt><Id>ICBC-${ACCOUNT.number}-${on}</Id><CreDtTm>${on}T18:00:00+08:00</CreDtTm>
<Acct><Id><Othr><Id>${ACCOUNT.number}</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">${ACCOUNT.opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${on}</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${on}</Dt></Dt></Bal>
${entries}
</Stmt></BkToCstmrStmt></Document>`;
}

/** The ICBC corporate online-banking account details export (GBK CSV) of the same day. */
function icbcCsv(on: string, transfers: readonly Transfer[]): Buffer {
  let balance = minor(ACCOUNT.opening);
  const rows = transfers.map((x, i) => {
    balance -= minor(x.amount);
    return [
      `ICBC${on.replaceAll('-', '')}${String(i + 1).padStart(6, '0')}`,
      ACCOUNT.number,
      x.account,
      `${on} 10:0${i}:00`,
      x.amount,
      '',
      '报销款',
      x.endToEndId,
      x.name,
      decimal(balance),
    ].join(',');
  });
  return iconv.encode(
    ['凭证号,本方账号,对方账号,交易时间,借方发生额,贷方发生额,摘要,用途,对方单位名称,余额', ...rows].join(
      '\r\n',
    ),
    'gbk',
  );
}

for (const engine of ENGINES)
  for (const erp of ERPS) {
    const name = erp.definition.manifest.names.en;
    describe(`month-end chain on ${engine.engine} through ${name}`, () => {
      let t: TestApp;
      let sim: RunningSimulator;
      let dataDir: string;
      let admin: Record<string, string>;
      let connectionId: string;
      const users = new Map<string, { cookie: string; csrf: string }>();
      const claims: Body[] = [];
      let batchId: string;
      let transfers: Transfer[] = [];
      let pkg: Body;

      const as = async (
        who: string,
        method: 'GET' | 'POST' | 'PUT' | 'PATCH',
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
        method: 'GET' | 'POST' | 'PUT' | 'PATCH',
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
      const batch = () => ok('zhao', 'GET', `/api/v1/payment-batches/${batchId}`);
      /** What the ERP's book holds with a reference of ours (the simulator's view of its own book). */
      const erpBook = async (): Promise<Body[]> => {
        const res = await fetch(new URL('/__sim/documents', sim.adminUrl ?? sim.url));
        assert.equal(res.status, 200);
        return (await res.json()) as Body[];
      };

      before(async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'finbridge-month-end-'));
        sim = await erp.definition.simulator.start({
          master: demoMasterData(),
          now: () => new Date(),
          seed: 43,
        });
        t = await startTestApp(
          engine,
          { LOG_LEVEL: 'warn', FINBRIDGE_DATA_DIR: dataDir },
          { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
        );
        await seedDemo(t.database, t.running.context.security.audit);
        admin = await t.bearer('DEMO', ['connections:admin', 'master-data:read', 'master-data:write']);
        const connection = await as('admin', 'POST', '/api/v1/connections', {
          name: `${name} 月结`,
          type: erp.definition.manifest.id,
          baseUrl: sim.url,
          ...sim.connection,
        });
        assert.equal(connection.status, 201, JSON.stringify(connection.body));
        connectionId = String(connection.body['id']);
        for (const [who, code, roles] of [
          ['zhang', 'E011', ['employee']],
          ['chen', 'E010', ['approver']],
          ['feng', 'E009', ['approver']],
          ['wang', 'E001', ['approver']],
          ['li', 'E002', ['approver']],
          ['zhao', 'E003', ['finance']],
          ['qian', 'E004', ['finance']],
        ] as const)
          users.set(who, await t.user('DEMO', who, roles, code));
        // the payee's bank account on file, and the company's bank account the batch pays from
        const employees = (await ok('admin', 'GET', '/api/v1/employees?limit=200'))['items'] as Body[];
        const e011 = employees.find((e) => e['code'] === 'E011');
        await ok('admin', 'PATCH', `/api/v1/employees/${e011?.['id']}`, { bankAccount: PAYEE_ACCOUNT });
        await ok('zhao', 'POST', '/api/v1/bank-statements/accounts', {
          code: ACCOUNT.code,
          accountNumber: ACCOUNT.number,
          name: DEMO_COMPANY.name,
          bankName: '中国工商银行上海分行',
          currency: 'CNY',
          openedOn: '2026-11-01',
          openingBalance: ACCOUNT.opening,
          default: true,
        });
      });
      after(async () => {
        await t.close();
        await sim.close();
        rmSync(dataDir, { recursive: true, force: true });
      });

      it('files three claims, approves each through its chain, and posts each expense voucher in the ERP with its number', async () => {
        for (const c of CLAIMS) {
          const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
            employeeCode: 'E011',
            departmentCode: 'SALES-E',
            title: c.title,
            currency: 'CNY',
            claimedOn: c.day,
            lines: [{ categoryCode: c.category, description: c.title, occurredOn: c.day, amount: c.amount }],
          });
          const id = String(draft['id']);
          assert.equal(
            (await ok('zhang', 'POST', `/api/v1/expense-claims/${id}/submit`))['status'],
            'approving',
          );
          // every approver of the chain decides the task routed to them, until none is left
          const deciders: string[] = [];
          for (let round = 0; round < 6; round += 1) {
            const doc = await ok('zhao', 'GET', `/api/v1/expense-claims/${id}`);
            if (doc['status'] !== 'approving') break;
            for (const who of ['chen', 'feng', 'wang', 'li', 'qian']) {
              const tasks = (await ok(who, 'GET', '/api/v1/approval-tasks'))['items'] as Body[];
              const task = tasks.find((x) => x['documentId'] === id);
              if (task === undefined) continue;
              await ok(who, 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, { comment: '同意' });
              deciders.push(who);
            }
          }
          const posted = await until(`${c.title} posted`, async () => {
            const d = await ok('zhao', 'GET', `/api/v1/expense-claims/${id}`);
            return d['status'] === 'posted' ? d : undefined;
          });
          assert.equal(posted['total'], c.amount);
          assert.equal(posted['posting']['erpPeriod'], PERIOD);
          assert.equal(typeof posted['posting']['erpVoucherNumber'], 'string');
          assert.notEqual(posted['posting']['erpVoucherNumber'], '');
          // the chain the rules route it through: each step decided by its approver, in order
          assert.deepEqual(deciders, c.chain);
          const approved = (posted['transitions'] as Body[]).find((x) => x['to'] === 'approved');
          assert.equal(approved?.['actor'], `user:${c.chain.at(-1)}`);
          claims.push(posted);
        }
        const held = new Set((await erpBook()).map((d) => String(d['erpNumber'])));
        for (const c of claims)
          assert.ok(
            held.has(String(c['posting']['erpVoucherNumber'])),
            `the ERP holds ${c['number']}'s voucher`,
          );
      });

      it('makes a payment batch of the approved claims (maker–checker), writes it as pain.001 and sends it: each payment voucher posted, Dr 其他应付款 / Cr 银行存款, balanced', async () => {
        const payables = (await ok('zhao', 'GET', '/api/v1/payment-batches/payables?limit=200'))[
          'items'
        ] as Body[];
        assert.deepEqual(
          claims.map((c) => {
            const p = payables.find((x) => x['id'] === c['id']);
            return [p?.['amount'], p?.['payeeAccount']];
          }),
          CLAIMS.map((c) => [c.amount, PAYEE_ACCOUNT]),
        );
        const made = await ok('zhao', 'POST', '/api/v1/payment-batches', {
          account: ACCOUNT.code,
          purpose: '报销款',
          payables: claims.map((c) => c['id']),
        });
        batchId = String(made['id']);
        assert.deepEqual(
          [made['status'], made['lineCount'], made['total'], made['executeOn']],
          ['draft', 3, TOTAL, '2026-11-28'],
        );
        const self = await as('zhao', 'POST', `/api/v1/payment-batches/${batchId}/approve`, {});
        assert.equal(self.body['code'], 'payment_maker_checker');
        assert.equal(
          (await ok('qian', 'POST', `/api/v1/payment-batches/${batchId}/approve`, {}))['status'],
          'approved',
        );
        const file = await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/file`, {
          format: 'pain001',
        });
        const pain = xml.parse(Buffer.from(String(file['content']), 'base64').toString('utf8')).Document
          .CstmrCdtTrfInitn;
        assert.deepEqual(
          [pain.GrpHdr.NbOfTxs, pain.GrpHdr.CtrlSum, pain.PmtInf.DbtrAcct.Id.Othr.Id],
          ['3', TOTAL, ACCOUNT.number],
        );
        transfers = (pain.PmtInf.CdtTrfTxInf as Body[]).map((x) => ({
          endToEndId: String(x['PmtId']['EndToEndId']),
          amount: String(x['Amt']['InstdAmt']['#text']),
          name: String(x['Cdtr']['Nm']),
          account: String(x['CdtrAcct']['Id']['Othr']['Id']),
        }));
        assert.deepEqual(
          transfers.map((x) => [x.amount, x.account]),
          CLAIMS.map((c) => [c.amount, PAYEE_ACCOUNT]),
        );
        assert.equal(
          (await ok('zhao', 'POST', `/api/v1/payment-batches/${batchId}/send`, {}))['status'],
          'sent',
        );
        for (const c of claims)
          assert.equal((await ok('zhao', 'GET', `/api/v1/expense-claims/${c['id']}`))['status'], 'paid');
        const lines = await until('payment vouchers posted', async () => {
          const l = (await batch())['lines'] as Body[];
          return l.every((x) => x['erpVoucherNumber'] !== null) ? l : undefined;
        });
        const held = new Set((await erpBook()).map((d) => String(d['erpNumber'])));
        for (const [i, line] of lines.entries()) {
          assert.ok(
            held.has(String(line['erpVoucherNumber'])),
            `the ERP holds transfer ${i + 1}'s payment voucher`,
          );
          const { document, status } = await ok(
            'zhao',
            'GET',
            `/api/v1/postings/${line['postingId']}/document`,
          );
          assert.equal(status ?? 'posted', 'posted');
          const rows = document['lines'] as Body[];
          assert.deepEqual(
            rows.map((r) => [r['accountCode'], r['debit'] ?? null, r['credit'] ?? null]),
            [
              ['224101', CLAIMS[i]?.amount, null],
              ['1002', null, CLAIMS[i]?.amount],
            ],
          );
          const sum = (side: 'debit' | 'credit') =>
            rows.reduce((s, r) => s + (r[side] === undefined ? 0n : minor(String(r[side]))), 0n);
          assert.equal(sum('debit'), sum('credit'), 'balanced');
          assert.equal(document['date'], '2026-11-28');
        }
      });

      it(`imports the bank's statement of the transfers (${erp.statement}), matches its lines to the payments automatically and confirms them paid`, async () => {
        const on = '2026-11-28';
        const content =
          erp.statement === 'camt053' ? Buffer.from(camt053(on, transfers)) : icbcCsv(on, transfers);
        const imported = await ok('zhao', 'POST', '/api/v1/bank-statements', {
          content: base64(content),
          account: ACCOUNT.code,
          fileName: erp.statement === 'camt053' ? `icbc-${on}.xml` : `icbc-${on}.csv`,
        });
        assert.deepEqual(
          [imported['format'], imported['layout'] ?? null],
          erp.statement === 'camt053' ? ['camt.053.001.02', null] : ['csv', 'icbc'],
          JSON.stringify(imported),
        );
        assert.equal(imported['newLines'], 3);
        const matched = await ok('zhao', 'POST', '/api/v1/bank-statements/matches:auto', {
          account: ACCOUNT.code,
        });
        assert.equal(matched['linesMatched'], 3, JSON.stringify(matched));
        // each bank line is paired with the book entry of its own transfer
        const lines = (await batch())['lines'] as Body[];
        const entries = (
          await ok('zhao', 'GET', `/api/v1/bank-statements/book-entries?limit=50&account=${ACCOUNT.code}`)
        )['items'] as Body[];
        const matches = (await ok('zhao', 'GET', `/api/v1/bank-statements/matches?account=${ACCOUNT.code}`))[
          'items'
        ] as Body[];
        assert.equal(matches.length, 3);
        for (const line of lines) {
          const entry = entries.find((e) => e['sourceId'] === line['id']);
          assert.ok(entry !== undefined, `the book has transfer ${line['endToEndId']}`);
          const match = matches.find((m) => (m['entries'] as Body[]).some((e) => e['id'] === entry['id']));
          assert.ok(match !== undefined, `transfer ${line['endToEndId']} is matched`);
          assert.deepEqual([match['kind'], match['shape']], ['auto', 'one_to_one']);
          const bankLine = (match['lines'] as Body[])[0];
          assert.equal(bankLine?.['amount'], line['amount']);
          assert.match(JSON.stringify(bankLine), new RegExp(String(line['endToEndId'])));
        }
        const confirmed = await ok('zhao', 'POST', '/api/v1/payment-batches/confirm-from-bank', { batchId });
        assert.equal(confirmed['paid'], 3, JSON.stringify(confirmed));
        const b = await batch();
        assert.equal(b['status'], 'paid');
        assert.ok(
          (b['lines'] as Body[]).every((l) => l['status'] === 'paid' && l['statementLineId'] !== null),
        );
        const statement = await ok(
          'zhao',
          'GET',
          `/api/v1/bank-statements/reconciliation?account=${ACCOUNT.code}&period=${PERIOD}`,
        );
        assert.equal(statement['balanced'], true, JSON.stringify(statement));
      });

      it('lists the connection among those that can be reconciled, and reconciles November with the ERP: checked, every voucher matched, no difference', async () => {
        const listed = (await ok('zhao', 'GET', '/api/v1/reconciliations/connections'))['items'] as Body[];
        assert.deepEqual(listed, [
          { id: connectionId, name: `${name} 月结`, type: erp.definition.manifest.id },
        ]);
        const run = await ok('zhao', 'POST', '/api/v1/reconciliations', { connectionId, period: PERIOD });
        assert.equal(run['status'], 'matched', JSON.stringify(run));
        assert.equal(run['failure'], null);
        // three expense vouchers and three payment vouchers, each found in the ERP
        assert.deepEqual([run['ourCount'], run['matchedCount'], run['differenceCount']], [6, 6, 0]);
        assert.equal(run['ourDebitMinor'], String(2n * minor(TOTAL)));
        const report = await ok('zhao', 'GET', `/api/v1/reconciliations/${run['id']}`);
        assert.deepEqual(report['differences'], []);
        // the ERP's side of 银行存款 and 其他应付款 carries the batch's total, as FinBridge's does
        const side = (account: string, column: string) =>
          (report['summary'] as Body[])
            .filter((s) => s['account'] === account)
            .reduce((sum, s) => sum + BigInt(String(s[column])), 0n);
        assert.equal(side('1002', 'erpCredit'), minor(TOTAL), JSON.stringify(report['summary']));
        assert.equal(side('1002', 'ourCredit'), minor(TOTAL));
        assert.equal(side('224101', 'erpDebit'), minor(TOTAL));
        assert.equal(side('224101', 'erpCredit'), minor(TOTAL));
        for (const s of report['summary'] as Body[])
          if (s['ourVouchers'] > 0)
            assert.deepEqual(
              [s['erpDebit'], s['erpCredit']],
              [s['ourDebit'], s['ourCredit']],
              JSON.stringify(s),
            );
      });

      it('closes November, builds its archive package (one item per claim, with payment and bank line) and verifies it: all four properties per item', async () => {
        assert.deepEqual(await ok('zhao', 'PUT', `/api/v1/periods/${PERIOD}`, { status: 'closed' }), {
          period: PERIOD,
          status: 'closed',
        });
        const closed = (await ok('zhao', 'GET', '/api/v1/periods'))['items'] as Body[];
        assert.deepEqual(
          closed.map((p) => [p['period'], p['status']]),
          [[PERIOD, 'closed']],
        );
        pkg = await ok('zhao', 'POST', '/api/v1/archive/packages', { period: PERIOD });
        assert.deepEqual([pkg['code'], pkg['itemCount']], [`DEMO-KJ-${PERIOD}`, 3]);
        const detail = await ok('zhao', 'GET', `/api/v1/archive/packages/${pkg['id']}`);
        const items = detail['items'] as Body[];
        assert.deepEqual(items.map((i) => i['documentId']).sort(), claims.map((c) => c['id']).sort());
        for (const item of items) {
          const paths = (item['files'] as Body[]).map((f) => String(f['path']));
          for (const expected of [
            'voucher.json',
            'claim.json',
            'approvals.json',
            'payment.json',
            'bank.json',
            'metadata.json',
          ])
            assert.ok(
              paths.includes(expected),
              `${item['archiveCode']} holds ${expected}: ${paths.join(', ')}`,
            );
        }
        const report = await ok('zhao', 'POST', `/api/v1/archive/packages/${pkg['id']}/verify`);
        assert.equal(report['ok'], true, JSON.stringify(report));
        assert.equal((report['items'] as Body[]).length, 3);
        for (const item of report['items'] as Body[])
          assert.deepEqual(item['properties'], {
            authentic: true,
            complete: true,
            usable: true,
            secure: true,
          });
      });

      it('fails verification when an archived file is changed on disk, naming the item and the file', async () => {
        const detail = await ok('zhao', 'GET', `/api/v1/archive/packages/${pkg['id']}`);
        const target = (detail['items'] as Body[])[1] as Body;
        const code = String(target['archiveCode']);
        const path = join(
          dataDir,
          'archive',
          ...String(pkg['folder']).split('/'),
          'items',
          code,
          'bank.json',
        );
        const original = readFileSync(path, 'utf8');
        const line = transfers[1];
        assert.ok(
          line !== undefined && original.includes(line.amount),
          'the bank line is archived with its amount',
        );
        writeFileSync(path, original.replace(line.amount, decimal(minor(line.amount) + 100n)));
        const report = await ok('zhao', 'POST', `/api/v1/archive/packages/${pkg['id']}/verify`);
        assert.equal(report['ok'], false);
        const byCode = new Map((report['items'] as Body[]).map((i) => [String(i['archiveCode']), i]));
        const failed = byCode.get(code);
        assert.ok(failed !== undefined, `the report names ${code}`);
        assert.deepEqual(failed['properties'], {
          authentic: false,
          complete: true,
          usable: true,
          secure: true,
        });
        assert.deepEqual(
          (failed['findings'] as Body[]).map((f) => [f['property'], f['kind'], f['path']]),
          [['authentic', 'changed', `items/${code}/bank.json`]],
        );
        for (const [other, item] of byCode)
          if (other !== code)
            assert.deepEqual(item['properties'], {
              authentic: true,
              complete: true,
              usable: true,
              secure: true,
            });
        const list = (await ok('zhao', 'GET', '/api/v1/archive/packages'))['items'] as Body[];
        assert.equal(list[0]?.['lastVerification']['ok'], false);
      });

      it('answers who may reconcile: active connections only, oldest first; an employee is refused', async () => {
        const second = await as('admin', 'POST', '/api/v1/connections', {
          name: `${name} 备用`,
          type: erp.definition.manifest.id,
          baseUrl: sim.url,
          ...sim.connection,
        });
        assert.equal(second.status, 201, JSON.stringify(second.body));
        const list = async () =>
          ((await ok('zhao', 'GET', '/api/v1/reconciliations/connections'))['items'] as Body[]).map(
            (c) => c['id'],
          );
        assert.deepEqual(await list(), [connectionId, second.body['id']]);
        await ok('admin', 'PATCH', `/api/v1/connections/${connectionId}`, { status: 'paused' });
        assert.deepEqual(await list(), [second.body['id']], 'a paused connection is not offered');
        const refused = await as('zhang', 'GET', '/api/v1/reconciliations/connections');
        assert.equal(refused.status, 403);
      });
    });
  }
