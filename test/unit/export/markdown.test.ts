import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportBankMarkdown } from '../../../src/core/export/markdown';
import { parseBank } from '../../../src/core/parser';
import { exampleFiles, EXAMPLES } from '../tree/fixtures';

const shape = (text: string) =>
  parseBank(text, { fileName: 'bank.md' }).principles.map((p) => ({ title: p.title, stories: p.questions.map((q) => ({ title: q.title, sections: q.sections.map((s) => [s.kind, s.words]) })) }));

describe('export: cleaned markdown', () => {
  const files = exampleFiles().map((f) => ({ path: f.path, text: readFileSync(path.join(EXAMPLES, f.path), 'utf8'), bank: f.bank }));
  const markdown = exportBankMarkdown(files);

  it('reads back as the same principles, questions, sections and word counts, every story a <details>', () => {
    const expected = files.flatMap((f) => shape(f.text)).filter((p) => p.stories.length > 0);
    assert.deepEqual(shape(markdown), expected);
    assert.equal((markdown.match(/^<details>$/gm) ?? []).length, 13);
    assert.equal((markdown.match(/^# /gm) ?? []).length, 6);
  });

  it('merges a principle filed in two files under one heading', () => {
    const a = '# Ownership\n\n**Question:** A?\n\n**Situation:** S.\n**Task:** T.\n**Action:** I.\n**Result:** 2x.\n';
    const b = '# ownership\n\n**Question:** B?\n\n**Situation:** S.\n**Task:** T.\n**Action:** I.\n**Result:** 3x.\n';
    const out = exportBankMarkdown([a, b].map((text, i) => ({ path: `${i}.md`, text, bank: parseBank(text, { fileName: `${i}.md` }) })));
    assert.deepEqual(shape(out).map((p) => [p.title, p.stories.map((s) => s.title)]), [['Ownership', ['A?', 'B?']]]);
  });

  it('writes a story\'s words as text, never as markup', () => {
    const text = '# Ownership\n\n**Question:** Why <b>this</b>?\n\n**Situation:** We used <script>alert(1)</script> & more.\n**Task:** T.\n**Action:** I.\n**Result:** 2x.\n';
    const out = exportBankMarkdown([{ path: 'x.md', text, bank: parseBank(text, { fileName: 'x.md' }) }]);
    assert.doesNotMatch(out, /<script/);
    assert.doesNotMatch(out, /<b>this<\/b>/);
  });

  it('keeps a prose answer as prose and an empty question empty', () => {
    const text = readFileSync(path.join(EXAMPLES, '..', 'real-shapes', 'placeholders-and-prose.md'), 'utf8');
    const out = exportBankMarkdown([{ path: 'p.md', text, bank: parseBank(text, { fileName: 'p.md' }) }]);
    assert.match(out, /<summary><b>Why do you want to work with us\?<\/b><\/summary>\n\nI have used the product for years and I want to work on the parts I know best\.\n\n<\/details>/);
    assert.match(out, /<summary><b>Tell me about a time you admitted a mistake\.<\/b><\/summary>\n<\/details>/);
    const back = parseBank(out, { fileName: 'bank.md' }).principles[0].questions;
    assert.equal(back.find((q) => q.title.startsWith('Why'))?.prose?.words, 18);
  });
});
