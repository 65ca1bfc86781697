import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifyODataAnswer,
  classifySoapAnswer,
  entryResult,
  needsCsrfToken,
  rejectionReason,
  sapMessage,
} from './errors.ts';
import { ODATA_ANSWERS, SOAP_ANSWERS, type RecordedAnswer } from './fixtures/answers.ts';

const soap = (a: RecordedAnswer, ids: readonly string[] = ['JE-1']) =>
  classifySoapAnswer(a.status, a.headers, a.text, ids);
const odata = (a: RecordedAnswer) => classifyODataAnswer(a.status, a.headers, a.text);

describe('S/4 SOAP journal-entry answers', () => {
  it('reads a posted entry as success with the document, company code and fiscal year', () => {
    assert.deepEqual(soap(SOAP_ANSWERS.posted), [
      { outcome: 'success', erpId: '010000004210102023', erpNumber: '0100000042' },
    ]);
  });

  it('reads a business error inside HTTP 200 as rejected, SAP’s notes verbatim and each once', () => {
    const [result] = soap(SOAP_ANSWERS.refused);
    assert.deepEqual(result, {
      outcome: 'rejected',
      code: '507(F5)',
      message:
        'Error in document: BKPFF $ ABCCLNT100; G/L account 61999999 is not defined in chart of accounts YCOA',
      reason: 'unknown_account',
    });
    assert.equal(
      soap(SOAP_ANSWERS.refusedBlank)[0]?.outcome,
      'rejected',
      'a blank document number is a failure too',
    );
  });

  it('matches confirmations to entries by the echoed message id, whatever their order', () => {
    const results = soap(SOAP_ANSWERS.mixed, ['JE-1', 'JE-2', 'JE-3']);
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['success', 'rejected', 'ambiguous'],
    );
    assert.equal(results[0]?.outcome === 'success' && results[0].erpNumber, '0100000043');
  });

  it('parses SOAP 1.2 answers by local name', () => {
    assert.equal(soap(SOAP_ANSWERS.soap12)[0]?.outcome, 'success');
  });

  it('treats a server-side SOAP fault as ambiguous and a fault blaming the request as rejected', () => {
    const server = soap(SOAP_ANSWERS.serverFault)[0];
    assert.equal(server?.outcome, 'ambiguous');
    assert.ok('message' in server && /Web service processing error/.test(server.message));
    assert.deepEqual(
      soap(SOAP_ANSWERS.clientFault).map((r) => [r.outcome, 'code' in r ? r.code : '']),
      [['rejected', 'SOAP Client']],
    );
  });

  it('never throws on an unreadable answer: cut-off XML, JSON, an HTML page are ambiguous', () => {
    for (const answer of [
      SOAP_ANSWERS.truncated,
      SOAP_ANSWERS.wrongType,
      ODATA_ANSWERS.proxyPage,
      ODATA_ANSWERS.loginPage,
    ])
      assert.deepEqual(
        soap(answer, ['JE-1', 'JE-2']).map((r) => r.outcome),
        ['ambiguous', 'ambiguous'],
        answer.text.slice(0, 40),
      );
  });

  it('says throttled for 429 and auth_expired for 401, for every entry', () => {
    assert.deepEqual(
      soap(ODATA_ANSWERS.throttled, ['a', 'b']).map((r) => r.outcome),
      ['throttled', 'throttled'],
    );
    assert.deepEqual(
      soap(ODATA_ANSWERS.unauthorized).map((r) => r.outcome),
      ['auth_expired'],
    );
  });

  it('treats an entry with neither a document nor an error as ambiguous', () => {
    assert.equal(
      entryResult({
        JournalEntryCreateConfirmation: { AccountingDocument: '', CompanyCode: '', FiscalYear: '' },
        Log: '',
      }).outcome,
      'ambiguous',
    );
  });
});

describe('S/4 OData answers', () => {
  it('reads an error body: code and message value, with further error details', () => {
    const answer = odata(ODATA_ANSWERS.balance);
    assert.ok(!answer.ok);
    assert.deepEqual(answer.failure, {
      outcome: 'rejected',
      code: 'M8/321',
      message:
        'Balance not zero: 19.00- debits: 100.00 credits: 119.00; G/L account 61999999 is not defined in chart of accounts YCOA',
      reason: 'unbalanced',
    });
  });

  it('tells a CSRF refusal from a real authorisation error', () => {
    const csrf = ODATA_ANSWERS.csrfRequired;
    assert.equal(needsCsrfToken(csrf.status, csrf.headers), true);
    assert.equal(needsCsrfToken(ODATA_ANSWERS.forbidden.status, ODATA_ANSWERS.forbidden.headers), false);
    const refused = odata(csrf);
    assert.ok(!refused.ok && refused.failure.outcome === 'auth_expired' && refused.failure.code === 'CSRF');
    const forbidden = odata(ODATA_ANSWERS.forbidden);
    assert.ok(!forbidden.ok && forbidden.failure.outcome === 'rejected');
    assert.equal(forbidden.failure.reason, 'not_authorized');
  });

  it('classifies the rest by status: 401 auth_expired, 429 throttled, 5xx and unreadable 2xx ambiguous', () => {
    const outcome = (a: RecordedAnswer) => {
      const r = odata(a);
      return r.ok ? 'ok' : r.failure.outcome;
    };
    assert.equal(outcome(ODATA_ANSWERS.unauthorized), 'auth_expired');
    assert.equal(outcome(ODATA_ANSWERS.throttled), 'throttled');
    assert.equal(outcome(ODATA_ANSWERS.proxyPage), 'ambiguous');
    assert.equal(outcome(ODATA_ANSWERS.truncated), 'ambiguous');
    assert.equal(outcome(ODATA_ANSWERS.loginPage), 'ambiguous');
    assert.equal(outcome(ODATA_ANSWERS.created), 'ok');
    assert.equal(outcome(ODATA_ANSWERS.duplicate), 'rejected');
  });

  it('reads the sap-message header of a write', () => {
    assert.deepEqual(
      sapMessage({
        'sap-message':
          '{"code":"M8/108","message":"Check if invoice already entered","severity":"warning","target":"","details":[]}',
      }),
      { code: 'M8/108', message: 'Check if invoice already entered' },
    );
    assert.equal(sapMessage({}), undefined);
  });
});

describe('S/4 rejection reasons', () => {
  it('reads the reason from SAP’s message class and number, as SOAP logs and OData write them', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['201(F5)', 'period_closed'],
      ['F5/201', 'period_closed'],
      ['507(F5)', 'unknown_account'],
      ['004(FH)', 'unknown_account'],
      ['F5/351', 'unknown_account'],
      ['104(F5)', 'unknown_partner'],
      ['F5/102', 'unknown_partner'],
      ['248(KI)', 'unknown_dimension'],
      ['702(F5)', 'unbalanced'],
      ['M8/321', 'unbalanced'],
      ['M8/108', 'duplicate_reference'],
      ['055(00)', 'invalid_value'],
      ['808(F5)', 'invalid_value'],
      ['F5/165', 'invalid_value'],
      ['FF/713', 'invalid_value'],
      ['814(F5)', 'invalid_value'],
      ['HTTP 403', 'not_authorized'],
      ['/IWFND/CM_CONSUMER/101', 'not_authorized'],
    ];
    for (const [code, reason] of cases) assert.equal(rejectionReason(code), reason, code);
  });

  it('gives no reason to a message it does not recognise: the generic 609(RW), F5 117, a SOAP fault', () => {
    for (const code of [
      '609(RW)',
      'F5/117',
      'SOAP Client',
      'HTTP 404',
      '035(FF)',
      '0123456789ABCDEF0123456789ABCDEF',
    ])
      assert.equal(rejectionReason(code), undefined, code);
    const [fault] = soap(SOAP_ANSWERS.clientFault);
    assert.ok(fault !== undefined && fault.outcome === 'rejected' && !('reason' in fault));
  });

  it('sets the reason on an OData refusal from its error code', () => {
    const answer = classifyODataAnswer(
      400,
      { 'content-type': 'application/json' },
      JSON.stringify({
        error: { code: 'F5/201', message: { lang: 'en', value: 'Posting period 010 2026 is not open' } },
      }),
    );
    assert.deepEqual(!answer.ok && answer.failure, {
      outcome: 'rejected',
      code: 'F5/201',
      message: 'Posting period 010 2026 is not open',
      reason: 'period_closed',
    });
    const forbidden = classifyODataAnswer(403, { 'content-type': 'text/plain' }, 'Forbidden');
    assert.equal(!forbidden.ok && forbidden.failure.reason, 'not_authorized');
  });
});
