import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer } from './errors.ts';
import { cursorOf, pageOf, voucherListRequest, voucherOfRecord, yonbipPeriod } from './map/voucher-list.ts';

const REFS = ['externalsourcedataid', 'externalSourceDataId', 'businessid', 'businessId'];

describe('YonBIP voucher list codec', () => {
  it('asks queryVouchers for one book and period with a pager of at most 1000', () => {
    const first = pageOf({ period: '2026-11', after: null, limit: 5000 });
    assert.deepEqual(first, { pageIndex: 1, pageSize: 1000 });
    assert.deepEqual(voucherListRequest('0001', '2026-11', first), {
      accbookCode: '0001',
      periodStart: '2026-11',
      periodEnd: '2026-11',
      pager: { pageIndex: 1, pageSize: 1000 },
    });
    // the cursor keeps the page size it was counted with, whatever limit comes next
    assert.deepEqual(pageOf({ period: '2026-11', after: cursorOf(first), limit: 3 }), {
      pageIndex: 2,
      pageSize: 1000,
    });
    assert.equal(pageOf({ period: '2026-11', after: 'x/1', limit: 3 }), undefined);
    assert.equal(pageOf({ period: '2026-11', after: '2/5000', limit: 3 }), undefined);
  });

  it('accepts periods 01 to 16 and nothing else', () => {
    assert.equal(yonbipPeriod('2026-13'), '2026-13');
    assert.equal(yonbipPeriod('2026-00'), undefined);
    assert.equal(yonbipPeriod('2026-17'), undefined);
    assert.equal(yonbipPeriod('2026-1'), undefined);
  });

  it('reads a listed voucher: word from displayname, our reference, accounts and exact fen from the source text', () => {
    const answer = classifyAnswer(
      200,
      '{"code":"200","message":"OK","data":{"recordCount":1,"recordList":[{"header":{"id":"A1","billcode":32,' +
        '"displayname":"记-32","voucherstatus":"01","period":"2026-11","maketime":"2026-11-28 00:00:00",' +
        '"businessid":"FB-1","externalsourcedataid":"FB-1"},"body":[' +
        '{"accsubject":{"code":"660202"},"debit_org":90071992547409.93,"credit_org":0},' +
        '{"accsubject":{"code":"224101"},"debit_org":0,"credit_org":90071992547409.93}]}]}}',
      true,
    );
    assert.ok(answer.ok);
    const record = (answer.body['data'] as { recordList: unknown[] }).recordList[0];
    const v = voucherOfRecord(record, REFS);
    assert.deepEqual(v, {
      erpId: 'A1',
      erpNumber: '32',
      word: '记',
      date: '2026-11-28',
      period: '2026-11',
      reference: 'FB-1',
      reversed: false,
      lines: [
        { account: '660202', debitMinor: 9007199254740993n, creditMinor: 0n, currency: 'CNY' },
        { account: '224101', debitMinor: 0n, creditMinor: 9007199254740993n, currency: 'CNY' },
      ],
    });
  });

  it('shows a cancelled (作废, status 05) voucher as reversed and reads camelCase detail fields', () => {
    const v = voucherOfRecord(
      {
        header: {
          id: 'B2',
          billCode: '7',
          voucherType: { code: '1', name: '记' },
          voucherStatus: '05',
          period: '2026-11',
          makeTime: '2026-11-03',
          businessId: 'FB-2',
        },
        body: [
          { accsubjectCode: '660202', debitOrg: '10.5', currencyCode: 'CNY' },
          { accsubjectCode: '224101', creditOrg: '10.50', currencyCode: 'CNY' },
        ],
      },
      REFS,
    );
    assert.equal(v.reversed, true);
    assert.equal(v.word, '记');
    assert.equal(v.reference, 'FB-2');
    assert.deepEqual(
      v.lines.map((l) => [l.account, l.debitMinor, l.creditMinor]),
      [
        ['660202', 1050n, 0n],
        ['224101', 0n, 1050n],
      ],
    );
  });

  it('refuses an amount with more digits than the currency has, instead of rounding it', () => {
    assert.throws(
      () =>
        voucherOfRecord(
          { header: { id: 'C3' }, body: [{ accsubject: { code: '1' }, debit_org: '1.005' }] },
          REFS,
        ),
      /unreadable amount 1\.005/,
    );
  });
});
