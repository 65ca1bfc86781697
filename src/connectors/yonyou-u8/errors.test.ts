import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer, classifyError, rejectionReason } from './errors.ts';
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

describe('U8 rejection reasons', () => {
  it('reads the reason from U8’s message: one code (20001) holds every cause', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['2026年9月已结账，不能填制凭证', 'period_closed'],
      ['第1行分录科目编码[9999]不存在', 'unknown_account'],
      ['第2行分录科目[6602]不是末级科目，不能制单', 'unknown_account'],
      ['第1行分录供应商编码[V9999]不存在', 'unknown_partner'],
      ['第1行分录部门编码[0199]不存在', 'unknown_dimension'],
      ['第1行分录职员编码[E9999]不存在', 'unknown_dimension'],
      ['凭证借贷不平衡：借方合计1.00，贷方合计2.00', 'unbalanced'],
      ['外部凭证号[FB-ACME-1-1]已存在，不能重复导入', 'duplicate_reference'],
      ['凭证类别[现]不存在', 'invalid_value'],
      ['制单日期[2026-13-01]不合法', 'invalid_value'],
      ['第1行分录金额格式不正确', 'invalid_value'],
    ];
    for (const [message, reason] of cases) {
      assert.equal(rejectionReason('20001', message), reason, message);
      assert.equal(classifyError('20001', message).reason, reason, message);
    }
  });

  it('sets the reason on the refusal it classifies, beside U8’s code and message', () => {
    const result = classifyAnswer(200, F.accountMissing);
    assert.deepEqual(!result.ok && result.failure, {
      outcome: 'rejected',
      code: '20001',
      message: '第1行分录科目编码[9999]不存在',
      reason: 'unknown_account',
    });
    const unbalanced = classifyAnswer(200, F.unbalanced);
    assert.equal(!unbalanced.ok && unbalanced.failure.reason, 'unbalanced');
  });

  it('gives no reason to a refusal it does not recognise, nor to what is not a refusal', () => {
    assert.equal(rejectionReason('20001', '单据新增失败：缺少voucher节点'), undefined);
    assert.equal('reason' in classifyError('10002', '不支持的操作[/api/x]'), false);
    assert.equal('reason' in classifyError('99', '请求U8服务超时，凭证借贷不平衡'), false);
  });
});
