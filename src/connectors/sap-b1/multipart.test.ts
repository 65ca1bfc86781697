import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANSWER_FIXTURES as F } from './fixtures/answers.ts';
import {
  boundaryOf,
  buildBatch,
  httpAnswerPart,
  parseHttpMessage,
  parseMultipart,
  readBatchAnswer,
  statusOf,
} from './multipart.ts';

describe('the $batch multipart/mixed codec', () => {
  it('finds the boundary of a multipart/mixed content type, quoted or not, and no other', () => {
    assert.equal(boundaryOf('multipart/mixed; boundary=batch_36522ad7'), 'batch_36522ad7');
    assert.equal(boundaryOf('Multipart/Mixed;boundary="b 1"'), 'b 1');
    assert.equal(boundaryOf('application/json'), undefined);
    assert.equal(boundaryOf(undefined), undefined);
  });

  it('builds changesets with absolute sub-request paths, Content-IDs and CRLF line ends', () => {
    const body = buildBatch('batch_1', [
      {
        boundary: 'cs_1',
        requests: [{ method: 'POST', path: '/b1s/v1/JournalEntries', contentId: '1', body: '{"a":1}' }],
      },
      {
        boundary: 'cs_2',
        requests: [{ method: 'POST', path: '/b1s/v1/JournalEntries', contentId: '2', body: '{"a":2}' }],
      },
    ]);
    assert.ok(!/[^\r]\n/.test(body), 'every line ends in CRLF');
    assert.ok(body.endsWith('--batch_1--\r\n'));
    const parts = parseMultipart(body, 'batch_1');
    assert.equal(parts?.length, 2);
    const second = parts[1];
    assert.ok(second !== undefined);
    const inner = parseMultipart(second.body, boundaryOf(second.headers['content-type']) ?? '');
    assert.equal(inner?.length, 1);
    const [only] = inner;
    assert.ok(only !== undefined);
    assert.equal(only.headers['content-id'], '2');
    const request = parseHttpMessage(only.body);
    assert.equal(request.startLine, 'POST /b1s/v1/JournalEntries HTTP/1.1');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.body, '{"a":2}');
  });

  it('reads a batch answer: a committed changeset answers per request, a failed one once for all of it', () => {
    const answers = readBatchAnswer(F.batchOneFailed.body, boundaryOf(F.batchOneFailed.contentType) ?? '');
    assert.ok(answers !== undefined);
    assert.deepEqual(
      answers.map((group) => group.map((a) => [a.status, a.contentId])),
      [[[201, '1']], [[400, undefined]]],
    );
    assert.equal(JSON.parse(answers[0]?.[0]?.body ?? '{}').JdtNum, 1235);
    assert.match(answers[1]?.[0]?.body ?? '', /Invalid account code/);
  });

  it('reads bare LF line ends too, and ignores preamble and epilogue', () => {
    const body = `preamble\n--b\nContent-Type: application/http\n\nHTTP/1.1 204 No Content\n\n\n--b--\nepilogue`;
    assert.deepEqual(
      readBatchAnswer(body, 'b')?.map((g) => g.map((a) => a.status)),
      [[204]],
    );
  });

  it('refuses a truncated answer (no closing delimiter) or a part that is not an HTTP answer', () => {
    const cut = F.batchOneFailed.body.slice(0, F.batchOneFailed.body.length - 40);
    assert.equal(readBatchAnswer(cut, 'batchresponse_2f1c'), undefined);
    assert.equal(readBatchAnswer('--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--', 'b'), undefined);
    assert.equal(statusOf('HTTP/1.1 garbage'), 0);
  });

  it('writes answer parts the reader reads back', () => {
    const part = httpAnswerPart(
      { status: 201, contentId: '3', headers: { 'Content-Type': 'application/json' }, body: '{"x":1}' },
      'Created',
    );
    const answers = readBatchAnswer(`--o\r\n${part}\r\n--o--\r\n`, 'o');
    assert.deepEqual(answers, [
      [{ status: 201, contentId: '3', headers: { 'content-type': 'application/json' }, body: '{"x":1}' }],
    ]);
  });
});
