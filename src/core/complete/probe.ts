import type { LineIndex } from '../text/lineIndex';
import type { TypedPrefix } from './prefix';

/**
 * The story around the cursor, read without what was typed on the cursor's line. Two readings are
 * tried, since an opened line can change how a story reads either way: the line taken out (a blank
 * line ends an HTML block, so the `<li>` items after it would read as code), or the line left empty
 * (an existing blank line that separates two paragraphs).
 */
export interface Probe {
  /** The text from the region's start to its end, changed on the cursor's line. Positions read from it are relative to the region. */
  text: string;
  /** Where the cursor's line starts (or was), in `text`. */
  at: number;
  /** Where the line after the cursor's starts, in `text`. */
  nextStart: number;
  /** The cursor's line, counted from the region's first line. */
  line: number;
  /** The line after the cursor's, in `text`. */
  nextLine: number;
  /** False when nothing follows the cursor's line in the region. */
  hasNext: boolean;
}

/** `start` must be at the start of a line, before the cursor's line; `end` at or after the end of it. */
export function probesAround(text: string, lines: LineIndex, prefix: TypedPrefix, start: number, end: number): Probe[] {
  const cursorLine = lines.position(prefix.lineStart).line;
  const line = cursorLine - lines.position(start).line;
  const at = prefix.lineStart - start;
  const head = text.slice(start, prefix.lineStart);
  if (cursorLine + 1 >= lines.lineCount) {
    // The last line: taken out with the line break before it, or left empty.
    const cut = cursorLine > 0 ? Math.max(start, lines.lineEnd(cursorLine - 1)) : start;
    return [
      { text: text.slice(start, cut), at: cut - start, nextStart: cut - start, line, nextLine: line, hasNext: false },
      { text: head, at, nextStart: at, line, nextLine: line + 1, hasNext: false },
    ];
  }
  const next = lines.offsetAt(cursorLine + 1, 0);
  const tail = text.slice(next, Math.max(next, end));
  const eol = text.slice(lines.lineEnd(cursorLine), next);
  const hasNext = tail.length > 0;
  return [
    { text: head + tail, at, nextStart: at, line, nextLine: line, hasNext },
    { text: head + eol + tail, at, nextStart: at + eol.length, line, nextLine: line + 1, hasNext },
  ];
}
