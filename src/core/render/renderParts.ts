import { partCuts } from '../parser/inParts';

/** A document this long or shorter is read whole. */
export const RENDER_PART_CHARS = 16 * 1024;
/**
 * One in about this many of the headings where a part may start does start one. Which ones is decided by each
 * heading's own text, not by the length of what comes before it, so that an edit in one part leaves the others as they
 * were (the preview keeps their stories' HTML, see StoryHtmlCache): a part holds a few stories, a few kilobytes.
 */
const HEADINGS_PER_PART = 4;

/** Elements without content: never closed. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** A tag, its attributes up to the next `<` or `>` (a scan that stops there stays linear). */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(\/?)>/g;
/** A tag written inside inline code: it is text, and the count of open elements below would count it. */
const TAG_IN_CODE = /`[^`\n]*<\/?[A-Za-z]/;

/**
 * Where the preview may read a document in parts, so that reading it into a tree is spread over the render's steps:
 * some of the parser's places to cut (before a heading where every markdown block has ended, see readInParts), less those
 * inside raw HTML still open there (a `<details>` opened before a heading and closed after it is one element only
 * when the two are read together). A document whose tags are not closed in the order they were opened is read whole.
 */
export function renderCuts(text: string, partChars = RENDER_PART_CHARS): number[] {
  if (text.length <= partChars) return [];
  const cuts = partCuts(text, 1);
  if (!cuts.length || TAG_IN_CODE.test(text)) return [];
  const kept: number[] = [];
  const open: string[] = [];
  // One pass over the tags and the cuts together: the tag found past a cut waits for the next one.
  TAG.lastIndex = 0;
  let tag = TAG.exec(text);
  for (const cut of cuts) {
    for (; tag && tag.index < cut; tag = TAG.exec(text)) {
      const name = tag[2].toLowerCase();
      if (VOID.has(name) || tag[3]) continue;
      if (!tag[1]) open.push(name);
      // Closed out of order (or left for the HTML parser to close): only a reading of the whole says what it makes.
      else if (open.pop() !== name) return [];
    }
    if (!open.length && (partChars <= 1 || startsPart(text, cut))) kept.push(cut);
  }
  return kept;
}

/** Whether the heading line at `at` is one where a part starts: by a hash of the line's text. */
function startsPart(text: string, at: number): boolean {
  const end = text.indexOf('\n', at);
  let hash = 0;
  for (let i = at; i < (end < 0 ? text.length : end); i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0) % HEADINGS_PER_PART === 0;
}
