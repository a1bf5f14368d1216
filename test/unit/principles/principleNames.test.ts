import * as assert from 'node:assert';
import { completePrincipleNames } from '../../../src/core/complete/principleNames';

const TITLES = ['Customer Obsession', 'Ownership', 'Deliver Results', 'Earn Trust'];

describe('core/complete: principle names on a Principles line', () => {
  it('offers every title not yet listed, replacing the name being typed', () => {
    const line = '**Principles:** Ownership, Deli';
    const found = completePrincipleNames(line, line.length, TITLES)!;
    assert.deepStrictEqual(found.names, ['Customer Obsession', 'Deliver Results', 'Earn Trust']);
    assert.strictEqual(line.slice(found.start, found.end), 'Deli');
  });

  it('offers all titles right after the label, and after a comma', () => {
    assert.deepStrictEqual(completePrincipleNames('**Principles:** ', 16, TITLES)?.names, TITLES);
    const after = 'Principles: Earn Trust, ';
    assert.deepStrictEqual(completePrincipleNames(after, after.length, TITLES)?.names, ['Customer Obsession', 'Ownership', 'Deliver Results']);
  });

  it('works in the comment form while it is typed, and on a Tags line', () => {
    assert.ok(completePrincipleNames('<!-- principles: ', 17, TITLES));
    assert.ok(completePrincipleNames('Tags: #ownership ', 17, TITLES));
  });

  it('offers nothing elsewhere: on the label, in a section, in plain text', () => {
    assert.strictEqual(completePrincipleNames('**Principles:** Ownership', 3, TITLES), undefined);
    assert.strictEqual(completePrincipleNames('**Situation:** Our principles were', 30, TITLES), undefined);
    assert.strictEqual(completePrincipleNames('We talked about principles: none', 32, TITLES), undefined);
  });
});
