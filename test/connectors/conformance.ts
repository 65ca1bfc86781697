import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type Connector,
  type ConnectorManifest,
  type DocumentKind,
  type MappingProfile,
  type ErpVoucher,
  type VoucherPage,
} from '../../src/connectors/contract.ts';
import type { RejectionReason } from '../../src/model/erp-rejections.ts';
import { parsePayment, parseSupplierBill } from '../../src/model/payables.ts';
import { parseVoucher, type VoucherValue } from '../../src/model/voucher.ts';

/**
 * The conformance suite every connector–simulator pair must pass, for each document kind the
 * connector pushes: push, find by reference, definite rejections, ambiguous outcomes resolved by
 * lookup; pure rendering with an explanation of every mapped reference; and incremental pulls of
 * every object it can pull (ordered, resumable after the last record, picking up changes only).
 */
export interface Pair {
  readonly connector: Connector;
  /** The profile the pair's ERP needs (its defaults, usually). */
  readonly profile: MappingProfile;
  /** How many documents of the kind with this reference the simulated ERP holds. */
  countInErp(kind: DocumentKind, reference: string): number;
  /** Makes the next business call commit and then lose its response. */
  dropNextResponse(): void;
  /** Changes one master record in the ERP (its modify date moves on); returns its number. Only called for objects whose changes the ERP tracks. */
  touch(object: string): string;
  close(): Promise<void>;
}

const must = <T>(result: { ok: true; value: T } | { ok: false; failures: unknown }): T => {
  assert.ok(result.ok, JSON.stringify(!result.ok && result.failures));
  return result.value;
};

export function voucher(overrides: Record<string, unknown> = {}): VoucherValue {
  return must(
    parseVoucher({
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
    }),
  );
}

export const supplierBill = (overrides: Record<string, unknown> = {}) =>
  must(
    parseSupplierBill({
      supplierCode: 'S0001',
      date: '2026-11-20',
      dueDate: '2026-12-20',
      currency: 'CNY',
      lines: [
        { description: '11月办公室保洁', categoryCode: 'OFFICE', amount: '5300.00', taxRate: '0.06' },
        { description: '会议室租用', categoryCode: 'MEETING', amount: '1090.00', taxRate: '0.09' },
      ],
      ...overrides,
    }),
  );

export const payment = (overrides: Record<string, unknown> = {}) =>
  must(
    parsePayment({
      payeeKind: 'supplier',
      payeeCode: 'S0001',
      amount: { amount: '6390.00', currency: 'CNY' },
      paidOn: '2026-11-27',
      method: 'bank_transfer',
      ...overrides,
    }),
  );

const SAMPLES: { [K in DocumentKind]: () => CanonicalDocument } = {
  voucher: () => ({ kind: 'voucher', value: voucher() }),
  supplier_bill: () => ({ kind: 'supplier_bill', value: supplierBill() }),
  payment: () => ({ kind: 'payment', value: payment() }),
};
/** A document of the kind the ERP must refuse: it names something the ERP does not have. */
const REFUSED: { [K in DocumentKind]: () => CanonicalDocument } = {
  voucher: () => ({
    kind: 'voucher',
    value: voucher({
      lines: [
        { summary: 'x', accountCode: '9999', debit: '1.00' },
        { summary: 'y', accountCode: '1002', credit: '1.00' },
      ],
    }),
  }),
  supplier_bill: () => ({ kind: 'supplier_bill', value: supplierBill({ supplierCode: '9999' }) }),
  payment: () => ({ kind: 'payment', value: payment({ payeeCode: '9999' }) }),
};

/** Why every ERP refuses each of REFUSED: an account or a supplier it does not have. */
const REFUSED_REASON: { [K in DocumentKind]: RejectionReason } = {
  voucher: 'unknown_account',
  supplier_bill: 'unknown_partner',
  payment: 'unknown_partner',
};

/** The suite for one definition: its per-kind checks are made for the kinds its manifest pushes, no others. */
export function conformance(name: string, manifest: ConnectorManifest, makePair: () => Promise<Pair>): void {
  const kinds = Object.keys(manifest.pushes) as DocumentKind[];
  describe(`connector conformance: ${name}`, () => {
    let pair: Pair;
    before(async () => {
      pair = await makePair();
    });
    after(async () => pair.close());

    it('passes its connection test', async () => {
      assert.equal(pair.connector.manifest, manifest, 'the pair is the definition under test');
      const result = await pair.connector.test();
      assert.equal(result.ok, true, JSON.stringify(result));
    });

    it('renders purely: the same document gives the same wire request, and every reference is explained', () => {
      for (const kind of Object.keys(pair.connector.manifest.pushes) as DocumentKind[]) {
        const doc = SAMPLES[kind]();
        const a = pair.connector.render(doc, 'FB-T-R-1', pair.profile);
        const b = pair.connector.render(doc, 'FB-T-R-1', pair.profile);
        assert.deepEqual(a, b);
        assert.equal(a.erpObject, pair.connector.manifest.pushes[kind]?.erpObject);
        assert.ok(JSON.stringify(a.payload).includes('FB-T-R-1'), `${kind}: the reference is in the payload`);
        assert.ok(a.explain.length > 0, `${kind}: explained`);
        const mapped = pair.connector.render(doc, 'FB-T-R-1', {
          ...pair.profile,
          valueMaps: {
            ...EMPTY_VALUE_MAPS,
            suppliers: { S0001: 'VEN-X' },
            accounts: { '660202': '6602.99' },
          },
        });
        const changed = mapped.explain.filter((e) => e.rule.startsWith('valueMaps.'));
        if (kind !== 'voucher')
          assert.ok(
            changed.some((e) => e.from === 'S0001' && e.to === 'VEN-X'),
            kind,
          );
        else assert.ok(changed.some((e) => e.from === '660202' && e.to === '6602.99'));
      }
    });

    for (const kind of kinds) {
      it(`pushes a ${kind} and finds it again by its external reference`, async () => {
        const ref = `FB-T-${kind}-1`;
        const result = await pair.connector.push(SAMPLES[kind](), ref, pair.profile);
        assert.ok(result.outcome === 'success', JSON.stringify(result));
        const found = await pair.connector.lookup(kind, ref);
        assert.ok('found' in found && found.found, JSON.stringify(found));
        assert.equal(found.erpNumber, result.erpNumber);
        assert.deepEqual(await pair.connector.lookup(kind, `FB-T-${kind}-404`), { found: false });
        assert.equal(pair.countInErp(kind, ref), 1);
      });

      it(`classifies a refused ${kind} as a definite rejection with the ERP’s message`, async () => {
        const ref = `FB-T-${kind}-2`;
        const result = await pair.connector.push(REFUSED[kind](), ref, pair.profile);
        assert.equal(result.outcome, 'rejected');
        assert.ok('message' in result && /9999/.test(result.message), JSON.stringify(result));
        // the connector recognised the ERP's refusal: the reason users read in their language
        assert.equal('reason' in result && result.reason, REFUSED_REASON[kind], JSON.stringify(result));
        assert.equal(pair.countInErp(kind, ref), 0);
      });

      it(`reports a lost ${kind} response as ambiguous, and lookup then finds the committed document`, async () => {
        const ref = `FB-T-${kind}-3`;
        pair.dropNextResponse();
        const result = await pair.connector.push(SAMPLES[kind](), ref, pair.profile);
        assert.equal(result.outcome, 'ambiguous', JSON.stringify(result));
        const found = await pair.connector.lookup(kind, ref);
        assert.ok('found' in found && found.found, 'committed before the connection dropped');
        assert.equal(pair.countInErp(kind, ref), 1);
      });
    }

    it('pushes a batch with a result per item, and a lost answer leaves every item findable', async () => {
      const kinds = Object.keys(pair.connector.manifest.pushes) as DocumentKind[];
      for (const kind of kinds) {
        const items = [
          { document: SAMPLES[kind](), externalReference: `FB-T-${kind}-B1` },
          { document: REFUSED[kind](), externalReference: `FB-T-${kind}-B2` },
          { document: SAMPLES[kind](), externalReference: `FB-T-${kind}-B3` },
        ];
        const results = await pair.connector.pushBatch(items, pair.profile);
        assert.deepEqual(
          results.map((r) => r.outcome),
          ['success', 'rejected', 'success'],
          `${kind}: ${JSON.stringify(results)}`,
        );
        assert.equal(pair.countInErp(kind, `FB-T-${kind}-B1`), 1);
        assert.equal(pair.countInErp(kind, `FB-T-${kind}-B2`), 0);
        pair.dropNextResponse();
        const lost = await pair.connector.pushBatch(
          [
            { document: SAMPLES[kind](), externalReference: `FB-T-${kind}-B4` },
            { document: SAMPLES[kind](), externalReference: `FB-T-${kind}-B5` },
          ],
          pair.profile,
        );
        // one call for the batch: its lost answer leaves every item in doubt; an ERP that takes one
        // document a call (batchLimit 1) makes a call per item, and only the first answer was lost
        const oneCall = (pair.connector.manifest.pushes[kind]?.batchLimit ?? 1) > 1;
        assert.deepEqual(
          lost.map((r) => r.outcome),
          oneCall ? ['ambiguous', 'ambiguous'] : ['ambiguous', 'success'],
        );
        for (const ref of [`FB-T-${kind}-B4`, `FB-T-${kind}-B5`]) {
          const found = await pair.connector.lookup(kind, ref);
          assert.ok('found' in found && found.found, `${kind} ${ref}`);
        }
      }
    });

    it('pulls every object incrementally: ordered pages, nothing after the last record, then only changes (where the ERP tracks them)', async () => {
      for (const object of Object.keys(pair.connector.manifest.pulls)) {
        const first = await pair.connector.pull(object, { modifiedAt: null, number: null }, 3);
        assert.ok('records' in first, `${object}: ${JSON.stringify(first)}`);
        assert.ok(first.records.length > 0, `${object}: the ERP has some`);
        const all = [...first.records];
        for (let page = first; page.records.length === 3;) {
          const last = page.records.at(-1);
          assert.ok(last !== undefined);
          const next = await pair.connector.pull(
            object,
            { modifiedAt: last.modifiedAt, number: last.number },
            3,
          );
          assert.ok('records' in next);
          all.push(...next.records);
          page = next;
        }
        const numbers = all.map((r) => r.number);
        assert.equal(new Set(numbers).size, numbers.length, `${object}: no record twice`);
        const keys = all.map((r) => `${r.modifiedAt}\u0000${r.number}`);
        assert.deepEqual(keys, [...keys].sort(), `${object}: keyset order`);
        const end = all.at(-1);
        assert.ok(end !== undefined);
        const nothing = await pair.connector.pull(
          object,
          { modifiedAt: end.modifiedAt, number: end.number },
          100,
        );
        assert.ok('records' in nothing);
        assert.equal(nothing.records.length, 0, `${object}: nothing after the last record`);
        if (pair.connector.manifest.pulls[object]?.tracksChanges === false) continue;
        const touched = pair.touch(object);
        const changes = await pair.connector.pull(
          object,
          { modifiedAt: end.modifiedAt, number: end.number },
          100,
        );
        assert.ok('records' in changes);
        assert.deepEqual(
          changes.records.map((r) => r.number),
          [touched],
          `${object}: only the changed record`,
        );
      }
    });

    it('lists the vouchers of a period in whole pages, with references, accounts and exact amounts (where it declares a voucher list)', async () => {
      const list = pair.connector.listVouchers?.bind(pair.connector);
      assert.equal(list !== undefined, manifest.voucherList !== undefined, 'declared and implemented alike');
      if (list === undefined || manifest.pushes.voucher === undefined) return;
      const refs = ['FB-T-L-1', 'FB-T-L-2', 'FB-T-L-3'];
      for (const ref of refs) {
        const pushed = await pair.connector.push(SAMPLES.voucher(), ref, pair.profile);
        assert.equal(pushed.outcome, 'success', JSON.stringify(pushed));
      }
      const other = await pair.connector.push(
        { kind: 'voucher', value: voucher({ date: '2026-10-30', period: '2026-10' }) },
        'FB-T-L-OCT',
        pair.profile,
      );
      assert.equal(other.outcome, 'success', JSON.stringify(other));
      // a page smaller than one voucher's lines: pages still hold whole vouchers
      const seen: string[] = [];
      const found = new Map<string, { total: bigint; credit: bigint; lines: number }>();
      let after: string | null = null;
      for (let pages = 0; pages < 200; pages++) {
        const page: VoucherPage = await list({ period: '2026-11', after, limit: 2 });
        if (!('vouchers' in page)) assert.fail(JSON.stringify(page));
        const vouchers: readonly ErpVoucher[] = page.vouchers;
        for (const v of vouchers) {
          assert.equal(v.period, '2026-11');
          seen.push(v.erpId);
          if (v.reference !== null && refs.includes(v.reference))
            found.set(v.reference, {
              total: v.lines.reduce((sum, l) => sum + l.debitMinor, 0n),
              credit: v.lines.reduce((sum, l) => sum + l.creditMinor, 0n),
              lines: v.lines.length,
            });
        }
        if (page.next === null) break;
        after = page.next;
      }
      assert.equal(new Set(seen).size, seen.length, 'no voucher twice');
      assert.deepEqual([...found.keys()].sort(), refs, 'every pushed voucher of the period is listed');
      for (const [ref, v] of found) {
        assert.equal(v.total, 183000n, `${ref}: debits in fen`);
        assert.equal(v.credit, 183000n, `${ref}: credits in fen`);
        assert.equal(v.lines, 3, `${ref}: every line`);
      }
      const october = await list({ period: '2026-10', after: null, limit: 500 });
      assert.ok('vouchers' in october);
      assert.ok(october.vouchers.some((v) => v.reference === 'FB-T-L-OCT'));
      assert.ok(!october.vouchers.some((v) => v.reference !== null && refs.includes(v.reference)));
    });
  });
}
