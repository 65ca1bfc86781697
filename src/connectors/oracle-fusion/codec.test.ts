import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { parseSupplierBill } from '../../model/payables.ts';
import { parseVoucher, type VoucherValue } from '../../model/voucher.ts';
import { EMPTY_VALUE_MAPS, type MappingProfile } from '../contract.ts';
import { GL_INTERFACE_COLUMN_COUNT, named, parseCsv } from './map/gl-interface.ts';
import { batchNameOf, groupIdOf, isBatchOf, periodNameOf } from './map/identifiers.ts';
import { renderInvoice, withSupplierName } from './map/invoice.ts';
import { renderJournal } from './map/journal.ts';
import { DEFAULT_ORACLE_SETTINGS } from './map/profile.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_ORACLE_SETTINGS };

function voucher(overrides: Record<string, unknown> = {}): VoucherValue {
  const parsed = parseVoucher({
    companyCode: 'DEMO',
    date: '2026-11-28',
    period: '2026-11',
    word: '记',
    currency: 'CNY',
    summary: '报销差旅费, 张三',
    lines: [
      {
        summary: '差旅费',
        accountCode: '660202',
        debit: '1713.30',
        aux: { department: 'D01', employee: 'E011' },
      },
      { summary: '进项税额', accountCode: '22210101', debit: '116.70' },
      { summary: '应付报销款 "张三"', accountCode: '224101', credit: '1830.00' },
    ],
    ...overrides,
  });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.failures));
  return parsed.value;
}

/** The GlInterface.csv rows inside a rendered importBulkData request. */
function csvRows(payload: Record<string, unknown>) {
  const files = unzipSync(Buffer.from(String(payload['DocumentContent']), 'base64'));
  assert.deepEqual(Object.keys(files), ['GlInterface.csv']);
  return parseCsv(strFromU8(files['GlInterface.csv'] ?? new Uint8Array()));
}

describe('Oracle journal codec (FBDI GlInterface.csv)', () => {
  it('writes one 149-column GL_INTERFACE row per line at the template’s positions', () => {
    const { payload } = renderJournal(voucher(), 'FB-DEMO-1-1', PROFILE);
    const rows = csvRows(payload);
    assert.equal(rows.length, 3);
    for (const cells of rows) assert.equal(cells.length, GL_INTERFACE_COLUMN_COUNT);
    const [first] = rows;
    assert.ok(first !== undefined);
    assert.deepEqual(first.slice(0, 8), [
      'NEW',
      '300000046975971',
      '2026/11/28',
      'FinBridge',
      'Other',
      'CNY',
      '2026/11/28',
      'A',
    ]);
    assert.deepEqual(first.slice(8, 11), ['101', 'D01', '660202'], 'company, department, account');
    assert.deepEqual([first[38], first[39]], ['1713.30', '']);
    assert.equal(first[42], 'FB-DEMO-1-1', 'REFERENCE1 batch name');
    assert.equal(first[43], '报销差旅费, 张三', 'REFERENCE2 batch description');
    assert.equal(first[45], 'FB-DEMO-1-1', 'REFERENCE4 journal name');
    assert.equal(first[47], 'FB-DEMO-1-1', 'REFERENCE6 our reference');
    assert.equal(first[51], '差旅费', 'REFERENCE10 line description');
    assert.equal(first[66], groupIdOf('FB-DEMO-1-1'), 'GROUP_ID');
    assert.equal(first[94], 'Nov-26', 'PERIOD_NAME');
    const credit = named(rows[2] ?? []);
    assert.deepEqual(
      [credit.ENTERED_DR, credit.ENTERED_CR, credit.REFERENCE10],
      ['', '1830.00', '应付报销款 "张三"'],
    );
    assert.deepEqual(
      credit.SEGMENTS,
      ['101', '000', '224101'],
      'a line without a department takes the default',
    );
  });

  it('asks Import Journals for the journal’s own group with the seven launcher parameters', () => {
    const { payload, erpObject, operation } = renderJournal(voucher(), 'FB-DEMO-1-1', PROFILE);
    assert.equal(`${erpObject}/${operation}`, 'journalBatches/importBulkData');
    const { DocumentContent: _zip, ...rest } = payload;
    assert.deepEqual(rest, {
      OperationName: 'importBulkData',
      ContentType: 'zip',
      FileName: 'GlInterface_FB-DEMO-1-1.zip',
      DocumentAccount: 'fin$/generalLedger$/import$',
      JobName: '/oracle/apps/ess/financials/generalLedger/programs/common,JournalImportLauncher',
      ParameterList: `#NULL,FinBridge,300000046975971,${groupIdOf('FB-DEMO-1-1')},N,N,N`,
      CallbackURL: '#NULL',
      NotificationCode: '10',
      JobOptions: 'ExtractFileType=ALL',
    });
  });

  it('renders the same document to the same bytes', () => {
    assert.deepEqual(renderJournal(voucher(), 'R', PROFILE), renderJournal(voucher(), 'R', PROFILE));
  });

  it('maps accounts, departments and the voucher word through the profile and explains each', () => {
    const rendered = renderJournal(voucher(), 'R', {
      valueMaps: { ...EMPTY_VALUE_MAPS, accounts: { '660202': '6602' }, departments: { D01: '310' } },
      settings: { ...DEFAULT_ORACLE_SETTINGS, journalCategories: { 记: 'Expense Claims' } },
    });
    const find = (field: string) => rendered.explain.find((e) => e.field === field);
    assert.deepEqual(find('GlInterface.csv[0].SEGMENT3'), {
      source: '/lines/0/accountCode',
      field: 'GlInterface.csv[0].SEGMENT3',
      from: '660202',
      to: '6602',
      rule: 'valueMaps.accounts["660202"]',
      object: 'accounts',
    });
    assert.equal(find('GlInterface.csv[0].SEGMENT2')?.to, '310');
    assert.equal(find('GlInterface.csv[*].USER_JE_CATEGORY_NAME')?.to, 'Expense Claims');
    const [first] = csvRows(rendered.payload);
    assert.ok(first !== undefined);
    assert.deepEqual(first.slice(8, 11), ['101', '310', '6602']);
    assert.equal(first[4], 'Expense Claims');
  });

  it('names a foreign-currency journal’s conversion type and date, leaving the rate to Oracle', () => {
    const value = voucher({
      currency: 'USD',
      lines: [
        { summary: 'x', accountCode: '660202', debit: '10.00' },
        { summary: 'y', accountCode: '1002', credit: '10.00' },
      ],
    });
    const row = named(csvRows(renderJournal(value, 'R', PROFILE).payload)[0] ?? []);
    assert.deepEqual(
      [
        row.CURRENCY_CODE,
        row.USER_CURRENCY_CONVERSION_TYPE,
        row.CURRENCY_CONVERSION_DATE,
        row.CURRENCY_CONVERSION_RATE,
      ],
      ['USD', 'Corporate', '2026/11/28', ''],
    );
  });
});

describe('Oracle identifiers', () => {
  it('derives the batch name and group from the reference, the same every time', () => {
    assert.equal(batchNameOf('FB-ACME-42-1'), 'FB-ACME-42-1');
    const long = `FB-ACME-${'x'.repeat(60)}-1`;
    assert.match(batchNameOf(long), /^FB-[0-9a-f]{32}$/);
    assert.equal(batchNameOf(long), batchNameOf(long));
    assert.notEqual(batchNameOf('FB 有空格'), 'FB 有空格');
    assert.match(groupIdOf('FB-ACME-42-1'), /^[1-9]\d{14}$/);
    assert.equal(groupIdOf('a'), groupIdOf('a'));
    assert.notEqual(groupIdOf('a'), groupIdOf('b'));
  });

  it('matches Oracle’s batch name by our name and the suffix Journal Import adds, not a longer name', () => {
    assert.equal(isBatchOf('FB-1-1 FinBridge A 123 456 N', 'FB-1-1'), true);
    assert.equal(isBatchOf('FB-1-1', 'FB-1-1'), true);
    assert.equal(isBatchOf('FB-1-10 FinBridge A 123 456 N', 'FB-1-1'), false);
  });

  it('names periods Mon-YY unless the profile names them', () => {
    assert.equal(periodNameOf('2026-01', {}), 'Jan-26');
    assert.equal(periodNameOf('2026-13', {}), 'Adj13-26');
    assert.equal(periodNameOf('2026-11', { '2026-11': '11-2026' }), '11-2026');
  });
});

describe('Oracle invoice codec', () => {
  const bill = () => {
    const parsed = parseSupplierBill({
      supplierCode: 'S0001',
      number: 'INV-889',
      date: '2026-11-20',
      currency: 'CNY',
      memo: '11月保洁',
      lines: [
        {
          description: '保洁',
          categoryCode: 'OFFICE',
          amount: '5300.00',
          taxRate: '0.06',
          departmentCode: 'D01',
        },
        { description: '会议室', categoryCode: 'MEETING', amount: '1090.00', taxRate: '0' },
      ],
    });
    assert.ok(parsed.ok);
    return parsed.value;
  };
  const maps = { ...EMPTY_VALUE_MAPS, expenseCategories: { OFFICE: '660202', MEETING: '660203' } };

  it('writes our reference as InvoiceNumber, Item lines with a distribution, and a Tax line per taxed line', () => {
    const { payload } = renderInvoice(bill(), 'FB-DEMO-7-1', {
      valueMaps: maps,
      settings: DEFAULT_ORACLE_SETTINGS,
    });
    const text = JSON.stringify(payload);
    assert.match(text, /"InvoiceAmount":6390\.00/, 'amounts are exact JSON number literals');
    const wire = JSON.parse(text) as Record<string, unknown> & { invoiceLines: Record<string, unknown>[] };
    assert.equal(wire['InvoiceNumber'], 'FB-DEMO-7-1');
    assert.equal(wire['SupplierNumber'], 'S0001');
    assert.equal(wire['SupplierSite'], 'MAIN');
    assert.equal(wire['BusinessUnit'], 'FinBridge China BU');
    assert.equal(wire['Description'], 'Supplier invoice INV-889; 11月保洁');
    assert.deepEqual(
      wire.invoiceLines.map((l) => [
        l['LineNumber'],
        l['LineType'],
        l['LineAmount'],
        l['DistributionCombination'] ?? l['TaxRateCode'],
      ]),
      [
        [1, 'Item', 5000, '101-D01-660202'],
        [2, 'Tax', 300, 'VAT6'],
        [3, 'Item', 1090, '101-000-660203'],
      ],
    );
    assert.match(text, /"LineAmount":5000\.00/);
    assert.deepEqual(wire.invoiceLines[0]?.['invoiceDistributions'], [
      { DistributionLineNumber: 1, DistributionAmount: 5000, DistributionCombination: '101-D01-660202' },
    ]);
  });

  it('sends the supplier by the name Oracle has for its number', () => {
    const { payload } = renderInvoice(bill(), 'R', PROFILE);
    const sent = withSupplierName(payload, '上海洁净服务有限公司');
    assert.equal(sent['Supplier'], '上海洁净服务有限公司');
    assert.equal('SupplierNumber' in sent, false);
  });

  it('maps the supplier, its site, the accounts and tax codes through the profile and explains each', () => {
    const rendered = renderInvoice(bill(), 'R', {
      valueMaps: { ...maps, suppliers: { S0001: '1252' } },
      settings: { ...DEFAULT_ORACLE_SETTINGS, supplierSites: { '1252': 'ACME US1' } },
    });
    const find = (field: string) => rendered.explain.find((e) => e.field.startsWith(field));
    assert.deepEqual(
      [find('SupplierNumber')?.to, find('SupplierNumber')?.rule, find('SupplierNumber')?.object],
      ['1252', 'valueMaps.suppliers["S0001"]', 'suppliers'],
    );
    assert.equal(find('SupplierSite')?.to, 'ACME US1');
    assert.equal(
      find('invoiceLines[0].DistributionCombination')?.rule,
      'valueMaps.expenseCategories["OFFICE"]',
    );
    assert.equal(find('invoiceLines[1].TaxRateCode')?.to, 'VAT6');
    assert.equal(rendered.payload['SupplierSite'], 'ACME US1');
  });
});
