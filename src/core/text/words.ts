import type { Question } from '../model';

/** Word counts and speaking time, shared by rules, tree, preview and status bar. */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,%$€£\-]*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) count++;
  return count;
}

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
