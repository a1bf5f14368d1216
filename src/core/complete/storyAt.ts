import type { Question } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { Probe } from './probe';

/**
 * 'inside': the cursor's line is between the story's question and its end.
 * 'after': a blank line just after a story that has no closing tag (headings, bold labels, lists).
 */
export type Placement = 'inside' | 'after';

export interface StoryAtCursor {
  /** As read without what was typed on the cursor's line (positions in `probe.text`). */
  question: Question;
  placement: Placement;
}

/** How many lines below a story's last line still count as "just after" it: the line after, or one blank line further. */
export const AFTER_LINES = 2;

/** The story a section typed on the cursor's line would belong to, among `questions` read from `probe.text`. */
export function storyAt(questions: readonly Question[], probe: Probe, lines: LineIndex): StoryAtCursor | undefined {
  const { at, line, nextStart } = probe;
  let after: StoryAtCursor | undefined;
  for (const question of questions) {
    if (question.container === 'table-row' || question.container === 'none') continue;
    const { range, titleRange } = question;
    if (titleRange.end.line >= line) continue;
    // The story goes on past the cursor's line.
    if (probe.hasNext && range.end.offset >= nextStart) {
      if (question.container === 'details' && !beforeDetailsClose(probe.text, question, at)) continue;
      return { question, placement: 'inside' };
    }
    if (question.container !== 'details' && range.end.line < line && range.end.line >= line - AFTER_LINES && blankLines(probe.text, lines, range.end.line + 1, line)) {
      after = { question, placement: 'after' };
    }
  }
  return after;
}

/** A `<details>` story ends at its `</details>`: nothing is offered from that tag on. */
function beforeDetailsClose(text: string, question: Question, at: number): boolean {
  const pattern = /<\/details\s*>/gi;
  pattern.lastIndex = question.range.start.offset;
  let close = -1;
  for (let m = pattern.exec(text); m && m.index < question.range.end.offset; m = pattern.exec(text)) close = m.index;
  return close < 0 || at <= close;
}

/** True when every line from `from` up to (not including) `to` is blank. */
function blankLines(text: string, lines: LineIndex, from: number, to: number): boolean {
  for (let l = from; l < to; l++) {
    if (text.slice(lines.offsetAt(l, 0), lines.lineEnd(l)).trim() !== '') return false;
  }
  return true;
}
