import * as assert from 'node:assert';
import { completeSections } from '../../../src/core/complete';
import { parseBank } from '../../../src/core/parser';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { accept, completeAt, example, kinds, stories, withLineAfter, withoutLines } from './helpers';

const INCOMPLETE = example('formats', 'incomplete.md');
const STARL = example('formats', 'starl-and-synonyms.md');
const HEADINGS = example('formats', 'headings.md');
const LISTS = example('formats', 'list-labels.md');
const BOLD = example('formats', 'bold-labels.md');
const SEED = example('seed', 'Customer Obsession.md');

/** Line 10 of incomplete.md closes story 1's Situation item ("    </li>"). */
const AFTER_SITUATION_ITEM = 10;

describe('completeSections', () => {
  describe('a <details> story with <li> items (formats/incomplete.md story 1, no Task)', () => {
    // The writer pressed Enter after the Situation's </li>: the editor kept its indent.
    const marked = withLineAfter(INCOMPLETE, AFTER_SITUATION_ITEM, '    |');
    const { text, offset, result } = completeAt(marked);

    it('offers the missing Task first, then Learning', () => {
      assert.ok(result, 'completions in story 1');
      assert.strictEqual(result.question.title, 'Tell me about a time you delivered a project under a tight deadline.');
      assert.deepStrictEqual(result.items.map((i) => i.name), ['Task', 'Learning']);
      const sorted = [...result.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
      assert.strictEqual(sorted[0].name, 'Task');
      assert.match(sorted[0].sortText, /^0/);
      assert.strictEqual(result.items[0].optional, false);
      assert.strictEqual(result.items[1].optional, true);
      assert.strictEqual(result.items[0].inOrder, true, 'Task goes between Situation and Action');
    });

    it('writes the Task as an <li> item indented like its siblings', () => {
      assert.strictEqual(result!.items[0].snippet, '    <li>\n        <b>Task: </b><br>\n        - ${1}<br>\n    </li>');
      assert.strictEqual(result!.items[0].label, 'Task');
    });

    it('replaces the line from its start to the cursor', () => {
      const line = text.split('\n').findIndex((_, i) => i === AFTER_SITUATION_ITEM + 1);
      assert.deepStrictEqual(
        [result!.replace.start.line, result!.replace.start.character, result!.replace.end.line, result!.replace.end.character],
        [line, 0, line, 4],
      );
      assert.strictEqual(result!.replace.end.offset, offset);
    });

    it('reads back as the Task of story 1, in S-T-A-R order', () => {
      const after = accept(text, result!, result!.items[0], 'I had to ship the two must-have features by the new date');
      const story = stories(after)[0];
      assert.strictEqual(kinds(story), 'situation,task,action,result');
      const task = story.sections[1];
      assert.strictEqual(task.label, 'Task');
      assert.strictEqual(task.style, 'html');
      assert.strictEqual(task.text.replace(/^-\s*/, ''), 'I had to ship the two must-have features by the new date');
      assert.strictEqual(stories(after).length, 3);
    });

    it('replaces the blanks after the cursor too', () => {
      const r = completeAt(withLineAfter(INCOMPLETE, AFTER_SITUATION_ITEM, '  |      ')).result;
      assert.deepStrictEqual([r?.replace.start.character, r?.replace.end.character], [0, 8]);
    });

    it('keeps the typed "<li" inside the replaced range', () => {
      const typed = completeAt(withLineAfter(INCOMPLETE, AFTER_SITUATION_ITEM, '    <li|'));
      assert.ok(typed.result);
      assert.strictEqual(typed.result.replace.start.character, 0);
      assert.strictEqual(typed.result.replace.end.character, 7);
      assert.ok(typed.result.items[0].filterText.startsWith('<li'), typed.result.items[0].filterText);
      assert.strictEqual(kinds(stories(accept(typed.text, typed.result, typed.result.items[0]))[0]), 'situation,task,action,result');
    });

    it('offers nothing inside an item, before <ul> or after </ul>', () => {
      // Inside the Situation's <li>, after its text line.
      assert.strictEqual(completeAt(withLineAfter(INCOMPLETE, 9, '        |')).result, undefined);
      // Between the summary and <ul>.
      assert.strictEqual(completeAt(withLineAfter(INCOMPLETE, 5, '|')).result, undefined);
      // Between </ul> and </details>.
      assert.strictEqual(completeAt(withLineAfter(INCOMPLETE, 19, '|')).result, undefined);
      // Between the last </li> and </ul>: allowed, after the Result (so the Task would be out of order there).
      const last = completeAt(withLineAfter(INCOMPLETE, 18, '    |')).result;
      assert.deepStrictEqual(last?.items.map((i) => `${i.name} ${i.inOrder}`), ['Task false', 'Learning true']);
    });
  });

  it('offers only Learning in story 2 of formats/incomplete.md (its Action is empty, not missing)', () => {
    const { result } = completeAt(withLineAfter(INCOMPLETE, 32, '    |'));
    assert.ok(result);
    assert.strictEqual(result.question.title, 'Describe a goal you did not reach.');
    assert.deepStrictEqual(result.items.map((i) => `${i.name} ${i.optional}`), ['Learning true']);
    assert.strictEqual(result.items[0].snippet, '    <li>\n        <b>Learning: </b><br>\n        - ${1}<br>\n    </li>');
  });

  it('offers Learning on the blank line before </details> of a markdown list inside <details> (story 3)', () => {
    const lines = INCOMPLETE.split('\n');
    const blank = lines.findIndex((l, i) => i > 45 && l === '' && lines[i + 1] === '</details>');
    const { text, result } = completeAt(lines.map((l, i) => (i === blank ? '|' : l)).join('\n'));
    assert.ok(result);
    assert.deepStrictEqual(result.items.map((i) => i.name), ['Learning']);
    // The blank line before </details> is kept so the markdown list stays markdown.
    assert.strictEqual(result.items[0].snippet, '- **Learning:** ${1}\n');
    const story = stories(accept(text, result, result.items[0], 'Tell the customer on day one')).at(-1)!;
    assert.strictEqual(kinds(story), 'situation,task,action,result,learning');
  });

  describe('a bold-label story (formats/starl-and-synonyms.md story 2, no Task)', () => {
    // Line 19 is the blank line between **Background:** and **Actions:**.
    const marked = STARL.split('\n').map((l, i) => (i === 19 ? '|' : l)).join('\n');
    const { text, result } = completeAt(marked);

    it('offers Task, with the canonical word since the story spells its labels out', () => {
      assert.ok(result);
      assert.deepStrictEqual(result.items.map((i) => i.name), ['Task']);
      assert.strictEqual(result.items[0].label, 'Task');
      assert.strictEqual(result.style.style, 'bold');
    });

    it('keeps the blank lines that separate the story\'s paragraphs', () => {
      assert.strictEqual(result!.items[0].snippet, '\n**Task:** ${1}\n');
      assert.strictEqual(result!.items[0].text, '\n**Task:** \n');
    });

    it('reads back with the Task between the Situation and the Action', () => {
      const after = accept(text, result!, result!.items[0], 'Find out whether a lower price sells more seats');
      const story = stories(after)[1];
      assert.strictEqual(kinds(story), 'situation,task,action,result,learning');
      assert.strictEqual(story.sections[1].text, 'Find out whether a lower price sells more seats');
      assert.strictEqual(stories(after)[0].sections.length, 5, 'story 1 untouched');
    });

    it('offers nothing in story 1, which has all five sections', () => {
      assert.strictEqual(completeAt(STARL.split('\n').map((l, i) => (i === 7 ? '|' : l)).join('\n')).result, undefined);
    });
  });

  it('writes **Task**: when the story puts its colons outside the bold (formats/bold-labels.md story 2)', () => {
    // Story 2 with every label as **Label**: and without "**Task**: …" and the blank line after it.
    const text = withoutLines(BOLD, 22, 24).replace('**Situation:** A reporting', '**Situation**: A reporting');
    const { result, text: plain } = completeAt(text.split('\n').map((l, i) => (i === 21 ? '|' : l)).join('\n'));
    assert.ok(result);
    assert.strictEqual(result.items[0].name, 'Task');
    assert.strictEqual(result.items[0].snippet, '\n**Task**: ${1}\n');
    assert.strictEqual(kinds(stories(accept(plain, result, result.items[0], 'Decide'))[1]), 'situation,task,action,result');
  });

  describe('a heading story (formats/headings.md story 2 without its Task)', () => {
    // Drop "### Task", its text and the blank line after it (lines 25–27).
    const base = withoutLines(HEADINGS, 25, 28);
    const { text, result } = completeAt(base.split('\n').map((l, i) => (i === 24 ? '|' : l)).join('\n'));

    it('offers "### Task", at the level of the story\'s other headings', () => {
      assert.ok(result);
      assert.deepStrictEqual(result.items.map((i) => i.name), ['Task', 'Learning']);
      assert.strictEqual(result.items[0].snippet, '\n### Task\n${1}\n');
      assert.ok(result.items[0].filterText.startsWith('### Task'));
    });

    it('reads back in S-T-A-R order', () => {
      const after = accept(text, result!, result!.items[0], 'Estimate the removal');
      const story = stories(after)[1];
      assert.strictEqual(kinds(story), 'situation,task,action,result');
      assert.strictEqual(story.sections[1].headingLevel, 3);
      assert.strictEqual(story.sections[1].text, 'Estimate the removal');
    });

    it('uses #### when the story does', () => {
      const deeper = base.replace(/^### /gm, '#### ');
      const r = completeAt(deeper.split('\n').map((l, i) => (i === 24 ? '|' : l)).join('\n'));
      assert.strictEqual(r.result?.items[0].snippet, '\n#### Task\n${1}\n');
    });
  });

  describe('list stories (formats/list-labels.md)', () => {
    it('story 1: "- **T:**" with one-letter labels and the items\' indent, replacing the typed "- **T"', () => {
      const base = withoutLines(LISTS, 6, 7); // drop "   - **T:** …"
      const { text, result } = completeAt(withLineAfter(base, 5, '- **T|'));
      assert.ok(result);
      assert.deepStrictEqual(result.items.map((i) => `${i.name}:${i.label}`), ['Task:T', 'Learning:L']);
      assert.strictEqual(result.items[0].snippet, '   - **T:** ${1}');
      assert.strictEqual(result.replace.start.character, 0);
      assert.strictEqual(result.replace.end.character, 5);
      assert.ok(result.items[0].filterText.startsWith('- **T'), result.items[0].filterText);
      assert.match(result.items[0].filterText, /\bTask\b/);
      const story = stories(accept(text, result, result.items[0], 'Own the checklist'))[0];
      assert.strictEqual(kinds(story), 'situation,task,action,result');
      assert.strictEqual(story.sections[1].label, 'T');
      assert.strictEqual(stories(accept(text, result, result.items[0])).length, 2);
    });

    it('story 2: "- Task:" for plain list labels', () => {
      const base = withoutLines(LISTS, 12, 13); // drop "   - Task: …"
      const { text, result } = completeAt(withLineAfter(base, 11, '   |'));
      assert.ok(result);
      assert.strictEqual(result.items[0].snippet, '   - Task: ${1}');
      assert.strictEqual(kinds(stories(accept(text, result, result.items[0], 'Cut the wait'))[1]), 'situation,task,action,result');
    });

    it('on the blank line right after a list story, offers its Learning and keeps the blank line before the next story', () => {
      const { text, result } = completeAt(LISTS.split('\n').map((l, i) => (i === 9 ? '|' : l)).join('\n'));
      assert.ok(result);
      assert.strictEqual(result.placement, 'after');
      assert.strictEqual(result.question.title, 'Tell me about a time you made a decision without all the information.');
      assert.strictEqual(result.items[0].snippet, '   - **L:** ${1}\n');
      const after = accept(text, result, result.items[0], 'Keep a fallback ready');
      assert.strictEqual(kinds(stories(after)[0]), 'situation,task,action,result,learning');
      assert.strictEqual(kinds(stories(after)[1]), 'situation,task,action,result');
    });
  });

  describe('outside any story', () => {
    const cases: [string, string][] = [
      ['on the principle title', '# Deliver Results|'],
      ['on the blank line under the title', '# Deliver Results\n|\nLeaders focus'],
      ['between two <details> stories', '</details>\n|\n<details>'],
      ['on a story\'s question', '<summary><b>Describe a goal you did not reach.</b></summary>|'],
    ];
    for (const [name, marked] of cases) {
      it(name, () => {
        const [before, after] = marked.split('|');
        const at = INCOMPLETE.indexOf(before + after) + before.length;
        assert.ok(at >= before.length, `fixture holds ${JSON.stringify(marked)}`);
        assert.strictEqual(completeAt(INCOMPLETE.slice(0, at) + '|' + INCOMPLETE.slice(at)).result, undefined);
      });
    }

    it('in a file without stories', () => {
      assert.strictEqual(completeAt('# Notes\n\n|\n\nSome text.\n').result, undefined);
      assert.strictEqual(completeAt('|').result, undefined);
    });

    it('two blank lines or more below a story', () => {
      assert.strictEqual(completeAt(`${HEADINGS.trimEnd()}\n\n\n|`).result, undefined);
      assert.ok(completeAt(`${HEADINGS.trimEnd()}\n\n|`).result);
    });

    it('after a complete seed story (every STAR section present, only Learning to offer)', () => {
      const r = completeAt(withLineAfter(SEED, 13, '    |'));
      assert.deepStrictEqual(r.result?.items.map((i) => i.name), ['Learning']);
    });
  });

  describe('where the writer is typing', () => {
    const base = STARL.split('\n');
    const at = (line: string) => completeAt(base.map((l, i) => (i === 19 ? line : l)).join('\n')).result;

    it('accepts the start of a label', () => {
      for (const typed of ['|', '  |', '**|', '**Ta|', 'Ta|', 'task|', '- **T|', '### T|', '<li|', '1. |']) {
        assert.ok(at(typed), `offers after ${JSON.stringify(typed)}`);
      }
    });

    it('offers nothing in the middle of prose, or with text after the cursor', () => {
      for (const typed of ['We decided|', 'I set up the| experiment', '|**Actions:**', 'x = 1|', '> quote|']) {
        assert.strictEqual(at(typed), undefined, `nothing after ${JSON.stringify(typed)}`);
      }
    });

    it('marks a section that would be out of S-T-A-R order here', () => {
      const r = completeAt(base.map((l, i) => (i === 23 ? '|' : l)).join('\n')).result;
      assert.ok(r);
      assert.strictEqual(r.items[0].name, 'Task');
      assert.strictEqual(r.items[0].inOrder, false);
    });
  });

  describe('line ends and bad input', () => {
    it('works the same on CRLF text, and the insertion keeps CRLF', () => {
      const lf = withLineAfter(INCOMPLETE, AFTER_SITUATION_ITEM, '    |');
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = completeAt(lf).result!;
      const { text, result } = completeAt(crlf);
      assert.ok(result);
      assert.deepStrictEqual(result.items.map((i) => i.snippet), a.items.map((i) => i.snippet));
      assert.strictEqual(result.replace.start.line, a.replace.start.line);
      const after = accept(text, result, result.items[0]);
      assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
      assert.strictEqual(kinds(stories(after)[0]), 'situation,task,action,result');
    });

    it('works behind a BOM', () => {
      const { result } = completeAt('\uFEFF' + withLineAfter(INCOMPLETE, AFTER_SITUATION_ITEM, '    |'));
      assert.deepStrictEqual(result?.items.map((i) => i.name), ['Task', 'Learning']);
    });

    it('does not throw on unclosed tags, junk and offsets out of range', () => {
      const junk = [
        '<details>\n<summary><b>Q?</b></summary>\n<ul>\n<li>\n<b>Situation: </b><br>\n- x\n\n',
        '<details><summary>Q</summary><ul><li><b>Action:</b>',
        '\u0000\u0001\uFFFD'.repeat(50) + '\n## Q\n\n**Situation:** s\n\n',
        '## Q\n\n**Situation:** s\n\n<!--',
      ];
      for (const text of junk) {
        const bank = parseBank(text);
        for (let offset = -2; offset <= text.length + 2; offset++) completeSections(text, bank, offset);
      }
    });

    it('reads nothing again far below the last story', () => {
      const text = `${HEADINGS.trimEnd()}\n\n## Notes\n\n${Array.from({ length: 1500 }, (_, i) => `Some notes on line ${i}, not a story.`).join('\n')}\n\n`;
      const lines = new LineIndex(text);
      const bank = parseBank(text, { lines });
      const started = performance.now();
      for (let i = 0; i < 10; i++) assert.strictEqual(completeSections(text, bank, text.length - 1, lines), undefined);
      const ms = performance.now() - started;
      assert.ok(ms < 500, `10 requests took ${ms.toFixed(0)} ms`);
    });

    it('reads only the story at the cursor, so it stays fast in a large bank', () => {
      const story = withLineAfter(INCOMPLETE, AFTER_SITUATION_ITEM, '    ').split('\n').slice(4, 52).join('\n');
      const text = `# Big\n\n${Array.from({ length: 200 }, () => story).join('\n\n')}\n`;
      const lines = new LineIndex(text);
      const bank = parseBank(text, { lines });
      const offset = text.lastIndexOf('</li>\n    \n') + 10;
      const started = performance.now();
      for (let i = 0; i < 10; i++) assert.deepStrictEqual(completeSections(text, bank, offset, lines)?.items.map((c) => c.name), ['Task', 'Learning']);
      const ms = performance.now() - started;
      // Reading the whole bank takes seconds; ten completions must not come near that.
      assert.ok(ms < 2000, `10 completions took ${ms.toFixed(0)} ms`);
    });
  });
});
