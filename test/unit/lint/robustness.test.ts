import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDirectives } from '../../../src/core/lint/comments';
import { fixesFor, applyInsertion } from '../../../src/core/lint/fixes';
import { lintText } from '../../../src/core/lint/runner';

const PIECES = ['## Q?\n', '**Situation:** ', '**Task:**', '### Action\n', '- **R:** ', '<details>', '<summary><b>Q</b></summary>', '<li><b>Result: </b><br>', '</li>', '<!-- star-answers-disable -->', '<!-- star-answers-disable-next-story ownership -->', '```\n', '`', 'we ', 'I ', '19% ', '\r\n', '\n', '\uFEFF', '\u0000', '<!--', '-->', '> ', '1. '];

describe('lint: hostile input', () => {
  it('never throws, and every fix only inserts, on random markdown-ish text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const found = lintText(text);
        for (const d of found) {
          assert.ok(d.range.start.offset <= d.range.end.offset);
          for (const fix of fixesFor(text, d)) {
            const out = applyInsertion(text, fix.insertion);
            assert.equal(out.slice(0, fix.insertion.offset) + out.slice(fix.insertion.offset + fix.insertion.text.length), text);
          }
        }
        findDirectives(text);
      }),
      { numRuns: 300 },
    );
  });

  it('a large bank of stories lints without a hang (the 2 MB case is in npm run bench)', function () {
    this.timeout(120_000);
    const story = (n: number) => `## Question ${n}\n\n**Situation:** We had a problem number ${n}.\n\n**Action:** We fixed it.\n\n**Result:** It went well.\n\n`;
    let text = '# Big\n\n';
    for (let n = 0; text.length < 100_000; n++) text += story(n);
    const found = lintText(text);
    assert.ok(found.length > 1000);
    assert.ok(found.every((d, i) => i === 0 || found[i - 1].range.start.offset <= d.range.start.offset), 'sorted by position');
  });
});
