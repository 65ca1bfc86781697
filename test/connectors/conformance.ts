import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connector } from '../../src/connectors/contract.ts';
import { parseVoucher, type VoucherValue } from '../../src/model/voucher.ts';

/**
 * The conformance suite every connector–simulator pair must pass: push, find by reference, definite
 * rejections, ambiguous outcomes resolved by lookup, and no duplicate from a lookup-then-resend.
 */
export interface Pair {
  readonly connector: Connector;
  /** How many documents with this reference the simulated ERP holds. */
  countInErp(reference: string): number;
  /** Makes the next business call commit and then lose its response. */
  dropNextResponse(): void;
  close(): Promise<void>;
}

export function voucher(overrides: Record<string, unknown> = {}): VoucherValue {
  const result = parseVoucher({
    companyCode: 'DEMO',
    date: '2026-11-28',
    period: '2026-11',
    word: '记',
    currency: 'CNY',
    summary: '报销差旅费',
    lines: [
      {
        summary: '报销差旅费-张三',
        accountCode: '660202',
        debit: '1713.30',
        aux: { department: 'SALES-E', employee: 'E011' },
      },
      { summary: '进项税额', accountCode: '22210101', debit: '116.70' },
      { summary: '应付报销款', accountCode: '224101', credit: '1830.00', aux: { employee: 'E011' } },
    ],
    ...overrides,
  });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.failures));
  return result.value;
}

export function conformance(name: string, makePair: () => Promise<Pair>): void {
  describe(`connector conformance: ${name}`, () => {
    let pair: Pair;
    before(async () => {
      pair = await makePair();
    });
    after(async () => pair.close());

    it('passes its connection test', async () => {
      const result = await pair.connector.test();
      assert.equal(result.ok, true, JSON.stringify(result));
    });

    it('pushes a voucher and finds it again by its external reference', async () => {
      const result = await pair.connector.pushVoucher({ voucher: voucher(), externalReference: 'FB-T-1-1' });
      assert.ok(result.outcome === 'success', JSON.stringify(result));
      const found = await pair.connector.lookupVoucher('FB-T-1-1');
      assert.ok('found' in found && found.found);
      assert.equal(found.erpNumber, result.erpNumber);
      assert.deepEqual(await pair.connector.lookupVoucher('FB-T-404-1'), { found: false });
      assert.equal(pair.countInErp('FB-T-1-1'), 1);
    });

    it('classifies a business refusal as a definite rejection with the ERP’s message', async () => {
      const bad = voucher({
        lines: [
          { summary: 'x', accountCode: '9999', debit: '1.00' },
          { summary: 'y', accountCode: '1002', credit: '1.00' },
        ],
      });
      const result = await pair.connector.pushVoucher({ voucher: bad, externalReference: 'FB-T-2-1' });
      assert.equal(result.outcome, 'rejected');
      assert.ok('message' in result && /9999/.test(result.message), JSON.stringify(result));
      assert.equal(pair.countInErp('FB-T-2-1'), 0);
    });

    it('reports a lost response as ambiguous, and lookup then finds the committed document', async () => {
      pair.dropNextResponse();
      const result = await pair.connector.pushVoucher({ voucher: voucher(), externalReference: 'FB-T-3-1' });
      assert.equal(result.outcome, 'ambiguous', JSON.stringify(result));
      const found = await pair.connector.lookupVoucher('FB-T-3-1');
      assert.ok('found' in found && found.found, 'committed before the connection dropped');
      assert.equal(pair.countInErp('FB-T-3-1'), 1);
    });
  });
}
