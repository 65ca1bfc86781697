import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cookiesSent, cookiesSet, sessionCookie } from './cookies.ts';
import { ANSWER_FIXTURES as F } from './fixtures/answers.ts';

describe('Service Layer session cookies', () => {
  it('keeps the path-less B1SESSION with its trailing semicolon, and ROUTEID', () => {
    assert.deepEqual(cookiesSet(F.loginV1.setCookie), {
      B1SESSION: '6c1c0e6a-8aa6-11ee-8000-005056a0e477',
      ROUTEID: '.node1',
    });
  });

  it('reads a single header, quoted values, and skips malformed pairs', () => {
    assert.deepEqual(cookiesSet('B1SESSION="abc";HttpOnly;'), { B1SESSION: 'abc' });
    assert.deepEqual(cookiesSet(['=x', 'noequals', 'ROUTEID=.node3; path=/b1s']), { ROUTEID: '.node3' });
    assert.deepEqual(cookiesSet(undefined), {});
  });

  it('sends both cookies on every call, ROUTEID only when the balancer set one', () => {
    assert.equal(sessionCookie('s-1', '.node2'), 'B1SESSION=s-1; ROUTEID=.node2');
    assert.equal(sessionCookie('s-1', undefined), 'B1SESSION=s-1');
    assert.deepEqual(cookiesSent('B1SESSION=s-1; ROUTEID=.node2'), { B1SESSION: 's-1', ROUTEID: '.node2' });
  });
});
