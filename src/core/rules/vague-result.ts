import { isQuantified } from '../lint/quantity';
import { storyProse } from '../lint/prose';
import type { Rule } from '../lint/types';
import { findPhrases, phraseMention, sentenceAt } from '../text/prose';

/** Words that claim an effect without its size or who made it. */
export const VAGUE = [
  'significantly', 'substantially', 'dramatically', 'drastically', 'greatly', 'considerably', 'hugely', 'massively', 'vastly',
  'tremendously', 'immensely', 'noticeably', 'markedly', 'various', 'numerous',
  ...['improve', 'increase', 'reduce', 'boost', 'grow', 'drive', 'speed up', 'cut', 'lower', 'raise'].flatMap((verb) => [`helped ${verb}`, `helped to ${verb}`]),
  'contributed to', 'played a role in', 'played a part in', 'played a key role in', 'played a big role in', 'played a major role in',
];
// Not "many", "several", "a lot" or a lone "helped": measured on real stories, they mostly describe the situation
// ("the customer had many incidents"), not the size of the result.
const VAGUE_MENTION = phraseMention(VAGUE);

export const rule: Rule = {
  id: 'vague-result',
  description: 'The Result says how much and who did it, not "helped improve", "significantly" or "various".',
  defaultSeverity: 'information',
  check({ question, text, lines }, report) {
    for (const { prose, words } of storyProse(text, question, ['result'], VAGUE_MENTION)) {
      for (const match of findPhrases(prose, words, VAGUE)) {
        const start = words[match.first].start;
        // "cut latency significantly, from 900 ms to 200 ms" says how much: the word is not vague there.
        if (isQuantified(sentenceAt(prose, start))) continue;
        const said = text.slice(start, words[match.last].end);
        report({
          message: `Vague result "${said}": say how much (a number, a before and after) and what you did.`,
          range: lines.range(start, words[match.last].end),
          kind: 'result',
        });
      }
    }
  },
};
