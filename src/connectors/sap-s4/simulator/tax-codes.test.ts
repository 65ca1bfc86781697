import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_S4_SETTINGS } from '../map/profile.ts';
import { calculateTax, DEFAULT_TAX_PROCEDURE, isDefined, unknownTaxCode } from './tax-codes.ts';

const P = DEFAULT_TAX_PROCEDURE;

describe('S/4 simulator tax procedure', () => {
  it('defines every tax code the default profile sends for 13/9/6/3/0 % input VAT, at that rate', () => {
    for (const [rate, code] of Object.entries(DEFAULT_S4_SETTINGS.taxCodes)) {
      assert.ok(isDefined(P, code), code);
      assert.equal(P.codes[code], rate);
    }
  });

  it('defines the reference examples’ V0 (0 %) and V1 (19 %: 100.00 net, 119.00 gross)', () => {
    assert.equal(P.codes['V0'], '0');
    assert.deepEqual(calculateTax(P, [{ taxCode: 'V1', units: 10000n }], 2, 2), [
      { taxCode: 'V1', base: 10000n, tax: 1900n },
    ]);
  });

  it('names an unknown code as FF 713 does: code, country and procedure', () => {
    assert.equal(isDefined(P, 'ZZ'), false);
    assert.deepEqual(unknownTaxCode(P, 'ZZ'), {
      code: 'FF/713',
      message: 'Tax code ZZ country CN does not exist in procedure TAXCN',
    });
  });

  it('rounds once per tax code on the sum of its items, not item by item', () => {
    // 0.05 × 13 % = 0.0065 each (0.01 + 0.01 rounded per item); 0.10 × 13 % = 0.013 → 0.01 per code
    const taxes = calculateTax(
      P,
      [
        { taxCode: 'J1', units: 5n },
        { taxCode: 'J3', units: 10000n },
        { taxCode: 'J1', units: 5n },
      ],
      2,
      2,
    );
    assert.deepEqual(taxes, [
      { taxCode: 'J1', base: 10n, tax: 1n },
      { taxCode: 'J3', base: 10000n, tax: 600n },
    ]);
  });

  it('rounds half away from zero, and a credit item lowers the base', () => {
    // 0.50 × 19 % = 0.095 → 0.10; a credit of 0.50 alone gives −0.10
    assert.equal(calculateTax(P, [{ taxCode: 'V1', units: 50n }], 2, 2)[0]?.tax, 10n);
    assert.equal(calculateTax(P, [{ taxCode: 'V1', units: -50n }], 2, 2)[0]?.tax, -10n);
    assert.deepEqual(
      calculateTax(
        P,
        [
          { taxCode: 'J2', units: 100000n },
          { taxCode: 'J2', units: -40000n },
        ],
        2,
        2,
      ),
      [{ taxCode: 'J2', base: 60000n, tax: 5400n }],
    );
  });

  it('rounds to the currency’s digits and expresses the tax at the working scale', () => {
    // JPY has no decimals: 1,234 × 13 % = 160.42 → 160, written as 160.000 at scale 3
    assert.deepEqual(calculateTax(P, [{ taxCode: 'J1', units: 1_234_000n }], 3, 0), [
      { taxCode: 'J1', base: 1_234_000n, tax: 160_000n },
    ]);
  });

  it('charges no tax on items without a tax code and nothing on a 0 % code', () => {
    assert.deepEqual(
      calculateTax(
        P,
        [
          { taxCode: '', units: 10000n },
          { taxCode: 'J0', units: 10000n },
        ],
        2,
        2,
      ),
      [{ taxCode: 'J0', base: 10000n, tax: 0n }],
    );
  });
});
