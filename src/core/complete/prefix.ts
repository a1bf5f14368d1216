/**
 * What the writer has typed on the cursor's line, when it can be the start of a section label:
 * nothing, `<li`, `- **T`, `**Ta`, `### T`, `Task`… Anything else (prose, text after the cursor)
 * means the cursor is not at a place where a new section can start.
 */
export interface TypedPrefix {
  /** Offset of the start of the cursor's line. */
  lineStart: number;
  /** The cursor's offset. */
  cursor: number;
  /** The end of the cursor's line, before its line break: only blanks lie between the cursor and it. */
  lineEnd: number;
  /** What was typed after the line's leading whitespace ('' on an empty line). */
  typed: string;
}

/** `<`, `<l`, `<li`, `<li>`; a bullet with the start of a label; `**`/`__` with a word; `#`s with a word; a word. */
const LABEL_START =
  /^(?:<(?:li?>?)?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\*{1,2}|_{1,2})?\p{L}*)?|(?:\*{1,2}|_{1,2})\p{L}*|#{1,6}(?:[ \t]+\p{L}*)?|\p{L}+)?$/u;

/** Longest line prefix looked at: a label is never longer. */
const MAX_TYPED = 40;

export function typedPrefix(text: string, cursor: number): TypedPrefix | undefined {
  if (cursor < 0 || cursor > text.length) return undefined;
  // Between the \r and the \n of a line break is no place for a cursor.
  if (text[cursor - 1] === '\r' && text[cursor] === '\n') return undefined;
  let lineStart = cursor;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  // Only blanks may follow the cursor on its line.
  let lineEnd = cursor;
  for (; lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r'; lineEnd++) {
    if (text[lineEnd] !== ' ' && text[lineEnd] !== '\t') return undefined;
  }
  const before = text.slice(lineStart, cursor);
  const typed = before.replace(/^[ \t]+/, '');
  if (typed.length > MAX_TYPED || !LABEL_START.test(typed)) return undefined;
  return { lineStart, cursor, lineEnd, typed };
}
