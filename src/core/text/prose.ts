import type { Section } from '../model';
import { isLetter, isLetterOrNumber, unitsAt } from './chars';

/**
 * The words of a stretch of markdown, at their exact offsets in the source. Markup (HTML tags and
 * comments, code, link targets, emphasis markers, list bullets, heading and quote marks, table pipes,
 * entities) is blanked out character for character, so an offset in the prose is the same offset in
 * the source, whatever the line ends (LF, CRLF, CR) and with or without a BOM before it.
 */
export interface Prose {
  /** Offset in the source of `text[0]`. */
  start: number;
  /** The source slice with its markup replaced by spaces; line breaks are kept. */
  text: string;
}

export interface Word {
  /** The word as written ("Basically", "don't"). */
  value: string;
  /** Lower case, with curly apostrophes made straight. */
  lower: string;
  /** Offsets in the source. */
  start: number;
  end: number;
}

/** A section's prose: from the end of its label to the end of its last word. */
export function sectionProse(source: string, section: Section): Prose {
  return proseOf(source, section.labelRange.end.offset, section.range.end.offset);
}

export function proseOf(source: string, start: number, end: number): Prose {
  const slice = source.slice(start, end);
  // Characters to blank, marked in place (every pattern reads the source as written, not blanked).
  const blanked = new Uint8Array(slice.length);
  let any = false;
  const blank = (from: number, to: number) => {
    if (from < to) any = true;
    blanked.fill(1, from, to);
  };
  const mask = (pattern: RegExp, keep?: (m: RegExpExecArray) => [number, number] | undefined) => {
    for (const m of slice.matchAll(pattern)) {
      const at = m.index;
      const kept = keep?.(m as RegExpExecArray);
      if (!kept) blank(at, at + m[0].length);
      else {
        blank(at, at + kept[0]);
        blank(at + kept[1], at + m[0].length);
      }
    }
  };
  // Each pattern only where the character it starts with is in the text: most sections have no code, link,
  // entity or table, and a scan for one character costs far less than a pattern's.
  const has = (c: string) => slice.includes(c);
  const tag = has('<');
  if (tag) mask(/<!--[\s\S]*?(?:-->|$)/g);
  if (has('`')) mask(/(`+)[\s\S]*?\1/g);
  if (tag) mask(/<\/?[A-Za-z][^<>]*>/g);
  // [text](target) and [text][ref]: the text stays, the brackets and the target go.
  if (has('[')) mask(/!?\[([^\[\]\r\n]*)\](?:\([^()\s]*(?:\s+"[^"]*")?\)|\[[^\]\r\n]*\])/g, (m) => [m[0].indexOf('[') + 1, m[0].indexOf('[') + 1 + m[1].length]);
  if (has('://') || has('www.')) mask(/\b(?:https?:\/\/|www\.)[^\s<>()]+/g);
  if (has('&')) mask(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi);
  // Emphasis and strike-through markers, not the underscores inside snake_case.
  if (has('*') || has('~') || has('_')) mask(/\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu);
  // Line-leading markup: quote marks, heading marks, bullets and numbers of list items, table pipes.
  mask(/(?:^|(?<=[\r\n]))[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=[ \t])|[-+•](?=[ \t])|\d{1,3}[.)](?=[ \t]))?/g);
  if (has('|')) mask(/\|/g);
  return { start, text: any ? blankOut(slice, blanked) : slice };
}

/** The text with its marked characters made spaces, line breaks kept. */
function blankOut(text: string, blanked: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && !blanked[j]) j++;
    out += text.slice(i, j);
    i = j;
    while (j < text.length && blanked[j]) j++;
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(k);
      out += c === 10 || c === 13 ? text[k] : ' ';
    }
    i = j;
  }
  return out;
}

/**
 * The words of a prose stretch, in order: runs of letters and digits, joined by an apostrophe before letters
 * ("don't") and then by hyphens ("follow-up", "24-7"), as `WORD` in the tests reads them, read character by
 * character: a bank's lint reads millions of words, and the pattern's match objects were much of what it allocated.
 */
export function wordsOf(prose: Prose): Word[] {
  const words: Word[] = [];
  const text = prose.text;
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isLetterOrNumber(text, i)) {
      i += unitsAt(text, i);
      continue;
    }
    const from = i;
    i = skipRun(text, i, isLetterOrNumber);
    while ((text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) && i + 1 < length && isLetter(text, i + 1)) i = skipRun(text, i + 1, isLetter);
    while (text.charCodeAt(i) === 45 && i + 1 < length && isLetterOrNumber(text, i + 1)) i = skipRun(text, i + 1, isLetterOrNumber);
    const value = text.slice(from, i);
    const lower = value.toLowerCase();
    const start = prose.start + from;
    words.push({ value, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start, end: start + value.length });
  }
  return words;
}

/** Past the characters from `i` on that `test` accepts. */
function skipRun(text: string, i: number, test: (text: string, at: number) => boolean): number {
  while (i < text.length && test(text, i)) i += unitsAt(text, i);
  return i;
}


/** True when the gap between two words (in the prose) holds no sentence or clause break. */
export function sameClause(prose: Prose, before: Word, after: Word): boolean {
  const gap = prose.text.slice(before.end - prose.start, after.start - prose.start);
  return !/[.!?;:,()"“”]/.test(gap) && !BLANK_LINE.test(gap);
}

/** True when nothing but spaces and at most one line break lies between two words: they are one phrase. */
export function adjacent(prose: Prose, before: Word, after: Word): boolean {
  const gap = prose.text.slice(before.end - prose.start, after.start - prose.start);
  return /^[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?$/.test(gap) && gap.length > 0;
}

/** The sentence of the prose that holds an offset of the source, as written (markup blanked). */
export function sentenceAt(prose: Prose, offset: number): string {
  const at = offset - prose.start;
  const text = prose.text;
  // A full stop ends a sentence, not the one in "2.5x" or "e.g.".
  const ends = (i: number) => /[.!?]/.test(text[i]) && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
  let from = at;
  while (from > 0 && !ends(from - 1) && !isParagraphBreak(text, from)) from--;
  let to = at;
  while (to < text.length && !ends(to) && !isParagraphBreak(text, to)) to++;
  return text.slice(from, to);
}

/** A line break, blanks, and another line break: "\r\n" is one break, not two. */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)/;

function isParagraphBreak(text: string, i: number): boolean {
  return (text[i] === '\n' || text[i] === '\r') && text[i - 1] !== '\r' && new RegExp(`^${BLANK_LINE.source}`).test(text.slice(i, i + 12));
}

/**
 * A pattern that a section's source matches whenever `findPhrases` could find one of `phrases` in its prose: each
 * phrase's longest word, in any case. A word of the prose is the same characters at the same offsets in the source
 * (markup is blanked, never removed), so a section that does not match holds none of the phrases, and its prose and
 * words need not be read: most sections of a bank hold no filler, hedge or vague word. Made once per list, by the rule.
 */
export function phraseMention(phrases: readonly string[]): RegExp {
  const keys = new Set(phrases.map((phrase) => phrase.split(' ').reduce((longest, word) => (word.length > longest.length ? word : longest))));
  // `iu`: a word whose lower case is the key matches (the Kelvin sign's lower case is "k"); an apostrophe either way.
  const alternatives = [...keys].map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"));
  return new RegExp(alternatives.join('|'), 'iu');
}

const indexedPhrases = new WeakMap<readonly string[], Map<string, string[][]>>();

/** The phrases of a list by their first word, longest first; built once per list. */
function phrasesByFirstWord(phrases: readonly string[]): Map<string, string[][]> {
  let byFirst = indexedPhrases.get(phrases);
  if (byFirst) return byFirst;
  byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    const list = byFirst.get(parts[0]) ?? [];
    list.push(parts);
    byFirst.set(parts[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  indexedPhrases.set(phrases, byFirst);
  return byFirst;
}

/**
 * Finds phrases (lower case, words separated by one space) in a list of words, each match as the
 * index of its first and last word. Words of a match must be adjacent (no punctuation between them).
 */
export function findPhrases(prose: Prose, words: readonly Word[], phrases: readonly string[]): { phrase: string; first: number; last: number }[] {
  const byFirst = phrasesByFirstWord(phrases);
  const found: { phrase: string; first: number; last: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = byFirst.get(words[i].lower);
    if (!candidates) continue;
    const match = candidates.find((parts) => parts.every((p, k) => k === 0 || (words[i + k]?.lower === p && adjacent(prose, words[i + k - 1], words[i + k]))));
    if (!match) continue;
    found.push({ phrase: match.join(' '), first: i, last: i + match.length - 1 });
    i += match.length - 1;
  }
  return found;
}
