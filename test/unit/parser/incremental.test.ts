import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBank } from '../../../src/core/parser';
import { reparseBank } from '../../../src/core/parser/incremental';
import { LineIndex } from '../../../src/core/text/lineIndex';
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLE_FILES, readExample } from './helpers';

/** The examples and the shapes met in real banks (several stories under one question, titles over sub-headings, …). */
const SHAPES = path.join(__dirname, '../../fixtures/real-shapes');
const FILES = [...EXAMPLE_FILES, ...fs.readdirSync(SHAPES).filter((f) => f.endsWith('.md')).map((f) => `../real-shapes/${f}`)];

const typed = fc.constantFrom('a', 'I', ' ', '7', '%', ':', '*', '**', 'we ', 'Task:', '-', '.', '1', '#', '<', '>', '`', '\n', '\n\n', '|', '---', '', '\r\n');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 6 }), insert: typed });

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('parser: re-reading only the edited story', () => {
  it('gives exactly what a full parse gives, over random edits of every example', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 6 }), (file, crlf, edits) => {
        let text = readExample(file);
        if (crlf) text = text.replace(/\n/g, '\r\n');
        let bank = parseBank(text, { fileName: file });
        for (const e of edits) {
          const next = apply(text, e);
          const lines = new LineIndex(next);
          const quick = reparseBank(text, bank, next, lines);
          const complete = parseBank(next, { fileName: file, lines });
          if (quick) assert.deepEqual(quick, complete);
          text = next;
          bank = complete;
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('typing inside any section of the examples and the real shapes takes the quick path', () => {
    for (const file of FILES) {
      const text = readExample(file);
      const bank = parseBank(text, { fileName: file });
      for (const section of bank.principles.flatMap((p) => p.questions).flatMap((q) => q.sections)) {
        if (!section.words) continue;
        const at = section.range.end.offset - 1;
        const next = `${text.slice(0, at)}x${text.slice(at)}`;
        const quick = reparseBank(text, bank, next, new LineIndex(next));
        assert.ok(quick, `${file}: typing in ${section.label} at ${section.range.end.line + 1}`);
        assert.deepEqual(quick, parseBank(next, { fileName: file }));
      }
    }
  });

  it('typing a word into a Result re-reads one story and shifts the rest', () => {
    const text = readExample('seed/Customer Obsession.md');
    const bank = parseBank(text);
    const at = text.indexOf('19% improvement');
    const next = `${text.slice(0, at)}a measured ${text.slice(at)}`;
    const quick = reparseBank(text, bank, next, new LineIndex(next));
    assert.ok(quick);
    assert.deepEqual(quick, parseBank(next));
    assert.match(quick.principles[0].questions[0].sections[3].text, /a measured 19%/);
  });

  it('leaves the work to a full parse when the edit may reach beyond its story', () => {
    const text = readExample('seed/Customer Obsession.md');
    const bank = parseBank(text);
    const at = text.indexOf('- Led to');
    for (const insert of ['\n', '<details>', '```', '# ']) {
      const next = text.slice(0, at) + insert + text.slice(at);
      assert.equal(reparseBank(text, bank, next, new LineIndex(next)), undefined, JSON.stringify(insert));
    }
  });
});
