import assert from 'node:assert/strict';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { planCoverage } from '../../../src/core/plan/coverage';
import { DAY_MS, progressOf } from '../../../src/core/practice/schedule';
import { StoryTree, type PlanPrincipleNode } from '../../../src/core/tree/model';
import { practiceMark } from '../../../src/core/tree/practiceMark';
import { exampleFiles } from './fixtures';

const NOW = Date.UTC(2026, 11, 1, 12);

describe('tree: interview plan and practice marks', () => {
  it('shows the plan after the principles, each targeted principle with its finished stories, gaps flagged', () => {
    const files = exampleFiles();
    const tree = new StoryTree(files, { catalog: AMAZON_PRINCIPLES, plan: planCoverage(files.map((f) => f.bank), AMAZON_PRINCIPLES) });
    const plan = tree.roots.find((r) => r.kind === 'plan')!;
    assert.ok(plan, 'a plan node');
    assert.equal(tree.roots.indexOf(plan), tree.principles.length, 'right after the principles');
    assert.match(plan.description, /^\d+ of 16 ready · \d+ short$/);
    const rows = plan.children as PlanPrincipleNode[];
    assert.equal(rows.length, 16);
    const customer = rows.find((r) => r.label === 'Customer Obsession')!;
    assert.equal(customer.description, '2 finished of 2');
    assert.equal(customer.icon, 'pass');
    assert.ok(customer.target, 'a filed principle opens its file');
    const frugality = rows.find((r) => r.label === 'Frugality')!;
    assert.equal(frugality.description, 'no story · needs 2 more');
    assert.equal(frugality.icon, 'warning');
    assert.equal(frugality.target, undefined);
    assert.equal(tree.get('plan:frugality'), frugality);
  });

  it('has no plan node without targets, nor in an empty bank', () => {
    const files = exampleFiles();
    assert.ok(!new StoryTree(files, {}).roots.some((r) => r.kind === 'plan'));
    assert.ok(!new StoryTree([], { plan: planCoverage([], AMAZON_PRINCIPLES) }).roots.some((r) => r.kind === 'plan'));
  });

  it('says on each practised story when it was practised and how it went', () => {
    const files = exampleFiles();
    const first = files.flatMap((f) => f.bank.principles).flatMap((p) => p.questions)[0];
    const progress = progressOf([{ at: NOW - 3 * DAY_MS, outcome: 'nailed' }, { at: NOW - DAY_MS, outcome: 'shaky' }]);
    const tree = new StoryTree(files, { practice: (q) => (q === first ? practiceMark(progress, NOW) : undefined) });
    const marked = tree.questions.filter((q) => / · shaky yesterday$/.test(q.description));
    assert.equal(marked.length, 1);
    assert.equal(marked[0].question, first);
    assert.match(marked[0].tooltip, /Practised 2 times \(1 nailed, 1 shaky\); last yesterday: shaky\. Due now\./);
    assert.equal(practiceMark(progressOf([]), NOW), undefined);
    assert.equal(practiceMark(progressOf([{ at: NOW, outcome: 'skipped' }]), NOW), undefined, 'a skip is not a practice');
  });
});
