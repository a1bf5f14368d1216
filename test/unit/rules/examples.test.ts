import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lintBank } from '../../../src/core/lint/runner';
import { parseBank } from '../../../src/core/parser';
import { EXAMPLES, markdownFiles } from './helpers';

/** Story numbers (1-based, in file order) that the examples README calls flawed; every other story is complete. */
const FLAWED: Record<string, number[]> = {
  'formats/incomplete.md': [1, 2, 3],
  'formats/starl-and-synonyms.md': [2],
  'formats/headings.md': [2],
};

describe('rules: no false alarm on the complete stories of the examples', () => {
  for (const file of markdownFiles(EXAMPLES)) {
    it(file, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const bank = parseBank(text, { fileName: file });
      const questions = bank.principles.flatMap((p) => p.questions);
      const found = lintBank({ text, bank }).filter((d) => d.rule !== 'too-long' && d.rule !== 'thin-action');
      const flawed = [...new Set(found.map((d) => questions.indexOf(d.question) + 1))].sort();
      assert.deepEqual(flawed, FLAWED[file] ?? [], found.map((d) => `${d.rule}: ${d.question.title}`).join('\n'));
    });
  }

  it('no story of the examples is too long or has a thin Action', () => {
    for (const file of markdownFiles(EXAMPLES)) {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const found = lintBank({ text, bank: parseBank(text, { fileName: file }) }).filter((d) => d.rule === 'too-long' || d.rule === 'thin-action');
      assert.deepEqual(found.map((d) => `${file}: ${d.rule}`), []);
    }
  });

  it('a README without stories gets nothing, even with every rule on', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
    const bank = parseBank(text, { fileName: 'README.md' });
    assert.equal(bank.hasStories, false);
    assert.deepEqual(lintBank({ text, bank }), []);
  });
});
