import * as assert from 'node:assert';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { parseBank } from '../../../src/core/parser';
import { FOLDED_ABOVE_STORIES, StoryTree, type QuestionNode, type TreeFileInput, type TreeNode, type TreeOptions } from '../../../src/core/tree/model';
import { applyBankPatch } from '../../../src/core/worker/patch';
import { createRequestHandler } from '../../../src/core/worker/handler';
import type { ParseResponse } from '../../../src/core/worker/protocol';
import { exampleFiles } from './fixtures';

const story = (title: string, result = 'Saved 10%.', principles = '') =>
  `## ${title}\n\n${principles}**Situation:** A.\n\n**Task:** B.\n\n**Action:** C.\n\n**Result:** ${result}\n`;

function file(uri: string, text: string): TreeFileInput {
  return { uri, path: uri.replace('file:///', ''), bank: parseBank(text, { fileName: uri }), text };
}

/** Everything the view shows of a tree, stories' parts included, in order. */
function shown(tree: StoryTree): string[] {
  const out: string[] = [];
  const walk = (node: TreeNode, depth: number) => {
    out.push(`${'  '.repeat(depth)}${node.id} | ${node.label} | ${node.description} | ${node.icon} | ${node.color} | ${node.contextValue} | ${node.expanded} | ${node.tooltip}`);
    node.children.forEach((c) => walk(c, depth + 1));
  };
  tree.roots.forEach((r) => walk(r, 0));
  return out;
}

describe('core/tree: rebuilding after an edit', () => {
  const options: TreeOptions = { catalog: AMAZON_PRINCIPLES, wordsPerMinute: 150 };
  const bank = () => [
    file('file:///b/ownership.md', `# Ownership\n\n${story('Tell me about a time you fixed what was not yours')}\n${story('Describe a shortcut you refused', 'It went fine.')}`),
    file('file:///b/frugality.md', `# Frugality\n\n${story('Describe a time you did more with less', 'Cut cost by 20%.', '**Principles:** Dive Deep\n\n')}`),
    file('file:///b/dive.md', `# Dive Deep\n\n${story('Tell me about a time you fixed what was not yours')}`),
    file('file:///b/empty.md', '# Earn Trust\n\nNo story yet.\n'),
  ];

  it('keeps the nodes of the files not read again, and makes new ones for the file that was', () => {
    const files = bank();
    const first = new StoryTree(files, options);
    const before = new Map(first.questions.map((q) => [q.id, q]));
    files[0] = file(files[0].uri, files[0].text!.replace('It went fine.', 'It went fine: 3 incidents fewer.'));
    const second = new StoryTree(files, { ...options, previous: first });
    // Every principle keeps its node, the changed file's too (the view then redraws that one alone).
    assert.deepStrictEqual(second.roots.map((r, i) => r === first.roots[i]), first.roots.map(() => true));
    for (const q of second.questions) {
      if (q.uri === files[0].uri) assert.notStrictEqual(before.get(q.id), q, q.id);
      else assert.strictEqual(before.get(q.id), q, q.id);
    }
    assert.strictEqual(second.questions.find((q) => q.label === 'Describe a shortcut you refused')?.status.summary, 'complete');
  });

  it('keeps the object of every root, the plan, the uncovered group and linked principles included', () => {
    const files = [
      ...bank(),
      // Names a principle no file holds (a node of its own) and one whose file has no story yet.
      file('file:///b/zz.md', `# Bias for Action\n\n${story('Describe a risk you took', 'Won 2 deals.', '**Principles:** Think Big, Earn Trust\n\n')}`),
    ];
    const plan = { rows: [{ principle: AMAZON_PRINCIPLES[0], stories: 0, finished: 0, missing: 2 }], minStories: 2, ready: 0 };
    const first = new StoryTree(files, { ...options, plan });
    assert.ok(first.roots.some((r) => r.kind === 'plan') && first.roots.some((r) => r.kind === 'uncovered'));
    assert.ok(first.principles.some((p) => p.linkedOnly) && first.principles.some((p) => p.label === 'Earn Trust' && !p.linkedOnly));
    files[0] = file(files[0].uri, files[0].text!.replace('It went fine.', 'It went fine: 3 incidents fewer.'));
    const second = new StoryTree(files, { ...options, plan, previous: first });
    assert.deepStrictEqual(second.roots.map((r) => r.id), first.roots.map((r) => r.id));
    for (const [i, root] of second.roots.entries()) assert.strictEqual(root, first.roots[i], root.id);
    for (const root of second.roots) for (const child of root.children) assert.strictEqual(child.parent, root, child.id);
  });

  it('does not measure again a story a typed edit only moved (its memo goes with it)', () => {
    const text = `# Ownership\n\n${story('Tell me about a time you fixed what was not yours')}\n${story('Describe a shortcut you refused', 'It went fine.')}`;
    const handle = createRequestHandler();
    const ask = (version: number, body: string, patchFrom?: number) =>
      handle({ type: 'parse', id: version, key: 'k', version, text: body, fileName: 'o.md', keep: true, ...(patchFrom ? { patchFrom } : {}) }) as ParseResponse;
    const bank = ask(1, text).bank;
    // The tree holds the reading when the edit arrives, as in the editor.
    const first = new StoryTree([{ uri: 'file:///o.md', path: 'o.md', bank, text }], options);
    const edited = text.replace('**Situation:** A.', '**Situation:** A, quickly.');
    const answer = ask(2, edited, 1);
    assert.ok(answer.patch, 'the edit came back as a patch');
    const patched = applyBankPatch(bank, answer.patch)!;
    const second = new StoryTree([{ uri: 'file:///o.md', path: 'o.md', bank: patched, text: edited }], { ...options, previous: first });
    const moved = second.questions[1];
    assert.notStrictEqual(moved.question, first.questions[1].question, 'the moved story is a new object');
    assert.strictEqual(moved.status, first.questions[1].status, 'its status is the one worked out before');
    assert.notStrictEqual(second.questions[0].status, first.questions[0].status, 'the edited story is measured again');
  });

  it('shows after any sequence of edits exactly what a tree built from nothing shows', () => {
    const files = bank();
    let tree = new StoryTree(files, options);
    const edits: ((f: TreeFileInput[]) => void)[] = [
      // The question of dive.md stops being a copy of the one in ownership.md: neither is reused any more.
      (f) => (f[2] = file(f[2].uri, f[2].text!.replace('fixed what was not yours', 'found a root cause'))),
      // And becomes one again.
      (f) => (f[2] = file(f[2].uri, f[2].text!.replace('found a root cause', 'fixed what was not yours'))),
      // Frugality's story names Earn Trust too: the empty principle file gets a linked story.
      (f) => (f[1] = file(f[1].uri, f[1].text!.replace('**Principles:** Dive Deep', '**Principles:** Dive Deep, Earn Trust'))),
      // A file leaves the bank.
      (f) => f.splice(2, 1),
      // Its principle comes back under another file.
      (f) => f.push(file('file:///b/zz.md', `# Dive Deep\n\n${story('Tell me about a time you fixed what was not yours', 'Nothing to count.')}`)),
    ];
    for (const edit of edits) {
      edit(files);
      const practised = files[0].bank.principles[0].questions[0];
      const practice: TreeOptions['practice'] = (q) => (q === practised ? { description: 'nailed today', tooltip: 'Practised once.' } : undefined);
      for (const sort of ['file', 'alphabetical'] as const) {
        tree = new StoryTree(files, { ...options, sort, practice, previous: tree });
        assert.deepStrictEqual(shown(tree), shown(new StoryTree(files, { ...options, sort, practice })));
      }
    }
    const copies = tree.questions.filter((q) => q.label === 'Tell me about a time you fixed what was not yours');
    assert.deepStrictEqual(copies.map((q) => [q.parent!.label, q.reusedIn]).sort(), [['Dive Deep', ['Ownership']], ['Ownership', ['Dive Deep']]]);
  });

  it('finds a story\'s part by its id, though parts are made only when asked for', () => {
    const tree = new StoryTree(exampleFiles(), options);
    const q = tree.questions[3] as QuestionNode;
    const ids = q.children.map((part) => part.id);
    assert.ok(ids.length >= 4);
    const again = new StoryTree(exampleFiles(), options);
    for (const id of ids) assert.strictEqual(again.get(id)?.id, id);
    assert.strictEqual(again.get(`${q.id}/no-such-part`), undefined);
    assert.strictEqual(again.get('question:nowhere/action'), undefined);
  });

  it('builds in steps that give the thread back every few hundred stories, to the same tree', () => {
    const stories = Array.from({ length: 2000 }, (_, i) => story(`Question number ${i}`, 'Saved 10%.', i % 3 ? '' : '**Principles:** Dive Deep\n\n')).join('\n');
    const files = [file('file:///b/a.md', `# Ownership\n\n${stories}`), file('file:///b/b.md', `# Dive Deep\n\n${story('Question number 7')}`)];
    const steps = StoryTree.steps(files, options);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // Each pass over the stories (making them, linking them) gives the thread back at least every 200.
    assert.ok(yields >= 2 * (2000 / 200), `${yields} steps`);
    assert.deepStrictEqual(shown(step.value), shown(new StoryTree(files, options)));
  });

  it(`folds the principles of a bank of more than ${FOLDED_ABOVE_STORIES} stories`, () => {
    const stories = (n: number, from: number) => Array.from({ length: n }, (_, i) => story(`Question number ${from + i}`)).join('\n');
    const a = file('file:///b/a.md', `# Ownership\n\n${stories(FOLDED_ABOVE_STORIES, 0)}`);
    const small = new StoryTree([a], options);
    assert.ok(small.principles.every((p) => p.expanded));
    const big = new StoryTree([a, file('file:///b/b.md', `# Frugality\n\n${stories(1, 9999)}`)], { ...options, previous: small });
    assert.strictEqual(big.principles[0], small.principles[0], 'the unchanged file keeps its node');
    assert.ok(big.principles.every((p) => !p.expanded));
    // Back under the limit, the kept principle opens again.
    const smaller = new StoryTree([a], { ...options, previous: big });
    assert.ok(smaller.principles.every((p) => p.expanded));
  });
});
