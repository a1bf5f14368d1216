import type { Question, Section, SectionKind } from '../model';
import { sectionProse, wordsOf, type Prose, type Word } from '../text/prose';
import type { Insertion } from './fixes';

interface SectionProse {
  prose: Prose;
  words: Word[];
  kind: SectionKind;
}

/**
 * The prose of a story's sections (of some kinds only, or all), each with its words. Shared by the rules: read, never
 * change. With `mentions` (see `phraseMention`), only the sections whose source matches it: reading a section's prose
 * and words is most of a prose rule's time, and a section without any of the rule's words needs neither.
 */
export function storyProse(text: string, question: Question, kinds?: readonly SectionKind[], mentions?: RegExp): readonly SectionProse[] {
  const read: SectionProse[] = [];
  for (const section of question.sections) {
    if (section.words === 0 || (kinds && !kinds.includes(section.kind))) continue;
    if (mentions && !mentions.test(text.slice(section.labelRange.end.offset, section.range.end.offset))) continue;
    read.push(proseOfSection(text, section));
  }
  return read;
}

/**
 * Several rules read the same sections' prose in one lint run: read each once, for the file being linted only.
 * A WeakMap over every section ever linted made the first lint of a 20 MB bank take 3.2 to 4.3 s instead of 1.8 s.
 */
let readProseOf = '';
let readProse = new Map<Section, SectionProse & { start: number; end: number }>();

function proseOfSection(text: string, section: Section): SectionProse {
  const start = section.labelRange.end.offset;
  const end = section.range.end.offset;
  if (readProseOf !== text) {
    readProseOf = text;
    readProse = new Map();
  }
  const kept = readProse.get(section);
  if (kept && kept.start === start && kept.end === end) return kept;
  const prose = sectionProse(text, section);
  const read = { start, end, prose, words: wordsOf(prose), kind: section.kind };
  readProse.set(section, read);
  return read;
}

/**
 * Deleting words `from`..`to` (source offsets) with the spaces after them, when what is left reads
 * as before: a lower-case word between a space and another word on the same line ("I basically
 * rewrote" → "I rewrote"). Undefined anywhere else (sentence start, before a comma, at a line end),
 * where deleting would need a capital or punctuation to change.
 */
export function deletionOf(source: string, from: number, to: number): Insertion | undefined {
  const before = source[from - 1];
  if (before !== ' ' && before !== '\t') return undefined;
  if (source[from] !== source[from].toLowerCase()) return undefined;
  let end = to;
  while (source[end] === ' ' || source[end] === '\t') end++;
  if (end === to || !/[\p{L}\p{N}]/u.test(source[end] ?? '')) return undefined;
  // Only a word before the space: not a label, a bullet or markup.
  if (!/[\p{L}\p{N},;'’)]/u.test(source[from - 2] ?? '')) return undefined;
  return { offset: from, deleteCount: end - from, text: '' };
}
