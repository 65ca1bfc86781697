import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVoucher, type VoucherValue } from '../../model/voucher.ts';
import { EMPTY_VALUE_MAPS, type MappingProfile } from '../contract.ts';
import { DEFAULT_YONYOU_SETTINGS } from './map/profile.ts';
import { renderU8Voucher } from './map/voucher.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_YONYOU_SETTINGS };

function voucher(): VoucherValue {
  const parsed = parseVoucher({
    companyCode: 'DEMO',
    date: '2026-11-28',
    period: '2026-11',
    word: '记',
    currency: 'CNY',
    summary: '报销差旅费',
    lines: [
      {
        summary: '差旅费',
        accountCode: '660202',
        debit: '1713.30',
        aux: { department: 'D01', employee: 'E011', project: 'P1' },
      },
      { summary: '进项税额', accountCode: '22210101', debit: '116.70' },
      { summary: '应付报销款', accountCode: '224101', credit: '1830.00', aux: { employee: 'E011' } },
    ],
  });
  assert.ok(parsed.ok);
  return parsed.value;
}

describe('U8 voucher codec', () => {
  it('splits lines into debit and credit entries numbered in document order, with our reference in reserve2', () => {
    const { payload, erpObject, operation } = renderU8Voucher(voucher(), 'FB-DEMO-1-1', PROFILE);
    assert.equal(`${erpObject}/${operation}`, 'voucher/add');
    const wire = JSON.parse(JSON.stringify(payload)) as {
      voucher: Record<string, unknown> & {
        debit: { entry: Record<string, unknown>[] };
        credit: { entry: Record<string, unknown>[] };
      };
    };
    assert.equal(wire.voucher['reserve2'], 'FB-DEMO-1-1');
    assert.equal(wire.voucher['voucher_making_system'], 'CDM');
    assert.equal(wire.voucher['voucher_type'], '记');
    assert.equal(wire.voucher['fiscal_year'], 2026);
    assert.equal(wire.voucher['accounting_period'], 11);
    assert.deepEqual(
      wire.voucher.debit.entry.map((e) => [e['entry_id'], e['account_code']]),
      [
        [1, '660202'],
        [2, '22210101'],
      ],
    );
    assert.deepEqual(
      wire.voucher.credit.entry.map((e) => [e['entry_id'], e['account_code']]),
      [[3, '224101']],
    );
    assert.deepEqual(wire.voucher.debit.entry[0]?.['auxiliary'], { dept_id: 'D01', personnel_id: 'E011' });
  });

  it('writes amounts as exact decimal literals with the currency’s digits, never through a float', () => {
    const text = JSON.stringify(renderU8Voucher(voucher(), 'R', PROFILE).payload);
    assert.match(text, /"natural_debit_currency":1713\.30,"primary_debit_amount":1713\.30/);
    assert.match(text, /"natural_credit_currency":1830\.00,"primary_credit_amount":1830\.00/);
    assert.doesNotMatch(text, /natural_credit_currency":1830[,}]/);
  });

  it('maps accounts, dimensions and the voucher word through the profile and explains each', () => {
    const rendered = renderU8Voucher(voucher(), 'R', {
      valueMaps: { ...EMPTY_VALUE_MAPS, accounts: { '660202': '660299' }, employees: { E011: '0011' } },
      settings: { ...DEFAULT_YONYOU_SETTINGS, voucherTypes: { 记: '记账' } },
    });
    const find = (field: string) => rendered.explain.find((e) => e.field === field);
    assert.deepEqual(find('voucher.debit.entry[0].account_code'), {
      source: '/lines/0/accountCode',
      field: 'voucher.debit.entry[0].account_code',
      from: '660202',
      to: '660299',
      rule: 'valueMaps.accounts["660202"]',
      object: 'accounts',
    });
    assert.equal(find('voucher.credit.entry[0].auxiliary.personnel_id')?.to, '0011');
    assert.equal(find('voucher.credit.entry[0].auxiliary.personnel_id')?.object, 'employees');
    assert.equal(find('voucher.voucher_type')?.to, '记账');
    const voucherNode = rendered.payload['voucher'] as { voucher_type: string };
    assert.equal(voucherNode.voucher_type, '记账');
  });

  it('renders the same document to the same request', () => {
    assert.deepEqual(renderU8Voucher(voucher(), 'R', PROFILE), renderU8Voucher(voucher(), 'R', PROFILE));
  });
});
