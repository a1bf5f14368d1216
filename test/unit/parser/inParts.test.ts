import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { readInParts } from '../../../src/core/parser/inParts';
import { readWithMicromark } from '../../../src/core/parser/markdown';
import { markdownUnder } from '../helpers/markdownFiles';
import { storyFileText } from '../../../scripts/bench/banks';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const whole = (text: string): Root => readWithMicromark(text, Infinity);

/** micromark's tree of the text read in parts (cut wherever it may be, `partBytes` 1), and how many parts it took. */
function inParts(text: string): { tree: Root; parts: number } {
  let parts = 0;
  const tree = readInParts(text, (part) => (parts++, whole(part)), 1);
  return { tree, parts };
}

const block = fc.constantFrom(
  'A paragraph of words.', 'Two lines\nof a paragraph.', '**Situation:** a late order.\n**Task:** ship it.', '- an item\n- another\nlazy line', '1. one\n2. two',
  '- loose\n\n- list', '> a quote\nlazy', '    indented code', '<details>\n<summary>Q</summary>\n\ntext\n</details>', '<div>\nhtml\n</div>', '<!-- a comment -->',
  '<!-- a comment\nover lines -->', '```\ncode\n\n# not a heading\n```', '~~~\nx\n~~~', '<pre>\n\n# in pre\n</pre>', '| a | b |\n| - | - |\n| 1 | 2 |', '[ref]: https://example.com',
  'a [link][ref] and [^1]', '[^1]: a note', 'Setext\n===', 'Setext\n---', '***', '- item\n\n  # indented heading', 'text  \nhard break', '<script>\n\n# x\n</script>', 'a\n# heading right after',
);
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('Story', 'Give an example', '')).map(([n, t]) => `${'#'.repeat(n)} ${t}`.trimEnd());
const document = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: block }, { weight: 2, arbitrary: heading }), { maxLength: 20 }), fc.constantFrom('\n', '\n\n', ''), fc.boolean())
  .map(([blocks, end, crlf]) => {
    const text = blocks.join('\n\n') + end;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('parser: a big file read by micromark in parts', () => {
  it('gives the whole file\'s tree for every fixture, cut wherever it may be', () => {
    let cut = 0;
    for (const file of markdownUnder(FIXTURES)) {
      const text = fs.readFileSync(file, 'utf8');
      if (/^\uFEFF?(?:---|\+\+\+)/.test(text)) continue; // front matter is read apart, whole
      const { tree, parts } = inParts(text);
      assert.deepEqual(tree, whole(text), path.relative(FIXTURES, file));
      if (parts > 1) cut++;
    }
    assert.ok(cut >= 5, `fixtures read in parts: ${cut}`);
  });

  it('gives the whole text\'s tree on 2,000 generated documents, and reads many of them in parts', () => {
    let cut = 0;
    fc.assert(
      fc.property(document, (text) => {
        const { tree, parts } = inParts(text);
        assert.deepEqual(tree, whole(text));
        if (parts > 1) cut++;
      }),
      { numRuns: 2_000 },
    );
    assert.ok(cut > 200, `documents read in parts: ${cut}`);
  });

  it('reads a big bank in parts of 64 KB or more, to the same tree', () => {
    const text = storyFileText(300 * 1024, 0, true).replace('I set up a rotation', 'I set up a [rotation](x)');
    let parts = 0;
    const tree = readInParts(text, (part) => (parts++, whole(part)));
    assert.ok(parts >= 3 && parts <= 5, `${parts} parts`);
    assert.deepEqual(tree, whole(text));
  });
});
