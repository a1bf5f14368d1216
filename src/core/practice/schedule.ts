import type { Outcome, PracticeRecord, Rating } from './history';

/**
 * When a story should be practised again: a Leitner schedule (docs/practice.md). Each story sits in
 * a box; "nailed it" moves it up one box, "shaky" sends it back to the first, "skip" leaves it where
 * it is. A box says how many days to wait before the story is due again. Stories never practised are
 * due at once. The next question is drawn at random among the due stories, shaky ones weighing most;
 * when none is due, the one due soonest comes next.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Days to wait in each box: box 0 (new or shaky) is due at once. */
export const BOX_DAYS: readonly number[] = [0, 1, 3, 7, 14, 30];
export const TOP_BOX = BOX_DAYS.length - 1;

/** Draw weights among due stories: shaky answers come up most often, then new ones, then the rest. */
export const WEIGHTS = { shaky: 4, fresh: 2, due: 1 } as const;

export interface StoryProgress {
  box: number;
  /** The last time the story was rated nailed or shaky (ms), if ever. */
  lastPractised?: number;
  lastOutcome?: Exclude<Outcome, 'skipped'>;
  /** When the story is due again (ms); 0 for a story never practised. */
  due: number;
  nailed: number;
  shaky: number;
  skipped: number;
}

/** A story's box and due date, from its ratings in order. */
export function progressOf(ratings: readonly Rating[] = []): StoryProgress {
  let box = 0;
  let last: Rating | undefined;
  const counts = { nailed: 0, shaky: 0, skipped: 0 };
  for (const r of ratings) {
    counts[r.outcome]++;
    if (r.outcome === 'skipped') continue;
    box = r.outcome === 'nailed' ? Math.min(box + 1, TOP_BOX) : 0;
    last = r;
  }
  return {
    box,
    lastPractised: last?.at,
    lastOutcome: last?.outcome as StoryProgress['lastOutcome'],
    due: last ? last.at + BOX_DAYS[box] * DAY_MS : 0,
    ...counts,
  };
}

export function isDue(progress: StoryProgress, now: number): boolean {
  return progress.due <= now;
}

/** How strongly a due story is drawn. */
export function weightOf(progress: StoryProgress): number {
  if (progress.lastOutcome === 'shaky') return WEIGHTS.shaky;
  if (progress.lastPractised === undefined) return WEIGHTS.fresh;
  return WEIGHTS.due;
}

/**
 * The index of the story to ask next among `candidates` (their records, or undefined when never
 * practised), or undefined when there is none. `random` returns a number in [0, 1).
 */
export function pickNext(candidates: readonly (PracticeRecord | undefined)[], now: number, random: () => number = Math.random): number | undefined {
  if (!candidates.length) return undefined;
  const progress = candidates.map((r) => progressOf(r?.ratings));
  const due = progress.map((p, i) => ({ i, p })).filter(({ p }) => isDue(p, now));
  if (!due.length) {
    // Nothing due: the story due soonest, so that a session can still go on.
    return progress.reduce((bestIndex, p, i) => (p.due < progress[bestIndex].due ? i : bestIndex), 0);
  }
  const total = due.reduce((sum, { p }) => sum + weightOf(p), 0);
  let r = Math.min(Math.max(random(), 0), 0.999999) * total;
  for (const { i, p } of due) {
    r -= weightOf(p);
    if (r < 0) return i;
  }
  return due[due.length - 1].i;
}

/** "today", "yesterday", "3 days ago", "2 weeks ago", for the tree. */
export function agoLabel(then: number, now: number): string {
  const days = Math.floor(startOfDay(now) / DAY_MS) - Math.floor(startOfDay(then) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  return `${Math.floor(days / 30)} months ago`;
}

/** "due now", "due tomorrow", "due in 5 days". */
export function dueLabel(progress: StoryProgress, now: number): string {
  if (progress.due <= now) return 'due now';
  const days = Math.ceil((progress.due - now) / DAY_MS);
  return days <= 1 ? 'due tomorrow' : `due in ${days} days`;
}

function startOfDay(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

export const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = { nailed: 'nailed it', shaky: 'shaky', skipped: 'skipped' };
