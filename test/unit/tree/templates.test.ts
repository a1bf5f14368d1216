import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBank } from '../../../src/core/parser';
import { principleFileName, principleSkeleton } from '../../../src/core/templates/principle';
import { QUESTION_PLACEHOLDER, storyInsertion, storySkeleton, styleForPrinciple } from '../../../src/core/templates/story';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { EXAMPLES } from './fixtures';

function addStory(text: string, principleIndex = 0) {
  const lines = new LineIndex(text);
  const bank = parseBank(text, { lines });
  const principle = bank.principles[principleIndex];
  const style = styleForPrinciple(text, lines, bank.principles, principle);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const insertion = storyInsertion(text, lines, bank.principles, principle, storySkeleton(style, eol));
  const out = text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
  return { style, insertion, out, before: bank, after: parseBank(out) };
}

const EXPECTED: Record<string, { container: string; sections: string }> = {
  'seed/Customer Obsession.md': { container: 'details', sections: 'html' },
  'formats/bold-labels.md': { container: 'question-line', sections: 'bold' },
  'formats/headings.md': { container: 'heading', sections: 'heading' },
  'formats/incomplete.md': { container: 'details', sections: 'html' },
  'formats/list-labels.md': { container: 'list-item', sections: 'list-bold' },
  'formats/starl-and-synonyms.md': { container: 'heading', sections: 'bold' },
};

describe('core/templates: story skeletons in the file\'s own style', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`adds a story to ${file} that reads back as a new empty story of the same shape`, () => {
      const text = readFileSync(path.join(EXAMPLES, file), 'utf8');
      const { style, insertion, out, before, after } = addStory(text);
      assert.strictEqual(style.container, expected.container);
      assert.strictEqual(style.sections, expected.sections);
      // Nothing of the user's text is lost or moved.
      assert.strictEqual(out.slice(0, insertion.offset) + out.slice(insertion.offset + insertion.text.length), text);
      const questions = after.principles[0].questions;
      assert.strictEqual(questions.length, before.principles[0].questions.length + 1);
      const added = questions[questions.length - 1];
      assert.strictEqual(added.title, QUESTION_PLACEHOLDER);
      assert.strictEqual(added.container, expected.container);
      const kinds = added.sections.map((s) => s.kind);
      assert.deepStrictEqual(kinds.slice(0, 4), ['situation', 'task', 'action', 'result']);
      assert.ok(added.sections.every((s) => s.words === 0));
      // Earlier stories are read exactly as before.
      assert.deepStrictEqual(questions.slice(0, -1).map((q) => q.title), before.principles[0].questions.map((q) => q.title));
      // The question is the first tab stop.
      const first = insertion.placeholders[0];
      assert.strictEqual(first.name, 'question');
      assert.strictEqual(insertion.text.slice(first.offset, first.offset + first.length), QUESTION_PLACEHOLDER);
    });
  }

  it('uses the labels a file uses and adds a Learning part where stories have one', () => {
    const text = readFileSync(path.join(EXAMPLES, 'formats/starl-and-synonyms.md'), 'utf8');
    const { insertion, after } = addStory(text);
    assert.match(insertion.text, /\*\*Context:\*\* /);
    assert.match(insertion.text, /\*\*Learnings:\*\* /);
    const added = after.principles[0].questions.at(-1)!;
    assert.deepStrictEqual(added.sections.map((s) => s.kind), ['situation', 'task', 'action', 'result', 'learning']);
  });

  it('continues a numbered list of questions', () => {
    const text = readFileSync(path.join(EXAMPLES, 'formats/list-labels.md'), 'utf8');
    const { insertion } = addStory(text);
    assert.match(insertion.text, /^\n\n3\. \*\*/);
    assert.match(insertion.text, /\n {3}- \*\*S:\*\* /);
  });

  it("defaults to the seed's <details> format in a file without a story, after the last line", () => {
    const text = principleSkeleton('Think Big', 'Bold direction.');
    const { insertion, out, after } = addStory(text);
    assert.match(insertion.text, /<details>\n<summary><b>/);
    assert.ok(out.startsWith(text.trimEnd()));
    assert.strictEqual(after.principles[0].questions.length, 1);
    assert.strictEqual(after.principles[0].title, 'Think Big');
  });

  it('keeps CRLF line ends and a story of the next principle in place', () => {
    const text = '# One\r\n\r\n## Q1\r\n\r\n**Situation:** a\r\n\r\n**Result:** b\r\n\r\n# Two\r\n\r\n## Q2\r\n\r\n**Situation:** c\r\n';
    const { insertion, out, after } = addStory(text, 0);
    assert.ok(!/[^\r]\n/.test(insertion.text), 'only CRLF line ends');
    assert.strictEqual(out.slice(0, insertion.offset) + out.slice(insertion.offset + insertion.text.length), text);
    assert.deepStrictEqual(after.principles.map((p) => p.questions.map((q) => q.title)), [['Q1', QUESTION_PLACEHOLDER], ['Q2']]);
  });

  it('writes a principle file like the seed and a safe file name', () => {
    const text = principleSkeleton('Customer Obsession', 'Leaders start with the customer.');
    assert.strictEqual(text, '# Customer Obsession\n## 1. Definition\nLeaders start with the customer.\n\n## 2. Sample questions\n');
    const bank = parseBank(text);
    assert.strictEqual(bank.principles[0].title, 'Customer Obsession');
    assert.strictEqual(bank.hasStories, false);
    assert.strictEqual(principleFileName('Have Backbone; Disagree and Commit'), 'Have Backbone; Disagree and Commit.md');
    assert.strictEqual(principleFileName('a/b:c*?'), 'a b c.md');
    assert.strictEqual(principleFileName('  ...  '), 'Untitled principle.md');
    assert.strictEqual(principleFileName('CON'), 'CON principle.md');
  });
});
