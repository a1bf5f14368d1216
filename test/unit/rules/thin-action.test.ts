import assert from 'node:assert/strict';
import { findings, lintFixture } from './helpers';

describe('rule thin-action', () => {
  it('reports an Action under 30% of the story, on its label', () => {
    const found = lintFixture('thin-action', 'bad');
    assert.deepEqual(found.map((d) => [d.line, d.kind]), [[9, 'action']]);
    assert.match(found[0].message, /Action is 7% of the story \(7 of 98 words\)/);
  });

  it('follows minActionPercent', () => {
    assert.deepEqual(lintFixture('thin-action', 'bad', { minActionPercent: 5 }), []);
    assert.equal(lintFixture('thin-action', 'good', { minActionPercent: 90 }).length, 1);
  });

  it('is quiet when the Action carries the story', () => {
    assert.deepEqual(lintFixture('thin-action', 'good'), []);
  });

  it('leaves missing and empty Actions to the other rules, and does not count the Learning', () => {
    assert.deepEqual(findings('## Q\n\n**Situation:** a b c d\n\n**Task:** e f\n\n**Action:**\n\n**Result:** 3 more\n', 'thin-action'), []);
    const withLearning = '## Q\n\n**Situation:** a b c\n\n**Task:** d e f\n\n**Action:** I did g h\n\n**Result:** 3 more\n\n**Learning:** one two three four five six seven eight nine ten\n';
    assert.deepEqual(findings(withLearning, 'thin-action'), []);
  });
});
