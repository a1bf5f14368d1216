import assert from 'node:assert/strict';
import { lintFixture } from './helpers';

describe('rule too-long', () => {
  it('reports a story over three minutes at 150 words a minute, on its question', () => {
    const found = lintFixture('too-long', 'bad');
    assert.deepEqual(found.map((d) => d.line), [3]);
    assert.match(found[0].message, /about 4:15 to tell \(637 words at 150 words a minute\); aim for 3:00 or less/);
    assert.equal(found[0].severity, 'information');
  });

  it('follows maxSpeakingMinutes and wordsPerMinute', () => {
    assert.deepEqual(lintFixture('too-long', 'bad', { maxSpeakingMinutes: 5 }), []);
    assert.deepEqual(lintFixture('too-long', 'bad', { wordsPerMinute: 220 }), []);
    assert.equal(lintFixture('too-long', 'good', { maxSpeakingMinutes: 0.1 }).length, 1);
  });

  it('is quiet on a short story', () => {
    assert.deepEqual(lintFixture('too-long', 'good'), []);
  });
});
