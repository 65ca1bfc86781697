import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAnswer, isDuplicateRefusal } from './errors.ts';
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
