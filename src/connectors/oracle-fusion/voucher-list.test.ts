import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_VALUE_MAPS, type CanonicalDocument, type ErpVoucher, type VoucherPage } from '../contract.ts';
import { parseVoucher } from '../../model/voucher.ts';
import { ORACLE_FUSION } from './definition.ts';
import { classifyAnswer } from './errors.ts';
import { DEFAULT_ORACLE_SETTINGS } from './map/profile.ts';
import {
  accountOf,
  cursorOf,
  DEFAULT_VOUCHER_LIST_SETTINGS,
  minorOf,
  periodNameFor,
  voucherListParams,
  vouchersOfBatch,
} from './map/voucher-list.ts';
import { DEMO_USER, startOracleSimulator } from './simulator/server.ts';

const MASTER = {
  accounts: [
    { code: '660202', name: '差旅费', postable: true, balanceDirection: 'debit' as const },
    { code: '660299', name: '其他', postable: true, balanceDirection: 'debit' as const },
    { code: '224101', name: '其他应付款', postable: true, balanceDirection: 'credit' as const },
  ],
  departments: [{ code: 'SALES', name: '销售部' }],
  suppliers: [{ code: 'S0001', name: '上海保洁', taxId: '91310000MA1FL0000X' }],
  employees: [],
  projects: [],
};

const PROFILE = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_ORACLE_SETTINGS };
const show = (value: unknown): string =>
  JSON.stringify(value, (_key, x: unknown) => (typeof x === 'bigint' ? String(x) : x));

const journal = (date: string, amount: string): CanonicalDocument => {
  const parsed = parseVoucher({
    companyCode: 'DEMO',
    date,
    period: date.slice(0, 7),
    word: '记',
    currency: 'CNY',
    summary: '报销',
    lines: [
      { summary: 'a', accountCode: '660202', debit: amount, aux: { department: 'SALES' } },
      { summary: 'b', accountCode: '224101', credit: amount },
    ],
  });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.failures));
  return { kind: 'voucher', value: parsed.value };
};

describe('Oracle voucher list (codec)', () => {
  it('names the period as the calendar does, adjusting periods included, and asks for the batches after the cursor', () => {
    assert.equal(periodNameFor('2026-11', DEFAULT_VOUCHER_LIST_SETTINGS), 'Nov-26');
    assert.equal(periodNameFor('2026-13', DEFAULT_VOUCHER_LIST_SETTINGS), 'Adj13-26');
    assert.equal(
      periodNameFor('2026-11', { ...DEFAULT_VOUCHER_LIST_SETTINGS, periodNames: { '2026-11': '11-2026' } }),
      '11-2026',
    );
    assert.equal(periodNameFor('2026-17', DEFAULT_VOUCHER_LIST_SETTINGS), undefined);
    assert.deepEqual(voucherListParams("Nov'26", 2485750n, 100), {
      q: "DefaultPeriodName = 'Nov''26' and JeBatchId > 2485750",
      orderBy: 'JeBatchId:asc',
      expand: 'journalHeaders.journalLines',
      onlyData: 'true',
      limit: '100',
    });
    assert.equal(voucherListParams('Nov-26', 0n, 5).q, "DefaultPeriodName = 'Nov-26'");
    assert.equal(cursorOf({ period: '2026-11', after: '300100187053845', limit: 1 }), 300100187053845n);
  });

  it('reads amounts exactly from Oracle’s number text (null is the other side of a line)', () => {
    assert.equal(minorOf('1713.30', 'CNY'), 171330n);
    assert.equal(minorOf('1713.3', 'CNY'), 171330n);
    assert.equal(minorOf(null, 'CNY'), 0n);
    assert.equal(minorOf('90071992547409.93', 'CNY'), 9007199254740993n);
    assert.equal(minorOf('1.005', 'CNY'), undefined);
    const answer = classifyAnswer(200, 'application/json', '{"EnteredDr":90071992547409.93}', true);
    assert.ok(answer.ok);
    assert.equal(answer.body['EnteredDr'], '90071992547409.93');
  });

  it('takes the natural account from the segment the connection names, the last by default', () => {
    assert.equal(accountOf('101-000-660202', DEFAULT_VOUCHER_LIST_SETTINGS), '660202');
    assert.equal(
      accountOf('101.660202.000', {
        ...DEFAULT_VOUCHER_LIST_SETTINGS,
        accountSegment: 2,
        segmentSeparator: '.',
      }),
      '660202',
    );
  });

  it('makes one voucher per journal of a batch, and refuses a batch whose journals were not expanded', () => {
    const vouchers = vouchersOfBatch(
      {
        JeBatchId: '2485750',
        BatchName: 'FB-1 FinBridge A 1 2 N ',
        journalHeaders: [
          {
            JeHeaderId: '2484750',
            JournalCategory: 'Other',
            JournalReference: 'FB-1',
            CurrencyCode: 'CNY',
            AccountingDate: '2026-11-28',
            journalLines: [
              { AccountCombination: '101-SALES-660202', EnteredDr: '1200.00', EnteredCr: null },
              { AccountCombination: '101-000-224101', EnteredDr: null, EnteredCr: '1200' },
            ],
          },
          { JeHeaderId: '2484751', CurrencyCode: 'CNY', AccountingDate: '2026-11-29', journalLines: [] },
        ],
      },
      '2026-11',
      DEFAULT_VOUCHER_LIST_SETTINGS,
    );
    assert.deepEqual(vouchers, [
      {
        erpId: '2484750',
        erpNumber: 'FB-1 FinBridge A 1 2 N',
        word: 'Other',
        date: '2026-11-28',
        period: '2026-11',
        reference: 'FB-1',
        lines: [
          { account: '660202', debitMinor: 120000n, creditMinor: 0n, currency: 'CNY' },
          { account: '224101', debitMinor: 0n, creditMinor: 120000n, currency: 'CNY' },
        ],
        reversed: false,
      },
      {
        erpId: '2484751',
        erpNumber: 'FB-1 FinBridge A 1 2 N',
        word: '',
        date: '2026-11-29',
        period: '2026-11',
        reference: null,
        lines: [],
        reversed: false,
      },
    ] satisfies ErpVoucher[]);
    assert.match(
      show(vouchersOfBatch({ JeBatchId: '1', BatchName: 'X' }, '2026-11', DEFAULT_VOUCHER_LIST_SETTINGS)),
      /without its expanded journalHeaders/,
    );
  });
});

describe('Oracle voucher list ⇄ simulator', () => {
  const ctx = { now: () => new Date(), log: () => {}, timeoutMs: 5000 };

  it('expands journals and lines as arrays of items, and refuses a child the resource does not have', async () => {
    const sim = await startOracleSimulator({ master: MASTER, now: () => new Date() });
    try {
      const connector = ORACLE_FUSION.create(
        { baseUrl: sim.url, ...sim.connection, settings: { ...sim.connection.settings, essPollMs: 10 } },
        ctx,
      );
      assert.equal(
        (await connector.push(journal('2026-11-28', '12.34'), 'FB-E-1', PROFILE)).outcome,
        'success',
      );
      const auth = `Basic ${Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64')}`;
      const root = `${sim.url}fscmRestApi/resources/11.13.18.05/journalBatches`;
      const get = (query: string) =>
        fetch(`${root}?${query}`, { headers: { authorization: auth, 'rest-framework-version': '4' } });
      const expanded = (await (await get('expand=journalHeaders.journalLines')).json()) as {
        items: {
          journalHeaders: {
            JournalReference: string;
            links: unknown[];
            journalLines: { EnteredDr: unknown }[];
          }[];
        }[];
      };
      const header = expanded.items[0]?.journalHeaders[0];
      assert.ok(header !== undefined);
      assert.equal(header.JournalReference, 'FB-E-1');
      assert.ok(Array.isArray(header.links), 'items keep their links unless onlyData');
      assert.deepEqual(
        header.journalLines.map((l) => l.EnteredDr),
        [12.34, null],
      );
      const headersOnly = (await (await get('expand=journalHeaders&onlyData=true')).json()) as {
        items: { journalHeaders: Record<string, unknown>[] }[];
      };
      assert.equal(headersOnly.items[0]?.journalHeaders[0]?.['journalLines'], undefined);
      assert.equal((await get('expand=journalLines')).status, 400);
    } finally {
      await sim.close();
    }
  });

  it('lists a period through short pages with the connection’s period names, and shows changes made in the ERP', async () => {
    const sim = await startOracleSimulator({ master: MASTER, now: () => new Date(), pageCap: 1 });
    try {
      const connector = ORACLE_FUSION.create(
        { baseUrl: sim.url, ...sim.connection, settings: { ...sim.connection.settings, essPollMs: 10 } },
        ctx,
      );
      for (const [i, date] of ['2026-11-01', '2026-12-01', '2026-11-30', '2026-11-15'].entries())
        assert.equal(
          (await connector.push(journal(date, `${i + 1}.05`), `FB-P-${i}`, PROFILE)).outcome,
          'success',
        );
      assert.ok(sim.book.tamper({ reference: 'FB-P-2', change: 'alter' }, 2));
      assert.ok(sim.book.tamper({ reference: 'FB-P-3', change: 'alter', account: '660299' }, 2));
      const seen: ErpVoucher[] = [];
      let after: string | null = null;
      for (let n = 0; n < 10; n++) {
        const page: VoucherPage | undefined = await connector.listVouchers?.({
          period: '2026-11',
          after,
          limit: 2,
        });
        assert.ok(page !== undefined && 'vouchers' in page, show(page));
        seen.push(...page.vouchers);
        if (page.next === null) break;
        after = page.next;
      }
      assert.deepEqual(
        seen.map((v) => [v.reference, v.lines.map((l) => `${l.account} ${l.debitMinor}/${l.creditMinor}`)]),
        [
          ['FB-P-0', ['660202 105/0', '224101 0/105']],
          ['FB-P-2', ['660202 306/0', '224101 0/306']],
          ['FB-P-3', ['660299 405/0', '224101 0/405']],
        ],
      );
      // a calendar whose November is not Nov-26: the connection names it as the profile does
      const renamed = ORACLE_FUSION.create(
        {
          baseUrl: sim.url,
          ...sim.connection,
          settings: { ...sim.connection.settings, periodNames: { '2026-11': '11-26' } },
        },
        ctx,
      );
      const none = await renamed.listVouchers?.({ period: '2026-11', after: null, limit: 10 });
      assert.deepEqual(none, { vouchers: [], next: null });
      sim.setFaults({ errorRate: 1 });
      const failed = await connector.listVouchers?.({ period: '2026-11', after: null, limit: 10 });
      assert.ok(failed !== undefined && !('vouchers' in failed), show(failed));
    } finally {
      await sim.close();
    }
  });
});
