import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { fromWords, toWords } from './amount-in-words.ts';
import { USCC_CHARS, usccCheckChar, validateUscc } from './uscc.ts';

const codeChar = fc.constantFrom(...USCC_CHARS);
const digit = fc.constantFrom(...'0123456789');
const validUscc = fc
  .tuple(
    fc.array(codeChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(codeChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => {
    const first17 = [...a, ...b, ...c].join('');
    return first17 + usccCheckChar(first17);
  });

it('accepts every code built with the check character', () => {
  fc.assert(fc.property(validUscc, (code) => validateUscc(code).valid));
});

it('rejects any single-character change of a valid USCC', () => {
  fc.assert(
    fc.property(
      validUscc,
      fc.nat(17),
      fc.constantFrom(...USCC_CHARS, 'I', 'O', 'S', 'V', 'Z', 'a', ' '),
      (code, pos, replacement) => {
        fc.pre(code[pos] !== replacement);
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        assert.equal(validateUscc(changed).valid, false, changed);
      },
    ),
    { numRuns: 2000 },
  );
});

it('rejects any adjacent transposition of two different characters', () => {
  fc.assert(
    fc.property(validUscc, fc.nat(16), (code, pos) => {
      fc.pre(code[pos] !== code[pos + 1]);
      const swapped = code.slice(0, pos) + (code[pos + 1] ?? '') + (code[pos] ?? '') + code.slice(pos + 2);
      assert.equal(validateUscc(swapped).valid, false, swapped);
    }),
  );
});

it('reads back every amount it writes in words', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), (fen) => {
      assert.equal(fromWords(toWords(fen)), fen);
    }),
    { numRuns: 3000 },
  );
});
