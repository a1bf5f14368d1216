import { storyProse } from '../lint/prose';
import type { Rule } from '../lint/types';
import { phraseMention, sameClause, type Word } from '../text/prose';

/**
 * Past tense only: "is structured", "was being deleted", "could be shared", "had been adjusted" describe
 * how things stood or might be, which on real stories they nearly always did, not who acted.
 */
export const BE = new Set(['was', 'were', 'been']);
const BE_MENTION = phraseMention([...BE]);

/** Before these in the same clause the passive reports a finding, not an act: "discovered the client was created twice". */
const REPORTED = new Set(
  ('discovered found noticed realized realised confirmed learned learnt saw seen figured verified ensured ensure ensuring checked identified ' +
    'determined showed shown revealed traced that which who whom whose how whether why when while until because since if felt').split(' '),
);
const IDIOMS = new Set(['damage was done', 'damage been done']);

/** Past participles that do not end in -ed. */
const IRREGULAR = new Set(
  ('arisen awoken beaten become begun bent bet bid bitten bled blown broken brought built burnt bought caught chosen come cost crept cut ' +
    'dealt dug done drawn dreamt driven eaten fallen fed felt fought found fled flown forbidden forecast forgotten forgiven frozen ' +
    'given gone ground grown hung had heard hidden hit held hurt kept knelt known laid led leant learnt left lent let lain lit lost made ' +
    'meant met paid proven put quit read ridden rung risen run said seen sought sold sent set sewn shaken shed shone shot shown shrunk shut ' +
    'sung sunk sat slept slid spoken sped spent spilt spun split spread sprung stood stolen stuck stung struck strung sworn swept swum swung ' +
    'taken taught torn told thought thrown understood undertaken upset woken worn woven wed wept won wound withdrawn written rewritten rebuilt overseen overtaken')
    .split(' '),
);

/** Participles that name a state rather than an act ("I was interested", "the team was based in Pune"). */
const STATES = new Set(
  ('interested excited concerned worried surprised pleased satisfied frustrated disappointed tired bored confused involved located based ' +
    'supposed used related connected dedicated experienced skilled qualified complicated outdated limited required needed expected scheduled ' +
    'committed prepared determined convinced allowed aligned blocked stuck known called named considered aware able entitled exposed ' +
    'overwhelmed impressed motivated engaged focused responsible distributed owned staffed understaffed unprepared tasked assigned asked ' +
    'told given promoted hired chosen selected invited encouraged gone').split(' '),
);

/** Words before "be" that say who acts: "I was asked", "we got blocked" hide no actor. */
const SUBJECTS = new Set(['i', 'we', "i'm", "we're", "i've", "we've", 'me', 'us', 'myself', 'ourselves']);
const ADVERB = /^(?:\p{L}+ly|also|then|not|never|all|both|eventually|finally|soon|quickly|later|now|just|already)$/u;
const NOT_AGENT = /^(?:\d.*|\p{L}+ing|monday|tuesday|wednesday|thursday|friday|saturday|sunday|eod|noon|midnight|then|now|next|end|early|late|tomorrow|tonight|default|hand|design|far|mistake|phone|email|mail|itself)$/u;

function isParticiple(word: Word): boolean {
  return IRREGULAR.has(word.lower) || (/^[a-z][a-z-]*ed$/.test(word.lower) && !/^(?:need|feed|bleed|speed|seed|shed|bed|red|led)$/.test(word.lower));
}

export const rule: Rule = {
  id: 'passive-action',
  description: 'The Action says who acted: "I fixed the bug", not "the bug was fixed".',
  defaultSeverity: 'information',
  offByDefault: true,
  check({ question, text, lines }, report) {
    for (const { prose, words } of storyProse(text, question, ['action'], BE_MENTION)) {
      for (let i = 0; i < words.length; i++) {
        if (!BE.has(words[i].lower)) continue;
        // "has been fixed" reports an act; "had been adjusted" is background, before the story.
        if (words[i].lower === 'been' && !/^(?:has|have|'ve|hasn't|haven't)$/.test(words[i - 1]?.lower ?? '')) continue;
        // The participle: right after "was", or after one or two adverbs ("was quickly fixed").
        let p = i + 1;
        while (p < words.length && p <= i + 2 && ADVERB.test(words[p].lower) && !isParticiple(words[p])) p++;
        const participle = words[p];
        if (!participle || !isParticiple(participle) || !sameClause(prose, words[p - 1], participle) || !sameClause(prose, words[i], words[i + 1] ?? participle)) continue;
        if (STATES.has(participle.lower)) continue;
        if (hasSubject(words, i) || hasAgent(prose, words, p) || isReported(prose, words, i)) continue;
        if (IDIOMS.has(`${words[i - 1]?.lower} ${words[i].lower} ${participle.lower}`)) continue;
        const said = text.slice(words[i].start, participle.end);
        report({
          message: `Passive "${said}" hides who acted: say "I ${participle.lower}…" (or who did).`,
          range: lines.range(words[i].start, participle.end),
          kind: 'action',
        });
        i = p;
      }
    }
  },
};

/** A cue of reported speech or discovery earlier in the sentence (a list item is a sentence). */
function isReported(prose: Parameters<typeof sameClause>[0], words: Word[], be: number): boolean {
  for (let k = be - 1; k >= 0; k--) {
    if (REPORTED.has(words[k].lower)) return true;
    const gap = prose.text.slice(words[k].end - prose.start, words[k + 1].start - prose.start);
    if (/[.!?;]|\r|\n/.test(gap)) return false;
  }
  return false;
}

/** "I was", "we have been", "I'm getting": the writer is the subject. */
function hasSubject(words: Word[], be: number): boolean {
  for (let k = be - 1; k >= 0 && k >= be - 3; k--) {
    const w = words[k].lower;
    if (SUBJECTS.has(w)) return true;
    if (!/^(?:have|has|had|will|would|could|should|might|must|can|may|to|also|then|not|never|just|\p{L}+ly)$/u.test(w)) return false;
  }
  return false;
}

/** "was fixed by the on-call engineer": the actor is named later in the clause ("by Friday" is no actor). */
function hasAgent(prose: Parameters<typeof sameClause>[0], words: Word[], participle: number): boolean {
  for (let k = participle + 1; k < words.length && k <= participle + 8; k++) {
    if (!sameClause(prose, words[k - 1], words[k])) return false;
    if (words[k].lower === 'by') {
      const next = words[k + 1];
      if (!next || !sameClause(prose, words[k], next) || NOT_AGENT.test(next.lower)) return false;
      // "by the end of the week", "by the time we shipped": a time, not an actor.
      return !(next.lower === 'the' && /^(?:end|time|deadline|next|following|start|close)$/.test(words[k + 2]?.lower ?? ''));
    }
  }
  return false;
}
