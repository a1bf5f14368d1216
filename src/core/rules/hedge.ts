import { storyProse } from '../lint/prose';
import type { Rule } from '../lint/types';
import { findPhrases, phraseMention, sentenceAt } from '../text/prose';

const SPECULATION = new Set(['maybe', 'perhaps', 'probably', 'possibly']);
const COUNTERFACTUAL = /\b(?:would|could have|might have|if|had i|had we|next time)\b/i;

/**
 * Words that take back what the sentence claims. A small list on purpose: general hedge lists also hold
 * "can", "will", "found" or "about", which a story needs; each entry here was checked on real stories.
 */
export const HEDGES = [
  'i think', 'i believe', 'i feel like', 'i guess', 'i suppose', "i'd say", 'i would say', "i'm not sure", 'i am not sure',
  'maybe', 'perhaps', 'probably', 'possibly', 'hopefully', 'arguably', 'somewhat', 'more or less', 'to some extent',
  'to some degree', 'pretty much', 'kind of', 'sort of', 'kinda', 'sorta', 'a little bit',
];
const HEDGE_MENTION = phraseMention(HEDGES);

/** "kind of" and "sort of" hedge only after a subject or a verb ("I kind of led"), not after "this", "a" ("this kind of problem"). */
const BEFORE_KIND_OF = new Set(['i', 'we', 'it', 'they', 'he', 'she', 'you', 'was', 'were', 'is', 'are', 'be', 'been', "it's", "i'm", "we're", "they're", 'just', 'also', 'and', 'but', 'still', 'only']);

export const rule: Rule = {
  id: 'hedge',
  description: 'The story states what happened without hedges such as "I think", "kind of" or "maybe".',
  defaultSeverity: 'information',
  check({ question, text, lines }, report) {
    for (const { prose, words } of storyProse(text, question, undefined, HEDGE_MENTION)) {
      for (const match of findPhrases(prose, words, HEDGES)) {
        if ((match.phrase === 'kind of' || match.phrase === 'sort of') && !BEFORE_KIND_OF.has(words[match.first - 1]?.lower ?? '')) continue;
        // "had I asked earlier, perhaps it would have…": a guess about what did not happen is honest, not a hedge.
        if (SPECULATION.has(match.phrase) && COUNTERFACTUAL.test(sentenceAt(prose, words[match.first].start))) continue;
        const said = text.slice(words[match.first].start, words[match.last].end);
        report({
          message: `Hedge "${said}": say it as a fact, or say what you know and how.`,
          range: lines.range(words[match.first].start, words[match.last].end),
        });
      }
    }
  },
};
