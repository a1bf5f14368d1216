import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { storyFileText } from '../../../scripts/bench/banks';
import { parseBank } from '../../../src/core/parser';
import { renderPreview } from '../../../src/core/render/pieces';
import { renderCuts } from '../../../src/core/render/renderParts';
import { markdownUnder } from '../helpers/markdownFiles';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** The preview's page of a text read whole, and read in parts cut wherever they may be. */
function both(text: string) {
  const bank = parseBank(text);
  return { whole: renderPreview(text, bank, { wordsPerMinute: 150, partChars: Infinity }), inParts: renderPreview(text, bank, { wordsPerMinute: 150, partChars: 1 }) };
}

const block = fc.constantFrom(
  '**Situation:** a late order.', '**Task:** ship it.', '**Action:** I split the work\nand *led* it.', '**Result:** 20% faster, [see](https://example.com).',
  '- an item\n- another\nlazy line', '1. one\n2. two', '- loose\n\n- list', '> a quote\nlazy', '    indented code', '<details>\n<summary>Q</summary>\n\n**Situation:** x\n</details>',
  '<details>\n<summary>Tell me</summary>', '</details>', '<div>\nhtml\n</div>', '<b>open bold', '</b>', '<!-- a comment -->', '<!-- a comment\nover lines -->', '```\ncode\n\n# not a heading\n```',
  '| a | b |\n| - | - |\n| 1 | 2 |', '[ref]: https://example.com', 'a [link][ref] and [^1]', '[^1]: a note', 'Setext\n===', '***', '`<div>` in code', 'text  \nhard break', '<br>', '<img src="https://x/y.png" alt="y">',
);
const heading = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('Tell me about a time you led', 'Situation', 'Ownership', 'Story 2', '')).map(([n, t]) => `${'#'.repeat(n)} ${t}`.trimEnd());
const document = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: block }, { weight: 2, arbitrary: heading }), { maxLength: 24 }), fc.boolean(), fc.boolean())
  .map(([blocks, crlf, bom]) => {
    const text = `# Ownership\n\n${blocks.join('\n\n')}\n`;
    return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

describe('preview: a document read in parts renders as it does read whole', () => {
  it('gives every fixture the same page, cut wherever it may be', () => {
    let cut = 0;
    for (const file of markdownUnder(FIXTURES)) {
      const text = fs.readFileSync(file, 'utf8');
      const { whole, inParts } = both(text);
      assert.deepEqual(inParts, whole, path.relative(FIXTURES, file));
      if (renderCuts(text.replace(/^\uFEFF/, ''), 1).length) cut++;
    }
    assert.ok(cut >= 10, `fixtures read in parts: ${cut}`);
  });

  it('gives 1,000 generated documents the same page, and reads many of them in parts', () => {
    let cut = 0;
    fc.assert(
      fc.property(document, (text) => {
        const { whole, inParts } = both(text);
        assert.deepEqual(inParts, whole);
        if (renderCuts(text.replace(/^\uFEFF/, ''), 1).length) cut++;
      }),
      { numRuns: 1_000 },
    );
    assert.ok(cut > 200, `documents read in parts: ${cut}`);
  });

  it('reads the bench bank in parts of 16 KB or more, to the same page', () => {
    const text = storyFileText(200 * 1024, 0, true);
    const cuts = renderCuts(text);
    assert.ok(cuts.length >= 8, `${cuts.length} cuts`);
    const bank = parseBank(text);
    assert.deepEqual(renderPreview(text, bank, { wordsPerMinute: 150 }), renderPreview(text, bank, { wordsPerMinute: 150, partChars: Infinity }));
  });

  it('does not cut inside raw HTML still open, nor a document whose tags do not balance or that writes a tag in code', () => {
    const open = '# P\n\n<details>\n<summary>Q</summary>\n\n## Inside\n\n</details>\n\n## After\n\ntext\n';
    const at = (s: string) => open.indexOf(s);
    assert.deepEqual(renderCuts(open, 1), [at('## After')]);
    assert.deepEqual(renderCuts('# P\n\n</div>\n\n## A\n\ntext\n', 1), []);
    assert.deepEqual(renderCuts('# P\n\n`</b>`\n\n## A\n\ntext\n', 1), []);
    const voidTag = '# P\n\ntext<br>\n\n## A\n\ntext\n';
    assert.deepEqual(renderCuts(voidTag, 1), [voidTag.indexOf('## A')]);
  });
});
