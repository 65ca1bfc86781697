import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POSTING_POLICY } from '../rules/rule-sets.ts';
import { buildPaymentVoucher } from './payment-voucher.ts';

const input = {
  companyCode: 'DEMO',
  date: '2026-12-04',
  currency: 'CNY',
  amountMinor: 123450n,
  claimNumber: 'BX-1',
  batchNumber: 'FK20261204-001',
  payeeName: '张三',
  employeeCode: 'E011',
  departmentCode: 'SALES-E',
  accountDimensions: new Map([['224101', ['employee']]]),
};

describe('payment voucher posting rule', () => {
  it('debits other payables – employee with the employee and credits the bank, one amount', () => {
    const v = buildPaymentVoucher(input, DEFAULT_POSTING_POLICY);
    assert.equal(v.period, '2026-12');
    assert.deepEqual(
      v.lines.map((l) => [l.accountCode, l.debit ?? null, l.credit ?? null, l.aux ?? null]),
      [
        ['224101', '1234.50', null, { employee: 'E011' }],
        ['1002', null, '1234.50', null],
      ],
    );
  });

  it('debits accounts payable when the claim is owed to a supplier (对公报销)', () => {
    const v = buildPaymentVoucher(
      { ...input, supplierCode: 'S0003', accountDimensions: new Map([['2202', ['supplier']]]) },
      DEFAULT_POSTING_POLICY,
    );
    assert.deepEqual(
      v.lines.map((l) => [l.accountCode, l.aux ?? null]),
      [
        ['2202', { supplier: 'S0003' }],
        ['1002', null],
      ],
    );
  });
});
