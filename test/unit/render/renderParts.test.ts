import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { storyFileText } from '../../../scripts/bench/banks';
import { parseBank } from '../../../src/core/parser';
import { renderPreview, renderPreviewSteps } from '../../../src/core/render/pieces';
import { StoryHtmlCache } from '../../../src/core/render/storyCache';
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

  it('finds where to cut a big document in one pass, whatever it holds (these took seconds to minutes when each cut re-read the text)', function () {
    this.timeout(20_000);
    const stories = `# Ownership\n\n${Array.from({ length: 12_000 }, (_, n) => `## Time ${n}\n\n**Action:** I fixed it ${n}.\n\n`).join('')}`;
    assert.ok(renderCuts(stories).length > 1_000);
    for (const hostile of [`# P\n\n${'x <a y '.repeat(300_000)}\n\n## A\n\nt\n`, `# P\n\n${'<!-- '.repeat(300_000)}-->\n\n## A\n\nt\n`, `# P\n\n${'<!-- a --> '.repeat(300_000)}\n\n## A\n\nt\n`]) {
      renderCuts(hostile);
    }
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

describe('preview: the stories kept from the last render', () => {
  const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('x', ' word', '\n', '\n\n', '**Task:** t\n\n', '## New story\n\n', '<b>', '</details>', '1', '- item\n'), fc.boolean());

  /** Stories under headings, with any of the blocks above in them: a bank that is read in parts. */
  const bankOfStories = fc
    .array(fc.tuple(fc.constantFrom('Tell me about a time you led', 'Story', 'Give an example'), fc.array(block, { maxLength: 3 })), { minLength: 2, maxLength: 8 })
    .map((stories) => `# Ownership\n\n${stories.map(([title, blocks], n) => `## ${title} ${n}\n\n**Situation:** s ${n}.\n\n${blocks.join('\n\n')}\n\n**Action:** I did ${n}.`).join('\n\n')}\n`);

  it('renders each version of an edited document as a render without them does, on 500 generated edit sequences', function () {
    this.timeout(300_000);
    let reused = 0;
    fc.assert(
      fc.property(fc.oneof(document, bankOfStories), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(1, 64), (start, edits, partChars) => {
        const cache = new StoryHtmlCache();
        let text = start;
        for (const [where, typed, slower] of [[0, '', false] as const, ...edits]) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + typed + text.slice(at);
          const bank = parseBank(text);
          const options = { wordsPerMinute: slower ? 120 : 150, partChars };
          const fresh = renderPreview(text, bank, options);
          const steps = renderPreviewSteps(text, bank, { ...options, cache });
          let step = steps.next();
          let yields = 0;
          for (; !step.done; step = steps.next()) yields++;
          assert.deepEqual(step.value, fresh);
          // A step for each story, and one more for each story rendered: fewer when some were kept.
          if (yields < 2 * fresh.stories.length) reused++;
        }
      }),
      { numRuns: 500 },
    );
    // Most generated documents hold something that keeps them whole (a fence, a definition, tags out of order); enough do not.
    assert.ok(reused > 30, `renders that reused a story: ${reused}`);
  });

  it('renders only the story a word was typed in, in the bench bank, and moves the lines of the stories after a line break', () => {
    const text = storyFileText(100 * 1024, 0, true);
    const bank = parseBank(text);
    const cache = new StoryHtmlCache();
    const stories = bank.principles.reduce((n, p) => n + p.questions.length, 0);
    /** How many stories a render rendered (the others it took from the cache): each of those took a second step. */
    const rendered = (t: string) => {
      const steps = renderPreviewSteps(t, parseBank(t), { wordsPerMinute: 150, cache });
      let yields = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yields++;
      assert.deepEqual(step.value, renderPreview(t, parseBank(t), { wordsPerMinute: 150 }));
      return yields - stories;
    };
    assert.equal(rendered(text), stories);
    const at = text.indexOf('I set up a rotation', text.length / 2);
    const typed = `${text.slice(0, at)}quickly ${text.slice(at)}`;
    // The stories of the part the word was typed in (a few kilobytes).
    const again = rendered(typed);
    assert.ok(again >= 1 && again <= stories / 4, `${again} of ${stories} stories rendered again after a word`);
    const broken = `${typed.slice(0, at)}\n${typed.slice(at)}`;
    const afterBreak = rendered(broken);
    assert.ok(afterBreak >= 1 && afterBreak <= stories / 4, `${afterBreak} of ${stories} stories rendered again after a line break (the others moved)`);
  });
});
