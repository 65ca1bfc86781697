import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQ, QueryError } from './q-filter.ts';

const ATTRS = new Set(['SupplierNumber', 'Supplier', 'LastUpdateDate', 'InvoiceAmount', 'InactiveDate']);
const rows = [
  {
    SupplierNumber: 'S1',
    Supplier: "O'Brien Ltd",
    LastUpdateDate: '2026-11-28T10:00:00.000+00:00',
    InvoiceAmount: 100,
    InactiveDate: null,
  },
  {
    SupplierNumber: 'S2',
    Supplier: 'Acme Corp',
    LastUpdateDate: '2026-11-28T10:00:00.000+00:00',
    InvoiceAmount: 2500.5,
    InactiveDate: '2027-01-01',
  },
  {
    SupplierNumber: 'S3',
    Supplier: 'Acme Asia',
    LastUpdateDate: '2026-11-28T18:00:00+08:00',
    InvoiceAmount: 1000,
    InactiveDate: null,
  },
];
const match = (q: string, framework = 4) =>
  rows.filter(parseQ(q, framework, ATTRS)).map((r) => r.SupplierNumber);

describe('the simulator’s q filter', () => {
  it('reads row-match expressions with and, or, parentheses, LIKE and quotes', () => {
    assert.deepEqual(match("Supplier LIKE 'Acme%'"), ['S2', 'S3']);
    assert.deepEqual(match("Supplier = 'O''Brien Ltd'"), ['S1']);
    assert.deepEqual(match('InvoiceAmount >= 1000 and InvoiceAmount < 2500.5'), ['S3']);
    assert.deepEqual(match("SupplierNumber = 'S1' or (Supplier LIKE 'Acme%' and InvoiceAmount > 2000)"), [
      'S1',
      'S2',
    ]);
    assert.deepEqual(match('InactiveDate IS NULL'), ['S1', 'S3']);
  });

  it('compares timestamps as instants, whatever their offset', () => {
    assert.deepEqual(match("LastUpdateDate = '2026-11-28T10:00:00+00:00'"), ['S1', 'S2', 'S3']);
    assert.deepEqual(
      match(
        "LastUpdateDate > '2026-11-28T10:00:00.000+00:00' or (LastUpdateDate = '2026-11-28T10:00:00.000+00:00' and SupplierNumber > 'S1')",
      ),
      ['S2', 'S3'],
    );
  });

  it('reads framework 1’s Attr=value;Attr2>value form', () => {
    assert.deepEqual(match('Supplier=Acme Corp;InvoiceAmount>100', 1), ['S2']);
  });

  it('refuses unknown attributes and unreadable expressions', () => {
    assert.throws(() => match("Nope = 'x'"), QueryError);
    assert.throws(() => match("Supplier = 'x' and"), QueryError);
    assert.throws(() => match("(Supplier = 'x'"), QueryError);
  });
});
