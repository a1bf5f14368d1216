import assert from 'node:assert/strict';
import { lintFixture } from './helpers';
import { assertExactPositions, reported } from './prose-helpers';
import { readFixture } from './helpers';

const story = (situation: string, action = 'I rolled it back.', result = 'We lost 0 orders.') =>
  `# P\n\n## Q\n\n**Situation:** ${situation}\n\n**Task:** Fix it.\n\n**Action:** ${action}\n\n**Result:** ${result}\n`;

describe('rule hedge', () => {
  it('reports each hedge on its words, in every section', () => {
    const found = lintFixture('hedge', 'bad');
    assert.deepEqual(found.map((d) => [d.line, d.severity]), [[5, 'information'], [5, 'information'], [7, 'information']]);
    assert.deepEqual(reported(readFixture('hedge', 'bad'), 'hedge'), ['I think', 'maybe', 'kind of']);
    assert.match(found[0].message, /Hedge "I think"/);
  });

  it('leaves "this kind of" and a guess about what did not happen alone', () => {
    assert.deepEqual(lintFixture('hedge', 'good'), []);
    assert.deepEqual(reported(story('What kind of outage was it? A sort of tool we had never used broke. I tried to learn three languages at once.'), 'hedge'), []);
    assert.deepEqual(reported(story('It was kind of slow and we sort of knew.'), 'hedge'), ['kind of', 'sort of']);
  });

  it('finds hedges through markup and across a line break, at their exact place for LF, CRLF, CR and a BOM', () => {
    const text = story('It *probably* broke, and I\nthink the **cache** was [maybe](http://x.example/maybe) stale.');
    assert.deepEqual(reported(text, 'hedge'), ['probably', 'I\nthink', 'maybe']);
    assertExactPositions(text, 'hedge');
  });

  it('never reports words inside code, HTML comments, tags or link targets', () => {
    assert.deepEqual(reported(story('It broke: `maybe_retry()` <!-- I think --> <span title="perhaps">ok</span> [docs](https://x.example/perhaps).'), 'hedge'), []);
  });

  it('has no quick fix that deletes words: cutting a hedge changes what the sentence claims', () => {
    assert.ok(lintFixture('hedge', 'bad').every((d) => !d.fix));
  });

  it('is switched off by a disable comment', () => {
    const text = `<!-- star-answers-disable-next-story hedge -->\n${readFixture('hedge', 'bad').replace(/^# Earn Trust\n\n/, '')}`;
    assert.deepEqual(reported(text, 'hedge'), []);
  });
});
