import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureOf, outcomeOfAck, rejectionReason } from './errors.ts';
import { ACK_FIXTURES } from './fixtures/answers.ts';
import { ACK_PRESETS } from './layout/presets.ts';
import { readAck } from './map/ack.ts';
import { ShareError, type ShareErrorKind } from './transport/share.ts';

const outcome = (kind: ShareErrorKind, phase: 'read' | 'write' | 'commit') =>
  failureOf(new ShareError(kind, `${kind} happened`), phase).outcome;

describe('file-exchange failure classification', () => {
  it('calls a rename ambiguous only when its answer was lost', () => {
    assert.equal(outcome('lost', 'commit'), 'ambiguous');
    assert.equal(outcome('timeout', 'commit'), 'ambiguous');
    assert.equal(outcome('failure', 'commit'), 'transient');
    assert.equal(outcome('not_sent', 'commit'), 'transient');
  });

  it('calls any failed read or temporary write transient: nothing reached the ERP', () => {
    for (const kind of [
      'lost',
      'timeout',
      'failure',
      'unreachable',
      'not_sent',
      'denied',
      'not_found',
    ] as const)
      assert.equal(outcome(kind, 'read'), 'transient', kind);
    assert.equal(outcome('lost', 'write'), 'transient');
  });

  it('says throttled for the server’s rate refusal, and rejected for what asking again cannot cure', () => {
    assert.equal(outcome('throttled', 'write'), 'throttled');
    assert.equal(outcome('auth', 'read'), 'rejected');
    assert.equal(outcome('denied', 'write'), 'rejected');
    assert.equal(outcome('not_found', 'write'), 'rejected');
  });

  it('keeps the failure’s message and never throws on something that is not a share error', () => {
    assert.deepEqual(failureOf(new Error('boom'), 'commit'), {
      outcome: 'ambiguous',
      code: 'io',
      message: 'boom',
    });
    assert.equal(failureOf('odd', 'read').outcome, 'transient');
  });
});

describe('file-exchange acknowledgement outcomes', () => {
  const layout = ACK_PRESETS['cn-gbk-csv'];
  const of = async (bytes: Uint8Array, reference = 'FB-ACME-0001-1') =>
    outcomeOfAck(await readAck(bytes, layout, reference));

  it('is a success with the ERP’s number, or a refusal with its message', async () => {
    assert.deepEqual(await of(ACK_FIXTURES.ok), {
      outcome: 'success',
      erpId: '2026-11-记-0007',
      erpNumber: '2026-11-记-0007',
    });
    assert.deepEqual(await of(ACK_FIXTURES.accountMissing, 'FB-ACME-0002-1'), {
      outcome: 'rejected',
      code: 'import_refused',
      message: '第2行：科目编码[9999]不存在',
      reason: 'unknown_account',
    });
  });

  it('recognises the ERP’s duplicate-reference refusal', async () => {
    const duplicate = await of(ACK_FIXTURES.duplicate);
    assert.equal(duplicate.outcome, 'rejected');
    assert.ok('code' in duplicate && duplicate.code === 'duplicate_reference');
    assert.equal('reason' in duplicate && duplicate.reason, 'duplicate_reference');
  });

  it('is ambiguous for an acknowledgement cut off, in the wrong encoding, or from a proxy', async () => {
    for (const bytes of [ACK_FIXTURES.truncated, ACK_FIXTURES.wrongEncodingBom, ACK_FIXTURES.htmlPage]) {
      const result = await of(bytes);
      assert.ok(result.outcome === 'ambiguous' && 'code' in result && result.code === 'malformed_ack');
    }
  });
});

describe('file-exchange rejection reasons', () => {
  it('reads the reason from the import log’s message, the only thing the acknowledgement says', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['2026年10月已结账，不能引入凭证', 'period_closed'],
      ['第2行：科目编码[9999]不存在', 'unknown_account'],
      ['第1行：科目[6602]不是末级科目，不能引入', 'unknown_account'],
      ['第1行：供应商编码[S9999]不存在', 'unknown_partner'],
      ['第1行：部门编码[D99]不存在', 'unknown_dimension'],
      ['第1行：个人编码[E99]不存在', 'unknown_dimension'],
      ['凭证借贷不平衡：借方合计1.00，贷方合计2.00', 'unbalanced'],
      ['业务号[FB-ACME-1-1]已存在，不能重复引入', 'duplicate_reference'],
      ['Voucher FB-ACME-1-1 already exists', 'duplicate_reference'],
      ['凭证类别[现]不存在', 'invalid_value'],
      ['制单日期[2026-13-01]格式不正确', 'invalid_value'],
      ['第1行：借方金额和贷方金额必须一方为0、另一方不为0', 'invalid_value'],
    ];
    for (const [message, reason] of cases) assert.equal(rejectionReason(message), reason, message);
  });

  it('gives no reason to a refusal it does not recognise, nor to a transport failure', () => {
    assert.equal(rejectionReason('凭证分录不能为空'), undefined);
    assert.equal(rejectionReason('业务号不能为空'), undefined);
    assert.equal('reason' in failureOf(new ShareError('denied', 'permission denied'), 'write'), false);
  });
});
