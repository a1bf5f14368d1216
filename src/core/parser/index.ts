import type { BankFile, Question } from '../model';
import { titleFromFileName } from '../text/fileTitle';
import { LineIndex } from '../text/lineIndex';
import { Assembler } from './assemble';
import { walkStructure } from './events';
import { markdownToHast } from './markdown';

export interface ParseOptions {
  /** Used as the principle's title when the file has no H1. */
  fileName?: string;
  /** Reuse a line index of the same text. */
  lines?: LineIndex;
}

const BOM = '\uFEFF';

/** Reads a story bank file. Positions are exact in `text` as given, BOM and CRLF included. */
export function parseBank(text: string, options: ParseOptions = {}): BankFile {
  const lines = options.lines ?? new LineIndex(text);
  const base = text.startsWith(BOM) ? 1 : 0;
  const { events, spans, problems } = parseRegion(text, base, text.length);
  const bank = new Assembler(text, lines, spans, titleFromFileName(options.fileName)).run(events);
  return problems.length ? { ...bank, problems } : bank;
}

/**
 * Re-reads one block of a document (a story's range) on its own, with positions in the whole text.
 * The incremental linter uses it to re-parse only the story being edited.
 */
export function parseStoryBlock(text: string, start: number, end: number, lines = new LineIndex(text)): Question[] {
  const from = Math.max(start, text.startsWith(BOM) ? 1 : 0);
  const { events, spans } = parseRegion(text, from, end);
  const assembler = new Assembler(text, lines, spans, '');
  assembler.run(events);
  return assembler.questions();
}

function parseRegion(text: string, start: number, end: number) {
  const slice = text.slice(start, end);
  const { tree, problems } = markdownToHast(slice);
  try {
    return { ...walkStructure(tree, slice, start), problems };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { events: [], spans: [], problems: [...problems, 'This file is nested too deeply to read as a story bank.'] };
  }
}

