import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { applyInsertion, disableForStory, fixesFor, insertSection, type Insertion } from '../../../src/core/lint/fixes';
import { lintBank } from '../../../src/core/lint/runner';
import { renderSection, styleOf } from '../../../src/core/lint/sectionStyle';
import type { Question, SectionKind } from '../../../src/core/model';
import { parseBank } from '../../../src/core/parser';
import { EXAMPLES, markdownFiles, RULE_FIXTURES } from '../rules/helpers';

const FIXTURES = [...markdownFiles(EXAMPLES).map((f) => path.join(EXAMPLES, f)), ...markdownFiles(RULE_FIXTURES).map((f) => path.join(RULE_FIXTURES, f))];
const STAR: SectionKind[] = ['situation', 'task', 'action', 'result'];

const questionsOf = (text: string) => parseBank(text).principles.flatMap((p) => p.questions);

/** Every character of the original is kept, in order: the fix only inserts. */
function assertKeepsText(original: string, insertion: Insertion, out: string): void {
  assert.equal(out.length, original.length + insertion.text.length);
  assert.equal(out.slice(0, insertion.offset) + out.slice(insertion.offset + insertion.text.length), original);
  let i = 0;
  for (const c of out) if (i < original.length && c === original[i]) i++;
  assert.equal(i, original.length, 'the original is a subsequence of the result');
}

/** Types at the fix's cursor, as the writer would. */
function typeAtCursor(text: string, insertion: Insertion, typed: string): string {
  const cursor = insertion.offset + (insertion.cursor ?? insertion.text.length);
  return text.slice(0, cursor) + typed + text.slice(cursor);
}

function checkInsert(text: string, index: number, kind: SectionKind, where: string): void {
  const question = questionsOf(text)[index];
  const insertion = insertSection(text, question, kind);
  if (!insertion) {
    assert.ok(question.sections.every((s) => s.style === 'table') || question.sections.length === 0, `${where}: no insert fix`);
    return;
  }
  const out = applyInsertion(text, insertion);
  assertKeepsText(text, insertion, out);
  const after = questionsOf(out);
  assert.equal(after.length, questionsOf(text).length, `${where}: same number of stories`);
  const fixed = after[index];
  assert.equal(fixed.title, question.title, `${where}: same story`);
  const added = fixed.sections.filter((s) => s.kind === kind);
  assert.equal(added.length, 1, `${where}: the ${kind} is now present\n${out.slice(insertion.offset - 80, insertion.offset + insertion.text.length + 80)}`);
  assert.equal(added[0].words, 0, `${where}: the new section is empty`);
  assert.deepEqual(fixed.sections.filter((s) => s.kind !== kind).map((s) => [s.kind, s.text]), question.sections.map((s) => [s.kind, s.text]), `${where}: other sections unchanged`);
  const order = fixed.sections.map((s) => s.kind).filter((k) => STAR.includes(k));
  const before = question.sections.map((s) => s.kind).filter((k) => STAR.includes(k));
  if (before.every((k, i) => i === 0 || STAR.indexOf(before[i - 1]) <= STAR.indexOf(k))) {
    assert.deepEqual(order, [...order].sort((a, b) => STAR.indexOf(a) - STAR.indexOf(b)), `${where}: S-T-A-R order kept`);
  }
  // The cursor is where the words go.
  const typed = questionsOf(typeAtCursor(out, insertion, 'Zebra 42 words'))[index];
  assert.equal(typed.sections.find((s) => s.kind === kind)?.text, 'Zebra 42 words', `${where}: typing at the cursor fills the new section`);
}

describe('lint: quick fixes never drop a character', () => {
  for (const file of FIXTURES) {
    const name = path.relative(path.resolve(EXAMPLES, '..'), file);
    for (const eol of ['\n', '\r\n']) {
      it(`${name} (${eol === '\n' ? 'LF' : 'CRLF'}): every fix of every finding inserts only, and does what it says`, () => {
        const text = fs.readFileSync(file, 'utf8').replace(/\r?\n/g, eol);
        const bank = parseBank(text);
        const questions = bank.principles.flatMap((p) => p.questions);
        const before = lintBank({ text, bank });
        for (const d of before) {
          const index = questions.indexOf(d.question);
          for (const fix of fixesFor(text, d)) {
            const out = applyInsertion(text, fix.insertion);
            if (fix.insertion.deleteCount) {
              // A prose fix: removes exactly the word it names and the spaces after it, nothing else.
              const removed = text.slice(fix.insertion.offset, fix.insertion.offset + fix.insertion.deleteCount);
              assert.equal(removed.trimEnd(), text.slice(d.range.start.offset, d.range.end.offset), `${fix.title} removes the reported word`);
              assert.match(removed, /^\S+[ \t]+$/);
              assert.equal(fix.insertion.text, '');
              assert.equal(out, text.slice(0, fix.insertion.offset) + text.slice(fix.insertion.offset + removed.length));
              continue;
            }
            assertKeepsText(text, fix.insertion, out);
            if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(fix.insertion.text), 'CRLF kept');
            const afterBank = parseBank(out);
            const after = lintBank({ text: out, bank: afterBank });
            if (fix.title.startsWith('Disable')) {
              const afterQuestions = afterBank.principles.flatMap((p) => p.questions);
              const left = after.filter((x) => x.rule === d.rule && afterQuestions.indexOf(x.question) === index);
              assert.deepEqual(left.map((x) => x.message), [], `${fix.title} silences it`);
              const others = (list: typeof before, qs: Question[]) => list.filter((x) => qs.indexOf(x.question) !== index).map((x) => `${qs.indexOf(x.question)} ${x.rule} ${x.message}`);
              assert.deepEqual(others(after, afterQuestions), others(before, questions), 'other stories untouched');
            } else {
              assert.equal(fix.isPreferred, true);
              checkInsert(text, index, d.kind!, `${name} story ${index + 1}`);
            }
          }
        }
      });
    }
  }
});

describe('lint: insert a missing section in the story\'s own style', () => {
  const cases: [string, string, SectionKind, RegExp][] = [
    ['<details> with <li>', fs.readFileSync(path.join(EXAMPLES, 'formats/incomplete.md'), 'utf8'), 'task', /^ {4}<li>\n {8}<b>Task: <\/b><br>\n {8}- <br>\n {4}<\/li>\n$/],
    ['bold paragraphs', fs.readFileSync(path.join(EXAMPLES, 'formats/starl-and-synonyms.md'), 'utf8'), 'task', /^\*\*Task:\*\* \n\n$/],
  ];
  for (const [name, text, kind, expected] of cases) {
    it(name, () => {
      const question = questionsOf(text).find((q) => !q.sections.some((s) => s.kind === kind))!;
      const insertion = insertSection(text, question, kind)!;
      assert.match(insertion.text, expected);
    });
  }

  it('renders each style for completions', () => {
    const q = (md: string) => questionsOf(md)[0];
    assert.equal(renderSection('task', styleOf(q('## Q\n\n**S:** a\n'))).text, '**T:** ');
    assert.equal(renderSection('task', styleOf(q('## Q\n\n**Situation**: a\n'), '## Q\n\n**Situation**: a\n')).text, '**Task**: ');
    assert.equal(renderSection('result', styleOf(q('## Q\n\n### Situation\na\n'))).text, '### Result\n');
    assert.equal(renderSection('action', styleOf(q('1. **Q?**\n   - Situation: a\n')), '   ').text, '   - Action: ');
    assert.equal(renderSection('action', styleOf(q('1. **Q?**\n   * **S:** a\n'), '1. **Q?**\n   * **S:** a\n'), '   ').text, '   * **A:** ');
    const html = renderSection('result', styleOf(q('<details>\n<summary><b>Q?</b></summary>\n<ul>\n  <li>\n      <b>Situation: </b><br>\n      - a\n  </li>\n</ul>\n</details>\n'), '<details>\n<summary><b>Q?</b></summary>\n<ul>\n  <li>\n      <b>Situation: </b><br>\n      - a\n  </li>\n</ul>\n</details>\n'), '  ', '\r\n');
    assert.equal(html.text, '  <li>\r\n      <b>Result: </b><br>\r\n      - <br>\r\n  </li>');
    assert.equal(html.text.slice(0, html.cursor), '  <li>\r\n      <b>Result: </b><br>\r\n      - ');
  });

  it('adds the rule to a disable-next-story comment already before the story', () => {
    const text = '# P\n\n<!-- star-answers-disable-next-story ownership -->\n## Q\n\n**Situation:** s\n\n**Action:** We did.\n\n**Result:** fine\n';
    const question = questionsOf(text)[0];
    const insertion = disableForStory(text, question, 'unquantified-result')!;
    assert.equal(applyInsertion(text, insertion).split('\n')[2], '<!-- star-answers-disable-next-story ownership unquantified-result -->');
    assert.equal(disableForStory(text, question, 'ownership'), undefined);
  });

  it('indents the disable comment like a list-item story', () => {
    const text = '# P\n\n- **Tell me about a time?**\n  - **S:** a\n  - **R:** fine\n';
    const [question] = questionsOf(text);
    const insertion = disableForStory(text, question, 'missing-section')!;
    assert.match(insertion.text, /^<!-- star-answers-disable-next-story missing-section -->\n$/);
  });
});

type Style = 'bold' | 'heading' | 'list-bold' | 'list-plain' | 'html';
const LABEL: Record<SectionKind, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', learning: 'Learning' };

function storyIn(style: Style, kinds: SectionKind[], n: number): string {
  const body = (k: SectionKind) => `${LABEL[k]} words for story ${n}, 12 of them.`;
  switch (style) {
    case 'bold':
      return `## Question ${n}\n\n${kinds.map((k) => `**${LABEL[k]}:** ${body(k)}`).join('\n\n')}\n`;
    case 'heading':
      return `## Question ${n}\n\n${kinds.map((k) => `### ${LABEL[k]}\n${body(k)}`).join('\n\n')}\n`;
    case 'list-bold':
      return `${n}. **Question ${n}?**\n${kinds.map((k) => `   - **${LABEL[k][0]}:** ${body(k)}`).join('\n')}\n`;
    case 'list-plain':
      return `${n}. **Question ${n}?**\n${kinds.map((k) => `   - ${LABEL[k]}: ${body(k)}`).join('\n')}\n`;
    case 'html':
      return `<details>\n<summary><b>Question ${n}?</b></summary>\n<ul>\n${kinds.map((k) => `    <li>\n        <b>${LABEL[k]}: </b><br>\n        - ${body(k)}\n    </li>`).join('\n')}\n</ul>\n</details>\n`;
  }
}

describe('lint: insert fixes on generated stories (property)', () => {
  it('every missing section of every style lands in the right story, in order, under the cursor', () => {
    const kindsArb = fc.subarray(['situation', 'task', 'action', 'result', 'learning'] as SectionKind[], { minLength: 1 }).filter((ks) => ks.some((k) => k !== 'learning'));
    const styleArb = fc.constantFrom<Style>('bold', 'heading', 'list-bold', 'list-plain', 'html');
    fc.assert(
      fc.property(fc.array(fc.tuple(styleArb, kindsArb), { minLength: 1, maxLength: 3 }), fc.boolean(), (stories, crlf) => {
        // Stories of one file share a style family: list stories share a list.
        const style = stories[0][0];
        let text = `# Principle\n\n${stories.map(([, kinds], i) => storyIn(style, kinds, i + 1)).join('\n')}`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const questions = questionsOf(text);
        assert.equal(questions.length, stories.length, text);
        stories.forEach(([, kinds], i) => {
          for (const kind of STAR) if (!kinds.includes(kind)) checkInsert(text, i, kind, `${style} story ${i + 1} + ${kind}\n${text}`);
        });
      }),
      { numRuns: 60 },
    );
  });
});
