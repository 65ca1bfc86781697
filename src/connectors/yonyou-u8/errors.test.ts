import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer, classifyError } from './errors.ts';
import { ANSWER_FIXTURES as F } from './fixtures/answers.ts';

const outcomeOf = (status: number, text: string) => {
  const result = classifyAnswer(status, text);
  return result.ok ? 'success' : result.failure.outcome;
};

describe('U8 answer classification', () => {
  it('reads errcode "0" answers as success with their body', () => {
    for (const text of [F.token, F.tradeId, F.voucherAdded, F.voucherQueued])
      assert.equal(outcomeOf(200, text), 'success');
    const added = classifyAnswer(200, F.voucherAdded);
    assert.ok(added.ok);
    assert.equal(added.body['id'], '1000000231');
  });

  it('takes a numeric errcode for its text', () => {
    const result = classifyAnswer(200, '{"errcode":0,"errmsg":""}');
    assert.ok(result.ok);
    assert.equal(result.body.errcode, '0');
  });

  it('asks for a new token when the relay says 参数token已过期', () => {
    assert.deepEqual(classifyAnswer(200, F.tokenExpired), {
      ok: false,
      failure: { outcome: 'auth_expired', code: '30002', message: '参数token已过期' },
    });
  });

  it('rejects business validation failures with U8’s own message', () => {
    for (const text of [F.accountMissing, F.unbalanced]) {
      const result = classifyAnswer(200, text);
      assert.ok(!result.ok);
      assert.equal(result.failure.outcome, 'rejected');
      assert.equal(result.failure.code, '20001');
    }
  });

  it('treats an unexpected error and a relay timeout as ambiguous, an offline U8 as transient', () => {
    assert.equal(outcomeOf(200, F.unexpected), 'ambiguous');
    assert.equal(outcomeOf(200, F.relayTimeout), 'ambiguous');
    assert.equal(outcomeOf(200, F.offline), 'transient');
  });

  it('reads a reused trade id as ambiguous: the earlier write may be stored', () => {
    assert.equal(classifyError('40007', 'tradeid已使用').outcome, 'ambiguous');
  });

  it('reads throttle answers, by message or HTTP 429, as throttled', () => {
    assert.equal(outcomeOf(200, F.throttled), 'throttled');
    assert.equal(outcomeOf(429, 'Too Many Requests'), 'throttled');
  });

  it('keeps the body of an answer that fits no known shape, as ambiguous', () => {
    for (const [status, text] of [
      [502, F.gatewayPage],
      [200, F.gatewayPage],
      [200, '{"result":"ok"}'],
      [200, '[1,2]'],
    ] as const) {
      const result = classifyAnswer(status, text);
      assert.ok(!result.ok);
      assert.equal(result.failure.outcome, 'ambiguous', text);
      assert.equal(result.failure.message, text);
    }
  });

  it('rejects a client error the relay answers with its JSON shape (unknown path)', () => {
    const result = classifyAnswer(404, '{"errcode":"10002","errmsg":"不支持的操作[/api/x]"}');
    assert.ok(!result.ok);
    assert.deepEqual(result.failure, {
      outcome: 'rejected',
      code: 'HTTP 404/10002',
      message: '不支持的操作[/api/x]',
    });
  });
});
