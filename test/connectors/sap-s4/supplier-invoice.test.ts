import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SimulatorMasterData } from '../../../src/connectors/contract.ts';
import { startS4Simulator, type S4Simulator } from '../../../src/connectors/sap-s4/simulator/server.ts';

/**
 * `API_SUPPLIERINVOICE_PROCESS_SRV` create as invoice verification answers it (reference §1.5): with
 * `TaxIsCalculatedAutomatically` S/4 calculates the tax per tax code from the items and balances the
 * gross amount against net + that tax; a tax code its procedure lacks is refused (FF 713); tax lines
 * given in `to_SupplierInvoiceTax` are taken as they are when the flag is false.
 */

/** The master data the reference's example names: G/L account, supplier and cost centre. */
const MASTER: SimulatorMasterData = {
  accounts: [
    { code: '61008000', name: 'Consulting', postable: true, balanceDirection: 'debit' },
    { code: '22210101', name: '进项税额', postable: true, balanceDirection: 'debit' },
  ],
  departments: [{ code: '10101101', name: 'Consulting CC' }],
  employees: [],
  suppliers: [{ code: '17300001', name: 'Domestic Supplier', taxId: '' }],
};

interface GatewayError {
  readonly error: {
    readonly code: string;
    readonly message: { readonly value: string };
    readonly innererror: { readonly errordetails: readonly { code: string; message: string }[] };
  };
}

type Item = Readonly<Record<string, string>>;

/** The reference's §1.5 deep insert, with what a test changes. */
const invoice = (
  reference: string,
  gross: string,
  items: readonly Item[],
  extra: Readonly<Record<string, unknown>> = {},
) => ({
  CompanyCode: '1010',
  DocumentDate: '/Date(1700006400000)/',
  PostingDate: '/Date(1700006400000)/',
  SupplierInvoiceIDByInvcgParty: reference,
  InvoicingParty: '17300001',
  DocumentCurrency: 'EUR',
  InvoiceGrossAmount: gross,
  TaxIsCalculatedAutomatically: true,
  DocumentHeaderText: 'Consulting Nov',
  to_SupplierInvoiceItemGLAcct: {
    results: items.map((item, i) => ({
      SupplierInvoiceItem: String(i + 1),
      CompanyCode: '1010',
      GLAccount: '61008000',
      CostCenter: '10101101',
      DocumentCurrency: 'EUR',
      DebitCreditCode: 'S',
      SupplierInvoiceItemText: 'Consulting Nov',
      ...item,
    })),
  },
  ...extra,
});

describe('S/4 simulator: supplier invoice create with automatic tax', () => {
  let sim: S4Simulator;
  let service = '';
  let auth = '';
  let token = '';
  let cookie = '';
  const now = () => new Date('2023-11-15T10:15:00Z');

  before(async () => {
    sim = await startS4Simulator({ master: MASTER, now });
    service = `${sim.url}sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV`;
    const { username = '', password = '' } = sim.connection.credentials;
    auth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const fetched = await fetch(`${service}/`, {
      headers: { authorization: auth, 'x-csrf-token': 'Fetch', accept: 'application/json' },
    });
    await fetched.text();
    token = fetched.headers.get('x-csrf-token') ?? '';
    cookie = fetched.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  });
  after(() => sim.close());

  const create = async (body: unknown) => {
    const res = await fetch(`${service}/A_SupplierInvoice`, {
      method: 'POST',
      headers: {
        authorization: auth,
        'x-csrf-token': token,
        cookie,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const read = async (path: string) => {
    const res = await fetch(`${service}/${path}${path.includes('?') ? '&' : '?'}$format=json`, {
      headers: { authorization: auth },
    });
    assert.equal(res.status, 200, path);
    return ((await res.json()) as { d: { results: Record<string, unknown>[] } }).d.results.map(
      ({ __metadata: _, ...fields }) => fields,
    );
  };
  const refusal = (answer: { status: number; body: unknown }) => {
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    return (answer.body as GatewayError).error;
  };

  it('creates the reference’s example (gross 119.00, one item of 100.00 with V1): 201, tax 19.00 calculated', async () => {
    const created = await create(
      invoice('INV-2023-0042', '119.00', [{ SupplierInvoiceItemAmount: '100.00', TaxCode: 'V1' }]),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const d = (created.body as { d: Record<string, unknown> }).d;
    assert.equal(d['InvoiceGrossAmount'], '119.00');
    assert.equal(d['TaxIsCalculatedAutomatically'], true);
    assert.equal(d['SupplierInvoiceStatus'], '5');
    const key = `A_SupplierInvoice(SupplierInvoice='${String(d['SupplierInvoice'])}',FiscalYear='2023')`;
    const taxes = await read(`${key}/to_SupplierInvoiceTax`);
    assert.deepEqual(
      taxes.map((t) => [t['TaxCode'], t['TaxAmount'], t['TaxBaseAmountInTransCrcy']]),
      [['V1', '19.00', '100.00']],
    );
    // the accounting document: supplier credited 119.00, expense 100.00 and input tax 19.00 debited
    const items = await read(
      `../API_JOURNALENTRYITEMBASIC_SRV/A_JournalEntryItemBasic?$filter=DocumentReferenceID eq 'INV-2023-0042'&$select=GLAccount,AmountInTransactionCurrency`,
    );
    assert.deepEqual(
      items.map((i) => [i['GLAccount'], i['AmountInTransactionCurrency']]),
      [
        ['21100000', '-119.00'],
        ['61008000', '100.00'],
        ['22210101', '19.00'],
      ],
    );
  });

  it('calculates per tax code from the sum of its items, rounding once per code (13 % and 6 %)', async () => {
    // J1: 0.05 + 0.05 = 0.10 × 13 % = 0.013 → 0.01 (item by item it would be 0.02); J3: 33.33 × 6 % =
    // 1.9998 → 2.00; gross 33.43 net + 2.01 tax
    const created = await create(
      invoice('INV-2023-0043', '35.44', [
        { SupplierInvoiceItemAmount: '0.05', TaxCode: 'J1' },
        { SupplierInvoiceItemAmount: '33.33', TaxCode: 'J3' },
        { SupplierInvoiceItemAmount: '0.05', TaxCode: 'J1' },
      ]),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const d = (created.body as { d: Record<string, unknown> }).d;
    const taxes = await read(
      `A_SupplierInvoice(SupplierInvoice='${String(d['SupplierInvoice'])}',FiscalYear='2023')/to_SupplierInvoiceTax`,
    );
    assert.deepEqual(
      taxes.map((t) => [t['TaxCode'], t['TaxAmount'], t['TaxBaseAmountInTransCrcy']]),
      [
        ['J1', '0.01', '0.10'],
        ['J3', '2.00', '33.33'],
      ],
    );
    const perItem = refusal(
      await create(
        invoice('INV-2023-0051', '35.45', [
          { SupplierInvoiceItemAmount: '0.05', TaxCode: 'J1' },
          { SupplierInvoiceItemAmount: '33.33', TaxCode: 'J3' },
          { SupplierInvoiceItemAmount: '0.05', TaxCode: 'J1' },
        ]),
      ),
    );
    assert.equal(perItem.message.value, 'Balance not zero: 0.01- debits: 35.44 credits: 35.45');
  });

  it('answers M8 321 when the gross amount is not net + calculated tax', async () => {
    const error = refusal(
      await create(
        invoice('INV-2023-0044', '113.00', [{ SupplierInvoiceItemAmount: '100.00', TaxCode: 'V1' }]),
      ),
    );
    assert.equal(error.code, 'M8/321');
    assert.equal(error.message.value, 'Balance not zero: 6.00 debits: 119.00 credits: 113.00');
  });

  it('refuses a tax code the procedure does not define with FF 713, in automatic and explicit tax alike', async () => {
    const automatic = refusal(
      await create(
        invoice('INV-2023-0045', '119.00', [{ SupplierInvoiceItemAmount: '100.00', TaxCode: 'ZZ' }]),
      ),
    );
    assert.equal(automatic.code, 'FF/713');
    assert.equal(automatic.message.value, 'Tax code ZZ country CN does not exist in procedure TAXCN');
    assert.deepEqual(
      automatic.innererror.errordetails.map((e) => e.code),
      ['FF/713'],
      'no balance message beside it',
    );
    const explicit = refusal(
      await create(
        invoice('INV-2023-0046', '119.00', [{ SupplierInvoiceItemAmount: '100.00', TaxCode: 'ZZ' }], {
          TaxIsCalculatedAutomatically: false,
          to_SupplierInvoiceTax: {
            results: [{ TaxCode: 'ZZ', DocumentCurrency: 'EUR', TaxAmount: '19.00' }],
          },
        }),
      ),
    );
    assert.equal(explicit.code, 'FF/713');
  });

  it('takes the tax given in to_SupplierInvoiceTax as it is when TaxIsCalculatedAutomatically is false', async () => {
    const explicit = (reference: string, gross: string, tax: string) =>
      invoice(reference, gross, [{ SupplierInvoiceItemAmount: '100.00', TaxCode: 'J1' }], {
        TaxIsCalculatedAutomatically: false,
        to_SupplierInvoiceTax: {
          results: [
            { TaxCode: 'J1', DocumentCurrency: 'EUR', TaxAmount: tax, TaxBaseAmountInTransCrcy: '100.00' },
          ],
        },
      });
    const created = await create(explicit('INV-2023-0047', '113.00', '13.00'));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((created.body as { d: Record<string, unknown> }).d['TaxIsCalculatedAutomatically'], false);
    // not calculated: a tax that is not 13 % of the base still posts when the gross matches it
    assert.equal((await create(explicit('INV-2023-0048', '112.00', '12.00'))).status, 201);
    // and no tax at all leaves the 13 % unbalanced
    const none = refusal(
      await create(
        invoice('INV-2023-0049', '113.00', [{ SupplierInvoiceItemAmount: '100.00', TaxCode: 'J1' }], {
          TaxIsCalculatedAutomatically: false,
        }),
      ),
    );
    assert.equal(none.message.value, 'Balance not zero: 13.00- debits: 100.00 credits: 113.00');
  });

  it('calculates the tax itself when the flag is set, whatever tax lines came with it', async () => {
    const created = await create(
      invoice('INV-2023-0050', '119.00', [{ SupplierInvoiceItemAmount: '100.00', TaxCode: 'V1' }], {
        to_SupplierInvoiceTax: {
          results: [{ TaxCode: 'V1', DocumentCurrency: 'EUR', TaxAmount: '7.00' }],
        },
      }),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });
});
