import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordIds } from '../../../src/core/lint/storyCopies';

/** The first way a story's words were hashed: lower case, split by the pattern, FNV-1a of each word. */
function reference(text: string): number[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    return h;
  });
}

const piece = fc.oneof(
  fc.constantFrom('I', 'We', 'LED', 'the', 'migration', '42', 'Q3', ' ', '\n', '-', "'", '.', '@', '[', '`', '{', 'Σ', 'ΟΔΟΣ', 'İ', 'é', 'e\u0301', 'Ünï', '😀', '中文'),
  fc.string({ maxLength: 5 }),
);

describe('lint: the words of a story for duplicate-story', () => {
  it('gives the ids the pattern gives, ASCII or not', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const ids: number[] = [];
        wordIds(text, ids);
        assert.deepEqual(ids, reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
