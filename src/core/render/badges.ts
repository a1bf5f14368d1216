import type { Question } from '../model';
import { SECTION_NAMES } from '../model';
import { storyGaps } from '../story/gaps';
import { formatDuration, speakingSeconds, storyWords } from '../text/words';

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
  const { prose, todo } = storyGaps(question);
  if (prose || todo) {
    badges.push(prose ? { tone: 'info', text: 'Prose answer', title: 'Answered without Situation, Task, Action and Result labels' } : { tone: 'info', text: 'To answer', title: 'No Situation, Task, Action or Result yet' });
    return badges;
  }
  const problems = storyProblems(question);
  for (const p of problems) badges.push({ tone: 'warning', ...p });
  if (!problems.length) badges.push({ tone: 'ok', text: 'Complete', title: 'Situation, Task, Action and Result are all there, and the Result has a number' });
  return badges;
}

function storyProblems(question: Question): Omit<Badge, 'tone'>[] {
  return storyGaps(question).gaps.map(({ code, kind }) => {
    const name = SECTION_NAMES[kind];
    if (code === 'missing') return { text: `No ${name}`, title: `This story has no ${name} section` };
    if (code === 'empty') return { text: `Empty ${name}`, title: `The ${name} section has no text yet` };
    return { text: 'Unquantified result', title: 'The Result has no number: say how much, how many or how fast' };
  });
}
