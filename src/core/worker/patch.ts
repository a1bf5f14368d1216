/**
 * A kept document's new reading as a change to the one the host already holds: after the quick re-read
 * of one story, the worker sends that story, the principles' headers, the edit that moved the other
 * stories and the findings that changed, instead of the whole model and every finding (copying those
 * between threads cost more than the re-read itself on a file of thousands of stories). The host moves
 * its own copy by the same rule as the re-read (src/core/parser/incremental.ts, Shift) and gets the same
 * bank and findings; the property tests check that against a full parse. Plain data, no parser here:
 * the extension host loads this file.
 */
import type { BankFile, Principle, Question } from '../model';
import { EditShift, type TextEdit } from '../text/editShift';
import { runSteps } from '../steps';
import type { WorkerFinding } from './protocol';

/** The edit as the quick re-read found it: offsets before `start` stay, those after `oldEnd` move by `delta`. */
export type PatchEdit = TextEdit;

export interface ReadPatch {
  /** The version of the reading the patch applies to. */
  base: number;
  /** Absent when the text did not change (the bank is the base's). */
  edit?: PatchEdit;
  /** The re-read story: its index among the file's stories (principles in order) and its new reading. */
  story?: { index: number; question: Question };
  /** The principles without their stories, with how many stories each holds. */
  principles: (Omit<Principle, 'questions'> & { questions: number })[];
  hasStories: boolean;
  /** The findings, when they changed only around the edit: the base's first `keep`, then `fresh`, then the base's from `from` on, moved by the edit. */
  findings?: { keep: number; fresh: WorkerFinding[]; from: number };
}

/**
 * What the host works out from a story's words alone (its status in the outline), kept per story across
 * the patches that only move it: each moved story shares its origin's memo. A memo holds no story, so
 * readings long gone are not kept alive through it.
 */
export type StoryMemo = Record<string, unknown>;
const memos = new WeakMap<Question, StoryMemo>();
export function storyMemo(question: Question): StoryMemo {
  let memo = memos.get(question);
  if (!memo) memos.set(question, (memo = {}));
  return memo;
}

/**
 * What a story keeps in its memo under `key`, worked out once; with `version` (a pace in words per minute, say), once
 * per version: a value of another version is worked out again and replaces it.
 */
export function memoized<T>(question: Question, key: string, compute: () => T, version?: number): T {
  const memo = storyMemo(question);
  const known = memo[key] as { version: number | undefined; value: T } | undefined;
  if (known && known.version === version) return known.value;
  const value = compute();
  memo[key] = { version, value };
  return value;
}

/** A moved story shares its origin's memo. */
function withMemo(origin: Question, moved: Question): Question {
  const memo = memos.get(origin);
  if (memo) memos.set(moved, memo);
  return moved;
}

/** The principles' headers of a bank (what a patch carries of them). */
export function principleHeaders(bank: BankFile): ReadPatch['principles'] {
  return bank.principles.map(({ questions, ...header }) => ({ ...header, questions: questions.length }));
}

/** The principles of `headers`, each with as many of `stories` as its header counts, in order. */
export function withStories(headers: ReadPatch['principles'], stories: readonly Question[]): Principle[] {
  let next = 0;
  return headers.map((header) => {
    const own = stories.slice(next, next + header.questions);
    next += header.questions;
    return { ...header, questions: own };
  });
}

/**
 * The findings part of a patch: how `next` is made of `base` (findings kept as they were, or moved by the
 * edit: `movedFrom` tells which base finding a moved one came from) and fresh ones in between.
 */
export function findingsPatch<F extends object>(base: readonly F[], next: readonly F[], movedFrom: (finding: F) => F | undefined): { keep: number; fresh: F[]; from: number } {
  let keep = 0;
  while (keep < base.length && keep < next.length && next[keep] === base[keep]) keep++;
  let i = base.length - 1;
  let j = next.length - 1;
  while (i >= keep && j >= keep && (next[j] === base[i] || movedFrom(next[j]) === base[i])) {
    i--;
    j--;
  }
  return { keep, fresh: next.slice(keep, j + 1), from: i + 1 };
}

/** Stories moved between two yields of applyBankPatchSteps (a few milliseconds of the host's thread). */
const STORIES_PER_STEP = 250;

/** The new bank from the base's and a patch (the base must be the reading of version `patch.base`); undefined if they do not fit. */
export function applyBankPatch(base: BankFile, patch: ReadPatch): BankFile | undefined {
  return runSteps(applyBankPatchSteps(base, patch));
}

/** The same, a few hundred moved stories a step, for a host that gives its thread back between steps. */
export function* applyBankPatchSteps(base: BankFile, patch: ReadPatch): Generator<void, BankFile | undefined> {
  const questions = base.principles.flatMap((p) => p.questions);
  if (patch.principles.reduce((n, p) => n + p.questions, 0) !== questions.length) return undefined;
  if (!patch.edit) return base;
  if (!patch.story || patch.story.index >= questions.length) return undefined;
  const shift = new EditShift(patch.edit);
  const { index, question } = patch.story;
  const start = patch.edit.start;
  const moved: Question[] = [];
  let shifted = 0;
  for (const [i, q] of questions.entries()) {
    if (i === index) moved.push(question);
    else if (q.range.start.offset < start) moved.push(q);
    else {
      moved.push(withMemo(q, shift.question(q)));
      if (++shifted % STORIES_PER_STEP === 0) yield;
    }
  }
  // The principles as the worker read them (their ranges are its), each with its stories.
  return { principles: withStories(patch.principles, moved), hasStories: patch.hasStories };
}

/** The new findings from the base's and a patch's; undefined if they do not fit. */
export function applyFindingsPatch(base: readonly WorkerFinding[], patch: ReadPatch): WorkerFinding[] | undefined {
  const part = patch.findings;
  if (!part || part.keep > base.length || part.from > base.length || part.from < part.keep) return undefined;
  const shift = patch.edit ? new EditShift(patch.edit) : undefined;
  const after = base.slice(part.from);
  return [...base.slice(0, part.keep), ...part.fresh, ...(shift ? after.map((f) => shift.finding(f)) : after)];
}
