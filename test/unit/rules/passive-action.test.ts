import assert from 'node:assert/strict';
import { lintFixture, readFixture } from './helpers';
import { assertExactPositions, reported } from './prose-helpers';

const story = (action: string) => `# P\n\n## Q\n\n**Situation:** A.\n\n**Task:** B.\n\n**Action:** ${action}\n\n**Result:** The bug was fixed in 2 days.\n`;

describe('rule passive-action', () => {
  it('reports a passive without its actor in the Action, on the verb', () => {
    assert.deepEqual(reported(readFixture('passive-action', 'bad'), 'passive-action'), ['were reviewed', 'was quickly fixed', 'was added']);
    assert.ok(lintFixture('passive-action', 'bad').every((d) => d.kind === 'action' && d.severity === 'information'));
  });

  it('leaves passives with an actor, about the writer, reported or describing a state alone', () => {
    assert.deepEqual(lintFixture('passive-action', 'good'), []);
    assert.deepEqual(
      reported(story('I was asked to lead. It was decided by the CTO. I found the cache was corrupted. The config is structured badly. It could be shared. It had been changed. The damage was done.'), 'passive-action'),
      [],
    );
  });

  it('counts "has been" and irregular participles, not "by Friday" as an actor', () => {
    assert.deepEqual(reported(story('The fix has been written. The plan was made by Friday.'), 'passive-action'), ['been written', 'was made']);
  });

  it('only reads the Action', () => {
    assert.deepEqual(reported(story('I fixed it.'), 'passive-action'), []);
  });

  it('is exact for LF, CRLF, CR and a BOM', () => {
    const text = story('- The alert was\n  silenced and the job *was restarted*.');
    assert.deepEqual(reported(text, 'passive-action'), ['was\n  silenced', 'was restarted']);
    assertExactPositions(text, 'passive-action');
  });
});
