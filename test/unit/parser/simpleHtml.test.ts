import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { assertFastRouteOften } from '../helpers/fastRoute';
import { markdownUnder } from '../helpers/markdownFiles';
import { markdownToHast } from '../../../src/core/parser/markdown';
import { STYLES } from '../../../scripts/bench/banks';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** What the walk reads of a hast node: its kind, tag, properties, value, position and children. */
function shape(node: unknown): unknown {
  const n = node as { type: string; tagName?: string; properties?: unknown; value?: string; position?: unknown; children?: unknown[] };
  return {
    type: n.type,
    ...(n.tagName !== undefined ? { tagName: n.tagName, properties: n.properties } : {}),
    ...(n.value !== undefined ? { value: n.value } : {}),
    ...('position' in n && n.position !== undefined ? { position: n.position } : {}),
    ...(n.children ? { children: n.children.map(shape) } : {}),
  };
}

/** True when the simple route read the text; then its tree must be hast-util-raw's. */
function sameTree(text: string, where: string): boolean {
  const simple = markdownToHast(text);
  const full = markdownToHast(text, { fullHtmlRoute: true });
  assert.deepEqual(simple.problems, full.problems, where);
  if (simple.route !== 'simple') return false;
  assert.deepEqual(shape(simple.tree), shape(full.tree), where);
  return true;
}

const words = fc.array(fc.constantFrom('we', 'I', '19%', 'Ünï', '😀', '>', '*', '_', '`', 'Situation:', 'Result', '**Task:**', '  ', '\t', 'x'), { maxLength: 6 }).map((w) => w.join(' '));
const tag = fc.constantFrom('details', 'summary', 'ul', 'ol', 'li', 'b', 'strong', 'i', 'em', 'p', 'div', 'span', 'h3', 'blockquote', 'code', 'a', 'u', 'sup');
const piece = fc.oneof(
  fc.tuple(tag, words).map(([t, w]) => `<${t}>${w}</${t}>`),
  tag.map((t) => `<${t}>`),
  tag.map((t) => `</${t}>`),
  fc.constantFrom('<br>', '<br/>', '<br />', '<hr>', '<img>', '<!-- a comment -->', '<!--x-->', '<b >', '</b >', '<B>', '</B>'),
  fc.constantFrom('<a href="x">link</a>', '&amp;', '&nbsp;', '<details open>', '<table><tr><td>x</td></tr></table>', '<pre>\ncode</pre>', '<p>one<p>two', '< notatag', '<!-->'),
  words,
  fc.constantFrom('\n', '\n\n', '\n    ', '\n- ', '\n1. ', '\n> ', '\n## ', '\n**Result:** ', '\n```\n', '\n| a | b |\n|---|---|\n| c | d |\n'),
);
const document = fc.tuple(fc.array(piece, { maxLength: 30 }), fc.boolean()).map(([parts, crlf]) => {
  const body = parts.join('');
  return crlf ? body.replace(/\r?\n/g, '\r\n') : body;
});

/** HTML closed in order, with markdown and blank lines between its block tags: what the simple route reads. */
const gap = fc.constantFrom('', '\n', '\n    ', '\n\n', '\n\n    ', '\n\n- ', '\n\n**Situation:** ', '\n\n## ', '\n\n> ', '\n\n```\n', '\n\n1. ');
const blockTag = fc.constantFrom('details', 'summary', 'ul', 'ol', 'li', 'p', 'div', 'h3', 'blockquote');
const inlineTag = fc.constantFrom('b', 'strong', 'i', 'em', 'span', 'code', 'a', 'u', 'sup');
const { inline } = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small' },
    words,
    fc.constantFrom('<br>', '<br/>', '<!-- note -->', '**bold**', '*it*', '`code`'),
    fc.tuple(inlineTag, fc.array(tie('inline'), { maxLength: 3 })).map(([t, inner]) => `<${t}>${inner.join('')}</${t}>`),
  ),
}));
const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small' },
    inline,
    fc.constantFrom('<hr>', '<!-- star-answers-disable -->'),
    fc.tuple(blockTag, gap, fc.array(fc.tuple(tie('block'), gap), { maxLength: 4 }), gap).map(([t, before, inner, after]) => `<${t}>${before}${inner.map(([b, g]) => b + g).join('')}${after}</${t}>`),
  ),
}));
const balanced = fc.array(fc.tuple(block, gap), { maxLength: 8 }).map((parts) => parts.map(([h, g]) => h + g).join(''));

describe('parser: simple raw HTML read directly', () => {
  it('gives hast-util-raw\'s tree on every fixture and example it reads, and reads the seed format', () => {
    let simple = 0;
    const files = markdownUnder(FIXTURES); // the examples are among them (test/fixtures/examples)
    for (const file of files) if (sameTree(fs.readFileSync(file, 'utf8'), path.relative(FIXTURES, file))) simple++;
    assert.ok(simple >= 8, `only ${simple} of ${files.length} files took the simple route`);
    const seed = `# Ownership\n\n${STYLES[0](1)}${STYLES[1](2)}${STYLES[2](3)}`;
    assert.ok(sameTree(seed, 'seed format'), 'the seed format takes the simple route');
  });

  it('gives hast-util-raw\'s tree on 1,000 generated documents of HTML and markdown', function () {
    this.timeout(300_000);
    assertFastRouteOften(document, sameTree, { runs: 1_000, oneIn: 20 });
  });

  it('gives hast-util-raw\'s tree on 1,000 generated documents of HTML closed in order', function () {
    this.timeout(300_000);
    assertFastRouteOften(balanced, sameTree, { runs: 1_000, oneIn: 6 });
  });
});
