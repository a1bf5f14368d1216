import { matchLabel, matchPlainLabel } from './labels';

/** Where a piece of a line starts: a tag, a table bar, bold or italic markers. */
const PIECE_BREAK = /<[^>\r\n]*>|\||\*\*|__/;
/** Markup that never belongs to a label's words. */
const MARKUP = /[*_`[\]]/g;
/** List, heading, quote and number markers before a label ("1. Situation - …" as well). */
const LEADING = /^[ \t\uFEFF#>+\-•]*(?:\d{1,9}[.)][ \t]*)?/;

/**
 * Cheap test of whether a text can hold a story: a story needs section labels, so a text where no line
 * has one where a label can stand (a line start, a table cell, a tag, bold) holds no story, and
 * parseBank would say so too (`hasStories` false). Callers that only want stories (the CLI's lint, a
 * folder's outline) skip the parse then. Generous on purpose: a false "maybe" costs a parse, a false
 * "no" would lose a story; it asks the parser's own label readers, so it knows every label they know.
 */
export function mayHoldStory(text: string): boolean {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (end > start && lineMayHoldLabel(text.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

function lineMayHoldLabel(line: string): boolean {
  if (!/\p{L}/u.test(line)) return false;
  // A line without tags, bars or bold (most prose) is one piece: it is read once, not twice.
  const pieces = PIECE_BREAK.test(line) ? [line.replace(/<[^>\r\n]*>/g, ' '), ...line.split(PIECE_BREAK)] : [line];
  for (const piece of pieces) {
    const clean = piece.replace(MARKUP, '').replace(LEADING, '');
    if (!clean) continue;
    if (matchPlainLabel(clean)) return true;
    const head = clean.split(/[:：]/)[0];
    if (matchLabel(head)) return true;
    const bare = clean.replace(/[ \t]*#*[ \t]*$/, '');
    if (bare !== head && matchLabel(bare)) return true;
  }
  return false;
}
