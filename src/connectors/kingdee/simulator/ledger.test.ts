import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ledger, type LedgerSeed, type StoredVoucher } from './ledger.ts';

const SEED: LedgerSeed = {
  accounts: [{ number: '660202', name: '差旅费', detail: true, dc: 1 }],
  departments: [{ number: 'D01', name: '财务部' }],
  employees: [],
  suppliers: [{ number: 'S01', name: '供应商一', uscc: '91310000000000001X' }],
};
const OTHER_SEED: LedgerSeed = { accounts: [], departments: [], employees: [], suppliers: [] };
const T0 = '2026-11-28T08:00:00.000Z';

/** Stores a voucher under the ledger's next id and 凭证号, as a Save does. */
function post(ledger: Ledger, group = 'PRE001', period = 11): StoredVoucher {
  const id = ledger.nextVoucherId();
  const voucher: StoredVoucher = {
    id,
    billNo: `JZ${String(id).padStart(7, '0')}`,
    book: '001',
    date: `2026-${String(period).padStart(2, '0')}-28`,
    year: 2026,
    period,
    group,
    groupNo: ledger.nextGroupNumber('001', 2026, period, group),
    attachments: 0,
    status: 'A',
    entries: [],
    createdAt: T0,
    modifiedAt: T0,
  };
  ledger.vouchers.set(id, voucher);
  return voucher;
}

describe('the Kingdee simulator book kept in a file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'finbridge-kingdee-ledger-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('opens again where it stopped: documents, ids, 凭证号 per group and period, bill ids, base data', () => {
    const file = join(dir, 'restart.db');
    const first = new Ledger(SEED, T0, file);
    assert.equal(first.reopened, false);
    const v1 = post(first);
    const v2 = post(first);
    const transfer = post(first, 'PRE004');
    const bill = first.nextBillId();
    const added = first.addBase('BD_Supplier', 'S99', '补录供应商', { FSOCIALCRECODE: 'X' }, T0);
    const account = first.baseRecord('BD_Account', '660202');
    assert.ok(account !== undefined);
    account.modifiedAt = '2026-11-29T00:00:00.000Z'; // a change in place, kept on close
    first.closedPeriods.add('2026-10');
    first.close();

    const second = new Ledger(OTHER_SEED, '2027-01-01T00:00:00.000Z', file);
    try {
      assert.equal(second.reopened, true);
      assert.deepEqual(second.findVoucherByBillNo(v1.billNo), v1);
      assert.equal(second.vouchers.size, 3);
      const v3 = post(second);
      assert.equal(v3.id, transfer.id + 1, 'voucher ids go on');
      assert.equal(v3.groupNo, v2.groupNo + 1, '凭证号 go on in their group and period');
      assert.equal(post(second, 'PRE004').groupNo, transfer.groupNo + 1);
      assert.equal(post(second, 'PRE001', 12).groupNo, 1, 'a new period starts at 1');
      assert.equal(second.nextBillId(), bill + 1, 'bill ids go on');
      assert.deepEqual(second.baseRecord('BD_Supplier', 'S99'), added, 'added base data is kept');
      assert.equal(second.baseRecord('BD_Account', '660202')?.modifiedAt, '2026-11-29T00:00:00.000Z');
      assert.equal(
        second.baseRecord('BD_Department', 'D01')?.name,
        '财务部',
        'the file’s base data, not the seed’s',
      );
      assert.equal(
        second.addBase('BD_Department', 'D02', '新部门', {}, T0).id,
        added.id + 1,
        'base ids go on',
      );
      assert.ok(second.closedPeriods.has('2026-10'));
    } finally {
      second.close();
    }
  });

  it('is refused to a second simulator while one has it open', () => {
    const file = join(dir, 'locked.db');
    const first = new Ledger(SEED, T0, file);
    try {
      assert.throws(() => new Ledger(SEED, T0, file), /is open in another simulator/);
    } finally {
      first.close();
    }
  });

  it('keeps what a killed simulator committed, and its numbering', () => {
    const file = join(dir, 'killed.db');
    // a child process posts two vouchers and is killed without closing the book
    const child = `
      import { Ledger } from ${JSON.stringify(new URL('./ledger.ts', import.meta.url).href)};
      const ledger = new Ledger({ accounts: [], departments: [], employees: [], suppliers: [] }, ${JSON.stringify(T0)}, ${JSON.stringify(file)});
      for (let i = 0; i < 2; i++) {
        const id = ledger.nextVoucherId();
        const groupNo = ledger.nextGroupNumber('001', 2026, 11, 'PRE001');
        ledger.vouchers.set(id, { id, billNo: 'JZ' + id, book: '001', date: '2026-11-28', year: 2026, period: 11,
          group: 'PRE001', groupNo, attachments: 0, status: 'A', entries: [], createdAt: '', modifiedAt: '' });
      }
      process.kill(process.pid, 'SIGKILL');
    `;
    assert.throws(() =>
      execFileSync(process.execPath, ['--input-type=module', '-e', child], { stdio: 'pipe' }),
    );
    const reopened = new Ledger(SEED, T0, file);
    try {
      assert.deepEqual(
        [...reopened.vouchers.values()].map((v) => [v.id, v.groupNo]),
        [
          [100_001, 1],
          [100_002, 2],
        ],
      );
      assert.deepEqual([post(reopened).id, post(reopened).groupNo], [100_003, 4]);
    } finally {
      reopened.close();
    }
  });
});
