import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer } from './errors.ts';
import { listPageOf, nextCursor, u8Period, voucherListParams, voucherOfListed } from './map/voucher-list.ts';

describe('U8 voucher list codec', () => {
  it('asks voucher/batch_get for the fiscal year and accounting period, a page at a time', () => {
    const first = listPageOf({ period: '2026-11', after: null, limit: 1000 });
    assert.deepEqual(first, { index: 1, rows: 100 });
    const at = u8Period('2026-11');
    assert.ok(at !== undefined);
    assert.deepEqual(voucherListParams(at, first), {
      fiscal_year: '2026',
      accounting_period: '11',
      page_index: '1',
      rows_per_page: '100',
    });
    assert.deepEqual(listPageOf({ period: '2026-11', after: nextCursor(first), limit: 2 }), {
      index: 2,
      rows: 100,
    });
    assert.equal(listPageOf({ period: '2026-11', after: '0/10', limit: 2 }), undefined);
    assert.equal(u8Period('2026-17'), undefined);
  });

  it('reads a listed voucher: entries back in entry_id order, 本币 amounts exact, currency name as ISO, reserve2 as our reference', () => {
    const answer = classifyAnswer(
      200,
      '{"errcode":"0","errmsg":"","page_count":"1","voucher":[{"id":"1000000007","voucher_type":"记",' +
        '"fiscal_year":"2026","accounting_period":"11","voucher_id":"3","date":"2026-11-28",' +
        '"voucher_making_system":"CDM","reserve2":"FB-ACME-1-1","revokeflag":"",' +
        '"debit":{"entry":[{"entry_id":"2","account_code":"22210101","currency":"人民币",' +
        '"natural_debit_currency":116.70,"natural_credit_currency":"0.00"},' +
        '{"entry_id":"1","account_code":"660202","natural_debit_currency":"1713.30"}]},' +
        '"credit":{"entry":{"entry_id":"3","account_code":"224101","natural_credit_currency":"1830.00"}}}]}',
      true,
    );
    assert.ok(answer.ok);
    const v = voucherOfListed((answer.body['voucher'] as unknown[])[0]);
    assert.deepEqual(v, {
      erpId: '1000000007',
      erpNumber: '3',
      word: '记',
      date: '2026-11-28',
      period: '2026-11',
      reference: 'FB-ACME-1-1',
      reversed: false,
      lines: [
        { account: '660202', debitMinor: 171330n, creditMinor: 0n, currency: 'CNY' },
        { account: '22210101', debitMinor: 11670n, creditMinor: 0n, currency: 'CNY' },
        { account: '224101', debitMinor: 0n, creditMinor: 183000n, currency: 'CNY' },
      ],
    });
  });

  it('shows a voided voucher (revokeflag or iflag 1) as reversed, and one of U8’s own without a reference', () => {
    const voided = voucherOfListed({ id: '9', reserve2: 'FB-9', revokeflag: '1', date: '2026-11-02' });
    assert.equal(voided.reversed, true);
    assert.equal(voided.period, '2026-11');
    const own = voucherOfListed({
      id: '10',
      iflag: '1',
      reserve2: '',
      fiscal_year: '2026',
      accounting_period: '3',
    });
    assert.equal(own.reversed, true);
    assert.equal(own.reference, null);
    assert.equal(own.period, '2026-03');
  });

  it('refuses an amount it cannot read exactly', () => {
    assert.throws(
      () => voucherOfListed({ id: '11', debit: { entry: [{ natural_debit_currency: '1,000.00' }] } }),
      /unreadable amount/,
    );
  });
});
