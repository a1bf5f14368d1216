import assert from 'node:assert/strict';
import { renderBank } from '../../../src/core/render/bank';
import { lineShift, planPreviewPatch, renderPreview, renderPreviewSteps, shiftLines, type PreviewPieces } from '../../../src/core/render/pieces';
import { parseBank } from '../../../src/core/parser';
import { EXAMPLE_FILES, readExample } from '../parser/helpers';

/** The page the pieces make, as the webview holds it: each placeholder filled with its story. */
function assemble(pieces: PreviewPieces): string {
  let html = pieces.skeleton;
  for (const story of pieces.stories) html = html.replace(`<details data-story="${story.id}"></details>`, () => story.html);
  return html;
}

/** What the webview does with a patch, on the HTML of each piece. */
function applyPatch(shown: PreviewPieces, stories: { id: string; html: string }[], shift: ReturnType<typeof lineShift>): PreviewPieces {
  const replaced = new Map(stories.map((s) => [s.id, s.html]));
  return { skeleton: shiftLines(shown.skeleton, shift), stories: shown.stories.map((s) => ({ id: s.id, html: replaced.get(s.id) ?? shiftLines(s.html, shift) })) };
}

function render(text: string) {
  return renderPreview(text, parseBank(text), { wordsPerMinute: 150 });
}

describe('preview pieces: an edit sends only the stories it changed', () => {
  it('cuts the same HTML as renderBank into a page and its stories', () => {
    for (const file of EXAMPLE_FILES) {
      const text = readExample(file);
      const pieces = render(text);
      assert.equal(pieces.html, renderBank(text, parseBank(text), { wordsPerMinute: 150 }).html, file);
      assert.equal(assemble(pieces.pieces), pieces.html, file);
      assert.deepEqual(pieces.pieces.stories.map((s) => s.id), pieces.stories.map((s) => s.id), file);
    }
  });

  it('a word typed in one story sends that story only', () => {
    const text = readExample('formats/bold-labels.md');
    const before = render(text);
    const at = text.indexOf('none of the migrated customers');
    const next = `${text.slice(0, at)}truly ${text.slice(at)}`;
    const after = render(next);
    const shift = lineShift(text, next);
    const stories = planPreviewPatch(before.pieces, after.pieces, shift);
    assert.deepEqual(stories?.map((s) => s.id), ['s-0-1']);
    assert.equal(assemble(applyPatch(before.pieces, stories!, shift)), after.html);
  });

  it('a new paragraph typed in the first story sends that story and moves the lines of the others', () => {
    const text = readExample('formats/bold-labels.md');
    const before = render(text);
    const at = text.indexOf(' Alerts went to a shared inbox');
    const next = `${text.slice(0, at)}\n\nAnd a new paragraph.${text.slice(at)}`;
    const after = render(next);
    const shift = lineShift(text, next);
    assert.deepEqual(shift, { after: 8, delta: 2 });
    const stories = planPreviewPatch(before.pieces, after.pieces, shift);
    assert.deepEqual(stories?.map((s) => s.id), ['s-0-0']);
    // The other story moved: its lines differ, yet it is not sent; the webview moves them itself.
    assert.notEqual(before.pieces.stories[1].html, after.pieces.stories[1].html);
    assert.equal(assemble(applyPatch(before.pieces, stories!, shift)), after.html);
  });

  it('sends the whole content when a story is added or a principle changes', () => {
    const text = readExample('formats/bold-labels.md');
    const before = render(text);
    const added = `${text}\n## Story: one more\n\n**Question:** "Another?"\n\n**Situation:** A.\n\n**Task:** B.\n\n**Action:** C.\n\n**Result:** 5 more.\n`;
    assert.equal(planPreviewPatch(before.pieces, render(added).pieces, lineShift(text, added)), undefined);
    const renamed = text.replace('# Ownership', '# Ownership and more');
    assert.equal(planPreviewPatch(before.pieces, render(renamed).pieces, lineShift(text, renamed)), undefined);
  });

  it('counts lines the same for CRLF', () => {
    assert.deepEqual(lineShift('a\r\nb\r\nc', 'a\r\nb\r\n\r\nc'), { after: 2, delta: 1 });
    assert.deepEqual(lineShift('a\nb', 'a\nxb'), { after: 1, delta: 0 });
    assert.equal(shiftLines('<p data-line="3"></p><p data-line="1"></p>', { after: 2, delta: 2 }), '<p data-line="5"></p><p data-line="1"></p>');
  });
});

describe('preview rendering in steps (the extension host gives its thread back between them)', () => {
  it('gives every example the page renderPreview gives, with a step for each story and each story cut out', () => {
    for (const file of EXAMPLE_FILES) {
      const text = readExample(file);
      const bank = parseBank(text);
      const steps = renderPreviewSteps(text, bank, { wordsPerMinute: 150 });
      let yields = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yields++;
      const whole = renderPreview(text, bank, { wordsPerMinute: 150 });
      assert.deepEqual(step.value, whole, file);
      const stories = bank.principles.reduce((n, p) => n + p.questions.length, 0);
      // One step to render each story and one to serialize it: no story waits for the others in one step.
      assert.equal(yields, 2 * stories, file);
    }
  });

  it('renders a bank of a thousand stories a story at a time, as it renders it at once', () => {
    const story = (n: number) => `## Tell me about time ${n}\n\n**Situation:** the build broke ${n} times.\n\n**Action:** I fixed it.\n\n**Result:** ${n}% faster.\n\n`;
    const text = `# Ownership\n\n${Array.from({ length: 1_000 }, (_, n) => story(n)).join('')}`;
    const bank = parseBank(text);
    const steps = renderPreviewSteps(text, bank, { wordsPerMinute: 150 });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.equal(yields, 2_000);
    assert.equal(step.value.html, renderBank(text, bank, { wordsPerMinute: 150 }).html);
    assert.equal(step.value.pieces.stories.length, 1_000);
  });
});
