import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_VALUE_MAPS, type CanonicalDocument, type ErpVoucher, type VoucherPage } from '../contract.ts';
import { parseVoucher } from '../../model/voucher.ts';
import { SAP_B1 } from './definition.ts';
import { classifyAnswer } from './errors.ts';
import { DEFAULT_SAP_B1_SETTINGS } from './map/profile.ts';
import { cursorOf, minorOf, periodDays, voucherListResource, voucherOf } from './map/voucher-list.ts';
import { startSapB1Simulator } from './simulator/server.ts';

const MASTER = {
  accounts: [
    { code: '660202', name: '差旅费', postable: true, balanceDirection: 'debit' as const },
    { code: '660299', name: '其他', postable: true, balanceDirection: 'debit' as const },
    { code: '224101', name: '其他应付款', postable: true, balanceDirection: 'credit' as const },
  ],
  departments: [{ code: 'SALES-E', name: '华东销售部' }],
  suppliers: [{ code: 'S0001', name: '上海保洁', taxId: '91310000MA1FL0000X' }],
  employees: [],
  projects: [],
};

const journal = (date: string, amount: string, supplier?: string): CanonicalDocument => {
  const parsed = parseVoucher({
    companyCode: 'DEMO',
    date,
    period: date.slice(0, 7),
    word: '记',
    currency: 'CNY',
    summary: '报销',
    lines: [
      { summary: 'a', accountCode: '660202', debit: amount, aux: { department: 'SALES-E' } },
      {
        summary: 'b',
        accountCode: '224101',
        credit: amount,
        ...(supplier === undefined ? {} : { aux: { supplier } }),
      },
    ],
  });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.failures));
  return { kind: 'voucher', value: parsed.value };
};

const PROFILE = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_SAP_B1_SETTINGS };
const show = (value: unknown): string =>
  JSON.stringify(value, (_key, x: unknown) => (typeof x === 'bigint' ? String(x) : x));

describe('SAP B1 voucher list (codec)', () => {
  it('spans a period by its first and last posting date, February of a leap year included', () => {
    assert.deepEqual(periodDays('2026-11'), { from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(periodDays('2028-02'), { from: '2028-02-01', to: '2028-02-29' });
    assert.equal(periodDays('2026-13'), undefined);
    assert.equal(periodDays('2026-00'), undefined);
    assert.equal(periodDays('26-11'), undefined);
  });

  it('asks for the period’s entries after the cursor, ordered by JdtNum, with dates as the OData flavour writes them', () => {
    const v1 = decodeURIComponent(
      voucherListResource('v1', { from: '2026-11-01', to: '2026-11-30' }, 1005, 50),
    );
    assert.equal(
      v1,
      "JournalEntries?$filter=ReferenceDate ge '2026-11-01' and ReferenceDate le '2026-11-30' and JdtNum gt 1005&$select=JdtNum,Number,ReferenceDate,Reference2,JournalEntryLines&$orderby=JdtNum&$top=50",
    );
    const v2 = decodeURIComponent(voucherListResource('v2', { from: '2026-11-01', to: '2026-11-30' }, 0, 50));
    assert.match(v2, /ReferenceDate ge 2026-11-01T00:00:00Z and ReferenceDate le 2026-11-30T00:00:00Z&/);
    assert.doesNotMatch(v2, /JdtNum gt/);
    assert.equal(cursorOf({ period: '2026-11', after: '1005', limit: 1 }), 1005);
    assert.equal(cursorOf({ period: '2026-11', after: 'junk', limit: 1 }), 0);
  });

  it('reads amounts from B1’s number text exactly, and refuses digits the currency does not have', () => {
    assert.equal(minorOf('1713.30', 'CNY'), 171330n);
    assert.equal(minorOf('1713.3', 'CNY'), 171330n);
    assert.equal(minorOf('1713.300000', 'CNY'), 171330n);
    assert.equal(minorOf('90071992547409.93', 'CNY'), 9007199254740993n, 'beyond a float’s integers');
    assert.equal(minorOf('-800', 'CNY'), -80000n);
    assert.equal(minorOf('0', 'JPY'), 0n);
    assert.equal(minorOf('1713.305', 'CNY'), undefined);
    assert.equal(minorOf('1.5E3', 'CNY'), undefined);
  });

  it('keeps a Service Layer answer’s numbers as their text when asked, so no amount is ever a float', () => {
    const body = '{"value":[{"JdtNum":1001,"Debit":90071992547409.93}]}';
    const exact = classifyAnswer(200, 'application/json', body, true, true);
    assert.ok(exact.ok);
    assert.deepEqual(exact.body?.['value'], [{ JdtNum: '1001', Debit: '90071992547409.93' }]);
    const plain = classifyAnswer(200, 'application/json', body, true);
    assert.ok(plain.ok);
    assert.equal((plain.body?.['value'] as { JdtNum: unknown }[])[0]?.JdtNum, 1001);
  });

  it('maps a journal entry: Reference2, posting date and period, a partner line by its BP code', () => {
    const voucher = voucherOf(
      {
        JdtNum: '1007',
        Number: '7',
        ReferenceDate: '2026-11-28T00:00:00Z',
        Reference2: 'FB-ACME-7-1',
        JournalEntryLines: [
          { AccountCode: '660202', ShortName: '660202', Debit: '6390.00', Credit: '0' },
          { AccountCode: '220201', ShortName: 'S0001', Debit: '0.0', Credit: '6390' },
        ],
      },
      'CNY',
    );
    assert.deepEqual(voucher, {
      erpId: '1007',
      erpNumber: '7',
      word: 'JE',
      date: '2026-11-28',
      period: '2026-11',
      reference: 'FB-ACME-7-1',
      lines: [
        { account: '660202', debitMinor: 639000n, creditMinor: 0n, currency: 'CNY' },
        { account: '', partner: 'S0001', debitMinor: 0n, creditMinor: 639000n, currency: 'CNY' },
      ],
      reversed: false,
    } satisfies ErpVoucher);
    assert.equal(
      (voucherOf({ JdtNum: '1', ReferenceDate: '2026-11-28', JournalEntryLines: [] }, 'CNY') as ErpVoucher)
        .reference,
      null,
    );
    assert.match(
      show(
        voucherOf({ JdtNum: '1', ReferenceDate: '2026-11-28', JournalEntryLines: [{ Debit: 'x' }] }, 'CNY'),
      ),
      /unreadable CNY amount/,
    );
    assert.match(show(voucherOf({ Number: '1' }, 'CNY')), /without JdtNum/);
  });
});

describe('SAP B1 voucher list ⇄ simulator', () => {
  const ctx = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };

  it('lists a period page by page on /b1s/v2 too: no entry twice, none of another month, the cursor resumes after the last', async () => {
    const sim = await startSapB1Simulator({ master: MASTER, now: () => new Date(), seed: 3 });
    try {
      const connector = SAP_B1.create(
        {
          baseUrl: sim.url,
          settings: { ...sim.connection.settings, odataVersion: 'v2' },
          credentials: sim.connection.credentials,
        },
        ctx,
      );
      for (const [i, date] of [
        '2026-11-01',
        '2026-11-30',
        '2026-12-01',
        '2026-10-31',
        '2026-11-15',
      ].entries())
        assert.equal(
          (
            await connector.push(
              journal(date, `${i + 1}00.10`, i === 4 ? 'S0001' : undefined),
              `FB-L-${i}`,
              PROFILE,
            )
          ).outcome,
          'success',
        );
      const seen: ErpVoucher[] = [];
      let after: string | null = null;
      for (let n = 0; n < 10; n++) {
        const page: VoucherPage | undefined = await connector.listVouchers?.({
          period: '2026-11',
          after,
          limit: 2,
        });
        assert.ok(page !== undefined && 'vouchers' in page, show(page));
        assert.ok(page.vouchers.length <= 2);
        seen.push(...page.vouchers);
        if (page.next === null) break;
        after = page.next;
      }
      assert.deepEqual(
        seen.map((v) => [v.reference, v.date]),
        [
          ['FB-L-0', '2026-11-01'],
          ['FB-L-1', '2026-11-30'],
          ['FB-L-4', '2026-11-15'],
        ],
      );
      const supplierLine = seen[2]?.lines[1];
      assert.deepEqual(supplierLine, {
        account: '',
        partner: 'S0001',
        debitMinor: 0n,
        creditMinor: 50010n,
        currency: 'CNY',
      });
      const special = await connector.listVouchers?.({ period: '2026-13', after: null, limit: 10 });
      assert.deepEqual(special, { vouchers: [], next: null });
      const bad = await connector.listVouchers?.({ period: '2026-17', after: null, limit: 10 });
      assert.deepEqual(bad !== undefined && 'code' in bad && [bad.outcome, bad.code], [
        'rejected',
        'bad_period',
      ]);
      await connector.close();
    } finally {
      await sim.close();
    }
  });

  it('shows a changed entry as B1 then holds it, and reports a failing server as a failure, not an empty period', async () => {
    const sim = await startSapB1Simulator({ master: MASTER, now: () => new Date(), seed: 5 });
    try {
      const connector = SAP_B1.create({ baseUrl: sim.url, ...sim.connection }, ctx);
      assert.equal(
        (await connector.push(journal('2026-11-20', '450.50'), 'FB-T-1', PROFILE)).outcome,
        'success',
      );
      assert.equal(
        (await connector.push(journal('2026-11-21', '99.99'), 'FB-T-2', PROFILE)).outcome,
        'success',
      );
      assert.ok(sim.book.tamper({ reference: 'FB-T-1', change: 'alter' }));
      assert.ok(sim.book.tamper({ reference: 'FB-T-2', change: 'alter', account: '660299' }));
      const page = await connector.listVouchers?.({ period: '2026-11', after: null, limit: 100 });
      assert.ok(page !== undefined && 'vouchers' in page);
      const [altered, moved] = page.vouchers;
      assert.deepEqual(
        altered?.lines.map((l) => [l.debitMinor, l.creditMinor]),
        [
          [45051n, 0n],
          [0n, 45051n],
        ],
      );
      assert.deepEqual(
        moved?.lines.map((l) => l.account),
        ['660299', '224101'],
      );
      sim.setFaults({ errorRate: 1 });
      const failed = await connector.listVouchers?.({ period: '2026-11', after: null, limit: 100 });
      assert.ok(failed !== undefined && !('vouchers' in failed), show(failed));
      assert.notEqual(failed.outcome, 'rejected');
      await connector.close();
    } finally {
      await sim.close();
    }
  });
});
