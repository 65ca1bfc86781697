import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { CircuitBreaker, DEFAULT_BACKOFF, TokenBucket, backoffDelay } from './resilience.ts';

it('backs off exponentially within [cap/2, cap] and never beyond the maximum', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }),
      fc.double({ min: 0, max: 0.999999, noNaN: true }),
      (attempt, r) => {
        const cap = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1));
        const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
        assert.ok(delay >= cap / 2 - 1 && delay <= cap + 1);
      },
    ),
  );
});

it('opens after consecutive failures, half-opens after the cool-down and closes on success', () => {
  const breaker = new CircuitBreaker(3, 1000);
  for (let i = 0; i < 3; i++) breaker.failure(0);
  assert.equal(breaker.state(10), 'open');
  assert.equal(breaker.allows(10), false);
  assert.equal(breaker.allows(1000), true, 'one trial after the cool-down');
  assert.equal(breaker.allows(1001), false, 'only one trial at a time');
  breaker.success();
  assert.equal(breaker.state(1002), 'closed');
});

it('limits to the configured rate', () => {
  const bucket = new TokenBucket(5, 0);
  const allowed = Array.from({ length: 20 }, () => bucket.take(0)).filter((wait) => wait === 0).length;
  assert.equal(allowed, 5);
  assert.equal(bucket.take(200), 0, 'a token per 200 ms at 5/s');
});

it('shares a rate limit across the live workers of a cluster', () => {
  const bucket = new TokenBucket(6, 0);
  bucket.share(3);
  assert.equal(bucket.rate, 2);
  const allowed = Array.from({ length: 10 }, () => bucket.take(0)).filter((wait) => wait === 0).length;
  assert.equal(allowed, 2, 'the burst shrinks to the share');
  assert.equal(bucket.take(0), 500, 'a token per 500 ms at 2/s');
  bucket.share(1);
  assert.equal(bucket.rate, 6);
});
