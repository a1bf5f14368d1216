import * as assert from 'node:assert';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { parseBank } from '../../../src/core/parser';
import { principleLines, principleResolver, storyPrinciples } from '../../../src/core/storyPrinciples';
import { StoryTree, type QuestionNode } from '../../../src/core/tree/model';

const resolve = principleResolver(AMAZON_PRINCIPLES);

const OWNERSHIP = [
  '# Ownership',
  '',
  '## Tell me about a time you fixed something nobody owned',
  '',
  '**Principles:** Deliver Results, *Earn Trust*',
  '',
  '**Situation:** A nightly export had failed for a week.',
  '',
  '**Task:** Nobody owned it.',
  '',
  '**Action:** I read the logs and fixed the scheduler.',
  '',
  '**Result:** 60 nights in a row without a failure.',
  '',
].join('\n');

const DELIVER = ['# Deliver Results', '', '## Tell me about a deadline you met', '', '**Situation:** S.', '', '**Task:** T.', '', '**Action:** I did it.', '', '**Result:** 2 days early.', ''].join('\n');

const questionsOf = (text: string) => parseBank(text).principles.flatMap((p) => p.questions);

describe('core/storyPrinciples: the other principles a story answers', () => {
  it('reads a **Principles:** line, a Tags: line and an HTML comment before the first section, names at their exact offsets', () => {
    const text = OWNERSHIP.replace('**Principles:** Deliver Results, *Earn Trust*', '**Principles:** Deliver Results, *Earn Trust*\r\nTags: #dive-deep #backend\r\n<!-- principles: Bias for Action -->');
    const [q] = questionsOf(text);
    const lines = principleLines(text, q);
    assert.deepStrictEqual(lines.map((l) => l.form), ['principles', 'tags', 'comment']);
    assert.deepStrictEqual(lines.flatMap((l) => l.names.map((n) => text.slice(n.start, n.end))), ['Deliver Results', '*Earn Trust*', '#dive-deep', '#backend', 'Bias for Action']);
    // Unknown tags are not principles; known ones are resolved to their title.
    assert.deepStrictEqual(storyPrinciples(text, q, resolve, 'Ownership'), ['Deliver Results', 'Earn Trust', 'Dive Deep', 'Bias for Action']);
  });

  it('reads the other spellings of the label, and never the story\'s own principle', () => {
    for (const line of ['Principles: Ownership; Deliver Results', '**Leadership Principles**: Deliver Results', '- **LPs:** deliver results', 'Also answers: Deliver Results']) {
      const text = OWNERSHIP.replace('**Principles:** Deliver Results, *Earn Trust*', line);
      assert.deepStrictEqual(storyPrinciples(text, questionsOf(text)[0], resolve, 'Ownership'), ['Deliver Results'], line);
    }
  });

  it('ignores a Principles line inside a section: only the lines before the first section count', () => {
    const text = OWNERSHIP.replace('**Principles:** Deliver Results, *Earn Trust*\n\n', '').replace('fixed the scheduler.', 'fixed the scheduler.\nPrinciples: Deliver Results');
    assert.deepStrictEqual(storyPrinciples(text, questionsOf(text)[0], resolve), []);
  });

  it('reads the comment form inside a <details> story', () => {
    const text = '# Ownership\n\n<details>\n<summary><b>Q?</b></summary>\n<!-- principles: Customer Obsession -->\n<ul>\n<li><b>Situation: </b><br>- x</li>\n</ul>\n</details>\n';
    assert.deepStrictEqual(storyPrinciples(text, questionsOf(text)[0], resolve, 'Ownership'), ['Customer Obsession']);
  });
});

describe('core/tree: a story listed under each principle it names', () => {
  const files = [
    { uri: 'file:///bank/Ownership.md', path: 'Ownership.md', bank: parseBank(OWNERSHIP), text: OWNERSHIP },
    { uri: 'file:///bank/Deliver%20Results.md', path: 'Deliver Results.md', bank: parseBank(DELIVER), text: DELIVER },
  ];
  const tree = new StoryTree(files, { catalog: AMAZON_PRINCIPLES });

  it('lists the story under its own principle, under an existing one it names, and under a catalog one that had no file', () => {
    const byLabel = (label: string) => tree.principles.find((p) => p.label === label)!;
    assert.deepStrictEqual(byLabel('Ownership').children.map((q) => q.label), ['Tell me about a time you fixed something nobody owned']);
    const deliver = byLabel('Deliver Results').children as QuestionNode[];
    assert.deepStrictEqual(deliver.map((q) => [q.label, q.linkedFrom]), [
      ['Tell me about a deadline you met', undefined],
      ['Tell me about a time you fixed something nobody owned', 'Ownership'],
    ]);
    const trust = byLabel('Earn Trust');
    assert.ok(trust.linkedOnly);
    assert.strictEqual(trust.children.length, 1);
    assert.match(deliver[1].description, /from Ownership/);
    assert.match(byLabel('Ownership').children[0].description, /also for Deliver Results, Earn Trust/);
  });

  it('coverage: the named principles are covered and counted, the story itself is counted once', () => {
    const uncovered = tree.uncovered.map((c) => c.label);
    assert.ok(!uncovered.includes('Earn Trust') && !uncovered.includes('Deliver Results') && !uncovered.includes('Ownership'));
    assert.strictEqual(uncovered.length, AMAZON_PRINCIPLES.length - 3);
    assert.match(tree.principles.find((p) => p.label === 'Deliver Results')!.description, /^2 stories \(1 linked\)/);
    assert.strictEqual(tree.questions.length, 2);
    assert.strictEqual(tree.links.length, 2);
  });

  it('finds the story at a cursor in its own file only', () => {
    const offset = OWNERSHIP.indexOf('I read the logs');
    assert.strictEqual(tree.questionAt('file:///bank/Ownership.md', offset)?.parent?.label, 'Ownership');
    assert.strictEqual(tree.questionAt('file:///bank/Deliver%20Results.md', offset)?.linkedFrom, undefined);
  });

  it('without the text (older callers), nothing is linked', () => {
    const plain = new StoryTree(files.map(({ text: _text, ...f }) => f), { catalog: AMAZON_PRINCIPLES });
    assert.strictEqual(plain.links.length, 0);
  });
});

describe('core/render: the preview lists a story under each principle it names', () => {
  it('shows "Also for" on the story and "Also answered by" under the other principle', async () => {
    const { renderBank } = await import('../../../src/core/render/bank');
    const { principleLinks } = await import('../../../src/core/storyPrinciples');
    const files = [
      { uri: 'a', text: OWNERSHIP, bank: parseBank(OWNERSHIP) },
      { uri: 'b', text: DELIVER, bank: parseBank(DELIVER) },
    ];
    const { alsoFor, linkedTo } = principleLinks(files, AMAZON_PRINCIPLES);
    const own = renderBank(OWNERSHIP, files[0].bank, { alsoFor, linkedTo }).html;
    assert.match(own, /Also for Deliver Results, Earn Trust/);
    assert.doesNotMatch(own, /Also answered by/);
    const deliver = renderBank(DELIVER, files[1].bank, { alsoFor, linkedTo }).html;
    assert.match(deliver, /Also answered by<\/h2><ul><li class="linked-story"><span class="question">Tell me about a time you fixed something nobody owned<\/span> \(written under Ownership\)<\/li>/);
  });
});
