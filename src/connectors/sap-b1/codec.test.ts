import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parsePayment,
  parseSupplierBill,
  type PaymentValue,
  type SupplierBillValue,
} from '../../model/payables.ts';
import { parseVoucher, type VoucherValue } from '../../model/voucher.ts';
import { EMPTY_VALUE_MAPS, type MappingProfile } from '../contract.ts';
import { renderSapB1 } from './connector.ts';
import { renderJournalEntry } from './map/journal-entry.ts';
import { DEFAULT_SAP_B1_SETTINGS } from './map/profile.ts';
import { renderPurchaseInvoice } from './map/purchase-invoice.ts';
import { dateOf, stampOf, timeOf } from './map/pull.ts';
import { renderVendorPayment } from './map/vendor-payment.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_SAP_B1_SETTINGS };

const ok = <T>(result: { ok: true; value: T } | { ok: false; failures: unknown }): T => {
  assert.ok(result.ok, JSON.stringify(!result.ok && result.failures));
  return result.value;
};

const voucher = (summary = '报销差旅费'): VoucherValue =>
  ok(
    parseVoucher({
      companyCode: 'DEMO',
      date: '2026-11-28',
      period: '2026-11',
      word: '记',
      currency: 'CNY',
      summary,
      lines: [
        {
          summary: '差旅费',
          accountCode: '660202',
          debit: '1713.30',
          aux: { department: 'D01', employee: 'E011', project: 'P1' },
        },
        { summary: '进项税额', accountCode: '22210101', debit: '116.70' },
        { summary: '应付报销款', accountCode: '224101', credit: '1830.00', aux: { supplier: 'S0001' } },
      ],
    }),
  );

const bill = (overrides: Record<string, unknown> = {}): SupplierBillValue =>
  ok(
    parseSupplierBill({
      supplierCode: 'S0001',
      number: 'INV-77',
      memo: '11月保洁',
      date: '2026-11-20',
      dueDate: '2026-12-20',
      currency: 'CNY',
      lines: [
        {
          description: '保洁',
          categoryCode: 'OFFICE',
          amount: '5300.00',
          taxRate: '0.06',
          departmentCode: 'D01',
        },
      ],
      ...overrides,
    }),
  );

const payment = (overrides: Record<string, unknown> = {}): PaymentValue =>
  ok(
    parsePayment({
      payeeKind: 'supplier',
      payeeCode: 'S0001',
      amount: { amount: '6390.00', currency: 'CNY' },
      paidOn: '2026-11-27',
      method: 'bank_transfer',
      memo: '付保洁费',
      ...overrides,
    }),
  );

describe('journal entry codec', () => {
  it('writes amounts as exact JSON number literals, dates three times, our reference in Reference2', () => {
    const rendered = renderJournalEntry(voucher(), 'FB-DEMO-1-1', PROFILE);
    assert.equal(`${rendered.operation} ${rendered.erpObject}`, 'POST JournalEntries');
    const wire = JSON.stringify(rendered.payload);
    assert.ok(wire.includes('"Debit":1713.30,"Credit":0.00'), wire);
    assert.ok(wire.includes('"Debit":0.00,"Credit":1830.00'), wire);
    const body = JSON.parse(wire) as Record<string, unknown> & {
      JournalEntryLines: Record<string, unknown>[];
    };
    assert.deepEqual(
      [body['ReferenceDate'], body['TaxDate'], body['DueDate'], body['Reference2'], body['Memo']],
      ['2026-11-28', '2026-11-28', '2026-11-28', 'FB-DEMO-1-1', '报销差旅费'],
    );
    assert.equal(body['Reference'], undefined, 'Reference (Ref1) is left to the company');
  });

  it('puts the department in CostingCode, the project in ProjectCode, a supplier in ShortName; employees nowhere by default', () => {
    const body = JSON.parse(JSON.stringify(renderJournalEntry(voucher(), 'R', PROFILE).payload)) as {
      JournalEntryLines: Record<string, unknown>[];
    };
    assert.deepEqual(body.JournalEntryLines[0], {
      AccountCode: '660202',
      Debit: 1713.3,
      Credit: 0,
      LineMemo: '差旅费',
      CostingCode: 'D01',
      ProjectCode: 'P1',
    });
    assert.equal(body.JournalEntryLines[2]?.['ShortName'], 'S0001');
  });

  it('maps accounts and dimensions through the value maps and explains every one', () => {
    const rendered = renderJournalEntry(voucher(), 'R', {
      valueMaps: { ...EMPTY_VALUE_MAPS, accounts: { '660202': '6602-02' }, departments: { D01: 'CC-SALES' } },
      settings: { ...DEFAULT_SAP_B1_SETTINGS, dimensionFields: { department: 'CostingCode2' } },
    });
    const [line] = rendered.payload['JournalEntryLines'] as Record<string, unknown>[];
    assert.ok(line !== undefined);
    assert.equal(line['AccountCode'], '6602-02');
    assert.equal(line['CostingCode2'], 'CC-SALES');
    assert.equal(line['ProjectCode'], undefined);
    assert.ok(
      rendered.explain.some(
        (e) => e.field === 'JournalEntryLines[0].CostingCode2' && e.rule === 'valueMaps.departments["D01"]',
      ),
    );
    assert.ok(rendered.explain.some((e) => e.field === 'Reference2' && e.to === 'R'));
  });

  it('cuts the memo to the 50 characters of OJDT.Memo, and says so', () => {
    const long = '长'.repeat(60);
    const rendered = renderJournalEntry(voucher(long), 'R', PROFILE);
    assert.equal([...String(rendered.payload['Memo'])].length, 50);
    assert.match(rendered.explain.find((e) => e.field === 'Memo')?.rule ?? '', /cut to 50/);
  });
});

describe('A/P invoice codec', () => {
  it('writes a service document: net LineTotal, VAT group by rate, category account, cost centre, NumAtCard = our reference', () => {
    const rendered = renderPurchaseInvoice(bill(), 'FB-DEMO-B-1', {
      ...PROFILE,
      valueMaps: {
        ...EMPTY_VALUE_MAPS,
        expenseCategories: { OFFICE: '660201' },
        suppliers: { S0001: 'V10000' },
      },
    });
    const wire = JSON.stringify(rendered.payload);
    assert.ok(wire.includes('"LineTotal":5000.00'), wire);
    const body = JSON.parse(wire) as Record<string, unknown> & { DocumentLines: Record<string, unknown>[] };
    assert.deepEqual(
      [
        body['CardCode'],
        body['DocType'],
        body['NumAtCard'],
        body['DocDate'],
        body['DocDueDate'],
        body['TaxDate'],
      ],
      ['V10000', 'dDocument_Service', 'FB-DEMO-B-1', '2026-11-20', '2026-12-20', '2026-11-20'],
    );
    assert.equal(body['DocCurrency'], undefined, 'local currency is not named');
    assert.equal(body['Comments'], '11月保洁 / Supplier invoice INV-77');
    assert.deepEqual(body.DocumentLines[0], {
      ItemDescription: '保洁',
      AccountCode: '660201',
      LineTotal: 5000,
      VatGroup: 'IN6',
      CostingCode: 'D01',
    });
    assert.ok(
      rendered.explain.some((e) => e.field === 'CardCode' && e.to === 'V10000' && e.object === 'suppliers'),
    );
  });

  it('names a foreign currency, and uses TaxCode when the profile says so', () => {
    const rendered = renderPurchaseInvoice(bill({ currency: 'USD' }), 'R', {
      ...PROFILE,
      settings: { ...DEFAULT_SAP_B1_SETTINGS, taxField: 'TaxCode', taxCodes: {} },
    });
    assert.equal(rendered.payload['DocCurrency'], 'USD');
    const [line] = rendered.payload['DocumentLines'] as Record<string, unknown>[];
    assert.ok(line !== undefined);
    assert.equal(line['TaxCode'], '0.06');
    assert.equal(line['VatGroup'], undefined);
  });
});

describe('outgoing payment codec', () => {
  it('pays a supplier on account from the transfer account of the method, our reference in Remarks', () => {
    const body = JSON.parse(
      JSON.stringify(renderVendorPayment(payment(), 'FB-DEMO-P-1', PROFILE).payload),
    ) as Record<string, unknown>;
    assert.deepEqual(body, {
      DocType: 'rSupplier',
      CardCode: 'S0001',
      DocDate: '2026-11-27',
      TaxDate: '2026-11-27',
      TransferAccount: '1002',
      TransferSum: 6390,
      TransferDate: '2026-11-27',
      Remarks: 'FB-DEMO-P-1',
      JournalRemarks: '付保洁费',
    });
    assert.ok(
      JSON.stringify(renderVendorPayment(payment(), 'R', PROFILE).payload).includes('"TransferSum":6390.00'),
    );
  });

  it('pays cash from the cash account, a named bank account from its G/L account, an employee through their partner code', () => {
    const cash = renderVendorPayment(payment({ method: 'cash' }), 'R', PROFILE).payload;
    assert.deepEqual([cash['CashAccount'], cash['TransferAccount']], ['1001', undefined]);
    const bank = renderVendorPayment(
      payment({ payeeKind: 'employee', payeeCode: 'E011', bankAccountCode: 'ICBC-01' }),
      'R',
      {
        valueMaps: { ...EMPTY_VALUE_MAPS, employees: { E011: 'VE011' } },
        settings: { ...DEFAULT_SAP_B1_SETTINGS, bankAccounts: { 'ICBC-01': '100201' } },
      },
    );
    assert.deepEqual(
      [bank.payload['DocType'], bank.payload['CardCode'], bank.payload['TransferAccount']],
      ['rSupplier', 'VE011', '100201'],
    );
    assert.ok(bank.explain.some((e) => e.rule === 'settings.bankAccounts["ICBC-01"]'));
    const customer = renderVendorPayment(
      payment({ payeeKind: 'customer', payeeCode: 'C0001' }),
      'R',
      PROFILE,
    );
    assert.equal(customer.payload['DocType'], 'rCustomer');
  });
});

describe('rendering by kind, and reading B1 dates', () => {
  it('renders each kind to its entity set', () => {
    assert.equal(
      renderSapB1({ kind: 'voucher', value: voucher() }, 'R', PROFILE).erpObject,
      'JournalEntries',
    );
    assert.equal(
      renderSapB1({ kind: 'supplier_bill', value: bill() }, 'R', PROFILE).erpObject,
      'PurchaseInvoices',
    );
    assert.equal(
      renderSapB1({ kind: 'payment', value: payment() }, 'R', PROFILE).erpObject,
      'VendorPayments',
    );
  });

  it('reads v1 dates, v2 date-times and both time forms into one watermark', () => {
    assert.equal(dateOf('2026-11-28'), '2026-11-28');
    assert.equal(dateOf('2026-11-28T00:00:00Z'), '2026-11-28');
    assert.equal(dateOf(null), '');
    assert.equal(timeOf('9:05'), '09:05:00');
    assert.equal(timeOf('PT14H32M10S'), '14:32:10');
    assert.equal(timeOf('PT'), '');
    assert.equal(stampOf({ UpdateDate: '2026-11-28', UpdateTime: '14:32:10' }), '2026-11-28T14:32:10');
    assert.equal(stampOf({ UpdateDate: '2026-11-28T00:00:00Z' }), '2026-11-28T00:00:00');
    assert.equal(stampOf({}), '');
  });
});
