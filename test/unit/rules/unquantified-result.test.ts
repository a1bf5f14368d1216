import assert from 'node:assert/strict';
import { isQuantified } from '../../../src/core/lint/quantity';
import { findings, lintFixture } from './helpers';

describe('rule unquantified-result', () => {
  it('reports results without a measure, on the Result, also with digits only in names or years', () => {
    const found = lintFixture('unquantified-result', 'bad');
    assert.deepEqual(found.map((d) => d.line), [11, 21, 31]);
    assert.equal(found[0].range.start.line, found[0].range.end.line);
    assert.ok(found[0].range.end.character > 60, 'covers the Result up to its last word');
  });

  it('accepts digits with units or symbols, number words with a unit, comparisons and fractions', () => {
    assert.deepEqual(lintFixture('unquantified-result', 'good'), []);
  });

  const quantified = ['Led to a 19% improvement', 'saved $2M', 'ran 3x faster', 'took 4 minutes', '1,200 users moved', 'three weeks early', 'twice as fast', 'half the cost', 'doubled revenue', 'cut the bill in half', 'three times faster', 'zero incidents', 'by 2 orders of magnitude', '€300k saved', 'two new customers signed', 'zero customer-facing errors', 'zero recurrence since', 'no downtime across releases', 'not a single rollback', 'done within a month', 'landed with no injuries'];
  const unquantified = ['The customer was happy', 'We kept the export', 'in Q3 we launched', 'moved to EC2', 'in 2023 it was done', 'one of the team', 'I learned a lot', 'three of our largest customers stayed', '', 'No one noticed', 'There was no problem', 'shipped v2.1 of the app', 'I arrived at 3am', 'one time I aimed too high', '[Outcome - 2-3 sentences with metrics]'];
  for (const text of quantified) it(`counts "${text}" as measurable`, () => assert.equal(isQuantified(text), true));
  for (const text of unquantified) it(`does not count "${text}"`, () => assert.equal(isQuantified(text), false));

  it('leaves an empty Result to empty-section', () => {
    assert.deepEqual(findings('## Q\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** I did it\n\n**Result:**\n', 'unquantified-result'), []);
  });
});
