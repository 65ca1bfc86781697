import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer } from './errors.ts';
import { ANSWER_FIXTURES as F } from './fixtures/answers.ts';

const outcome = (status: number, text: string) => {
  const r = classifyAnswer(status, text);
  return r.ok ? 'success' : r.failure.outcome;
};

describe('YonBIP answer classification', () => {
  it('reads 00000 and 200 answers, string or number, as success with their body', () => {
    for (const text of [F.gateway, F.token, F.voucherSaved, F.numericSuccess])
      assert.equal(outcome(200, text), 'success');
    const saved = classifyAnswer(200, F.voucherSaved);
    assert.ok(saved.ok);
    assert.equal(saved.body.code, '200');
  });

  it('asks for a new token on 310036, 310001 and the bare text 非法token', () => {
    for (const text of [F.tokenInvalid, F.tokenMissing, F.tokenInvalidText])
      assert.equal(outcome(200, text), 'auth_expired');
  });

  it('rejects voucher business failures with YonBIP’s Chinese message verbatim', () => {
    assert.deepEqual(classifyAnswer(200, F.accbookMissing), {
      ok: false,
      failure: { outcome: 'rejected', code: '404', message: '凭证保存不成功,账簿code不能为空！' },
    });
    assert.equal(outcome(200, F.appDisabled), 'rejected');
    assert.equal(outcome(200, F.badTenant), 'rejected');
    assert.equal(outcome(200, F.serverLogic), 'rejected');
    assert.equal(outcome(200, F.successFalse), 'rejected');
  });

  it('reads platform throttle codes and HTTP 429 as throttled', () => {
    assert.equal(outcome(200, F.throttled), 'throttled');
    assert.equal(outcome(429, F.throttled), 'throttled');
    for (const code of ['310032', '310039', '310042'])
      assert.equal(outcome(200, `{"code":"${code}","message":"限流"}`), 'throttled');
  });

  it('treats a gateway timeout (310504) and a still-processing 202 as ambiguous', () => {
    assert.equal(outcome(200, F.gatewayTimeout), 'ambiguous');
    assert.equal(outcome(200, '{"code":"202","message":"处理中"}'), 'ambiguous');
  });

  it('rejects an unknown path answered with HTTP 404 and 310404', () => {
    const r = classifyAnswer(404, F.unknownPath);
    assert.ok(!r.ok);
    assert.equal(r.failure.outcome, 'rejected');
    assert.equal(r.failure.code, 'HTTP 404/310404');
  });

  it('keeps the body of an answer that fits no known shape, as ambiguous', () => {
    for (const [status, text] of [
      [502, F.gatewayPage],
      [200, F.gatewayPage],
      [200, '{"result":"ok"}'],
      [200, '[1]'],
      [503, F.voucherSaved],
    ] as const) {
      const r = classifyAnswer(status, text);
      assert.ok(!r.ok);
      assert.equal(r.failure.outcome, 'ambiguous', text);
      assert.equal(r.failure.message, text);
    }
  });
});
