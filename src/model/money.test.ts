import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CURRENCY_CODES } from './currencies.ts';
import { allocate, formatMoney, money, multiply, parseMoney, sum } from './money.ts';
import { decimal } from './decimal.ts';
import { checkVoucherBalance } from './voucher-balance.ts';

describe('money on the wire', () => {
  it('formats with exactly the currency digits', () => {
    assert.equal(formatMoney(money(123450n, 'CNY')), '1234.50');
    assert.equal(formatMoney(money(-5n, 'CNY')), '-0.05');
    assert.equal(formatMoney(money(1235n, 'JPY')), '1235');
    assert.equal(formatMoney(money(1234567n, 'KWD')), '1234.567');
  });
  it('rejects a JSON number with its own code', () => {
    const r = parseMoney(1234.5, 'CNY', '/amount');
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.deepEqual(r.failures[0], {
      code: 'money_not_string',
      pointer: '/amount',
      params: { value: '1234.5' },
    });
  });
  it('refuses more decimals than the currency has instead of rounding', () => {
    const r = parseMoney('1.005', 'CNY');
    assert.equal(!r.ok && r.failures[0]?.code, 'money_too_precise');
    assert.equal(!parseMoney('12.5', 'JPY').ok, true);
  });
  it('accepts fewer decimals', () => {
    assert.deepEqual(parseMoney('1234.5', 'CNY'), { ok: true, value: money(123450n, 'CNY') });
  });
  it('refuses unknown currencies and garbage', () => {
    assert.equal(!parseMoney('1', 'XXX').ok, true);
    for (const bad of ['', '1,00', '1e3', ' 1', '+1', '1.', '.5', 'NaN'])
      assert.equal(parseMoney(bad, 'CNY').ok, false, bad);
  });
  it('round-trips every representable amount in every currency', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
        fc.constantFrom(...CURRENCY_CODES),
        (minor, currency) => {
          const r = parseMoney(formatMoney(money(minor, currency)), currency);
          assert.deepEqual(r, { ok: true, value: money(minor, currency) });
        },
      ),
    );
  });
  it('rounds rate products half-up, ties away from zero', () => {
    assert.equal(multiply(money(250n, 'CNY'), decimal('0.09')).minor, 23n);
    assert.equal(multiply(money(-250n, 'CNY'), decimal('0.09')).minor, -23n);
    assert.equal(multiply(money(70n, 'CNY'), decimal('0.05')).minor, 4n);
  });
});

describe('allocate', () => {
  it('splits 100.00 three ways without losing a fen', () => {
    assert.deepEqual(
      allocate(money(10000n, 'CNY'), [1n, 1n, 1n]).map((m) => m.minor),
      [3334n, 3333n, 3333n],
    );
  });
  it('conserves the total for any weights, and never goes below the floor share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = allocate(money(total, 'CNY'), weights);
          assert.equal(sum(parts, 'CNY').minor, total);
          const weightSum = weights.reduce((s, w) => s + w, 0n);
          parts.forEach((p, i) => {
            const exact = (total < 0n ? -total : total) * (weights[i] ?? 0n);
            const abs = p.minor < 0n ? -p.minor : p.minor;
            assert.ok(abs * weightSum >= exact - weightSum && abs * weightSum <= exact + weightSum);
          });
        },
      ),
    );
  });
});

describe('voucher balance', () => {
  it('any voucher whose credits are an allocation of its debits balances', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.bigInt({ min: 1n, max: 1000n }), { minLength: 1, maxLength: 10 }),
        (debits, weights) => {
          const total = debits.reduce((s, d) => s + d, 0n);
          const credits = allocate(money(total, 'CNY'), weights).filter((c) => c.minor !== 0n);
          const lines = [
            ...debits.map((d) => ({ debitMinor: d, creditMinor: 0n })),
            ...credits.map((c) => ({ debitMinor: 0n, creditMinor: c.minor })),
          ];
          const r = checkVoucherBalance(lines);
          assert.ok(r.ok);
          assert.equal(r.value.totalMinor, total);
        },
      ),
    );
  });
  it('any one-fen change to one line unbalances it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 10n ** 12n }), fc.constantFrom(-1n, 1n), (amount, delta) => {
        const r = checkVoucherBalance([
          { debitMinor: amount + delta, creditMinor: 0n },
          { debitMinor: 0n, creditMinor: amount },
        ]);
        assert.equal(!r.ok && r.failures[0]?.code, 'unbalanced_voucher');
      }),
    );
  });
  it('refuses a line with both sides or none', () => {
    const r = checkVoucherBalance([
      { debitMinor: 100n, creditMinor: 100n },
      { debitMinor: 0n, creditMinor: 0n },
    ]);
    assert.deepEqual(!r.ok && r.failures.map((f) => f.code).sort(), [
      'voucher_line_both_sides',
      'voucher_line_zero',
    ]);
  });
});
