import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordsOf } from '../../../src/core/text/prose';

/** What a word is, as a pattern: the reference the scanner must agree with. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*/gu;

function reference(text: string, start: number): { value: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ value: m[0], start: start + m.index, end: start + m.index + m[0].length }));
}

const piece = fc.oneof(
  fc.constantFrom("'", '’', '-', '--', ' ', '\n', '.', ',', 'I', 'don', 't', "don't", 'follow-up', '24-7', '3', 'x2', 'Ünï', 'é', 'e\u0301', '😀', '𝐀', '\ud835', '\udc00', '中文', 'ß', 'İ', 'Ⅻ', '٣', '_', '@', '[', '`', '{'),
  fc.string({ maxLength: 4 }),
  fc.string({ maxLength: 4, unit: 'binary' }),
);

describe('text: wordsOf', () => {
  it('finds the words the pattern finds, at the same offsets, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(1000), (pieces, start) => {
        const text = pieces.join('');
        const found = wordsOf({ start, text }).map(({ value, start, end }) => ({ value, start, end }));
        assert.deepEqual(found, reference(text, start));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives each word in lower case with straight apostrophes', () => {
    assert.deepEqual(
      wordsOf({ start: 10, text: 'We DIDN’T re-run it' }).map((w) => [w.value, w.lower, w.start, w.end]),
      [
        ['We', 'we', 10, 12],
        ['DIDN’T', "didn't", 13, 19],
        ['re-run', 're-run', 20, 26],
        ['it', 'it', 27, 29],
      ],
    );
  });
});
