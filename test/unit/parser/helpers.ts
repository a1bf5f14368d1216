import fs from 'node:fs';
import path from 'node:path';
import type { BankFile, Question, SectionKind } from '../../../src/core/model';
import { parseBank } from '../../../src/core/parser';

export const EXAMPLES = path.join(__dirname, '../../fixtures/examples');

export function readExample(relative: string): string {
  return fs.readFileSync(path.join(EXAMPLES, relative), 'utf8');
}

export function parseExample(relative: string): { text: string; bank: BankFile } {
  const text = readExample(relative);
  return { text, bank: parseBank(text, { fileName: relative }) };
}

export function kinds(question: Question): SectionKind[] {
  return question.sections.map((s) => s.kind);
}

export function questions(bank: BankFile): Question[] {
  return bank.principles.flatMap((p) => p.questions);
}

export const EXAMPLE_FILES = [
  'seed/Customer Obsession.md',
  'formats/bold-labels.md',
  'formats/headings.md',
  'formats/list-labels.md',
  'formats/starl-and-synonyms.md',
  'formats/incomplete.md',
];
