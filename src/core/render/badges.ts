import type { Question, SectionKind } from '../model';
import { SECTION_NAMES, STAR_KINDS } from '../model';
import { formatDuration, speakingSeconds, storyWords } from '../text/words';
import { isQuantified } from '../lint/quantity';

export type BadgeTone = 'info' | 'ok' | 'warning';

export interface Badge {
  tone: BadgeTone;
  text: string;
  /** A longer explanation (the tooltip). */
  title: string;
}

/** What a reader of a story wants to see before opening it: length, speaking time, gaps. */
export function storyBadges(question: Question, wordsPerMinute: number): Badge[] {
  const badges: Badge[] = [];
  const words = storyWords(question);
  const seconds = speakingSeconds(words, wordsPerMinute);
  badges.push({ tone: 'info', text: `${words} words · ${formatDuration(seconds)}`, title: `About ${formatDuration(seconds)} to tell at ${wordsPerMinute} words a minute` });
  const problems = storyProblems(question);
  for (const p of problems) badges.push({ tone: 'warning', ...p });
  if (!problems.length) badges.push({ tone: 'ok', text: 'Complete', title: 'Situation, Task, Action and Result are all there, and the Result has a number' });
  return badges;
}

function storyProblems(question: Question): Omit<Badge, 'tone'>[] {
  const out: Omit<Badge, 'tone'>[] = [];
  for (const kind of STAR_KINDS) {
    const sections = question.sections.filter((s) => s.kind === kind);
    if (!sections.length) out.push({ text: `No ${SECTION_NAMES[kind]}`, title: `This story has no ${SECTION_NAMES[kind]} section` });
    else if (sections.every((s) => s.words === 0)) out.push({ text: `Empty ${SECTION_NAMES[kind]}`, title: `The ${SECTION_NAMES[kind]} section has no text yet` });
  }
  const result = question.sections.filter((s) => s.kind === 'result' && s.words > 0);
  if (result.length && !result.some((s) => isQuantified(s.text))) {
    out.push({ text: 'Unquantified result', title: 'The Result has no number: say how much, how many or how fast' });
  }
  return out;
}
