import assert from 'node:assert/strict';
import { postThroughHub, TRAVEL_VOUCHER } from '../support/through-hub.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RejectionReason } from '../../src/model/erp-rejections.ts';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type ConnectorContext,
  type MappingProfile,
  type PushResult,
} from '../../src/connectors/contract.ts';
import { B1Client } from '../../src/connectors/sap-b1/client.ts';
import { SAP_B1 } from '../../src/connectors/sap-b1/definition.ts';
import { DEFAULT_SAP_B1_SETTINGS } from '../../src/connectors/sap-b1/map/profile.ts';
import {
  startSapB1Simulator,
  type SapB1Simulator,
  type SapB1SimulatorOptions,
} from '../../src/connectors/sap-b1/simulator/server.ts';
import { CONNECTORS } from '../../src/connectors/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ENGINES } from '../support/engines.ts';
import { conformance, payment, supplierBill, voucher } from './conformance.ts';
import { MASTER } from './master-data.ts';

/** The sample bills' categories go to G/L accounts the test book has. */
const PROFILE: MappingProfile = {
  valueMaps: { ...EMPTY_VALUE_MAPS, expenseCategories: { OFFICE: '660202', MEETING: '660202' } },
  settings: DEFAULT_SAP_B1_SETTINGS,
};
const DOC = {
  voucher: (o: Record<string, unknown> = {}): CanonicalDocument => ({ kind: 'voucher', value: voucher(o) }),
  bill: (o: Record<string, unknown> = {}): CanonicalDocument => ({
    kind: 'supplier_bill',
    value: supplierBill(o),
  }),
  payment: (o: Record<string, unknown> = {}): CanonicalDocument => ({ kind: 'payment', value: payment(o) }),
};
const documentsWith = (sim: SapB1Simulator, reference: string) =>
  sim.book.documents().filter((d) => d.reference === reference);
const start = (options: Partial<SapB1SimulatorOptions> = {}) =>
  startSapB1Simulator({ master: MASTER, now: () => new Date(), seed: 7, ...options });

conformance('SAP Business One Service Layer ⇄ simulator', SAP_B1.manifest, async () => {
  const sim = await start();
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };
  const connector = SAP_B1.create({ baseUrl: sim.url, ...sim.connection }, ctx);
  return {
    connector,
    profile: PROFILE,
    countInErp: (kind, reference) => documentsWith(sim, reference).filter((d) => d.kind === kind).length,
    dropNextResponse: () => sim.dropNextCommits(1),
    touch: (object) => sim.touch(object),
    close: async () => {
      await connector.close();
      await sim.close();
    },
  };
});

describe('SAP Business One connector ⇄ simulator', () => {
  let sim: SapB1Simulator;
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 1000 };
  const connect = (overrides: Partial<ConnectorContext> = {}, settings: Record<string, unknown> = {}) =>
    SAP_B1.create(
      {
        baseUrl: sim.url,
        settings: { ...sim.connection.settings, ...settings },
        credentials: sim.connection.credentials,
      },
      { ...ctx, ...overrides },
    );
  const stored = (reference: string) => documentsWith(sim, reference);

  before(async () => {
    sim = await start({ closedPeriods: ['2026-10'], vendorRefCheck: 'block' });
  });
  after(() => sim.close());

  it('reports the B1 version the login answers with in its connection test', async () => {
    const result = await connect().test();
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.version, '1000190');
    assert.match(result.detail, /SBODEMOCN/);
  });

  it('posts a journal entry: Reference2, G/L accounts, cost centre, dates and exact amounts land in B1', async () => {
    const result = await connect().push(DOC.voucher(), 'FB-T-JE-1', PROFILE);
    assert.ok(result.outcome === 'success', JSON.stringify(result));
    const entry = sim.book.journalEntries.find((e) => e.Reference2 === 'FB-T-JE-1');
    assert.ok(entry !== undefined);
    assert.equal(result.erpId, String(entry.JdtNum));
    assert.equal(result.erpNumber, String(entry.Number));
    assert.deepEqual(
      [entry.ReferenceDate, entry.TaxDate, entry.DueDate],
      ['2026-11-28', '2026-11-28', '2026-11-28'],
    );
    assert.deepEqual(
      entry.lines.map((l) => [l.AccountCode, l.Debit, l.Credit, l.dimensions['CostingCode']]),
      [
        ['660202', '1713.30', '0.00', 'SALES-E'],
        ['22210101', '116.70', '0.00', undefined],
        ['224101', '0.00', '1830.00', undefined],
      ],
    );
  });

  it('posts an A/P service invoice: CardCode, NumAtCard, account per line, VAT from the VAT group', async () => {
    const result = await connect().push(DOC.bill(), 'FB-T-PI-1', PROFILE);
    assert.ok(result.outcome === 'success', JSON.stringify(result));
    const invoice = sim.book.purchaseInvoices.find((d) => d.NumAtCard === 'FB-T-PI-1');
    assert.ok(invoice !== undefined);
    assert.deepEqual(
      [invoice.CardCode, invoice.DocType, invoice.DocTotal, invoice.VatSum],
      ['S0001', 'dDocument_Service', '6390.00', '390.00'],
    );
    assert.deepEqual(
      invoice.lines.map((l) => [l.AccountCode, l.LineTotal, l.taxCode, l.VatSum]),
      [
        ['660202', '5000.00', 'IN6', '300.00'],
        ['660202', '1000.00', 'IN9', '90.00'],
      ],
    );
    assert.deepEqual([result.erpId, result.erpNumber], [String(invoice.DocEntry), String(invoice.DocNum)]);
  });

  it('posts an outgoing payment on account from the bank account', async () => {
    const result = await connect().push(DOC.payment(), 'FB-T-VP-1', PROFILE);
    assert.ok(result.outcome === 'success', JSON.stringify(result));
    const paid = sim.book.vendorPayments.find((p) => p.Remarks === 'FB-T-VP-1');
    assert.deepEqual(
      [paid?.CardCode, paid?.TransferAccount, paid?.TransferSum],
      ['S0001', '1002', '6390.00'],
    );
  });

  it('keeps B1’s own refusal text for every business error, and stores nothing', async () => {
    const connector = connect();
    const cases: {
      ref: string;
      reason: RejectionReason | undefined;
      doc: CanonicalDocument;
      message: RegExp;
    }[] = [
      {
        ref: 'FB-T-R1',
        reason: 'unknown_account',
        doc: DOC.voucher({
          lines: [
            { summary: 'x', accountCode: '9999', debit: '1.00' },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /^Invalid account code \[JournalEntryLines\.AccountCode\]\[line: 1\] , '9999'$/,
      },
      {
        ref: 'FB-T-R2',
        reason: 'unknown_account',
        doc: DOC.voucher({
          lines: [
            { summary: 'x', accountCode: '2221', debit: '1.00' },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /title account.*'2221'/,
      },
      {
        ref: 'FB-T-R3',
        reason: 'period_closed',
        doc: DOC.voucher({ date: '2026-10-31', period: '2026-10' }),
        message: /^Posting period locked; specify an alternative date$/,
      },
      {
        ref: 'FB-T-R4',
        reason: 'unknown_partner',
        doc: DOC.voucher({
          lines: [
            { summary: 'x', accountCode: '660202', debit: '1.00', aux: { supplier: 'S9999' } },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /Invalid BP code \[JournalEntryLines\.ShortName\]\[line: 1\] , 'S9999'/,
      },
      {
        ref: 'FB-T-R5',
        reason: 'unknown_dimension',
        doc: DOC.voucher({
          lines: [
            { summary: 'x', accountCode: '660202', debit: '1.00', aux: { department: 'NOPE' } },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /\[JournalEntryLines\.CostingCode\]\[line: 1\] , 'NOPE'/,
      },
      {
        ref: 'FB-T-R6',
        reason: 'unknown_partner',
        doc: DOC.bill({ supplierCode: 'S9999' }),
        message: /^Invalid BP code \[OPCH\.CardCode\] , 'S9999'$/,
      },
      {
        ref: 'FB-T-R7',
        reason: 'period_closed',
        doc: DOC.bill({ date: '2026-10-20', dueDate: '2026-10-30' }),
        message: /Posting period locked/,
      },
      {
        ref: 'FB-T-R8',
        // B1's text says no more than that: no reason
        reason: undefined,
        doc: DOC.bill({ currency: 'USD' }),
        message: /^Update the exchange rate$/,
      },
      {
        ref: 'FB-T-R9',
        reason: 'unknown_partner',
        doc: DOC.payment({ payeeCode: 'S9999' }),
        message: /^Invalid BP code \[OVPM\.CardCode\] , 'S9999'$/,
      },
    ];
    for (const c of cases) {
      const result = await connector.push(c.doc, c.ref, PROFILE);
      assert.equal(result.outcome, 'rejected', `${c.ref}: ${JSON.stringify(result)}`);
      assert.ok('message' in result && c.message.test(result.message), `${c.ref}: ${JSON.stringify(result)}`);
      assert.equal(result.code, '-5002');
      assert.equal(result.reason, c.reason, c.ref);
      assert.equal(stored(c.ref).length, 0);
    }
  });

  it('refuses an unbalanced journal entry with -5002 (reached only on the wire: the canonical voucher is balanced)', async () => {
    const client = new B1Client(
      {
        baseUrl: sim.url,
        companyDb: sim.credentials.companyDb,
        userName: sim.credentials.userName,
        password: sim.credentials.password,
        version: 'v1',
      },
      ctx,
    );
    const answer = await client.post('JournalEntries', {
      ReferenceDate: '2026-11-28',
      Reference2: 'FB-T-UNB',
      JournalEntryLines: [
        { AccountCode: '660202', Debit: 10, Credit: 0 },
        { AccountCode: '1002', Debit: 0, Credit: 9.99 },
      ],
    });
    assert.ok(!answer.ok);
    assert.deepEqual([answer.failure.outcome, answer.failure.code], ['rejected', '-5002']);
    assert.match(answer.failure.message, /Unbalanced transaction/);
    assert.equal(answer.failure.reason, 'unbalanced');
    const unknown = await client.post('JournalEntries', { Reference2: 'FB-T-UNB', NoSuchField: 1 });
    assert.ok(!unknown.ok);
    assert.equal(unknown.failure.message, "Property 'NoSuchField' of 'JournalEntry' is invalid");
    await client.logout();
    assert.equal(stored('FB-T-UNB').length, 0);
  });

  it('refuses a voucher outside the local currency, and a reference B1 cannot hold, before calling', async () => {
    const before = sim.stats['requests'];
    const connector = connect();
    assert.equal(
      (await connector.push(DOC.voucher({ currency: 'USD' }), 'FB-T-USD', PROFILE)).outcome,
      'rejected',
    );
    assert.equal((await connector.push(DOC.voucher(), `FB-${'X'.repeat(100)}`, PROFILE)).outcome, 'rejected');
    assert.equal(sim.stats['requests'], before);
  });

  it('stores a journal entry twice when its reference is sent twice — B1 keeps no uniqueness (§2.5); lookup finds the first', async () => {
    const connector = connect();
    const first = await connector.push(DOC.voucher(), 'FB-T-TWICE', PROFILE);
    const second = await connector.push(DOC.voucher(), 'FB-T-TWICE', PROFILE);
    assert.ok(first.outcome === 'success' && second.outcome === 'success');
    assert.equal(stored('FB-T-TWICE').length, 2);
    assert.deepEqual(await connector.lookup('voucher', 'FB-T-TWICE'), {
      found: true,
      erpId: first.erpId,
      erpNumber: first.erpNumber,
    });
  });

  it('recognises the blocked duplicate vendor reference as "already posted" and answers with that invoice', async () => {
    const connector = connect();
    const first = await connector.push(DOC.bill(), 'FB-T-DUP', PROFILE);
    const again = await connector.push(DOC.bill(), 'FB-T-DUP', PROFILE);
    assert.ok(first.outcome === 'success', JSON.stringify(first));
    assert.deepEqual(again, first);
    assert.equal(stored('FB-T-DUP').length, 1);
  });

  it('reports a write whose answer was lost as ambiguous, and lookup finds it committed', async () => {
    const connector = connect();
    for (const [kind, doc] of [
      ['voucher', DOC.voucher()],
      ['supplier_bill', DOC.bill()],
      ['payment', DOC.payment()],
    ] as const) {
      const ref = `FB-T-LOST-${kind}`;
      sim.dropNextCommits(1);
      const result = await connector.push(doc, ref, PROFILE);
      assert.equal(result.outcome, 'ambiguous', JSON.stringify(result));
      const found = await connector.lookup(kind, ref);
      assert.ok('found' in found && found.found, JSON.stringify(found));
      assert.equal(stored(ref).length, 1);
    }
  });

  it('reports a write without an answer in time as ambiguous (timeout), a read as transient', async () => {
    const connector = connect({ timeoutMs: 150 });
    sim.hangNextCommits(1);
    const result = await connector.push(DOC.voucher(), 'FB-T-TO', PROFILE);
    assert.deepEqual('code' in result && [result.outcome, result.code], ['ambiguous', 'timeout']);
    const found = await connector.lookup('voucher', 'FB-T-TO');
    assert.ok('found' in found && found.found);
    sim.setFaults({ timeoutRate: 1 });
    try {
      const lookup = await connector.lookup('voucher', 'FB-T-TO');
      assert.deepEqual('outcome' in lookup && [lookup.outcome, lookup.code], ['transient', 'timeout']);
    } finally {
      sim.setFaults({ timeoutRate: 0 });
    }
  });

  it('reads the balancer’s HTML 502 page as ambiguous for a write and transient for a read, never as a refusal', async () => {
    const connector = connect();
    assert.ok((await connector.test()).ok);
    sim.setFaults({ errorRate: 1 });
    try {
      const result = await connector.push(DOC.voucher(), 'FB-T-502', PROFILE);
      assert.deepEqual('code' in result && [result.outcome, result.code], ['ambiguous', 'HTTP 502']);
      assert.ok('message' in result && result.message.includes('Proxy Error'));
      const lookup = await connector.lookup('voucher', 'FB-T-502');
      assert.equal('outcome' in lookup && lookup.outcome, 'transient');
    } finally {
      sim.setFaults({ errorRate: 0 });
    }
    assert.equal(stored('FB-T-502').length, 0);
  });

  it('says throttled when the gateway answers 429, and stores nothing', async () => {
    const connector = connect();
    assert.ok((await connector.test()).ok);
    sim.setFaults({ throttleRps: 1 });
    try {
      await connector.push(DOC.voucher(), 'FB-T-TH1', PROFILE);
      const throttled = await connector.push(DOC.voucher(), 'FB-T-TH2', PROFILE);
      assert.equal(throttled.outcome, 'throttled', JSON.stringify(throttled));
      assert.equal(stored('FB-T-TH2').length, 0);
    } finally {
      sim.setFaults({ throttleRps: 0 });
    }
  });

  it('logs in again when every session was expired by the admin, and the push goes through once', async () => {
    const connector = connect();
    assert.ok((await connector.test()).ok);
    const answer = await fetch(`${sim.url}__sim/expire-sessions`, { method: 'POST' });
    assert.ok(((await answer.json()) as { expired: number }).expired >= 1);
    const result = await connector.push(DOC.voucher(), 'FB-T-EXP', PROFILE);
    assert.equal(result.outcome, 'success', JSON.stringify(result));
    assert.equal(stored('FB-T-EXP').length, 1);
  });

  it('logs in again when an idle session timed out by the simulator’s clock', async () => {
    let clock = Date.parse('2026-11-28T02:00:00Z');
    const idle = await start({ now: () => new Date(clock), sessionTtlS: 60 });
    try {
      // the connector's clock runs slower than the ERP's: B1's 301 is what tells it
      const connector = SAP_B1.create(
        { baseUrl: idle.url, ...idle.connection },
        { ...ctx, now: () => new Date(Date.parse('2026-11-28T02:00:00Z')) },
      );
      assert.ok((await connector.test()).ok);
      clock += 61_000;
      const result = await connector.push(DOC.voucher(), 'FB-T-IDLE', PROFILE);
      assert.equal(result.outcome, 'success', JSON.stringify(result));
      assert.equal(idle.stats['sessionsRefused'], 1);
      assert.equal(idle.stats['logins'], 2);
      await connector.close();
      assert.equal(idle.stats['activeSessions'], 0, 'logged out on close');
    } finally {
      await idle.close();
    }
  });

  it('pushes a batch as one $batch call with one changeset per document, each with its own result', async () => {
    const connector = connect();
    const before = sim.calls.length;
    const results = await connector.pushBatch(
      [
        { document: DOC.voucher(), externalReference: 'FB-T-B1' },
        {
          document: DOC.voucher({
            lines: [
              { summary: 'x', accountCode: '9999', debit: '1.00' },
              { summary: 'y', accountCode: '1002', credit: '1.00' },
            ],
          }),
          externalReference: 'FB-T-B2',
        },
        { document: DOC.voucher({ currency: 'USD' }), externalReference: 'FB-T-B3' },
        { document: DOC.voucher(), externalReference: 'FB-T-B4' },
      ],
      PROFILE,
    );
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['success', 'rejected', 'rejected', 'success'],
    );
    assert.ok('message' in results[1]! && /'9999'/.test(results[1].message));
    const batches = sim.calls.slice(before).filter((c) => c.resource === '$batch');
    assert.equal(batches.length, 1);
    assert.deepEqual(
      ['FB-T-B1', 'FB-T-B2', 'FB-T-B3', 'FB-T-B4'].map((r) => stored(r).length),
      [1, 0, 0, 1],
    );
  });

  it('rolls a failed changeset back as a whole, as B1 does (§2.6)', async () => {
    const login = await fetch(`${sim.url}b1s/v1/Login`, {
      method: 'POST',
      body: JSON.stringify({
        CompanyDB: sim.credentials.companyDb,
        UserName: sim.credentials.userName,
        Password: sim.credentials.password,
      }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const line = (account: string, debit: string, credit: string) =>
      `{"AccountCode":"${account}","Debit":${debit},"Credit":${credit}}`;
    const je = (ref: string, account: string) =>
      `{"Reference2":"${ref}","JournalEntryLines":[${line(account, '5.00', '0')},${line('1002', '0', '5.00')}]}`;
    const body = [
      '--batch_x',
      'Content-Type: multipart/mixed; boundary=cs_x',
      '',
      '--cs_x',
      'Content-Type: application/http',
      'Content-ID: 1',
      '',
      'POST /b1s/v1/JournalEntries',
      'Content-Type: application/json',
      '',
      je('FB-T-CS-1', '660202'),
      '--cs_x',
      'Content-Type: application/http',
      'Content-ID: 2',
      '',
      'POST /b1s/v1/JournalEntries HTTP/1.1',
      'Content-Type: application/json',
      '',
      je('FB-T-CS-2', '9999'),
      '--cs_x--',
      '--batch_x--',
      '',
    ].join('\r\n');
    const answer = await fetch(`${sim.url}b1s/v1/$batch`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'multipart/mixed; boundary=batch_x' },
      body,
    });
    assert.equal(answer.status, 200);
    const text = await answer.text();
    assert.equal((text.match(/HTTP\/1\.1 /g) ?? []).length, 1, 'one answer for the failed changeset');
    assert.match(text, /HTTP\/1\.1 400 Bad Request/);
    assert.deepEqual([stored('FB-T-CS-1').length, stored('FB-T-CS-2').length], [0, 0]);
  });

  it('pulls suppliers page by page with Prefer: odata.maxpagesize, following odata.nextLink, ordered by the update stamp', async () => {
    const connector = connect();
    const before = sim.calls.length;
    const page = await connector.pull('suppliers', { modifiedAt: null, number: null }, 3);
    assert.ok('records' in page, JSON.stringify(page));
    assert.deepEqual(
      page.records.map((r) => r.number),
      ['S0001', 'S0002', 'S0003'],
    );
    const all: string[] = [];
    let cursor = { modifiedAt: null as string | null, number: null as string | null };
    for (let i = 0; i < 10; i++) {
      const next = await connector.pull('suppliers', cursor, 2);
      assert.ok('records' in next);
      all.push(...next.records.map((r) => r.number));
      const last = next.records.at(-1);
      if (last === undefined) break;
      cursor = { modifiedAt: last.modifiedAt, number: last.number };
    }
    assert.deepEqual(all, ['S0001', 'S0002', 'S0003', 'S0004', 'S0005', 'S0006', 'S0007']);
    const reads = sim.calls.slice(before).filter((c) => c.resource === 'BusinessPartners');
    assert.ok(
      reads.every(
        (c) => c.headers['prefer'] === 'odata.maxpagesize=3' || c.headers['prefer'] === 'odata.maxpagesize=2',
      ),
    );
    assert.ok(
      reads.some((c) => /\$skip=/.test(c.search)),
      'a next link was followed',
    );
    assert.ok(reads.every((c) => decodeURIComponent(c.search).includes("CardType eq 'cSupplier'")));
    assert.ok(reads.some((c) => decodeURIComponent(c.search).includes("UpdateDate ge '")));
  });

  it('pulls the chart of accounts by Code with $top; title accounts come back unusable', async () => {
    const connector = connect();
    const page = await connector.pull('accounts', { modifiedAt: null, number: '1002' }, 2);
    assert.ok('records' in page, JSON.stringify(page));
    assert.deepEqual(
      page.records.map((r) => [r.number, r.usable]),
      [
        ['2221', false],
        ['22210101', true],
      ],
    );
    assert.match(sim.calls.at(-1)?.search ?? '', /\$top=2/);
    const unknown = await connector.pull('employees', { modifiedAt: null, number: null }, 3);
    assert.equal('outcome' in unknown && unknown.outcome, 'rejected');
  });

  it('speaks the v2 flavour too: @odata annotations, date-time dates, string error codes', async () => {
    const connector = connect({}, { odataVersion: 'v2' });
    assert.ok((await connector.test()).ok);
    const ok = await connector.push(DOC.voucher(), 'FB-T-V2', PROFILE);
    assert.equal(ok.outcome, 'success');
    assert.ok(sim.calls.at(-1)?.resource === 'JournalEntries');
    const refused = await connector.push(DOC.bill({ supplierCode: 'S9999' }), 'FB-T-V2-R', PROFILE);
    assert.deepEqual('code' in refused && [refused.outcome, refused.code], ['rejected', '-5002']);
    const found = await connector.lookup('voucher', 'FB-T-V2');
    assert.deepEqual(found, { found: true, erpId: ok.erpId, erpNumber: ok.erpNumber });
    const touched = sim.touch('suppliers');
    const page = await connector.pull('suppliers', { modifiedAt: '2000-01-01T00:00:00', number: '' }, 100);
    assert.ok('records' in page);
    assert.equal(page.records.at(-1)?.number, touched);
    assert.match(page.records.at(-1)?.modifiedAt ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    assert.ok(
      sim.calls.some(
        (c) =>
          c.resource === 'BusinessPartners' &&
          decodeURIComponent(c.search).includes('UpdateDate ge 2000-01-01T00:00:00Z'),
      ),
    );
  });
});

describe('the standalone SAP Business One simulator, as a customer’s UAT uses it', () => {
  it('switches the common and B1 faults while running, and reports its own statistics', async () => {
    const sim = await SAP_B1.simulator.start({ master: MASTER, now: () => new Date() });
    try {
      const put = (body: unknown) =>
        fetch(`${sim.url}__sim/faults`, { method: 'PUT', body: JSON.stringify(body) });
      assert.equal((await put({ sessionTtlS: 0 })).status, 400);
      assert.equal((await put({ routeSwitchRate: 2 })).status, 400);
      assert.equal((await put({ nonsense: 1 })).status, 400);
      assert.equal((await put({ errorRate: 1, sessionTtlS: 5, routeSwitchRate: 0 })).status, 200);
      const faults = (await (await fetch(`${sim.url}__sim/faults`)).json()) as Record<string, number>;
      assert.deepEqual([faults['errorRate'], faults['sessionTtlS'], faults['routeSwitchRate']], [1, 5, 0]);
      const connector = SAP_B1.create(
        { baseUrl: sim.url, ...sim.connection },
        { now: () => new Date(), log: () => {}, timeoutMs: 2000 },
      );
      assert.equal((await connector.test()).ok, false);
      assert.equal((await put({ errorRate: 0 })).status, 200);
      assert.equal((await connector.test()).ok, true);
      const stats = (await (await fetch(`${sim.url}__sim/stats`)).json()) as Record<string, number>;
      assert.ok((stats['errors'] ?? 0) >= 1 && stats['logins'] === 1, JSON.stringify(stats));
      assert.ok(sim.banner.some((line) => line.includes('curl') && line.includes(`${sim.url}b1s/v1/Login`)));
      await connector.close();
    } finally {
      await sim.close();
    }
  });

  it('keeps its book in a file: documents survive a restart and numbering goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-b1-book-'));
    const bookFile = join(dir, 'book.json');
    try {
      const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };
      const first = await start({ bookFile });
      const one = SAP_B1.create({ baseUrl: first.url, ...first.connection }, ctx);
      const a = await one.push(DOC.voucher(), 'FB-T-FILE-1', PROFILE);
      await one.close();
      await first.close();
      const second = await start({ bookFile });
      try {
        const two = SAP_B1.create({ baseUrl: second.url, ...second.connection }, ctx);
        assert.deepEqual(await two.lookup('voucher', 'FB-T-FILE-1'), {
          found: true,
          erpId: a.outcome === 'success' ? a.erpId : '',
          erpNumber: a.outcome === 'success' ? a.erpNumber : '',
        });
        const b = await two.push(DOC.voucher(), 'FB-T-FILE-2', PROFILE);
        assert.ok(a.outcome === 'success' && b.outcome === 'success');
        assert.equal(Number(b.erpId), Number(a.erpId) + 1);
        const listed = (await (await fetch(`${second.url}__sim/documents`)).json()) as {
          reference: string;
        }[];
        assert.deepEqual(
          listed.map((d) => d.reference),
          ['FB-T-FILE-1', 'FB-T-FILE-2'],
        );
        await two.close();
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SAP Business One under every fault at once', () => {
  it('ends with each of 50 vouchers in B1 exactly once when every ambiguous result is looked up before a resend', async () => {
    const sim = await start({
      seed: 20261128,
      errorRate: 0.05,
      timeoutRate: 0.03,
      dropAfterCommitRate: 0.08,
      throttleRps: 400,
      latencyMs: 1,
      sessionTtlS: 5,
      routeSwitchRate: 0.02,
    });
    // sessions also die mid-flight, far more often than a 5 s idle timeout would in a short test
    const expiry = setInterval(() => sim.expireSessions(), 40);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const outcomes: Record<string, number> = {};
    const count = (outcome: string) => {
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    };
    const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 250 };
    const workers = Array.from({ length: 3 }, () =>
      SAP_B1.create({ baseUrl: sim.url, ...sim.connection }, ctx),
    );
    /** What the hub's worker does after a push: settle, or look up an unknown outcome and resend only if not found. */
    async function settle(
      worker: (typeof workers)[number],
      reference: string,
      first: PushResult,
    ): Promise<void> {
      let result = first;
      for (let attempt = 0; attempt < 100; attempt++) {
        count(result.outcome);
        if (result.outcome === 'success') return;
        assert.notEqual(result.outcome, 'rejected', JSON.stringify(result));
        if (result.outcome === 'ambiguous') {
          for (;;) {
            const found = await worker.lookup('voucher', reference);
            if ('found' in found) {
              if (found.found) return;
              break;
            }
            await pause(5);
          }
        }
        await pause(2 + attempt);
        result = await worker.push(DOC.voucher({ summary: reference }), reference, PROFILE);
      }
      assert.fail(`${reference} never settled`);
    }
    try {
      const references = Array.from({ length: 50 }, (_, i) => `FB-CHAOS-${i}`);
      const lanes = Array.from({ length: 8 * workers.length }, (_, lane) =>
        references.filter((_, i) => i % (8 * workers.length) === lane),
      );
      await Promise.all(
        lanes.map(async (lane, n) => {
          const worker = workers[n % workers.length]!;
          if (n % 2 === 0) {
            // half the lanes push their vouchers as one $batch, as the hub does for a claimed batch
            const items = lane.map((reference) => ({
              document: DOC.voucher({ summary: reference }),
              externalReference: reference,
            }));
            const results = await worker.pushBatch(items, PROFILE);
            await Promise.all(lane.map((reference, i) => settle(worker, reference, results[i]!)));
          } else
            for (const reference of lane)
              await settle(
                worker,
                reference,
                await worker.push(DOC.voucher({ summary: reference }), reference, PROFILE),
              );
        }),
      );
      const listed = (await (await fetch(`${sim.url}__sim/documents`)).json()) as { reference: string }[];
      const times = new Map<string, number>();
      for (const d of listed) times.set(d.reference, (times.get(d.reference) ?? 0) + 1);
      assert.deepEqual(
        references.filter((r) => times.get(r) !== 1).map((r) => `${r}×${times.get(r) ?? 0}`),
        [],
        JSON.stringify({ outcomes, stats: sim.stats }),
      );
      assert.equal(listed.length, references.length);
      const stats = sim.stats;
      assert.ok((stats['dropped'] ?? 0) > 0 && (stats['sessionsRefused'] ?? 0) > 0, JSON.stringify(stats));
    } finally {
      clearInterval(expiry);
      await Promise.all(workers.map((w) => w.close()));
      await sim.close();
    }
  });
});

for (const engine of ENGINES) {
  describe(`SAP Business One through the hub on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: SapB1Simulator;
    let auth: Record<string, string>;

    before(async () => {
      sim = await start();
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { connectors: [...CONNECTORS, SAP_B1], worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read']);
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('validates the connection against the definition’s schemas and posts a voucher into B1 once, with B1’s number', async () => {
      const refused = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: {
          name: 'B1 bad',
          type: 'sap-b1',
          baseUrl: sim.url,
          settings: { companyDb: 'X', odataVersion: 'v3' },
          credentials: sim.connection.credentials,
        },
      });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.match(refused.body, /\/settings\/odataVersion/);
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: { name: 'SAP B1 测试', type: 'sap-b1', baseUrl: sim.url, ...sim.connection },
      });
      assert.equal(created.statusCode, 201, created.body);
      const connectionId = created.json<{ id: string }>().id;
      const posted = await postThroughHub(t, auth, {
        connectionId,
        documentId: 'B1-1',
        voucher: TRAVEL_VOUCHER,
      });
      const inB1 = sim.book.journalEntries.filter((e) => e.Reference2.includes('B1-1'));
      assert.equal(inB1.length, 1);
      assert.equal(posted.erpNumber, String(inB1[0]?.Number));
      assert.deepEqual(
        inB1[0]?.lines.map((l) => [l.AccountCode, l.Debit, l.Credit, l.dimensions['CostingCode']]),
        [
          ['660202', '1200.00', '0.00', 'SALES-E'],
          ['224101', '0.00', '1200.00', undefined],
        ],
      );
    });
  });
}
