import type { Root, RootContent } from 'mdast';

/**
 * micromark reads a big file in time that grows with the square of its size: each time a list closes, its document
 * tokenizer walks every event of the document so far (a 1.2 MB bank took 4.4 s, 2.4 MB 15 s, over the time budget).
 * So a big file is read in parts, cut before a top-level ATX heading that follows a blank line: there every open
 * block has ended (a list, a quote, a paragraph, an HTML block of the kinds a blank line ends, indented code), and
 * each part reads as it would in the whole. Not cut when something can run past such a heading (a fence, an HTML
 * block that only its own closer ends, a comment over several lines) or when a part reads another's (a link or
 * footnote definition): then the file is read whole, as before.
 */
export function readInParts(text: string, read: (part: string) => Root, partBytes = PART_BYTES): Root {
  const cuts = partCuts(text, partBytes);
  if (!cuts.length) return read(text);
  const children: RootContent[] = [];
  let from = 0;
  let line = 0;
  let root: Root | undefined;
  for (const to of [...cuts, text.length]) {
    const part = text.slice(from, to);
    root = read(part);
    if (from > 0) shift(root, line, from);
    children.push(...root.children);
    for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) === 10) line++;
    from = to;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: root!.position!.end } };
}

/** Where readInParts cuts a text (at least `partBytes` apart); none when it reads the text whole. */
export function partCuts(text: string, partBytes = PART_BYTES): number[] {
  return text.length > partBytes && !RUNS_PAST_BLANK_LINES.test(text) && !DEFINITION.test(text) && !hasLongComment(text) ? cutsOf(text, partBytes) : [];
}

/** A part is at least this long (a few hundred stories): micromark's cost per part stays small, and parts few. */
const PART_BYTES = 64 * 1024;

/** Fenced code, and HTML blocks that only their closer ends (script, pre, style, textarea, <?, <!X, CDATA). */
const RUNS_PAST_BLANK_LINES = /```|~~~|<(?:script|pre|style|textarea)(?:[\s>]|$)|<\?|<![A-Za-z[]/i;
/** A link reference or footnote definition: other parts may use it. */
const DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m;

/** An HTML comment that does not end on the line it starts: it may run past a heading. */
function hasLongComment(text: string): boolean {
  // Each character is read a bounded number of times: a comment ends at the first `-->` after it and the next one
  // starts after that, and the line break after a comment's start is looked for again only once it is behind.
  let lineEnd = -1;
  for (let at = text.indexOf('<!--'); at !== -1; at = text.indexOf('<!--', at)) {
    const end = text.indexOf('-->', at + 4);
    if (end === -1) return true;
    if (lineEnd < at) {
      const found = text.indexOf('\n', at);
      lineEnd = found === -1 ? Infinity : found;
    }
    if (end > lineEnd) return true;
    at = end + 3;
  }
  return false;
}

/** Offsets of lines that start with `#` headings after a blank line, at least `partBytes` apart. */
function cutsOf(text: string, partBytes: number): number[] {
  const cuts: number[] = [];
  let last = 0;
  const heading = /\n[ \t]*\r?\n(#{1,6}(?:[ \t]|\r?\n|$))/g;
  for (let match = heading.exec(text); match; match = heading.exec(text)) {
    const at = match.index + match[0].length - match[1].length;
    if (at - last >= partBytes && text.length - at >= partBytes / 4) {
      cuts.push(at);
      last = at;
    }
  }
  return cuts;
}

/** Moves every position of a part's tree to where the part starts in the whole text (a line's start: columns stay). */
function shift(root: Root, lines: number, offset: number): void {
  const stack: { position?: Root['position']; children?: unknown[] }[] = [...root.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.position) {
      node.position.start = { ...node.position.start, line: node.position.start.line + lines, offset: node.position.start.offset! + offset };
      node.position.end = { ...node.position.end, line: node.position.end.line + lines, offset: node.position.end.offset! + offset };
    }
    if (node.children) for (const child of node.children) stack.push(child as (typeof stack)[number]);
  }
  root.position!.end = { ...root.position!.end, line: root.position!.end.line + lines, offset: root.position!.end.offset! + offset };
}
