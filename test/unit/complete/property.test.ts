import * as assert from 'node:assert';
import fc from 'fast-check';
import { completeSections } from '../../../src/core/complete';
import { parseBank } from '../../../src/core/parser';
import { LineIndex } from '../../../src/core/text/lineIndex';

/** Pieces of story banks in every shape, glued at random: stories, broken tags, stray labels, blank lines. */
const PIECES = [
  '# Deliver Results', '## Tell me about a time', '### Situation', '### Task', '#### Result', '<details>', '</details>',
  '<summary><b>Q?</b></summary>', '<ul>', '</ul>', '<li>', '</li>', '    <li>', '    </li>', '<b>Situation: </b><br>',
  '<b>Action:</b><br>', '- text<br>', '**Situation:** s', '**Task**: t', '**Action:** a', '**Result:** 19%',
  '1. **Describe a risk.**', '   - **S:** s', '   - **R:** r', '   - Task: t', '- Learning: l', '**Question:** "Q?"',
  '| Situation | s |', '<!--', '-->', '```', '', '', '  ', '\t', 'prose I wrote', '-', '**', '<li', '- **T', '\uFEFF', '\u0000',
];

describe('completeSections on arbitrary banks', () => {
  it('never throws, and what it offers is well formed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.nat(),
        (pieces, eol, at) => {
          const text = pieces.join(eol);
          const lines = new LineIndex(text);
          const offset = text.length ? at % (text.length + 1) : 0;
          const result = completeSections(text, parseBank(text, { lines }), offset, lines);
          if (!result) return;
          const { start, end } = result.replace;
          assert.strictEqual(start.line, end.line, 'one line');
          assert.strictEqual(start.character, 0, 'from the start of the line');
          assert.ok(start.offset <= offset && offset <= end.offset, 'around the cursor');
          assert.strictEqual(text.slice(offset, end.offset).trim(), '', 'only blanks after the cursor');
          assert.ok(result.items.length > 0);
          assert.strictEqual(new Set(result.items.map((i) => i.kind)).size, result.items.length, 'each kind once');
          assert.ok(!result.question.sections.some((s) => result.items.some((i) => i.kind === s.kind)), 'only missing kinds');
          for (const item of result.items) {
            assert.strictEqual(item.snippet.split('${1}').length, 2, 'one tab stop');
            assert.ok(!/\r/.test(item.snippet), 'the editor writes its own line ends');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
