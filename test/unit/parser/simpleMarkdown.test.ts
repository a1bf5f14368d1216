import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { assertFastRouteOften } from '../helpers/fastRoute';
import { markdownUnder } from '../helpers/markdownFiles';
import { readMdast } from '../../../src/core/parser/markdown';
import { readSimpleMarkdown } from '../../../src/core/parser/simpleMarkdown';
import { bankText, STYLES } from '../../../scripts/bench/banks';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** True when the simple reader read the text; then its tree must be micromark's, positions included. */
function sameTree(text: string, where: string): boolean {
  const simple = readSimpleMarkdown(text);
  if (!simple) return false;
  assert.deepEqual(simple, readMdast(text, true), where);
  return true;
}

const word = fc.constantFrom(
  'we', 'I', 'shipped', '19%', '2019', 'Ünï', '😀', 'a\u00a0b', 'C#', 'x #', '"quoted"', '(aside)', 'end.', 'a:', '!', 'http://x.y', 'www.z.com',
  '**Situation:**', '**Task**:', '**a**b', 'a**b**', '** a**', '**a **', '***x***', '**a:**.', '**a:**b', '**a**,', '**“q”**', '**a** **b**', '****', '**', '*x*',
  '**S**ituation', '**“q”**s', '**a.**b', '**😀**x', '**a**😀', '**a**“', 'a — **b**—c',
  '_x_', 'snake_case', '`c`', '[l](u)', '&amp;', '<b>', '</b>', '<br>', '\\', '~x~', '|', 'a  ', '1.', '2)',
);
const inline = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const line = fc.oneof(
  { weight: 4, arbitrary: inline },
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', '  ', ''), inline).map(([n, s, t]) => `${'#'.repeat(n)}${s}${t}`),
  fc.tuple(fc.constantFrom('- ', '-  ', '* ', '+ ', '1. ', '2. ', '10. ', '1234567890. ', '2) ', '-', '- - ', '1.'), inline).map(([m, t]) => m + t),
  fc.constantFrom('- **Action:** I did it', '- I measured 3 things', '**Result:** 40% faster', '### Situation'),
  fc.constantFrom('<details>', '</details>', '<summary><b>Tell me (1).</b></summary>', '<b>x</b> y', '<ul>', '    <li>', '<div class="x">', '<!-- c -->', '<script>', '<pre>', '<detailsx>', '</li >', '<LI>', '<p/>'),
  fc.constantFrom('', '', '', ' ', '\t', '  \t ', '---', '***', '___', '----', '- - -', '**', '===', '<!-- note -->', '<!-- a --> b', '<!-->', '<!--->', '<!-- open', '> quote', '    code', '```', '| a | b |', '[x]: /u', '\u0000', '\ufeff'),
);
const documentOf = (lines: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(lines, { maxLength: 25 }), fc.constantFrom('', '\n', '\n\n'), fc.boolean()).map(([all, end, crlf]) => {
    const text = all.join('\n') + end;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
const document = documentOf(line);

/** Mostly what the simple reader knows, with now and then a line or a word it does not. */
const safeWord = fc.constantFrom('we', 'I', 'shipped', '19%', 'Ünï', '😀', 'C#', '"quoted"', '(aside)', 'end.', 'a:', '**Situation:**', '**Task**:', '**a:**.', '**a**,', '**“q”**', '**a** **b**');
const nearInline = fc.array(fc.oneof({ weight: 30, arbitrary: safeWord }, { weight: 1, arbitrary: word }), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const nearLine = fc.oneof(
  { weight: 20, arbitrary: nearInline },
  { weight: 12, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), nearInline).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  { weight: 12, arbitrary: nearInline.map((t) => `- ${t}`) },
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('1', '2', '3', '10'), nearInline).map(([n, t]) => `${n}. ${t}`) },
  { weight: 3, arbitrary: fc.constantFrom('---', '***', '___', '<!-- star-answers-disable -->', ' ', '**S**ituation: x', '- **T**ask: y') },
  { weight: 4, arbitrary: fc.constantFrom('<details>', '</details>', '<summary><b>Tell me (1).</b></summary>', '<ul>', '    <li>', '        <b>Situation: </b><br>', '        - I did it<br>', '</ul>') },
  { weight: 1, arbitrary: line },
);
const nearSimpleDocument = documentOf(nearLine);
/**
 * Paragraphs and list items of a few lines split at a space now and then: one space (a soft break) or two (a hard
 * break) left at a line's end, the last line's too at times; between them, lines of the kind above.
 */
const splitBlock = fc
  .tuple(fc.constantFrom('', '', '- ', '1. '), fc.array(fc.tuple(nearInline, fc.constantFrom('', ' ', ' ', '  ')), { minLength: 2, maxLength: 4 }), fc.constantFrom('', '', '', ' '))
  .map(([marker, lines, last]) => marker + lines.map(([text, end], i) => (i < lines.length - 1 ? text + end : text + last)).join('\n'));
const splitDocument = fc.array(fc.oneof({ weight: 3, arbitrary: splitBlock }, { weight: 1, arbitrary: nearLine }), { maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

describe('parser: simple markdown read directly', () => {
  it('gives micromark\'s tree on every fixture and example it reads, and reads the seed format', () => {
    let simple = 0;
    const files = markdownUnder(FIXTURES); // the examples are among them (test/fixtures/examples)
    for (const file of files) if (sameTree(fs.readFileSync(file, 'utf8'), path.relative(FIXTURES, file))) simple++;
    assert.ok(simple >= 5, `only ${simple} of ${files.length} files took the simple route`);
    for (const [i, style] of STYLES.entries()) assert.ok(sameTree(`# Ownership\n\n${style(i)}`, `style ${i}`), `bench style ${i} takes the simple route`);
    assert.ok(sameTree(bankText(40, 3), 'bench bank'), 'a bench bank file takes the simple route');
  });

  it('gives micromark\'s tree on 3,000 generated documents', function () {
    this.timeout(300_000);
    assertFastRouteOften(document, sameTree, { runs: 3_000, oneIn: 20 });
  });

  it('gives micromark\'s tree on 3,000 generated documents of mostly what it knows', function () {
    this.timeout(300_000);
    assertFastRouteOften(nearSimpleDocument, sameTree, { runs: 3_000, oneIn: 4 });
  });

  it('gives micromark\'s tree on 3,000 generated documents with lines that end in a space', function () {
    this.timeout(300_000);
    let softRead = 0;
    const read = (text: string, where: string) => {
      const simple = sameTree(text, where);
      if (simple && /[^ \n] \r?\n/.test(text)) softRead++;
      return simple;
    };
    assertFastRouteOften(splitDocument, read, { runs: 3_000, oneIn: 8 });
    // The property says little unless the reader read lines that end in a space itself.
    assert.ok(softRead > 50, `documents with a soft line read directly: ${softRead}`);
  });

  it('reads lazy list lines, ordered lists, lists and HTML after a paragraph, breaks, comments and blank lines of spaces', () => {
    for (const text of ['- a\nlazy line', '**Action:**\n- I did\n- I did more\nand more\n\n**Result:** 3x', 'Text\n<details>\n<b>x</b>\n</details>', '# T\n## U\ntext\n### V', '1. one\n2. two\n\n---\n\n- **S**ituation: x', 'text\n1. one', 'a\n  \n<!-- c -->\nb', 'a \nb', 'I set up \na rotation.\n\nNext', '- a \nlazy line', '**Action:** I \nset it up.']) {
      assert.ok(sameTree(text, JSON.stringify(text)), JSON.stringify(text));
    }
  });

  it('leaves to micromark what it does not know', () => {
    for (const text of ['a\n===', 'a\n---', '- a\n\n- b', '- a\n## b', '- a\n<details>', '1. a\n- b', 'a\n2. b', '1) one', '> q', '    code', 'a _b_ c', 'a\r\nb', '**a:**b', '<span>x</span>', '## C#', 'a  \nb', '---\ntitle: x\n---\n', 'a \n\nb', 'a \n', '- a \n\nb', '- a \n- b', '**Action:** \nI did', '## H \n', '<details> \n', 'a\t\nb']) {
      assert.equal(readSimpleMarkdown(text), undefined, JSON.stringify(text));
    }
  });
});
