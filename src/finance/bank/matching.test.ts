import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { explainMatch, proposeMatches, type MatchEntry, type MatchLine } from './matching.ts';
import { compareAccounts, normaliseName } from './normalise.ts';

const line = (id: string, over: Partial<MatchLine> = {}): MatchLine => ({
  id,
  bookedOn: '2026-11-10',
  valueOn: null,
  amountMinor: 100_000n,
  direction: 'out',
  counterpartyName: null,
  counterpartyAccount: null,
  reference: null,
  description: null,
  bankTxnId: null,
  ...over,
});
const entry = (id: string, over: Partial<MatchEntry> = {}): MatchEntry => ({
  id,
  bookedOn: '2026-11-10',
  amountMinor: 100_000n,
  direction: 'out',
  counterpartyName: null,
  counterpartyAccount: null,
  reference: null,
  description: null,
  ...over,
});

describe('counterparty names and accounts', () => {
  it('reads full-width and half-width alike and sets the legal form aside', () => {
    assert.equal(normaliseName('北京星辰科技股份有限公司'), normaliseName('北京星辰科技有限公司'));
    assert.equal(normaliseName('ＡＢＣ（中国）贸易有限公司'), normaliseName('ABC(中国)贸易 有限责任公司'));
    assert.equal(normaliseName('Acme Trading Co., Ltd.'), normaliseName('ACME TRADING LIMITED'));
    assert.notEqual(normaliseName('北京星辰科技有限公司'), normaliseName('北京星河科技有限公司'));
  });
  it('takes a masked account number as consistent only when its visible digits agree', () => {
    assert.equal(compareAccounts('6222020200112233445', '6222020200112233445'), 'same');
    assert.equal(compareAccounts('6222****3445', '6222020200112233445'), 'masked');
    assert.equal(compareAccounts('6222****9999', '6222020200112233445'), 'different');
    assert.equal(compareAccounts('', '6222020200112233445'), 'unknown');
  });
});

describe('matching lines to book entries', () => {
  it('pairs one to one on amount and day, with the evidence as reasons and a score', () => {
    const [match] = proposeMatches(
      [
        line('l1', {
          counterpartyName: '上海云帆贸易有限公司',
          description: '货款 INV-2026-0088',
          bookedOn: '2026-11-12',
        }),
      ],
      [entry('e1', { counterpartyName: '上海云帆贸易', reference: 'INV-2026-0088', bookedOn: '2026-11-10' })],
    );
    assert.ok(match);
    assert.equal(match.shape, 'one_to_one');
    assert.deepEqual(
      match.reasons.map((r) => [r.code, r.points]),
      [
        ['amount', 40],
        ['date', 12],
        ['counterparty_name', 20],
        ['reference', 25],
      ],
    );
    assert.equal(match.score, 97);
  });

  it('leaves a line open when nothing fits: another amount, another direction, too far apart, or too little evidence', () => {
    const lines = [
      line('amount', { amountMinor: 100_001n }),
      line('direction', { direction: 'in' }),
      line('far', { bookedOn: '2026-11-30' }),
      line('weak', { bookedOn: '2026-11-14' }),
    ];
    const proposals = proposeMatches(lines, [entry('e1', { bookedOn: '2026-11-10' })]);
    assert.deepEqual(proposals, [], 'four days apart with nothing else is 44 points, under the threshold');
  });

  it('prefers the stronger pair and does not use an entry twice', () => {
    const proposals = proposeMatches(
      [line('l1', { counterpartyAccount: '6222 1111' }), line('l2', { counterpartyAccount: '6222 2222' })],
      [entry('e2', { counterpartyAccount: '62222222' }), entry('e1', { counterpartyAccount: '62221111' })],
    );
    assert.deepEqual(
      proposals.map((p) => [p.lineIds, p.entryIds]),
      [
        [['l1'], ['e1']],
        [['l2'], ['e2']],
      ],
    );
  });

  it('matches a batch line to the day’s payments that add up to it (many to one)', () => {
    const proposals = proposeMatches(
      [line('batch', { amountMinor: 300_000n, description: '批量代发' })],
      [
        entry('a', { amountMinor: 100_000n }),
        entry('b', { amountMinor: 120_000n }),
        entry('c', { amountMinor: 80_000n }),
        entry('other-day', { amountMinor: 80_000n, bookedOn: '2026-11-11' }),
      ],
    );
    assert.equal(proposals.length, 1);
    const [batch] = proposals;
    assert.equal(batch?.shape, 'many_to_one');
    assert.deepEqual(batch.entryIds, ['a', 'b', 'c']);
    assert.deepEqual(
      batch.reasons.map((r) => r.code),
      ['amount', 'date', 'group_whole_day'],
    );
  });

  it('matches a payment the bank split into lines of the same counterparty and reference (one to many)', () => {
    const proposals = proposeMatches(
      [
        line('l1', {
          amountMinor: 60_000n,
          counterpartyName: '深圳华通信息技术有限公司',
          reference: 'FK-2026-0007',
          bookedOn: '2026-11-20',
        }),
        line('l2', {
          amountMinor: 40_000n,
          counterpartyName: '深圳华通信息技术有限公司',
          reference: 'FK-2026-0007',
          bookedOn: '2026-11-20',
        }),
        line('unrelated', { amountMinor: 40_000n, counterpartyName: '别的公司', bookedOn: '2026-11-20' }),
      ],
      [
        entry('p', {
          counterpartyName: '深圳华通信息技术',
          reference: 'FK-2026-0007',
          bookedOn: '2026-11-19',
        }),
      ],
    );
    assert.deepEqual(
      proposals.map((p) => [p.shape, p.lineIds, p.entryIds]),
      [['one_to_many', ['l1', 'l2'], ['p']]],
    );
  });

  it('leaves a line open when two different groups add up to it', () => {
    const proposals = proposeMatches(
      [line('batch', { amountMinor: 300_000n })],
      [
        entry('a', { amountMinor: 100_000n }),
        entry('b', { amountMinor: 200_000n }),
        entry('c', { amountMinor: 150_000n, bookedOn: '2026-11-11' }),
        entry('d', { amountMinor: 150_000n, bookedOn: '2026-11-11', counterpartyName: 'x' }),
      ],
    );
    assert.deepEqual(proposals, []);
  });

  it('never pairs what someone unmatched', () => {
    const proposals = proposeMatches([line('l1')], [entry('e1')], {
      vetoed: (l, e) => l === 'l1' && e === 'e1',
    });
    assert.deepEqual(proposals, []);
  });

  it('explains a manual match with the same points, below any threshold', () => {
    const explained = explainMatch([line('l1', { bookedOn: '2026-11-25' })], [entry('e1')]);
    assert.equal(explained.score, 40);
    assert.deepEqual(
      explained.reasons.map((r) => r.code),
      ['amount', 'date', 'manual'],
    );
  });

  it('never proposes a match whose sides differ, nor uses a line or an entry twice (property)', () => {
    const item = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      amount: fc.integer({ min: 1, max: 20 }).map((n) => BigInt(n) * 5_000n),
      direction: fc.constantFrom('in' as const, 'out' as const),
      party: fc.constantFrom(null, '甲公司', '乙公司'),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), fc.array(item, { maxLength: 25 }), (ls, es) => {
        const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
        const lines = ls.map((x, i) =>
          line(`l${i}`, {
            bookedOn: day(x.day),
            amountMinor: x.amount,
            direction: x.direction,
            counterpartyName: x.party,
          }),
        );
        const entries = es.map((x, i) =>
          entry(`e${i}`, {
            bookedOn: day(x.day),
            amountMinor: x.amount,
            direction: x.direction,
            counterpartyName: x.party,
          }),
        );
        const proposals = proposeMatches(lines, entries);
        const usedLines = proposals.flatMap((p) => p.lineIds);
        const usedEntries = proposals.flatMap((p) => p.entryIds);
        assert.equal(new Set(usedLines).size, usedLines.length);
        assert.equal(new Set(usedEntries).size, usedEntries.length);
        const amountOf = new Map([...lines, ...entries].map((x) => [x.id, x]));
        for (const p of proposals) {
          const side = (ids: readonly string[]) =>
            ids.reduce((s, id) => s + (amountOf.get(id)?.amountMinor ?? 0n), 0n);
          assert.equal(side(p.lineIds), side(p.entryIds));
          const directions = new Set([...p.lineIds, ...p.entryIds].map((id) => amountOf.get(id)?.direction));
          assert.equal(directions.size, 1);
          assert.ok(p.score >= 60 && p.score <= 100);
        }
      }),
      { numRuns: 200 },
    );
  });
});
