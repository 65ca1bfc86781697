import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyMsgCode, rejectionReason } from './errors.ts';

describe('Kingdee rejection reasons', () => {
  it('reads the reason from the MsgCode when its category is one', () => {
    assert.equal(rejectionReason(2, '您没有该操作的权限'), 'not_authorized');
    assert.equal(rejectionReason(8, 'FDEBIT: 第1行分录金额格式不正确'), 'invalid_value');
  });

  it('reads the reason from Kingdee’s message when the MsgCode holds several', () => {
    const cases: readonly (readonly [number, string, string])[] = [
      [11, 'FDate: 会计期间2026年第9期已结账，不能新增凭证', 'period_closed'],
      [11, 'FDATE: 业务日期2026-09-30所在期间已结账，不能保存', 'period_closed'],
      [9, 'FACCOUNTID: 第1行分录的科目[660299X]不存在', 'unknown_account'],
      [11, 'FACCOUNTID: 第2行分录的科目[6602]不是明细科目', 'unknown_account'],
      [9, 'FSUPPLIERID: 供应商[S9999]不存在或未审核', 'unknown_partner'],
      [9, 'FCONTACTUNIT: 往来单位[S9999]不存在或未审核', 'unknown_partner'],
      [9, 'FRECTUNIT: 收款单位[S9999]不存在或未审核', 'unknown_partner'],
      [11, 'FEntity: 凭证借贷不平衡：借方合计100.00，贷方合计90.00', 'unbalanced'],
      [
        11,
        'FBillNo: 违反字段唯一性要求：编码唯一。[JZ0000123]在当前系统中已经被使用。',
        'duplicate_reference',
      ],
      [11, 'FEXCHANGERATETYPE: 字段[汇率类型]是必录字段', 'invalid_value'],
      [9, 'FVOUCHERGROUPID: 凭证字[PRE009]不存在', 'invalid_value'],
      [9, 'FCURRENCYID: 第1行分录的币别不存在', 'invalid_value'],
      [11, 'FDEBIT: 第1行分录借方金额和贷方金额必须且只能录入一个', 'invalid_value'],
    ];
    for (const [msgCode, message, reason] of cases)
      assert.equal(rejectionReason(msgCode, message), reason, message);
  });

  it('gives no reason to a refusal it does not recognise', () => {
    assert.equal(rejectionReason(11, '单据编号为“AP00000012”的应付单，单据已经审核！'), undefined);
    assert.equal(rejectionReason(9, '元数据中标识为FCustomerID的字段不存在'), undefined);
    assert.equal(rejectionReason(7, '还剩3天，当前您的软件处于未授权或版本使用期满'), undefined);
  });

  it('sets the reason on rejections only, beside Kingdee’s code and message', () => {
    assert.deepEqual(classifyMsgCode(9, 'FACCOUNTID: 第1行分录的科目[9999]不存在'), {
      outcome: 'rejected',
      code: 'MsgCode 9',
      message: 'FACCOUNTID: 第1行分录的科目[9999]不存在',
      reason: 'unknown_account',
    });
    assert.deepEqual(classifyMsgCode(12, '不可操作'), {
      outcome: 'rejected',
      code: 'MsgCode 12',
      message: '不可操作',
    });
    assert.equal('reason' in classifyMsgCode(13, '网控冲突：凭证已被其他用户锁定，已结账'), false);
  });
});
