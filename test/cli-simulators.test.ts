import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Issue #15: the request sequences of the wire-format reference (erp-sap-oracle.md), made with plain
 * HTTP — as a person with curl would — against each standalone simulator the CLI starts
 * (`finbridge sim <erp> --port 0`), signed in with the credentials its banner prints. Every body is
 * written out here as it goes on the wire; the assertions are on the ERP's own answers (document
 * numbers, status strings, log items, error bodies), not only on HTTP statuses.
 */
const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const WAIT_MS = 30_000;

interface RunningSim {
  /** The URL the banner names (ends in `/`). */
  readonly url: string;
  /** Everything the simulator printed up to "Press Ctrl+C to stop." */
  readonly banner: string;
  stop(): Promise<void>;
}

/** Starts `finbridge sim <type> --port 0 --seed 7` and waits for the banner that says where it listens. */
async function startSim(type: string): Promise<RunningSim> {
  const child = spawn(process.execPath, [CLI, 'sim', type, '--port', '0', '--seed', '7'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner in ${WAIT_MS} ms: ${out}${err}`)), WAIT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /simulator on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
        if (m?.[1] !== undefined && out.includes('Press Ctrl+C to stop.')) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sim ${type} exited ${String(code)}: ${out}${err}`));
      });
    });
    return { url, banner: out, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A value the banner prints, by a pattern with one group. */
function fromBanner(banner: string, pattern: RegExp): string {
  const m = pattern.exec(banner);
  assert.ok(m?.[1] !== undefined, `the banner names ${String(pattern)}:\n${banner}`);
  return m[1];
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header sends them back. */
const cookiesOf = (res: Response): string =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Polls until `probe` yields a value, at most WAIT_MS. */
async function poll<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(25);
  }
}

// ─── SAP S/4HANA ────────────────────────────────────────────────────────────────────────────────

type XmlNode = Record<string, unknown>;
/** Parses SOAP by local name (the answer's prefixes are `soap-env` and `n0`; §1.3: never rely on them). */
const SOAP = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name) => name === 'JournalEntryCreateConfirmation' || name === 'Item',
});
const node = (value: unknown, ...path: (string | number)[]): XmlNode => {
  let at: unknown = value;
  for (const step of path) at = (at as Record<string | number, unknown> | undefined)?.[step];
  assert.ok(typeof at === 'object' && at !== null, `no ${path.join('/')}`);
  return at as XmlNode;
};

/** §1.3 request: one bulk with two entries — the reference's accrual, and one on an unknown G/L account. */
const journalEntryEnvelope = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                  xmlns:sfin="http://sap.com/xi/SAPSCORE/SFIN">
  <soapenv:Header/>
  <soapenv:Body>
    <sfin:JournalEntryBulkCreateRequest>
      <MessageHeader>
        <ID>BULK-20261115-0007</ID>
        <CreationDateTime>2026-11-15T10:15:00.000Z</CreationDateTime>
      </MessageHeader>
      <JournalEntryCreateRequest>
        <MessageHeader>
          <ID>JE-EXT-000042</ID>
          <CreationDateTime>2026-11-15T10:15:00.000Z</CreationDateTime>
        </MessageHeader>
        <JournalEntry>
          <OriginalReferenceDocumentType>BKPFF</OriginalReferenceDocumentType>
          <BusinessTransactionType>RFBU</BusinessTransactionType>
          <AccountingDocumentType>SA</AccountingDocumentType>
          <DocumentReferenceID>EXT-000042</DocumentReferenceID>
          <DocumentHeaderText>Nov travel accrual</DocumentHeaderText>
          <CreatedByUser>FINBRIDGE_COMM</CreatedByUser>
          <CompanyCode>1010</CompanyCode>
          <DocumentDate>2026-11-15</DocumentDate>
          <PostingDate>2026-11-15</PostingDate>
          <Item>
            <ReferenceDocumentItem>1</ReferenceDocumentItem>
            <GLAccount>660202</GLAccount>
            <AmountInTransactionCurrency currencyCode="CNY">250.00</AmountInTransactionCurrency>
            <DebitCreditCode>S</DebitCreditCode>
            <DocumentItemText>Travel Nov</DocumentItemText>
            <Tax><TaxCode>V0</TaxCode></Tax>
            <AccountAssignment>
              <CostCenter>RND</CostCenter>
            </AccountAssignment>
          </Item>
          <Item>
            <ReferenceDocumentItem>2</ReferenceDocumentItem>
            <GLAccount>224101</GLAccount>
            <AmountInTransactionCurrency currencyCode="CNY">-250.00</AmountInTransactionCurrency>
            <DebitCreditCode>H</DebitCreditCode>
            <DocumentItemText>Staff reimbursement payable</DocumentItemText>
          </Item>
        </JournalEntry>
      </JournalEntryCreateRequest>
      <JournalEntryCreateRequest>
        <MessageHeader>
          <ID>JE-EXT-000043</ID>
          <CreationDateTime>2026-11-15T10:16:00.000Z</CreationDateTime>
        </MessageHeader>
        <JournalEntry>
          <OriginalReferenceDocumentType>BKPFF</OriginalReferenceDocumentType>
          <BusinessTransactionType>RFBU</BusinessTransactionType>
          <AccountingDocumentType>SA</AccountingDocumentType>
          <DocumentReferenceID>EXT-000043</DocumentReferenceID>
          <CreatedByUser>FINBRIDGE_COMM</CreatedByUser>
          <CompanyCode>1010</CompanyCode>
          <DocumentDate>2026-11-15</DocumentDate>
          <PostingDate>2026-11-15</PostingDate>
          <Item>
            <ReferenceDocumentItem>1</ReferenceDocumentItem>
            <GLAccount>61999999</GLAccount>
            <AmountInTransactionCurrency currencyCode="CNY">80.00</AmountInTransactionCurrency>
            <DebitCreditCode>S</DebitCreditCode>
          </Item>
          <Item>
            <ReferenceDocumentItem>2</ReferenceDocumentItem>
            <GLAccount>224101</GLAccount>
            <AmountInTransactionCurrency currencyCode="CNY">-80.00</AmountInTransactionCurrency>
            <DebitCreditCode>H</DebitCreditCode>
          </Item>
        </JournalEntry>
      </JournalEntryCreateRequest>
    </sfin:JournalEntryBulkCreateRequest>
  </soapenv:Body>
</soapenv:Envelope>`;

describe('finbridge sim sap-s4', () => {
  it('answers a SOAP journal entry post, a CSRF fetch with a write, and OData reads made with plain HTTP, as the reference describes', async () => {
    const sim = await startSim('sap-s4');
    try {
      const host = sim.url.replace(/\/$/, '');
      const user = fromBanner(sim.banner, /communication user (\S+) \//);
      const password = fromBanner(sim.banner, /communication user \S+ \/ (\S+);/);
      const auth = basic(user, password);

      // §1.3 — POST the SOAP envelope (no CSRF token: the SOAP endpoint does not use one)
      const soap = await fetch(`${host}/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi`, {
        method: 'POST',
        headers: {
          authorization: auth,
          'content-type': 'text/xml; charset=utf-8',
          soapaction:
            '"http://sap.com/xi/SAPSCORE/SFIN/JournalEntryCreateRequestConfirmation_In/JournalEntryCreateRequestConfirmation_InRequest"',
        },
        body: journalEntryEnvelope,
      });
      const soapText = await soap.text();
      assert.equal(soap.status, 200, 'posting errors are not SOAP faults: HTTP 200 with a log');
      assert.match(soap.headers.get('content-type') ?? '', /^text\/xml/);
      assert.match(soapText, /<soap-env:Envelope /);
      const bulk = node(SOAP.parse(soapText), 'Envelope', 'Body', 'JournalEntryBulkCreateConfirmation');
      assert.equal(node(bulk, 'MessageHeader')['ReferenceID'], 'BULK-20261115-0007');
      const [posted, refused] = bulk['JournalEntryCreateConfirmation'] as XmlNode[];
      // the first entry posted: a ten-digit document number, company code, fiscal year, 605(RW)
      assert.equal(node(posted, 'MessageHeader')['ReferenceID'], 'JE-EXT-000042');
      assert.deepEqual(node(posted, 'JournalEntryCreateConfirmation', 0), {
        AccountingDocument: '0100000001',
        CompanyCode: '1010',
        FiscalYear: '2026',
      });
      assert.deepEqual(node(posted, 'Log'), {
        MaximumLogItemSeverityCode: '1',
        Item: [
          {
            TypeID: '605(RW)',
            SeverityCode: '1',
            Note: 'Document posted successfully: BKPFF 010000000110102026 S4HCLNT100',
          },
        ],
      });
      // the second one failed on its own inside the same HTTP 200: 0000000000, 609(RW) then F5 507
      assert.equal(node(refused, 'MessageHeader')['ReferenceID'], 'JE-EXT-000043');
      assert.deepEqual(node(refused, 'JournalEntryCreateConfirmation', 0), {
        AccountingDocument: '0000000000',
        CompanyCode: '1010',
        FiscalYear: '0000',
      });
      assert.deepEqual(node(refused, 'Log'), {
        MaximumLogItemSeverityCode: '3',
        Item: [
          { TypeID: '609(RW)', SeverityCode: '3', Note: 'Error in document: BKPFF $ S4HCLNT100' },
          {
            TypeID: '507(F5)',
            SeverityCode: '3',
            Note: 'G/L account 61999999 is not defined in chart of accounts YCOA',
          },
        ],
      });

      // §1.4 — fetch a CSRF token on the service root; it comes with the session cookies
      const service = `${host}/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV`;
      const fetched = await fetch(`${service}/`, {
        headers: { authorization: auth, 'x-csrf-token': 'Fetch', accept: 'application/json' },
      });
      assert.equal(fetched.status, 200);
      await fetched.text();
      const token = fetched.headers.get('x-csrf-token') ?? '';
      assert.ok(token !== '' && token !== 'Required', `a token: ${token}`);
      const cookie = cookiesOf(fetched);
      assert.match(cookie, /^SAP_SESSIONID_S4H_100=[^;]+; sap-usercontext=sap-client=100$/);

      const invoice = (reference: string, gross: string, tax: string, taxCode = 'J1') => `{
  "CompanyCode": "1010",
  "DocumentDate": "/Date(1794700800000)/",
  "PostingDate": "/Date(1794700800000)/",
  "SupplierInvoiceIDByInvcgParty": "${reference}",
  "InvoicingParty": "S0001",
  "DocumentCurrency": "CNY",
  "InvoiceGrossAmount": "${gross}",
  "TaxIsCalculatedAutomatically": ${tax === 'auto' ? 'true' : 'false'},
  "DocumentHeaderText": "Office supplies Nov",
  "to_SupplierInvoiceItemGLAcct": {
    "results": [
      {
        "SupplierInvoiceItem": "1",
        "CompanyCode": "1010",
        "GLAccount": "660201",
        "CostCenter": "ADM",
        "DocumentCurrency": "CNY",
        "SupplierInvoiceItemAmount": "100.00",
        "TaxCode": "${taxCode}",
        "DebitCreditCode": "S",
        "SupplierInvoiceItemText": "Office supplies Nov"
      }
    ]
  }${tax === '' || tax === 'auto' ? '' : `,\n  "to_SupplierInvoiceTax": { "results": [ { "TaxCode": "${taxCode}", "DocumentCurrency": "CNY", "TaxAmount": "${tax}", "TaxBaseAmountInTransCrcy": "100.00" } ] }`}
}`;
      const write = (headers: Record<string, string>, body: string) =>
        fetch(`${service}/A_SupplierInvoice`, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/json',
            accept: 'application/json',
            ...headers,
          },
          body,
        });
      // the token without its session cookie is refused as the reference's step 3 shows
      const orphan = await write({ 'x-csrf-token': token }, invoice('INV-2026-0042', '113.00', '13.00'));
      assert.equal(orphan.status, 403);
      assert.equal(orphan.headers.get('x-csrf-token'), 'Required');
      assert.equal(await orphan.text(), 'CSRF token validation failed');
      // the token with the cookies: 201 Created, Location, the invoice S/4 numbered (tax given in
      // to_SupplierInvoiceTax, TaxIsCalculatedAutomatically false — as the connector sends it)
      const created = await write(
        { 'x-csrf-token': token, cookie },
        invoice('INV-2026-0042', '113.00', '13.00'),
      );
      const createdBody = (await created.json()) as { d: Record<string, unknown> };
      assert.equal(created.status, 201, JSON.stringify(createdBody));
      assert.equal(
        created.headers.get('location'),
        `${service}/A_SupplierInvoice(SupplierInvoice='5105600001',FiscalYear='2026')`,
      );
      assert.equal(createdBody.d['SupplierInvoice'], '5105600001');
      assert.equal(createdBody.d['FiscalYear'], '2026');
      assert.equal(createdBody.d['InvoiceGrossAmount'], '113.00');
      assert.equal(createdBody.d['SupplierInvoiceStatus'], '5');
      assert.equal(createdBody.d['DocumentDate'], '/Date(1794700800000)/');
      assert.deepEqual(
        (createdBody.d['__metadata'] as Record<string, string>)['type'],
        'API_SUPPLIERINVOICE_PROCESS_SRV.A_SupplierInvoiceType',
      );
      // §1.5 as the reference writes it: TaxIsCalculatedAutomatically, gross 119.00, one item of 100.00
      // with V1 — S/4 calculates the 19.00 itself and the invoice balances
      const automatic = await write(
        { 'x-csrf-token': token, cookie },
        invoice('INV-2026-0044', '119.00', 'auto', 'V1'),
      );
      const automaticBody = (await automatic.json()) as { d: Record<string, unknown> };
      assert.equal(automatic.status, 201, JSON.stringify(automaticBody));
      assert.equal(automaticBody.d['SupplierInvoice'], '5105600002');
      assert.equal(automaticBody.d['TaxIsCalculatedAutomatically'], true);
      const calculated = await fetch(
        `${service}/A_SupplierInvoice(SupplierInvoice='5105600002',FiscalYear='2026')/to_SupplierInvoiceTax?$select=TaxCode,TaxAmount,TaxBaseAmountInTransCrcy&$format=json`,
        { headers: { authorization: auth } },
      );
      assert.deepEqual(
        ((await calculated.json()) as { d: { results: Record<string, unknown>[] } }).d.results.map(
          ({ __metadata: _, ...fields }) => fields,
        ),
        [{ TaxCode: 'V1', TaxAmount: '19.00', TaxBaseAmountInTransCrcy: '100.00' }],
      );
      // a tax code the company code's procedure lacks: 400 FF 713
      const unknownCode = await write(
        { 'x-csrf-token': token, cookie },
        invoice('INV-2026-0045', '119.00', 'auto', 'ZZ'),
      );
      assert.equal(unknownCode.status, 400);
      assert.deepEqual(((await unknownCode.json()) as { error: { message: unknown } }).error.message, {
        lang: 'en',
        value: 'Tax code ZZ country CN does not exist in procedure TAXCN',
      });
      // a gross amount that does not balance: 400 with Gateway's error body (§1.4 "Error body")
      const unbalanced = await write(
        { 'x-csrf-token': token, cookie },
        invoice('INV-2026-0043', '119.00', ''),
      );
      assert.equal(unbalanced.status, 400);
      const gatewayError = (await unbalanced.json()) as {
        error: {
          code: string;
          message: { lang: string; value: string };
          innererror: {
            application: { service_id: string };
            errordetails: { code: string; message: string; severity: string }[];
          };
        };
      };
      assert.equal(gatewayError.error.code, 'M8/321');
      assert.deepEqual(gatewayError.error.message, {
        lang: 'en',
        value: 'Balance not zero: 19.00- debits: 100.00 credits: 119.00',
      });
      assert.equal(gatewayError.error.innererror.application.service_id, 'API_SUPPLIERINVOICE_PROCESS_SRV');
      assert.equal(gatewayError.error.innererror.errordetails[0]?.severity, 'error');

      // §1.4 reads — $filter with $format=json (no Accept header): the posted journal entry's items
      const items = await fetch(
        `${host}/sap/opu/odata/sap/API_JOURNALENTRYITEMBASIC_SRV/A_JournalEntryItemBasic?$filter=DocumentReferenceID eq 'EXT-000042'&$select=AccountingDocument,GLAccount,CostCenter,AmountInTransactionCurrency,DebitCreditCode&$format=json`,
        { headers: { authorization: auth } },
      );
      assert.equal(items.status, 200);
      const itemRows = ((await items.json()) as { d: { results: Record<string, unknown>[] } }).d.results;
      assert.deepEqual(
        itemRows.map(({ __metadata: _, ...fields }) => fields),
        [
          {
            AccountingDocument: '0100000001',
            GLAccount: '660202',
            CostCenter: 'RND',
            AmountInTransactionCurrency: '250.00',
            DebitCreditCode: 'S',
          },
          {
            AccountingDocument: '0100000001',
            GLAccount: '224101',
            CostCenter: '',
            AmountInTransactionCurrency: '-250.00',
            DebitCreditCode: 'H',
          },
        ],
      );
      // §1.8's check-before-post read of the invoice by its reference, with an inline count
      const invoices = await fetch(
        `${service}/A_SupplierInvoice?$filter=InvoicingParty eq 'S0001' and SupplierInvoiceIDByInvcgParty eq 'INV-2026-0042' and CompanyCode eq '1010'&$select=SupplierInvoice,FiscalYear&$inlinecount=allpages&$format=json`,
        { headers: { authorization: auth } },
      );
      const invoiceRows = (await invoices.json()) as {
        d: { __count: string; results: Record<string, unknown>[] };
      };
      assert.equal(invoiceRows.d.__count, '1');
      assert.deepEqual(
        invoiceRows.d.results.map(({ __metadata: _, ...fields }) => fields),
        [{ SupplierInvoice: '5105600001', FiscalYear: '2026' }],
      );
      // without Accept or $format Gateway answers XML (§1.4 "Read conventions")
      const atom = await fetch(`${service}/A_SupplierInvoice?$top=1`, { headers: { authorization: auth } });
      assert.doesNotMatch(atom.headers.get('content-type') ?? '', /json/);
      assert.match(await atom.text(), /^<\?xml/);
      // wrong credentials: 401 with an HTML logon page, not JSON (§1.2)
      const denied = await fetch(`${service}/A_SupplierInvoice?$format=json`, {
        headers: { authorization: basic(user, 'wrong') },
      });
      assert.equal(denied.status, 401);
      assert.match(denied.headers.get('content-type') ?? '', /^text\/html/);
      await denied.text();
    } finally {
      await sim.stop();
    }
  });
});

// ─── SAP Business One ───────────────────────────────────────────────────────────────────────────

describe('finbridge sim sap-b1', () => {
  it('answers Login, JournalEntries and a read of the entry made with plain HTTP, as the reference describes', async () => {
    const sim = await startSim('sap-b1');
    try {
      const root = sim.url; // …/b1s/v1/
      assert.match(root, /\/b1s\/v1\/$/);
      const [, companyDb = '', userName = '', password = ''] =
        /CompanyDB (\S+), UserName (\S+), Password (\S+)/.exec(sim.banner) ?? [];
      assert.notEqual(companyDb, '', sim.banner);

      // §2.1 — a wrong password: 401 with B1's own v1 error body
      const badLogin = await fetch(`${root}Login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"CompanyDB":"${companyDb}","UserName":"${userName}","Password":"not-the-password"}`,
      });
      assert.equal(badLogin.status, 401);
      assert.deepEqual(await badLogin.json(), {
        error: { code: -304, message: { lang: 'en-us', value: 'Fail to NONE-SSO login from SLD.' } },
      });

      // §2.1 — Login: SessionId, Version, SessionTimeout (minutes), B1SESSION and ROUTEID cookies
      const login = await fetch(`${root}Login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"CompanyDB":"${companyDb}","UserName":"${userName}","Password":"${password}"}`,
      });
      assert.equal(login.status, 200);
      assert.match(login.headers.get('content-type') ?? '', /^application\/json;odata=minimalmetadata/);
      const session = (await login.json()) as Record<string, unknown>;
      assert.equal(session['odata.metadata'], `${root}$metadata#B1Sessions/@Element`);
      assert.match(
        String(session['SessionId']),
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      assert.equal(typeof session['Version'], 'string');
      assert.equal(session['SessionTimeout'], 20, '--session-ttl-s defaults to 1200 s: 20 minutes');
      const setCookies = login.headers.getSetCookie();
      assert.ok(
        setCookies.includes(`B1SESSION=${String(session['SessionId'])};HttpOnly;`),
        `B1SESSION exactly as B1 writes it (no Path, trailing semicolon): ${setCookies.join(' | ')}`,
      );
      assert.ok(
        setCookies.some((c) => /^ROUTEID=\.node\d+; path=\/b1s$/.test(c)),
        setCookies.join(' | '),
      );
      const cookie = cookiesOf(login);
      assert.match(cookie, /^B1SESSION=[^;]+; ROUTEID=\.node\d+$/);

      // §2.4 — POST JournalEntries with both cookies (the body as the reference writes it)
      const created = await fetch(`${root}JournalEntries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: `{
  "ReferenceDate": "2026-11-15",
  "TaxDate": "2026-11-15",
  "DueDate": "2026-11-15",
  "Memo": "Nov travel accrual",
  "Reference": "EXT-000042",
  "Reference2": "batch-7",
  "JournalEntryLines": [
    { "AccountCode": "660202", "Debit": 250.0, "Credit": 0, "LineMemo": "Travel Nov", "CostingCode": "HR", "ProjectCode": "P001" },
    { "AccountCode": "2202", "ShortName": "S0001", "Debit": 0, "Credit": 250.0, "LineMemo": "Supplier S0001" }
  ]
}`,
      });
      const entry = (await created.json()) as Record<string, unknown>;
      assert.equal(created.status, 201, JSON.stringify(entry));
      assert.equal(created.headers.get('location'), `${root}JournalEntries(1001)`);
      assert.equal(entry['odata.metadata'], `${root}$metadata#JournalEntries/@Element`);
      assert.equal(entry['JdtNum'], 1001);
      assert.equal(entry['Number'], 1);
      assert.equal(entry['Reference'], 'EXT-000042');
      assert.deepEqual(entry['JournalEntryLines'], [
        {
          Line_ID: 0,
          AccountCode: '660202',
          ShortName: '660202',
          Debit: 250,
          Credit: 0,
          LineMemo: 'Travel Nov',
          CostingCode: 'HR',
          ProjectCode: 'P001',
        },
        {
          Line_ID: 1,
          AccountCode: '2202',
          ShortName: 'S0001',
          Debit: 0,
          Credit: 250,
          LineMemo: 'Supplier S0001',
        },
      ]);

      // GET JournalEntries(<JdtNum>) — the same record
      const read = await fetch(`${root}JournalEntries(1001)`, { headers: { cookie } });
      assert.equal(read.status, 200);
      assert.deepEqual(await read.json(), entry);
      // §2.5 — the check-before-post query on Reference
      const byReference = await fetch(
        `${root}JournalEntries?$filter=Reference eq 'EXT-000042'&$select=JdtNum,Number,Reference`,
        { headers: { cookie } },
      );
      assert.deepEqual(await byReference.json(), {
        'odata.metadata': `${root}$metadata#JournalEntries`,
        value: [{ JdtNum: 1001, Number: 1, Reference: 'EXT-000042' }],
      });

      // a business error in B1's shape and language: an account the company does not have
      const refused = await fetch(`${root}JournalEntries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: `{
  "ReferenceDate": "2026-11-15",
  "Reference": "EXT-000043",
  "JournalEntryLines": [
    { "AccountCode": "_SYS00000000999", "Debit": 80.0, "Credit": 0 },
    { "AccountCode": "2202", "ShortName": "S0001", "Debit": 0, "Credit": 80.0 }
  ]
}`,
      });
      assert.equal(refused.status, 400);
      assert.deepEqual(await refused.json(), {
        error: {
          code: -5002,
          message: {
            lang: 'en-us',
            value: "Invalid account code [JournalEntryLines.AccountCode][line: 1] , '_SYS00000000999'",
          },
        },
      });
      // nothing was stored for it
      const count = await fetch(`${root}JournalEntries/$count`, { headers: { cookie } });
      assert.equal(await count.text(), '1');
      // a read by a key that does not exist: 404 -2028
      const missing = await fetch(`${root}JournalEntries(9999)`, { headers: { cookie } });
      assert.equal(missing.status, 404);
      assert.deepEqual(await missing.json(), {
        error: { code: -2028, message: { lang: 'en-us', value: 'No matching records found (ODBC -2028)' } },
      });

      // §2.1 — Logout → 204; the session is then refused with 301
      const logout = await fetch(`${root}Logout`, { method: 'POST', headers: { cookie } });
      assert.equal(logout.status, 204);
      const after = await fetch(`${root}JournalEntries(1001)`, { headers: { cookie } });
      assert.equal(after.status, 401);
      assert.deepEqual(await after.json(), {
        error: {
          code: 301,
          message: { lang: 'en-us', value: 'Invalid session or session already timeout.' },
        },
      });
    } finally {
      await sim.stop();
    }
  });
});

// ─── Oracle Fusion Cloud ERP ────────────────────────────────────────────────────────────────────

/**
 * GL_INTERFACE positions of the Journal Import FBDI template (`GlInterface.csv`: headerless,
 * positional, 149 columns, §3.5). SEGMENT1… follow each other from position 8.
 */
const GL = {
  STATUS: 0,
  LEDGER_ID: 1,
  ACCOUNTING_DATE: 2,
  USER_JE_SOURCE_NAME: 3,
  USER_JE_CATEGORY_NAME: 4,
  CURRENCY_CODE: 5,
  DATE_CREATED: 6,
  ACTUAL_FLAG: 7,
  SEGMENT1: 8,
  ENTERED_DR: 38,
  ENTERED_CR: 39,
  REFERENCE1: 42,
  REFERENCE2: 43,
  REFERENCE4: 45,
  REFERENCE5: 46,
  REFERENCE10: 51,
  GROUP_ID: 66,
  PERIOD_NAME: 94,
} as const;

interface GlLine {
  readonly group: string;
  readonly batch: string;
  readonly journal: string;
  readonly segments: readonly [string, string, string];
  readonly dr: string;
  readonly cr: string;
  readonly text: string;
}

/** One CSV line of 149 cells: the journal's header values repeated on each line, as the template wants. */
function glInterfaceRow(line: GlLine): string {
  const cells = Array.from({ length: 149 }, () => '');
  const set = (at: number, value: string) => {
    cells[at] = value;
  };
  set(GL.STATUS, 'NEW');
  set(GL.LEDGER_ID, '300000046975971');
  set(GL.ACCOUNTING_DATE, '2026/11/15');
  set(GL.USER_JE_SOURCE_NAME, 'Spreadsheet');
  set(GL.USER_JE_CATEGORY_NAME, 'Accrual');
  set(GL.CURRENCY_CODE, 'CNY');
  set(GL.DATE_CREATED, '2026/11/15');
  set(GL.ACTUAL_FLAG, 'A');
  line.segments.forEach((value, i) => set(GL.SEGMENT1 + i, value));
  set(GL.ENTERED_DR, line.dr);
  set(GL.ENTERED_CR, line.cr);
  set(GL.REFERENCE1, line.batch);
  set(GL.REFERENCE2, 'FinBridge journals');
  set(GL.REFERENCE4, line.journal);
  set(GL.REFERENCE5, 'Nov travel accrual');
  set(GL.REFERENCE10, line.text);
  set(GL.GROUP_ID, line.group);
  set(GL.PERIOD_NAME, 'Nov-26');
  return cells.join(',');
}

/** The zip of one GlInterface.csv, base64 — `DocumentContent` of importBulkData. */
const fbdiZip = (lines: readonly GlLine[]): string =>
  Buffer.from(zipSync({ 'GlInterface.csv': strToU8(`${lines.map(glInterfaceRow).join('\n')}\n`) })).toString(
    'base64',
  );

describe('finbridge sim oracle-fusion', () => {
  it('answers importBulkData, ESS status polling and the journal batch read made with plain HTTP, as the reference describes', async () => {
    const sim = await startSim('oracle-fusion');
    try {
      const api = `${sim.url}fscmRestApi/resources/11.13.18.05`;
      const user = fromBanner(sim.banner, /basic: user (\S+),/);
      const password = fromBanner(sim.banner, /basic: user \S+, password (\S+)/);
      const auth = basic(user, password);

      const importJournals = async (group: string, lines: readonly GlLine[]) => {
        const answer = await fetch(`${api}/erpintegrations`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: `{
  "OperationName": "importBulkData",
  "DocumentContent": "${fbdiZip(lines)}",
  "ContentType": "zip",
  "FileName": "GlInterface_${group}.zip",
  "DocumentAccount": "fin$/generalLedger$/import$",
  "JobName": "/oracle/apps/ess/financials/generalLedger/programs/common,JournalImportLauncher",
  "ParameterList": "300000046975980,Spreadsheet,300000046975971,${group},N,N,N",
  "CallbackURL": "#NULL",
  "NotificationCode": "10",
  "JobOptions": "ExtractFileType=ALL"
}`,
        });
        const body = (await answer.json()) as Record<string, unknown>;
        assert.equal(answer.status, 201, JSON.stringify(body));
        assert.equal(body['OperationName'], 'importBulkData');
        assert.equal(
          body['JobName'],
          '/oracle/apps/ess/financials/generalLedger/programs/common,JournalImportLauncher',
        );
        assert.equal(body['ParameterList'], `300000046975980,Spreadsheet,300000046975971,${group},N,N,N`);
        const requestId = body['ReqstId'];
        assert.ok(typeof requestId === 'string' && /^\d+$/.test(requestId), `ReqstId: ${String(requestId)}`);
        return requestId;
      };
      const statuses: string[] = [];
      const finished = (requestId: string) =>
        poll(`ESS request ${requestId}`, async () => {
          const answer = await fetch(`${api}/erpintegrations?finder=ESSJobStatusRF;requestId=${requestId}`, {
            headers: { authorization: auth },
          });
          assert.equal(answer.status, 200);
          const page = (await answer.json()) as { items: { ReqstId: string; RequestStatus: string }[] };
          assert.equal(page.items.length, 1);
          const status = page.items[0]?.RequestStatus ?? '';
          assert.equal(page.items[0]?.ReqstId, requestId);
          statuses.push(status);
          return ['SUCCEEDED', 'WARNING', 'ERROR', 'CANCELLED'].includes(status) ? status : undefined;
        });
      const batchesNamed = async (prefix: string) => {
        const answer = await fetch(`${api}/journalBatches?q=BatchName LIKE '${prefix}%'&onlyData=true`, {
          headers: { authorization: auth, 'rest-framework-version': '4' },
        });
        assert.equal(answer.status, 200);
        return (await answer.json()) as { items: Record<string, unknown>[]; count: number; hasMore: boolean };
      };

      // §3.5 — a balanced journal: importBulkData → ReqstId → poll until SUCCEEDED → the batch
      const requestId = await importJournals('20261115007', [
        {
          group: '20261115007',
          batch: 'FBDI-EXT-000042',
          journal: 'EXT-000042',
          segments: ['101', 'ADM', '660202'],
          dr: '250.00',
          cr: '',
          text: 'Travel Nov',
        },
        {
          group: '20261115007',
          batch: 'FBDI-EXT-000042',
          journal: 'EXT-000042',
          segments: ['101', '000', '224101'],
          dr: '',
          cr: '250.00',
          text: 'Staff reimbursement payable',
        },
      ]);
      assert.equal(await finished(requestId), 'SUCCEEDED');
      assert.ok(
        statuses.every((s) => ['WAIT', 'RUNNING', 'SUCCEEDED'].includes(s)),
        statuses.join(' → '),
      );
      const batches = await batchesNamed('FBDI-EXT-000042');
      assert.equal(batches.count, 1);
      assert.equal(batches.hasMore, false);
      const [batch] = batches.items;
      assert.ok(batch !== undefined);
      assert.match(String(batch['BatchName']), /^FBDI-EXT-000042 Spreadsheet A 20261115007 \d+ N$/);
      assert.equal(batch['DefaultPeriodName'], 'Nov-26');
      assert.equal(batch['links'], undefined, 'onlyData drops the links');
      const headers = await fetch(
        `${api}/journalBatches/${String(batch['JeBatchId'])}/child/journalHeaders?onlyData=true`,
        { headers: { authorization: auth } },
      );
      const journals = (await headers.json()) as { items: Record<string, unknown>[] };
      assert.equal(journals.items.length, 1);
      const [journal] = journals.items;
      assert.ok(journal !== undefined);
      assert.equal(journal['JournalName'], 'EXT-000042');
      assert.equal(journal['CurrencyCode'], 'CNY');
      assert.equal(journal['AccountingDate'], '2026-11-15');
      // → journalLines: the header's own link (its path id is an opaque hash key, §3.2) and its child link
      type Linked = {
        items: (Record<string, unknown> & { links: { rel: string; name: string; href: string }[] })[];
      };
      const linked = (await (
        await fetch(`${api}/journalBatches/${String(batch['JeBatchId'])}/child/journalHeaders`, {
          headers: { authorization: auth },
        })
      ).json()) as Linked;
      const linesLink = linked.items[0]?.links.find((l) => l.rel === 'child' && l.name === 'journalLines');
      assert.ok(linesLink !== undefined, JSON.stringify(linked.items[0]?.links));
      const lines = (await (
        await fetch(
          `${linesLink.href}?onlyData=true&fields=JeLineNumber,AccountCombination,EnteredDr,EnteredCr`,
          {
            headers: { authorization: auth },
          },
        )
      ).json()) as { items: Record<string, unknown>[] };
      assert.deepEqual(lines.items, [
        { JeLineNumber: 1, AccountCombination: '101-ADM-660202', EnteredDr: 250, EnteredCr: null },
        { JeLineNumber: 2, AccountCombination: '101-000-224101', EnteredDr: null, EnteredCr: 250 },
      ]);
      // a child the journal header does not have: 404, not another collection
      const unknownChild = await fetch(linesLink.href.replace(/journalLines$/, 'journalHeaders'), {
        headers: { authorization: auth },
      });
      assert.equal(unknownChild.status, 404);
      await unknownChild.text();

      // a rejected journal line: the request still "succeeds", the rejection is in the ESS output
      const rejectedId = await importJournals('20261115008', [
        {
          group: '20261115008',
          batch: 'FBDI-EXT-000043',
          journal: 'EXT-000043',
          segments: ['101', 'ADM', '999999'],
          dr: '80.00',
          cr: '',
          text: 'Unknown account',
        },
        {
          group: '20261115008',
          batch: 'FBDI-EXT-000043',
          journal: 'EXT-000043',
          segments: ['101', '000', '224101'],
          dr: '',
          cr: '80.00',
          text: 'Staff reimbursement payable',
        },
      ]);
      assert.equal(await finished(rejectedId), 'SUCCEEDED');
      const details = await fetch(`${api}/erpintegrations`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: `{"OperationName":"downloadESSJobExecutionDetails","ReqstId":"${rejectedId}","FileType":"log"}`,
      });
      assert.equal(details.status, 201);
      const detailBody = (await details.json()) as { ReqstId: string; DocumentContent: string };
      assert.equal(detailBody.ReqstId, rejectedId);
      const logs = Object.values(unzipSync(Buffer.from(detailBody.DocumentContent, 'base64')))
        .map((file) => strFromU8(file))
        .join('\n');
      assert.match(
        logs,
        /journal EXT-000043 line 1: EF04 This is an invalid Accounting Flexfield\. Check your cross-validation rules and segment values\. FLEX-VALUE DOES NOT EXIST \(SEGMENT=Account\) \(VALUESET=FinBridge Account\) \(VALUE=999999\)/,
      );
      assert.match(logs, /0 groups imported, 1 groups rejected/);
      assert.match(logs, /Journal Import ended SUCCEEDED/);
      assert.equal((await batchesNamed('FBDI-EXT-000043')).count, 0, 'no batch for the rejected journal');

      // §3.5: no REST resource creates a journal — POST /journalBatches is 405, structured when asked
      const post = await fetch(`${api}/journalBatches`, {
        method: 'POST',
        headers: {
          authorization: auth,
          'content-type': 'application/vnd.oracle.adf.resourceitem+json',
          accept: 'application/json, application/vnd.oracle.adf.error+json',
          'rest-framework-version': '4',
        },
        body: '{"BatchName":"not like this"}',
      });
      assert.equal(post.status, 405);
      const problem = (await post.json()) as { title: string; status: string; 'o:errorDetails': unknown[] };
      assert.equal(problem.title, 'Method Not Allowed');
      assert.equal(problem.status, '405');
      assert.equal(problem['o:errorDetails'].length, 1);
    } finally {
      await sim.stop();
    }
  });
});

// ─── Yonyou U8+ OpenAPI (erp-kingdee-yonyou.md Part B) ──────────────────────────────────────────

describe('finbridge sim yonyou-u8', () => {
  it('answers token, tradeid, voucher add and voucher get made with plain HTTP, as the reference describes', async () => {
    const sim = await startSim('yonyou-u8');
    try {
      const root = sim.url;
      const from = fromBanner(sim.banner, /from_account (\S+),/);
      const to = fromBanner(sim.banner, /to_account (\S+),/);
      const appKey = fromBanner(sim.banner, /app_key (\S+),/);
      const appSecret = fromBanner(sim.banner, /app_secret (\S+)/);
      const getJson = async (url: string) => (await (await fetch(url)).json()) as Record<string, unknown>;

      // B1 — token: errcode is a string, "0" is success
      const token = await getJson(
        `${root}system/token?from_account=${from}&app_key=${appKey}&app_secret=${appSecret}`,
      );
      assert.equal(token['errcode'], '0', JSON.stringify(token));
      const { id: tokenId, appKey: echoedKey } = token['token'] as {
        id: string;
        appKey: string;
        expiresIn: number;
      };
      assert.equal(echoedKey, appKey);
      const refusedToken = await getJson(
        `${root}system/token?from_account=${from}&app_key=${appKey}&app_secret=wrong`,
      );
      assert.deepEqual(refusedToken, { errcode: '40001', errmsg: '参数app_key或app_secret不正确' });

      const common = `from_account=${from}&to_account=${to}&app_key=${appKey}&token=${tokenId}`;
      // B2 — one fresh trade id per write
      const tradeId = async () => {
        const trade = await getJson(
          `${root}system/tradeid?from_account=${from}&app_key=${appKey}&token=${tokenId}`,
        );
        assert.equal(trade['errcode'], '0', JSON.stringify(trade));
        return (trade['trade'] as { id: string }).id;
      };
      const add = async (trade: string, body: string, sync: boolean) =>
        (await (
          await fetch(`${root}api/voucher/add?${common}&tradeid=${trade}${sync ? '&sync=1' : ''}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=UTF-8' },
            body,
          })
        ).json()) as Record<string, unknown>;

      // B5 — voucher add, asynchronous (the default): 提交成功 with a result url, then the voucher id
      const trade = await tradeId();
      const voucher = `{"voucher": {
  "voucher_type": "记",
  "fiscal_year": 2026,
  "accounting_period": 11,
  "voucher_id": "",
  "date": "2026-11-15",
  "enter": "demo",
  "cashier": "",
  "attachment_number": 2,
  "voucher_making_system": "CDM",
  "reserve2": "EXP-20261115-0001",
  "debit": {"entry": [{
    "entry_id": 1,
    "account_code": "660202",
    "abstract": "报销差旅费-王建国",
    "currency": "人民币",
    "exchange_rate2": 1,
    "natural_debit_currency": 1200.00,
    "primary_debit_amount": 1200.00,
    "auxiliary": {"dept_id": "GM", "personnel_id": "E001"}
  }]},
  "credit": {"entry": [{
    "entry_id": 2,
    "account_code": "1002",
    "abstract": "报销差旅费-王建国",
    "natural_credit_currency": 1200.00,
    "primary_credit_amount": 1200.00,
    "cash_flow": [{"cash_item": "07", "natural_credit_currency": 1200.00, "mc": 1200.00, "iyear": "2026", "iYPeriod": "202611", "ccode": "1002", "csign": "记"}]
  }]}
}}`;
      const ack = await add(trade, voucher, false);
      assert.equal(ack['errcode'], '0', JSON.stringify(ack));
      assert.equal(ack['errmsg'], '提交成功');
      assert.equal(ack['id'], '');
      assert.equal(ack['tradeid'], trade);
      const resultUrl = String(ack['url']);
      assert.match(resultUrl, /^http:\/\/127\.0\.0\.1:\d+\/result\?requestid=[0-9a-f]+$/);
      const final = await poll('the add result', async () => {
        const result = await getJson(resultUrl);
        return result['errcode'] === '0' ? result : undefined;
      });
      assert.deepEqual(final, { errcode: '0', errmsg: '', id: '1000000001', tradeid: trade });
      // the same trade id again: the platform answers the earlier result and adds nothing
      assert.deepEqual(await add(trade, voucher, true), final);

      // B4 pattern — GET /api/voucher/get by the external number (reserve2)
      const got = await getJson(`${root}api/voucher/get?${common}&id=EXP-20261115-0001`);
      assert.equal(got['errcode'], '0', JSON.stringify(got));
      const stored = got['voucher'] as Record<string, unknown>;
      assert.equal(stored['id'], '1000000001');
      assert.equal(stored['voucher_type'], '记');
      assert.equal(stored['voucher_id'], '1');
      assert.equal(stored['fiscal_year'], '2026');
      assert.equal(stored['accounting_period'], '11');
      assert.equal(stored['reserve2'], 'EXP-20261115-0001');
      assert.deepEqual(stored['debit'], {
        entry: [
          {
            entry_id: '1',
            account_code: '660202',
            abstract: '报销差旅费-王建国',
            currency: '人民币',
            natural_debit_currency: '1200.00',
            natural_credit_currency: '0.00',
            auxiliary: { dept_id: 'GM', personnel_id: 'E001' },
          },
        ],
      });
      assert.equal(
        ((stored['credit'] as { entry: Record<string, unknown>[] }).entry[0] ?? {})[
          'natural_credit_currency'
        ],
        '1200.00',
      );

      // a business error in U8's shape and language: an account code U8 does not have (sync=1)
      const refused = await add(
        await tradeId(),
        `{"voucher": {"voucher_type": "记", "date": "2026-11-15", "enter": "demo", "voucher_making_system": "CDM", "reserve2": "EXP-20261115-0002",
  "debit": {"entry": [{"entry_id": 1, "account_code": "999999", "abstract": "报销", "natural_debit_currency": 80.00}]},
  "credit": {"entry": [{"entry_id": 2, "account_code": "1002", "abstract": "报销", "natural_credit_currency": 80.00}]}}}`,
        true,
      );
      assert.equal(refused['errcode'], '20001');
      assert.equal(refused['errmsg'], '第1行分录科目编码[999999]不存在');
      const none = await getJson(`${root}api/voucher/get?${common}&id=EXP-20261115-0002`);
      assert.deepEqual(none, { errcode: '20000', errmsg: '凭证[EXP-20261115-0002]不存在' });
      // a write without a trade id is refused before U8 sees it
      assert.deepEqual(
        await (await fetch(`${root}api/voucher/add?${common}`, { method: 'POST', body: voucher })).json(),
        { errcode: '40003', errmsg: '参数tradeid不能为空' },
      );
    } finally {
      await sim.stop();
    }
  });
});

// ─── Yonyou YonBIP open platform (erp-kingdee-yonyou.md Part C) ─────────────────────────────────

describe('finbridge sim yonbip', () => {
  it('answers data-centre lookup, signed token, addVoucher and the voucher queries made with plain HTTP, as the reference describes', async () => {
    const sim = await startSim('yonbip');
    try {
      const tenantId = fromBanner(sim.banner, /\(tenant (\S+)\)/);
      const appKey = fromBanner(sim.banner, /appKey (\S+),/);
      const appSecret = fromBanner(sim.banner, /appSecret (\S+);/);

      // C1 — resolve the data centre
      const dc = (await (
        await fetch(`${sim.url}open-auth/dataCenter/getGatewayAddress?tenantId=${tenantId}`)
      ).json()) as { code: string; message: string; data: { gatewayUrl: string; tokenUrl: string } };
      assert.equal(dc.code, '00000');
      assert.equal(dc.message, '成功！');
      const { gatewayUrl, tokenUrl } = dc.data;
      assert.equal(gatewayUrl, `${sim.url}iuap-api-gateway`);
      assert.equal(tokenUrl, `${sim.url}iuap-api-auth`);

      // C2 — signed token: HMAC-SHA256(appSecret, "appKey<key>timestamp<ms>"), Base64, URL-encoded once
      const timestamp = String(Date.now());
      const signature = createHmac('sha256', Buffer.from(appSecret, 'utf8'))
        .update(`appKey${appKey}timestamp${timestamp}`, 'utf8')
        .digest('base64');
      const tokenAnswer = (await (
        await fetch(
          `${tokenUrl}/open-auth/selfAppAuth/base/v1/getAccessToken?appKey=${appKey}&timestamp=${timestamp}&signature=${encodeURIComponent(signature)}`,
        )
      ).json()) as { code: string; data: { access_token: string; expire: number } };
      assert.equal(tokenAnswer.code, '00000', JSON.stringify(tokenAnswer));
      const accessToken = tokenAnswer.data.access_token;
      assert.equal(typeof tokenAnswer.data.expire, 'number');
      const call = async (path: string, body: string, token = encodeURIComponent(accessToken)) => {
        const answer = await fetch(`${gatewayUrl}/yonbip${path}?access_token=${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
      };

      // C4 — addVoucher: a top-level body, no data wrapper
      const saved = await call(
        '/fi/ficloud/openapi/voucher/addVoucher',
        `{
  "accbookCode": "0001",
  "voucherTypeCode": "1",
  "period": "2026-11",
  "makerMobile": "13800000000",
  "makeTime": "2026-11-15",
  "attachedBill": 2,
  "description": "差旅报销",
  "businessId": "EXP-20261115-0001",
  "externalSourceDataId": "EXP-20261115-0001",
  "externalSourceDataType": "expense",
  "srcSystemCode": "figl",
  "bodies": [
    {"description": "差旅费-王建国", "accsubjectCode": "660202", "debitOriginal": 1200.00, "debitOrg": 1200.00,
     "currencyCode": "CNY", "rateType": "01", "rateOrg": 1, "busidate": "2026-11-15",
     "clientAuxiliaryList": [{"filedCode": "0001", "valueCode": "MKT"}, {"filedCode": "0002", "valueCode": "P001"}]},
    {"description": "差旅费-王建国", "accsubjectCode": "1002", "creditOriginal": 1200.00, "creditOrg": 1200.00,
     "cashflowList": [{"mainItemCode": "1120", "amountOriginal": 1200.00, "amountOrg": 1200.00}]}
  ]
}`,
      );
      assert.equal(saved.status, 200);
      assert.equal(saved.body['code'], '200', JSON.stringify(saved.body));
      const data = saved.body['data'] as Record<string, unknown>;
      assert.match(
        String(data['voucherId']),
        /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
      );
      assert.equal(data['voucherStatus'], '01');
      assert.equal(data['period'], '2026-11');
      assert.equal(data['billCode'], 1);
      assert.equal(data['totalDebitOrg'], 1200);
      assert.equal(data['totalCreditOrg'], 1200);
      assert.equal((data['accbook'] as { code: string }).code, '0001');

      // queryVouchers with a pager, then queryVoucherById
      const listed = await call(
        '/fi/ficloud/openapi/voucher/queryVouchers',
        '{"accbookCode":"0001","pager":{"pageIndex":1,"pageSize":200},"periodStart":"2026-11","periodEnd":"2026-11"}',
      );
      assert.equal(listed.body['code'], '200', JSON.stringify(listed.body));
      const page = listed.body['data'] as {
        pageIndex: number;
        pageSize: number;
        recordCount: number;
        recordList: { header: Record<string, unknown>; body: Record<string, unknown>[] }[];
      };
      assert.equal(page.pageIndex, 1);
      assert.equal(page.pageSize, 200);
      assert.equal(page.recordCount, 1);
      const header = page.recordList[0]?.header ?? {};
      assert.equal(header['id'], data['voucherId']);
      assert.equal(header['billcode'], 1);
      assert.equal(header['displayname'], '记-1');
      assert.equal(header['totaldebit_org'], 1200);
      assert.deepEqual(
        page.recordList[0]?.body.map((line) => (line['accsubject'] as { code: string }).code),
        ['660202', '1002'],
      );
      const byId = await call(
        '/EFI/openapi/voucher/queryVoucherById',
        `{"voucherId":"${String(data['voucherId'])}"}`,
      );
      assert.equal(byId.body['code'], '200');
      assert.equal((byId.body['data'] as { header: { id: string } }).header.id, data['voucherId']);
      assert.deepEqual(
        (await call('/EFI/openapi/voucher/queryVoucherById', '{"voucherId":"NO-SUCH"}')).body,
        {
          code: '404',
          message: '凭证不存在！',
          data: {},
        },
      );

      // a business error in YonBIP's shape and language: HTTP 200, code "404", 凭证保存不成功,…
      const refused = await call(
        '/fi/ficloud/openapi/voucher/addVoucher',
        `{"accbookCode": "0001", "voucherTypeCode": "1", "period": "2026-11", "makerMobile": "13800000000", "makeTime": "2026-11-15",
  "businessId": "EXP-20261115-0002",
  "bodies": [
    {"description": "报销", "accsubjectCode": "999999", "debitOriginal": 80.00, "debitOrg": 80.00},
    {"description": "报销", "accsubjectCode": "1002", "creditOriginal": 80.00, "creditOrg": 80.00}
  ]}`,
      );
      assert.equal(refused.status, 200);
      assert.deepEqual(refused.body, {
        code: '404',
        message: '凭证保存不成功,第1行科目编码[999999]不存在！',
        data: {},
      });
      // the gateway's own refusals (C6): no token, a token it does not know
      assert.deepEqual((await call('/fi/ficloud/openapi/voucher/queryVouchers', '{}', '')).body, {
        code: '310001',
        message: 'access_token不能为空。',
      });
      assert.deepEqual((await call('/fi/ficloud/openapi/voucher/queryVouchers', '{}', 'not-a-token')).body, {
        code: '310036',
        message: '非法token',
      });
    } finally {
      await sim.stop();
    }
  });
});
