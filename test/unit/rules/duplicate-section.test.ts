import assert from 'node:assert/strict';
import { lintFixture } from './helpers';

describe('rule duplicate-section', () => {
  it('reports the second Action on its label and names the first', () => {
    const found = lintFixture('duplicate-section', 'bad');
    assert.deepEqual(found.map((d) => [d.line, d.kind]), [[11, 'action']]);
    assert.match(found[0].message, /first on line 9/);
  });

  it('is quiet when each section appears once', () => {
    assert.deepEqual(lintFixture('duplicate-section', 'good'), []);
  });
});
