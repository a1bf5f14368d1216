import { partCuts } from '../parser/inParts';

/** The preview reads a document in parts of at least this many characters: a millisecond or two each. */
export const RENDER_PART_CHARS = 16 * 1024;

/** Elements without content: never closed. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>/g;
/** A tag written inside inline code: it is text, and the count of open elements below would count it. */
const TAG_IN_CODE = /`[^`\n]*<\/?[A-Za-z]/;

/**
 * Where the preview may read a document in parts, so that reading it into a tree is spread over the render's steps:
 * the parser's cuts (before a top-level heading where every markdown block has ended, see readInParts), less those
 * inside raw HTML still open there (a `<details>` opened before a heading and closed after it is one element only
 * when the two are read together). A document whose tags are not closed in the order they were opened is read whole.
 */
export function renderCuts(text: string, partChars = RENDER_PART_CHARS): number[] {
  const cuts = partCuts(text, partChars);
  if (!cuts.length || TAG_IN_CODE.test(text)) return [];
  const kept: number[] = [];
  const open: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    TAG.lastIndex = from;
    for (let tag = TAG.exec(text); tag && tag.index < cut; tag = TAG.exec(text)) {
      const name = tag[2].toLowerCase();
      if (VOID.has(name) || tag[3]) continue;
      if (!tag[1]) open.push(name);
      // Closed out of order (or left for the HTML parser to close): only a reading of the whole says what it makes.
      else if (open.pop() !== name) return [];
    }
    if (!open.length) kept.push(cut);
    from = cut;
  }
  return kept;
}
