import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaultDice, type FaultDraw } from './faults.ts';
import { seededRandom } from './random.ts';

const EVERY_FAULT = { errorRate: 0.3, timeoutRate: 0.3, dropAfterCommitRate: 0.3, latencyMs: 5 };

/** A fake monotonic clock, ms. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('the seeded generator', () => {
  it('replays the same numbers from the same seed, and others from another', () => {
    const take = (seed: number) => Array.from({ length: 50 }, seededRandom(seed));
    assert.deepEqual(take(42), take(42));
    assert.notDeepEqual(take(42), take(43));
    assert.ok(take(7).every((x) => x >= 0 && x < 1));
  });
});

describe('the fault dice', () => {
  it('replay every fate, and an ERP’s own draws between them, from the seed', () => {
    const run = (seed: number) => {
      const dice = new FaultDice(EVERY_FAULT, { ownRate: 0.5 }, seed);
      return Array.from({ length: 200 }, () => ({ ...dice.draw(), own: dice.chance(dice.own.ownRate) }));
    };
    assert.deepEqual(run(1234), run(1234));
    assert.notDeepEqual(run(1234), run(4321));
    const fates = run(99);
    for (const kind of ['serverError', 'dropAfterCommit', 'own'] as const)
      assert.ok(
        fates.some((f) => f[kind]) && fates.some((f) => !f[kind]),
        `${kind} is drawn both ways at 0.3–0.5`,
      );
    assert.deepEqual(new Set(fates.map((f) => f.hang)), new Set(['no', 'before', 'after']));
    assert.ok(fates.every((f) => f.latencyMs === 5));
  });

  it('draw four numbers per fate, whatever the rates, so changing a rate does not shift the others', () => {
    const dice = new FaultDice({ errorRate: 1 }, {}, 5);
    const generator = seededRandom(5);
    dice.draw();
    for (let i = 0; i < 4; i++) generator();
    assert.equal(dice.random(), generator());
  });

  it('never inject a fault whose rate is unset or 0, and always one at 1', () => {
    const calm = new FaultDice({}, {}, 1);
    const stormy = new FaultDice({ errorRate: 1, timeoutRate: 1, dropAfterCommitRate: 1 }, {}, 1);
    for (let i = 0; i < 100; i++) {
      assert.deepEqual(calm.draw(), { latencyMs: 0, serverError: false, hang: 'no', dropAfterCommit: false });
      assert.equal(calm.chance(undefined), false);
      const fate = stormy.draw();
      assert.ok(fate.serverError && fate.hang !== 'no' && fate.dropAfterCommit);
      assert.equal(stormy.chance(1), true);
    }
  });

  it('show the common faults and the ERP’s own in force, keeping those a change does not name', () => {
    const settings = { errorRate: 0.1, seed: 3, master: 'not a fault' };
    const dice = new FaultDice(settings, { sessionTtlS: 60, mode: 'a' }, 3);
    assert.deepEqual(dice.current, { errorRate: 0.1, sessionTtlS: 60, mode: 'a' });
    dice.set({ throttleRps: 5 }, { mode: 'b' });
    assert.deepEqual(dice.current, { errorRate: 0.1, throttleRps: 5, sessionTtlS: 60, mode: 'b' });
    assert.deepEqual(dice.common, { errorRate: 0.1, throttleRps: 5 });
    assert.deepEqual(dice.own, { sessionTtlS: 60, mode: 'b' });
  });

  it('admit throttleRps calls from a full bucket, refill it with time, and start it full on a change', () => {
    const clock = fakeClock();
    const dice = new FaultDice({ throttleRps: 2 }, {}, 1, { now: clock.now });
    assert.deepEqual([dice.admit(), dice.admit(), dice.admit()], [true, true, false]);
    clock.advance(499);
    assert.equal(dice.admit(), false, 'under one token after 499 ms at 2/s');
    clock.advance(1);
    assert.equal(dice.admit(), true, 'one token after 500 ms');
    clock.advance(10_000);
    assert.deepEqual([dice.admit(), dice.admit(), dice.admit()], [true, true, false], 'the bucket holds 2');
    dice.set({ throttleRps: 3 });
    assert.deepEqual([dice.admit(), dice.admit(), dice.admit(), dice.admit()], [true, true, true, false]);
    dice.set({ throttleRps: 0 });
    assert.ok(Array.from({ length: 100 }, () => dice.admit()).every(Boolean), 'off at 0');
  });

  it('drop or hang exactly the next n commits asked for, then follow the draws again', () => {
    const dice = new FaultDice({}, {}, 1);
    const calm: FaultDraw = dice.draw();
    dice.dropNextCommits(2);
    dice.hangNextCommits(1);
    assert.deepEqual(
      [dice.dropsCommit(calm), dice.dropsCommit(calm), dice.dropsCommit(calm)],
      [true, true, false],
    );
    assert.deepEqual([dice.hangsCommit(calm), dice.hangsCommit(calm)], [true, false]);
    const drawn: FaultDraw = { ...calm, hang: 'after', dropAfterCommit: true };
    assert.equal(dice.dropsCommit(drawn), true);
    assert.equal(dice.hangsCommit(drawn), true);
    assert.equal(dice.hangsCommit({ ...calm, hang: 'before' }), false, 'a hang before is not after a commit');
  });
});
