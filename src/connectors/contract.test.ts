import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_VALUE_MAPS, entryOf, mapValue } from './contract.ts';

describe('value maps', () => {
  it('maps a code named like an object member by identity, not to the member', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.deepEqual(mapValue(EMPTY_VALUE_MAPS, 'accounts', code), { to: code, rule: 'identity' });
      assert.equal(entryOf({}, code), undefined);
    }
  });

  it('maps a code the map holds and says which rule did it', () => {
    const maps = { ...EMPTY_VALUE_MAPS, accounts: { constructor: '6602.01' } };
    assert.deepEqual(mapValue(maps, 'accounts', 'constructor'), {
      to: '6602.01',
      rule: 'valueMaps.accounts["constructor"]',
    });
  });
});
