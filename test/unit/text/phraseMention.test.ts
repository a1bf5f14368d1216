import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FILLERS } from '../../../src/core/rules/filler';
import { HEDGES } from '../../../src/core/rules/hedge';
import { BE } from '../../../src/core/rules/passive-action';
import { VAGUE } from '../../../src/core/rules/vague-result';
import { findPhrases, phraseMention, proseOf, wordsOf } from '../../../src/core/text/prose';

const LISTS: [string, readonly string[]][] = [
  ['filler', FILLERS],
  ['hedge', HEDGES],
  ['vague-result', VAGUE],
  ['passive-action', [...BE]],
];

/** A word as a writer may type it: any case, a curly apostrophe, the Kelvin sign for a k. */
const written = (word: string) =>
  fc.constantFrom(word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1), word.replace(/'/g, '’'), word.replace(/k/g, '\u212a'), word.replace(/i/g, 'İ'));

/** Source built of the list's words, markup and other words, in any order: phrases whole, split and broken by markup. */
function source(list: readonly string[]) {
  const words = [...new Set(list.flatMap((phrase) => phrase.split(' ')))];
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words).chain(written) },
    { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\n', '\r\n', '  ', '\n\n') },
    { weight: 2, arbitrary: fc.constantFrom('**', '_', '`', '<b>', '</b>', '<!-- x -->', '[', '](https://x.y)', '- ', '> ', '# ', '|', '&amp;', "'", '’', '-', '.', ',') },
    { weight: 1, arbitrary: fc.constantFrom('I', 'we', 'team', 'was', 'the', 'x2', 'é', '😀') },
  );
  return fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
}

describe('text: phraseMention', () => {
  for (const [rule, list] of LISTS) {
    it(`matches every source in whose prose ${rule}'s phrases are found (so skipping the rest loses no finding)`, () => {
      const mention = phraseMention(list);
      fc.assert(
        fc.property(source(list), (text) => {
          const prose = proseOf(text, 0, text.length);
          const found = findPhrases(prose, wordsOf(prose), list);
          if (found.length) assert.ok(mention.test(text), `${JSON.stringify(text)} holds ${found[0].phrase} but was not mentioned`);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('does not match a section without any of the words', () => {
    assert.equal(phraseMention(HEDGES).test('I moved the release a week and told the customer why.'), false);
    assert.equal(phraseMention(HEDGES).test('I THINK it **kind** of worked'), true);
    assert.equal(phraseMention(HEDGES).test('I’d say it worked'), true);
  });
});
