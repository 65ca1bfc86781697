import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SimulatorMasterData } from '../../contract.ts';
import { openYonBook, YONBIP_BOOK } from './book-file.ts';
import type { SavedVoucher } from './book.ts';

const MASTER: SimulatorMasterData = {
  accounts: [{ code: '660202', name: '差旅费', postable: true, balanceDirection: 'debit' }],
  departments: [{ code: 'D01', name: '财务部' }],
  employees: [{ code: 'E01', name: '张三' }],
  suppliers: ['S01', 'S02', 'S03', 'S04'].map((code) => ({ code, name: `供应商${code}`, taxId: '' })),
};
const NONE: SimulatorMasterData = { accounts: [], departments: [], employees: [], suppliers: [] };

const voucher = (reference: string, period = '2026-11'): Omit<SavedVoucher, 'id' | 'billCode'> => ({
  accbookCode: '0001',
  voucherTypeCode: '1',
  period,
  makeTime: `${period}-28`,
  description: '报销',
  businessId: reference,
  externalSourceDataId: '',
  ts: `${period}-28 16:00:00`,
  lines: [{ description: '差旅费', account: '660202', debitFen: 171_330n, creditFen: 0n, auxiliary: [] }],
});

describe('the YonBIP simulator book kept in a file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'finbridge-yonbip-book-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every change at once and opens again where it stopped', () => {
    const file = join(dir, 'yonbip.json');
    const first = openYonBook(MASTER, '2026-11-28 16:00:00', file);
    const saved = first.book.save(voucher('FB-1'));
    first.book.touchVendor('S02', '2026-11-28 17:00:00');
    // no save() call: the book wrote itself after the voucher and after the vendor change
    const written = JSON.parse(readFileSync(file, 'utf8')) as {
      erp: string;
      book: { vendors: { code: string; pubts: string }[] };
    };
    assert.equal(written.erp, YONBIP_BOOK.erp);
    assert.equal(written.book.vendors.find((v) => v.code === 'S02')?.pubts, '2026-11-28 17:00:00');

    const second = openYonBook(NONE, '2027-01-01 00:00:00', file);
    assert.deepEqual(second.book.byReference('FB-1'), saved, 'amounts come back as bigint fen');
    assert.equal(second.book.save(voucher('FB-2')).billCode, saved.billCode + 1, '凭证号 go on');
    assert.equal(second.book.save(voucher('FB-3', '2026-12')).billCode, 1, 'a new period starts at 1');
    assert.deepEqual(
      [...second.book.vendors.values()].map((v) => [v.code, v.orgs.length]),
      [...first.book.vendors.values()].map((v) => [v.code, v.orgs.length]),
      'vendors keep their order and using orgs',
    );
    assert.equal(second.book.vendors.get('S02')?.name, '供应商S02*');
    assert.ok(second.book.departments.has('D01') && second.book.employees.has('E01'));
  });
});
