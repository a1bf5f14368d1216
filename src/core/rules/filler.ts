import { deletionOf, storyProse } from '../lint/prose';
import type { Rule } from '../lint/types';
import { findPhrases, phraseMention, sameClause } from '../text/prose';

/**
 * Words a story reads better without. Deleting one keeps the sentence's meaning, which is what makes
 * the quick fix safe; words that change meaning when cut ("just" as "only", "really" after "not") are
 * not on the list or are skipped.
 */
export const FILLERS = ['basically', 'actually', 'really', 'very', 'literally', 'totally', 'honestly', 'obviously', 'super', 'quite', 'extremely', 'incredibly'];
const FILLER_MENTION = phraseMention(FILLERS);

/** Intensifiers fill only in front of the word they intensify ("very slow"), not at a clause's end ("scaled extremely"). */
const INTENSIFIERS = new Set(['very', 'super', 'quite', 'extremely', 'incredibly', 'totally']);

/** Words an intensifier cannot be intensifying: "scaled extremely and…", "very to the point". */
const NOT_INTENSIFIED = new Set(['and', 'or', 'but', 'so', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'of', 'i', 'we', 'they', 'the', 'a', 'an']);

/** "not really", "the very first", "super" as a noun or prefix. */
function isMeaningful(previous: string | undefined, word: string, next: string | undefined): boolean {
  // "not really done", "wasn't very receptive": after a negation the word softens it; cutting it changes the claim.
  if ((word === 'really' || word === 'very') && (previous === 'not' || previous?.endsWith("n't") || previous === 'never')) return true;
  // "very little experience", "very few users": an amount; "the very first day": which one. Not emphasis.
  if (word === 'very' && ['little', 'few', 'much', 'many', 'least', 'best', 'same', 'end', 'start', 'beginning', 'first', 'last', 'moment', 'top', 'bottom', 'idea', 'thing'].includes(next ?? '')) return true;
  if (word === 'quite' && (previous === 'not' || previous?.endsWith("n't") || next === 'a' || next === 'the')) return true;
  if (word === 'super' && !(next && /^[a-z]+$/.test(next) && ['a', 'an', 'the', 'was', 'were', 'is', 'are', 'be', 'been', 'felt', 'so'].includes(previous ?? ''))) return true;
  return false;
}

export const rule: Rule = {
  id: 'filler',
  description: 'The story says without fillers such as "basically", "actually", "really" or "very".',
  defaultSeverity: 'hint',
  check({ question, text, lines }, report) {
    for (const { prose, words } of storyProse(text, question, undefined, FILLER_MENTION)) {
      for (const match of findPhrases(prose, words, FILLERS)) {
        const word = words[match.first];
        const next = words[match.first + 1];
        if (isMeaningful(words[match.first - 1]?.lower, word.lower, next?.lower)) continue;
        if (INTENSIFIERS.has(word.lower) && !(next && sameClause(prose, word, next) && !NOT_INTENSIFIED.has(next.lower))) continue;
        const deletion = deletionOf(text, word.start, word.end);
        report({
          message: `Filler "${word.value}": the sentence says the same without it.`,
          range: lines.range(word.start, word.end),
          ...(deletion ? { fix: { title: `Delete "${word.value}"`, insertion: deletion, fixAll: true } } : {}),
        });
      }
    }
  },
};
