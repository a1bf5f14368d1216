import assert from 'node:assert/strict';
import { findings, lintFixture } from './helpers';

describe('rule section-order', () => {
  it('reports only the section that breaks the order, and says where it belongs', () => {
    const found = lintFixture('section-order', 'bad');
    assert.deepEqual(found.map((d) => [d.line, d.kind]), [[5, 'result']]);
    assert.match(found[0].message, /Result is out of S-T-A-R order: move it after Action/);
  });

  it('is quiet on S-T-A-R-L order', () => {
    assert.deepEqual(lintFixture('section-order', 'good'), []);
  });

  it('reports a Task told after the Action', () => {
    const found = findings('## Q\n\n**Situation:** s\n\n**Action:** I a\n\n**Task:** t\n\n**Result:** 3 more\n', 'section-order');
    assert.equal(found.length, 1);
    assert.ok([5, 7].includes(found[0].line));
  });

  it('leaves a repeated section to duplicate-section', () => {
    assert.deepEqual(findings('## Q\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** I a\n\n**Action:** I b\n\n**Result:** 3\n', 'section-order'), []);
  });
});
