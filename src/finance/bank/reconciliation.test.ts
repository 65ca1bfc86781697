import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcile, type ReconItem } from './reconciliation.ts';

const item = (
  id: string,
  on: string,
  amount: bigint,
  direction: 'in' | 'out',
  matchId: string | null = null,
): ReconItem => ({
  id,
  on,
  amountMinor: amount,
  direction,
  matchId,
});

describe('the bank reconciliation statement', () => {
  it('balances when every difference is an item on one side only, each under its heading', () => {
    // opening 1,000.00 on both sides; a matched receipt of 500; the bank's fee 5 and interest 1 not booked;
    // a payment of 300 booked but not yet through the bank, a receipt of 200 booked only
    const figures = reconcile({
      from: '2026-11-01',
      to: '2026-11-30',
      bookOpeningMinor: 100_000n,
      bankBalanceMinor: 100_000n + 50_000n - 500n + 100n,
      lines: [
        item('l-receipt', '2026-11-03', 50_000n, 'in', 'm1'),
        item('l-fee', '2026-11-05', 500n, 'out'),
        item('l-interest', '2026-11-28', 100n, 'in'),
      ],
      entries: [
        item('e-receipt', '2026-11-03', 50_000n, 'in', 'm1'),
        item('e-payment', '2026-11-29', 30_000n, 'out'),
        item('e-receipt2', '2026-11-30', 20_000n, 'in'),
      ],
      matchLastOn: new Map([['m1', '2026-11-03']]),
    });
    assert.deepEqual(
      figures.bankReceived.map((i) => i.id),
      ['l-interest'],
    );
    assert.deepEqual(
      figures.bankPaid.map((i) => i.id),
      ['l-fee'],
    );
    assert.deepEqual(
      figures.bookReceived.map((i) => i.id),
      ['e-receipt2'],
    );
    assert.deepEqual(
      figures.bookPaid.map((i) => i.id),
      ['e-payment'],
    );
    assert.equal(figures.bookBalanceMinor, 100_000n + 50_000n - 30_000n + 20_000n);
    assert.equal(figures.adjustedBookMinor, figures.adjustedBankMinor);
  });

  it('keeps an item outstanding at the period end when its match is dated after it', () => {
    const figures = reconcile({
      from: '2026-11-01',
      to: '2026-11-30',
      bookOpeningMinor: 0n,
      bankBalanceMinor: 0n,
      lines: [item('l', '2026-12-01', 30_000n, 'out', 'm')],
      entries: [item('e', '2026-11-29', 30_000n, 'out', 'm')],
      matchLastOn: new Map([['m', '2026-12-01']]),
    });
    assert.deepEqual(
      figures.bookPaid.map((i) => i.id),
      ['e'],
    );
    assert.equal(figures.adjustedBankMinor, -30_000n);
    assert.equal(figures.adjustedBookMinor, -30_000n);
  });

  it('shows the difference when the two sides do not agree', () => {
    const figures = reconcile({
      from: '2026-11-01',
      to: '2026-11-30',
      bookOpeningMinor: 100_000n,
      bankBalanceMinor: 99_000n,
      lines: [],
      entries: [],
      matchLastOn: new Map(),
    });
    assert.equal(figures.adjustedBankMinor - figures.adjustedBookMinor, -1_000n);
  });
});
