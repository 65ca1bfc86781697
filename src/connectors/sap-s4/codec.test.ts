import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { EMPTY_VALUE_MAPS, type MappingProfile } from '../contract.ts';
import { parseSupplierBill } from '../../model/payables.ts';
import { parseVoucher, type VoucherValue } from '../../model/voucher.ts';
import { renderS4 } from './connector.ts';
import { DEFAULT_S4_SETTINGS } from './map/profile.ts';
import { messageHeaderOf, referenceKey } from './map/reference.ts';
import {
  clockOf,
  dateTimeLiteral,
  isoDateOf,
  isoDateTimeOf,
  odataDate,
  odataTime,
  queryOf,
  stringLiteral,
  timeLiteral,
} from './odata.ts';
import { wellFormed, xmlElement, type XmlNode } from './xml.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_S4_SETTINGS };

const voucher = (lines: unknown[]): VoucherValue => {
  const parsed = parseVoucher({
    companyCode: 'DEMO',
    date: '2026-11-28',
    period: '2026-11',
    word: '记',
    currency: 'CNY',
    summary: '报销差旅费-张三-差旅及住宿合计费用报销单（2026年11月华东区）',
    lines,
  });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.failures));
  return parsed.value;
};

const TRAVEL = voucher([
  {
    summary: '差旅费',
    accountCode: '660202',
    debit: '1713.30',
    aux: { department: 'SALES-E', employee: 'E011' },
  },
  { summary: '进项税额', accountCode: '22210101', debit: '116.70' },
  { summary: '应付报销款', accountCode: '224101', credit: '1830.00', aux: { employee: 'E011' } },
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (n) => n === 'Item',
});

interface Item {
  ReferenceDocumentItem: string;
  GLAccount: string;
  AmountInTransactionCurrency: { '#text': string; '@currencyCode': string };
  DebitCreditCode: string;
  AccountAssignment?: { CostCenter?: string };
}

function soapXml(payload: Record<string, unknown>): string {
  return xmlElement('soapenv:Envelope', payload['soapenv:Envelope'] as XmlNode);
}

describe('S/4 journal entry rendering', () => {
  it('writes the SOAP 1.1 envelope with only the request root namespace-qualified', () => {
    const rendered = renderS4({ kind: 'voucher', value: TRAVEL }, 'FB-DEMO-1-1', PROFILE);
    const xml = soapXml(rendered.payload);
    assert.equal(wellFormed(xml), true);
    assert.match(
      xml,
      /^<soapenv:Envelope xmlns:soapenv="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/" xmlns:sfin="http:\/\/sap\.com\/xi\/SAPSCORE\/SFIN">/,
    );
    assert.match(xml, /<soapenv:Body><sfin:JournalEntryBulkCreateRequest><MessageHeader><ID>/);
    assert.doesNotMatch(xml.replace(/<\/?(soapenv|sfin):/g, ''), /<\/?[a-z]+:/, 'children are unqualified');
  });

  it('sends signed amounts with a consistent debit/credit code, and the department as cost centre', () => {
    const rendered = renderS4({ kind: 'voucher', value: TRAVEL }, 'FB-DEMO-1-1', PROFILE);
    const doc = parser.parse(soapXml(rendered.payload));
    const entry =
      doc['soapenv:Envelope']['soapenv:Body']['sfin:JournalEntryBulkCreateRequest'][
        'JournalEntryCreateRequest'
      ]['JournalEntry'];
    assert.equal(entry.DocumentReferenceID, 'FB-DEMO-1-1');
    assert.equal(entry.CompanyCode, '1010');
    assert.equal(entry.AccountingDocumentType, 'SA');
    assert.equal(entry.PostingDate, '2026-11-28');
    assert.equal([...entry.DocumentHeaderText].length, 25, 'header text cut to 25 characters');
    assert.deepEqual(
      entry.Item.map((i: Item) => [
        i.ReferenceDocumentItem,
        i.GLAccount,
        i.AmountInTransactionCurrency['#text'],
        i.AmountInTransactionCurrency['@currencyCode'],
        i.DebitCreditCode,
        i.AccountAssignment?.CostCenter,
      ]),
      [
        ['1', '660202', '1713.30', 'CNY', 'S', 'SALES-E'],
        ['2', '22210101', '116.70', 'CNY', 'S', undefined],
        ['3', '224101', '-1830.00', 'CNY', 'H', undefined],
      ],
    );
  });

  it('turns a line naming a supplier into a creditor item', () => {
    const ap = voucher([
      { summary: '办公用品', accountCode: '660201', debit: '500.00', aux: { department: 'ADM' } },
      { summary: '应付账款', accountCode: '2202', credit: '500.00', aux: { supplier: 'S0001' } },
    ]);
    const mapped = { ...PROFILE, valueMaps: { ...EMPTY_VALUE_MAPS, suppliers: { S0001: '17300001' } } };
    const rendered = renderS4({ kind: 'voucher', value: ap }, 'FB-DEMO-2-1', mapped);
    const entry = parser.parse(soapXml(rendered.payload))['soapenv:Envelope']['soapenv:Body'][
      'sfin:JournalEntryBulkCreateRequest'
    ]['JournalEntryCreateRequest']['JournalEntry'];
    assert.equal(entry.Item.length, 1);
    assert.equal(entry.CreditorItem.Creditor, '17300001');
    assert.equal(entry.CreditorItem.AmountInTransactionCurrency['#text'], '-500.00');
    assert.equal(entry.CreditorItem.ReferenceDocumentItem, '2');
    assert.ok(
      rendered.explain.some(
        (e) => e.field.endsWith('CreditorItem[0].Creditor') && e.rule === 'valueMaps.suppliers["S0001"]',
      ),
    );
  });

  it('derives the message id from the reference, the same on every resend', () => {
    const a = renderS4({ kind: 'voucher', value: TRAVEL }, 'FB-DEMO-1-1', PROFILE);
    const b = renderS4({ kind: 'voucher', value: TRAVEL }, 'FB-DEMO-1-1', PROFILE);
    assert.deepEqual(a, b);
    const header = messageHeaderOf('FB-DEMO-1-1');
    assert.match(header.id, /^[0-9A-F]{32}$/);
    assert.equal(header.id, header.uuid.replace(/-/g, '').toUpperCase());
    assert.notEqual(messageHeaderOf('FB-DEMO-1-2').id, header.id);
    assert.ok(JSON.stringify(a.payload).includes(header.id));
  });

  it('keeps a reference that fits in 16 characters and digests a longer one', () => {
    assert.equal(referenceKey('FB-CHAOS-9999-1'), 'FB-CHAOS-9999-1');
    const long = 'FB-ACME-6f1c3b0e-58d4-4c8a-9b7e-2a5d0e41c9f3-1';
    const key = referenceKey(long);
    assert.match(key, /^#[A-Z2-7]{15}$/);
    assert.equal(referenceKey(long), key);
    assert.notEqual(referenceKey(`${long}x`), key);
    const rendered = renderS4({ kind: 'voucher', value: TRAVEL }, long, PROFILE);
    assert.ok(
      rendered.explain.some(
        (e) => e.field.endsWith('DocumentReferenceID') && e.to === key && e.rule.startsWith('digest'),
      ),
    );
  });
});

describe('S/4 supplier invoice rendering', () => {
  const bill = parseSupplierBill({
    supplierCode: 'S0001',
    date: '2026-11-20',
    dueDate: '2026-12-20',
    currency: 'CNY',
    number: '04400123',
    lines: [
      { description: '11月办公室保洁', categoryCode: 'OFFICE', amount: '5300.00', taxRate: '0.06' },
      { description: '会议室租用', categoryCode: 'MEETING', amount: '1090.00', taxRate: '0.09' },
    ],
  });
  assert.ok(bill.ok);

  it('is a deep insert whose gross amount equals its items plus tax, with our reference as XBLNR', () => {
    const profile = {
      ...PROFILE,
      valueMaps: { ...EMPTY_VALUE_MAPS, expenseCategories: { OFFICE: '660201', MEETING: '660207' } },
    };
    const { payload } = renderS4({ kind: 'supplier_bill', value: bill.value }, 'FB-DEMO-B-1', profile);
    assert.equal(payload['SupplierInvoiceIDByInvcgParty'], 'FB-DEMO-B-1');
    assert.equal(payload['InvoicingParty'], 'S0001');
    assert.equal(payload['InvoiceGrossAmount'], '6390.00');
    assert.equal(payload['DocumentDate'], '/Date(1795132800000)/');
    assert.equal(payload['NetPaymentDays'], '30');
    assert.equal(payload['AssignmentReference'], '04400123');
    assert.equal(payload['TaxIsCalculatedAutomatically'], false);
    const items = (payload['to_SupplierInvoiceItemGLAcct'] as { results: Record<string, string>[] }).results;
    assert.deepEqual(
      items.map((i) => [i.GLAccount, i.SupplierInvoiceItemAmount, i.TaxCode, i.DebitCreditCode]),
      [
        ['660201', '5000.00', 'J3', 'S'],
        ['660207', '1000.00', 'J2', 'S'],
      ],
    );
    const taxes = (payload['to_SupplierInvoiceTax'] as { results: Record<string, string>[] }).results;
    assert.deepEqual(
      taxes.map((t) => [t.TaxCode, t.TaxAmount, t.TaxBaseAmountInTransCrcy]),
      [
        ['J3', '300.00', '5000.00'],
        ['J2', '90.00', '1000.00'],
      ],
    );
  });
});

describe('XML well-formedness', () => {
  it('tells a whole document from one cut off, unbalanced or with two roots', () => {
    assert.equal(
      wellFormed('<?xml version="1.0"?><a x="1>2"><b/><!-- c --><c><![CDATA[<x>]]></c></a>'),
      true,
    );
    assert.equal(wellFormed('<a><b></a>'), false);
    assert.equal(wellFormed('<a><b/></a><a/>'), false);
    assert.equal(wellFormed('<a><b>text</b'), false);
    assert.equal(wellFormed('{"d":{}}'), false);
    assert.equal(wellFormed('<a/>trailing'), false);
  });
});

describe('OData v2 values', () => {
  it('writes and reads /Date(…)/ and durations', () => {
    assert.equal(odataDate('2023-11-15'), '/Date(1700006400000)/');
    assert.equal(isoDateOf('/Date(1700006400000)/'), '2023-11-15');
    assert.equal(isoDateTimeOf('/Date(1700043301000+0000)/'), '2023-11-15T10:15:01');
    assert.equal(isoDateOf('2023-11-15'), undefined);
    assert.equal(clockOf('PT10H15M01S'), '10:15:01');
    assert.equal(clockOf('PT7M'), '00:07:00');
    assert.equal(odataTime('10:15:01'), 'PT10H15M01S');
  });

  it('quotes filter literals and encodes query options without plus signs', () => {
    assert.equal(stringLiteral("O'Brien"), "'O''Brien'");
    assert.equal(dateTimeLiteral('2023-11-15'), "datetime'2023-11-15T00:00:00'");
    assert.equal(timeLiteral('10:15:01'), "time'PT10H15M01S'");
    assert.equal(
      queryOf({ $filter: "Supplier eq 'A B'", $top: '10', $skip: undefined }),
      "?$filter=Supplier%20eq%20'A%20B'&$top=10",
    );
  });
});
