import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EMPTY_VALUE_MAPS,
  type BatchItem,
  type CanonicalDocument,
  type Connector,
  type ConnectorContext,
  type MappingProfile,
} from '../../src/connectors/contract.ts';
import { ORACLE_FUSION } from '../../src/connectors/oracle-fusion/definition.ts';
import { DEFAULT_ORACLE_SETTINGS } from '../../src/connectors/oracle-fusion/map/profile.ts';
import { stamp } from '../../src/connectors/oracle-fusion/simulator/book.ts';
import {
  DEMO_USER,
  startOracleSimulator,
  type OracleSimulator,
  type OracleSimulatorOptions,
} from '../../src/connectors/oracle-fusion/simulator/server.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ENGINES } from '../support/engines.ts';
import { until } from '../support/wait.ts';
import { CONNECTORS } from '../../src/connectors/index.ts';
import { conformance, supplierBill, voucher } from './conformance.ts';
import { MASTER } from './master-data.ts';

/** A real deployment maps expense categories to Oracle natural accounts; the conformance samples use these two. */
const PROFILE: MappingProfile = {
  valueMaps: { ...EMPTY_VALUE_MAPS, expenseCategories: { OFFICE: '660202', MEETING: '660202' } },
  settings: DEFAULT_ORACLE_SETTINGS,
};
const journal = (overrides: Record<string, unknown> = {}): CanonicalDocument => ({
  kind: 'voucher',
  value: voucher(overrides),
});
const bill = (overrides: Record<string, unknown> = {}): CanonicalDocument => ({
  kind: 'supplier_bill',
  value: supplierBill(overrides),
});
const twoLines = (debitAccount: string, creditAccount = '1002', aux: Record<string, string> = {}) => ({
  lines: [
    { summary: 'x', accountCode: debitAccount, debit: '1.00', aux },
    { summary: 'y', accountCode: creditAccount, credit: '1.00' },
  ],
});
const journalsOf = (sim: OracleSimulator, reference: string) =>
  sim.book.batches.flatMap((b) =>
    b.journals.filter((j) => j.Reference === reference).map((j) => ({ batch: b, journal: j })),
  );
const invoicesOf = (sim: OracleSimulator, reference: string) =>
  sim.book.invoices.filter((i) => i.InvoiceNumber === reference);

conformance('Oracle Fusion Cloud ERP ⇄ simulator', ORACLE_FUSION.manifest, async () => {
  const sim = await startOracleSimulator({ master: MASTER, now: () => new Date(), seed: 5 });
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };
  return {
    connector: ORACLE_FUSION.create({ baseUrl: sim.url, ...sim.connection }, ctx),
    profile: PROFILE,
    countInErp: (kind, reference) =>
      kind === 'voucher' ? journalsOf(sim, reference).length : invoicesOf(sim, reference).length,
    dropNextResponse: () => sim.dropNextCommits(1),
    touch: () => {
      const supplier = sim.book.suppliers.get('S0004');
      assert.ok(supplier !== undefined);
      supplier.LastUpdateDate = stamp(new Date(Date.now() + 60_000));
      return supplier.SupplierNumber;
    },
    close: () => sim.close(),
  };
});

describe('Oracle Fusion connector ⇄ simulator', () => {
  let sim: OracleSimulator;
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 1500 };
  const connect = (
    timeoutMs = 1500,
    settings: Record<string, unknown> = {},
    credentials?: Record<string, string>,
  ): Connector =>
    ORACLE_FUSION.create(
      {
        baseUrl: sim.url,
        settings: { ...sim.connection.settings, ...settings },
        credentials: credentials ?? sim.connection.credentials,
      },
      { ...ctx, timeoutMs },
    );
  const basic = (password = DEMO_USER.password) =>
    connect(1500, { authKind: 'basic' }, { username: DEMO_USER.username, password });

  before(async () => {
    sim = await startOracleSimulator({
      master: MASTER,
      now: () => new Date(),
      closedPeriods: ['2026-10'],
      seed: 3,
    });
  });
  after(() => sim.close());

  it('passes its connection test with a JWT and with Basic, reporting the REST version', async () => {
    for (const connector of [connect(), basic()]) {
      const result = await connector.test();
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.version, '11.13.18.05 (REST-Framework-Version 4)');
    }
    const refused = await basic('wrong').test();
    assert.deepEqual(!refused.ok && [refused.outcome, refused.code], ['auth_expired', 'HTTP 401']);
  });

  it('imports a journal through FBDI and ESS, and finds its batch by name', async () => {
    const before = sim.calls.length;
    const pushed = await connect().push(journal(), 'FB-O-1', PROFILE);
    assert.ok(pushed.outcome === 'success', JSON.stringify(pushed));
    const made = sim.calls.slice(before).map((c) => `${c.method} ${c.path}`);
    assert.deepEqual(made, ['POST erpintegrations', 'GET erpintegrations', 'GET journalBatches']);
    const [entry] = journalsOf(sim, 'FB-O-1');
    assert.ok(entry !== undefined);
    assert.match(entry.batch.BatchName, /^FB-O-1 FinBridge A \d{15} \d+ N$/);
    assert.equal(pushed.erpId, String(entry.batch.JeBatchId));
    assert.equal(pushed.erpNumber, entry.batch.BatchName);
    assert.deepEqual(
      entry.journal.lines.map((l) => [l.segments.join('.'), l.enteredDr, l.enteredCr]),
      [
        ['101.SALES-E.660202', '1713.30', ''],
        ['101.000.22210101', '116.70', ''],
        ['101.000.224101', '', '1830.00'],
      ],
    );
    assert.deepEqual(await connect().lookup('voucher', 'FB-O-1'), {
      found: true,
      erpId: pushed.erpId,
      erpNumber: pushed.erpNumber,
    });
  });

  it('creates a Payables invoice under the supplier’s name and finds it by invoice number', async () => {
    const pushed = await connect().push(bill(), 'FB-O-2', PROFILE);
    assert.ok(pushed.outcome === 'success', JSON.stringify(pushed));
    const [invoice] = invoicesOf(sim, 'FB-O-2');
    assert.ok(invoice !== undefined);
    assert.deepEqual(
      [invoice.Supplier, invoice.SupplierNumber, invoice.SupplierSite, invoice.InvoiceAmount],
      ['供应商S0001', 'S0001', 'MAIN', '6390.00'],
    );
    assert.deepEqual(
      invoice.lines.map((l) => [l.LineType, l.LineAmount, l.DistributionCombination ?? l.TaxRateCode]),
      [
        ['Item', '5000.00', '101-000-660202'],
        ['Tax', '300.00', 'VAT6'],
        ['Item', '1000.00', '101-000-660202'],
        ['Tax', '90.00', 'VAT9'],
      ],
    );
    assert.deepEqual(await connect().lookup('supplier_bill', 'FB-O-2'), {
      found: true,
      erpId: pushed.erpId,
      erpNumber: pushed.erpNumber,
    });
  });

  it('takes Payables’ duplicate refusal of our invoice number as the invoice already there', async () => {
    const first = await connect().push(bill(), 'FB-O-D', PROFILE);
    const again = await connect().push(bill(), 'FB-O-D', PROFILE);
    assert.ok(first.outcome === 'success');
    assert.deepEqual(again, first);
    assert.equal(invoicesOf(sim, 'FB-O-D').length, 1);
  });

  it('rejects what Journal Import rejects, with its code and message, and imports nothing', async () => {
    const cases = [
      {
        ref: 'FB-O-R1',
        doc: journal(twoLines('9999')),
        code: 'EF04',
        reason: 'unknown_account',
        message: /FLEX-VALUE DOES NOT EXIST \(SEGMENT=Account\).*\(VALUE=9999\)/,
      },
      {
        ref: 'FB-O-R2',
        doc: journal(twoLines('2221')),
        code: 'EF02',
        reason: 'unknown_account',
        message: /Detail posting not allowed/,
      },
      {
        ref: 'FB-O-R3',
        doc: journal({ date: '2026-10-31', period: '2026-10' }),
        code: 'EP01',
        reason: 'period_closed',
        message: /not in any open or future enterable period.*Oct-26 is not open/,
      },
      {
        ref: 'FB-O-R4',
        doc: journal(twoLines('660202', '1002', { department: 'NOPE' })),
        code: 'EF04',
        reason: 'unknown_account',
        message: /SEGMENT=Department.*VALUE=NOPE/,
      },
      {
        ref: 'FB-O-R5',
        doc: journal({ currency: 'USD', ...twoLines('660202') }),
        code: 'EC06',
        // no conversion rate: not one of the reasons
        reason: undefined,
        message: /no conversion rate/,
      },
    ];
    const connector = connect();
    for (const c of cases) {
      const result = await connector.push(c.doc, c.ref, PROFILE);
      assert.equal(result.outcome, 'rejected', `${c.ref}: ${JSON.stringify(result)}`);
      assert.ok(
        'code' in result && result.code === c.code && c.message.test(result.message),
        JSON.stringify(result),
      );
      assert.equal('reason' in result ? result.reason : undefined, c.reason, c.ref);
      assert.equal(journalsOf(sim, c.ref).length, 0);
    }
  });

  it('rejects what Payables refuses, with Oracle’s messages, and creates nothing', async () => {
    const connector = connect();
    const unknown = await connector.push(bill({ supplierCode: 'S9999' }), 'FB-O-R6', PROFILE);
    assert.deepEqual('code' in unknown && [unknown.outcome, unknown.code, unknown.reason], [
      'rejected',
      'supplier_not_found',
      'unknown_partner',
    ]);
    const badAccount = await connector.push(bill(), 'FB-O-R7', { ...PROFILE, valueMaps: EMPTY_VALUE_MAPS });
    assert.equal(badAccount.outcome, 'rejected');
    assert.ok(
      'message' in badAccount && /The account 101-000-OFFICE isn't valid/.test(badAccount.message),
      JSON.stringify(badAccount),
    );
    assert.equal('reason' in badAccount && badAccount.reason, 'unknown_account');
    const closed = await connector.push(
      bill({ date: '2026-10-20', dueDate: '2026-11-20' }),
      'FB-O-R8',
      PROFILE,
    );
    assert.ok('message' in closed && /isn't in an open period/.test(closed.message), JSON.stringify(closed));
    assert.equal('reason' in closed && closed.reason, 'period_closed');
    for (const ref of ['FB-O-R6', 'FB-O-R7', 'FB-O-R8']) assert.equal(invoicesOf(sim, ref).length, 0);
  });

  it('gives each journal of a batch its own fate: the request “succeeded” while some were rejected', async () => {
    const items: BatchItem[] = [
      { document: journal(), externalReference: 'FB-O-B1' },
      { document: journal(twoLines('9999')), externalReference: 'FB-O-B2' },
      { document: journal(), externalReference: 'FB-O-B3' },
      { document: journal({ date: '2026-10-31', period: '2026-10' }), externalReference: 'FB-O-B4' },
    ];
    const before = sim.calls.length;
    const results = await connect().pushBatch(items, PROFILE);
    assert.deepEqual(
      results.map((r) => ('code' in r ? `${r.outcome} ${r.code}` : r.outcome)),
      ['success', 'rejected EF04', 'success', 'rejected EP01'],
    );
    assert.deepEqual(
      results.map((r) => ('reason' in r ? r.reason : undefined)),
      [undefined, 'unknown_account', undefined, 'period_closed'],
    );
    const imports = sim.calls
      .slice(before)
      .filter((c) => c.method === 'POST' && c.path === 'erpintegrations');
    assert.equal(imports.length, 2, 'one importBulkData and one downloadESSJobExecutionDetails for all four');
    const job = [...sim.book.jobs.values()].at(-1);
    assert.equal(job?.status, 'SUCCEEDED');
    assert.equal(job.parameters[3], 'ALL', 'several groups in one request');
    assert.deepEqual(
      ['FB-O-B1', 'FB-O-B2', 'FB-O-B3', 'FB-O-B4'].map((r) => journalsOf(sim, r).length),
      [1, 0, 1, 0],
    );
  });

  it('reads each journal’s fate when Import Journals ends in ERROR with some journals imported', async () => {
    sim.setFaults({ essRejectStatus: 'ERROR' });
    try {
      const results = await connect().pushBatch(
        [
          { document: journal(), externalReference: 'FB-O-E1' },
          { document: journal(twoLines('660202', '9998')), externalReference: 'FB-O-E2' },
        ],
        PROFILE,
      );
      assert.deepEqual(
        results.map((r) => r.outcome),
        ['success', 'rejected'],
      );
      assert.equal([...sim.book.jobs.values()].at(-1)?.status, 'ERROR');
    } finally {
      sim.setFaults({ essRejectStatus: 'SUCCEEDED' });
    }
  });

  it('reports journals Journal Import rejected on its own (essRejectRate) with real-style codes', async () => {
    sim.setFaults({ essRejectRate: 1 });
    try {
      const results = await connect().pushBatch(
        [1, 2, 3].map((n) => ({ document: journal(), externalReference: `FB-O-J${n}` })),
        PROFILE,
      );
      for (const r of results)
        assert.ok(
          r.outcome === 'rejected' &&
            /^E(U02|F04|P01)$/.test(r.code) &&
            r.reason ===
              new Map([
                ['EU02', 'unbalanced'],
                ['EF04', 'unknown_account'],
                ['EP01', 'period_closed'],
              ]).get(r.code),
          JSON.stringify(r),
        );
      assert.equal(journalsOf(sim, 'FB-O-J1').length, 0);
    } finally {
      sim.setFaults({ essRejectRate: 0 });
    }
  });

  it('waits for a slow import request, polling its status until it finishes', async () => {
    sim.setFaults({ essRunningPolls: 3 });
    try {
      const before = sim.calls.length;
      const pushed = await connect(5000, { essPollMs: 10 }).push(journal(), 'FB-O-S1', PROFILE);
      assert.equal(pushed.outcome, 'success', JSON.stringify(pushed));
      const polls = sim.calls.slice(before).filter((c) => c.method === 'GET' && c.path === 'erpintegrations');
      assert.equal(polls.length, 4, 'WAIT, RUNNING, RUNNING, then SUCCEEDED');
    } finally {
      sim.setFaults({ essRunningPolls: 0 });
    }
  });

  it('says ambiguous when the request outlasts the call, and lookup waits for it instead of saying “not found”', async () => {
    sim.setFaults({ essRunningPolls: 50 });
    const connector = connect(250, { essPollMs: 40 });
    try {
      const pushed = await connector.push(journal(), 'FB-O-S2', PROFILE);
      assert.deepEqual(
        'code' in pushed && [pushed.outcome, pushed.code],
        ['ambiguous', 'ESS RUNNING'],
        JSON.stringify(pushed),
      );
      const during = await connector.lookup('voucher', 'FB-O-S2');
      assert.deepEqual('outcome' in during && during.outcome, 'ambiguous', JSON.stringify(during));
      assert.equal(journalsOf(sim, 'FB-O-S2').length, 0);
      sim.setFaults({ essRunningPolls: 0 });
      const job = [...sim.book.jobs.values()].at(-1);
      assert.ok(job !== undefined);
      job.pollsLeft = 0;
      const found = await connector.lookup('voucher', 'FB-O-S2');
      assert.ok('found' in found && found.found, JSON.stringify(found));
      assert.equal(journalsOf(sim, 'FB-O-S2').length, 1);
    } finally {
      sim.setFaults({ essRunningPolls: 0 });
    }
  });

  it('runs an unwatched slow request once the tenant’s clock has moved on a minute', async () => {
    let clock = Date.now();
    const slow = await startOracleSimulator({
      master: MASTER,
      now: () => new Date(clock),
      essRunningPolls: 100,
    });
    try {
      const connector = ORACLE_FUSION.create(
        { baseUrl: slow.url, ...slow.connection },
        { ...ctx, now: () => new Date(clock), timeoutMs: 150 },
      );
      assert.equal((await connector.push(journal(), 'FB-O-S3', PROFILE)).outcome, 'ambiguous');
      clock += 61_000;
      const found = await ORACLE_FUSION.create(
        { baseUrl: slow.url, ...slow.connection },
        { ...ctx, now: () => new Date(clock) },
      ).lookup('voucher', 'FB-O-S3');
      assert.ok('found' in found && found.found, JSON.stringify(found));
    } finally {
      await slow.close();
    }
  });

  it('signs a fresh JWT when the tenant refuses an aged one, and the push goes through', async () => {
    let clock = Date.now();
    const now = () => new Date(clock);
    const strict = await startOracleSimulator({ master: MASTER, now, sessionTtlS: 5 });
    const events: string[] = [];
    try {
      const connector = ORACLE_FUSION.create(
        { baseUrl: strict.url, ...strict.connection },
        { now, log: (e) => events.push(e), timeoutMs: 2000 },
      );
      assert.equal((await connector.test()).ok, true);
      clock += 10_000;
      const pushed = await connector.push(journal(), 'FB-O-T1', PROFILE);
      assert.equal(pushed.outcome, 'success', JSON.stringify(pushed));
      assert.deepEqual(events, ['oracle.token_refused']);
      assert.equal(strict.stats.unauthorized, 1);
    } finally {
      await strict.close();
    }
  });

  it('reports a write whose answer was lost as ambiguous, and lookup finds what was committed', async () => {
    const connector = connect(300);
    sim.dropNextCommits(1);
    const invoice = await connector.push(bill(), 'FB-O-L1', PROFILE);
    assert.equal(invoice.outcome, 'ambiguous', JSON.stringify(invoice));
    const found = await connector.lookup('supplier_bill', 'FB-O-L1');
    assert.ok('found' in found && found.found);
    sim.hangNextCommits(1);
    const hung = await connector.push(journal(), 'FB-O-L2', PROFILE);
    assert.deepEqual('code' in hung && [hung.outcome, hung.code], ['ambiguous', 'timeout']);
    const journalFound = await connector.lookup('voucher', 'FB-O-L2');
    assert.ok('found' in journalFound && journalFound.found, JSON.stringify(journalFound));
    assert.equal(journalsOf(sim, 'FB-O-L2').length, 1);
  });

  it('treats a read without an answer as transient and a proxy’s 503 on a write as ambiguous', async () => {
    const connector = connect(200);
    sim.setFaults({ timeoutRate: 1 });
    try {
      const lookup = await connector.lookup('supplier_bill', 'FB-O-2');
      assert.deepEqual('outcome' in lookup && [lookup.outcome, lookup.code], ['transient', 'timeout']);
    } finally {
      sim.setFaults({ timeoutRate: 0 });
    }
    sim.setFaults({ errorRate: 1 });
    try {
      const pushed = await connector.push(journal(), 'FB-O-P1', PROFILE);
      assert.deepEqual('code' in pushed && [pushed.outcome, pushed.code], ['ambiguous', 'HTTP 503']);
    } finally {
      sim.setFaults({ errorRate: 0 });
    }
  });

  it('says throttled on Oracle’s 429, and nothing was created', async () => {
    const connector = connect();
    sim.setFaults({ throttleRps: 1 });
    try {
      // the bucket holds one call: the test takes it, the push finds none
      await connector.test();
      const pushed = await connector.push(journal(), 'FB-O-TH', PROFILE);
      assert.deepEqual('code' in pushed && [pushed.outcome, pushed.code], ['throttled', 'HTTP 429']);
      assert.equal(journalsOf(sim, 'FB-O-TH').length, 0);
    } finally {
      sim.setFaults({ throttleRps: 0 });
    }
  });

  it('pulls suppliers after a LastUpdateDate watermark, following hasMore past short pages', async () => {
    const short = await startOracleSimulator({ master: MASTER, now: () => new Date(), pageCap: 2 });
    try {
      const connector = ORACLE_FUSION.create({ baseUrl: short.url, ...short.connection }, ctx);
      const page = await connector.pull('suppliers', { modifiedAt: null, number: null }, 5);
      assert.ok('records' in page, JSON.stringify(page));
      assert.deepEqual(
        page.records.map((r) => r.number),
        ['S0005', 'S0002', 'S0007', 'S0001', 'S0004'],
        'LastUpdateDate order',
      );
      const offsets = short.calls
        .filter((c) => c.path === 'suppliers')
        .map((c) => new URLSearchParams(c.query).get('offset'));
      assert.deepEqual(offsets, ['0', '2', '4'], 'short pages continued by offset');
      const last = page.records.at(-1);
      assert.ok(last !== undefined && last.usable && /\+00:00$/.test(last.modifiedAt));
      const rest = await connector.pull('suppliers', { modifiedAt: last.modifiedAt, number: last.number }, 5);
      assert.deepEqual('records' in rest && rest.records.map((r) => r.number), ['S0003', 'S0006']);
      const q = new URLSearchParams(short.calls.at(-1)?.query ?? '').get('q');
      assert.equal(
        q,
        `LastUpdateDate > '${last.modifiedAt}' or (LastUpdateDate = '${last.modifiedAt}' and SupplierNumber > 'S0004')`,
      );
      const unknown = await connector.pull('accounts', { modifiedAt: null, number: null }, 3);
      assert.equal('outcome' in unknown && unknown.outcome, 'rejected');
    } finally {
      await short.close();
    }
  });
});

for (const engine of ENGINES) {
  describe(`Oracle Fusion through the hub on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: OracleSimulator;
    let auth: Record<string, string>;

    before(async () => {
      sim = await startOracleSimulator({ master: MASTER, now: () => new Date() });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        {
          connectors: [...CONNECTORS, ORACLE_FUSION],
          worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } },
        },
      );
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read']);
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('posts a journal and an invoice exactly once over a JWT-bearer connection, with Oracle’s ids', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: { name: 'Oracle Fusion UAT', type: 'oracle-fusion', baseUrl: sim.url, ...sim.connection },
      });
      assert.equal(created.statusCode, 201, created.body);
      const connectionId = created.json<{ id: string }>().id;
      const profile = await t.request({
        method: 'POST',
        url: `/api/v1/connections/${connectionId}/mapping-profiles`,
        headers: auth,
        payload: { valueMaps: PROFILE.valueMaps, settings: PROFILE.settings },
      });
      assert.equal(profile.statusCode, 201, profile.body);
      const submit = async (url: string, field: string, documentId: string, document: unknown) => {
        const res = await t.request({
          method: 'POST',
          url,
          headers: auth,
          payload: { connectionId, documentId, [field]: document },
        });
        assert.equal(res.statusCode, 202, res.body);
        const id = res.json<{ id: string }>().id;
        return until('posted', async () => {
          const p = (await t.request({ url: `/api/v1/postings/${id}`, headers: auth })).json<{
            status: string;
            erpNumber: string;
          }>();
          return p.status === 'posted' ? p : undefined;
        });
      };
      const posted = await submit('/api/v1/vouchers', 'voucher', 'ORA-1', {
        companyCode: 'ACME',
        date: '2026-11-28',
        period: '2026-11',
        word: '记',
        currency: 'CNY',
        summary: '报销差旅费',
        lines: [
          { summary: '差旅费', accountCode: '660202', debit: '1200.00', aux: { department: 'SALES-E' } },
          { summary: '应付报销款', accountCode: '224101', credit: '1200.00' },
        ],
      });
      const journals = sim.book.batches.filter((b) => b.journals.some((j) => j.Reference.includes('ORA-1')));
      assert.equal(journals.length, 1);
      assert.equal(posted.erpNumber, journals[0]?.BatchName);
      const invoice = await submit('/api/v1/supplier-bills', 'bill', 'ORA-2', {
        supplierCode: 'S0001',
        date: '2026-11-20',
        currency: 'CNY',
        lines: [{ description: '办公室保洁', categoryCode: 'OFFICE', amount: '530.00', taxRate: '0.06' }],
      });
      const invoices = sim.book.invoices.filter((i) => i.InvoiceNumber.includes('ORA-2'));
      assert.equal(invoices.length, 1);
      assert.equal(invoice.erpNumber, String(invoices[0]?.InvoiceId));
      assert.equal(invoices[0]?.InvoiceAmount, '530.00');
    });
  });
}

describe('answers Oracle did not write', () => {
  it('classifies a truncated or HTML success to a write as ambiguous, never a throw or a rejection', async () => {
    const bodies = [
      { type: 'application/json', text: '{"OperationName":"importBulkData","ReqstId":"12' },
      { type: 'text/html', text: '<html><body>Sign In</body></html>' },
      { type: 'application/json', text: '{"OperationName":"importBulkData"}' },
    ];
    let next = 0;
    const server = createServer((_req, res) => {
      const body = bodies[next % bodies.length] ?? { type: 'text/plain', text: '' };
      next += 1;
      res.writeHead(201, { 'content-type': body.type });
      res.end(body.text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const connector = ORACLE_FUSION.create(
        {
          baseUrl: `http://127.0.0.1:${port}`,
          settings: { authKind: 'basic' },
          credentials: { username: 'u', password: 'p' },
        },
        { now: () => new Date(), log: () => {}, timeoutMs: 500 },
      );
      for (const expected of ['unreadable_answer', 'unreadable_answer', 'no_request_id']) {
        const result = await connector.push(journal(), 'FB-O-X', PROFILE);
        assert.deepEqual('code' in result && [result.outcome, result.code], ['ambiguous', expected]);
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the standalone Oracle Fusion simulator, as a customer’s UAT uses it', () => {
  const ctx = (): ConnectorContext => ({ now: () => new Date(), log: () => {}, timeoutMs: 2000 });
  it('switches the common and Journal Import faults while running, and reports statistics', async () => {
    const sim = await ORACLE_FUSION.simulator.start({ master: MASTER, now: () => new Date() });
    try {
      const put = (body: unknown) =>
        fetch(`${sim.url}__sim/faults`, { method: 'PUT', body: JSON.stringify(body) });
      assert.equal((await put({ essRejectStatus: 'MAYBE' })).status, 400);
      assert.equal((await put({ essRunningPolls: 2, throttleRps: -1 })).status, 400);
      assert.equal((await put({ essRunningPolls: 2, essRejectRate: 0.5, errorRate: 0 })).status, 200);
      assert.deepEqual(await (await fetch(`${sim.url}__sim/faults`)).json(), {
        errorRate: 0,
        essRunningPolls: 2,
        essRejectRate: 0.5,
      });
      const stats = (await (await fetch(`${sim.url}__sim/stats`)).json()) as Record<string, number>;
      assert.equal(stats['journalBatches'], 0);
      assert.deepEqual(await (await fetch(`${sim.url}__sim/documents`)).json(), []);
      assert.equal((await fetch(`${sim.url}__sim/nope`)).status, 404);
    } finally {
      await sim.close();
    }
  });

  it('answers the banner’s curl, refuses POST on journal batches with 405, and errors in plain text unless asked for JSON', async () => {
    const sim = await ORACLE_FUSION.simulator.start({ master: MASTER, now: () => new Date() });
    try {
      const curl = sim.banner.find((line) => line.includes('curl'));
      assert.ok(curl !== undefined);
      const url = /'(http[^']+)'/.exec(curl)?.[1] ?? '';
      const auth = `Basic ${Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64')}`;
      const listed = await fetch(url, { headers: { authorization: auth, 'rest-framework-version': '4' } });
      assert.equal(listed.status, 200);
      const body = (await listed.json()) as {
        items: unknown[];
        count: number;
        hasMore: boolean;
        limit: number;
        offset: number;
      };
      assert.deepEqual(
        [body.items.length, body.count, body.hasMore, body.limit, body.offset],
        [2, 2, true, 2, 0],
      );
      const root = `${sim.url}fscmRestApi/resources/11.13.18.05`;
      const post = await fetch(`${root}/journalBatches`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(post.status, 405);
      assert.match(post.headers.get('content-type') ?? '', /^text\/plain/);
      const structured = await fetch(`${root}/suppliers?q=Nope%20%3D%20'x'`, {
        headers: {
          authorization: auth,
          'rest-framework-version': '4',
          accept: 'application/vnd.oracle.adf.error+json',
        },
      });
      assert.equal(structured.status, 400);
      assert.match(
        String(
          ((await structured.json()) as { 'o:errorDetails': { detail: string }[] })['o:errorDetails'][0]
            ?.detail,
        ),
        /Nope/,
      );
      assert.equal((await fetch(url)).status, 401);
    } finally {
      await sim.close();
    }
  });

  it('signs in with the customer’s own user, issuer and certificate given as sign-in values', async () => {
    const sim = await startOracleSimulator({
      master: MASTER,
      now: () => new Date(),
      signIn: { username: 'AP_BOT', password: 's3cret' },
    });
    try {
      assert.deepEqual(sim.connection.credentials['username'], 'AP_BOT');
      const basicOk = ORACLE_FUSION.create(
        {
          baseUrl: sim.url,
          settings: { authKind: 'basic' },
          credentials: { username: 'AP_BOT', password: 's3cret' },
        },
        ctx(),
      );
      assert.equal((await basicOk.test()).ok, true);
      const demo = ORACLE_FUSION.create(
        {
          baseUrl: sim.url,
          settings: { authKind: 'basic' },
          credentials: { username: DEMO_USER.username, password: DEMO_USER.password },
        },
        ctx(),
      );
      assert.equal((await demo.test()).ok, false, 'the demo user is not there any more');
      assert.equal(
        (await ORACLE_FUSION.create({ baseUrl: sim.url, ...sim.connection }, ctx()).test()).ok,
        true,
      );
    } finally {
      await sim.close();
    }
    const certOnly = await startOracleSimulator({
      master: MASTER,
      now: () => new Date(),
      signIn: { jwtIssuer: 'acme-erp', certificate: sim.jwt.certificate },
    });
    try {
      assert.equal(
        certOnly.connection.settings['authKind'],
        'basic',
        'no key to sign with: the printed connection uses Basic',
      );
      const signer = ORACLE_FUSION.create(
        {
          baseUrl: certOnly.url,
          settings: { authKind: 'jwt-bearer', jwtIssuer: 'acme-erp' },
          credentials: {
            username: DEMO_USER.username,
            certificate: sim.jwt.certificate,
            privateKey: sim.jwt.privateKey ?? '',
          },
        },
        ctx(),
      );
      assert.equal(
        (await signer.test()).ok,
        true,
        'the customer signs with the key of the certificate it gave',
      );
    } finally {
      await certOnly.close();
    }
  });

  it('refuses a book file that is not its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-oracle-book-'));
    try {
      const foreign = join(dir, 'u8.json');
      writeFileSync(foreign, JSON.stringify({ vouchers: [] }));
      await assert.rejects(
        startOracleSimulator({ master: MASTER, now: () => new Date(), bookFile: foreign }),
        /not an Oracle Fusion simulator book/,
      );
      const corrupt = join(dir, 'corrupt.json');
      writeFileSync(corrupt, '{"erp":"oracle-fus');
      await assert.rejects(
        startOracleSimulator({ master: MASTER, now: () => new Date(), bookFile: corrupt }),
        /not a readable simulator book/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its book in a file: after a restart the documents are there, ids go on, the JWT still signs in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-oracle-book-'));
    const bookFile = join(dir, 'book.json');
    const options: OracleSimulatorOptions = { master: MASTER, now: () => new Date(), bookFile };
    try {
      const first = await startOracleSimulator(options);
      const connection = first.connection;
      const connectTo = (url: string) =>
        ORACLE_FUSION.create(
          { baseUrl: url, ...connection },
          { now: () => new Date(), log: () => {}, timeoutMs: 2000 },
        );
      const a = await connectTo(first.url).push(journal(), 'FB-O-F1', PROFILE);
      const b = await connectTo(first.url).push(bill(), 'FB-O-F2', PROFILE);
      await first.close();
      const second = await startOracleSimulator(options);
      try {
        const again = connectTo(second.url);
        assert.deepEqual(
          await again.lookup('voucher', 'FB-O-F1'),
          a.outcome === 'success' ? { found: true, erpId: a.erpId, erpNumber: a.erpNumber } : null,
        );
        assert.deepEqual(
          await again.lookup('supplier_bill', 'FB-O-F2'),
          b.outcome === 'success' ? { found: true, erpId: b.erpId, erpNumber: b.erpNumber } : null,
        );
        const c = await again.push(journal(), 'FB-O-F3', PROFILE);
        assert.ok(
          c.outcome === 'success' && a.outcome === 'success' && Number(c.erpId) === Number(a.erpId) + 1,
          JSON.stringify([a, c]),
        );
        assert.equal(second.book.documents().length, 3);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('exactly once under every fault at once', () => {
  it('posts 50 vouchers from 8 concurrent workers — uncertain outcomes looked up, resent only when not found — each exactly once', async () => {
    // the tenant's clock runs 20× fast, so 5 s tokens expire mid-flight again and again
    const started = Date.now();
    const fast = () => new Date(started + (Date.now() - started) * 20);
    const sim = await startOracleSimulator({
      master: MASTER,
      now: fast,
      seed: 11,
      errorRate: 0.05,
      timeoutRate: 0.03,
      dropAfterCommitRate: 0.08,
      throttleRps: 400,
      latencyMs: 1,
      sessionTtlS: 5,
    });
    try {
      const connector = ORACLE_FUSION.create(
        { baseUrl: sim.url, ...sim.connection, settings: { ...sim.connection.settings, essPollMs: 10 } },
        { now: fast, log: () => {}, timeoutMs: 250 },
      );
      // besides the random faults, two commits surely lose their answer and two are never answered
      sim.dropNextCommits(2);
      sim.hangNextCommits(2);
      const references = Array.from({ length: 50 }, (_, i) => `FB-CHAOS-${i}-1`);
      const outcomes = new Map<string, string>();
      /** The hub's worker: ambiguous → look up, send again only if not found; transient, throttled, auth → send again. */
      async function post(refs: readonly string[]): Promise<void> {
        const state = new Map<string, 'send' | 'lookup' | 'done'>(refs.map((ref) => [ref, 'send']));
        for (let round = 0; round < 100 && [...state.values()].some((s) => s !== 'done'); round++) {
          for (const [ref, s] of state) {
            if (s !== 'lookup') continue;
            const found = await connector.lookup('voucher', ref);
            if ('found' in found) state.set(ref, found.found ? 'done' : 'send');
            if ('found' in found && found.found) outcomes.set(ref, 'found by lookup');
          }
          const toSend = [...state].filter(([, s]) => s === 'send').map(([ref]) => ref);
          const [only] = toSend;
          if (only === undefined) continue;
          const results =
            toSend.length === 1
              ? [await connector.push(journal(), only, PROFILE)]
              : await connector.pushBatch(
                  toSend.map((ref) => ({ document: journal(), externalReference: ref })),
                  PROFILE,
                );
          toSend.forEach((ref, i) => {
            const outcome = results[i]?.outcome ?? 'ambiguous';
            if (outcome === 'success' || outcome === 'rejected') {
              state.set(ref, 'done');
              outcomes.set(ref, outcome);
            } else state.set(ref, outcome === 'ambiguous' ? 'lookup' : 'send');
          });
        }
      }
      // eight workers: four push one voucher a call, four push batches of up to five
      const shares = Array.from({ length: 8 }, (_, w) => references.filter((_, i) => i % 8 === w));
      await Promise.all(
        shares.map(async (share, w) => {
          if (w % 2 === 0) for (const ref of share) await post([ref]);
          else for (let i = 0; i < share.length; i += 5) await post(share.slice(i, i + 5));
        }),
      );
      sim.setFaults({ errorRate: 0, timeoutRate: 0, dropAfterCommitRate: 0, throttleRps: 0, latencyMs: 0 });
      const documents = (await (await fetch(`${sim.url}__sim/documents`)).json()) as {
        kind: string;
        reference: string;
      }[];
      const counts = new Map<string, number>();
      for (const d of documents) counts.set(d.reference, (counts.get(d.reference) ?? 0) + 1);
      const detail = `stats ${JSON.stringify(sim.stats)}; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`;
      assert.deepEqual(
        references.filter((r) => counts.get(r) !== 1).map((r) => `${r}: ${counts.get(r) ?? 0}`),
        [],
        detail,
      );
      assert.equal(documents.length, 50, detail);
      assert.equal([...outcomes.values()].filter((o) => o === 'rejected').length, 0, detail);
      assert.ok(sim.stats.dropped >= 2 && sim.stats.hung >= 2, `lost answers happened: ${detail}`);
      assert.ok(sim.stats.unauthorized > 0, `tokens expired mid-flight: ${detail}`);
    } finally {
      await sim.close();
    }
  });
});
