import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signParameters, tokenQuery } from './signing.ts';

/** The reference's worked example (C2): the doc's appKey and timestamp with a fake secret. */
const EXAMPLE = {
  appKey: '41832a3d2df94989b500da6a22268747',
  timestamp: 1568098531823,
  appSecret: 'demoAppSecret000000000000000000000',
  base64: 'AJmiXSaEctxDpwQocIM4hvBvgYlr2CSGXdoeqll8/o0=',
  query:
    'appKey=41832a3d2df94989b500da6a22268747&timestamp=1568098531823&signature=AJmiXSaEctxDpwQocIM4hvBvgYlr2CSGXdoeqll8%2Fo0%3D',
};

describe('YonBIP token signature', () => {
  it('signs the sorted name+value pairs with HMAC-SHA256 into the worked example’s Base64', () => {
    const signature = signParameters(
      { timestamp: String(EXAMPLE.timestamp), appKey: EXAMPLE.appKey },
      EXAMPLE.appSecret,
    );
    assert.equal(signature, EXAMPLE.base64);
  });

  it('URL-encodes the signature exactly once in the token query', () => {
    assert.equal(tokenQuery(EXAMPLE.appKey, EXAMPLE.appSecret, EXAMPLE.timestamp), EXAMPLE.query);
  });

  it('leaves an existing signature parameter out of what it signs', () => {
    const params = { appKey: EXAMPLE.appKey, timestamp: String(EXAMPLE.timestamp) };
    assert.equal(
      signParameters({ ...params, signature: 'anything' }, EXAMPLE.appSecret),
      signParameters(params, EXAMPLE.appSecret),
    );
  });

  it('changes with the secret', () => {
    const params = { appKey: EXAMPLE.appKey, timestamp: String(EXAMPLE.timestamp) };
    assert.notEqual(signParameters(params, 'another-secret'), EXAMPLE.base64);
  });
});
