import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../src/core/parser/index';
import type { BankFile, LabelStyle, Question, SectionKind, StoryContainer } from '../../src/core/model';
import { expandSnippet, parseSnippet, snippetBody, tabOrder, type Expansion } from './helpers/snippetExpand';

const ROOT = join(__dirname, '..', '..');
const SNIPPETS_PATH = join(ROOT, 'snippets', 'markdown.code-snippets');
const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const raw = readFileSync(SNIPPETS_PATH, 'utf8');
const snippets = JSON.parse(raw) as Record<string, Snippet>;
const byPrefix = new Map<string, Snippet>();
for (const s of Object.values(snippets)) for (const p of [s.prefix].flat()) byPrefix.set(p, s);

function snippet(prefix: string): Snippet {
  const s = byPrefix.get(prefix);
  assert.ok(s, `no snippet with prefix "${prefix}"`);
  return s;
}

const LEADERSHIP_PRINCIPLES = [
  'Customer Obsession',
  'Ownership',
  'Invent and Simplify',
  'Are Right, A Lot',
  'Learn and Be Curious',
  'Hire and Develop the Best',
  'Insist on the Highest Standards',
  'Think Big',
  'Bias for Action',
  'Frugality',
  'Earn Trust',
  'Dive Deep',
  'Have Backbone; Disagree and Commit',
  'Deliver Results',
  "Strive to be Earth's Best Employer",
  'Success and Scale Bring Broad Responsibility',
];

const STAR: SectionKind[] = ['situation', 'task', 'action', 'result'];

function onlyQuestion(bank: BankFile): Question {
  const questions = bank.principles.flatMap((p) => p.questions);
  assert.equal(questions.length, 1, `expected one story, got ${questions.map((q) => q.title).join(' | ')}`);
  return questions[0];
}

function assertComplete(q: Question, container: StoryContainer, style: LabelStyle, kinds: SectionKind[] = STAR): void {
  assert.equal(q.container, container, `container of "${q.title}"`);
  assert.deepEqual(
    q.sections.map((s) => s.kind),
    kinds,
    `sections of "${q.title}"`,
  );
  for (const s of q.sections) {
    assert.equal(s.style, style, `style of the ${s.kind} section`);
    assert.ok(s.words > 0, `the ${s.kind} section has words`);
  }
}

/** Tab visits 1, 2, 3 … in the order they appear in the text, and $0 comes last, after everything else. */
function assertNaturalTabOrder(prefix: string, exp: Expansion): void {
  const inTextOrder: number[] = [];
  for (const s of exp.stops) if (!inTextOrder.includes(s.index)) inTextOrder.push(s.index);
  const numbered = inTextOrder.filter((i) => i !== 0);
  assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${prefix}: tab stops appear as 1, 2, 3 … in the text`);
  assert.deepEqual(tabOrder(exp.stops), [...numbered, 0], `${prefix}: has a final $0`);
  const finals = exp.stops.filter((s) => s.index === 0);
  assert.equal(finals.length, 1, `${prefix}: one $0`);
  assert.equal(finals[0].offset, Math.max(...exp.stops.map((s) => s.offset)), `${prefix}: $0 is the last stop`);
  assert.match(exp.text.slice(finals[0].offset), /^\s*$/, `${prefix}: nothing follows $0`);
  assert.match(exp.text.slice(0, finals[0].offset), /\n$/, `${prefix}: $0 is on its own line after the block`);
}

/**
 * Inserts a snippet where `cursor` is, as VS Code does: lines after the first take the indentation
 * of the cursor's line. Returns the new text and the offset of the snippet's $0.
 */
function insertAt(text: string, cursor: number, body: string | string[]): { text: string; cursor: number } {
  const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, cursor))?.[0] ?? '';
  const exp = expandSnippet(snippetBody(body).replace(/\n/g, `\n${indent}`));
  const final = exp.stops.find((s) => s.index === 0);
  assert.ok(final, 'snippet has a $0');
  return { text: text.slice(0, cursor) + exp.text + text.slice(cursor), cursor: cursor + final.offset };
}

/** Builds a story by typing section snippets one after another, each at the previous one's $0. */
function typeSections(template: string, prefixes: string[]): string {
  const marker = template.indexOf('|');
  let state = { text: template.slice(0, marker) + template.slice(marker + 1), cursor: marker };
  for (const p of prefixes) state = insertAt(state.text, state.cursor, snippet(p).body);
  // The user leaves the empty line at the last $0 (a blank line would end an HTML block).
  const { text, cursor } = state;
  const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
  const lineEnd = text.indexOf('\n', cursor);
  if (/^[ \t]*$/.test(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))) {
    return text.slice(0, lineStart) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
  }
  return text;
}

describe('snippets', () => {
  it('is a strict JSON object of snippets with a prefix, a body and a description', () => {
    assert.equal(typeof snippets, 'object');
    const prefixes: string[] = [];
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(name.length > 10, `a readable name: ${name}`);
      assert.ok(typeof s.prefix === 'string' || Array.isArray(s.prefix), `${name}: prefix`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name}: a description`);
      for (const p of [s.prefix].flat()) {
        assert.match(p, /^[a-z][a-z-]*$/, `${name}: prefix "${p}" is a simple word`);
        prefixes.push(p);
      }
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const p of ['star', 'star-md', 'star-h', 'star-list', 'principle']) assert.ok(byPrefix.has(p), p);
    for (const kind of [...STAR, 'learning']) {
      for (const suffix of ['', '-md', '-h', '-list']) assert.ok(byPrefix.has(kind + suffix), kind + suffix);
    }
  });

  it('every snippet parses as snippet syntax and has a natural tab order ending in $0', () => {
    for (const [prefix, s] of byPrefix) {
      assert.doesNotThrow(() => parseSnippet(snippetBody(s.body)), prefix);
      assertNaturalTabOrder(prefix, expandSnippet(s.body));
    }
  });

  describe('whole stories, expanded with their defaults, parse back complete', () => {
    const cases: [string, StoryContainer, LabelStyle][] = [
      ['star', 'details', 'html'],
      ['star-md', 'question-line', 'bold'],
      ['star-h', 'heading', 'heading'],
      ['star-list', 'list-item', 'list-bold'],
    ];
    for (const [prefix, container, style] of cases) {
      it(`${prefix} → a ${container} story with ${style} labels`, () => {
        const exp = expandSnippet(snippet(prefix).body);
        const q = onlyQuestion(parseBank(exp.text, { fileName: 'Ownership.md' }));
        assertComplete(q, container, style);
        assert.match(q.title, /^Tell me about a time when you/);
        // Tab visits the question first (after the story's short title in star-md).
        const questionStop = exp.stops.find((st) => st.index === (prefix === 'star-md' ? 2 : 1));
        assert.ok(questionStop);
        assert.equal(exp.text.slice(questionStop.offset, questionStop.offset + questionStop.length), q.title, `${prefix}: the question's stop`);
      });
    }

    const appendTo: [string, string][] = [
      ['star', 'seed/Customer Obsession.md'],
      ['star-md', 'formats/bold-labels.md'],
      ['star-h', 'formats/headings.md'],
      ['star-list', 'formats/list-labels.md'],
    ];
    for (const [prefix, file] of appendTo) {
      it(`${prefix} appended to ${file} adds one complete story and keeps the others`, () => {
        const before = readFileSync(join(EXAMPLES, file), 'utf8');
        const old = parseBank(before, { fileName: file });
        const text = before.replace(/\s*$/, '\n\n') + expandSnippet(snippet(prefix).body).text;
        const bank = parseBank(text, { fileName: file });
        const oldQs = old.principles.flatMap((p) => p.questions);
        const qs = bank.principles.flatMap((p) => p.questions);
        assert.equal(bank.principles.length, 1);
        assert.equal(qs.length, oldQs.length + 1);
        assert.deepEqual(qs.slice(0, -1).map((q) => q.title), oldQs.map((q) => q.title));
        const added = qs[qs.length - 1];
        assert.deepEqual(added.sections.map((s) => s.kind), STAR);
        assert.ok(added.sections.every((s) => s.words > 0));
      });
    }
  });

  describe('principle', () => {
    it('offers the 16 Amazon Leadership Principles, Customer Obsession first', () => {
      const choice = expandSnippet(snippet('principle').body).stops.find((s) => s.index === 1);
      assert.ok(choice?.choices);
      assert.deepEqual(choice.choices, LEADERSHIP_PRINCIPLES);
    });

    it('expands to a principle file with a definition and one complete story, like the seed', () => {
      const { text } = expandSnippet(snippet('principle').body);
      assert.match(text, /^# Customer Obsession\n## 1\. Definition\n.+\n\n## 2\. Sample questions\n<details>/);
      const bank = parseBank(text, { fileName: 'Untitled.md' });
      assert.equal(bank.principles.length, 1);
      const [p] = bank.principles;
      assert.equal(p.title, 'Customer Obsession');
      assert.ok(p.definition && p.definition.split(/\s+/).length >= 5, `a definition: ${p.definition}`);
      assert.equal(p.questions.length, 1);
      assertComplete(p.questions[0], 'details', 'html');
    });

    it('parses with the title of whichever principle is chosen', () => {
      const body = snippetBody(snippet('principle').body);
      for (const lp of LEADERSHIP_PRINCIPLES) {
        const chosen = body.replace(/\$\{1\|(?:[^|\\]|\\.)*\|\}/, lp.replace(/\$/g, '\\$'));
        const bank = parseBank(expandSnippet(chosen).text);
        assert.equal(bank.principles[0]?.title, lp);
      }
    });
  });

  describe('section snippets, typed one after another, build a complete story', () => {
    const styles: [string, string, StoryContainer, LabelStyle][] = [
      ['', '<details>\n<summary><b>Tell me about a time you fixed a flaky build.</b></summary>\n<ul>\n\t|\n</ul>\n</details>\n', 'details', 'html'],
      ['-md', '## Story: Flaky build\n\n**Question:** "Tell me about a time you fixed a flaky build."\n\n|', 'question-line', 'bold'],
      ['-h', '## Tell me about a time you fixed a flaky build\n\n|', 'heading', 'heading'],
      ['-list', '1. **Tell me about a time you fixed a flaky build.**\n   |', 'list-item', 'list-bold'],
    ];
    for (const [suffix, template, container, style] of styles) {
      it(`situation${suffix}, task${suffix}, action${suffix}, result${suffix}, learning${suffix} → ${container} story, ${style} labels`, () => {
        const star = typeSections(template, STAR.map((k) => k + suffix));
        assertComplete(onlyQuestion(parseBank(star)), container, style);
        const starl = typeSections(template, [...STAR, 'learning'].map((k) => k + suffix));
        assertComplete(onlyQuestion(parseBank(starl)), container, style, [...STAR, 'learning']);
      });
    }
  });
});

describe('snippet expander', () => {
  it('takes defaults, first choices, nested placeholders, mirrors and escapes', () => {
    assert.equal(expandSnippet('a ${1:one} b $2 c $0').text, 'a one b  c ');
    assert.equal(expandSnippet('${1|x,y\\,z|} ${2:outer ${3:inner}}').text, 'x outer inner');
    assert.equal(expandSnippet('${1:name} and $1 again').text, 'name and name again');
    assert.equal(expandSnippet('cost \\$2M \\} \\\\ ${1:a\\}b}').text, 'cost $2M } \\ a}b');
    assert.equal(expandSnippet('${TM_FILENAME:untitled} $UNKNOWN.').text, 'untitled .');
    assert.equal(expandSnippet('${1:hello} ${1/(h)(.*)/${1:/upcase}$2/}').text, 'hello Hello');
    assert.equal(expandSnippet('${1:ab} ${1/(a)/X/}').text, 'ab Xb');
    assert.equal(expandSnippet('price: $ 5').text, 'price: $ 5');
    assert.deepEqual(expandSnippet(['x$1', '$0']).stops.map((s) => [s.index, s.offset]), [[1, 1], [0, 2]]);
    assert.deepEqual(expandSnippet('${2:b}${1:a}$0').stops.map((s) => s.index), [2, 1, 0]);
    assert.deepEqual(tabOrder(expandSnippet('$0${2:b}${1:a}').stops), [1, 2, 0]);
    assert.throws(() => expandSnippet('${1:unclosed'));
  });
});
