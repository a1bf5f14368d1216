import assert from 'node:assert/strict';
import type { BankFile, Range } from '../../../src/core/model';
import { parseBank, parseStoryBlock } from '../../../src/core/parser';
import { EXAMPLE_FILES, questions, readExample } from './helpers';

function ranges(bank: BankFile): Range[] {
  return bank.principles.flatMap((p) => [p.titleRange, p.range, ...p.questions.flatMap((q) => [q.titleRange, q.range, ...q.sections.flatMap((s) => [s.range, s.labelRange])])]);
}

describe('parser: line endings and BOM', () => {
  for (const file of EXAMPLE_FILES) {
    it(`${file}: CRLF and a BOM move positions only by what they add`, () => {
      const lf = readExample(file);
      const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
      const a = parseBank(lf, { fileName: file });
      const b = parseBank(crlf, { fileName: file });
      const ra = ranges(a);
      const rb = ranges(b);
      assert.equal(rb.length, ra.length);
      ra.forEach((r, i) => {
        // Same lines; same columns but on the first line, where the BOM is one character.
        assert.equal(rb[i].start.line, r.start.line);
        assert.equal(rb[i].end.line, r.end.line);
        assert.equal(rb[i].start.character, r.start.character + (r.start.line === 0 ? 1 : 0));
        assert.equal(rb[i].end.character, r.end.character + (r.end.line === 0 ? 1 : 0));
        assert.equal(crlf.slice(rb[i].start.offset, rb[i].end.offset).replace(/\r\n/g, '\n'), lf.slice(r.start.offset, r.end.offset));
      });
      assert.deepEqual(questions(b).map((q) => q.sections.map((s) => s.text)), questions(a).map((q) => q.sections.map((s) => s.text)));
    });
  }

  it('old Mac CR line ends count as lines', () => {
    const bank = parseBank('## Q\r\r**Situation:** a\r\r**Task:** b\r');
    const [q] = questions(bank);
    assert.deepEqual(q.sections.map((s) => s.range.start.line), [2, 4]);
  });
});

describe('parser: one story re-parsed on its own', () => {
  for (const file of EXAMPLE_FILES) {
    it(`${file}: each story's block parses to the same story`, () => {
      const text = readExample(file);
      for (const q of questions(parseBank(text, { fileName: file }))) {
        const again = parseStoryBlock(text, q.range.start.offset, q.range.end.offset);
        assert.equal(again.length, 1);
        assert.deepEqual(again[0], q);
      }
    });
  }
});
