import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLE_FILES, kinds, parseExample, questions } from './helpers';

const STAR = ['situation', 'task', 'action', 'result'];

/** One test a row of test/fixtures/examples/README.md. */
describe('parser: the examples table', () => {
  it('seed/Customer Obsession.md: the reference <details> format, 2 complete stories, with a Definition', () => {
    const { text, bank } = parseExample('seed/Customer Obsession.md');
    assert.equal(bank.principles.length, 1);
    const [p] = bank.principles;
    assert.equal(p.title, 'Customer Obsession');
    assert.match(p.definition ?? '', /^Leaders start with the customer and work backwards\./);
    assert.equal(p.questions.length, 2);
    assert.deepEqual(p.questions.map((q) => q.title), [
      'Describe a situation where you had to deal with a difficult customer.',
      'Describe a situation where you negotiated a win-win.',
    ]);
    for (const q of p.questions) {
      assert.equal(q.container, 'details');
      assert.deepEqual(kinds(q), STAR);
      assert.ok(q.sections.every((s) => s.style === 'html' && s.words > 0));
      // The label range covers exactly the <b>…</b> element.
      assert.match(text.slice(q.sections[0].labelRange.start.offset, q.sections[0].labelRange.end.offset), /^<b>Situation: <\/b>$/);
      assert.equal(text.slice(q.range.start.offset, q.range.start.offset + 9), '<details>');
      assert.ok(text.slice(0, q.range.end.offset).endsWith('</details>'));
    }
    assert.match(p.questions[0].sections[3].text, /19% improvement/);
    assert.match(p.questions[1].sections[3].text, /40% of user engagement/);
  });

  it('formats/bold-labels.md: **Situation:** and **Task**: labels, question in a **Question:** line under ## Story:', () => {
    const { text, bank } = parseExample('formats/bold-labels.md');
    const [p] = bank.principles;
    assert.equal(p.title, 'Ownership');
    assert.equal(p.questions.length, 2);
    for (const q of p.questions) {
      assert.equal(q.container, 'question-line');
      assert.deepEqual(kinds(q), STAR);
      assert.ok(text.slice(q.range.start.offset).startsWith('## Story:'), 'the story starts at its ## Story: heading');
    }
    assert.equal(p.questions[0].title, 'Tell me about a time you took on something outside your area of responsibility.');
    const task = p.questions[1].sections[1];
    assert.equal(text.slice(task.labelRange.start.offset, task.labelRange.end.offset), '**Task**: ');
    assert.equal(task.text, 'Decide whether to keep optimising it or replace it.');
  });

  it('formats/headings.md: ### headings under a ## question; the Action is a list', () => {
    const { text, bank } = parseExample('formats/headings.md');
    const [p] = bank.principles;
    assert.equal(p.title, 'Dive Deep');
    assert.equal(p.questions.length, 2);
    for (const q of p.questions) {
      assert.equal(q.container, 'heading');
      assert.deepEqual(kinds(q), STAR);
      assert.ok(q.sections.every((s) => s.style === 'heading' && s.headingLevel === 3));
    }
    const action = p.questions[0].sections[2];
    assert.equal(action.text.split('\n').length, 3, 'three list items, one line each');
    assert.equal(text.slice(action.range.start.offset, action.range.start.offset + 10), '### Action');
    assert.doesNotMatch(p.questions[1].sections[3].text, /\d/);
  });

  it('formats/list-labels.md: numbered bold questions; **S:** one-letter labels, then plain Situation:', () => {
    const { bank } = parseExample('formats/list-labels.md');
    const [p] = bank.principles;
    assert.equal(p.title, 'Bias for Action');
    assert.deepEqual(p.questions.map((q) => q.container), ['list-item', 'list-item']);
    assert.deepEqual(p.questions[0].sections.map((s) => s.label), ['S', 'T', 'A', 'R']);
    assert.ok(p.questions[0].sections.every((s) => s.style === 'list-bold'));
    assert.deepEqual(p.questions[1].sections.map((s) => s.label), ['Situation', 'Task', 'Action', 'Result']);
    assert.ok(p.questions[1].sections.every((s) => s.style === 'list-plain'));
    for (const q of p.questions) assert.deepEqual(kinds(q), STAR);
  });

  it('formats/starl-and-synonyms.md: synonyms, Learning as an extra section; story 2 has no Task', () => {
    const { bank } = parseExample('formats/starl-and-synonyms.md');
    const [p] = bank.principles;
    assert.equal(p.title, 'Learn and Be Curious');
    const [one, two] = p.questions;
    assert.deepEqual(one.sections.map((s) => [s.label, s.kind]), [
      ['Context', 'situation'],
      ['Goal', 'task'],
      ['Approach', 'action'],
      ['Outcome', 'result'],
      ['Learnings', 'learning'],
    ]);
    assert.deepEqual(two.sections.map((s) => [s.label, s.kind]), [
      ['Background', 'situation'],
      ['Actions', 'action'],
      ['Results', 'result'],
      ['Reflection', 'learning'],
    ]);
  });

  it('formats/incomplete.md: no Task in story 1, an empty Action in story 2, a markdown list inside <details> in story 3', () => {
    const { bank } = parseExample('formats/incomplete.md');
    const [p] = bank.principles;
    assert.equal(p.title, 'Deliver Results');
    const [one, two, three] = p.questions;
    assert.deepEqual(kinds(one), ['situation', 'action', 'result']);
    assert.deepEqual(kinds(two), STAR);
    assert.equal(two.sections[2].words, 0);
    assert.equal(two.sections[2].text, '');
    assert.equal(three.container, 'details');
    assert.deepEqual(kinds(three), STAR);
    assert.ok(three.sections.every((s) => s.style === 'list-bold'));
    assert.match(three.sections[2].text, /^We found a second supplier/);
  });

  it('reads 6 principles and 13 questions in all', () => {
    const all = EXAMPLE_FILES.map((f) => parseExample(f).bank);
    assert.equal(all.flatMap((b) => b.principles).length, 6);
    assert.equal(all.flatMap(questions).length, 13);
    assert.ok(all.every((b) => b.hasStories));
  });
});

/** Every position of every example, checked by hand once and kept in test/fixtures/examples-outline.json. */
describe('parser: exact positions in the examples', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/examples-outline.json'), 'utf8'));
  for (const file of EXAMPLE_FILES) {
    it(file, () => {
      const { bank } = parseExample(file);
      const actual = bank.principles.map((p) => ({
        title: p.title,
        line: p.titleRange.start.line + 1,
        definition: !!p.definition,
        questions: p.questions.map((q) => ({
          title: q.title,
          at: `${q.titleRange.start.line + 1}:${q.titleRange.start.character + 1}`,
          container: q.container,
          sections: q.sections.map(
            (s) => `${s.kind} ${JSON.stringify(s.label)} ${s.style} ${s.range.start.line + 1}:${s.range.start.character + 1}-${s.range.end.line + 1}:${s.range.end.character + 1} ${s.words}w`,
          ),
        })),
      }));
      assert.deepEqual(actual, expected[file]);
    });
  }

  it('every range agrees with its offsets, and a section ends on its last word', () => {
    for (const file of EXAMPLE_FILES) {
      const { text, bank } = parseExample(file);
      for (const q of questions(bank)) {
        for (const s of q.sections) {
          const body = text.slice(s.range.start.offset, s.range.end.offset);
          assert.ok(!/\s$/.test(body), `${file}: ${s.label} ends on whitespace`);
          if (s.words) assert.ok(body.includes(s.text.split('\n').pop()!.split(' ').pop()!), `${file}: ${s.label} range holds its text`);
          const lines = text.split('\n');
          assert.equal(lines.slice(0, s.range.start.line).join('\n').length + (s.range.start.line ? 1 : 0) + s.range.start.character, s.range.start.offset);
        }
      }
    }
  });
});
