import { SECTION_NAMES, STAR_KINDS, type Question, type SectionKind } from '../model';
import { formatDuration, speakingSeconds, storyWords } from '../text/words';
import { isQuantified } from '../lint/quantity';

/** complete: all four parts, a number in the Result; warning: only the number is missing; error: a part is missing or empty. */
export type StatusLevel = 'complete' | 'warning' | 'error';

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

/** What a story lacks, its length and its speaking time at a pace in words per minute. */
export function storyStatus(question: Question, wordsPerMinute = 150): StoryStatus {
  const problems: StoryProblem[] = [];
  const parts = { situation: false, task: false, action: false, result: false };
  for (const kind of STAR_KINDS) {
    const sections = question.sections.filter((s) => s.kind === kind);
    const title = SECTION_NAMES[kind];
    if (sections.length === 0) problems.push({ code: 'missing', kind, message: `no ${title}` });
    else if (sections.every((s) => s.words === 0)) problems.push({ code: 'empty', kind, message: `empty ${title}` });
    else parts[kind as keyof typeof parts] = true;
  }
  const resultText = question.sections
    .filter((s) => s.kind === 'result')
    .map((s) => s.text)
    .join('\n');
  if (parts.result && !isQuantified(resultText)) problems.push({ code: 'no-metric', kind: 'result', message: 'no metric' });
  const words = storyWords(question);
  const level: StatusLevel = problems.length === 0 ? 'complete' : problems.every((p) => p.code === 'no-metric') ? 'warning' : 'error';
  return {
    level,
    problems,
    summary: problems.length ? problems.map((p) => p.message).join(' · ') : 'complete',
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
