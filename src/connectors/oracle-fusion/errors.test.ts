import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer, isDuplicateRefusal, refusal, rejectionReason } from './errors.ts';
import { ANSWERS as F, type Fixture } from './fixtures/answers.ts';

const classify = (f: Fixture) => classifyAnswer(f.status, f.type, f.text);
const outcomeOf = (f: Fixture) => {
  const result = classify(f);
  return result.ok ? 'success' : result.failure.outcome;
};

describe('Oracle Fusion answer classification', () => {
  it('reads a created invoice and an accepted import as success with their JSON', () => {
    const created = classify(F.invoiceCreated);
    assert.ok(created.ok);
    assert.equal(created.body['InvoiceId'], 300100187053845);
    const accepted = classify(F.importAccepted);
    assert.ok(accepted.ok);
    assert.equal(accepted.body['ReqstId'], '1234567');
  });

  it('rejects a structured 400 with Oracle’s detail and error code', () => {
    assert.deepEqual(classify(F.siteInvalid), {
      ok: false,
      failure: {
        outcome: 'rejected',
        code: 'HTTP 400/AP-810402',
        message: "The supplier site ACME US9 isn't valid for the business unit US1 Business Unit.",
        reason: 'unknown_partner',
      },
    });
  });

  it('keeps every message of a multi-error answer', () => {
    const result = classify(F.twoProblems);
    assert.ok(!result.ok);
    assert.equal(result.failure.code, 'HTTP 400');
    assert.match(result.failure.message, /business unit X.*\|.*invoice type Y/);
  });

  it('rejects a plain-text 400 with its text (the default error media type)', () => {
    assert.deepEqual(classify(F.plainText), {
      ok: false,
      failure: { outcome: 'rejected', code: 'HTTP 400', message: F.plainText.text },
    });
  });

  it('asks for new credentials on 401 and refuses on 403', () => {
    assert.equal(outcomeOf(F.unauthorized), 'auth_expired');
    assert.equal(outcomeOf(F.forbidden), 'rejected');
  });

  it('says throttled on 429', () => {
    assert.equal(outcomeOf(F.throttled), 'throttled');
  });

  it('treats what Oracle did not write — HTML pages, truncated JSON, 5xx — as ambiguous, keeping the body', () => {
    for (const f of [F.maintenance, F.htmlOk, F.proxy400, F.truncated, F.truncatedError]) {
      const result = classify(f);
      assert.ok(!result.ok, f.text);
      assert.equal(result.failure.outcome, 'ambiguous', f.text);
      assert.equal(result.failure.message, f.text);
    }
    assert.equal(outcomeOf({ status: 200, type: 'application/json', text: '[1,2]' }), 'ambiguous');
    assert.equal(outcomeOf({ status: 302, type: 'text/html', text: '' }), 'ambiguous');
  });

  it('recognises Payables’ duplicate invoice number refusal, and nothing else as one', () => {
    const duplicate = classify(F.duplicate);
    assert.ok(!duplicate.ok);
    assert.equal(isDuplicateRefusal(duplicate.failure), true);
    const site = classify(F.siteInvalid);
    assert.ok(!site.ok);
    assert.equal(isDuplicateRefusal(site.failure), false);
    assert.equal(isDuplicateRefusal({ outcome: 'ambiguous', code: 'x', message: 'already exists' }), false);
  });
});

describe('Oracle rejection reasons', () => {
  it('reads the reason from Journal Import’s status codes', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['EP01', 'period_closed'],
      ['EP02', 'period_closed'],
      ['EF01', 'unknown_account'],
      ['EF02', 'unknown_account'],
      ['EF03', 'unknown_account'],
      ['EF04', 'unknown_account'],
      ['EF05', 'unknown_account'],
      ['EU02', 'unbalanced'],
      ['EC08', 'invalid_value'],
      ['EC13', 'invalid_value'],
    ];
    for (const [code, reason] of cases) assert.equal(rejectionReason(code, `${code} …`), reason, code);
  });

  it('reads the reason from Payables’ error codes, and 403 as a missing privilege', () => {
    assert.equal(
      rejectionReason('HTTP 400/AP-810129', "The account 101-000-OFFICE isn't valid."),
      'unknown_account',
    );
    assert.equal(rejectionReason('HTTP 400/AP-810400', "The supplier X isn't valid."), 'unknown_partner');
    assert.equal(rejectionReason('HTTP 400/AP-810402', ''), 'unknown_partner');
    assert.equal(rejectionReason('HTTP 400/AP-810069', ''), 'duplicate_reference');
    assert.equal(
      rejectionReason('supplier_not_found', 'Oracle has no supplier with SupplierNumber S9'),
      'unknown_partner',
    );
    const forbidden = classify(F.forbidden);
    assert.equal(!forbidden.ok && forbidden.failure.reason, 'not_authorized');
  });

  it('reads Oracle’s wording where it gives no code', () => {
    const cases: readonly (readonly [string, string])[] = [
      ["The accounting date 2026-10-20 isn't in an open period.", 'period_closed'],
      [
        "The account 101-000-OFFICE isn't valid. FLEX-VALUE DOES NOT EXIST (SEGMENT=Account)",
        'unknown_account',
      ],
      ["The supplier ACME isn't valid.", 'unknown_partner'],
      ['The invoice number FB-1 already exists for the supplier ACME.', 'duplicate_reference'],
      ["The invoice date 2026-13-01 isn't valid.", 'invalid_value'],
    ];
    for (const [message, reason] of cases)
      assert.equal(rejectionReason('HTTP 400', message), reason, message);
    const two = classify(F.twoProblems);
    assert.equal(!two.ok && two.failure.reason, 'invalid_value');
  });

  it('gives no reason to an answer it does not recognise', () => {
    assert.equal(rejectionReason('EC06', 'EC06 There is no conversion rate for this currency'), undefined);
    assert.equal(rejectionReason('HTTP 400/AP-899999', "The account X isn't valid."), undefined);
    assert.equal(rejectionReason('HTTP 400', F.plainText.text), undefined);
    assert.equal('reason' in refusal('ESS ERROR', 'Journal Import ended in error'), false);
    const plain = classify(F.plainText);
    assert.ok(!plain.ok && !('reason' in plain.failure));
  });
});
