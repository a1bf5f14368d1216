import assert from 'node:assert/strict';
import { lintFixture } from './helpers';

describe('rule empty-section', () => {
  it('reports an empty bold label and an empty HTML item, on the label', () => {
    const found = lintFixture('empty-section', 'bad');
    assert.deepEqual(found.map((d) => [d.line, d.kind]), [[9, 'action'], [29, 'result']]);
    assert.equal(found[1].range.start.character, 8);
    assert.match(found[0].message, /Action is empty/);
  });

  it('is quiet when every section has words', () => {
    assert.deepEqual(lintFixture('empty-section', 'good'), []);
  });
});
