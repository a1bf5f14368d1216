import { STAR_KINDS, type Question, type Section, type SectionKind } from '../model';
import { isQuantified } from '../lint/quantity';
import { partsOf, questionShape } from './shape';

export type GapCode = 'missing' | 'empty' | 'no-metric';

export interface StoryGap {
  code: GapCode;
  kind: SectionKind;
}

/** Shared by every caller asking about the same question: read it, never change it. */
export interface StoryGaps {
  /** In S-T-A-R order: missing parts, then empty ones, then an unquantified Result. */
  readonly gaps: readonly StoryGap[];
  /** For each of S, T, A, R: written and not empty. */
  readonly parts: Readonly<Record<'situation' | 'task' | 'action' | 'result', boolean>>;
  /** The Result sections that hold words, when none of them states a measure. */
  readonly unquantified?: readonly Section[];
  /** An answer in prose (or guidance): no STAR part to lack. */
  readonly prose?: boolean;
  /** A question with nothing under it yet: a to-do, not a story with four gaps. */
  readonly todo?: boolean;
}

/** Parsed questions are never changed in place (an edit makes new ones): their gaps are worked out once. */
const known = new WeakMap<Question, StoryGaps>();

/**
 * What a story lacks, the one answer the rules, the tree, the preview and the status bar all give:
 * a part is missing when no label names it (a combined "Situation/Task" names both), empty when all its
 * sections are empty, and the Result unquantified when it has words and none of its sections states a measure.
 */
export function storyGaps(question: Question): StoryGaps {
  let found = known.get(question);
  if (!found) known.set(question, (found = gapsOf(question)));
  return found;
}

function gapsOf(question: Question): StoryGaps {
  const gaps: StoryGap[] = [];
  const parts = { situation: false, task: false, action: false, result: false };
  const shape = questionShape(question);
  if (shape === 'prose' || shape === 'guidance') return { gaps, parts, prose: true };
  if (shape === 'todo') return { gaps, parts, todo: true };
  const named = partsOf(question);
  for (const kind of STAR_KINDS) {
    const sections = question.sections.filter((s) => s.kind === kind || s.covers?.includes(kind));
    if (!named.has(kind)) gaps.push({ code: 'missing', kind });
    else if (sections.every((s) => s.words === 0)) gaps.push({ code: 'empty', kind });
    else parts[kind as keyof typeof parts] = true;
  }
  const results = question.sections.filter((s) => s.kind === 'result' && s.words > 0);
  const unquantified = results.length && !results.some((s) => isQuantified(s.text)) ? results : undefined;
  if (unquantified) gaps.push({ code: 'no-metric', kind: 'result' });
  return { gaps, parts, ...(unquantified ? { unquantified } : {}) };
}
