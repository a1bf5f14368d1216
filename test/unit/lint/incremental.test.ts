import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { relintEdit } from '../../../src/core/lint/incremental';
import { lintBank } from '../../../src/core/lint/runner';
import { parseBank } from '../../../src/core/parser';
import { rereadEdit } from '../../../src/core/parser/incremental';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { createRequestHandler } from '../../../src/core/worker/handler';
import type { ParseResponse } from '../../../src/core/worker/protocol';
import { ALL_ON, placeEdit, typedEdit, withoutStories } from '../helpers/typedEdits';
import { EXAMPLE_FILES, readExample } from '../parser/helpers';

const FIXTURES = path.join(__dirname, '../../fixtures');
const RULE_FIXTURES = fs.readdirSync(path.join(FIXTURES, 'rules')).flatMap((rule) => ['bad.md', 'good.md'].map((f) => path.join(FIXTURES, 'rules', rule, f)).filter((f) => fs.existsSync(f)));

/** A bank with switch comments and a story told twice, so that every way a finding depends on more than its story is met. */
function switchedAndCopied(): string {
  const seed = readExample('seed/Customer Obsession.md');
  const first = parseBank(seed).principles[0].questions[0];
  const copy = seed.slice(first.range.start.offset, first.range.end.offset);
  const bold = readExample('formats/bold-labels.md').replace('Nobody asked me,', 'Nobody asked me, <!-- star-answers-disable hedge --> maybe,');
  return [
    seed,
    bold,
    '<!-- star-answers-enable hedge -->',
    '',
    '# Earn Trust',
    '',
    '<!-- star-answers-disable-next-story unquantified-result -->',
    '',
    copy,
    '',
  ].join('\n');
}

const TEXTS: { name: string; text: string }[] = [
  ...EXAMPLE_FILES.map((f) => ({ name: f, text: readExample(f) })),
  ...RULE_FIXTURES.map((f) => ({ name: path.relative(FIXTURES, f), text: fs.readFileSync(f, 'utf8') })),
  { name: 'switches and a copied story', text: switchedAndCopied() },
];

describe('lint: re-linting only the edited story', () => {
  it('gives what a whole lint of a full parse gives, duplicate-story and switch comments included', function () {
    this.timeout(600_000);
    let quick = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(typedEdit, { minLength: 1, maxLength: 5 }), ({ name, text: original }, edits) => {
        let text = original;
        let bank = parseBank(text, { fileName: name });
        let findings = lintBank({ text, bank, config: ALL_ON, uri: name, files: [{ uri: name, text, bank }] });
        for (const e of edits) {
          const at = placeEdit(text, bank, e);
          const next = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          const lines = new LineIndex(next);
          const reread = rereadEdit(text, bank, next, lines);
          const fullBank = parseBank(next, { fileName: name, lines });
          const full = lintBank({ text: next, bank: fullBank, lines, config: ALL_ON, uri: name, files: [{ uri: name, text: next, bank: fullBank }] });
          if (reread) {
            const relinted = relintEdit(bank, text, findings, reread, { text: next, bank: reread.bank, lines, config: ALL_ON, uri: name, files: [{ uri: name, text: next, bank: reread.bank }] });
            if (relinted) {
              quick++;
              assert.deepEqual(relinted, full, `${name}: ${JSON.stringify(e)}`);
            }
          }
          text = next;
          bank = fullBank;
          findings = full;
        }
      }),
      { numRuns: 400 },
    );
    // The property says nothing if the quick path is never taken.
    assert.ok(quick > 200, `quick path taken ${quick} times`);
  });

  it('the typing worker answers an edit with the findings of a full parse and lint, re-reading one story', () => {
    const handle = createRequestHandler();
    const text = switchedAndCopied();
    const ask = (version: number, body: string) => handle({ type: 'parse', id: version, key: 'bank.md', version, text: body, keep: true, lint: ALL_ON }) as ParseResponse;
    ask(1, text);
    let current = text;
    const words = ['maybe ', 'just ', 'it was fixed ', 'about 40% '];
    for (let i = 0; i < 12; i++) {
      const bank = parseBank(current);
      const section = bank.principles.flatMap((p) => p.questions).flatMap((q) => q.sections)[(i * 7) % 9];
      const at = section.range.end.offset - 1;
      const next = current.slice(0, at) + words[i % words.length] + current.slice(at);
      const answer = ask(i + 2, next);
      assert.equal(answer.how, 'incremental', `edit ${i}`);
      const fullBank = parseBank(next);
      assert.deepEqual(answer.bank, fullBank);
      assert.deepEqual(answer.findings, withoutStories(lintBank({ text: next, bank: fullBank, config: ALL_ON })), `edit ${i}`);
      current = next;
    }
  });

  it('lints the whole file again when an edit changes a switch comment', () => {
    const text = switchedAndCopied();
    const bank = parseBank(text);
    const findings = lintBank({ text, bank, config: ALL_ON });
    const at = text.indexOf('disable hedge') + 'disable hedge'.length;
    const next = `${text.slice(0, at)}x${text.slice(at)}`;
    const lines = new LineIndex(next);
    const reread = rereadEdit(text, bank, next, lines);
    if (!reread) return; // a full parse is fine too; the point is that no stale findings come back
    assert.equal(relintEdit(bank, text, findings, reread, { text: next, bank: reread.bank, lines, config: ALL_ON }), undefined);
  });
});
