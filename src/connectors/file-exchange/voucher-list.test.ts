import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { checkVoucherListLayout } from './layout/check.ts';
import { VOUCHER_LIST_PRESET } from './layout/presets.ts';
import type { VoucherListLayout } from './layout/schema.ts';
import {
  cursorOf,
  cursorText,
  doneFile,
  isRequestFor,
  newRequestId,
  partFile,
  partFileName,
  readDone,
  readPart,
  readRequest,
  requestFile,
  requestFileName,
  requestIdIn,
  type ExportEntry,
} from './map/voucher-list.ts';

const entry = (over: Partial<ExportEntry>): ExportEntry => ({
  erpId: '1000001',
  erpNumber: '2026-11-记-0001',
  word: '记',
  date: '2026-11-28',
  period: '2026-11',
  reference: 'FB-1',
  account: '660202',
  debitMinor: 0n,
  creditMinor: 0n,
  currency: 'CNY',
  reversed: false,
  ...over,
});

/** A GBK export with digit grouping, a compact date and the columns in another order. */
const GBK: VoucherListLayout = {
  ...VOUCHER_LIST_PRESET,
  encoding: 'gbk',
  delimiter: ';',
  dateFormat: 'yyyyMMdd',
  amount: { decimalSeparator: '.', thousandsSeparator: ',' },
  columns: [...VOUCHER_LIST_PRESET.columns].reverse(),
};

describe('file-exchange voucher list files', () => {
  it('names request, part and done files from the layout, and finds the request id in a name again', () => {
    const request = newRequestId(new Date('2026-11-28T08:00:00.123Z'), 'a1b2-c3d4-e5f6');
    assert.equal(request, '20261128T080000123Z-a1b2c3d4');
    const name = requestFileName(VOUCHER_LIST_PRESET, '2026-11', request);
    assert.equal(name, `FBLIST_2026-11_${request}.req.csv`);
    assert.equal(requestIdIn(VOUCHER_LIST_PRESET, '2026-11', name), request);
    assert.equal(requestIdIn(VOUCHER_LIST_PRESET, '2026-12', name), undefined);
    assert.ok(isRequestFor(VOUCHER_LIST_PRESET, '2026-11', name));
    assert.equal(
      partFileName(VOUCHER_LIST_PRESET, '2026-11', request, 3),
      `FBLIST_2026-11_${request}_003.csv`,
    );
  });

  it('writes and reads the request and done files in the layout’s encoding', async () => {
    const request = await requestFile(GBK, '2026-11', 'R-1', '2026-11-28T08:00:00.000Z');
    assert.match(iconv.decode(request, 'gbk'), /^会计期间;请求号;请求时间\r\n2026-11;R-1;/);
    assert.deepEqual(await readRequest(request, GBK), { period: '2026-11', request: 'R-1' });
    assert.deepEqual(await readDone(await doneFile(GBK, 4, 7), GBK), { parts: 4 });
  });

  it('reads a part back into whole vouchers with exact minor units, however the layout writes them', async () => {
    const bytes = await partFile(GBK, [
      entry({ account: '660202', debitMinor: 123456789n }),
      entry({
        erpId: '1000002',
        erpNumber: '2026-11-记-0002',
        reference: 'FB-2',
        account: '660202',
        debitMinor: 5n,
      }),
      entry({ account: '224101', creditMinor: 123456789n }),
      entry({
        erpId: '1000002',
        erpNumber: '2026-11-记-0002',
        reference: 'FB-2',
        account: '224101',
        creditMinor: 5n,
        reversed: true,
      }),
    ]);
    assert.match(iconv.decode(bytes, 'gbk'), /1,234,567\.89/);
    const read = await readPart(bytes, GBK);
    if (!('vouchers' in read)) assert.fail(read.error);
    assert.deepEqual(
      read.vouchers.map((v) => [
        v.erpId,
        v.reference,
        v.date,
        v.reversed,
        v.lines.map((l) => [l.account, l.debitMinor, l.creditMinor]),
      ]),
      [
        [
          '1000001',
          'FB-1',
          '2026-11-28',
          false,
          [
            ['660202', 123456789n, 0n],
            ['224101', 0n, 123456789n],
          ],
        ],
        [
          '1000002',
          'FB-2',
          '2026-11-28',
          true,
          [
            ['660202', 5n, 0n],
            ['224101', 0n, 5n],
          ],
        ],
      ],
    );
  });

  it('refuses a part it cannot read exactly: too many decimals, an unknown currency, a missing column', async () => {
    const header = VOUCHER_LIST_PRESET.columns.map((c) => c.title).join(',');
    const row = (debit: string, currency: string) =>
      Buffer.from(`\uFEFF${header}\r\n1,N,记,2026-11-28,2026-11,FB-1,660202,${debit},0,${currency},正常\r\n`);
    assert.match(JSON.stringify(await readPart(row('1.005', 'CNY'), VOUCHER_LIST_PRESET)), /amount/);
    assert.match(JSON.stringify(await readPart(row('1.00', 'XXX'), VOUCHER_LIST_PRESET)), /unknown currency/);
    const cut = Buffer.from('\uFEFF凭证ID,科目编码\r\n1,660202\r\n');
    assert.match(JSON.stringify(await readPart(cut, VOUCHER_LIST_PRESET)), /no column titled/);
  });

  it('keeps its place in an opaque cursor, and refuses one it did not write', () => {
    const at = { request: '20261128T080000123Z-a1b2c3d4', parts: 3, part: 2, skip: 500 };
    assert.deepEqual(cursorOf(cursorText(at)), at);
    assert.equal(cursorOf('R/2/3/0'), undefined, 'a part beyond the count');
    assert.equal(cursorOf('../x/1/1/0'), undefined);
  });

  it('checks a voucher-list layout by field: tokens, required columns, date format', () => {
    assert.deepEqual(checkVoucherListLayout(VOUCHER_LIST_PRESET, '/voucherList'), []);
    const bad: VoucherListLayout = {
      ...VOUCHER_LIST_PRESET,
      partFile: 'FBLIST_{period}_{request}.csv',
      columns: VOUCHER_LIST_PRESET.columns.filter((c) => c.field !== 'currency'),
      dateFormat: 'yyyy-MM',
    };
    assert.deepEqual(
      checkVoucherListLayout(bad, '/voucherList').map((p) => p.pointer),
      ['/voucherList/partFile', '/voucherList/columns', '/voucherList/dateFormat'],
    );
  });
});
