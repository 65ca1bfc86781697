import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { JOURNAL_IMPORT_LOG } from './fixtures/answers.ts';
import { isFinished, journalErrors, requestError, zipTexts } from './map/ess.ts';

describe('ESS requests and Journal Import logs', () => {
  it('knows which statuses are final and keeps polling on the others, unknown ones included', () => {
    for (const s of ['SUCCEEDED', 'WARNING', 'ERROR', 'CANCELLED', 'succeeded'])
      assert.equal(isFinished(s), true, s);
    for (const s of [
      'WAIT',
      'READY',
      'RUNNING',
      'BLOCKED',
      'COMPLETED',
      'ERROR_AUTO_RETRY',
      '',
      'SOMETHING_NEW',
    ])
      assert.equal(isFinished(s), false, s);
  });

  it('reads the files of an execution-details zip, and says so when it is not one', () => {
    const zip = Buffer.from(
      zipSync({ '1234567.log': strToU8('launcher'), '1234568.log': strToU8('日志') }),
    ).toString('base64');
    assert.deepEqual(
      [...(zipTexts(zip) ?? new Map()).entries()],
      [
        ['1234567.log', 'launcher'],
        ['1234568.log', '日志'],
      ],
    );
    assert.equal(zipTexts('bm90IGEgemlw'), undefined);
  });

  it('finds each rejected journal’s code and message by its name, and nothing for an imported one', () => {
    const errors = journalErrors(
      [JOURNAL_IMPORT_LOG],
      ['FB-DEMO-2-1', 'FB-DEMO-3-1', 'FB-DEMO-4-1', 'FB-DEMO-2'],
    );
    assert.deepEqual(errors.get('FB-DEMO-2-1'), {
      code: 'EF04',
      message:
        'EF04 This is an invalid Accounting Flexfield. Check your cross-validation rules and segment values. FLEX-VALUE DOES NOT EXIST (SEGMENT=Account) (VALUESET=Corporate Account) (VALUE=99999)',
    });
    assert.equal(errors.get('FB-DEMO-3-1')?.code, 'EP01');
    assert.equal(errors.has('FB-DEMO-4-1'), false, 'created, no error');
    assert.equal(errors.has('FB-DEMO-2'), false, 'a prefix of another journal’s name is not that journal');
  });

  it('takes the code after the name: a name that looks like a code is not one', () => {
    const errors = journalErrors(['Group 1: journal FB-EP01-9 line 1: EU02 unbalanced'], ['FB-EP01-9']);
    assert.equal(errors.get('FB-EP01-9')?.code, 'EU02');
  });

  it('finds a request-level failure line', () => {
    assert.equal(
      requestError(['Journal Import', "ERROR: the ledger 1 doesn't exist"]),
      "ERROR: the ledger 1 doesn't exist",
    );
    assert.equal(requestError([JOURNAL_IMPORT_LOG]), undefined);
  });
});
