import assert from 'node:assert/strict';
import { lintFixture, readFixture } from './helpers';
import { assertExactPositions, reported } from './prose-helpers';

const story = (result: string, action = 'I scripted it.') => `# P\n\n## Q\n\n**Situation:** A.\n\n**Task:** B.\n\n**Action:** ${action}\n\n**Result:** ${result}\n`;

describe('rule vague-result', () => {
  it('reports vague words of the Result on the words', () => {
    assert.deepEqual(reported(readFixture('vague-result', 'bad'), 'vague-result'), ['significantly', 'helped improve', 'various']);
    assert.deepEqual(lintFixture('vague-result', 'bad').map((d) => [d.line, d.kind, d.severity]), [[11, 'result', 'information'], [11, 'result', 'information'], [11, 'result', 'information']]);
  });

  it('leaves a vague word alone when its sentence gives the number', () => {
    assert.deepEqual(lintFixture('vague-result', 'good'), []);
    assert.deepEqual(reported(story('Errors fell dramatically. Latency fell dramatically, from 2 s to 300 ms.'), 'vague-result'), ['dramatically']);
  });

  it('only reads the Result', () => {
    assert.deepEqual(reported(story('Costs fell 20%.', 'I significantly changed various things.'), 'vague-result'), []);
  });

  it('is exact for LF, CRLF, CR and a BOM', () => {
    const text = story('It <b>greatly</b> helped\nto reduce churn.');
    assert.deepEqual(reported(text, 'vague-result'), ['greatly', 'helped\nto reduce']);
    assertExactPositions(text, 'vague-result');
  });

  it('has no quick fix: only the writer knows the number', () => {
    assert.ok(lintFixture('vague-result', 'bad').every((d) => !d.fix));
  });
});
