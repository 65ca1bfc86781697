import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInvoice, identityKey } from './invoice-checks.ts';
import { deductibleTaxOf, lineDeductibleTax } from './input-vat.ts';
import { parseDigitalInvoiceXml } from './digital-invoice-xml.ts';

const show = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));

const buyer = { name: '示例科技（上海）有限公司', taxId: '91110108123456788E' };
const base = {
  type: 'vat_special',
  code: '3100194130',
  number: '00012345',
  issuedOn: '2026-11-20',
  buyerName: '示例科技(上海)有限公司',
  buyerTaxId: buyer.taxId,
  sellerName: '卖方',
  sellerTaxId: '91110000600037341L',
  amount: '0.15',
  tax: '0.03',
  total: '0.18',
  currency: 'CNY',
  // three lines of 0.05 at 13%: tax is Σ line taxes (0.03), not 0.15 × 13% (0.02)
  lines: [1, 2, 3].map((i) => ({ itemName: `*货物*${i}`, amount: '0.05', taxRate: '0.13', tax: '0.01' })),
};

describe('invoice checks', () => {
  it('accepts a consistent special invoice; brackets and spaces in the buyer name do not matter', () => {
    const r = checkInvoice(base, buyer);
    assert.ok(r.ok, show(r));
    assert.equal(r.value.identityKey, 'C:3100194130:00012345');
    assert.equal(r.value.taxMinor, 3n);
  });

  it('refuses what does not add up, with the field that is wrong', () => {
    const codes = (input: Record<string, unknown>) => {
      const r = checkInvoice({ ...base, ...input }, buyer);
      return r.ok ? [] : r.failures.map((f) => `${f.code} ${f.pointer}`);
    };
    assert.deepEqual(codes({ total: '0.19' }), ['invoice_arithmetic /total']);
    assert.deepEqual(codes({ tax: '0.05', total: '0.20' }), ['invoice_arithmetic /tax']);
    assert.deepEqual(codes({ buyerTaxId: '91110000600037341L' }), ['invoice_wrong_buyer /buyerTaxId']);
    assert.deepEqual(codes({ buyerName: '别的公司' }), ['invoice_wrong_buyer /buyerName']);
    assert.deepEqual(codes({ code: '3100194330' }), ['invoice_type_mismatch /type']);
    assert.deepEqual(codes({ sellerTaxId: '91110000600037341A' }), ['invalid_uscc /sellerTaxId']);
    assert.deepEqual(codes({ issuedOn: '2019-03-31' }), [
      'tax_rate_not_in_force /lines/0/taxRate',
      'tax_rate_not_in_force /lines/1/taxRate',
      'tax_rate_not_in_force /lines/2/taxRate',
    ]);
    assert.deepEqual(
      codes({
        lines: [
          { itemName: 'x', quantity: '3', unitPrice: '0.05', amount: '0.20', taxRate: '0.13', tax: '0.03' },
        ],
        amount: '0.20',
        tax: '0.03',
        total: '0.23',
      }),
      ['invoice_arithmetic /lines/0/amount'],
    );
  });

  it('a fully-digital invoice is keyed by its 20-digit number alone; a 1-fen header difference is a warning', () => {
    const { code: _legacy, ...digital } = base;
    const r = checkInvoice(
      { ...digital, type: 'digital_special', number: '26317000000000000042', amount: '0.16', total: '0.19' },
      buyer,
    );
    assert.ok(r.ok, show(r));
    assert.equal(r.value.identityKey, 'N:26317000000000000042');
    assert.deepEqual(
      r.value.warnings.map((w) => w.rule),
      ['invoice_penny_difference'],
    );
    assert.equal(identityKey('train_ticket', undefined, 'E12345678'), 'T:train_ticket:E12345678');
  });
});

describe('deductible input VAT', () => {
  const invoice = (type: string, amount: bigint, tax: bigint, passenger?: Record<string, unknown>) =>
    ({
      type,
      amountMinor: amount,
      taxMinor: tax,
      totalMinor: amount + tax,
      ...(passenger === undefined ? {} : { passenger }),
    }) as Parameters<typeof deductibleTaxOf>[0];
  it('follows the category: meals never, special invoices by printed tax, general invoices nothing', () => {
    assert.equal(deductibleTaxOf(invoice('vat_special', 10000n, 600n), 'meals'), 0n);
    assert.equal(deductibleTaxOf(invoice('digital_special', 10000n, 600n), 'accommodation'), 600n);
    assert.equal(deductibleTaxOf(invoice('digital_general', 10000n, 600n), 'accommodation'), 0n);
    assert.equal(deductibleTaxOf(invoice('vat_e_toll', 10000n, 300n), 'toll'), 300n);
  });
  it('passenger transport: deemed 9% / 3% on tickets, printed tax on e-invoices, nothing abroad', () => {
    // cn-finance-standards §7.2: fare 1000 + fuel 50 → 86.70; rail 553.00 → 45.66; bus 103.00 → 3.00
    assert.equal(
      deductibleTaxOf(
        invoice('air_itinerary', 100000n, 0n, { transport: 'air', fuelSurchargeMinor: 5000n }),
        'travel',
      ),
      8670n,
    );
    assert.equal(
      deductibleTaxOf(invoice('train_ticket', 55300n, 0n, { transport: 'rail' }), 'travel'),
      4566n,
    );
    assert.equal(
      deductibleTaxOf(invoice('passenger_ticket', 10300n, 0n, { transport: 'road' }), 'travel'),
      300n,
    );
    assert.equal(
      deductibleTaxOf(invoice('digital_rail', 50734n, 4566n, { transport: 'rail' }), 'travel'),
      4566n,
    );
    assert.equal(deductibleTaxOf(invoice('taxi_receipt', 5000n, 0n), 'transport'), 0n);
    assert.equal(
      deductibleTaxOf(invoice('air_itinerary', 100000n, 0n, { transport: 'air', domestic: false }), 'travel'),
      0n,
    );
  });
  it('a line claiming part of an invoice deducts that part of its tax', () => {
    assert.equal(lineDeductibleTax(53000n, [{ deductibleMinor: 6000n, totalMinor: 106000n }]), 3000n);
    assert.equal(lineDeductibleTax(106000n, [{ deductibleMinor: 6000n, totalMinor: 106000n }]), 6000n);
  });
});

describe('数电票 XML', () => {
  it('reads amounts as text, "13%" and "0.13" alike, and the date without its time', async () => {
    const { digitalInvoiceXml } = await import('../../../test/support/invoices.ts');
    const input = parseDigitalInvoiceXml(
      digitalInvoiceXml({
        number: '26317000000000000099',
        buyerName: 'B',
        buyerTaxId: '91110108123456788E',
        sellerTaxId: '91110000600037341L',
      }),
    );
    assert.equal(input.issuedOn, '2026-11-18');
    assert.deepEqual(
      input.lines?.map((l) => [l.amount, l.taxRate, l.tax]),
      [
        ['800.00', '0.13', '104.00'],
        ['200.00', '0.13', '26.00'],
      ],
    );
    assert.equal(input.total, '1130.00');
  });
  it('names what is missing', () => {
    assert.throws(() => parseDigitalInvoiceXml('<EInvoice><Header></Header></EInvoice>'), /EIid/);
    assert.throws(() => parseDigitalInvoiceXml('<Other/>'), /no EInvoice root/);
  });
});
