import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range } from '../../../src/core/model';
import { parseBank } from '../../../src/core/parser';
import { LineIndex } from '../../../src/core/text/lineIndex';

const word = fc.constantFrom('we', 'I', 'team', '19%', '$2M', '3x', 'three weeks', 'customer', 'Ünïcödé', '😀', '<', '>', '&amp;', '*', '_', '`', '|', '\\', '"', 'Situation:', 'Result');
const words = fc.array(word, { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const label = fc.constantFrom('Situation', 'Task', 'Action', 'Result', 'S', 'T', 'A', 'R', 'Context', 'Goal', 'Approach', 'Outcome', 'Learnings', 'SITUATION', 'S (Situation)');

const fragment = fc.oneof(
  fc.tuple(words).map(([q]) => `<details>\n<summary><b>${q}</b></summary>\n<ul>\n`),
  fc.tuple(label, words).map(([l, w]) => `    <li>\n        <b>${l}: </b><br>\n        - ${w}<br>\n    </li>\n`),
  fc.constant('</ul>\n</details>\n'),
  fc.tuple(label, words).map(([l, w]) => `**${l}:** ${w}\n`),
  fc.tuple(label, words).map(([l, w]) => `- **${l}:** ${w}\n`),
  fc.tuple(label, words).map(([l, w]) => `${l}: ${w}\n`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(label, words)).map(([n, t]) => `${'#'.repeat(n)} ${t}\n`),
  words.map((w) => `**Question:** "${w}"\n`),
  words.map((w) => `1. **${w}**\n`),
  fc.tuple(label, words).map(([l, w]) => `| Question | ${l} |\n|---|---|\n| ${w} | ${w} |\n`),
  words.map((w) => `> **Result:** ${w}\n`),
  fc.constant('```\n**Situation:** code\n'),
  fc.constant('```\n'),
  fc.constant('<!-- star-answers-disable -->\n'),
  fc.constant('<!-- unclosed comment\n'),
  fc.constantFrom('<details>', '</details>', '<summary>', '<b>', '</li>', '<ul><li>', '<svg><script>', '<table><tr><td>'),
  fc.constant('\n'),
  fc.constant('\r\n'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const document = fc
  .tuple(fc.boolean(), fc.array(fragment, { maxLength: 25 }), fc.boolean())
  .map(([bom, parts, crlf]) => {
    const body = parts.join('\n');
    return (bom ? '\uFEFF' : '') + (crlf ? body.replace(/\r?\n/g, '\r\n') : body);
  });

function checkRange(text: string, lines: LineIndex, r: Range, what: string) {
  assert.ok(r.start.offset >= 0 && r.end.offset <= text.length, `${what} outside the text`);
  assert.ok(r.start.offset <= r.end.offset, `${what} ends before it starts`);
  for (const p of [r.start, r.end]) assert.deepEqual(lines.position(p.offset), p, `${what}: line/column disagree with offset`);
}

describe('parser: property', () => {
  it('10,000 generated documents mixing every format with noise parse without throwing, every range inside the text', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(document, (text) => {
        const bank = parseBank(text, { fileName: 'generated.md' });
        const lines = new LineIndex(text);
        for (const p of bank.principles) {
          checkRange(text, lines, p.titleRange, 'principle title');
          checkRange(text, lines, p.range, 'principle');
          if (p.definitionRange) checkRange(text, lines, p.definitionRange, 'definition');
          for (const q of p.questions) {
            checkRange(text, lines, q.titleRange, 'question title');
            checkRange(text, lines, q.range, 'question');
            for (const s of q.sections) {
              checkRange(text, lines, s.range, 'section');
              checkRange(text, lines, s.labelRange, 'label');
              assert.ok(s.words >= 0);
            }
          }
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
