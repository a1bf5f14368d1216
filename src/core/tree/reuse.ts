import type { Question } from '../model';
import { memoized } from '../worker/patch';

/** The key two files share when they hold the same question, whatever its quotes, case or numbering. */
export function normalizeQuestionTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:(?:story|question|q)\s*\d*\s*[:.)—–-]+|\d+[.)])\s*/u, '')
    .replace(/[’'`"“”]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A question's normalized title, kept in its memo (the tree asks for every story on every rebuild). */
export function questionKey(question: Question): string {
  return memoized(question, 'questionKey', () => normalizeQuestionTitle(question.title));
}
