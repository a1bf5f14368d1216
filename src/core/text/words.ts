import type { Question } from '../model';
import { isAsciiLetterOrDigit, isLetterOrNumber, unitsAt } from './chars';

/** Word counts and speaking time, shared by rules, tree, preview and status bar. */

/**
 * How many words a text holds: a word starts at a letter or digit and runs on over letters, digits, combining
 * marks and ' ’ . , % $ € £ - (as `COUNTED_WORD` in the tests reads them). Counted character by character: every
 * section of a bank is counted as it is read, and a pattern's match objects were a tenth of what the parser allocated.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const letterOrDigit = isAsciiLetterOrDigit(c);
      if (!inWord && letterOrDigit) count++;
      inWord = letterOrDigit || (inWord && ASCII_INSIDE_WORD.has(c));
      i++;
      continue;
    }
    if (!inWord && isLetterOrNumber(text, i)) {
      count++;
      inWord = true;
    } else if (inWord) inWord = INSIDE_WORD.test(text.slice(i, i + 2));
    i += unitsAt(text, i);
  }
  return count;
}

const INSIDE_WORD = /^[\p{L}\p{N}\p{M}’€£]/u;
/** ' . , % $ - */
const ASCII_INSIDE_WORD = new Set([39, 46, 44, 37, 36, 45]);

/** The words a candidate says: every section (or the prose of an answer without labels), not the question. */
export function storyWords(question: Question): number {
  return question.sections.reduce((sum, section) => sum + section.words, 0) || (question.prose?.words ?? 0);
}

/** Speaking time in seconds at a pace in words per minute. */
export function speakingSeconds(words: number, wordsPerMinute = 150): number {
  return Math.round((words * 60) / Math.max(1, wordsPerMinute));
}

/** "1:25" for 85 seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
