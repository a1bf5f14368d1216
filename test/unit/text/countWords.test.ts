import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countWords } from '../../../src/core/text/words';

/** What a counted word is, as a pattern: the reference the counter must agree with. */
const COUNTED_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,%$€£\-]*/gu;

const piece = fc.oneof(
  fc.constantFrom("'", '’', '-', '.', ',', '%', '$', '€', '£', ' ', '\n', '\t', 'I', 'we', '3.5', '$40', '40%', 'e\u0301', '\u0301', 'Ünï', '😀', '𝐀', '\ud835', '\udc00', '中文', '٣', '_', '@', '[', '`', '{', '/'),
  fc.string({ maxLength: 4 }),
  fc.string({ maxLength: 4, unit: 'binary' }),
);

describe('text: countWords', () => {
  it('counts what the pattern matches, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(countWords(text), [...text.matchAll(COUNTED_WORD)].length, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a number, an amount and a contraction as one word each', () => {
    assert.equal(countWords("We didn't cut costs by 40% ($1.2m), e.g. in Q3."), 10);
  });
});
