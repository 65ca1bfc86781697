import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer, isDuplicateReference, readB1Error, rejectionReason } from './errors.ts';
import { ANSWER_FIXTURES as F } from './fixtures/answers.ts';

const JSON_V1 = 'application/json;odata=minimalmetadata;charset=utf-8';
const outcome = (
  status: number,
  text: string,
  contentType: string | undefined = JSON_V1,
  expectBody = true,
) => {
  const answer = classifyAnswer(status, contentType, text, expectBody);
  return answer.ok ? 'success' : answer.failure.outcome;
};

describe('Service Layer answer classification', () => {
  it('reads both error shapes: v1 numeric code with {lang,value}, v2 text code with a plain message', () => {
    assert.deepEqual(readB1Error(F.wrongPasswordV1), {
      code: '-304',
      message: 'Fail to NONE-SSO login from SLD.',
    });
    assert.deepEqual(readB1Error(F.wrongPasswordV2), {
      code: '-304',
      message: 'Fail to NONE-SSO login from SLD.',
    });
    assert.deepEqual(readB1Error(F.valueTooLong), {
      code: '-8112',
      message: "Value too long in property 'State' of 'BPAddress'",
    });
    assert.equal(readB1Error(F.proxyError), undefined);
    assert.equal(readB1Error('{"error":"nope"}'), undefined);
  });

  it('takes 401 with code 301 as an expired session, in either version', () => {
    for (const text of [F.invalidSessionV1, F.invalidSessionV2]) {
      const answer = classifyAnswer(401, JSON_V1, text, true);
      assert.ok(!answer.ok);
      assert.deepEqual(answer.failure, {
        outcome: 'auth_expired',
        code: '301',
        message: 'Invalid session or session already timeout.',
      });
    }
  });

  it('rejects business refusals with B1’s code and text verbatim', () => {
    for (const [status, text, code] of [
      [400, F.invalidBp, '-5002'],
      [400, F.duplicateKey, '-10'],
      [400, F.unknownProperty, '-1000'],
      [400, F.badFilter, '201'],
      [404, F.noRecord, '-2028'],
      [400, F.periodLocked, '-5002'],
      [401, F.wrongPasswordV1, '-304'],
      [401, F.unknownCompanyV1, '-306'],
    ] as const) {
      const answer = classifyAnswer(status, JSON_V1, text, true);
      assert.ok(!answer.ok);
      assert.equal(answer.failure.outcome, 'rejected', text);
      assert.equal(answer.failure.code, code);
      assert.equal(answer.failure.message, readB1Error(text)?.message);
    }
  });

  it('takes the parallel-login failure (500, 299) as transient: no session was made', () => {
    assert.equal(outcome(500, F.samlLoginFailed), 'transient');
  });

  it('takes any other B1 error of 500 and above as ambiguous', () => {
    assert.equal(outcome(500, F.brokenNode), 'ambiguous');
  });

  it('takes HTTP 429 as throttled, whatever its body', () => {
    assert.equal(outcome(429, '<html>Too Many Requests</html>', 'text/html'), 'throttled');
  });

  it('reads a 201 with its record, and a 204 without a body, as success', () => {
    const created = classifyAnswer(201, JSON_V1, F.journalEntryCreated, true);
    assert.ok(created.ok);
    assert.equal(created.body?.['JdtNum'], 1234);
    assert.deepEqual(classifyAnswer(204, undefined, '', true), { ok: true, status: 204, body: undefined });
  });

  it('never throws on a malformed answer: an HTML proxy page, truncated JSON, the wrong content type are ambiguous, body kept', () => {
    const cases: [number, string, string | undefined][] = [
      [502, F.proxyError, 'text/html; charset=iso-8859-1'],
      [200, F.proxyError, 'text/html'],
      [201, F.truncated, JSON_V1],
      [201, F.journalEntryCreated, 'text/html'],
      [400, F.proxyError, 'text/html'],
      [503, '', undefined],
    ];
    for (const [status, text, contentType] of cases) {
      const answer = classifyAnswer(status, contentType, text, true);
      assert.ok(!answer.ok, `${status} ${contentType}`);
      assert.equal(answer.failure.outcome, 'ambiguous', `${status} ${contentType}`);
      assert.ok(answer.failure.message.includes(text.slice(0, 40)));
    }
  });

  it('recognises the duplicate vendor reference refusal, and nothing else, as "already there"', () => {
    const failure = (message: string) => ({ outcome: 'rejected' as const, code: '-5002', message });
    assert.ok(
      isDuplicateReference(failure("Vendor reference number 'FB-1' already exists [OPCH.NumAtCard]")),
    );
    assert.ok(!isDuplicateReference(failure("Invalid BP code [OPCH.CardCode] , '9999'")));
    assert.ok(!isDuplicateReference(failure(readB1Error(F.duplicateKey)?.message ?? '')));
    assert.ok(
      !isDuplicateReference({ outcome: 'ambiguous', code: '-5002', message: 'NumAtCard already exists' }),
    );
  });
});

describe('Service Layer rejection reasons', () => {
  it('reads the reason from B1’s code where the code says it', () => {
    assert.equal(rejectionReason('-1004', "'Z' is not a valid value for property 'U_X'"), 'invalid_value');
    assert.equal(
      rejectionReason('-8112', "Value too long in property 'Memo' of 'JournalEntry'"),
      'invalid_value',
    );
  });

  it('reads the reason from B1’s text under its generic validation code -5002', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['Posting period locked; specify an alternative date', 'period_closed'],
      ["Invalid account code [JournalEntryLines.AccountCode][line: 1] , '9999'", 'unknown_account'],
      ["Cannot post to a title account [JournalEntryLines.AccountCode][line: 2] , '1000'", 'unknown_account'],
      ["Invalid BP code [OPCH.CardCode] , 'V9999'", 'unknown_partner'],
      ["Invalid BP code [JournalEntryLines.ShortName][line: 1] , 'V9999'", 'unknown_partner'],
      ['Code undefined  [OCRD.CardCode]', 'unknown_partner'],
      ["Invalid distribution rule [JournalEntryLines.CostingCode][line: 1] , 'NOPE'", 'unknown_dimension'],
      ['Unbalanced transaction; debit 1.00 is not equal to credit 2.00', 'unbalanced'],
      ["Vendor reference number 'FB-1' already exists [OPCH.NumAtCard]", 'duplicate_reference'],
      ["Invalid tax code [DocumentLines.VatGroup][line: 1] , 'X9'", 'invalid_value'],
    ];
    for (const [message, reason] of cases) assert.equal(rejectionReason('-5002', message), reason, message);
  });

  it('sets the reason on the refusal it classifies, beside B1’s code and text', () => {
    const answer = classifyAnswer(400, JSON_V1, F.invalidBp, true);
    assert.ok(!answer.ok);
    assert.equal(answer.failure.reason, 'unknown_partner');
    const locked = classifyAnswer(400, JSON_V1, F.periodLocked, true);
    assert.equal(!locked.ok && locked.failure.reason, 'period_closed');
  });

  it('gives no reason to a refusal it does not recognise, nor to what is not a refusal', () => {
    assert.equal(rejectionReason('-5002', 'Update the exchange rate'), undefined);
    assert.equal(rejectionReason('-10', readB1Error(F.duplicateKey)?.message ?? ''), undefined);
    assert.equal(
      rejectionReason('-1000', "Property 'NoSuchField' of 'BusinessPartner' is invalid"),
      undefined,
    );
    assert.equal(rejectionReason('201', 'Query string error - Invalid filter condition'), undefined);
    for (const [status, text] of [
      [401, F.wrongPasswordV1],
      [404, F.noRecord],
      [500, '{"error":{"code":-5002,"message":{"lang":"en-us","value":"Unbalanced transaction"}}}'],
    ] as const) {
      const answer = classifyAnswer(status, JSON_V1, text, true);
      assert.ok(!answer.ok && !('reason' in answer.failure), text);
    }
  });
});
