import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVoucher, type VoucherValue } from '../../model/voucher.ts';
import { EMPTY_VALUE_MAPS, type MappingProfile } from '../contract.ts';
import { DEFAULT_YONBIP_SETTINGS } from './map/profile.ts';
import { pageAfter, vendorRecord } from './map/pull.ts';
import { renderYonBipVoucher } from './map/voucher.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_YONBIP_SETTINGS };

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
        aux: { department: 'D01', supplier: 'S01', customer: 'C1' },
      },
      { summary: '进项税额', accountCode: '22210101', debit: '116.70' },
      { summary: '应付报销款', accountCode: '224101', credit: '1830.00' },
    ],
  });
  assert.ok(parsed.ok);
  return parsed.value;
}

describe('YonBIP voucher codec', () => {
  it('writes a top-level addVoucher body with our reference as businessId and externalSourceDataId', () => {
    const { payload } = renderYonBipVoucher(voucher(), 'FB-DEMO-1-1', PROFILE);
    const wire = JSON.parse(JSON.stringify(payload)) as Record<string, unknown> & {
      bodies: Record<string, unknown>[];
    };
    assert.equal(wire['accbookCode'], '0001');
    assert.equal(wire['voucherTypeCode'], '1');
    assert.equal(wire['period'], '2026-11');
    assert.equal(wire['makeTime'], '2026-11-28');
    assert.equal(wire['makerMobile'], '13800000000');
    assert.equal(wire['businessId'], 'FB-DEMO-1-1');
    assert.equal(wire['externalSourceDataId'], 'FB-DEMO-1-1');
    assert.equal(wire['data'], undefined);
    assert.deepEqual(
      wire.bodies.map((b) => b['accsubjectCode']),
      ['660202', '22210101', '224101'],
    );
    assert.deepEqual(wire.bodies[0]?.['clientAuxiliaryList'], [
      { filedCode: '0001', valueCode: 'D01' },
      { filedCode: '0004', valueCode: 'S01' },
    ]);
  });

  it('writes original and book amounts as exact decimal literals on one side only', () => {
    const text = JSON.stringify(renderYonBipVoucher(voucher(), 'R', PROFILE).payload);
    assert.match(text, /"debitOriginal":1713\.30,"debitOrg":1713\.30/);
    assert.match(text, /"creditOriginal":1830\.00,"creditOrg":1830\.00/);
    assert.doesNotMatch(text, /"accsubjectCode":"224101","debit/);
  });

  it('maps accounts and dimensions through the profile and explains each', () => {
    const rendered = renderYonBipVoucher(voucher(), 'R', {
      valueMaps: { ...EMPTY_VALUE_MAPS, accounts: { '660202': '660299' }, suppliers: { S01: 'V0001' } },
      settings: { ...DEFAULT_YONBIP_SETTINGS, voucherTypeCodes: { 记: '01' } },
    });
    const find = (field: string) => rendered.explain.find((e) => e.field === field);
    assert.equal(find('bodies[0].accsubjectCode')?.to, '660299');
    assert.equal(find('bodies[0].accsubjectCode')?.rule, 'valueMaps.accounts["660202"]');
    const supplier = find('bodies[0].clientAuxiliaryList[filedCode=0004].valueCode');
    assert.deepEqual([supplier?.to, supplier?.object], ['V0001', 'suppliers']);
    assert.equal(find('voucherTypeCode')?.to, '01');
  });
});

describe('YonBIP vendor pull codec', () => {
  const row = (code: string, pubts: string, org = '666666') =>
    vendorRecord({ id: '1', code, name: code, org, stopstatus: false, pubts });

  it('keeps one record per vendor code, ordered by (pubts, code), strictly after the cursor', () => {
    const rows = [
      row('V2', '2026-11-01 00:00:00'),
      row('V1', '2026-11-01 00:00:00'),
      row('V1', '2026-11-01 00:00:00', '2'),
      row('V3', '2026-10-01 00:00:00'),
    ];
    assert.deepEqual(
      pageAfter(rows, { modifiedAt: null, number: null }, 10).map((r) => r.number),
      ['V3', 'V1', 'V2'],
    );
    assert.deepEqual(
      pageAfter(rows, { modifiedAt: '2026-11-01 00:00:00', number: 'V1' }, 10).map((r) => r.number),
      ['V2'],
    );
  });

  it('marks stopped vendors unusable', () => {
    assert.equal(vendorRecord({ code: 'V9', name: 'x', stopstatus: true, pubts: '' }).usable, false);
  });
});
