import assert from 'node:assert/strict';
import { parseBank } from '../../../src/core/parser';
import { kinds, questions, readExample } from './helpers';

function only(text: string) {
  const qs = questions(parseBank(text, { fileName: 'bank.md' }));
  assert.equal(qs.length, 1, `one story expected, got ${qs.length}`);
  return qs[0];
}

/** Shapes real banks use beyond the examples. */
describe('parser: more shapes', () => {
  it('a table with a story per row', () => {
    const text = '# Ownership\n\n| Question | Situation | Task | Action | Result |\n|---|---|---|---|---|\n| Tell me about X | We had a bug | I owned it | I fixed it | 20% faster |\n| Another one? | S2 | T2 | A2 | R2 |\n';
    const qs = questions(parseBank(text));
    assert.deepEqual(qs.map((q) => [q.title, q.container]), [['Tell me about X', 'table-row'], ['Another one?', 'table-row']]);
    assert.deepEqual(qs[0].sections.map((s) => s.text), ['We had a bug', 'I owned it', 'I fixed it', '20% faster']);
    assert.equal(text.slice(qs[0].sections[3].range.end.offset - 10, qs[0].sections[3].range.end.offset), '20% faster');
  });

  it('a table with a section per row', () => {
    const q = only('## Tell me about a time\n\n| Part | Answer |\n|---|---|\n| Situation | A thing happened |\n| Task | I had to act |\n| Action | I did it |\n| Result | It got 3x better |\n');
    assert.deepEqual(kinds(q), ['situation', 'task', 'action', 'result']);
    assert.equal(q.sections[3].text, 'It got 3x better');
  });

  it('a blockquoted answer', () => {
    const q = only('## Tell me about a time\n\n> **Situation:** a\n> **Task:** b\n>\n> **Action:** c\n>\n> **Result:** d 5%\n');
    assert.deepEqual(q.sections.map((s) => s.text), ['a', 'b', 'c', 'd 5%']);
  });

  it('labels like "S (Situation):", SITUATION and #### Action:', () => {
    assert.deepEqual(only('## Q\n\nS (Situation): hello there\n\nT (Task): do it\n\nA (Action): did\n\nR (Result): 10%\n').sections.map((s) => [s.kind, s.label]), [
      ['situation', 'S (Situation)'],
      ['task', 'T (Task)'],
      ['action', 'A (Action)'],
      ['result', 'R (Result)'],
    ]);
    const q = only('## Q\n\n**SITUATION**\nfoo bar\n\n**TASK**\nbaz\n\n#### Action:\nI did\n\n#### Result:\ndone\n');
    assert.deepEqual(q.sections.map((s) => [s.kind, s.style, s.text]), [
      ['situation', 'bold', 'foo bar'],
      ['task', 'bold', 'baz'],
      ['action', 'heading', 'I did'],
      ['result', 'heading', 'done'],
    ]);
  });

  it('a CAR story: Context, Action, Result', () => {
    assert.deepEqual(kinds(only('## Q\n\n**Context:** c\n\n**Action:** a\n\n**Result:** r\n')), ['situation', 'action', 'result']);
  });

  it('labels on consecutive lines of one paragraph', () => {
    const q = only('## Q\n\n**S:** one\n**T:** two\nThree: not a label\n**A:** three\nResult: four 4%\n');
    assert.deepEqual(q.sections.map((s) => [s.label, s.text]), [
      ['S', 'one'],
      ['T', 'two\nThree: not a label'],
      ['A', 'three'],
      ['Result', 'four 4%'],
    ]);
  });

  it('never reads a story in code blocks, inline code or HTML comments', () => {
    const bank = parseBank('# P\n\n```\n**Situation:** not a story\n```\n\n<!-- **Task:** nor this -->\n\n    **Action:** indented code\n\n`Result: code`\n');
    assert.equal(bank.hasStories, false);
    assert.equal(questions(bank).length, 0);
  });

  it('a bold word that is no label: "**Result** was great" without colon or break', () => {
    const bank = parseBank('## Q\n\n**Result** was great and so on.\n');
    assert.equal(bank.hasStories, false);
  });

  it('a file with no H1 takes its principle title from the file name', () => {
    const bank = parseBank('## Q\n\n**Situation:** s\n', { fileName: 'banks/Earn Trust.md' });
    assert.equal(bank.principles[0].title, 'Earn Trust');
    assert.equal(bank.principles[0].titleRange.start.offset, 0);
  });

  it('a README without stories has no stories', () => {
    const bank = parseBank('# My project\n\n## Install\n\nRun `npm ci`.\n\n## Usage\n\nSee the docs.\n');
    assert.equal(bank.hasStories, false);
    assert.deepEqual(questions(bank), []);
  });

  it('an unclosed <details> still yields its story', () => {
    const q = only('# P\n\n<details>\n<summary><b>Q?</b></summary>\n<ul><li><b>Situation:</b><br>abc\n');
    assert.equal(q.title, 'Q?');
    assert.deepEqual(q.sections.map((s) => s.text), ['abc']);
  });

  it('several principles in one file', () => {
    const bank = parseBank('# Ownership\n\n## Q1\n\n**Situation:** a\n\n# Dive Deep\n\n## Q2\n\n**Situation:** b\n');
    assert.deepEqual(bank.principles.map((p) => [p.title, p.questions.map((q) => q.title)]), [
      ['Ownership', ['Q1']],
      ['Dive Deep', ['Q2']],
    ]);
  });

  it('a heading below the story level is part of the story', () => {
    const q = only('## Q\n\n### Situation\n\ns\n\n#### Details\n\nmore\n\n### Result\n\n5%\n');
    assert.deepEqual(q.sections.map((s) => [s.kind, s.text]), [
      ['situation', 's\nDetails\nmore'],
      ['result', '5%'],
    ]);
  });

  it('a <details> without labels inside a story is part of the story, not a new one', () => {
    const bank = parseBank('# P\n\n<details>\n<summary><b>Q1?</b></summary>\n<ul>\n<li><b>Action:</b><br>a1\n<details><summary>More</summary>hidden</details>\n</li>\n<li><b>Result:</b><br>5%</li>\n</ul>\n</details>\n\n## Q2\n\n**Situation:** s2\n\n<details><summary>Notes</summary>\n\nextra\n\n</details>\n\n**Result:** r2\n');
    assert.deepEqual(questions(bank).map((q) => [q.title, q.sections.map((s) => s.text)]), [
      ['Q1?', ['a1\nMore\nhidden', '5%']],
      ['Q2', ['s2\nNotes\nextra', 'r2']],
    ]);
  });

  it('a blank line inside a <details> story does not turn the rest of it into code', () => {
    const seed = readExample('seed/Customer Obsession.md');
    const at = seed.indexOf('</li>') + '</li>'.length;
    const [story] = questions(parseBank(`${seed.slice(0, at)}\n    ${seed.slice(at)}`));
    assert.deepEqual(kinds(story), ['situation', 'task', 'action', 'result']);
    assert.ok(story.sections.every((s) => s.words > 0));
  });

  it('an indented code block that is not after raw HTML stays code', () => {
    assert.equal(parseBank('# P\n\nSome text.\n\n    <b>Situation:</b> in code\n').hasStories, false);
  });
});
