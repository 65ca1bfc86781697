import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SimulatorMasterData } from '../../contract.ts';
import { openU8Book, U8_BOOK } from './book-file.ts';
import type { StoredVoucher } from './book.ts';

const MASTER: SimulatorMasterData = {
  accounts: [{ code: '660202', name: '差旅费', postable: true, balanceDirection: 'debit' }],
  departments: [{ code: 'D01', name: '财务部' }],
  employees: [{ code: 'E01', name: '张三' }],
  suppliers: [{ code: 'S01', name: '供应商一', taxId: '91310000000000001X' }],
};
const NONE: SimulatorMasterData = { accounts: [], departments: [], employees: [], suppliers: [] };

const voucher = (reserve2: string, period = 11): Omit<StoredVoucher, 'id' | 'number'> => ({
  type: '记',
  year: 2026,
  period,
  date: `2026-${String(period).padStart(2, '0')}-28`,
  enter: 'demo',
  makingSystem: 'CDM',
  reserve2,
  entries: [
    { entryId: 1, account: '660202', abstract: '差旅费', debitFen: 171_330n, creditFen: 0n, auxiliary: {} },
  ],
});

describe('the U8 simulator book kept in a file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'finbridge-u8-book-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every committed voucher at once, atomically, and opens again where it stopped', () => {
    const file = join(dir, 'u8.json');
    const first = openU8Book(MASTER, '2026-11-28', file);
    const a = first.book.add(voucher('FB-1'));
    first.book.add(voucher('FB-2', 12));
    // no save() call: the book wrote itself after each add, and left no temporary file behind
    const written = JSON.parse(readFileSync(file, 'utf8')) as { erp: string; book: { vouchers: unknown[] } };
    assert.equal(written.erp, U8_BOOK.erp);
    assert.equal(written.book.vouchers.length, 2);
    assert.deepEqual(readdirSync(dir), ['u8.json']);
    first.book.closedPeriods.add('2026-10');
    first.save();

    const second = openU8Book(NONE, '2027-01-01', file);
    assert.deepEqual(second.book.byReserve2('FB-1'), a, 'amounts come back as bigint fen');
    const next = second.book.add(voucher('FB-3'));
    assert.equal(Number(next.id), Number(a.id) + 2, 'ids go on');
    assert.equal(next.number, 2, '凭证号 go on within the period and type');
    assert.equal(second.book.add(voucher('FB-4', 12)).number, 2);
    assert.equal(
      second.book.vendors.get('S01')?.name,
      '供应商一',
      'the file’s master data, not the one given',
    );
    assert.ok(second.book.accounts.get('660202')?.postable);
    assert.equal(second.book.persons.get('E01'), '张三');
    assert.ok(second.book.closedPeriods.has('2026-10'));
  });
});
