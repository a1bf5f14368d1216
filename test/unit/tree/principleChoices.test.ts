import * as assert from 'node:assert';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { principleChoices } from '../../../src/core/tree/principleChoices';
import { exampleFiles } from './fixtures';

describe('core/tree: New Principle File choices', () => {
  it('puts the principles without a file first, in catalog order, and the filed ones after', () => {
    const titles = exampleFiles().flatMap((f) => f.bank.principles.map((p) => p.title));
    const { uncovered, covered } = principleChoices(AMAZON_PRINCIPLES, titles);
    assert.deepStrictEqual(covered.map((p) => p.title), ['Customer Obsession', 'Ownership', 'Learn and Be Curious', 'Bias for Action', 'Dive Deep', 'Deliver Results']);
    assert.strictEqual(uncovered.length, 10);
    assert.strictEqual(uncovered[0].title, 'Invent and Simplify');
    assert.ok(uncovered.every((p) => p.definition.length > 0));
    const order = (title: string) => AMAZON_PRINCIPLES.findIndex((p) => p.title === title);
    assert.deepStrictEqual(uncovered.map((p) => order(p.title)), [...uncovered.map((p) => order(p.title))].sort((a, b) => a - b));
  });

  it('matches filed titles by alias and numbering, and ignores titles outside the catalog', () => {
    const { uncovered, covered } = principleChoices(AMAZON_PRINCIPLES, ['2. disagree & commit', 'Cooking', '', 'Ownership', 'ownership']);
    assert.deepStrictEqual(covered.map((p) => p.title), ['Ownership', 'Have Backbone; Disagree and Commit']);
    assert.strictEqual(uncovered.length, 14);
    assert.deepStrictEqual(principleChoices([], ['Ownership']), { uncovered: [], covered: [] });
  });
});
