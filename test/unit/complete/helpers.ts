import fs from 'node:fs';
import path from 'node:path';
import { completeSections, type SectionCompletion, type SectionCompletions } from '../../../src/core/complete';
import type { Question } from '../../../src/core/model';
import { parseBank } from '../../../src/core/parser';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { expandSnippet } from '../helpers/snippetExpand';

export const EXAMPLES = path.resolve(__dirname, '../../fixtures/examples');

export function example(...segments: string[]): string {
  return fs.readFileSync(path.join(EXAMPLES, ...segments), 'utf8');
}

/** The text with `|` marking the cursor: completions there. */
export function completeAt(marked: string): { text: string; offset: number; result: SectionCompletions | undefined } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('mark the cursor with exactly one |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const lines = new LineIndex(text);
  return { text, offset, result: completeSections(text, parseBank(text, { lines }), offset, lines) };
}

/** Lines of a text, to edit fixtures line by line. */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/** Inserts `insert` as a new line after 0-based `line` (with the cursor mark in it). */
export function withLineAfter(text: string, line: number, insert: string): string {
  const all = splitLines(text);
  all.splice(line + 1, 0, insert);
  return all.join('\n');
}

/** Removes 0-based lines [from, to). */
export function withoutLines(text: string, from: number, to: number): string {
  const all = splitLines(text);
  all.splice(from, to - from);
  return all.join('\n');
}

/** What the editor holds after accepting `item` with its tab stop left empty (or filled with `typed`). */
export function accept(text: string, completions: SectionCompletions, item: SectionCompletion, typed = ''): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const body = item.snippet.replace('${1}', `\${1:${typed.replace(/[\\$}]/g, '\\$&')}}`);
  const inserted = expandSnippet(body).text.replace(/\n/g, eol);
  return text.slice(0, completions.replace.start.offset) + inserted + text.slice(completions.replace.end.offset);
}

/** Every story of a text, in file order. */
export function stories(text: string): Question[] {
  return parseBank(text).principles.flatMap((p) => p.questions);
}

export function kinds(question: Question): string {
  return question.sections.map((s) => s.kind).join(',');
}
