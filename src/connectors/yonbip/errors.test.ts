import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer, classifyCode, rejectionReason } from './errors.ts';
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
      failure: {
        outcome: 'rejected',
        code: '404',
        message: '凭证保存不成功,账簿code不能为空！',
        reason: 'invalid_value',
      },
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

describe('YonBIP rejection reasons', () => {
  it('reads the reason from the platform code where the code says it', () => {
    assert.equal(rejectionReason('310037', 'API未授权'), 'not_authorized');
    for (const code of ['310008', '310015', '310023'])
      assert.equal(rejectionReason(code, '参数校验失败'), 'invalid_value', code);
  });

  it('reads the reason from the voucher service’s message under its one code 404', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['凭证保存不成功,会计期间[2026-08]已结账，不能保存凭证！', 'period_closed'],
      ['凭证保存不成功,第1行科目编码[9999]不存在！', 'unknown_account'],
      ['凭证保存不成功,第2行科目[6602]不是末级科目！', 'unknown_account'],
      ['凭证保存不成功,第1行辅助核算供应商[V9999]不存在！', 'unknown_partner'],
      ['凭证保存不成功,第1行辅助核算部门[BM999]不存在！', 'unknown_dimension'],
      ['凭证保存不成功,第1行辅助核算人员[P999]不存在！', 'unknown_dimension'],
      ['凭证保存不成功,借贷不平衡！', 'unbalanced'],
      ['凭证保存不成功,外部来源[FB-ACME-1-1]的凭证已存在，不能重复保存！', 'duplicate_reference'],
      ['凭证保存不成功,账簿code不能为空！', 'invalid_value'],
      ['凭证保存不成功,凭证类型[9]不存在！', 'invalid_value'],
      ['凭证保存不成功,会计期间[2026-9]格式不正确！', 'invalid_value'],
      ['凭证保存不成功,第1行借方金额和贷方金额必须且只能填写一个！', 'invalid_value'],
    ];
    for (const [message, reason] of cases) {
      assert.equal(rejectionReason('404', message), reason, message);
      assert.equal(classifyCode('404', message).reason, reason, message);
    }
  });

  it('gives no reason to a refusal it does not recognise, nor to what is not a refusal', () => {
    assert.equal('reason' in classifyCode('999', '服务端逻辑异常'), false);
    assert.equal('reason' in classifyCode('404', '凭证不存在！'), false);
    assert.equal('reason' in classifyCode('310046', 'API调用频率超过限制'), false);
    assert.equal('reason' in classifyCode('310504', '凭证保存不成功,借贷不平衡！'), false);
  });
});
