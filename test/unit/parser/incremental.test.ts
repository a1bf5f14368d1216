import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BankFile } from '../../../src/core/model';
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

/**
 * Types edits into an example (CRLF line ends if asked), one after another: wherever the quick re-read is
 * taken it must give what a full parse gives. `typeInto` gives the next text (undefined: stop). Returns how
 * often the quick re-read was taken.
 */
function retype<E>(file: string, crlf: boolean, edits: E[], typeInto: (text: string, bank: BankFile, e: E) => string | undefined): number {
  let text = readExample(file);
  if (crlf) text = text.replace(/\n/g, '\r\n');
  let bank = parseBank(text, { fileName: file });
  let quick = 0;
  for (const e of edits) {
    const next = typeInto(text, bank, e);
    if (next === undefined) break;
    const lines = new LineIndex(next);
    const reread = reparseBank(text, bank, next, lines);
    const complete = parseBank(next, { fileName: file, lines });
    if (reread) {
      quick++;
      assert.deepEqual(reread, complete);
    }
    text = next;
    bank = complete;
  }
  return quick;
}

describe('parser: re-reading only the edited story', () => {
  it('gives exactly what a full parse gives, over random edits of every example', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 6 }), (file, crlf, edits) => {
        retype(file, crlf, edits, (text, _bank, e) => apply(text, e));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives exactly what a full parse gives when typing line breaks, new paragraphs and words inside sections', function () {
    this.timeout(300_000);
    // Positions spread evenly (no bias to the ends), inside a section, where typing happens.
    const place = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
    const typing = fc.record({ at: place, remove: fc.nat({ max: 3 }), insert: fc.constantFrom('\n', '\n\n', '\r\n', '\n\nNew words', '\nmore ', ' #2 ', 'word', '\n- ', '\n# ', '\n---', '\n    ', '\n\n    x', '\n> ', '\n<b>', '\n1. ', ' \n', '  \n', 'word \n', ': \n') });
    let quick = 0;
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.boolean(), fc.array(typing, { minLength: 1, maxLength: 4 }), (file, crlf, edits) => {
        quick += retype(file, crlf, edits, (text, bank, e) => {
          const sections = bank.principles.flatMap((p) => p.questions).flatMap((q) => q.sections);
          if (!sections.length) return undefined;
          const section = sections[Math.min(sections.length - 1, Math.floor(e.at * sections.length))];
          const at = Math.floor(section.range.start.offset + (section.range.end.offset - section.range.start.offset) * ((e.at * sections.length) % 1));
          return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
        });
      }),
      { numRuns: 1000 },
    );
    assert.ok(quick > 300, `quick path taken ${quick} times`);
  });

  it('gives exactly what a full parse gives when typing at the start of a line, blank lines included', function () {
    this.timeout(300_000);
    const place = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
    const typing = fc.record({ at: place, indent: fc.constantFrom('', '', '', '  ', '    '), insert: fc.constantFrom('x', 'New words', 'I ', 'A', 'Result', 'Situation: ', '\n', '\n\n') });
    let quick = 0;
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.boolean(), fc.array(typing, { minLength: 1, maxLength: 4 }), (file, crlf, edits) => {
        quick += retype(file, crlf, edits, (text, _bank, e) => {
          const starts = [0, ...[...text.matchAll(/\r\n|\n/g)].map((m) => m.index + m[0].length)];
          const at = starts[Math.min(starts.length - 1, Math.floor(e.at * starts.length))];
          return text.slice(0, at) + e.indent + e.insert + text.slice(at);
        });
      }),
      { numRuns: 800 },
    );
    assert.ok(quick > 200, `quick path taken ${quick} times`);
  });

  it('takes the quick path for words typed into a blank line between paragraphs of a section', () => {
    const text = readExample('formats/bold-labels.md');
    const bank = parseBank(text);
    const end = text.indexOf('within five minutes.') + 'within five minutes.'.length;
    // Enter twice, then a word on the new line: each step read quickly and right.
    let current = text;
    let currentBank = bank;
    for (const [at, step] of [[end, '\n\n'], [end + 2, 'I'], [end + 3, ' told'], [end + 8, ' my manager.']] as const) {
      const next = current.slice(0, at) + step + current.slice(at);
      const quick = reparseBank(current, currentBank, next, new LineIndex(next));
      assert.ok(quick, JSON.stringify(step));
      assert.deepEqual(quick, parseBank(next));
      current = next;
      currentBank = quick;
    }
    assert.match(current, /within five minutes\.\n\nI told my manager\.\n\n\*\*Action/);
  });

  it('takes the quick path for a line break in a paragraph and for a new paragraph in a section', () => {
    const text = readExample('formats/bold-labels.md');
    const bank = parseBank(text);
    const at = text.indexOf(' Alerts went to a shared inbox');
    for (const insert of ['\n', '\n\n', '\n\nAnd a new paragraph.']) {
      const next = text.slice(0, at) + insert + text.slice(at + 1);
      const quick = reparseBank(text, bank, next, new LineIndex(next));
      assert.ok(quick, JSON.stringify(insert));
      assert.deepEqual(quick, parseBank(next));
    }
    // The line split after the space (the cursor after "went ", then Enter): the space stays at the line's end.
    const afterSpace = text.indexOf('Alerts went ') + 'Alerts went '.length;
    const split = `${text.slice(0, afterSpace)}\n${text.slice(afterSpace)}`;
    const quickSplit = reparseBank(text, bank, split, new LineIndex(split));
    assert.ok(quickSplit, 'a break after a word and a space');
    assert.deepEqual(quickSplit, parseBank(split));
    // After a label and a space the section would start on the next line: the whole file is read again.
    const afterLabel = text.indexOf('**Situation:** ') + '**Situation:** '.length;
    const emptied = `${text.slice(0, afterLabel)}\n${text.slice(afterLabel)}`;
    assert.equal(reparseBank(text, bank, emptied, new LineIndex(emptied)), undefined, 'a break after a label and a space');
    // After a list marker and its space the item would be left empty (a number and a dot are no word).
    const listed = '# Ownership\n\n## Give an example (1)\n\n### Action\n1. I queried the access logs first.\n2. I found three large customers.\n\n### Result\nWe kept it.\n';
    const afterMarker = listed.indexOf('2. I found') + 3;
    const emptiedItem = `${listed.slice(0, afterMarker)}\n${listed.slice(afterMarker)}`;
    assert.equal(reparseBank(listed, parseBank(listed), emptiedItem, new LineIndex(emptiedItem)), undefined, 'a break after a list marker');
    const afterWord = listed.indexOf('I found ') + 'I found '.length;
    const splitItem = `${listed.slice(0, afterWord)}\n${listed.slice(afterWord)}`;
    assert.deepEqual(reparseBank(listed, parseBank(listed), splitItem, new LineIndex(splitItem)), parseBank(splitItem), 'a list item split at a space');
    // Enter at the end of a section's paragraph, then a new paragraph typed.
    const end = text.indexOf('within five minutes.') + 'within five minutes.'.length;
    for (const insert of ['\n', '\n\n', '\n\nI told my manager first.']) {
      const next = text.slice(0, end) + insert + text.slice(end);
      const quick = reparseBank(text, bank, next, new LineIndex(next));
      assert.ok(quick, JSON.stringify(insert));
      assert.deepEqual(quick, parseBank(next));
    }
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
    for (const insert of ['\n', '<details>', '```', '# ', '\n- ', '\n\n    ']) {
      const next = text.slice(0, at) + insert + text.slice(at);
      assert.equal(reparseBank(text, bank, next, new LineIndex(next)), undefined, JSON.stringify(insert));
    }
  });
});
