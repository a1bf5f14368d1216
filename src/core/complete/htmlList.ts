import type { Question } from '../model';

/**
 * For a story written as `<ul><li>…</li></ul>`: true when `offset` sits directly inside the list,
 * between two items, where a new `<li>` can go (not inside an item, not before `<ul>` or after `</ul>`).
 */
export function betweenListItems(text: string, question: Question, offset: number): boolean {
  const from = question.titleRange.end.offset;
  if (offset < from) return false;
  const stack: string[] = [];
  const tag = /<(\/?)(ul|ol|li)\b[^>]*>?/gi;
  tag.lastIndex = from;
  for (let m = tag.exec(text); m && m.index < offset; m = tag.exec(text)) {
    const name = m[2].toLowerCase();
    if (!m[1]) stack.push(name);
    else {
      // Close up to the matching open tag; a stray close tag is ignored.
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    }
  }
  const top = stack.at(-1);
  return top === 'ul' || top === 'ol';
}
