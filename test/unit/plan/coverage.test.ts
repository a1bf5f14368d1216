import assert from 'node:assert/strict';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { parseBank } from '../../../src/core/parser';
import { coverageLabel, planCoverage, targetPrinciples } from '../../../src/core/plan/coverage';
import { exampleFiles } from '../tree/fixtures';

describe('interview plan coverage', () => {
  it('targets the whole catalog by default: the 16 Leadership Principles', () => {
    assert.equal(targetPrinciples([], AMAZON_PRINCIPLES).length, 16);
    assert.equal(targetPrinciples(undefined, AMAZON_PRINCIPLES).length, 16);
  });

  it('targets the principles named in the setting, with the catalog\'s definitions, once each', () => {
    const targets = targetPrinciples(['dive deep', 'Dive Deep', 'Disagree and Commit', 'Team Player', '', 3], []);
    assert.deepEqual(targets.map((t) => t.title), ['Dive Deep', 'Have Backbone; Disagree and Commit', 'Team Player']);
    assert.ok(targets[0].definition.startsWith('Leaders operate'));
    assert.equal(targets[2].definition, '');
  });

  it('counts finished stories per principle over the examples and flags fewer than two', () => {
    const coverage = planCoverage(exampleFiles().map((f) => f.bank), AMAZON_PRINCIPLES);
    const row = (title: string) => coverage.rows.find((r) => r.principle.title === title)!;
    assert.equal(coverage.rows.length, 16);
    assert.deepEqual([row('Customer Obsession').stories, row('Customer Obsession').finished, row('Customer Obsession').missing], [2, 2, 0]);
    assert.equal(row('Frugality').stories, 0);
    assert.equal(row('Frugality').missing, 2);
    assert.equal(coverageLabel(row('Frugality')), 'no story · needs 2 more');
    assert.equal(coverage.ready, coverage.rows.filter((r) => r.finished >= 2).length);
    assert.ok(coverage.ready < 16);
  });

  it('counts only finished stories, and reads the minimum from the setting', () => {
    const bank = parseBank('# Ownership\n\n**Question:** A?\n\n**Situation:** S.\n**Task:** T.\n**Action:** I.\n**Result:** 3x.\n\n**Question:** B?\n\n**Situation:** S.\n**Action:** I.\n**Result:** 3x.\n', { fileName: 'o.md' });
    const [row] = planCoverage([bank], targetPrinciples(['Ownership'], AMAZON_PRINCIPLES)).rows;
    assert.deepEqual([row.stories, row.finished, row.missing], [2, 1, 1]);
    assert.equal(coverageLabel(row), '1 finished of 2 · needs 1 more');
    assert.equal(planCoverage([bank], targetPrinciples(['Ownership'], []), 1).rows[0].missing, 0);
    assert.equal(planCoverage([bank], targetPrinciples(['Ownership'], []), Number.NaN).minStories, 2);
  });
});
