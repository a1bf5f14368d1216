import * as assert from 'node:assert';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { REUSED_NAMED, StoryTree, type QuestionNode, type TreeNode } from '../../../src/core/tree/model';
import { exampleFiles, fileInput } from './fixtures';

const STATUSES: Record<string, string> = {
  'Describe a situation where you had to deal with a difficult customer.': 'complete',
  'Describe a situation where you negotiated a win-win.': 'complete',
  'Tell me about a time you took on something outside your area of responsibility.': 'complete',
  'Describe a decision you made for the long term that cost you in the short term.': 'complete',
  'Tell me about a time you found the root cause of a hard problem': 'complete',
  'Give an example of when you used data to change a decision': 'no metric',
  'Tell me about a time you made a decision without all the information.': 'complete',
  'Describe a time you took a calculated risk.': 'complete',
  'Story 1 — Learning a new stack under a deadline': 'complete',
  'Story 2 — What I learned from a failed experiment': 'no Task · no metric',
  'Tell me about a time you delivered a project under a tight deadline.': 'no Task · no metric',
  'Describe a goal you did not reach.': 'empty Action',
  'Tell me about a time you had to push through a setback.': 'complete',
};

describe('core/tree: Story Bank model from the examples', () => {
  const tree = new StoryTree(exampleFiles(), { catalog: AMAZON_PRINCIPLES });

  it('lists 6 principles in file order and 13 questions', () => {
    assert.deepStrictEqual(
      tree.principles.map((p) => p.label),
      ['Ownership', 'Dive Deep', 'Deliver Results', 'Bias for Action', 'Learn and Be Curious', 'Customer Obsession'],
    );
    assert.strictEqual(tree.questions.length, 13);
    assert.deepStrictEqual(tree.principles.map((p) => p.storyCount), [2, 2, 3, 2, 2, 2]);
    assert.deepStrictEqual(new Set(tree.questions.map((q) => q.label)), new Set(Object.keys(STATUSES)));
  });

  it('keeps each file\'s question order', () => {
    const deliver = tree.principles.find((p) => p.label === 'Deliver Results')!;
    assert.deepStrictEqual(deliver.children.map((q) => q.label), [
      'Tell me about a time you delivered a project under a tight deadline.',
      'Describe a goal you did not reach.',
      'Tell me about a time you had to push through a setback.',
    ]);
  });

  it('gives every question the status the examples imply, by icon colour and text', () => {
    for (const q of tree.questions) {
      assert.strictEqual(q.status.summary, STATUSES[q.label], q.label);
      // Incomplete stories are warnings in the Problems panel, so the tree shows them as warnings, never as errors.
      assert.strictEqual(q.color, q.status.summary === 'complete' ? 'testing.iconPassed' : 'list.warningForeground', q.label);
      assert.strictEqual(q.icon, q.status.summary === 'complete' ? 'pass' : 'warning', q.label);
      if (q.status.level !== 'complete') assert.ok(q.description.includes(q.status.summary), q.description);
    }
    const dataQuestion = tree.questions.find((q) => q.label.startsWith('Give an example'))!;
    assert.match(dataQuestion.tooltip, /no number/);
  });

  it('never shows an incomplete story or part in the error colour (the diagnostics are warnings)', () => {
    const all: TreeNode[] = [];
    const walk = (n: TreeNode) => {
      all.push(n);
      n.children.forEach(walk);
    };
    tree.roots.forEach(walk);
    assert.ok(all.some((n) => n.kind === 'missingSection'));
    for (const n of all) {
      assert.notStrictEqual(n.color, 'list.errorForeground', n.id);
      assert.notStrictEqual(n.icon, 'error', n.id);
    }
    const deadline = tree.questions.find((q) => q.label.startsWith('Tell me about a time you delivered'))!;
    assert.match(deadline.tooltip, /^\$\(warning\) No Task\. The Result has no number/m);
  });

  it('describes questions with words and speaking time at the chosen pace', () => {
    const seed = tree.principles.find((p) => p.label === 'Customer Obsession')!;
    const first = seed.children[0] as QuestionNode;
    assert.strictEqual(first.status.words, 248);
    assert.strictEqual(first.description, '248 words · 1:39');
    const slow = new StoryTree(exampleFiles(), { wordsPerMinute: 100 });
    const again = slow.questions.find((q) => q.label === first.label)!;
    assert.strictEqual(again.description, '248 words · 2:29');
  });

  it('describes principles by their story count and what is left to finish', () => {
    const byLabel = (l: string) => tree.principles.find((p) => p.label === l)!;
    assert.strictEqual(byLabel('Customer Obsession').description, '2 stories');
    assert.strictEqual(byLabel('Deliver Results').description, '3 stories · 2 to finish');
    assert.match(byLabel('Customer Obsession').tooltip, /Leaders start with the customer/);
    assert.strictEqual(byLabel('Customer Obsession').icon, 'star-full');
  });

  it('lists sections in order, marking missing and empty ones', () => {
    const deadline = tree.questions.find((q) => q.label.startsWith('Tell me about a time you delivered'))!;
    assert.deepStrictEqual(deadline.children.map((s) => `${s.label}:${s.description}`), [
      'Situation:10 words · 0:04',
      'Task:missing',
      'Action:21 words · 0:08',
      'Result:14 words · 0:06 · no metric',
    ]);
    const goal = tree.questions.find((q) => q.label === 'Describe a goal you did not reach.')!;
    const action = goal.children[2];
    assert.strictEqual(action.description, 'empty');
    assert.strictEqual(action.color, 'list.warningForeground');
    assert.strictEqual(deadline.children[1].color, 'list.warningForeground');
    assert.strictEqual(deadline.children[3].color, 'list.warningForeground');
    const learn = tree.questions.find((q) => q.label.startsWith('Story 1'))!;
    assert.deepStrictEqual(learn.children.map((s) => s.label), ['Situation (Context)', 'Task (Goal)', 'Action (Approach)', 'Result (Outcome)', 'Learning (Learnings)']);
  });

  it('lists catalog principles without a story under "Not covered yet"', () => {
    const group = tree.roots[tree.roots.length - 1];
    assert.strictEqual(group.kind, 'uncovered');
    assert.strictEqual(group.label, 'Not covered yet');
    assert.strictEqual(group.description, '10 of 16');
    assert.strictEqual(group.children.length, 10);
    assert.ok(group.children.every((c) => c.kind === 'catalogPrinciple' && c.parent === group));
    assert.ok(group.children.some((c) => c.label === 'Invent and Simplify'));
    assert.ok(!group.children.some((c) => c.label === 'Dive Deep'));
    assert.strictEqual(tree.roots.length, 7);
  });

  it('shows no catalog node with the catalog "none" and a custom list otherwise', () => {
    const none = new StoryTree(exampleFiles(), { catalog: [] });
    assert.strictEqual(none.roots.length, 6);
    assert.strictEqual(none.uncovered.length, 0);
    const custom = new StoryTree(exampleFiles(), { catalog: [{ title: 'Dive deep', definition: '' }, { title: 'Kindness', definition: 'Be kind.' }] });
    assert.deepStrictEqual(custom.uncovered.map((c) => c.label), ['Kindness']);
    assert.ok(custom.principles.find((p) => p.label === 'Dive Deep')!.catalog);
    assert.strictEqual(custom.principles.find((p) => p.label === 'Ownership')!.icon, 'bookmark');
  });

  it('links an uncovered catalog principle to its file when the file has no story yet', () => {
    const files = [...exampleFiles(), fileInput('file:///Think Big.md', '# Think Big\n## 1. Definition\nBold.\n\n## 2. Sample questions\n')];
    const t = new StoryTree(files, { catalog: AMAZON_PRINCIPLES });
    const thinkBig = t.uncovered.find((c) => c.label === 'Think Big')!;
    assert.strictEqual(thinkBig.uri, 'file:///Think Big.md');
    assert.strictEqual(thinkBig.contextValue, 'catalogPrinciple.file');
    assert.strictEqual(t.principles.length, 6, 'a principle without a story is not listed as covered');
  });

  it('is empty without any story, so the welcome view shows', () => {
    const t = new StoryTree([fileInput('file:///README.md', '# Notes\n\nNothing here.\n')], { catalog: AMAZON_PRINCIPLES });
    assert.ok(t.isEmpty);
    assert.deepStrictEqual(t.roots, []);
  });

  it('sorts principles and questions A–Z on request, sections never', () => {
    const az = new StoryTree(exampleFiles(), { catalog: AMAZON_PRINCIPLES, sort: 'alphabetical' });
    assert.deepStrictEqual(az.principles.map((p) => p.label), ['Bias for Action', 'Customer Obsession', 'Deliver Results', 'Dive Deep', 'Learn and Be Curious', 'Ownership']);
    const deliver = az.principles.find((p) => p.label === 'Deliver Results')!;
    assert.deepStrictEqual(deliver.children.map((q) => q.label), [
      'Describe a goal you did not reach.',
      'Tell me about a time you delivered a project under a tight deadline.',
      'Tell me about a time you had to push through a setback.',
    ]);
    assert.deepStrictEqual(deliver.children[0].children.map((s) => s.label), ['Situation', 'Task', 'Action', 'Result']);
    const uncovered = az.roots[az.roots.length - 1].children.map((c) => c.label);
    assert.deepStrictEqual(uncovered, [...uncovered].sort((a, b) => a.localeCompare(b)));
  });

  it('marks a question filed under several principles as reused', () => {
    const text = '# Frugality\n\n## Describe a situation where you negotiated a WIN-WIN\n\n**Situation:** A.\n\n**Task:** B.\n\n**Action:** C.\n\n**Result:** Saved 10%.\n';
    const t = new StoryTree([...exampleFiles(), fileInput('file:///z/Frugality.md', text)], { catalog: AMAZON_PRINCIPLES });
    const reused = t.questions.filter((q) => q.reusedIn.length > 0);
    assert.deepStrictEqual(reused.map((q) => q.parent!.label).sort(), ['Customer Obsession', 'Frugality']);
    const inSeed = reused.find((q) => q.parent!.label === 'Customer Obsession')!;
    assert.deepStrictEqual(inSeed.reusedIn, ['Frugality']);
    assert.strictEqual(inSeed.icon, 'references');
    assert.strictEqual(inSeed.contextValue, 'question.reused');
    assert.match(inSeed.description, /also in Frugality/);
    assert.match(inSeed.tooltip, /Reused/);
    assert.strictEqual(t.questions.filter((q) => q.reusedIn.length).length, 2);
  });

  it('names the first few of many principles that file the same question, and counts the rest', () => {
    const story = '## Tell me about a time you shipped under pressure\n\n**Situation:** A.\n\n**Task:** B.\n\n**Action:** C.\n\n**Result:** Saved 10%.\n';
    const files = Array.from({ length: 40 }, (_, i) => fileInput(`file:///z/p${i}.md`, `# Principle ${i}\n\n${story}`));
    const t = new StoryTree(files, {});
    assert.strictEqual(t.questions.length, 40);
    for (const [i, q] of t.questions.entries()) {
      assert.strictEqual(q.reusedCount, 39);
      assert.deepStrictEqual(q.reusedIn, [0, 1, 2, 3, 4, 5].filter((n) => n !== i).slice(0, REUSED_NAMED).map((n) => `Principle ${n}`));
      assert.match(q.description, /also in Principle \d+, Principle \d+, Principle \d+, Principle \d+, Principle \d+ and 34 more/);
      assert.match(q.tooltip, /Reused: also filed under .* and 34 more\./);
    }
    // Two principles of the same title count as two: each copy names the other's title.
    const twins = new StoryTree([fileInput('file:///z/a.md', `# Dive Deep\n\n${story}`), fileInput('file:///z/b.md', `# Dive Deep\n\n${story}`)], {});
    for (const q of twins.questions) {
      assert.deepStrictEqual(q.reusedIn, ['Dive Deep']);
      assert.strictEqual(q.reusedCount, 1);
    }
  });

  it('gives unique ids, parents and click targets to every node', () => {
    const ids = new Set<string>();
    const visit = (node: TreeNode, parent: TreeNode | undefined) => {
      assert.ok(!ids.has(node.id), `duplicate id ${node.id}`);
      ids.add(node.id);
      assert.strictEqual(node.parent, parent);
      assert.strictEqual(tree.get(node.id), node);
      if (node.kind === 'question' || node.kind === 'section' || node.kind === 'principle') assert.ok(node.target, node.id);
      node.children.forEach((c) => visit(c, node));
    };
    tree.roots.forEach((r) => visit(r, undefined));
    const q = tree.questions[0];
    assert.deepStrictEqual(q.target!.selection, q.question.titleRange);
  });

  it('finds the node under an offset of a file', () => {
    const seed = tree.principles.find((p) => p.label === 'Customer Obsession')!;
    const second = seed.children[1] as QuestionNode;
    const action = second.question.sections[2];
    assert.strictEqual(tree.find(seed.uri, action.range.start.offset + 3)?.label, 'Action');
    assert.strictEqual(tree.questionAt(seed.uri, action.range.start.offset + 3), second);
    assert.strictEqual(tree.find(seed.uri, 0), seed);
    assert.strictEqual(tree.find('file:///nowhere.md', 0), undefined);
  });

  it('survives odd input: no title, duplicate titles, huge text, junk', () => {
    const junk = '\uFEFF\u0000\u0001<details><summary>**S:**\r\n'.repeat(200) + '# \n\n## \n\n**Situation:**\n\n**Result:**\n';
    const t = new StoryTree(
      [fileInput('file:///a.md', junk), fileInput('file:///b.md', '# X\n\n## Q\n\n**Situation:** a\n\n## Q\n\n**Situation:** b\n')],
      { catalog: AMAZON_PRINCIPLES },
    );
    const ids = t.questions.map((q) => q.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.ok(t.questions.every((q) => q.label.length > 0));
  });
});
