import * as assert from 'node:assert';
import { lengthLabel, starMarks, storyStatus } from '../../../src/core/tree/status';
import { parseBank } from '../../../src/core/parser';

function statusOf(result: string) {
  const text = `# P\n\n## Q\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** a\n\n**Result:** ${result}\n`;
  return storyStatus(parseBank(text).principles[0].questions[0]).summary;
}

describe('core/tree: story status', () => {
  for (const text of ['Led to a 19% improvement', 'Saved $2M a year', 'It ran 3x faster', 'Down to 4 minutes', 'We finished three weeks late', 'a dozen customers came back', 'twice as fast', 'The bill was halved', 'two new engineers joined']) {
    it(`reads "${text}" as quantified`, () => assert.strictEqual(statusOf(text), 'complete'));
  }
  for (const text of ['The customer went live on the new date and was happy with the release', 'We kept the export, which kept those customers on board.', 'The experiment was inconclusive and we rolled it back.', 'one of the customers called', 'no one complained', '']) {
    it(`reads "${text}" as not quantified`, () => assert.strictEqual(statusOf(text), text ? 'no metric' : 'empty Result'));
  }

  it('reports S/T/A/R marks, words and time', () => {
    const q = parseBank('# P\n\n## Q\n\n**Situation:** one two three\n\n**Action:** four five\n\n**Result:** up 5%\n').principles[0].questions[0];
    const status = storyStatus(q, 150);
    assert.strictEqual(starMarks(status), '✓✗✓✓');
    assert.strictEqual(status.summary, 'no Task');
    assert.strictEqual(status.level, 'error');
    assert.strictEqual(status.words, 7);
    assert.strictEqual(lengthLabel(212), '212 words · 1:25');
    assert.strictEqual(lengthLabel(1), '1 word · 0:00');
  });

  it('marks an empty part apart from a missing one', () => {
    const q = parseBank('# P\n\n## Q\n\n**Situation:** one\n\n**Action:**\n\n**Result:** up 5%\n').principles[0].questions[0];
    assert.strictEqual(starMarks(storyStatus(q)), '✓✗∅✓');
  });
});
