import assert from 'node:assert/strict';
import { findings, lintFixture } from './helpers';

describe('rule missing-section', () => {
  it('reports each missing section once, on the question, in every label style', () => {
    const found = lintFixture('missing-section', 'bad');
    assert.deepEqual(
      found.map((d) => [d.line, d.kind]),
      [
        [4, 'situation'],
        [22, 'result'],
        [41, 'action'],
        [49, 'situation'],
        [49, 'task'],
        [57, 'task'],
        [62, 'action'],
      ],
    );
    for (const d of found) assert.equal(d.severity, 'warning');
    assert.match(found[0].message, /^Missing Situation/);
  });

  it('is quiet on complete stories and on headings that hold no story', () => {
    assert.deepEqual(lintFixture('missing-section', 'good'), []);
  });

  it('reports on the first label when the story has no question text', () => {
    const [d] = findings('**Situation:** a\n\n**Action:** I did b\n\n**Result:** 3 more\n', 'missing-section');
    assert.equal(d.kind, 'task');
    assert.equal(d.line, 1);
  });

  it('leaves an empty <details> alone: a question still to answer is a to-do, not a story with four gaps', () => {
    const text = '# P\n\n<details>\n<summary><b>Tell me about a time.</b></summary>\n\n</details>\n\n## Q2\n\n**Situation:** Our build broke every Monday.\n\n**Action:** I fixed it.\n';
    const found = findings(text, 'missing-section');
    assert.deepEqual(found.map((d) => [d.line, d.kind]), [[8, 'task'], [8, 'result']]);
  });
});
