import * as assert from 'node:assert';
import { completeSections } from '../../../src/core/complete';
import { parseBank } from '../../../src/core/parser';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { accept, example, stories } from './helpers';

const FILES = [
  ['seed', 'Customer Obsession.md'],
  ['formats', 'bold-labels.md'],
  ['formats', 'headings.md'],
  ['formats', 'incomplete.md'],
  ['formats', 'list-labels.md'],
  ['formats', 'starl-and-synonyms.md'],
];

/**
 * Every place of the example bank where the writer may open a line: each existing line, and a new line
 * after each line (indented like it, as the editor does on Enter). Wherever a section is offered, accepting
 * it must give the same stories, the one at the cursor gaining that section with the words typed in it.
 */
describe('completeSections over the example bank', () => {
  for (const segments of FILES) {
    it(segments.join('/'), () => {
      const original = example(...segments);
      const expectedStories = stories(original).length;
      const lines = original.split('\n');
      let offered = 0;
      for (let l = 0; l < lines.length; l++) {
        const indent = /^[ \t]*/.exec(lines[l])![0];
        const variants = [
          lines.slice(0, l).join('\n').length + (l > 0 ? 1 : 0) + lines[l].length, // end of line l as it is
          -1,
        ];
        for (const variant of variants) {
          const text = variant >= 0 ? original : [...lines.slice(0, l + 1), indent, ...lines.slice(l + 1)].join('\n');
          const offset = variant >= 0 ? variant : lines.slice(0, l + 1).join('\n').length + 1 + indent.length;
          const index = new LineIndex(text);
          const result = completeSections(text, parseBank(text, { lines: index }), offset, index);
          if (!result) continue;
          for (const item of result.items) {
            offered++;
            const after = accept(text, result, item, 'xyzzy words');
            const all = stories(after);
            const where = `${segments.join('/')} line ${l + 1}${variant >= 0 ? '' : ' (new line)'}, ${item.name}`;
            assert.strictEqual(all.length, expectedStories, `${where}: same number of stories`);
            const story = all.filter((q) => q.range.start.offset <= result.replace.start.offset).at(-1);
            assert.ok(story, `${where}: a story before the cursor`);
            assert.strictEqual(story.title, result.question.title, `${where}: the same story`);
            const added = story.sections.filter((s) => s.kind === item.kind);
            assert.strictEqual(added.length, 1, `${where}: one ${item.name} in ${story.sections.map((s) => s.kind)}`);
            assert.ok(added[0].text.replace(/^-\s*/, '').startsWith('xyzzy words'), `${where}: the typed words start the section: ${JSON.stringify(added[0].text)}`);
            assert.strictEqual(added[0].label, item.label, `${where}: label`);
            if (item.inOrder) {
              const order = story.sections.map((s) => ['situation', 'task', 'action', 'result', 'learning'].indexOf(s.kind));
              assert.deepStrictEqual(order, [...order].sort((a, b) => a - b), `${where}: S-T-A-R order`);
            }
          }
        }
      }
      assert.ok(offered > 0, 'something is offered somewhere in every example');
    });
  }
});
