import type { StoryProgress } from '../practice/schedule';
import { agoLabel, dueLabel } from '../practice/schedule';

/** What the tree says of a story's practice: "nailed yesterday", and the detail for the tooltip. */
export interface PracticeMark {
  description: string;
  tooltip: string;
}

export function practiceMark(progress: StoryProgress, now: number): PracticeMark | undefined {
  const times = progress.nailed + progress.shaky;
  if (progress.lastPractised === undefined || !progress.lastOutcome) return undefined;
  const how = progress.lastOutcome === 'nailed' ? 'nailed' : 'shaky';
  const when = agoLabel(progress.lastPractised, now);
  return {
    description: `${how} ${when}`,
    tooltip: `$(${progress.lastOutcome === 'nailed' ? 'pass' : 'warning'}) Practised ${times} ${times === 1 ? 'time' : 'times'} (${progress.nailed} nailed, ${progress.shaky} shaky); last ${when}: ${progress.lastOutcome === 'nailed' ? 'nailed it' : 'shaky'}. ${capitalize(dueLabel(progress, now))}.`,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
