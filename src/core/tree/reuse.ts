import type { Question } from '../model';

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

const keys = new WeakMap<Question, string>();

/** A question's normalized title, worked out once per question object (the tree asks on every rebuild). */
export function questionKey(question: Question): string {
  let key = keys.get(question);
  if (key === undefined) {
    key = normalizeQuestionTitle(question.title);
    keys.set(question, key);
  }
  return key;
}
