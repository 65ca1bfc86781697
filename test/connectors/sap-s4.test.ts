import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type ConnectorContext,
  type DocumentKind,
  type MappingProfile,
} from '../../src/connectors/contract.ts';
import { SAP_S4 } from '../../src/connectors/sap-s4/definition.ts';
import { DEFAULT_S4_SETTINGS } from '../../src/connectors/sap-s4/map/profile.ts';
import { messageHeaderOf, referenceKey } from '../../src/connectors/sap-s4/map/reference.ts';
import { startS4Simulator, type S4Simulator } from '../../src/connectors/sap-s4/simulator/server.ts';
import { conformance, supplierBill, voucher } from './conformance.ts';
import { MASTER } from './master-data.ts';

/** The conformance bills' expense categories, mapped to an account the simulated tenant has. */
const PROFILE: MappingProfile = {
  valueMaps: { ...EMPTY_VALUE_MAPS, expenseCategories: { OFFICE: '660202', MEETING: '660202' } },
  settings: DEFAULT_S4_SETTINGS,
};
const doc = (overrides: Record<string, unknown> = {}): CanonicalDocument => ({
  kind: 'voucher',
  value: voucher(overrides),
});
const bill = (overrides: Record<string, unknown> = {}): CanonicalDocument => ({
  kind: 'supplier_bill',
  value: supplierBill(overrides),
});
const entries = (sim: S4Simulator, reference: string) =>
  sim.book.journalEntries.filter((d) => d.origin === 'BKPFF' && d.reference === referenceKey(reference));
const invoices = (sim: S4Simulator, reference: string) =>
  sim.book.supplierInvoices.filter((i) => i.reference === referenceKey(reference));
const inBook = (sim: S4Simulator, kind: DocumentKind, reference: string): readonly unknown[] =>
  kind === 'voucher' ? entries(sim, reference) : invoices(sim, reference);

conformance('SAP S/4HANA ⇄ simulator', SAP_S4.manifest, async () => {
  const sim = await startS4Simulator({ master: MASTER, now: () => new Date(), seed: 5 });
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };
  return {
    connector: SAP_S4.create({ baseUrl: sim.url, ...sim.connection }, ctx),
    profile: PROFILE,
    countInErp: (kind, reference) => inBook(sim, kind, reference).length,
    dropNextResponse: () => sim.dropNextCommits(1),
    touch: (object) => sim.touch(object),
    close: () => sim.close(),
  };
});

describe('SAP S/4HANA connector ⇄ simulator', () => {
  let sim: S4Simulator;
  const events: { event: string; fields: Record<string, unknown> }[] = [];
  const ctx: ConnectorContext = {
    now: () => new Date(),
    log: (event, fields) => events.push({ event, fields }),
    timeoutMs: 1000,
  };
  const connect = (over: Partial<ConnectorContext> = {}) =>
    SAP_S4.create({ baseUrl: sim.url, ...sim.connection }, { ...ctx, ...over });
  const oauth = () => SAP_S4.create({ baseUrl: sim.url, ...sim.oauthConnection }, ctx);
  const callsTo = (path: RegExp, from = 0) => sim.calls.slice(from).filter((c) => path.test(c.path));

  before(async () => {
    sim = await startS4Simulator({
      master: MASTER,
      now: () => new Date(),
      seed: 3,
      s4Faults: { closedPeriods: ['2026-10'] },
    });
  });
  after(() => sim.close());

  it('passes its connection test as a communication user and as an OAuth client, naming the OData version', async () => {
    const basic = await connect().test();
    assert.ok(basic.ok, JSON.stringify(basic));
    assert.equal(basic.version, 'OData V2 (dataserviceversion 2.0)');
    assert.match(basic.detail, /communication user FINBRIDGE_COMM; 7 business partners/);
    const client = await oauth().test();
    assert.ok(client.ok, JSON.stringify(client));
  });

  it('posts a voucher as a SOAP journal entry without a CSRF token and finds it by DocumentReferenceID', async () => {
    const connector = connect();
    const from = sim.calls.length;
    const result = await connector.push(doc(), 'FB-T-V1', PROFILE);
    assert.ok(result.outcome === 'success', JSON.stringify(result));
    const [stored] = entries(sim, 'FB-T-V1');
    assert.ok(stored !== undefined);
    assert.equal(result.erpNumber, stored.accountingDocument);
    assert.equal(result.erpId, `${stored.accountingDocument}1010${stored.fiscalYear}`);
    assert.equal(stored.messageId, messageHeaderOf('FB-T-V1').id);
    assert.deepEqual(
      stored.items.map((i) => [i.glAccount, i.amount, i.debitCredit, i.costCenter]),
      [
        ['660202', '1713.30', 'S', 'SALES-E'],
        ['22210101', '116.70', 'S', ''],
        ['224101', '-1830.00', 'H', ''],
      ],
    );
    const [post] = callsTo(/journalentrycreaterequestconfi/, from);
    assert.equal(post?.csrf, '', 'the SOAP service takes no CSRF token');
    assert.deepEqual(await connector.lookup('voucher', 'FB-T-V1'), {
      found: true,
      erpId: result.erpId,
      erpNumber: result.erpNumber,
    });
    const [read] = callsTo(/A_JournalEntryItemBasic/, from);
    assert.match(decodeURIComponent(read?.query ?? ''), /\$filter=DocumentReferenceID eq 'FB-T-V1'/);
  });

  it('creates a supplier invoice after the CSRF handshake and finds it by SupplierInvoiceIDByInvcgParty', async () => {
    const connector = connect();
    const from = sim.calls.length;
    const result = await connector.push(bill(), 'FB-T-B1', PROFILE);
    assert.ok(result.outcome === 'success', JSON.stringify(result));
    const calls = sim.calls.slice(from);
    assert.deepEqual(
      calls.map((c) => [
        c.method,
        c.path.replace(/^.*\/sap\/opu\/odata\/sap\//, ''),
        c.csrf === '' ? '' : c.csrf === 'Fetch' ? 'Fetch' : 'token',
      ]),
      [
        ['GET', 'API_SUPPLIERINVOICE_PROCESS_SRV/', 'Fetch'],
        ['POST', 'API_SUPPLIERINVOICE_PROCESS_SRV/A_SupplierInvoice', 'token'],
      ],
    );
    const [invoice] = invoices(sim, 'FB-T-B1');
    assert.ok(invoice !== undefined);
    assert.equal(invoice.gross, '6390.00');
    assert.equal(invoice.invoicingParty, 'S0001');
    assert.deepEqual(await connector.lookup('supplier_bill', 'FB-T-B1'), {
      found: true,
      erpId: result.erpId,
      erpNumber: result.erpNumber,
    });
    // invoice verification posted an accounting document: vendor credit, expenses and input tax debits
    const accounting = sim.book.journalEntries.find((d) => d.origin === 'RMRP' && d.reference === 'FB-T-B1');
    assert.deepEqual(
      accounting?.items.map((i) => i.amount),
      ['-6390.00', '5000.00', '1000.00', '300.00', '90.00'],
    );
    // the second write reuses the token of the session
    const again = sim.calls.length;
    assert.equal((await connector.push(bill(), 'FB-T-B2', PROFILE)).outcome, 'success');
    assert.deepEqual(
      sim.calls.slice(again).map((c) => c.method),
      ['POST'],
    );
  });

  it('fetches a new CSRF token once when S/4 answers 403 x-csrf-token: Required, and the write goes through', async () => {
    const connector = connect();
    assert.equal((await connector.push(bill(), 'FB-T-C1', PROFILE)).outcome, 'success');
    sim.expireCsrfTokens();
    const before = sim.stats['csrfRequired'] ?? 0;
    const from = sim.calls.length;
    const result = await connector.push(bill(), 'FB-T-C2', PROFILE);
    assert.equal(result.outcome, 'success', JSON.stringify(result));
    assert.equal((sim.stats['csrfRequired'] ?? 0) - before, 1);
    assert.deepEqual(
      sim.calls.slice(from).map((c) => [c.method, c.csrf === 'Fetch']),
      [
        ['POST', false],
        ['GET', true],
        ['POST', false],
      ],
    );
    assert.equal(inBook(sim, 'supplier_bill', 'FB-T-C2').length, 1);
  });

  it('keeps SAP’s messages when S/4 refuses a journal entry, and stores nothing', async () => {
    const connector = connect();
    const cases = [
      {
        ref: 'FB-T-R1',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '9999', debit: '1.00' },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        code: '507(F5)',
        reason: 'unknown_account',
        message: /G\/L account 9999 is not defined in chart of accounts YCOA/,
      },
      {
        ref: 'FB-T-R2',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '2221', debit: '1.00' },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        code: '351(F5)',
        reason: 'unknown_account',
        message: /Account 2221 1010 is blocked for posting/,
      },
      {
        ref: 'FB-T-R3',
        doc: doc({ date: '2026-10-31', period: '2026-10' }),
        code: '201(F5)',
        reason: 'period_closed',
        message: /Posting period 010 2026 is not open/,
      },
      {
        ref: 'FB-T-R4',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '660202', debit: '1.00' },
            { summary: 'y', accountCode: '2202', credit: '1.00', aux: { supplier: 'S9999' } },
          ],
        }),
        code: '104(F5)',
        reason: 'unknown_partner',
        message: /Vendor S9999 is not defined in company code 1010/,
      },
      {
        ref: 'FB-T-R5',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '660202', debit: '1.00', aux: { department: 'NOPE' } },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        code: '248(KI)',
        reason: 'unknown_dimension',
        message: /Cost center A000\/NOPE does not exist/,
      },
    ];
    for (const c of cases) {
      const result = await connector.push(c.doc, c.ref, PROFILE);
      assert.ok(result.outcome === 'rejected', `${c.ref}: ${JSON.stringify(result)}`);
      assert.equal(result.code, c.code, c.ref);
      assert.equal(result.reason, c.reason, c.ref);
      assert.match(result.message, c.message);
      assert.match(
        result.message,
        /^Error in document: BKPFF \$ S4HCLNT100; /,
        'the generic note comes first, verbatim',
      );
      assert.equal(inBook(sim, 'voucher', c.ref).length, 0);
    }
  });

  it('refuses an unbalanced entry with F5 702 (a raw SOAP call: the canonical model cannot express one)', async () => {
    const rendered = SAP_S4.render(doc(), 'FB-T-UNB', PROFILE);
    const { xmlElement } = await import('../../src/connectors/sap-s4/xml.ts');
    const xml = xmlElement('soapenv:Envelope', rendered.payload['soapenv:Envelope'] as never).replace(
      '>-1830.00<',
      '>-1830.01<',
    );
    const res = await fetch(`${sim.url}sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sim.accounts.username}:${sim.accounts.password}`).toString('base64')}`,
        'content-type': 'text/xml; charset=utf-8',
      },
      body: xml,
    });
    assert.equal(res.status, 200, 'a business error is still HTTP 200');
    const text = await res.text();
    assert.match(
      text,
      /<TypeID>702\(F5\)<\/TypeID><SeverityCode>3<\/SeverityCode><Note>Balance in transaction currency<\/Note>/,
    );
    assert.match(text, /<AccountingDocument>0000000000<\/AccountingDocument>/);
  });

  it('posts the same reference twice, as the synchronous service does: only the lookup prevents duplicates', async () => {
    const connector = connect();
    const first = await connector.push(doc(), 'FB-T-D1', PROFILE);
    const second = await connector.push(doc(), 'FB-T-D1', PROFILE);
    assert.ok(first.outcome === 'success' && second.outcome === 'success');
    assert.notEqual(first.erpNumber, second.erpNumber);
    assert.equal(inBook(sim, 'voucher', 'FB-T-D1').length, 2);
    const found = await connector.lookup('voucher', 'FB-T-D1');
    assert.ok('found' in found && found.found && found.erpNumber === first.erpNumber, 'the first document');
    assert.ok(events.some((e) => e.event === 'sap-s4.lookup_duplicates'));
  });

  it('creates a duplicate invoice with S/4’s warning, and turns a duplicate refused as an error into the existing invoice', async () => {
    const connector = connect();
    const first = await connector.push(bill(), 'FB-T-DI', PROFILE);
    assert.ok(first.outcome === 'success');
    const warned = await connector.push(bill(), 'FB-T-DI', PROFILE);
    assert.equal(warned.outcome, 'success', 'M8 108 is a warning by default');
    assert.ok(events.some((e) => e.event === 'sap-s4.sap_message' && e.fields['code'] === 'M8/108'));
    sim.setFaults({ duplicateInvoiceCheck: 'error' });
    try {
      const refused = await connector.push(bill(), 'FB-T-DI', PROFILE);
      assert.ok(refused.outcome === 'success', JSON.stringify(refused));
      assert.equal(refused.erpNumber, first.erpNumber);
      assert.equal(inBook(sim, 'supplier_bill', 'FB-T-DI').length, 2);
    } finally {
      sim.setFaults({ duplicateInvoiceCheck: 'warning' });
    }
  });

  it('rejects an invoice S/4 refuses, with its OData error message', async () => {
    const result = await connect().push(bill({ supplierCode: 'S9999' }), 'FB-T-BR', PROFILE);
    assert.deepEqual(result, {
      outcome: 'rejected',
      code: 'F5/104',
      message: 'Vendor S9999 is not defined in company code 1010',
      reason: 'unknown_partner',
    });
  });

  it('reports a journal entry whose answer was lost as ambiguous, and lookup finds it committed', async () => {
    const connector = connect();
    sim.dropNextCommits(1);
    const dropped = await connector.push(doc(), 'FB-T-L1', PROFILE);
    assert.equal(dropped.outcome, 'ambiguous', JSON.stringify(dropped));
    const found = await connector.lookup('voucher', 'FB-T-L1');
    assert.ok('found' in found && found.found);
    sim.hangNextCommits(1);
    const hung = await connect({ timeoutMs: 150 }).push(doc(), 'FB-T-L2', PROFILE);
    assert.deepEqual('code' in hung && [hung.outcome, hung.code], ['ambiguous', 'timeout']);
    const late = await connector.lookup('voucher', 'FB-T-L2');
    assert.ok('found' in late && late.found, JSON.stringify(late));
    assert.equal(inBook(sim, 'voucher', 'FB-T-L2').length, 1);
  });

  it('reports an invoice whose answer was lost as ambiguous, and lookup finds it', async () => {
    const connector = connect();
    assert.equal((await connector.push(bill(), 'FB-T-L3a', PROFILE)).outcome, 'success');
    sim.dropNextCommits(1);
    assert.equal((await connector.push(bill(), 'FB-T-L3', PROFILE)).outcome, 'ambiguous');
    const found = await connector.lookup('supplier_bill', 'FB-T-L3');
    assert.ok('found' in found && found.found);
  });

  it('says ambiguous for a SOAP fault, and nothing was posted', async () => {
    const connector = connect();
    sim.setFaults({ soapFaultRate: 1 });
    try {
      const result = await connector.push(doc(), 'FB-T-SF', PROFILE);
      assert.deepEqual('code' in result && [result.outcome, result.code], ['ambiguous', 'SOAP Server']);
    } finally {
      sim.setFaults({ soapFaultRate: 0 });
    }
    assert.deepEqual(await connector.lookup('voucher', 'FB-T-SF'), { found: false });
  });

  it('treats a read without an answer as transient, and a web dispatcher page on a write as ambiguous', async () => {
    sim.setFaults({ timeoutRate: 1 });
    try {
      const found = await connect({ timeoutMs: 150 }).lookup('voucher', 'FB-T-V1');
      assert.deepEqual('outcome' in found && [found.outcome, found.code], ['transient', 'timeout']);
    } finally {
      sim.setFaults({ timeoutRate: 0 });
    }
    sim.setFaults({ errorRate: 1 });
    try {
      const pushed = await connect().push(doc(), 'FB-T-503', PROFILE);
      assert.deepEqual('code' in pushed && [pushed.outcome, pushed.code], ['ambiguous', 'HTTP 503']);
      const looked = await connect().lookup('voucher', 'FB-T-503');
      assert.equal('outcome' in looked && looked.outcome, 'transient');
    } finally {
      sim.setFaults({ errorRate: 0 });
    }
  });

  it('says throttled when the tenant answers 429, and stores nothing', async () => {
    const connector = connect();
    sim.setFaults({ throttleRps: 1 });
    try {
      const results = [];
      for (const ref of ['FB-T-TH1', 'FB-T-TH2', 'FB-T-TH3'])
        results.push(await connector.push(doc(), ref, PROFILE));
      const throttled = results.findIndex((r) => r.outcome === 'throttled');
      assert.ok(throttled >= 0, JSON.stringify(results));
      assert.equal(inBook(sim, 'voucher', `FB-T-TH${throttled + 1}`).length, 0);
    } finally {
      sim.setFaults({ throttleRps: 0 });
    }
  });

  it('looks journal entries up in the accounting document cube on a build whose journal items lack AccountingDocument', async () => {
    const connector = connect();
    const pushed = await connector.push(doc(), 'FB-T-CUBE', PROFILE);
    assert.ok(pushed.outcome === 'success');
    sim.setFaults({ journalItemsWithoutAccountingDocument: true });
    try {
      const from = sim.calls.length;
      const found = await connector.lookup('voucher', 'FB-T-CUBE');
      assert.ok('found' in found && found.found && found.erpNumber === pushed.erpNumber);
      assert.deepEqual(
        sim.calls.slice(from).map((c) => c.path.split('/').at(-1)),
        ['A_JournalEntryItemBasic', 'A_OperationalAcctgDocItemCube'],
      );
      await connector.lookup('voucher', 'FB-T-CUBE');
      assert.deepEqual(
        sim.calls.slice(from + 2).map((c) => c.path.split('/').at(-1)),
        ['A_OperationalAcctgDocItemCube'],
        'remembered',
      );
    } finally {
      sim.setFaults({ journalItemsWithoutAccountingDocument: false });
    }
  });

  it('pulls suppliers page by page on LastChangeDate/LastChangeTime, then only what changed', async () => {
    const connector = connect();
    const numbers: string[] = [];
    let cursor = { modifiedAt: null as string | null, number: null as string | null };
    for (let pages = 0; pages < 10; pages++) {
      const page = await connector.pull('suppliers', cursor, 3);
      assert.ok('records' in page, JSON.stringify(page));
      numbers.push(...page.records.map((r) => r.number));
      const last = page.records.at(-1);
      if (page.records.length < 3 || last === undefined) break;
      cursor = { modifiedAt: last.modifiedAt, number: last.number };
    }
    assert.deepEqual(numbers, ['S0001', 'S0002', 'S0003', 'S0004', 'S0005', 'S0006', 'S0007']);
    const query = decodeURIComponent(callsTo(/A_BusinessPartner$/).at(-1)?.query ?? '');
    assert.match(
      query,
      /\$filter=Supplier ne '' and \(LastChangeDate gt datetime'\d{4}-\d\d-\d\dT00:00:00' or /,
    );
    assert.match(query, /LastChangeTime gt time'PT\d\dH\d\dM\d\dS'/);
    assert.match(query, /\$orderby=LastChangeDate,LastChangeTime,Supplier&\$top=3&\$inlinecount=allpages/);
  });

  it('follows __next when the tenant pages on its own', async () => {
    sim.setFaults({ serverPageSize: 2 });
    try {
      const from = sim.calls.length;
      const page = await connect().pull('accounts', { modifiedAt: null, number: null }, 5);
      assert.ok('records' in page);
      assert.deepEqual(
        page.records.map((r) => r.number),
        ['1002', '2221', '22210101', '224101', '660202'],
      );
      assert.deepEqual(
        page.records.map((r) => r.usable),
        [true, false, true, true, true],
        '2221 is blocked for posting',
      );
      assert.equal(page.records[0]?.name, '银行存款');
      assert.equal(callsTo(/A_GLAccountInChartOfAccounts$/, from).length, 3);
      assert.match(
        decodeURIComponent(callsTo(/A_GLAccountInChartOfAccounts$/, from).at(-1)?.query ?? ''),
        /\$skiptoken=4/,
      );
    } finally {
      sim.setFaults({ serverPageSize: 0 });
    }
  });

  it('pulls cost centres for the department dimension', async () => {
    const page = await connect().pull('departments', { modifiedAt: null, number: null }, 10);
    assert.ok('records' in page);
    assert.deepEqual(
      page.records.map((r) => [r.number, r.name, r.usable]),
      [['SALES-E', '华东销售部', true]],
    );
    const unknown = await connect().pull('projects', { modifiedAt: null, number: null }, 10);
    assert.equal('outcome' in unknown && unknown.outcome, 'rejected');
  });

  it('refuses a wrong password as a rejection and never retries it', async () => {
    const wrong = SAP_S4.create(
      {
        baseUrl: sim.url,
        settings: { authKind: 'basic' },
        credentials: { username: sim.accounts.username, password: 'nope' },
      },
      ctx,
    );
    const before = sim.stats['unauthorized'] ?? 0;
    const result = await wrong.push(doc(), 'FB-T-PW', PROFILE);
    assert.deepEqual('code' in result && [result.outcome, result.code], ['rejected', 'HTTP 401']);
    assert.equal((sim.stats['unauthorized'] ?? 0) - before, 1);
  });
});
