import { findCatalogPrinciple, normalizePrincipleTitle, resolveCatalog, type CatalogPrinciple } from '../catalog';
import type { BankFile, Question } from '../model';
import { storyGaps } from '../story/gaps';
import { questionShape } from '../story/shape';
import { runSteps } from '../steps';
import { memoized } from '../worker/patch';

/**
 * The interview plan: for each principle a user targets, how many finished stories the bank holds.
 * A loop asks two questions a principle or more, so fewer than `minStories` finished ones is a gap.
 */

export const DEFAULT_MIN_STORIES = 2;

export interface CoverageRow {
  principle: CatalogPrinciple;
  /** Stories filed under the principle (by its title or an alias). */
  stories: number;
  /** Of those, complete: all four parts and a number in the Result. */
  finished: number;
  /** Finished stories still wanted to reach the minimum. */
  missing: number;
}

export interface Coverage {
  rows: CoverageRow[];
  minStories: number;
  /** Rows with enough finished stories. */
  ready: number;
}

/**
 * The principles targeted: the titles of the setting when it names some (looked up in the catalog for
 * their definitions), else the whole catalog (by default Amazon's 16 Leadership Principles).
 */
export function targetPrinciples(targets: readonly unknown[] | undefined, catalog: readonly CatalogPrinciple[]): CatalogPrinciple[] {
  const titles = (targets ?? []).filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
  if (!titles.length) return [...catalog];
  const known = [...catalog, ...resolveCatalog('amazon', undefined)];
  const seen = new Set<string>();
  const out: CatalogPrinciple[] = [];
  for (const title of titles) {
    const key = normalizePrincipleTitle(title);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(findCatalogPrinciple(known, title) ?? { title, definition: '' });
  }
  return out;
}

export function planCoverage(banks: readonly BankFile[], targets: readonly CatalogPrinciple[], minStories = DEFAULT_MIN_STORIES): Coverage {
  return runSteps(planCoverageSteps(banks, targets, minStories));
}

/** The same, a file a step, for a host that gives its thread back between steps (a new file's stories are measured here). */
export function* planCoverageSteps(banks: readonly BankFile[], targets: readonly CatalogPrinciple[], minStories = DEFAULT_MIN_STORIES): Generator<void, Coverage> {
  const min = Number.isFinite(minStories) && minStories >= 1 ? Math.floor(minStories) : DEFAULT_MIN_STORIES;
  const rows: CoverageRow[] = targets.map((principle) => ({ principle, stories: 0, finished: 0, missing: min }));
  // A bank files many principles under few titles: each title is looked up once.
  const rowOf = new Map<string, CoverageRow | undefined>();
  for (const bank of banks) {
    for (const p of bank.principles) {
      let row = rowOf.get(p.title);
      if (!rowOf.has(p.title)) rowOf.set(p.title, (row = rows.find((r) => findCatalogPrinciple([r.principle], p.title))));
      if (!row) continue;
      for (const q of p.questions) {
        const kind = storyKind(q);
        if (kind === 'none') continue;
        row.stories++;
        if (kind === 'finished') row.finished++;
      }
    }
    yield;
  }
  for (const row of rows) row.missing = Math.max(0, min - row.finished);
  return { rows, minStories: min, ready: rows.filter((r) => r.missing === 0).length };
}

type StoryKind = 'none' | 'story' | 'finished';

/** Not a story (guidance, nothing yet), a story, or a finished one; kept in the story's memo (src/core/worker/patch.ts). */
function storyKind(q: Question): StoryKind {
  return memoized(q, 'planKind', (): StoryKind => {
    const shape = questionShape(q);
    return shape === 'guidance' || shape === 'todo' ? 'none' : shape === 'story' && storyGaps(q).gaps.length === 0 ? 'finished' : 'story';
  });
}

/** "2 finished of 3" / "1 finished of 1 · needs 1 more" */
export function coverageLabel(row: CoverageRow): string {
  const base = row.stories === 0 ? 'no story' : `${row.finished} finished of ${row.stories}`;
  return row.missing ? `${base} · needs ${row.missing} more` : base;
}
