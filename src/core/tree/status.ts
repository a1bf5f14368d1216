import { SECTION_NAMES, type Question, type SectionKind } from '../model';
import { storyGaps } from '../story/gaps';
import { formatDuration, speakingSeconds, storyWords } from '../text/words';
import { memoized } from '../worker/patch';

/**
 * complete: all four parts, a number in the Result; warning: only the number is missing; error: a part is
 * missing or empty; prose: an answer written without STAR labels (a question of the bank, not a broken story);
 * todo: a question with nothing under it yet.
 */
export type StatusLevel = 'complete' | 'warning' | 'error' | 'prose' | 'todo';

export interface StoryProblem {
  code: 'missing' | 'empty' | 'no-metric';
  kind: SectionKind;
  /** "no Task", "empty Action", "no metric". */
  message: string;
}

export interface StoryStatus {
  level: StatusLevel;
  problems: StoryProblem[];
  /** "complete" or the problems joined: "no Task · no metric". */
  summary: string;
  /** For each of S, T, A, R: written and not empty. */
  parts: Record<'situation' | 'task' | 'action' | 'result', boolean>;
  words: number;
  seconds: number;
}

/**
 * What a story lacks, its length and its speaking time at a pace in words per minute. Worked out once per story and
 * pace, kept in the story's memo (src/core/worker/patch.ts), which a story a typed edit only moved shares: the tree,
 * the outline and the status bar ask for the same stories again and again. Callers do not change what it returns.
 */
export function storyStatus(question: Question, wordsPerMinute = 150): StoryStatus {
  return memoized(question, 'status', () => measureStory(question, wordsPerMinute), wordsPerMinute);
}

function measureStory(question: Question, wordsPerMinute: number): StoryStatus {
  const { gaps, parts, prose, todo } = storyGaps(question);
  const problems: StoryProblem[] = gaps.map(({ code, kind }) => ({
    code,
    kind,
    message: code === 'missing' ? `no ${SECTION_NAMES[kind]}` : code === 'empty' ? `empty ${SECTION_NAMES[kind]}` : 'no metric',
  }));
  const words = storyWords(question);
  const level: StatusLevel = prose ? 'prose' : todo ? 'todo' : problems.length === 0 ? 'complete' : problems.every((p) => p.code === 'no-metric') ? 'warning' : 'error';
  return {
    level,
    problems,
    summary: prose ? 'prose answer' : todo ? 'to answer' : problems.length ? problems.map((p) => p.message).join(' · ') : 'complete',
    parts,
    words,
    seconds: speakingSeconds(words, wordsPerMinute),
  };
}

/** "212 words · 1:25" */
export function lengthLabel(words: number, wordsPerMinute = 150): string {
  return `${words} ${words === 1 ? 'word' : 'words'} · ${formatDuration(speakingSeconds(words, wordsPerMinute))}`;
}

/** "✓✓✗✓" for S, T, A, R: ✓ written, ∅ there but empty, ✗ missing (as the CLI outline marks them). */
export function starMarks(status: StoryStatus): string {
  return (['situation', 'task', 'action', 'result'] as const)
    .map((k) => (status.parts[k] ? '✓' : status.problems.some((p) => p.kind === k && p.code === 'empty') ? '∅' : '✗'))
    .join('');
}
