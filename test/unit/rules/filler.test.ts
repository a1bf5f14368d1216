import assert from 'node:assert/strict';
import { applyEdits, fixAllEdits } from '../../../src/core/lint/fixes';
import { lintText } from '../../../src/core/lint/runner';
import { lintFixture, readFixture } from './helpers';
import { assertExactPositions, fixedTexts, reported } from './prose-helpers';

const story = (action: string) => `# P\n\n## Q\n\n**Situation:** A.\n\n**Task:** B.\n\n**Action:** ${action}\n\n**Result:** 3 fewer outages.\n`;

describe('rule filler', () => {
  it('reports each filler on its word, as a hint', () => {
    const text = readFixture('filler', 'bad');
    assert.deepEqual(reported(text, 'filler'), ['basically', 'actually', 'really', 'Basically', 'very']);
    assert.ok(lintFixture('filler', 'bad').every((d) => d.severity === 'hint'));
  });

  it('leaves "very little", "the very first" and "not really" alone', () => {
    assert.deepEqual(lintFixture('filler', 'good'), []);
    assert.deepEqual(reported(story('I scaled it extremely and quite a lot changed; it was not really done and he wasn\'t very keen.'), 'filler'), []);
  });

  it('is exact for LF, CRLF, CR and a BOM, through bold and italics', () => {
    const text = story('I **basically** rewrote the _very_ slow\nloop and it was actually fine.');
    assert.deepEqual(reported(text, 'filler'), ['basically', 'very', 'actually']);
    assertExactPositions(text, 'filler');
  });

  it('fixes by deleting the word and the space after it, and nothing else', () => {
    const text = story('I basically rewrote it and it was actually fine.');
    assert.deepEqual(fixedTexts(text, 'filler'), [story('I rewrote it and it was actually fine.'), story('I basically rewrote it and it was fine.')]);
  });

  it('offers no fix where deleting would need a capital or punctuation to change', () => {
    const text = story('Basically, it broke. It was very, very slow. It was really.');
    const found = lintText(text).filter((d) => d.rule === 'filler');
    assert.deepEqual(found.map((d) => [text.slice(d.range.start.offset, d.range.end.offset), !!d.fix]), [['Basically', false], ['very', true], ['really', false]]);
  });

  it('fix all deletes every safe filler in one pass and leaves the rest of the text as it was', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = readFixture('filler', 'bad').replace(/\n/g, eol);
      const edits = fixAllEdits(lintText(text), 'filler');
      assert.equal(edits.length, 4);
      const out = applyEdits(text, edits);
      assert.deepEqual(reported(out, 'filler'), ['Basically']);
      assert.match(out, /I watched ten recorded sessions and I wanted to see/);
      assert.match(out, /the team was happy\./);
      // Only the fillers and their spaces went.
      assert.equal(text.length - out.length, 'basically '.length + 'actually '.length + 'really '.length + 'very '.length);
      assert.deepEqual(fixAllEdits(lintText(out), 'filler'), [], 'a second fix all has nothing left to do');
    }
  });
});
