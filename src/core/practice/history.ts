import type { Question } from '../model';
import { normalizeQuestionTitle } from '../tree/reuse';

/**
 * What a practice session remembers of each story, kept by the extension (never in the user's
 * markdown). A story is found again by its question text; when the question was reworded, by its
 * words (the fallback), so a story keeps its history across edits, renames and moves between files.
 */

export type Outcome = 'nailed' | 'shaky' | 'skipped';
export const OUTCOMES: readonly Outcome[] = ['nailed', 'shaky', 'skipped'];

export interface Rating {
  /** When, in milliseconds since 1970 (UTC). */
  at: number;
  outcome: Outcome;
  /** Seconds the answer took, when the timer ran. */
  seconds?: number;
}

export interface PracticeRecord {
  /** The question, normalized (case, quotes, numbering and punctuation dropped). */
  question: string;
  /** The story's first words, normalized: the fallback key when the question changes. */
  words: string;
  /** The question as last seen, for people reading the state. */
  title: string;
  ratings: Rating[];
}

export interface PracticeHistory {
  version: 1;
  records: PracticeRecord[];
}

/** How a story is recognised. */
export interface StoryIdentity {
  question: string;
  words: string;
}

/** Ratings kept per story: enough for the schedule, bounded so the state never grows without end. */
export const MAX_RATINGS = 50;
export const MAX_RECORDS = 2000;
/** How many of a story's first words make its fallback key. */
const FINGERPRINT_WORDS = 40;
/** The share of words two versions of a story must have in common to be the same story. */
export const SAME_STORY_SIMILARITY = 0.5;

export function emptyHistory(): PracticeHistory {
  return { version: 1, records: [] };
}

export function storyIdentity(question: Question): StoryIdentity {
  const text = question.sections.length ? question.sections.map((s) => s.text).join(' ') : (question.prose?.text ?? '');
  return { question: normalizeQuestionTitle(question.title), words: fingerprint(text) };
}

export function fingerprint(text: string): string {
  return normalizeQuestionTitle(text).split(' ').filter(Boolean).slice(0, FINGERPRINT_WORDS).join(' ');
}

/** Jaccard similarity of two fingerprints' word sets (0: nothing shared, 1: the same words). */
export function similarity(a: string, b: string): number {
  return jaccard(wordSet(a), wordSet(b));
}

/**
 * Pairs each story with its record, one to one, in three passes so that an exact match is never
 * taken by a weaker one: question and words the same; then the question the same (the story was
 * edited); then most of the words the same (the question was reworded). Returns record indexes by
 * story index.
 */
export function matchRecords(stories: readonly StoryIdentity[], history: PracticeHistory): (number | undefined)[] {
  const result: (number | undefined)[] = stories.map(() => undefined);
  const taken = new Set<number>();
  const byQuestion = new Map<string, number[]>();
  history.records.forEach((r, i) => {
    if (!r.question) return;
    const list = byQuestion.get(r.question) ?? [];
    list.push(i);
    byQuestion.set(r.question, list);
  });
  const take = (s: number, r: number | undefined) => {
    if (r === undefined) return;
    result[s] = r;
    taken.add(r);
  };
  stories.forEach((story, s) => {
    if (story.question) take(s, (byQuestion.get(story.question) ?? []).find((r) => !taken.has(r) && history.records[r].words === story.words));
  });
  stories.forEach((story, s) => {
    if (result[s] === undefined && story.question) {
      // Of the records with this question, the one whose words are closest.
      const free = (byQuestion.get(story.question) ?? []).filter((r) => !taken.has(r));
      take(s, best(free, (r) => similarity(history.records[r].words, story.words)));
    }
  });
  // The fallback: records whose question no story has any more, by the words they share.
  const questions = new Set(stories.map((s) => s.question).filter(Boolean));
  const orphans = history.records.map((r, i) => ({ i, words: wordSet(r.words) })).filter(({ i }) => !taken.has(i) && !questions.has(history.records[i].question) && history.records[i].words);
  // Candidates share at least one word that few orphans have (a story half the same shares many).
  const byWord = new Map<string, number[]>();
  orphans.forEach((o, k) =>
    o.words.forEach((w) => {
      const list = byWord.get(w);
      if (list) list.push(k);
      else byWord.set(w, [k]);
    }),
  );
  const rare = Math.max(8, orphans.length / 4);
  stories.forEach((story, s) => {
    if (result[s] !== undefined || !story.words || !orphans.length) return;
    const words = wordSet(story.words);
    const picked = new Set<number>();
    for (const w of words) {
      const list = byWord.get(w);
      if (list && list.length <= rare) list.forEach((k) => picked.add(k));
    }
    const candidates = picked.size ? [...picked].map((k) => orphans[k]) : orphans;
    let found: { i: number; words: Set<string> } | undefined;
    let top = SAME_STORY_SIMILARITY;
    for (const o of candidates) {
      if (taken.has(o.i)) continue;
      const score = jaccard(words, o.words);
      if (score >= top) {
        top = score;
        found = o;
      }
    }
    if (found) take(s, found.i);
  });
  return result;
}

function wordSet(words: string): Set<string> {
  return new Set(words.split(' ').filter(Boolean));
}

function jaccard(x: Set<string>, y: Set<string>): number {
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

function best(candidates: number[], score: (i: number) => number): number | undefined {
  let found: number | undefined;
  let top = -1;
  for (const c of candidates) {
    const v = score(c);
    if (v > top) {
      top = v;
      found = c;
    }
  }
  return found;
}

/**
 * The history with a rating added to a story's record: `record` is the index matchRecords gave the
 * story when matching the whole bank (undefined: a new record). The record takes the story's current
 * keys, so the next lookup matches exactly. Pure: returns a copy.
 */
export function recordRating(history: PracticeHistory, story: StoryIdentity & { title: string }, rating: Rating, record: number | undefined): PracticeHistory {
  const records = history.records.map((r) => ({ ...r, ratings: [...r.ratings] }));
  const index = record !== undefined && record >= 0 && record < records.length ? record : undefined;
  const existing = index !== undefined ? records[index] : undefined;
  const updated: PracticeRecord = {
    question: story.question,
    words: story.words,
    title: story.title,
    ratings: [...(existing?.ratings ?? []), rating].slice(-MAX_RATINGS),
  };
  if (existing) records.splice(index!, 1);
  records.push(updated); // the most recently practised last: the first to go are the oldest
  return { version: 1, records: records.slice(-MAX_RECORDS) };
}

/** A history read back from storage, or an empty one when it is not one (old, foreign or damaged). */
export function parseHistory(value: unknown): PracticeHistory {
  if (!value || typeof value !== 'object') return emptyHistory();
  const { version, records } = value as { version?: unknown; records?: unknown };
  if (version !== 1 || !Array.isArray(records)) return emptyHistory();
  const out: PracticeRecord[] = [];
  for (const raw of records.slice(-MAX_RECORDS)) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    if (typeof r.question !== 'string' || typeof r.words !== 'string' || !Array.isArray(r.ratings)) continue;
    const ratings = r.ratings.filter(isRating).slice(-MAX_RATINGS);
    out.push({ question: r.question, words: r.words, title: typeof r.title === 'string' ? r.title : r.question, ratings });
  }
  return { version: 1, records: out };
}

function isRating(value: unknown): value is Rating {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.at === 'number' &&
    Number.isFinite(r.at) &&
    OUTCOMES.includes(r.outcome as Outcome) &&
    (r.seconds === undefined || (typeof r.seconds === 'number' && Number.isFinite(r.seconds) && r.seconds >= 0))
  );
}

/**
 * The record a rating goes to: the rated story is matched together with the rest of the bank as it is
 * now (so that it never takes another story's record), itself replacing its current version if any.
 */
export function recordFor(rated: StoryIdentity, bank: readonly StoryIdentity[], history: PracticeHistory): number | undefined {
  const ids = [...bank];
  let i = ids.findIndex((s) => s.question === rated.question && s.words === rated.words);
  if (i < 0) i = ids.push(rated) - 1;
  return matchRecords(ids, history)[i];
}
