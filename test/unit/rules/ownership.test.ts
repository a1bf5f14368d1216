import assert from 'node:assert/strict';
import { countSubjects } from '../../../src/core/lint/subjects';
import { lintFixture } from './helpers';

describe('rule ownership', () => {
  it('reports an Action told as "we", on the Action', () => {
    const found = lintFixture('ownership', 'bad');
    assert.deepEqual(found.map((d) => [d.line, d.kind]), [[9, 'action']]);
    assert.match(found[0].message, /"we" 3 times and "I" 1 time/);
  });

  it('does not count possessives ("our team") as subjects', () => {
    assert.deepEqual(lintFixture('ownership', 'good'), []);
  });

  it('counts subjects, with contractions, not possessives or objects', () => {
    assert.deepEqual(countSubjects("We're done; we've shipped. I'm proud, I've learned, I did it."), { i: 3, we: 2 });
    assert.deepEqual(countSubjects('our team, our IT department, us, my plan, ours'), { i: 0, we: 0 });
    assert.deepEqual(countSubjects('part i. then Iceland, Wednesday, weird'), { i: 0, we: 0 });
  });
});
