import { normalizePrincipleTitle } from '../catalog';
import type { Question } from '../model';
import { storyGaps } from '../story/gaps';
import { questionShape } from '../story/shape';
import type { Outcome, PracticeRecord } from './history';
import { pickNext } from './schedule';

/** Which stories a session draws from. */
export type PracticeScope = { kind: 'all' } | { kind: 'warnings' } | { kind: 'principle'; title: string };

export interface PracticeStory {
  /** The file, as an opaque key (a URI string). */
  uri: string;
  principle: string;
  question: Question;
  /** The story's record in the history, if it was practised before. */
  record?: PracticeRecord;
}

export interface SessionProgress {
  /** Questions asked so far, the current one included. */
  asked: number;
  /** Questions the session will ask. */
  total: number;
  nailed: number;
  shaky: number;
  skipped: number;
}

/** A story with something to fix: a part missing or empty, a Result without a number, or no STAR part at all. */
export function hasWarnings(question: Question): boolean {
  return questionShape(question) === 'prose' || storyGaps(question).gaps.length > 0;
}

/** Something to say out loud: a story, or an answer written as prose (not an empty question, not guidance). */
export function isPracticable(question: Question): boolean {
  const shape = questionShape(question);
  return shape === 'story' || shape === 'prose';
}

export function inScope(story: PracticeStory, scope: PracticeScope): boolean {
  if (scope.kind === 'warnings') return hasWarnings(story.question);
  if (scope.kind === 'principle') return normalizePrincipleTitle(story.principle) === normalizePrincipleTitle(scope.title);
  return true;
}

export function scopeLabel(scope: PracticeScope): string {
  if (scope.kind === 'warnings') return 'Stories with warnings';
  if (scope.kind === 'principle') return scope.title;
  return 'Whole bank';
}

/**
 * One practice session: up to `length` questions from a pool, each asked once, in the order the
 * schedule draws them. Pure: the caller keeps the history and the clock.
 */
export class PracticeSession {
  private readonly remaining: PracticeStory[];
  private readonly results: { story: PracticeStory; outcome: Outcome; seconds?: number }[] = [];
  private currentStory: PracticeStory | undefined;
  readonly total: number;

  constructor(
    pool: readonly PracticeStory[],
    length: number,
    private readonly random: () => number = Math.random,
  ) {
    this.remaining = [...pool];
    this.total = Math.max(0, Math.min(pool.length, Math.floor(length)));
  }

  get current(): PracticeStory | undefined {
    return this.currentStory;
  }

  get done(): boolean {
    return this.currentStory === undefined && this.results.length >= this.total;
  }

  get progress(): SessionProgress {
    const count = (o: Outcome) => this.results.filter((r) => r.outcome === o).length;
    return { asked: this.results.length + (this.currentStory ? 1 : 0), total: this.total, nailed: count('nailed'), shaky: count('shaky'), skipped: count('skipped') };
  }

  /** Draws the next question (undefined when the session is over). */
  next(now: number): PracticeStory | undefined {
    if (this.currentStory || this.results.length >= this.total) return this.currentStory;
    const i = pickNext(this.remaining.map((s) => s.record), now, this.random);
    if (i === undefined) return undefined;
    this.currentStory = this.remaining.splice(i, 1)[0];
    return this.currentStory;
  }

  /** Rates the current question; the caller records it and asks for the next. */
  rate(outcome: Outcome, seconds?: number): PracticeStory | undefined {
    const story = this.currentStory;
    if (!story) return undefined;
    this.results.push({ story, outcome, seconds });
    this.currentStory = undefined;
    return story;
  }
}
